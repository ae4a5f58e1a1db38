"""What spaCy's named-entity recogniser makes of the names an article gives no other sign of.

Names come from the parse (PROPN runs), which cannot tell "North Carolina" or "Tuesday" from a
person. Only the entities still in doubt are looked at: taken for a person, with no first name
that tells a gender, no title and no gendered pronoun bound to them. For each, the sentences of
its first mentions go through the model's `ner` alone (it has a tok2vec of its own), so the cost
is a few short sentences per article, not the whole text. What a label makes of an entity is in
`patterns/entities.toml`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import regex
from spacy.language import Language

from quotes.extraction.entities import ArticleSpeakers, Entity
from quotes.extraction.plan import Plan
from quotes.models import SpeakerKind
from quotes.rules import Rules
from quotes.text.names import fold

MENTIONS_LOOKED_AT = 2  # the first mentions carry the article's own introduction of a name
CONTEXT_CHARS = 40  # each side of a mention (the model reads a few words around each token), cut at a sentence end
SENTENCE_END = regex.compile(r"[.?!][\"'”’)\]]*\s")

# Text in, (start, end, label) of every entity found in it out: one list per text.
Recogniser = Callable[[Sequence[str]], list[list[tuple[int, int, str]]]]


def make_recogniser(nlp: Language) -> Recogniser | None:
    """The model's own `ner`, run alone on short texts; None when the model has none."""
    if "ner" not in nlp.component_names:
        return None
    ner = nlp.get_pipe("ner")

    def recognise(texts: Sequence[str]) -> list[list[tuple[int, int, str]]]:
        docs = ner.pipe((nlp.make_doc(t) for t in texts), batch_size=64)  # type: ignore[attr-defined]
        return [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in docs]

    return recognise


def in_doubt(entity: Entity, first_names: frozenset[str], titles: frozenset[str]) -> bool:
    """Taken for a person on no evidence: no gender, no title, no word of it a title, and no known
    first name followed by more ("Councilman Victor Halloran"; "North Carolina" is in doubt)."""
    if entity.kind != "person" or entity.genders or entity.titles:
        return False
    words = entity.name.split()
    return not any(fold(w) in first_names for w in words[:-1]) and not any(w.lower() in titles for w in words)


@dataclass(frozen=True)
class _Look:
    entity: Entity
    offset: int  # where the mention is, in the text
    start: int  # where its context starts


def _context(text: str, found: Plan, offset: int) -> tuple[int, int]:
    """The sentence(s) around `offset`, inside its paragraph."""
    para = found.paragraph_at(offset)
    low, high = max(para.text_start, offset - CONTEXT_CHARS), min(para.end, offset + CONTEXT_CHARS)
    ends = [m.end() for m in SENTENCE_END.finditer(text, low, high)]
    start = max((e for e in ends if e <= offset), default=low)
    end = min((e for e in ends if e > offset), default=high)
    return start, end


def type_places(registry: ArticleSpeakers, rules: Rules) -> None:
    """ "Mill Lane", "Stamford Bridge", "Piazza dei Tintori": a name of two words or more, in doubt,
    whose last word (or, in other languages, first word) names a place is one, though the small
    models often call it PERSON."""
    places, openers = rules.words("speakers.place_words"), rules.words("speakers.place_openers")
    for entity in registry.entities:
        words = entity.name.split()
        placed = words[-1].lower() in places or words[0].lower() in openers
        if len(words) > 1 and placed and in_doubt(entity, rules.first_names, rules.title_words):
            entity.kind = "organisation"
            entity.named_only = True


def type_entities(text: str, found: Plan, registry: ArticleSpeakers, recognise: Recogniser, rules: Rules) -> None:
    """Give each doubtful entity the kind its label says: a place speaks as an organisation, a date
    never speaks, and no pronoun or description stands for an entity typed this way. A PERSON
    label in any of its contexts keeps it a person; a name of two words or more is a body only when
    every context calls it one."""
    looks: list[tuple[_Look, int]] = []  # each look and the context it reads
    contexts: dict[tuple[int, int], int] = {}  # one recognition per sentence, however many names it holds
    dates = rules.words("speakers.date_words")
    for entity in registry.entities:
        # "Aug" of "Tue 6 Aug 2024", whatever title a heading lent it; "Mrs May" has a gender
        dated = entity.kind == "person" and not entity.genders
        if dated and all(word.lower().rstrip(".") in dates for word in entity.name.split()):
            entity.kind, entity.named_only, entity.titles = "unknown", True, set()
    for entity in (e for e in registry.entities if in_doubt(e, rules.first_names, rules.title_words)):
        for offset in entity.offsets[:MENTIONS_LOOKED_AT]:
            start, end = _context(text, found, offset)
            looks.append((_Look(entity, offset, start), contexts.setdefault((start, end), len(contexts))))
    if not looks:
        return
    texts = [text[start:end].replace("\n", " ").replace("\r", " ") for start, end in contexts]
    recognised = recognise(texts)
    kinds: dict[int, list[str]] = {}
    for look, context in looks:
        at = look.offset - look.start
        label = next((lab for s, e, lab in recognised[context] if s <= at < e), None)
        kind = rules.entity_labels.get(label or "")
        if kind is not None:
            kinds.setdefault(id(look.entity), []).append(kind)
    for entity in registry.entities:
        seen = kinds.get(id(entity), [])
        if not seen or "person" in seen:
            continue
        if seen[0] == "organisation" and len(entity.name.split()) > 1 and not (len(seen) > 1 and set(seen) == {"organisation"}):
            continue  # the small models call many a "Firstname Surname" ORG once; a body's name has other signs
        entity.kind = _as_kind(seen[0])
        entity.named_only = seen[0] != "organisation"  # only a body may be "it" or "the company"


def _as_kind(kind: str) -> SpeakerKind:
    return "organisation" if kind in ("organisation", "place") else "group" if kind == "group" else "unknown"
