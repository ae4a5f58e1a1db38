"""Checks on the pattern files, run when they load: each problem is one line naming the file and line.

A pattern without the node the code reads, a misspelt token attribute, a word list that no code
and no pattern reads (or one the code needs and the files lack), an unknown key: each would
otherwise fail at the first match, or silently match nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import regex

from quotes.rules.errors import RulesError

if TYPE_CHECKING:
    from quotes.rules.load import DependencyRule

ATTRIBUTION_NODES = ("cue", "speaker")  # attribution.find_cues reads both
REPORTED_NODES = ("cue",)  # reported.find_reported reads the cue and the nodes named in "span"
SPAN_EXTRAS = frozenset({"cue_preps"})  # a "span" name that is not a node: the cue's prepositions
NODE_KEYS = frozenset({"RIGHT_ID", "RIGHT_ATTRS", "LEFT_ID", "REL_OP"})
# Word lists the Python code reads by name (Rules.words); every other list must be used by a pattern.
CODE_LISTS = frozenset(
    {
        "verbs.clause", "verbs.phrasal", "verbs.naming",
        "verbs.object_infinitive", "verbs.infinitive", "verbs.object", "verbs.prepositional", "verbs.made_to",
        "verbs.wording", "verbs.wording_nouns",
        "verbs.quoted_as", "verbs.put_to", "verbs.refusing", "verbs.subordinators", "verbs.reading", "verbs.writing_forms",
        "verbs.writing_to",
        "nouns.statement", "nouns.according", "nouns.owned", "nouns.accounts", "nouns.document", "nouns.entourage",
        "nouns.owned_writings",
        "channels.words", "channels.outlets", "channels.bodies_when_named",
        "speakers.person_pronouns", "speakers.female_pronouns", "speakers.male_pronouns", "speakers.female_words",
        "speakers.male_words", "speakers.group_pronouns", "speakers.thing_pronouns", "speakers.organisation_words",
        "speakers.data_sources", "speakers.generic_organisation", "speakers.quantifiers", "speakers.unnamed", "speakers.epithets",
        "speakers.topic_prepositions",
        "speakers.kin", "speakers.rank_abbreviations",
        "speakers.kin_groups", "speakers.family_members", "speakers.salutations",
        "speakers.elder", "speakers.younger", "speakers.parent_kin", "speakers.ranks", "speakers.anaphoric",
        "speakers.informants", "speakers.role_short_forms", "speakers.honorifics",
        "speakers.discourse_markers",
        "speakers.identifying_openers", "verbs.voicing",
        "speakers.representatives", "speakers.name_particles", "speakers.misread_particles", "speakers.after_name_honorifics",
        "speakers.neutral_offices", "speakers.offices_of_places", "speakers.sentence_adverbs",
        "speakers.place_words", "speakers.place_openers", "speakers.place_hyphen_words", "speakers.posted_bodies",
        "speakers.body_words",
        "speakers.date_words", "speakers.duration_words",
        "speakers.phrase_openers", "speakers.employer_prepositions", "speakers.which_ones_prepositions",
        "speakers.corporate_suffixes", "speakers.business_words", "speakers.public_bodies",
        "speakers.first_person_pronouns", "speakers.second_person_pronouns", "speakers.first_person_possessives",
    }
)  # fmt: skip
# The keys each TOML file may hold: table -> keys ("*" any list); "[]" marks an array of tables.
TOML_KEYS: dict[str, dict[str, frozenset[str]]] = {
    "quote_marks.toml": {
        "": frozenset({"pair", "dialogue", "apostrophes", "terms", "layout", "embeds", "translation"}),
        "translation": frozenset({"bracket", "label", "reach", "min_words", "max_english_share", "english_words"}),
        "dialogue": frozenset({"dashes", "spaced_dashes"}),
        "pair[]": frozenset({"open", "close", "level", "spaced", "only_without", "only_with"}),
        "apostrophes": frozenset({"elisions", "not_possessed"}),
        "terms": frozenset({"naming_words", "short_naming_words", "before_names", "max_words"}),
        "layout": frozenset({"dateline", "party_label", "nickname", "user_name", "defined_term"}),
        "embeds": frozenset(
            {
                "signatures",
                "handle",
                "platform",
                "between",
                "date",
                "blockquote_signature",
                "quote_signature",
                "quoted_post_label",
                "email_signoff",
                "email_sender",
            }
            | {"email_header", "chat_header"}
        ),
    },
    "speakers.toml": {"": frozenset({"titles", "speaker"}), "titles": frozenset({"words", "short_forms"})},
    "first_names.toml": {"": frozenset({"female", "male", "unisex"})},
    "entities.toml": {"": frozenset({"labels"}), "labels": frozenset({"person", "organisation", "place", "group", "unknown"})},
    "layout.toml": {
        "": frozenset({"wrapping", "units", "roles"}),
        "wrapping": frozenset({"max_width", "min_fill", "min_wrapped_lines"}),
        "units": frozenset(
            {"timestamp", "turn", "min_turns", "question_labels", "answer_labels", "speaker_heading", "prompt", "titled_heading"}
            | {"examiner", "witness", "proceedings", "aside_name", "named_label", "one_word_label", "status_labels"}
            | {"cast_line", "cast_line_words", "handle_named", "anonymous_labels", "journalist_labels", "bulleted_label"}
            | {"generic_label", "self_naming", "answer_heading", "interview_note", "min_interview_questions"}
            | {"question_max_words", "chair_line", "attendance_role", "interviewer", "presenters", "host_labels", "cohost_labels"}
            | {"bench_labels", "bench_holder", "comment_heading", "operator_labels", "letter_signature"}
        ),
        "roles": frozenset(
            {
                "byline",
                "name_line",
                "date_line",
                "masthead",
                "capitals_masthead",
                "masthead_date",
                "list_item",
                "boilerplate",
                "closing_sections",
                "closing_sections_after",
            }
        ),
    },
}
CHECKED_ELSEWHERE = frozenset({"speaker"})  # [[speaker]] entries: corpus.identities reads and checks them
LIST_REFERENCE = regex.compile(r'"\$([\w.]+)"')
HEADER = regex.compile(r"^\s*\[(\[?)\s*([\w.\"' -]+?)\s*\]\]?\s*(?:#.*)?$")
KEY = regex.compile(r"^\s*([\w-]+)\s*=")


def key_line(text: str, table: str, key: str) -> int | None:
    """The line where `key` is set in `table` ("" for the top level), by a plain scan of the file."""
    current = ""
    for number, line in enumerate(text.splitlines(), start=1):
        if header := HEADER.match(line):
            current = header.group(2)
            if table == "" and current.split(".")[0] == key:
                return number
        elif (found := KEY.match(line)) and found.group(1) == key and current == table:
            return number
    return None


def _where(path: Path, table: str, key: str) -> str:
    try:
        line = key_line(path.read_text(encoding="utf-8"), table, key)
    except OSError:
        line = None
    return f"{path}:{line}" if line else str(path)


def check_toml_keys(folder: Path, documents: Mapping[str, dict[str, Any]]) -> None:
    for name, data in documents.items():
        schema = TOML_KEYS[name]
        path = folder / name
        for key, value in data.items():
            if key not in schema[""]:
                raise RulesError(f"{_where(path, '', key)}: unknown key {key!r} (known: {', '.join(sorted(schema['']))})")
            if key in CHECKED_ELSEWHERE:
                continue
            entries = value if isinstance(value, list) and f"{key}[]" in schema else [value]
            allowed = schema.get(f"{key}[]", schema.get(key))
            for entry in entries:
                if allowed is None or not isinstance(entry, dict):
                    _check_words(path, "", key, value)
                    break
                for inner, words in entry.items():
                    if inner not in allowed:
                        raise RulesError(
                            f"{_where(path, key, inner)}: unknown key {inner!r} in [{key}] (known: {', '.join(sorted(allowed))})"
                        )
                    _check_words(path, key, inner, words)


def _check_words(path: Path, table: str, key: str, value: Any) -> None:
    if isinstance(value, list) and not all(isinstance(v, str) for v in value):
        raise RulesError(f"{_where(path, table, key)}: {key} must be a list of words in quotes")


def check_lexicon(path: Path, cues: dict[str, Any], lexicon: Mapping[str, frozenset[str]], pattern_files: Iterable[Path]) -> None:
    """Every list in cues.toml is read by the code or by a pattern, and every list the code reads is there."""
    referenced: set[str] = set()
    for pattern_file in pattern_files:
        if pattern_file.is_file():
            referenced.update(LIST_REFERENCE.findall(pattern_file.read_text(encoding="utf-8")))
    for table, entries in cues.items():
        if not isinstance(entries, dict):
            raise RulesError(f"{_where(path, '', table)}: {table!r} must be a [section] of word lists")
        for key, words in entries.items():
            name = f"{table}.{key}"
            if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
                raise RulesError(f"{_where(path, table, key)}: {name} must be a list of words in quotes")
            if name not in CODE_LISTS and name not in referenced:
                raise RulesError(f"{_where(path, table, key)}: unknown word list {name!r}: no pattern and no code reads it")
    if missing := sorted(name for name in CODE_LISTS if name not in lexicon):
        raise RulesError(
            f"{path}: missing word list {missing[0]!r} ([{missing[0].partition('.')[0]}] {missing[0].partition('.')[2]} = [...])"
        )


def check_rule_shape(entry: dict[str, Any], where: str) -> None:
    """The parts of one JSONL line that the loader and the extraction code rely on."""
    if not isinstance(entry["label"], str) or not entry["label"].strip():
        raise RulesError(f'{where}: "label" must be a non-empty string')
    pattern = entry["pattern"]
    if not isinstance(pattern, list) or not pattern or not all(isinstance(n, dict) and "RIGHT_ID" in n for n in pattern):
        raise RulesError(f'{where}: "pattern" must be a list of nodes, each with a "RIGHT_ID"')
    for node in pattern:
        if unknown := sorted(set(node) - NODE_KEYS):
            raise RulesError(
                f"{where}: node {node['RIGHT_ID']!r} has an unknown key {unknown[0]!r} (known: {', '.join(sorted(NODE_KEYS))})"
            )
    span = entry.get("span", ["content"])
    if not isinstance(span, list) or not span or not all(isinstance(s, str) for s in span):
        raise RulesError(f'{where}: "span" must be a list of node names')
    if not isinstance(entry.get("skip_first", False), bool):
        raise RulesError(f'{where}: "skip_first" must be true or false')


def check_nodes(rules: tuple[DependencyRule, ...], required: tuple[str, ...]) -> None:
    """Each rule has the nodes its code reads, the nodes its "span" names, and a label of its own."""
    labels: dict[str, str] = {}
    for rule in rules:
        if missing := [name for name in required if name not in rule.nodes]:
            raise RulesError(f"{rule.where}: the pattern needs a node named {missing[0]!r} (RIGHT_ID)")
        if required == REPORTED_NODES and (unknown := [s for s in rule.span if s not in rule.nodes and s not in SPAN_EXTRAS]):
            raise RulesError(f'{rule.where}: "span" names {unknown[0]!r}, which is not a node of the pattern')
        if rule.label in labels:
            raise RulesError(f"{rule.where}: label {rule.label!r} is already used at {labels[rule.label]}")
        labels[rule.label] = rule.where


def spacy_error(err: Exception) -> str:
    """spaCy's pattern error in one line: "[pattern -> 0 -> DEPP] Extra inputs are not permitted"."""
    details = [line.lstrip("- ").replace("pattern -> ", "node ") for line in str(err).splitlines() if line.startswith("- [")]
    return "; ".join(details) if details else " ".join(str(err).split())


def check_with_spacy(rules: Iterable[DependencyRule]) -> None:
    """Build each pattern with spaCy's own validation (a misspelt attribute, an unknown operator)."""
    from spacy.matcher import DependencyMatcher
    from spacy.vocab import Vocab

    matcher = DependencyMatcher(Vocab(), validate=True)
    for rule in rules:
        try:
            matcher.add(rule.label, [rule.pattern])
        except ValueError as err:
            raise RulesError(f"{rule.where}: {spacy_error(err)}") from err
