"""Load the rules in `patterns/`: quote marks, cue lexicons, dependency patterns, speakers.

The files are data a journalist or linguist edits; this module only reads them into frozen
dataclasses. `load_rules()` is cached because the files do not change while a process runs.
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import regex

from quotes.rules.errors import RulesError
from quotes.rules.validate import (
    ATTRIBUTION_NODES,
    REPORTED_NODES,
    check_lexicon,
    check_nodes,
    check_rule_shape,
    check_toml_keys,
    check_with_spacy,
)
from quotes.text.names import fold, is_written_name

TOML_POSITION = regex.compile(r"\s*\(at line (\d+), column \d+\)")
RULE_KEYS = frozenset({"label", "pattern", "span", "skip_first"})  # what a line of attribution/reported.jsonl may hold


WordLists = dict[str, frozenset[str]]


@dataclass(frozen=True)
class MarkPair:
    open: str
    close: str
    level: str  # "double" or "single"
    spaced: bool = False  # French style: a space may stand inside the marks (« Non »)
    only_without: tuple[str, ...] = ()  # the pair is used only in documents holding none of these characters
    only_with: tuple[str, ...] = ()  # ... and, if given, holding one of these


@dataclass(frozen=True)
class DependencyRule:
    """One DependencyMatcher pattern from a JSONL file, with what to do with its match."""

    label: str
    pattern: list[dict[str, Any]]
    span: tuple[str, ...] = ("content",)
    skip_first: bool = False
    where: str = ""  # "file:line", for error messages

    @property
    def nodes(self) -> tuple[str, ...]:
        return tuple(node["RIGHT_ID"] for node in self.pattern)


WORD = regex.compile(r"\p{L}+")


@dataclass(frozen=True)
class Translation:
    """quote_marks.toml [translation]: a bracketed translation after a quote in another language."""

    bracket: regex.Pattern[str]
    label: regex.Pattern[str]
    reach: int
    min_words: int
    max_english_share: float
    english_words: frozenset[str]

    def foreign(self, words: str) -> bool:
        """Whether a quote is in another language: long enough to be speech, few English words."""
        found = WORD.findall(words.lower())
        return len(found) >= self.min_words and self._english_share(found) <= self.max_english_share

    def english_share(self, words: str) -> float:
        return self._english_share(WORD.findall(words.lower()))

    def _english_share(self, words: list[str]) -> float:
        """The share of common English words among the words of two letters or more ("i'r" and
        "a" of Welsh say nothing)."""
        longer = [w for w in words if len(w) > 1]
        return sum(w in self.english_words for w in longer) / len(longer) if longer else 0.0


@dataclass(frozen=True)
class Rules:
    mark_pairs: tuple[MarkPair, ...]
    elisions: frozenset[str]
    not_possessed: frozenset[str]
    naming_words: frozenset[str]
    short_naming_words: frozenset[str]
    before_names: frozenset[str]
    term_max_words: int
    lexicon: dict[str, frozenset[str]]
    prepositional: dict[str, frozenset[str]]  # preposition -> verbs ("call for" -> for: {call})
    channel_words: frozenset[str]
    outlets: frozenset[str]
    title_words: frozenset[str]
    dateline: regex.Pattern[str] | None = None
    read_as_blanks: regex.Pattern[str] | None = None  # ", R-Kess.,", '"Monching"' in a name: the parser reads blanks
    user_name: regex.Pattern[str] | None = None  # "u/harbour_watch": one token
    nickname: regex.Pattern[str] | None = None  # 'Sam "Big Sam" Aldridge': a name the person also goes by
    defined_term: regex.Pattern[str] | None = None  # 'Verdana Lithium plc ("Verdana" or the "Company")'
    dialogue_dashes: frozenset[str] = frozenset()  # a paragraph opened by one, with no space after it, is speech
    spaced_dialogue_dashes: frozenset[str] = frozenset()  # "– Words, said Name." (quote_marks.toml [dialogue])
    attribution: tuple[DependencyRule, ...] = field(default=())
    reported: tuple[DependencyRule, ...] = field(default=())
    # Irregular forms of the cue words (said, told, forbade), from the model's own lemmatizer
    # tables once a model is loaded (quotes.extraction.parse.irregular_forms); regular forms
    # are found from the words' stems.
    verb_forms: frozenset[str] = frozenset()
    title_forms: dict[str, str] = field(default_factory=dict)  # a title's short form -> its full form ("gov." -> "governor")
    # spaCy NER label -> the kind it makes a doubtful name ("GPE" -> organisation), from entities.toml
    entity_labels: dict[str, str] = field(default_factory=dict)
    translation: Translation | None = None

    def words(self, name: str) -> frozenset[str]:
        try:
            return self.lexicon[name]
        except KeyError:
            raise RulesError(f"no word list {name!r} in the patterns (code and patterns disagree)") from None

    @property
    def pronouns(self) -> frozenset[str]:
        """Every pronoun of every list in cues.toml [speakers] (a pronoun is never a name)."""
        return frozenset().union(*(words for name, words in self.lexicon.items() if name.endswith("_pronouns")))

    @cached_property  # asked once a paragraph
    def first_person(self) -> frozenset[str]:
        """The words that speak as "I" or "we": "i", "we", "me", "my", "our" ..."""
        return self.words("speakers.first_person_pronouns") | self.words("speakers.first_person_possessives")

    @property
    def cue_verbs(self) -> frozenset[str]:
        """Every verb of every construction ("verbs.any", built when the rules are loaded)."""
        return self.words("verbs.any")

    @cached_property
    def first_names(self) -> frozenset[str]:
        """Every first name that tells a gender (first_names.tsv with first_names.toml on top)."""
        return self.words("first_names.female") | self.words("first_names.male")

    def first_name_gender(self, word: str) -> str | None:
        """ "female" or "male" for a first name the tables give a gender, accents aside ("Göran")."""
        key = fold(word)
        return next((g for g in GENDERS if key in self.words(f"first_names.{g}")), None)

    def is_written_name(self, mention: str) -> bool:
        """Whether a speaker mention is a name as written, not a pronoun or a description."""
        return is_written_name(mention, self.pronouns, self.words("speakers.name_particles"))

    @property
    def quote_chars(self) -> str:
        """Every character of every quote mark in quote_marks.toml, and the dialogue dashes."""
        return "".join(sorted({c for pair in self.mark_pairs for c in pair.open + pair.close} | self.dialogue_dashes))

    @cached_property  # the pre-parse filter asks for it once a paragraph
    def cue_words(self) -> frozenset[str]:
        """Every word whose presence lets a paragraph hold speech: the verbs, the statement nouns,
        "according" and "quoted as" (only the first word of a phrase)."""
        words = self.cue_verbs | self.words("nouns.statement") | self.words("nouns.according") | self.words("verbs.quoted_as")
        return frozenset(w.split()[0] for w in words)

    @cached_property
    def _cue_prescan(self) -> regex.Pattern[str]:
        stems = sorted({verb_stem(w) for w in self.cue_words} | self.verb_forms, key=len, reverse=True)
        return regex.compile(r"\b(?:" + "|".join(regex.escape(s) for s in stems) + r")", regex.IGNORECASE)

    @property
    def abbreviations(self) -> frozenset[str]:
        """The titles written with a full stop ("smt.", "supt.")."""
        return frozenset(w for w in (*self.title_words, *self.title_forms) if w.endswith(".") and len(w) > 2)

    @cached_property
    def cue_verb_forms(self) -> frozenset[str]:
        """Every form of every cue verb: the model's irregular ones and the regular inflections."""
        forms = set(self.verb_forms)
        for lemma in self.cue_verbs:
            stem = verb_stem(lemma)
            forms |= {lemma, lemma + "s", lemma + "ed", lemma + "d", lemma + "ing", stem + "es", stem + "ing"}
            forms |= {stem + "ies", stem + "ied"} if stem != lemma and lemma.endswith("y") else set()
            forms.add(lemma + lemma[-1] + "ed")  # admitted
        return frozenset(forms)

    def may_hold_speech(self, text: str) -> bool:
        """A cheap test before parsing: does the text contain a form of a cue word?"""
        return self._cue_prescan.search(text) is not None


