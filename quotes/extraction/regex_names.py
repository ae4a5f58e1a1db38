"""Names in text that was not parsed: runs of capitalised words, titles stripped.

Paragraphs without speech are not parsed (for speed), but the people they name are what a later
"he said" refers to, so their names are found by regex here.
"""

from __future__ import annotations

from functools import lru_cache

import regex
from spacy.lang.en.stop_words import STOP_WORDS

from quotes.extraction.speakers import Mention, first_name_gender, gender_of, greeted
from quotes.models import SpeakerKind
from quotes.rules import Rules
from quotes.text.names import INITIAL


def _names_an_organisation(words: list[str], rules: Rules) -> bool:
    """A capitalised run whose head is an organisation word: the last word, or the word before
    "of" ("Harbour City Council", "Bank of England"), not a leading role ("Guard Darnell Okoye")."""
    org_words = rules.words("speakers.organisation_words") | rules.words("speakers.corporate_suffixes")
    heads = [words[-1], *(words[i - 1] for i, w in enumerate(words) if w == "of" and i > 0)]
    return any(w in org_words for w in heads)


CLAUSE_START = regex.compile(r"(?:[.!?,;:—–(\"“]|(?<!\p{L})['‘])\s*")  # an apostrophe in "club's" opens nothing
PHRASE_MAX_WORDS = 2  # "Her neighbour", "The chairman"; "The couple paid" is a clause


def _opens_a_clause(text: str, start: int, at: int, end: int, rules: Rules) -> bool:
    """Whether a name at `at` (up to `end`) comes first in its paragraph, sentence or clause,
    where subjects stand, rather than after a verb or preposition ("led Harbour City", "in
    Belgorod Region"), or right after a short noun phrase that opens it ("Her neighbour Teodoro
    Gil followed", "fish seller Mrs Blessing Okoro pointed": what the person does, then a verb)."""
    before = text[max(start, at - 80) : at]
    opening = max((m.end() for m in CLAUSE_START.finditer(before)), default=0 if at - 80 <= start else len(before))
    words = before[opening:].split()
    if not words:
        return True
    if len(words) > PHRASE_MAX_WORDS or not all(w[:1].islower() for w in words[1:]):
        return False
    after = text[end : end + 30].split()[:1]
    verb_after = bool(after) and after[0][:1].islower() and after[0].lower() not in STOP_WORDS
    return words[0].lower() in rules.words("speakers.phrase_openers") or (words[0][:1].islower() and verb_after)


@lru_cache(maxsize=4)  # one per list of particles: one per patterns folder
def capitalised_run(particles: frozenset[str]) -> regex.Pattern[str]:
    """Runs of capitalised words, with "of", "&" or a name particle between two of them."""
    inner = "|".join(["of", "&", *sorted(map(regex.escape, particles))])
    return regex.compile(rf"\b\p{{Lu}}[\p{{L}}'’.-]*(?:\s+(?:(?:{inner})\s+)*\p{{Lu}}[\p{{L}}'’.-]*)+")


ABBREVIATION_MAX = 3  # "Jr.", "St.": a word this short may end with its own full stop


# "La Estrella, a 38-seat diner", "Harrow Mills, which ...": what follows a name says it is a thing
THING_AFTER = regex.compile(
    r",\s+(?:which\b|(?:a|an|the)\s+(?:[\w'’-]+\s+){0,3}?(?P<noun>[\w'’-]+)"
    r"(?=\s*(?:[,.;:)]|$)|\s+(?:on|in|at|of|for|from|with|that|which|who|near|by)\b))"
)


def _set_beside_a_thing(text: str, end: int, rules: Rules) -> bool:
    found = THING_AFTER.match(text, end)
    if found is None:
        return False
    things = rules.words("speakers.organisation_words") | rules.words("speakers.place_words")
    return found.group("noun") is None or found.group("noun").lower() in things


def _is_title(word: str, rules: Rules) -> bool:
    """A title word, or a hyphenated one made of titles ("secretary-general", "attorney-general")."""
    return word in rules.title_words or all(part in rules.title_words for part in word.split("-"))


