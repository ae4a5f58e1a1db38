"""Speaker identities across articles: one person, one name, whatever the spelling.

Known people and organisations come from `patterns/speakers.toml` and from the user's own
files (`--speakers`, or `speakers` in the `[tool.quotes]` settings), which win. Matching is
transliteration-insensitive (`identity_key`), so Zelensky, Zelenskiy and Zelenskyy all link
to one entry. Speakers the files do not know are linked across articles by `link_corpus`:
one spelling per key, and a surname alone to the only full name in the corpus that has it.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import regex

from quotes.config import ConfigError, line_of, parse_toml
from quotes.models import Quote, Speaker, SpeakerKind
from quotes.rules import load_rules, patterns_dir
from quotes.text.names import fold, identity_key, initials_of

ENTRY_KINDS: tuple[SpeakerKind, ...] = ("person", "organisation", "group")
ENTRY_HEADER = r"\[\[\s*speaker\s*\]\]"
FILE_KEYS = {"speaker", "titles"}
ENTRY_KEYS = {"name", "kind", "aliases", "titles", "id"}
TITLES_LINE = r"\[\s*titles\s*\]|titles\s*="
LEADING_ARTICLE = "the "


def _title_key(title: str) -> str:
    folded = fold(title)
    return folded.removeprefix(LEADING_ARTICLE)


@dataclass(frozen=True)
class SpeakerDirectory:
    speakers: tuple[Speaker, ...] = ()
    by_key: dict[str, Speaker] = field(default_factory=dict)
    by_title: dict[str, Speaker] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()

    def find(self, name: str) -> Speaker | None:
        """The entry with this name or alias (any transliteration), or with this exact title."""
        return self.by_key.get(identity_key(name)) or self.by_title.get(_title_key(name))

    def link(self, quote: Quote) -> Quote:
        """The quote with its speaker replaced by the canonical identity, when one is known."""
        if not quote.speaker:
            return quote
        known = self.find(quote.speaker)
        if known is None:
            return quote
        kind = known.kind if known.kind != "unknown" else quote.speaker_kind
        return replace(quote, speaker=known.name, speaker_kind=kind, speaker_id=known.id)

    def spellings(self, name: str) -> set[str]:
        """The identity keys of a known speaker's name and aliases (just the name's key when unknown)."""
        known = self.find(name)
        if known is None:
            return {identity_key(name)}
        return {identity_key(n) for n in (known.name, *known.aliases)}


def _strings(entry: dict[str, object], key: str, where: str) -> tuple[str, ...]:
    values = entry.get(key, [])
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise ConfigError(f"{where}: '{key}' must be a list of strings")
    return tuple(v.strip() for v in values if v.strip())


def _entry_lines(text: str) -> list[int]:
    """The line number of every [[speaker]] header, in order."""
    header = re.compile(ENTRY_HEADER)
    return [number for number, line in enumerate(text.splitlines(), start=1) if header.match(line.strip())]


def read_speakers(path: Path) -> list[Speaker]:
    data, text = parse_toml(path)
    for key in data:
        if key not in FILE_KEYS:
            line = line_of(text, rf"\[*\s*{re.escape(key)}\b") or 1
            raise ConfigError(f"{path}:{line}: unknown table or key {key!r}; a speakers file has [[speaker]] entries")
    titles = data.get("titles", {})
    titles_line = f"{path}:{line_of(text, TITLES_LINE) or 1}"
    if not isinstance(titles, dict):
        raise ConfigError(f"{titles_line}: [titles] is a table of word lists (words = [...])")
    for key in titles:
        if key not in ("words", "short_forms"):
            raise ConfigError(f"{titles_line}: unknown key {key!r} in [titles]; use words, short_forms")
        _strings(titles, key, titles_line)
    entries = data.get("speaker", [])
    if not isinstance(entries, list):
        line = line_of(text, r"speaker\s*=") or 1
        raise ConfigError(f"{path}:{line}: speakers are [[speaker]] tables")
    speakers: list[Speaker] = []
    headers = _entry_lines(text)  # once: looking each entry's line up again would be quadratic
    for number, entry in enumerate(entries, start=1):
        where = f"{path}:{headers[number - 1] if number <= len(headers) else 1}"
        name = entry.get("name") if isinstance(entry, dict) else None
        unknown = sorted(set(entry) - ENTRY_KEYS) if isinstance(entry, dict) else []
        if unknown:
            raise ConfigError(f"{where}: unknown key {unknown[0]!r} in [[speaker]]; use {', '.join(sorted(ENTRY_KEYS))}")
        if not isinstance(name, str) or not name.strip():
            raise ConfigError(f"{where}: this [[speaker]] entry needs a name")
        kind = entry.get("kind", "person")
        if kind not in ENTRY_KINDS:
            raise ConfigError(f"{where}: speaker {name!r} has kind {kind!r}; use one of {', '.join(ENTRY_KINDS)}")
        speaker_id = entry.get("id")
        if speaker_id is not None and not isinstance(speaker_id, str):
            raise ConfigError(f"{where}: speaker {name!r} has an id that is not a string")
        speakers.append(
            Speaker(
                name=name.strip(),
                kind=kind,
                aliases=_strings(entry, "aliases", where),
                titles=_strings(entry, "titles", where),
                id=speaker_id,
            )
        )
    return speakers


@lru_cache(maxsize=4)  # the built-in speakers plus one user's files, in practice
def load_directory(extra_files: tuple[Path, ...] = (), patterns: Path | None = None) -> SpeakerDirectory:
    """The speakers of a patterns folder (the built-in one by default), then the user's files;
    later files win on a shared alias."""
    by_key: dict[str, Speaker] = {}
    by_title: dict[str, Speaker] = {}
    owner: dict[str, tuple[str, Path]] = {}
    warnings: list[str] = []
    speakers: list[Speaker] = []
    for path in ((patterns or patterns_dir()) / "speakers.toml", *extra_files):
        for speaker in read_speakers(path):
            speakers.append(speaker)
            for name in (speaker.name, *speaker.aliases):
                key = identity_key(name)
                previous = owner.get(key)
                if previous and previous[0] != speaker.name:
                    earlier = f"{previous[0]!r}" if previous[1] == path else f"{previous[0]!r} ({previous[1]})"
                    warnings.append(f"{path}: alias {name!r} is listed for both {earlier} and {speaker.name!r}; the latter wins")
                owner[key] = (speaker.name, path)
                by_key[key] = speaker
            for title in speaker.titles:
                by_title[_title_key(title)] = speaker
    return SpeakerDirectory(tuple(speakers), by_key, by_title, tuple(warnings))


def same_person(a: str, b: str) -> bool:
    """One identity: equal `identity_key`s (spellings, transliterations), a surname (with its
    particles) that ends the other name ("Falk", "Ines Falk"; "Van der Berg"), a first name and
    surname without the middle name or patronymic ("Arkady Belyaev"), a given name and the first
    of two surnames ("Lucía Esteban", "Lucía Esteban Ródenas"), or one surname with
    a short form of the first name ("Don Kessler", "Donald Kessler") or a first name spelt
    otherwise ("Demetri Costakis", "Dimitris Kostakis"), of one gender; or a body's initials
    ("NWS", "NordWest Schienennetz"). Speakers are canonical
    names by now, so aliases from the directory are already one name."""
    key_a, key_b = identity_key(a), identity_key(b)
    # "Abdel Rahman", "Abdel-Rahman", "Abdelrahman": one name however its parts are joined
    if key_a.replace(" ", "") == key_b.replace(" ", "") or initials_of(a, b):
        return True
    words_a, words_b = key_a.split(), key_b.split()
    shorter, longer = sorted((words_a, words_b), key=len)
    one_surname = len(words_a) == len(words_b) == 2 and words_a[1] == words_b[1]
    # "Arkady Belyaev", "Arkady Yuryevich Belyaev": a patronymic or middle name left out
    middle_left_out = len(shorter) == 2 and len(longer) > 2 and shorter == [longer[0], longer[-1]]
    # "Lucía Esteban", "Lucía Esteban Ródenas": a given name and the first of two surnames
    longest = max((a, b), key=lambda name: len(name.split()))
    second_surname_left_out = (
        len(shorter) == 2 and len(longer) == 3 and shorter == longer[:2] and longest.split()[-1][:1].isupper()
    )
    return bool(shorter) and (
        shorter == longer[-len(shorter) :]  # "Falk", "Ines Falk"; "Van der Berg", "Pieter van der Berg"
        or middle_left_out
        or second_surname_left_out
        or (one_surname and _first_name_variants(words_a[0], words_b[0]) and _first_names_agree(a, b))
        or (one_surname and _initial_of(a.split()[0], b.split()[0]))
        # "Denise Arceneaux", "Denise Arseneaux": one given name, a long surname spelt one letter apart
        or (len(words_a) == len(words_b) == 2 and words_a[0] == words_b[0] and _one_letter_apart(words_a[1], words_b[1]))
    )


LONG_SURNAME = 6  # "Arceneaux", "Arseneaux"; "Hale" and "Hall" are two names


def _one_letter_apart(a: str, b: str) -> bool:
    """Whether two long words differ by one letter changed, added or dropped."""
    if min(len(a), len(b)) < LONG_SURNAME or abs(len(a) - len(b)) > 1 or a == b:
        return False
    short, long = sorted((a, b), key=len)
    i = next((k for k, (x, y) in enumerate(zip(short, long, strict=False)) if x != y), len(short))
    return short[i + (len(short) == len(long)) :] == long[i + 1 :]


def _initial_of(a: str, b: str) -> bool:
    """ "A." and "Anil": one written as the initial of the other ("Mr A. Chaturvedi" in minutes)."""
    initial, full = sorted((a, b), key=len)
    return regex.fullmatch(r"\p{Lu}\.?", initial) is not None and len(full) > 2 and full[0] == initial[0]


SHORT_FIRST_NAME_MIN = 3  # "Don" for Donald, "Alex" for Alexander; "Al" says too little
SKELETON_MIN = 4  # "Dmtr" of Demetri and Dimitris; "Dnl" would join Daniel and Daniela


def _first_name_variants(a: str, b: str) -> bool:
    """Two keys of one first name: a short form ("Don", "Donald") or the same consonants, a final
    "s" aside ("Demetri", "Dimitris")."""
    short, full = sorted((a, b), key=len)
    if len(short) >= SHORT_FIRST_NAME_MIN and full.startswith(short):
        return True
    return _consonants(a) == _consonants(b) and len(_consonants(a)) >= SKELETON_MIN


def _first_names_agree(a: str, b: str) -> bool:
    """Whether no first-name table gives the two names' first words two genders (Daniel, Daniela)."""
    rules = load_rules()
    return len({rules.first_name_gender(a.split()[0]), rules.first_name_gender(b.split()[0])} - {None}) < 2