def verb_stem(lemma: str) -> str:
    """A prefix shared by a verb's inflections: state -> stat (stated, stating), deny -> den."""
    if lemma.endswith("e") and len(lemma) > 3:
        return lemma[:-1]
    if lemma.endswith("y") and len(lemma) > 3 and lemma[-2] not in "aeiou":
        return lemma[:-1]
    return lemma


def patterns_dir() -> Path:
    """The `patterns/` folder: inside the installed package, or beside it in a source tree."""
    packaged = Path(str(resources.files("quotes"))) / "patterns"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "patterns"


def seeds_dir() -> Path:
    """The built-in demo corpus (`seeds/`), found the same way as the patterns."""
    packaged = Path(str(resources.files("quotes"))) / "seeds"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "seeds"


def read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as err:
        raise RulesError(f"{path}: cannot read ({err})") from err
    except tomllib.TOMLDecodeError as err:
        found = TOML_POSITION.search(str(err))
        message = TOML_POSITION.sub("", str(err)).strip()
        raise RulesError(f"{path}:{found.group(1)}: {message}" if found else f"{path}: {message}") from err


GENDERS = ("female", "male")


def read_first_names(path: Path) -> dict[str, list[str]]:
    """`name<TAB>female|male` lines (patterns/first_names.tsv); none when the file is absent."""
    table: dict[str, list[str]] = {gender: [] for gender in GENDERS}
    if not path.exists():
        return table
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise RulesError(f"{path}: cannot read ({err})") from err
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        name, _, gender = line.partition("\t")
        if gender not in table or not name.strip():
            raise RulesError(f"{path}:{number}: expected a name, a tab and female or male, got {line!r}")
        table[gender].append(name.strip().lower())
    return table