def _compound(word: str) -> bool:
    """ "Ten-woman", "Non-league": a capital, a hyphen and a lower-case word make no name word
    ("Jean-Pierre" has a capital after its hyphen)."""
    return regex.search(r"\p{L}-\p{Ll}", word) is not None


def _contracted(word: str) -> bool:
    """ "I'm", "We're", "They've": a pronoun and its verb, which open a sentence, not a name ("I'm Isla Macrae")."""
    before, apostrophe, _ = word.replace("’", "'").partition("'")
    return bool(apostrophe) and before in STOP_WORDS


def _possessive(word: str) -> bool:
    return word.endswith(("'s", "’s"))


WORD_BEFORE = regex.compile(r"(\p{Ll}+),\s+$")
TITLE_BEFORE = regex.compile(r"(?<![\p{L}'’-])(\p{Ll}+)[ \t]+$")


def _described_before(text: str, start: int, at: int, rules: Rules) -> tuple[str, ...]:
    """ "paid for by his son, Oleksandr Zhuravskyi": a kin word set off by a comma just before a
    name is its title, as the parse makes it where a paragraph is parsed ("Her brother John
    Kowalski is the mayor" names him first of all)."""
    before = WORD_BEFORE.search(text, max(start, at - 30), at)
    word = before.group(1) if before else ""
    if word in rules.words("speakers.kin"):
        return (word,)
    # "walked off with captain Lachlan Brereton": a title in lower case right before the name
    title = TITLE_BEFORE.search(text, max(start, at - 30), at)
    return (title.group(1),) if title and _is_title(title.group(1), rules) else ()


ROLE_AFTER = regex.compile(r"[ \t]*\((?P<role>[^()\n]{2,60})\)")


def _role_after(text: str, end: int, rules: Rules) -> tuple[str, ...]:
    """ "Mr S. Pell (Town Clerk)", as minutes list who attended: the title words in the brackets
    after a name are its titles."""
    found = ROLE_AFTER.match(text, end)
    return tuple(w for w in found.group("role").lower().split() if _is_title(w, rules)) if found else ()


SHARED_SURNAME = regex.compile(
    r"(?<!\p{Lu}[\p{L}'’.-]*\s)\b(?P<first>\p{Lu}\p{Ll}+)\s+and\s+(?P<second>\p{Lu}\p{Ll}+)\s+(?P<surname>\p{Lu}[\p{L}'’-]+)\b(?!\s+\p{Lu})"
)


def names_by_regex(text: str, start: int, end: int, rules: Rules) -> list[Mention]:
    """Names in text that was not parsed: runs of capitalised words, titles stripped.

    Paragraphs without speech are not parsed (for speed), but the people they name are
    what a later "he said" refers to.
    """
    found: list[Mention] = []
    for run in capitalised_run(rules.words("speakers.name_particles")).finditer(text, start, end):
        if greeted(text, run.start(), run.group(), rules, floor=start):
            continue
        for run_start, run_end in _sentence_pieces(text, run.start(), run.end(), rules):
            found.extend(_mention_in(text, start, run_start, run_end, rules))
    for couple in SHARED_SURNAME.finditer(text, start, end):  # "Rebecca and Tomas Lindqvist"
        first, second = couple.group("first"), couple.group("second")
        if rules.first_name_gender(first) and rules.first_name_gender(second):
            name = f"{first} {couple.group('surname')}"
            gender = first_name_gender(name, rules)
            found.append(Mention(name, couple.start("first"), "name", "person", couple.group("surname").lower(), gender=gender))
    for family in surnamed_family(rules.words("speakers.kin_groups")).finditer(text, start, end):
        if family.group("name").lower() not in STOP_WORDS:
            found.append(Mention(family.group(), family.start(), "name", "organisation", family.group("noun").lower()))
    return sorted(found, key=lambda m: m.start)


@lru_cache(maxsize=4)  # one per patterns folder
def surnamed_family(nouns: frozenset[str]) -> regex.Pattern[str]:
    """ "the Reyes family", "the Okafor household": a family named by its surname, which speaks as one."""
    return regex.compile(rf"(?<=\b[Tt]he\s+)(?P<name>\p{{Lu}}[\p{{L}}'’-]+)\s+(?P<noun>{'|'.join(sorted(nouns))})\b")