def _consonants(word: str) -> str:
    return "".join(c for c in word.removesuffix("s") if c not in "aeiouy")


def surname_and_initial_of(a: str, b: str) -> bool:
    """ "Ueli Brandenberger" and "Ulrich Brandenberger": one surname and first names that start
    alike, perhaps a pet form of one name; no sure sign of two people."""
    words_a, words_b = identity_key(a).split(), identity_key(b).split()
    if len(words_a) < 2 or len(words_b) < 2:
        return False
    if words_a[-1] == words_b[-1] and words_a[0][:1] == words_b[0][:1]:
        return True
    # "H. Liao" and "Liao Hsin-yi": one of them gives the family name first
    return (words_a[-1] == words_b[0] and words_a[0][:1] == words_b[-1][:1]) or (
        words_b[-1] == words_a[0] and words_b[0][:1] == words_a[-1][:1]
    )


def one_word_of(short: str, name: str) -> bool:
    """ "Lee" for "Lee Dawson": a name of one word that is one of the other name's words."""
    words = identity_key(short).split()
    return len(words) == 1 and words[0] in identity_key(name).split()


def speaks_for(body: str, person: str) -> bool:
    """Whether `body` is named after `person` and speaks for them: "Elaine Marsh campaign" or
    "Marsh aides" for Elaine Marsh, "Clinton Foundation" for Hillary Clinton. Not "Bill Clinton":
    a surname that ends both names is two people who share it."""
    body_words, person_words = identity_key(body).split(), identity_key(person).split()
    return bool(person_words) and len(body_words) > 1 and person_words[-1] in body_words[:-1]