def _first_names(census: dict[str, list[str]], curated: dict[str, Any]) -> dict[str, frozenset[str]]:
    """The census table with the hand-curated lists on top: a curated name keeps only its curated
    gender, and a unisex one none."""
    mine = _flatten_lexicon(curated)
    chosen = frozenset().union(*mine.values())
    return {g: frozenset(n for n in census[g] if n not in chosen) | mine.get(g, frozenset()) for g in GENDERS}


def _flatten_lexicon(data: dict[str, Any], prefix: str = "") -> dict[str, frozenset[str]]:
    """{"verbs": {"clause": [...]}} -> {"verbs.clause": frozenset(...)}"""
    flat: dict[str, frozenset[str]] = {}
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flatten_lexicon(value, f"{name}."))
        elif isinstance(value, list):
            flat[name] = frozenset(str(v).lower() for v in value)
    return flat


def _substitute(value: Any, lexicon: dict[str, frozenset[str]], where: str) -> Any:
    """Replace "$list.name" strings in a pattern with the sorted words of that lexicon list."""
    if isinstance(value, str) and value.startswith("$"):
        name = value[1:]
        if name not in lexicon:
            raise RulesError(f"{where}: unknown word list {value!r}")
        return sorted(lexicon[name])
    if isinstance(value, dict):
        return {k: _substitute(v, lexicon, where) for k, v in value.items()}
    if isinstance(value, list):
        return [_substitute(v, lexicon, where) for v in value]
    return value