def _sentence_pieces(text: str, start: int, end: int, rules: Rules) -> list[tuple[int, int]]:
    """A run cut after each word whose full stop ends a sentence ("in Harwick. It rained"): a
    word longer than an abbreviation that is not a title ("Gov.", "Sen." go on)."""
    pieces, piece_start = [], start
    for word in regex.finditer(r"\S+", text[start:end]):
        token = word.group()
        if token.endswith(".") and len(token) > ABBREVIATION_MAX and token.lower() not in rules.title_words:
            pieces.append((piece_start, start + word.end()))
            piece_start = start + word.end()
    if piece_start < end:
        pieces.append((piece_start, end))
    return [(s + len(text[s:e]) - len(text[s:e].lstrip()), e) for s, e in pieces]


def _mention_in(text: str, start: int, run_start: int, run_end: int, rules: Rules) -> list[Mention]:
    """The name in one capitalised run (`start`: where its paragraph's text starts)."""
    particles = rules.words("speakers.name_particles")
    run = text[run_start:run_end]
    words = run.split()
    lowered = [w.lower().strip("'’") for w in words]
    if len(words) < 2:
        return []
    if _names_an_organisation(lowered, rules) or "&" in words:  # "Tarrow & Penn": a firm
        # "The Bank of England", "On Thursday Tallmora IF": the name starts after the sentence's opening words
        openers = rules.words("speakers.date_words") | (STOP_WORDS - particles)
        lead = 0
        while lead < len(words) - 1 and lowered[lead] in openers:
            lead += 1
        spans = [m.start() for m in regex.finditer(r"\S+", run)]
        words = words[lead:]
        return [Mention(" ".join(words), run_start + spans[lead], "name", "organisation", lowered[-1])] if len(words) >= 2 else []
    # "Kyiv's Mayor Vitali Klitschko": the name starts after a title, a possessive, a compound
    # ("Ten-woman") or a word capitalised only because it opens the sentence ("On Nov. 5", "The", "But")
    cut = max(
        (
            i
            for i, w in enumerate(lowered[:-1])
            if _is_title(w, rules)
            or (w in STOP_WORDS and w not in particles)
            or _possessive(w)
            or _compound(words[i])
            or _contracted(w)
        ),
        default=-1,
    )
    name = words[cut + 1 :]
    if _is_title(lowered[-1], rules) and not any(rules.first_name_gender(w) or INITIAL.fullmatch(w) for w in name):
        return []  # "(Town Clerk)", "the Responsible Financial Officer": an office, no one's name
    if _possessive(name[-1]):  # "paid Darren Pike's firm": Darren Pike
        name = [*name[:-1], name[-1][:-2]]
    if name[-1].endswith(".") and len(name[-1]) > ABBREVIATION_MAX:  # "questioned Corinne Haldane.": the sentence's end
        name = [*name[:-1], name[-1][:-1]]
    if len(name) < 2:
        return []
    offset = run_start + run.index(name[0])
    titles = tuple(lowered[: cut + 1]) + _described_before(text, start, run_start, rules) + _role_after(text, run_end, rules)
    written = " ".join(name)
    gender = gender_of(titles, rules) or first_name_gender(written, rules)
    # "the Volna Star", "The Harbour Bar": a name after "the" and no title is a thing's
    definite = titles[-1:] == ("the",) or (not titles and text[max(0, run_start - 4) : run_start].lower() == "the ")
    thing = _set_beside_a_thing(text, run_end, rules) or definite
    kind: SpeakerKind = "organisation" if gender is None and thing else "person"
    capitals = all(INITIAL.fullmatch(w) or (w.isupper() and w.isalpha() and len(w) > 1) for w in name)
    if capitals and not all(INITIAL.fullmatch(w) for w in name) and kind == "person":
        # "KIKI LAURENT v MAE SOLBERG": Kiki Laurent; "PAUL R. HOLLISTER, ESQ.": Paul R. Hollister
        written = " ".join(w if INITIAL.fullmatch(w) else w.capitalize() for w in name)
    subject = _opens_a_clause(text, start, run_start, run_end, rules)
    return [Mention(written, offset, "name", kind, name[-1].lower(), titles, subject=subject, gender=gender)]