def speaker_filter(directory: SpeakerDirectory, name: str) -> Callable[[str | None], bool]:
    """A test for "is this quote's speaker the one asked for": the same person (any alias, any
    transliteration), or a name of which the one asked for is a part ("Alexei" finds "Alexei Smirnov")."""
    known = directory.find(name)
    wanted_name = known.name if known else name
    wanted = identity_key(wanted_name)

    def matches(speaker: str | None) -> bool:
        if not speaker:
            return False
        return same_person(speaker, wanted_name) or f" {wanted} " in f" {identity_key(speaker)} "

    return matches


# --- across articles ---------------------------------------------------------------------------


def _surname_key(name: str) -> str:
    return identity_key(name.split()[-1]) if name.split() else ""


def _spelling_key(name: str) -> str:
    """The identity key without word breaks: "Abdul Hamid Gaddour" and "Abdulhamid Qaddour" share it."""
    return identity_key(name).replace(" ", "")


def _longer_names(names: set[str], generic: frozenset[str]) -> dict[str, set[str]]:
    """For each tail of two words or more of a name, the longer names that end in it: "kenyan interior
    ministr" -> {"Kenyan Interior Ministry"}. A tail of generic words only ("Health Ministry", "City
    Council") names no one organisation and is left out."""
    found: dict[str, set[str]] = defaultdict(set)
    for name in names:
        written, words = name.split(), identity_key(name).split()
        for start in range(1, len(words) - 1):
            if not all(w.casefold() in generic for w in written[start:]):
                found[" ".join(words[start:])].add(name)
    return found