def read_dependency_rules(path: Path, lexicon: dict[str, frozenset[str]]) -> tuple[DependencyRule, ...]:
    rules: list[DependencyRule] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise RulesError(f"{path}: cannot read ({err})") from err
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        where = f"{path}:{number}"
        try:
            entry = json.loads(line)
        except json.JSONDecodeError as err:
            raise RulesError(f"{where}: not valid JSON ({err.msg})") from err
        if not isinstance(entry, dict) or "label" not in entry or "pattern" not in entry:
            raise RulesError(f'{where}: each line needs a "label" and a "pattern"')
        if unknown := sorted(set(entry) - RULE_KEYS):
            raise RulesError(f"{where}: unknown key {unknown[0]!r} (known: {', '.join(sorted(RULE_KEYS))})")
        check_rule_shape(entry, where)
        rules.append(
            DependencyRule(
                label=entry["label"],
                pattern=_substitute(entry["pattern"], lexicon, where),
                span=tuple(entry.get("span", ["content"])),
                skip_first=bool(entry.get("skip_first", False)),
                where=where,
            )
        )
    return tuple(rules)


def _prepositional_groups(phrases: frozenset[str]) -> dict[str, frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for phrase in phrases:
        verb, _, prep = phrase.partition(" ")
        if prep:
            groups.setdefault(prep, set()).add(verb)
    return {prep: frozenset(verbs) for prep, verbs in groups.items()}


def _full_lexicon(cues: dict[str, Any], first_names: dict[str, frozenset[str]]) -> tuple[WordLists, WordLists]:
    """Every word list by its dotted name, with the lists derived from them; and the verbs by preposition."""
    lexicon = _flatten_lexicon(cues)
    lexicon.update({f"first_names.{gender}": names for gender, names in first_names.items()})
    prepositional = _prepositional_groups(lexicon.get("verbs.prepositional", frozenset()))
    # Pattern files refer to "$prep.for" etc.: the verbs that take that preposition.
    for prep, verbs in prepositional.items():
        lexicon[f"prep.{prep}"] = verbs
    lexicon["prepositions"] = frozenset(prepositional)
    # "shot back that ...": a phrasal cue takes a clause as its one-word synonym does
    lexicon["verbs.clause"] = lexicon.get("verbs.clause", frozenset()) | lexicon.get("verbs.phrasal", frozenset())
    lexicon["verbs.any"] = frozenset().union(
        *(
            lexicon.get(k, frozenset())
            for k in ("verbs.clause", "verbs.phrasal", "verbs.object_infinitive", "verbs.infinitive", "verbs.object")
        ),
        *prepositional.values(),
    )
    return lexicon, prepositional


def _mark_pairs(path: Path, marks: dict[str, Any]) -> tuple[MarkPair, ...]:
    try:
        return tuple(
            MarkPair(
                p["open"],
                p["close"],
                p.get("level", "double"),
                bool(p.get("spaced", False)),
                tuple(p.get("only_without", ())),
                tuple(p.get("only_with", ())),
            )
            for p in marks["pair"]
        )
    except (KeyError, TypeError) as err:
        raise RulesError(f"{path}: each [[pair]] needs open and close") from err


def _title_forms(path: Path, pairs: list[str]) -> dict[str, str]:
    forms: dict[str, str] = {}
    for pair in pairs:
        words = pair.lower().split()
        if len(words) != 2:
            raise RulesError(f"{path}: [titles] short_forms entries are 'short full', got {pair!r}")
        forms[words[0]] = words[1]
    return forms


def _layout_pattern(path: Path, marks: dict[str, Any], *keys: str) -> regex.Pattern[str] | None:
    """The [layout] patterns under `keys`, as one pattern that matches what any of them does."""
    patterns = []
    for key in keys:
        pattern = marks.get("layout", {}).get(key)
        try:
            patterns += [regex.compile(pattern).pattern] if pattern else []
        except regex.error as err:
            raise RulesError(f"{path}: [layout] {key} is not a valid pattern ({err})") from err
    return regex.compile("|".join(f"(?:{p})" for p in patterns)) if patterns else None


@lru_cache(maxsize=4)  # the built-in patterns and at most a user's folder or two
def load_rules(directory: Path | None = None) -> Rules:
    """Read and check every pattern file in `directory` (the built-in patterns by default)."""
    folder = directory or patterns_dir()
    marks = read_toml(folder / "quote_marks.toml")
    cues = read_toml(folder / "cues.toml")
    speakers = read_toml(folder / "speakers.toml")
    first_names = read_toml(folder / "first_names.toml")
    entities = read_toml(folder / "entities.toml")
    check_toml_keys(
        folder,
        {"quote_marks.toml": marks, "speakers.toml": speakers, "first_names.toml": first_names, "entities.toml": entities},
    )
    names = _first_names(read_first_names(folder / "first_names.tsv"), first_names)
    lexicon, prepositional = _full_lexicon(cues, names)
    pairs = _mark_pairs(folder / "quote_marks.toml", marks)
    terms = marks.get("terms", {})
    channels = cues.get("channels", {})
    dateline_pattern = _layout_pattern(folder / "quote_marks.toml", marks, "dateline")
    attribution = read_dependency_rules(folder / "attribution.jsonl", lexicon)
    reported = read_dependency_rules(folder / "reported.jsonl", lexicon)
    check_lexicon(folder / "cues.toml", cues, lexicon, (folder / "attribution.jsonl", folder / "reported.jsonl"))
    check_nodes(attribution, ATTRIBUTION_NODES)
    check_nodes(reported, REPORTED_NODES)
    check_with_spacy((*attribution, *reported))
    title_forms = _title_forms(folder / "speakers.toml", speakers.get("titles", {}).get("short_forms", []))
    return Rules(
        mark_pairs=pairs,
        elisions=frozenset(e.lower() for e in marks.get("apostrophes", {}).get("elisions", [])),
        not_possessed=frozenset(w.lower() for w in marks.get("apostrophes", {}).get("not_possessed", [])),
        naming_words=frozenset(w.lower() for w in terms.get("naming_words", [])),
        short_naming_words=frozenset(w.lower() for w in terms.get("short_naming_words", [])),
        before_names=frozenset(w.lower() for w in terms.get("before_names", [])),
        term_max_words=int(terms.get("max_words", 4)),
        lexicon=lexicon,
        prepositional=prepositional,
        channel_words=frozenset(w.lower() for w in channels.get("words", [])),
        outlets=frozenset(channels.get("outlets", [])),
        # a short form is a title word too: "Cllr Pybus" is Pybus
        title_words=frozenset(w.lower() for w in speakers.get("titles", {}).get("words", [])) | frozenset(title_forms),
        title_forms=title_forms,
        dateline=dateline_pattern,
        read_as_blanks=_layout_pattern(folder / "quote_marks.toml", marks, "party_label", "nickname"),
        user_name=_layout_pattern(folder / "quote_marks.toml", marks, "user_name"),
        nickname=_layout_pattern(folder / "quote_marks.toml", marks, "nickname"),
        defined_term=_layout_pattern(folder / "quote_marks.toml", marks, "defined_term"),
        dialogue_dashes=frozenset(marks.get("dialogue", {}).get("dashes", [])),
        spaced_dialogue_dashes=frozenset(marks.get("dialogue", {}).get("spaced_dashes", [])),
        entity_labels={label: kind for kind, labels in entities.get("labels", {}).items() for label in labels},
        attribution=attribution,
        reported=reported,
        translation=_translation(folder / "quote_marks.toml", marks.get("translation")),
    )


def _translation(path: Path, table: dict[str, Any] | None) -> Translation | None:
    if not table:
        return None
    try:
        bracket = regex.compile(table["bracket"])
    except (KeyError, regex.error) as err:
        raise RulesError(f"{path}: [translation] bracket is missing or not a valid pattern ({err})") from err
    if "words" not in bracket.groupindex:
        raise RulesError(f"{path}: [translation] bracket has no 'words' group")
    try:
        label = regex.compile(table.get("label", r"(?!)"))
    except regex.error as err:
        raise RulesError(f"{path}: [translation] label is not a valid pattern ({err})") from err
    return Translation(
        bracket,
        label,
        int(table.get("reach", 60)),
        int(table.get("min_words", 4)),
        float(table.get("max_english_share", 0.15)),
        frozenset(w.lower() for w in table.get("english_words", [])),
    )