def link_corpus(quotes: list[Quote], directory: SpeakerDirectory) -> list[Quote]:
    """Unknown people linked across articles: one spelling per identity key, surnames to full names.

    The most common spelling of a key wins (the first seen on a tie). A surname alone joins the
    full name when exactly one full name in the corpus has that surname; two people who share a
    surname ("Anna Smith", "John Smith") keep it ambiguous, so "Smith" stays as written. In the
    same way an organisation's name of two words or more joins the one longer organisation name
    that ends in it ("Interior Ministry", "Kenyan Interior Ministry"), unless it is generic words
    only ("Health Ministry").
    """
    unknown = {i for i, q in enumerate(quotes) if q.speaker and not directory.find(q.speaker)}
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    for i in unknown:
        name = quotes[i].speaker or ""
        spellings[_spelling_key(name)][name] += 1
    canonical = {key: counts.most_common(1)[0][0] for key, counts in spellings.items()}
    full_names: dict[str, set[str]] = defaultdict(set)
    people = {identity_key(quotes[i].speaker or "") for i in unknown if quotes[i].speaker_kind == "person"}
    for name in canonical.values():
        key = identity_key(name)
        if len(key.split()) >= 2 and key in people:
            full_names[_surname_key(name)].add(name)
    organisations = {quotes[i].speaker or "" for i in unknown if quotes[i].speaker_kind == "organisation"}
    rules = load_rules()
    generic = rules.title_words | rules.words("speakers.organisation_words")
    longer = _longer_names({canonical[_spelling_key(name)] for name in organisations}, generic)
    linked: list[Quote] = []
    for i, quote in enumerate(quotes):
        if i in unknown and quote.speaker:
            key = identity_key(quote.speaker)
            name = canonical[_spelling_key(quote.speaker)]
            if quote.speaker_kind == "person" and len(key.split()) == 1 and len(full_names.get(key, ())) == 1:
                name = next(iter(full_names[key]))
            elif quote.speaker_kind == "organisation" and len(longer.get(identity_key(name), ())) == 1:
                name = next(iter(longer[identity_key(name)]))  # "Interior Ministry" / "Kenyan Interior Ministry"
            if name != quote.speaker:
                quote = replace(quote, speaker=name)
        linked.append(quote)
    return _titles_to_holders(linked, rules.title_words)


def _titles_to_holders(quotes: list[Quote], title_words: frozenset[str]) -> list[Quote]:
    """ "the Taoiseach said", in a podcast that never names him: the one person whom another
    article of the corpus gives that title as their role ("The Taoiseach, Ciarán Ó Súilleabháin").
    A title two people hold ("the minister" of two ministries) stays as written."""
    holders: dict[str, set[str]] = defaultdict(set)
    for quote in quotes:
        if quote.speaker and quote.speaker_kind == "person" and quote.speaker_role:
            for word in fold(quote.speaker_role).split():
                if word in title_words:
                    holders[word].add(quote.speaker)
    linked = []
    for quote in quotes:
        title = _title_key(quote.speaker or "")
        if quote.speaker_kind == "unnamed" and title in title_words and len(holders.get(title, ())) == 1:
            holder = next(iter(holders[title]))
            quote = replace(quote, speaker=holder, speaker_kind="person", speaker_role=quote.speaker_role or quote.speaker)
        linked.append(quote)
    return linked


# --- the speakers table ------------------------------------------------------------------------


@dataclass
class SpeakerSummary:
    """One identity over a set of sources: what `quotes speakers` lists."""

    name: str
    kinds: set[str] = field(default_factory=set)
    id: str | None = None
    spellings: Counter[str] = field(default_factory=Counter)
    quotes: int = 0
    sources: set[str] = field(default_factory=set)

    def to_record(self) -> dict[str, Any]:
        return {
            "speaker": self.name,
            "kinds": sorted(self.kinds),
            "id": self.id,
            "spellings": [s for s, _ in self.spellings.most_common()],
            "quotes": self.quotes,
            "sources": len(self.sources),
        }


def summarise_speakers(quotes: Iterable[Quote], directory: SpeakerDirectory) -> list[SpeakerSummary]:
    """Speaker identities with their spellings seen, numbers of quotes and of sources; most quoted first."""
    by_name: dict[str, SpeakerSummary] = {}
    for quote in quotes:
        if not quote.speaker:
            continue
        summary = by_name.setdefault(quote.speaker, SpeakerSummary(quote.speaker, id=quote.speaker_id))
        summary.kinds.add(quote.speaker_kind)
        summary.quotes += 1
        summary.sources.add(quote.source)
        if quote.speaker_mention and is_spelling_of(quote.speaker_mention, quote.speaker, directory):
            summary.spellings[quote.speaker_mention] += 1
    return sorted(by_name.values(), key=lambda s: (-s.quotes, -len(s.sources), s.name))


def is_spelling_of(mention: str, speaker: str, directory: SpeakerDirectory) -> bool:
    """Whether a mention writes the speaker's name: an alias, or a name sharing a word ("Matthew Mueller")."""
    if not load_rules().is_written_name(mention):
        return False
    key = identity_key(mention)
    return key in directory.spellings(speaker) or bool(set(key.split()) & set(identity_key(speaker).split()))
