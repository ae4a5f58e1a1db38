"""Speakers within the article: each draft's mention resolved to a person or body, unit by unit.

    drafts + the article's names -> Quotes with speakers

- A name, pronoun, title or description resolves through `ArticleSpeakers`, by agreement and
  salience; a pronoun looks back no further than the start of its unit (a live-blog entry, a
  transcript turn), so it never takes a speaker from another entry.
- In a transcript a turn's label is its speaker: "I" and "we" in the turn are that person, "you"
  is the person addressed (the interviewee in a Q turn, the name a turn opens with, else the last
  other speaker).
- A quote without a cue continues the last quoted speaker of its unit, at most
  CONTINUATION_PARAGRAPHS paragraphs on; in a turn with no such speaker it is the turn's.
- The second piece of a quote split by its attribution takes the first piece's kind.
- "The statement said", "the ruling says": the writing's owner is the speaker just before it.
- The opening paragraph of a multi-paragraph quote, attributed only at its end, takes the speaker
  of the paragraph that continues it.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Callable, Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import pairwise
from typing import TypeGuard

import regex
from spacy.lang.en.stop_words import STOP_WORDS

from quotes.extraction.attribution import RULE_NARRATED_INTRODUCTION
from quotes.extraction.drafts import Draft
from quotes.extraction.entities import ArticleSpeakers, Entity
from quotes.extraction.layout import (
    NAME_IN_CAPITALS,
    LayoutRules,
    Paragraph,
    after_prompt,
    in_the_first_person,
    load_layout_rules,
)
from quotes.extraction.parse import SENTENCE_END
from quotes.extraction.plan import Plan
from quotes.extraction.speakers import Mention, epithet_age, gender_of
from quotes.models import MARKED_KINDS, TURN_KIND, Document, Quote, QuoteKind, QuoteSpan, SpeakerKind, resumes_split_quote
from quotes.rules import Rules
from quotes.rules.load import verb_stem
from quotes.text.names import INITIAL, fold
from quotes.text.words import normalise, trimmed

CONTINUATION_PARAGRAPHS = 2  # an unattributed quote continues a speaker this many paragraphs on
VOCATIVE_MAX_WORDS = 4  # "Ms. Delgado, your agency ...": a name addressed at the start of a turn
CONVERSATION_TURNS = 8  # a pronoun in a transcript turn may stand for someone named this many turns before
MAX_ROLE_WORDS = 4  # "AOIFE BRENNAN, CAPTAIN", "ALEX ROE, HEAD OF MEDIA": a role after a name heading
PRONOUN_CATAPHORA_PARAGRAPHS = 1  # a pronoun with no one before it in its unit looks ahead one paragraph
CATAPHORA_PARAGRAPHS = 2  # a title may stand for a person named up to this many paragraphs later
SUB_HEAD_MAX_CHARS = 120  # a paragraph this short whose quote has no full stop is a sub-head
# what `Quote.rule` says when the speaker came from the text around the quote, not from a pattern
RULE_CONTINUATION = "continues the quote before"
RULE_TURN = "transcript turn label"
RULE_TRANSLATION = "translation in brackets after a quote in another language"
RULE_QUOTED_IN_TURN = "the person a transcript turn quotes"
RULE_EMBED = "embed signature"
RULE_REPEAT = "repeats a later quote"
RULE_PULL_QUOTE = "a pull quote of a quote in the story"
PULL_QUOTE_WORDS = 6  # a pull quote this long repeats its speaker's words, not a phrase anyone may use
REPEATING_KINDS = (*MARKED_KINDS, "embed", TURN_KIND)  # what a headline's or sub-head's quote may repeat
RULE_CONTINUED = "its next paragraph continues it"
RULE_SIGNED_BLOCKQUOTE = "blockquote signed '— Name'"
RULE_AFTER_REPORTED = "speaker of the reported speech before it in its paragraph"
INHERITED_RULES = frozenset({RULE_CONTINUATION, RULE_NARRATED_INTRODUCTION, RULE_AFTER_REPORTED})  # a speaker from the context
RULE_IDENTIFIED_AFTER = "named by the paragraph after ('That was ...')"
RULE_SUBJECT_BEFORE = "subject of the sentence before it in its paragraph"
RULE_INTRODUCED_BEFORE = "person the one-sentence paragraph before brings in"
RULE_WRITER_BEFORE = "owner of the statement named before it ('a statement from X')"

Speaking = tuple[str, SpeakerKind]
SENTENCE_OPENING = regex.compile(r"(?:^|(?<=[.!?]\s))(?=\p{Lu})", regex.MULTILINE)
WORD_BEFORE = regex.compile(r"([\p{L}.'’-]+)[ \t]+")  # a word and the space after it on its line, before a name
ROLE_MAX_CHARS = 80  # how far back before a name its titles may start
REPORTED_AFTER = regex.compile(r"\s+that\b")
# "I asked Askew ...", "Okafor asks Dr Marsh whether ...": whom a question was put to answers it
ASKED = regex.compile(r"\b(?:asks|asked|presses|pressed|questions|questioned)\s+(?:(?:Dr|Mr|Mrs|Ms|Miss|Mx|Prof)\.?\s+)?$")
INDEFINITE = regex.compile(r"(?i)\b(?:a|an|another)\s+$")


@dataclass(frozen=True)
class Turn:
    speaker: Speaking | None
    addressee: Speaking | None


ARTICLES = frozenset({"the", "a", "an"})


def _label_name(label: str, rules: Rules) -> str:
    """ "SEN. CARVER" -> "Carver", "MS. ORTIZ" -> "Ortiz", "CMDE (RETD) ARUN BHATIA" -> "Arun
    Bhatia", "COMETS HEAD COACH PHIL ABERNATHY" -> "Phil Abernathy", "ANDRE ST. BERNARD" -> "Andre
    St. Bernard": the label without titles, what qualifies them and bracketed words, in title case."""
    written = regex.sub(r"\([^()]*\)", " ", label).split()
    if written[:1] and written[0].lower() in ARTICLES:  # "THE MODERATOR", "The PRESIDING OFFICER": a role, no name
        return ""
    titled = [w.lower().strip(".") in rules.title_words for w in written]
    named_from = max((i + 1 for i, title in enumerate(titled) if title and not all(titled[i:])), default=0)
    words = [
        w
        for i, w in enumerate(written)
        if i >= named_from and not titled[i] and not (i == 0 and w.endswith(".") and not INITIAL.fullmatch(w))
    ]
    return " ".join(w.capitalize() if w.isupper() else w for w in words)


def _label_words(label: str) -> list[str]:
    return [w.lower().strip(".") for w in label.split()]


def _label_titles(label: str, rules: Rules) -> tuple[str, ...]:
    """The title words of a turn label, lower case, without stops ("SEN. CARVER" -> ("sen",))."""
    return tuple(w for w in _label_words(label) if w in rules.title_words)


def _titled(label: str, at: int, registry: ArticleSpeakers, rules: Rules) -> Speaking | None:
    """ "THE CHAIR", "The Mayor": a label that is only a title is whoever holds it in the article."""
    words = _label_words(label)
    titles = _label_titles(label, rules)
    if not titles or any(w not in titles and w not in STOP_WORDS for w in words):
        return None
    description = " ".join(words)
    return registry.resolve(Mention(description, at, "description", "person", titles[-1], titles, subject=True, definite=True))


def _named(name: str, at: int, registry: ArticleSpeakers) -> Speaking | None:
    if not name:
        return None
    words = name.split()
    return registry.resolve(Mention(name, at, "name", "person", words[-1].lower(), subject=True))


def _full_name_of(name: str, at: int, speaker: Speaking | None, registry: ArticleSpeakers, rules: Rules) -> Speaking | None:
    """ "HOST (Wren Adeyemi-Clarke):": a label's name (`_label_name`) that is a full name the
    article has not, or only in part ("I'm Wren"), names that person; None for a label that is no
    full name."""
    words = name.split()
    bodies = rules.words("speakers.organisation_words")
    if len(words) < 2 or any(w.lower() in STOP_WORDS or not w[:1].isupper() for w in words):
        return None  # "The Court"
    body = words[-1].lower() in bodies  # "Q (Kessaway Courier):", an outlet asking
    if any(w.lower() in bodies for w in words[:-1]) or (
        speaker is not None and registry.speaks_as(speaker[0]) and len(speaker[0].split()) >= len(words)
    ):
        return None
    entity = registry.add(Mention(name, at, "name", "organisation" if body else "person", words[-1].lower(), subject=True))
    return entity.name, entity.kind


def _titled_surname(
    label: str, name: str, at: int, speaker: Speaking | None, registry: ArticleSpeakers, rules: Rules
) -> Speaking | None:
    """ "Mr Lindqvist:", "Senator MACREADY:": a surname after a title in a label is a person,
    whether or not the article names them elsewhere; None when it does, or for another label."""
    titles = _label_titles(label, rules)
    if not titles or len(name.split()) != 1 or not name[:1].isupper() or (speaker and registry.knows(speaker[0])):
        return None
    entity = registry.add(
        Mention(name, at, "name", "person", name.lower(), titles, subject=True, gender=gender_of(titles, rules))
    )
    return entity.name, entity.kind


def _interviewee(registry: ArticleSpeakers, before: int, interviewer: Speaking | None = None) -> Speaking | None:
    """The person a Q/A interview is with: of the people the introduction names in full, other
    than the interviewer, the one it names most often, the first named on a tie."""
    asker = interviewer[0] if interviewer else None
    named = registry.mentioned_in(0, before)
    mentions = Counter(e.name for _, e in named)
    people = [e for _, e in named if e.kind == "person" and len(e.name.split()) >= 2 and e.name != asker]
    first = min(people, key=lambda e: -mentions[e.name], default=None)  # min keeps the first of a tie
    return (first.name, first.kind) if first else None


def _a_known_person(named: Speaking | None, registry: ArticleSpeakers) -> TypeGuard[Speaking]:
    """Whether a name resolved to a person the article knows."""
    return named is not None and any(e.name == named[0] and e.kind == "person" for e in registry.entities)


def _section_interviewee(text: str, found: Plan, turn: Paragraph, registry: ArticleSpeakers) -> Speaking | None:
    """ "RORY CALLANDER" or "AOIFE BRENNAN, CAPTAIN" over a press conference's Q. and A. turns: a
    line that is only a person's name in capitals (and their role), the last before an answer,
    names who answers in that section."""
    for para in reversed(found.paragraphs[: found.index(turn.start)]):
        name, comma, role = text[para.start : para.end].strip().partition(",")
        with_role = not comma or (role.isupper() and len(role.split()) <= MAX_ROLE_WORDS)
        if with_role and NAME_IN_CAPITALS.fullmatch(name) and para.role not in ("turn", "headline"):  # not a masthead
            named = _named(" ".join(w.capitalize() for w in name.split()), para.start, registry)
            return named if _a_known_person(named, registry) else None
    return None


def _interviewer(
    text: str, registry: ArticleSpeakers, before: int, rules: LayoutRules, bodies: frozenset[str]
) -> Speaking | None:
    """The person who asks an interview's questions: whom its introduction says the interviewee
    talks to ("he tells Sam Okafor why ..."), if the article knows them as a person."""
    for found in rules.interviewer.finditer(text, 0, before):
        written = found.group("name")
        named = _named(written, found.start("name"), registry)
        # "Garrow told Radio Harbridge (that) the penalty was soft" reports what was said to an
        # outlet; "he tells Sam Okafor why ..." introduces the conversation
        body = any(w.lower() in bodies for w in written.split())
        reports = body or REPORTED_AFTER.match(text, found.end("name")) is not None
        if not reports and _a_known_person(named, registry):
            return (
                (written, "person") if len(written.split()) > len(named[0].split()) else named
            )  # "Interview by Tobias Reinhardt"
    return None


def _presenter(registry: ArticleSpeakers, before: int, rules: LayoutRules) -> Speaking | None:
    """The person an interview's introduction names in a journalist's role ("The presenter, Catrin
    Howells,", "host Jess Albright"): the one who asks its questions."""
    named = registry.mentioned_in(0, before)
    return next(
        ((e.name, e.kind) for _, e in named if e.kind == "person" and " " in e.name and e.titles & rules.journalist_labels), None
    )


def _on_the_bench(text: str, registry: ArticleSpeakers, rules: LayoutRules) -> Speaking | None:
    """The judge a court transcript names ("BEFORE HIS HONOUR JUDGE G.R. TOLHURST"), whom its
    "HIS HONOUR:" turns stand for."""
    found = rules.bench_holder.search(text)
    if found is None:
        return None
    name = " ".join(w.capitalize() if w.isupper() and w.isalpha() else w for w in found.group("name").split())
    entity = registry.add(
        Mention(name, found.start("name"), "name", "person", name.split()[-1].lower(), ("judge",), subject=True)
    )
    return entity.name, entity.kind


def _vocatives(text: str, para: Paragraph, rules: Rules) -> list[tuple[str, bool]]:
    """The names a turn addresses at the start of its sentences ("Ms. Delgado, your agency's
    inspectors ...", "Good morning. Dev, you said ..."), each with whether it opens the turn."""
    found = []
    first = trimmed(text, para.text_start, para.end)[0]  # after the blanks a label's markup leaves
    starts = [first, *(s.start() for s in SENTENCE_OPENING.finditer(text, first + 1, para.end))]
    for start in starts:
        opening = text[start : para.end].split(",", 1)[0]
        words = opening.split()
        if words and len(words) <= VOCATIVE_MAX_WORDS and all(w[:1].isupper() for w in words) and "." not in opening:
            found.append((_label_name(opening, rules), start == first))
    return found


def _addressed(vocatives: list[tuple[str, bool]], at: int, registry: ArticleSpeakers) -> Speaking | None:
    """Whom a turn addresses: the first name it calls that the article knows ("Dev, you said" is
    the one Dev of the call, Dev Raman), else what its opening calls them."""
    for name, _ in vocatives:
        found = _named(name, at, registry)
        if len(name.split()) == 1:
            people = [e for e in registry.entities if e.kind == "person" and e.name.split()[:1] == [name] and " " in e.name]
            if len(people) == 1:
                return people[0].name, people[0].kind
        if found is not None and registry.speaks_as(found[0]):
            return found
    opening = [name for name, first in vocatives if first]
    return _named(opening[0], at, registry) if opening else None


def _generic_labels(
    text: str, turns: list[Paragraph], registry: ArticleSpeakers, layout_rules: LayoutRules
) -> dict[str, Speaking]:
    """Whom each automatic label ("Speaker 1") stands for: the name its turns give themselves, or
    the person the turn before its first calls by first name or brings in by full name."""
    labels = [p.label or "" for p in turns]
    if not any(layout_rules.generic_label.match(label) for label in labels):
        return {}
    found: dict[str, Speaking] = {}

    def person(name: str, at: int) -> Speaking:
        entity = registry.add(Mention(name, at, "name", "person", name.split()[-1].lower(), subject=True))
        return entity.name, entity.kind

    for para, label in zip(turns, labels, strict=True):
        if layout_rules.generic_label.match(label) and label not in found:
            named = layout_rules.self_naming.search(text, para.text_start, para.end)
            if named is not None:
                found[label] = person(named.group("name"), named.start("name"))
    for (before, said_before), (_, label) in pairwise(zip(turns, labels, strict=True)):
        if not layout_rules.generic_label.match(label) or label in found or label == said_before:
            continue
        taken = set(found.values())
        calls = [p for p in _first_named(text, before, registry) if p not in taken]
        if calls:
            found[label] = calls[0]
    return found


def _first_named(text: str, para: Paragraph, registry: ArticleSpeakers) -> list[Speaking]:
    """The people a turn calls by first name at a sentence's start ("Marguerite, thanks ..."), then
    those it names in full, last first ("With me as always is Felix Ambrose.")."""
    called = []
    for opening in SENTENCE_OPENING.finditer(text, para.text_start, para.end):
        word = regex.match(r"\p{Lu}[\p{Ll}'’-]+(?=,)", text[opening.start() : para.end])
        people = [e for e in registry.entities if e.kind == "person" and word and e.name.split()[:1] == [word.group()]]
        if len(people) == 1 and " " in people[0].name:
            called.append((people[0].name, people[0].kind))
    named = [
        (e.name, e.kind)
        for at, e in reversed(registry.mentioned_in(para.text_start, para.end))
        if e.kind == "person" and " " in e.name
    ]
    return called + named


def turn_speakers(text: str, found: Plan, registry: ArticleSpeakers, rules: Rules) -> dict[int, Turn]:
    """unit -> who speaks in that transcript turn and whom they address."""
    layout_rules = load_layout_rules()
    turns = [p for p in found.paragraphs if p.role == "turn" and p.label]
    if not turns:
        return {}
    presenter = _presenter(registry, turns[0].start, layout_rules)
    talked_to = _interviewer(text, registry, turns[0].start, layout_rules, rules.words("speakers.organisation_words"))
    interviewer: Speaking | None
    interviewee: Speaking | None
    if presenter is not None and talked_to is not None and talked_to != presenter:
        interviewer, interviewee = presenter, talked_to  # "The presenter, Catrin Howells, spoke to Martin Oakes"
    else:
        interviewer = presenter or talked_to
        interviewee = _interviewee(registry, turns[0].start, interviewer)
    generic = _generic_labels(text, turns, registry, layout_rules)
    result: dict[int, Turn] = {}
    previous: list[Speaking] = []
    before: Paragraph | None = None  # the turn before, for the analyst an operator brings in
    asker: Speaking | None = None  # who asked the last question
    for para in turns:
        label = para.label or ""
        speaker: Speaking | None
        if label in generic:
            speaker = generic[label]
        elif label.upper() in layout_rules.bench_labels:
            speaker = _on_the_bench(text, registry, layout_rules)
        elif label in layout_rules.answer_labels:
            speaker = _section_interviewee(text, found, para, registry) or interviewee
        elif label in layout_rules.question_labels:
            # "Operator: Our next question comes from Tomás Ibarra with Keel Street Partners."
            operator = before is not None and (before.label or "").lower() in layout_rules.operator_labels
            brought_in = registry.person_named_in(before.text_start, before.end) if before is not None and operator else None
            # a follow-up ("Q: And Helena, ...") is the same analyst's
            speaker = (brought_in.name, brought_in.kind) if brought_in is not None else asker or interviewer
            asker = speaker
        elif set(_label_words(label)) <= layout_rules.journalist_labels:
            # "ANCHOR TAG:", "REPORTER (VOICEOVER):": the outlet's own copy, unless the article
            # names who holds the role ("Host Jess Albright sits down with ...")
            speaker = _titled(label, para.start, registry, rules)
            speaker = speaker if speaker is not None and registry.speaks_as(speaker[0]) else None
        elif layout_rules.anonymous_labels & set(_label_words(label)):
            speaker = (" ".join(_label_words(label)), "unnamed")
        else:
            name = _label_name(label, rules)
            speaker = _titled(label, para.start, registry, rules) or _named(name, para.start, registry)
            speaker = _full_name_of(name, para.start, speaker, registry, rules) or speaker
            speaker = _titled_surname(label, name, para.start, speaker, registry, rules) or speaker
            if len(name.split()) == 1 and (speaker is None or not registry.speaks_as(speaker[0])):
                opened = registry.opened_by(name)  # "MERIDIAN:", the magazine "Meridian Review" asking
                speaker = (opened.name, opened.kind) if opened is not None else speaker
            if speaker is None or not registry.speaks_as(speaker[0]) or speaker[0] == name:
                speaker = _by_given_name(name, previous) or _by_initials(label, previous, registry) or speaker
            if (speaker is None or not registry.speaks_as(speaker[0])) and HANDLE.fullmatch(label):
                # a forum user name ("kestrel_ops") is who writes the comment under it, and one that
                # spells a person's name ("u/MayorLorraineKessel") is that person
                speaker = _named_in_handle(label, registry)
                if speaker is None:
                    entity = registry.add(Mention(label, para.start, "name", "person", label.lower(), subject=True))
                    speaker = entity.name, entity.kind
        if label in layout_rules.question_labels:
            addressee = interviewee
        else:
            addressee = _addressed(_vocatives(text, para, rules), para.text_start, registry)
            addressee = addressee or next((s for s in reversed(previous) if s != speaker), None)
        result[para.unit] = Turn(speaker, addressee)
        before = para
        if speaker is not None and registry.speaks_as(speaker[0]):  # "Operator:" is no one to answer
            previous.append(speaker)
    return result


# a user name: in lower case ("kestrel_ops", "tinpot-dev"), in camel case or with a digit or an
# underscore ("Local318Ray", "MayorLorraineKessel"), or Reddit's "u/..."
HANDLE = regex.compile(r"u/[\p{L}\d_-]+|[\p{Ll}\d][\p{Ll}\d_.-]*|\p{Lu}\p{Ll}+\p{Lu}[\p{L}\d_]*|[\p{L}\d.-]*[\d_][\p{L}\d_.-]*")
HANDLE_WORD = regex.compile(r"\p{Lu}\p{Ll}+|\p{Ll}+")


def _named_in_handle(handle: str, registry: ArticleSpeakers) -> Speaking | None:
    """The one person the article names in full whose name a user name spells ("u/MayorLorraineKessel")."""
    words = [w.lower() for w in HANDLE_WORD.findall(handle.removeprefix("u/"))]
    people = {
        (e.name, e.kind)
        for e in registry.entities
        if e.kind == "person" and len(names := e.name.lower().split()) >= 2 and _in_order(names, words)
    }
    return people.pop() if len(people) == 1 else None


def _in_order(wanted: list[str], words: list[str]) -> bool:
    """Whether `wanted` appear one after another in `words`."""
    return any(words[i : i + len(wanted)] == wanted for i in range(len(words) - len(wanted) + 1))


INITIALS = regex.compile(r"\p{Lu}{2,4}")


def _by_given_name(name: str, previous: list[Speaking]) -> Speaking | None:
    """ "Dana:" after "Dana Whitfield:": the speaker of an earlier turn whose first name the label is."""
    if len(name.split()) != 1:
        return None
    return next((s for s in reversed(previous) if len(s[0].split()) > 1 and s[0].split()[0] == name), None)


def _by_initials(label: str, previous: list[Speaking], registry: ArticleSpeakers) -> Speaking | None:
    """ "NB:" after "NADIA BERGER:": the speaker of an earlier turn, or else the one person the
    article names, whose name's initials the label is."""
    if not INITIALS.fullmatch(label):
        return None

    def initials(name: str) -> str:
        return "".join(w[0] for w in name.split() if w[:1].isupper())

    earlier = [s for s in previous if initials(s[0]) == label]
    if earlier:
        return earlier[-1]
    people = {e.name for e in registry.entities if e.kind == "person" and initials(e.name) == label}
    return (people.pop(), "person") if len(people) == 1 else None


def _pronoun_in_turn(mention: Mention, turn: Turn | None, rules: Rules) -> tuple[bool, Speaking | None]:
    """(whether the mention is "I"/"you", who it is): only a transcript turn says who they are."""
    if mention.form != "pronoun":
        return False, None
    if mention.head in rules.words("speakers.first_person_pronouns"):
        return True, turn.speaker if turn else None
    if mention.head in rules.words("speakers.second_person_pronouns"):
        return True, turn.addressee if turn else None
    return False, None


def _resolve_mention(mention: Mention, floor: int, recent: int, registry: ArticleSpeakers, other_than: str = "") -> Speaking:
    speaker, kind = registry.resolve(mention, floor, recent, other_than)
    if mention.form == "pronoun" and mention.gender is not None and speaker != mention.text and not other_than:
        # "she said" of Dana Whitfield: no "he" is her later (a pronoun inside someone's quote is
        # whom they talk about, too uncertain to learn from)
        registry.learn_gender(speaker, mention.gender)
    if mention.form in ("name", "group"):
        registry.add(replace(mention, text=speaker, subject=True))
    elif mention.form == "description" and speaker != mention.text and mention.owner is None:  # "the sheriff said. He said"
        gender = mention.gender if kind == "person" else None
        learnt = replace(mention, text=speaker, form="name", kind=kind, subject=True, gender=gender)
        if (age := epithet_age(mention)) is not None:  # "the 58-year-old" tells an age, not a title
            learnt = replace(learnt, titles=(), age=age)
        entity = registry.add(learnt)
        registry.described_at.add(mention.start)
        if mention.body is not None:
            entity.titles.add(mention.head)  # "a police spokeswoman", then "the spokeswoman": the same body
    elif mention.form == "description" and kind == "organisation" and mention.owner is None and len(speaker.split()) > 1:
        registry.add(replace(mention, form="name", subject=True))  # "The presidential office said", then "The office said"
    return speaker, kind


@dataclass
class _Speakers:
    """What resolving the drafts of one document needs at hand."""

    text: str
    found: Plan
    registry: ArticleSpeakers
    turns: dict[int, Turn]
    rules: Rules

    def of(self, draft: Draft, other_than: str = "") -> tuple[Speaking | None, Mention | None]:
        """The draft's speaker, and the mention it came from (None for an unresolved "I"/"you");
        a "he", a "she" or a title is never `other_than`."""
        mention = draft.mention
        if mention is None:
            return None, None
        if mention.form == "document":
            return None, mention  # its owner is the speaker before it: `_owner_of_writing`
        turn = self.turns.get(self.found.paragraph_at(draft.start).unit)
        personal, speaker = _pronoun_in_turn(mention, turn, self.rules)
        if personal:
            return (speaker, mention) if speaker else (None, None)
        if (
            turn is not None
            and turn.speaker is not None
            and mention.form == "description"
            and mention.head not in self.rules.title_words
        ):
            other_than = other_than or turn.speaker[0]  # "the man from the river authority told us": not the turn's speaker
        index = self.found.index(mention.start)
        recent = self.found.paragraphs[max(0, index - 1)].start if self.found.paragraphs else 0
        floor = self.found.unit_start(mention.start)
        if mention.form == "pronoun" and mention.kind == "person" and (asked := self._asked_before(mention)) is not None:
            return (asked.name, asked.kind), mention
        if (
            turn is not None
            and mention.form == "pronoun"
            and self.registry.resolve(mention, floor, recent, other_than)[0] == mention.text
        ):
            # a "he" in a turn that names no one is someone the conversation named in the turn
            # before ("Has Brantley accepted any?" "He has not.")
            floor = self._named_turns_before(mention, self.found.unit_start(max(0, floor - 1)))
        speaking = _resolve_mention(mention, floor, recent, self.registry, other_than)
        titled = mention.head in self.rules.title_words and mention.head not in self.rules.words("speakers.unnamed")
        # "the mayor said" is someone the story knows; "a reporter asked" is someone new
        titled = titled and INDEFINITE.search(self.text, max(0, mention.start - 12), mention.start) is None
        titled = titled and not self.registry.kin_of_someone(mention)
        if mention.form == "description" and mention.kind == "person" and titled and speaking[0] == mention.text:
            floor = max(recent, self.found.unit_start(mention.start))
            holder = self.registry.untitled_subject_before(mention.start, floor, mention.gender)
            if holder is not None and holder.name == other_than:
                holder = None  # "When the harbourmaster rang me", in O'Neill's words, is not O'Neill
            # "the Taoiseach said", in a podcast: someone the guests talk about, none of them
            taking_part = {t.speaker[0] for t in self.turns.values() if t.speaker} if turn is not None else set()
            if holder is not None and holder.name not in taking_part:
                speaking = holder.name, holder.kind
            elif not self.registry.points_back(mention):  # "the same minister": no one named later
                speaking = self._named_later(mention, not_one_of=taking_part) or speaking
        if mention.form == "pronoun" and mention.kind == "person" and mention.gender and speaking[0] == mention.text:
            speaking = self._named_later(mention, PRONOUN_CATAPHORA_PARAGRAPHS) or self._in_unit_before(mention) or speaking
        if speaking[1] == "unnamed" and mention.body is None and mention.head in self.rules.words("speakers.representatives"):
            speaking = self._represented_body(mention) or speaking
        return speaking, mention

    def _named_turns_before(self, mention: Mention, floor: int) -> int:
        """Where to look back from for a "he" or "she" that no one fits since the turn before
        `floor`: up to CONVERSATION_TURNS turns further, to the last one naming someone the text
        gave the pronoun's gender (past "Objection, form." and "You can answer."); `floor` when
        none is."""
        if self.registry.resolve(mention, floor, 0)[0] != mention.text or mention.gender is None:
            return floor
        reach = floor
        for _ in range(CONVERSATION_TURNS):
            if self.registry.gendered_person_before(mention.start, reach, mention.gender) is not None:
                return reach
            if reach == 0:
                break
            reach = self.found.unit_start(reach - 1)
        return floor

    def _asked_before(self, mention: Mention) -> Entity | None:
        """ "I asked Askew what he made of it. '...,' he said": the person the reporter asked, named
        last in the paragraph before the "he", answers (when their gender does not say otherwise)."""
        para = self.found.paragraph_at(mention.start)
        named = [(at, e) for at, e in self.registry.mentioned_in(para.start, mention.start) if e.kind == "person"]
        if not named:
            return None
        at, person = named[-1]
        asked = ASKED.search(self.text, max(para.start, at - 20), at) is not None
        agrees = person.gender is None or mention.gender is None or person.gender == mention.gender
        return person if asked and agrees and person.name != mention.text else None

    def _represented_body(self, mention: Mention) -> Speaking | None:
        """ "Trading Standards confirmed it ... A spokesman said": the body named in this paragraph or
        the one before (in its unit) is whom an unnamed spokesperson speaks for."""
        index = self.found.index(mention.start)
        since = self.found.paragraphs[max(0, index - 1)].start
        floor = max(since, self.found.unit_start(mention.start))
        body = self.registry.organisation_before(mention.start, floor)
        return (body.name, body.kind) if body is not None else None

    def _in_unit_before(self, mention: Mention) -> Speaking | None:
        """ "11:38 She also said ...": a "she" that opens a live-blog entry naming no one is the
        woman named last in the entry before it in time (a person the text gave her gender, so that
        neither a place nor someone of no known gender takes her words)."""
        before = self.found.unit_before_in_time(mention.start)
        if before is None or mention.gender is None:
            return None
        entity = self.registry.gendered_person_before(before[1], before[0], mention.gender)
        return (entity.name, entity.kind) if entity is not None else None

    def _named_later(
        self, mention: Mention, paragraphs: int = CATAPHORA_PARAGRAPHS, not_one_of: AbstractSet[str] = frozenset()
    ) -> Speaking | None:
        """Cataphora: a title or pronoun no one fits before stands for the person named just after
        it, in its unit, unless that is `not_one_of` them."""
        found = self.found
        index = found.index(mention.start)
        later = [p for p in found.paragraphs[index : index + paragraphs + 1] if p.unit == found.paragraphs[index].unit]
        title = mention.head if mention.form == "description" else ""
        entity = self.registry.named_after(mention.start, later[-1].end if later else mention.start, mention.gender, title)
        if entity is None or entity.name in not_one_of:
            return None
        entity.titles.update(mention.titles)
        return entity.name, entity.kind


def resolve_drafts(
    document: Document,
    found: Plan,
    drafts: list[Draft],
    registry: ArticleSpeakers,
    rules: Rules,
    signed: list[Quote] | None = None,
) -> list[Quote]:
    """Quotes from drafts, in text order, each with the speaker its mention resolves to; `signed`
    (posts and signed quotes, whose signatures name their speakers) may repeat their words."""
    text = document.text
    speakers = _Speakers(text, found, registry, turn_speakers(text, found, registry, rules), rules)
    quotes: list[Quote] = []
    continued: list[bool] = []  # per quote: whether it continues the quote paragraph before it
    mentions: list[Mention | None] = []
    last_quoted: tuple[int, Quote] | None = None  # (paragraph index, quote)
    last_reported: Quote | None = None
    written_by: dict[str, Speaking] = {}  # "report" -> whose report the article said it is
    for draft in sorted(drafts, key=lambda d: (d.start, d.end)):
        around = _quote_around(quotes, draft)
        # "She kept asking, 'Where's Mr Whiskers?'" in Kerry Dobbs's quote: the "she" of a nested
        # quote is someone the outer speaker talks about, never that speaker
        speaking, mention = speakers.of(draft, around.speaker or "" if around else _reporter_around(quotes, draft))
        if (
            around is not None
            and draft.mention is not None
            and draft.mention.head in rules.words("speakers.first_person_pronouns")
            and text[draft.start : draft.start + 1].isupper()
        ):
            # "I told him, 'Kyle, we can't do 60 roofs'": the outer quote's speaker, when the
            # inner words are a sentence of their own (not "we joke that they do 'flood management'")
            speaking, mention = (around.speaker, around.speaker_kind) if around.speaker else None, draft.mention
        if mention is not None and mention.form == "document":
            writer = _writer_named(text, found, registry, rules, draft.start, mention.head)
            if writer is not None:
                written_by[mention.head] = writer  # "the report says", ten paragraphs on, is still the Forum's
            speaking = writer or written_by.get(mention.head) or _owner_of_writing(quotes, found, draft.start)
        elif mention is not None and (its_writer := _document_before(quotes, mentions, found, mention)) is not None:
            speaking = its_writer  # "The report also criticises ... It says ...": the report's owner
        elif draft.kind in MARKED_KINDS and _reads_out(draft.cue, rules):
            speaking = _writer_named(text, found, registry, rules, draft.start) or speaking
        if mention is not None and (earlier := _same_unnamed(quotes, mention, found, rules)) is not None:
            speaking = earlier
        if around is None and (reporter := _pronoun_reporter(quotes, draft, registry, rules)) is not None:
            speaking = reporter
        if draft.nested and speaking is None:
            continue  # "We joke that they do 'flood management for free'": the outer speaker's own words
        if mention is not None and mention.form == "pronoun" and speaking is not None and speaking[0] == mention.text:
            speaking = None  # a "he" no one fits is no name: the speaker is unknown
        index = found.index(draft.start)
        quote = Quote(
            source=document.source,
            start=draft.start,
            end=draft.end,
            text=(found.rejoined or text)[draft.start : draft.end],  # "emergen-\ncies" read as "emergencies"
            kind=draft.kind,
            speaker=speaking[0] if speaking else None,
            speaker_mention=mention.text if mention else None,
            cue=draft.cue,
            line=found.line(draft.start),
            paragraph=index,
            via=draft.via,
            speaker_kind=speaking[1] if speaking else "unknown",
            meta=document.meta,
            rule=draft.rule if speaking else None,
        )
        if draft.kind in MARKED_KINDS and not draft.nested:
            if found.paragraphs[index].unit not in speakers.turns:  # a turn quotes whom its own rules say
                opens = not any(c.isalnum() for c in text[found.paragraphs[index].text_start : draft.start])
                _after_reported(quote, last_reported, last_quoted, opens)
            last_quoted = _continue(quote, draft, index, last_quoted, speakers)
        elif draft.kind == "indirect" and quote.speaker is not None and not _inside(quote, last_reported):
            last_reported = quote  # the outermost: "Halloran revealed that Portillo-Marsh had told him ..."
        quotes.append(quote)
        mentions.append(mention)
        continued.append(draft.continues and draft.kind in MARKED_KINDS and not draft.nested)
    _speakers_of_headlines(quotes, mentions, found, registry)
    _speakers_identified_after(quotes, text, found, registry, rules)
    _speakers_of_continued(quotes, continued)
    _speakers_of_repeats(quotes, mentions, found, signed or [], text, rules)
    said = len(mentions)
    quotes += translations(text, found, quotes, signed or [], rules)
    turns = turn_quotes(document, found, speakers.turns, quotes, registry.speaks_as, rules)
    # "'Realistically we're down for months': leaked chat shows ...": a headline may repeat a turn
    _speakers_of_repeats(quotes[:said], mentions, found, turns, text, rules)
    return _with_roles(quotes + turns, mentions, text, rules)


def _with_roles(quotes: list[Quote], mentions: list[Mention | None], text: str, rules: Rules) -> list[Quote]:
    """Each person's role in this article, as it is first written where they speak: the titles
    before their name ("Fed Chair Janet L. Yellen", "Republican Donald Trump") or the description
    that stands for them ("the GOP nominee"); no form of address ("Mr", "Ms")."""
    roles: dict[str, str] = {}
    for quote, mention in zip(quotes, mentions, strict=False):  # translations and turns come after, without mentions
        if quote.speaker is None or quote.speaker_kind != "person" or mention is None or quote.speaker in roles:
            continue
        role = _role_as_written(text, mention, rules) if mention.form == "name" else None
        if mention.form == "description" and mention.owner is None and fold(mention.text) != fold(quote.speaker):
            role = mention.text
        if role:
            roles[quote.speaker] = role
    return [replace(q, speaker_role=roles.get(q.speaker or "")) if q.speaker in roles else q for q in quotes]


def _role_as_written(text: str, mention: Mention, rules: Rules) -> str | None:
    """The title words right before a name, as the article writes them: "Fed Chair" of "Fed Chair
    Janet L. Yellen" (the mention's lower-cased titles, found back from its start)."""
    titles = set(mention.titles) - rules.words("speakers.honorifics")
    if not titles:
        return None
    start = mention.start
    for word in reversed(list(WORD_BEFORE.finditer(text, max(0, mention.start - ROLE_MAX_CHARS), mention.start))):
        if word.end() != start or word.group(1).lower() not in titles:
            break
        start = word.start()
    return text[start : mention.start].strip() or None


def translations(text: str, found: Plan, quotes: list[Quote], signed: list[Quote], rules: Rules) -> list[Quote]:
    """The paper's translation in brackets after a quote in another language ('"Naanga enna
    kudikkaradhu?" (What are we to drink?)'): the same speaker's words, quoted in English."""
    rule = rules.translation
    if rule is None:
        return []
    result = []
    for quote in quotes:
        if quote.kind not in MARKED_KINDS or not rule.foreign(quote.text):
            continue
        para = found.paragraph_at(quote.start)
        bracket = rule.bracket.search(text, quote.end, para.end)
        if bracket is None or bracket.start() - quote.end > rule.reach:
            continue
        between = found.spans_from(quote.end + 1, bracket.start())
        start, end = bracket.span("words")
        if between or rule.english_share(text[start:end]) <= rule.max_english_share:
            continue
        if not any(start <= q.start < bracket.end() for q in quotes):
            translated = replace(quote, start=start, end=end, text=text[start:end], line=found.line(start), rule=RULE_TRANSLATION)
            result.append(translated)
    _speakers_of_labelled_translations(text, quotes, signed, rule.label)
    return result


SIGNATURE_LINE = regex.compile(r"[\s>]*(?:[—–―]{1,2}|--)\s*\p{Lu}[^\n]{0,80}")  # "— Corinne Vasseur" under a pull quote


def _speakers_of_labelled_translations(text: str, quotes: list[Quote], signed: list[Quote], label: regex.Pattern[str]) -> None:
    """'"We no go comot here," she said. (Meaning: "We will not leave here.")', or a post and
    'In English: "..."' under it: the translation in marks is the words of the quote or post
    before it, not of a speaker called "Meaning"."""
    posts = {id(q) for q in signed}
    for before, quote in pairwise(sorted([*quotes, *signed], key=lambda q: q.start)):
        apart = quote.paragraph - before.paragraph if quote.paragraph is not None and before.paragraph is not None else 9
        near = apart <= 1 + (before.kind == "embed")  # a post's signature line is a paragraph of its own
        if near and id(quote) not in posts and label.search(text, max(before.end, quote.start - 20), quote.start):
            quote.speaker, quote.speaker_kind, quote.speaker_mention = before.speaker, before.speaker_kind, before.speaker_mention
            quote.rule = RULE_TRANSLATION


def turn_quotes(
    document: Document, found: Plan, turns: dict[int, Turn], items: list[Quote], known: Callable[[str], bool], rules: Rules
) -> list[Quote]:
    """What transcript turns say, as the words of a turn's speaker when the article names that
    person ("CLAIM:" or "RULING:" speaks for no one): each turn paragraph as reported speech (its
    words are given without marks, attributed by the label, as a headline's "Governor: ..."), and
    for `quotes check` each run of its sentences as a "turn" item of verbatim words, but for a
    sentence holding a quote or someone else's reported speech."""
    text = document.text
    layout_rules = load_layout_rules()
    by_start = sorted(items, key=lambda q: q.start)
    starts = [q.start for q in by_start]
    result: list[Quote] = []
    ended: set[int] = set()  # the units whose turn the reporter's narration has closed
    for para in found.paragraphs:
        turn = turns.get(para.unit)
        if turn is None or turn.speaker is None or para.silent or para.unit == 0:
            continue
        # a pull quote set in the turn ("> 'We built this city ...'  > — Name") is a quote of its own
        if (
            SIGNATURE_LINE.fullmatch(text, para.start, para.end)
            or not regex.search(r"\p{L}", text[para.start : para.end])  # "● (1540)", a sitting's clock: no words
            or layout_rules.proceedings.match(text[para.text_start : para.end]) is not None  # "<Media omitted>"
            or any(s.start < para.end and para.start < s.end for s in (*found.signed, *found.embeds))  # a post shown in the turn
        ):
            continue
        # "SERGEANT:" speaks as written; "CLAIM:" and a journalist nobody names ("REPORTER:") do not
        journalist = bool(layout_rules.journalist_labels & set(turn.speaker[0].lower().split()))
        if not known(turn.speaker[0]) and (turn.speaker[1] != "unnamed" or journalist):
            continue
        inside = by_start[bisect.bisect_left(starts, para.start) : bisect.bisect_left(starts, para.end)]
        # "[End of extract]  Outside the chamber, Prendergast told reporters ...": a paragraph after
        # the turn's own that reports someone else by a cue of its own is the reporter's again, and
        # so is the rest of the unit
        # (not "The review described our coordination as ...", in the first person: the witness's still)
        narration = para.role != "turn" and not in_the_first_person(_unquoted(text, para, found), rules.first_person)
        if narration and any(q.speaker != turn.speaker[0] and _reported_by_cue(q, rules) for q in inside):
            ended.add(para.unit)
        if para.unit in ended:
            continue
        first, last = trimmed(text, para.text_start, para.end)
        last -= text[last - 1 : last] == "."  # reported speech ends before the full stop
        quoted = any(q.kind in MARKED_KINDS and _fills(text, para, q) for q in inside)
        # '- Rep. Bram Tuckett: "...," he said on the House floor': the item reports its speaker
        # by a cue of its own, and is no turn of speech ("I told Dale" in a turn is)
        narrated = any(
            q.speaker == turn.speaker[0] and q.rule != RULE_TURN and _third_person(q.speaker_mention, rules) for q in inside
        )
        if first < last and not quoted and not narrated:  # a turn that is one quote is that quote
            whole = QuoteSpan(first, last, text[first:last], embed_author=turn.speaker[0])
            result.append(_signed(document, found, whole, "indirect", para.label, turn.speaker[1], RULE_TURN))
        # the speaker's own account ("I'll tell you what I told him: the voters want ...") is theirs verbatim
        others = [(q.start, q.end) for q in inside if not (q.kind == "indirect" and q.speaker == turn.speaker[0])]
        for first, last in _clean_runs(text, para, others):
            span = QuoteSpan(first, last, text[first:last], embed_author=turn.speaker[0])
            result.append(_signed(document, found, span, TURN_KIND, para.label, turn.speaker[1], RULE_TURN))
    return result


def _clean_runs(text: str, para: Paragraph, others: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The runs of a turn paragraph's sentences that hold no one else's words (no item in
    `others` overlaps them), each from its first sentence's start to its last one's end."""
    runs: list[tuple[int, int]] = []
    start, run = para.text_start, None
    for end in (*(m.end() for m in SENTENCE_END.finditer(text, para.text_start, para.end)), para.end):
        first, last = trimmed(text, start, end)
        start = end
        if first >= last:
            continue
        if any(s < last and first < e for s, e in others):
            run = None
        elif run is None:
            run = len(runs)
            runs.append((first, last))
        else:
            runs[run] = (runs[run][0], last)
    return runs


def _quote_around(quotes: list[Quote], draft: Draft) -> Quote | None:
    """The quote a nested quote stands in."""
    if not draft.nested:
        return None
    return next(_quotes_around(quotes, draft.start, draft.end), None)


def _quotes_around(quotes: list[Quote], start: int, end: int, kind: QuoteKind | None = None) -> Iterator[Quote]:
    """The quotes (of `kind`, when given) that hold [start, end), the innermost first."""
    return (q for q in reversed(quotes) if q.start <= start and end <= q.end and kind in (None, q.kind))


# the writing patterns are compiled per patterns folder and per set of writing nouns (all of them,
# or the one noun of "the report says"): room for every noun a long article uses, so none is recompiled
WRITING_PATTERNS = 64
WRITING_LOOKBACK_PARAGRAPHS = 6  # how far back "the report says" looks for the report's owner
UNNAMED_LOOKBACK_PARAGRAPHS = 8  # how far back "the insider" looks for the source first described


def _same_unnamed(quotes: list[Quote], mention: Mention, found: Plan, rules: Rules) -> Speaking | None:
    """ "A source close to the couple told The Daily Glint ...", then "The insider added", "Our
    source said": the unnamed person first described, in those words; "a representative for the
    couple", then "the rep"."""
    pointing_back = mention.definite or mention.text.lower().startswith(("the ", "our "))
    if mention.form != "description" or not pointing_back:  # "a source said" is someone new
        return None
    short = dict(pair.split() for pair in rules.words("speakers.role_short_forms"))
    informants = rules.words("speakers.informants")
    role = short.get(mention.head, mention.head)
    if role not in informants and role not in rules.words("speakers.unnamed") | rules.words("speakers.representatives"):
        return None
    since = found.index(mention.start) - UNNAMED_LOOKBACK_PARAGRAPHS
    for quote in reversed(quotes):
        if quote.paragraph is not None and quote.paragraph < since:
            break
        if quote.speaker_kind != "unnamed" or not quote.speaker:
            continue
        head = short.get(quote.speaker.split()[0].lower(), quote.speaker.split()[0].lower())
        if head == role or (head in informants and role in informants):
            return quote.speaker, "unnamed"
    return None


def _document_before(quotes: list[Quote], mentions: list[Mention | None], found: Plan, mention: Mention) -> Speaking | None:
    """The speaker of a writing that spoke last in the paragraph, for the "it" after it ("The
    report also criticises ... It says no single authority ...")."""
    if mention.form != "pronoun" or mention.kind == "person" or not quotes:
        return None
    last, spoke = quotes[-1], mentions[-1]
    same_paragraph = found.index(last.start) == found.index(mention.start)
    if spoke is None or spoke.form != "document" or not same_paragraph or last.speaker is None:
        return None
    return last.speaker, last.speaker_kind


def _pronoun_reporter(quotes: list[Quote], draft: Draft, registry: ArticleSpeakers, rules: Rules) -> Speaking | None:
    """ "Jax ... said he had written 'half the last album'": the "he" or "she" who speaks in a clause
    someone reports is that reporter, when the gender the story gave them allows it."""
    mention = draft.mention
    if mention is None or mention.form != "pronoun" or mention.kind != "person" or mention.gender is None:
        return None
    reporter = next(_quotes_around(quotes, mention.start, mention.start + 1, "indirect"), None)
    if reporter is None or reporter.speaker is None or reporter.speaker_kind != "person":
        return None
    asking = (reporter.cue or "").lower()
    if any(asking.startswith(verb_stem(verb)) for verb in rules.words("verbs.put_to")):
        return None  # "u/NordlysNils asked why her team drills by hand": "her" is whom he asked
    person = next((e for e in registry.entities if e.name == reporter.speaker), None)
    if person is None or person.gender not in (None, mention.gender):
        return None
    return reporter.speaker, "person"


def _reporter_around(quotes: list[Quote], draft: Draft) -> str:
    """ "Lozano said the defender had told the staff he wanted to stay on": whoever reports the
    words a description speaks in is not that description ("he" may well be, so only titles)."""
    mention = draft.mention
    if mention is None or mention.form != "description" or draft.kind != "indirect":
        return ""  # a quote in someone's report ('the deficit posed "the greatest threat"') is theirs
    return next((q.speaker for q in _quotes_around(quotes, mention.start, draft.end, "indirect") if q.speaker), "")


def _speakers_of_headlines(quotes: list[Quote], mentions: list[Mention | None], found: Plan, registry: ArticleSpeakers) -> None:
    """ "Closure 'a betrayal', says Shrewsford MP": a headline's title or role stands for the
    person the story names with it later ("Rachel Dunmore, the Labour MP for Shrewsford")."""
    for i, (quote, mention) in enumerate(zip(quotes, mentions, strict=True)):
        headline = quote.paragraph is not None and found.paragraphs[quote.paragraph].role == "headline"
        if not headline or mention is None or mention.form != "description" or quote.speaker_kind != "unnamed":
            continue
        speaker, kind = registry.resolve(mention)
        if speaker != mention.text:
            quotes[i] = replace(quote, speaker=speaker, speaker_kind=kind)


def _reads_out(cue: str | None, rules: Rules) -> bool:
    """Whether a cue is a verb of reading out ("she read", "I'll read you one line of it:")."""
    word = (cue or "").lower()
    return any(word == lemma or word.startswith(verb_stem(lemma)) for lemma in rules.words("verbs.reading"))


def _writer_named(text: str, found: Plan, registry: ArticleSpeakers, rules: Rules, at: int, noun: str = "") -> Speaking | None:
    """ "The jury was read a statement from Dinesh Pallath ... '...,' the statement said": the
    person or body named after "statement from" (or "letter by"), or as the writer of "a letter
    Henare wrote", in this paragraph or the one before, in its unit; for "the report says", the
    owner of a report (the writing `noun`) named further back ("The report, Bitter Syrup, was
    produced by the Medicines Integrity Forum")."""
    index = found.index(at)
    floor = max(found.paragraphs[max(0, index - 1)].start, found.unit_start(at)) if found.paragraphs else 0
    named = _writers(text, registry, rules, floor, at, rules.words("nouns.statement") | rules.words("nouns.document"))
    if not named and noun and found.paragraphs:
        far = max(found.paragraphs[max(0, index - WRITING_LOOKBACK_PARAGRAPHS)].start, found.unit_start(at))
        named = _writers(text, registry, rules, far, at, frozenset({noun}))
    return (named[-1].name, named[-1].kind) if named else None


def _writers(text: str, registry: ArticleSpeakers, rules: Rules, floor: int, at: int, writings: frozenset[str]) -> list[Entity]:
    """Who is named in [floor, at) as the writer, owner or publisher of one of `writings`."""
    verbs = rules.words("verbs.writing_forms")
    from_, before, wrote = _writing_from(writings, verbs), _writing_before(writings), _writer_wrote(verbs)
    owned = rules.words("nouns.owned_writings") & writings  # none for "report": no "X's report" pattern then
    put_out, owns = _writer_put_out(writings, verbs), _writer_owns(owned) if owned else None
    put_in, said_in = _writer_put_in(writings), _writer_said_in(writings)
    wrote_to = _writer_wrote_to(rules.words("verbs.writing_to")) if owned else None

    def writer(offset: int) -> bool:
        if from_.search(text, max(0, offset - 100), offset) or put_out.match(text, offset, at):
            return True
        if owns is not None and owns.match(text, offset, at):
            return True
        if wrote_to is not None and wrote_to.match(text, offset, at):
            return True
        if put_in.search(text, max(0, offset - 200), offset) or said_in.match(text, offset, at):
            return True
        return bool(before.search(text, max(0, offset - 40), offset) and wrote.match(text, offset, at))

    return [e for offset, e in registry.mentioned_in(floor, at) if e.kind != "unknown" and writer(offset)]


@lru_cache(maxsize=WRITING_PATTERNS)
def _writing_before(writings: frozenset[str]) -> regex.Pattern[str]:
    """ "a letter ", "the note that ": a writing just before the name of its writer."""
    return regex.compile(rf"\b(?:{'|'.join(sorted(writings))})s?\s+(?:that\s+|which\s+)?$", regex.IGNORECASE)


@lru_cache(maxsize=4)  # one per patterns folder
def _writer_wrote(verbs: frozenset[str]) -> regex.Pattern[str]:
    """ "Henare wrote", "Jane Roe had sent": a name and a verb of writing."""
    return regex.compile(
        rf"\p{{Lu}}[\p{{L}}'’-]*(?:\s+\p{{Lu}}[\p{{L}}'’-]*){{0,3}}\s+(?:had\s+)?(?:{'|'.join(sorted(verbs))})\b"
    )


@lru_cache(maxsize=4)  # one per patterns folder
def _writer_wrote_to(verbs: frozenset[str]) -> regex.Pattern[str]:
    """ "the Chair, Ruaridh Galbraith MP, wrote to the Minister": a name that wrote to someone."""
    return regex.compile(
        rf"\p{{Lu}}[\p{{L}}'’-]*(?:\s+\p{{Lu}}[\p{{L}}'’-]*){{0,3}},?\s+(?:has\s+|had\s+)?(?:{'|'.join(sorted(verbs))})\s+to\b"
    )


@lru_cache(maxsize=WRITING_PATTERNS)
def _writer_put_in(writings: frozenset[str]) -> regex.Pattern[str]:
    """ "In a press release signed by its commissioner, Mr X, the ": the sentence's subject, named
    after an opening "In a <writing> ...,", put the writing out."""
    return regex.compile(
        rf"(?:^|[.!?]\s+|\n)[Ii]n\s+(?:a|an|its|their|his|her|the)\s+(?:[\w-]+\s+){{0,2}}(?:{'|'.join(sorted(writings))})s?\b"
        rf"(?:(?!\b(?:said|says|say)\b)[^.\n]){{0,150}},\s+(?:the\s+)?$"  # not "..., Velocore said it covers TH5-23, TH7"
    )


@lru_cache(maxsize=WRITING_PATTERNS)
def _writer_said_in(writings: frozenset[str]) -> regex.Pattern[str]:
    """ "Ministry of Water Resources in a press release yesterday said": a name, then "in" its writing."""
    return regex.compile(
        rf"\p{{Lu}}[\p{{L}}'’-]*(?:\s+(?:(?:of|and|for|the)\s+)?\p{{Lu}}[\p{{L}}'’-]*){{0,5}}\s+in\s+(?:a|an|its|their|his|her)\s+"
        rf"(?:[\w-]+\s+){{0,2}}(?:{'|'.join(sorted(writings))})s?\b"
    )


@lru_cache(maxsize=WRITING_PATTERNS)
def _writer_owns(writings: frozenset[str]) -> regex.Pattern[str]:
    """ "Mr Breathnach's victim impact statement was read to the court": a name that owns the writing."""
    return regex.compile(
        rf"\p{{Lu}}[\p{{L}}'’-]*(?:\s+\p{{Lu}}[\p{{L}}'’-]*){{0,3}}['’]s\s+(?:[\w-]+\s+){{0,3}}(?:{'|'.join(sorted(writings))})s?\b"
    )


@lru_cache(maxsize=WRITING_PATTERNS)
def _writer_put_out(writings: frozenset[str], verbs: frozenset[str]) -> regex.Pattern[str]:
    """ "Clean Rivers Trust published its annual report": a name, a verb of writing or putting
    out, and the writing."""
    return regex.compile(
        rf"\p{{Lu}}[\p{{L}}'’-]*(?:\s+\p{{Lu}}[\p{{L}}'’-]*){{0,4}}\s+(?:has\s+|had\s+)?(?:{'|'.join(sorted(verbs))})\s+"
        rf"(?:its|their|his|her|a|an|the)\s+(?:[\w-]+\s+){{0,3}}(?:{'|'.join(sorted(writings))})s?\b"
    )


@lru_cache(maxsize=WRITING_PATTERNS)
def _writing_from(writings: frozenset[str], verbs: frozenset[str]) -> regex.Pattern[str]:
    """ "a statement from ", "a letter by the ", "a statement written by their mother, ", "The report,
    Bitter Syrup, was produced by the ": what comes just before a writing's owner."""
    return regex.compile(
        rf"\b(?:{'|'.join(sorted(writings))})s?(?:,[^,.\n]{{1,60}},)?\s+(?:(?:was|were|has\s+been|had\s+been)\s+)?"
        rf"(?:(?:{'|'.join(sorted(verbs))})\s+)?(?:from|by)\s+"
        rf"(?:(?:the|his|her|their|its)\s+(?:\w+,\s+)?)?$",
        regex.IGNORECASE,
    )


def _owner_of_writing(quotes: list[Quote], found: Plan, at: int) -> Speaking | None:
    """ "Britrail said in a statement that ... '...,' the statement said": the latest speaker of its
    unit, at most CONTINUATION_PARAGRAPHS paragraphs before."""
    index = found.index(at)
    unit = found.paragraphs[index].unit if found.paragraphs else 0
    for quote in reversed(quotes):
        before = found.index(quote.start)
        if index - before > CONTINUATION_PARAGRAPHS or found.paragraphs[before].unit != unit:
            return None
        if quote.speaker is not None:
            return quote.speaker, quote.speaker_kind
    return None


def _speakers_identified_after(quotes: list[Quote], text: str, found: Plan, registry: ArticleSpeakers, rules: Rules) -> None:
    """A quote paragraph nobody was given, followed in its unit by "That was Nadia Farrell, who
    ...": the person that paragraph names."""
    openers = rules.words("speakers.identifying_openers")
    for quote in quotes:
        # naming the speaker outweighs a guess from the narration before the quote
        guessed = quote.speaker is None or quote.rule == RULE_NARRATED_INTRODUCTION
        if not guessed or quote.kind not in MARKED_KINDS or quote.paragraph is None:
            continue
        para = found.paragraphs[quote.paragraph]
        after = found.paragraphs[quote.paragraph + 1] if quote.paragraph + 1 < len(found.paragraphs) else None
        if after is None or after.unit != para.unit or not _fills(text, para, quote):
            continue
        opening = f"{normalise(text[after.text_start : after.end])} "
        if not any(opening.startswith(f"{normalise(o)} ") for o in openers):
            continue
        person = registry.person_named_in(after.text_start, after.end)
        if person is not None:
            quote.speaker, quote.speaker_kind, quote.rule = person.name, person.kind, RULE_IDENTIFIED_AFTER


def _speakers_of_continued(quotes: list[Quote], continued: list[bool]) -> None:
    """ "Nobody wants to raise rates. [paragraph] "We have families ...," said Ruth Oyelaran.":
    the paragraphs a multi-paragraph quote runs through take the speaker named at its end."""
    for i in range(len(quotes) - 1, 0, -1):
        if not continued[i] or quotes[i].speaker is None:
            continue
        before = next((j for j in range(i - 1, -1, -1) if quotes[j].kind in MARKED_KINDS), None)
        # the speaker named at the quote's end outweighs a guess from the narration before it
        if before is not None and (quotes[before].speaker is None or quotes[before].rule == RULE_NARRATED_INTRODUCTION):
            _take_speaker(quotes[before], quotes[i], RULE_CONTINUED)


def _speakers_of_repeats(
    quotes: list[Quote], mentions: list[Mention | None], found: Plan, signed: list[Quote], text: str, rules: Rules
) -> None:
    """A quote that a later quote of its unit repeats word for word (a live-blog entry's sub-head
    "'Like a freight train'", a headline, a key point) takes that quote's speaker when nobody was
    given it, or when a heading gave only a role ("Transport secretary: 'The door ... open'") and
    the later quote names its speaker, or when a sub-head that is only a quote took the speaker of
    the paragraph above it ("'Hindi ito aksidente lang'" under another speaker's paragraph). A
    post may be the later quote too (a headline quoting a warning that a post below gives in full)."""
    every = sorted(
        [*((q, m) for q, m in zip(quotes, mentions, strict=True)), *((q, None) for q in signed)], key=lambda p: p[0].start
    )
    pool = [q for q, _ in every]
    words = [f" {normalise(q.text)} " for q in pool]
    units = [found.paragraph_at(q.start).unit for q in pool]
    for i in range(len(pool) - 1, -1, -1):  # a sub-head takes its speaker before a key point repeats it
        quote, mention = every[i]
        by_role = quote.speaker is not None and _heading_by_role(quote, mention, found)
        by_role = by_role or (quote.rule in INHERITED_RULES and _quote_sub_head(quote, found, text))
        if (quote.speaker is not None and not by_role) or quote.kind not in MARKED_KINDS:
            continue
        for j in range(i + 1, len(pool)):
            later = pool[j]
            same_unit = units[i] == 0 or units[j] == units[i]
            named = later.speaker is not None and (not by_role or later.speaker_kind in ("person", "organisation"))
            own_words = later.kind != "embed" or not _quotes_inside(later.text, quote.text, rules)
            own_words = own_words and (later.start >= quote.end or later.end <= quote.start)  # not the turn that holds it
            if named and later.kind in REPEATING_KINDS and same_unit and words[i] in words[j] and own_words:
                _take_speaker(quote, later, RULE_REPEAT)
                break
    # a pull quote ("> **'We will fight for every single job ...'**") that its context gave a
    # speaker repeats someone's words from above, or from below when the page sets it first: theirs
    for i, (quote, _) in enumerate(every):
        if quote.rule not in INHERITED_RULES or quote.kind not in MARKED_KINDS or len(words[i].split()) < PULL_QUOTE_WORDS:
            continue
        para = found.paragraph_at(quote.start)
        if any(c.isalnum() for c in text[para.text_start : quote.start] + text[quote.end : para.end]):
            continue  # a quote in a paragraph of narration continues its speaker, whoever said it before
        around = [*range(i - 1, -1, -1), *range(i + 1, len(pool))]
        said = (j for j in around if pool[j].speaker is not None and pool[j].rule not in INHERITED_RULES)
        repeated = next((pool[j] for j in said if words[i] in words[j]), None)
        if repeated is not None and repeated.speaker != quote.speaker:
            _take_speaker(quote, repeated, RULE_PULL_QUOTE)


def _quotes_inside(post: str, words: str, rules: Rules) -> bool:
    """Whether a post gives `words` in marks of its own: someone else's, that it quotes."""
    return any(f"{pair.open}{words.strip()}" in post for pair in rules.mark_pairs)


def _quote_sub_head(quote: Quote, found: Plan, text: str) -> bool:
    """A sub-head that is one quote and nothing else (but its marks, a "##"), with no full stop."""
    para = found.paragraph_at(quote.start)
    alone = not any(c.isalnum() for c in text[para.text_start : quote.start] + text[quote.end : para.end])
    return alone and para.end - para.text_start <= SUB_HEAD_MAX_CHARS and not quote.text.rstrip().endswith((".", "!", "?"))


def _heading_by_role(quote: Quote, mention: Mention | None, found: Plan) -> bool:
    """A headline, key point or sub-head whose quote a description attributes."""
    if mention is None or mention.form != "description":
        return False
    para = found.paragraph_at(quote.start)
    sub_head = para.end - para.text_start <= SUB_HEAD_MAX_CHARS and not quote.text.rstrip().endswith((".", "!", "?"))
    return para.role in ("headline", "list_item") or sub_head


def _take_speaker(quote: Quote, source: Quote, rule: str) -> None:
    """Give `quote` the speaker of `source`, by `rule`."""
    quote.speaker, quote.speaker_mention, quote.speaker_kind = source.speaker, source.speaker_mention, source.speaker_kind
    quote.rule = rule


def _inside(quote: Quote, other: Quote | None) -> bool:
    return other is not None and other.start <= quote.start and quote.end <= other.end


def _after_reported(quote: Quote, reported: Quote | None, last_quoted: tuple[int, Quote] | None, opens: bool) -> None:
    """ "De Wit said several of her neighbours were elderly. „My neighbour is ninety-one.”": a
    quote nobody was given takes the speaker of the reported speech before it in its paragraph,
    or in the paragraph before when the quote `opens` its own, when no quote came between."""
    if quote.speaker is not None or reported is None or reported.end > quote.start:
        return
    here = reported.paragraph == quote.paragraph
    just_before = (
        opens and reported.paragraph is not None and quote.paragraph is not None and reported.paragraph == quote.paragraph - 1
    )
    if not here and not just_before:
        return
    if last_quoted is not None and last_quoted[1].start > reported.start:
        return
    _take_speaker(quote, reported, RULE_AFTER_REPORTED)


def _continue(
    quote: Quote, draft: Draft, index: int, last_quoted: tuple[int, Quote] | None, speakers: _Speakers
) -> tuple[int, Quote] | None:
    """Split pieces and unattributed quotes take after the last quoted speaker of the same unit."""
    paragraphs = speakers.found.paragraphs
    unit = paragraphs[index].unit if paragraphs else 0
    previous = last_quoted[1] if last_quoted and paragraphs[last_quoted[0]].unit == unit else None
    if previous is not None and resumes_split_quote(previous, quote):
        quote.kind = previous.kind
    # each bullet of a summary is a statement of its own: a quote does not run on into the next one
    own_item = paragraphs[index].role == "list_item" and last_quoted is not None and last_quoted[0] != index
    first_quote = last_quoted is None or last_quoted[0] != index
    if quote.speaker is None and not draft.continues and first_quote:
        # "The chief read a statement from the Reyes family. '...'": the family's words, not the reader's
        writer = _writer_named(speakers.text, speakers.found, speakers.registry, speakers.rules, quote.start)
        if writer is not None:
            quote.speaker, quote.speaker_kind, quote.rule = writer[0], writer[1], RULE_WRITER_BEFORE
    if quote.speaker is None and not draft.continues and unit not in speakers.turns and first_quote:
        opener = _acted_before(quote, paragraphs[index], speakers)
        if opener is not None:
            quote.speaker, quote.speaker_kind, quote.rule = opener.name, opener.kind, RULE_SUBJECT_BEFORE
    if quote.speaker is None and not draft.continues and unit not in speakers.turns and first_quote and index > 0:
        brought_in = _brought_in_before(quote, paragraphs[index - 1], paragraphs[index], previous, speakers)
        if brought_in is not None:
            quote.speaker, quote.speaker_kind, quote.rule = brought_in.name, brought_in.kind, RULE_INTRODUCED_BEFORE
    if (
        quote.speaker is None
        and previous is not None
        and last_quoted
        and _paragraphs_on(paragraphs, last_quoted[0], index) <= CONTINUATION_PARAGRAPHS
        and not own_item
    ):
        _take_speaker(quote, previous, RULE_CONTINUATION)
        if draft.kind == "partial" and (draft.continues or previous.kind == "direct"):
            quote.kind = previous.kind
    turn = speakers.turns.get(unit)
    said_by = turn.speaker if turn is not None else None
    if (
        quote.speaker is None
        and said_by is not None
        and speakers.registry.speaks_as(said_by[0])
        and _fills(speakers.text, paragraphs[index], quote)
    ):
        # a turn that is one quote and nothing else: a quote sheet's answer, the speaker's own (when
        # the article names the speaker: "CLAIM:" speaks for no one)
        quote.speaker, quote.speaker_mention, quote.speaker_kind = said_by[0], paragraphs[index].label, said_by[1]
        quote.rule = RULE_TURN
    if quote.speaker is None and turn is not None and turn.speaker is not None:
        # marks inside a turn hold someone else's words ("Her exact words were, '...'"): the
        # person the turn last named, not the turn's own speaker
        quoted = speakers.registry.person_named_before(quote.start, speakers.found.unit_start(quote.start), turn.speaker[0])
        if quoted is not None:
            quote.speaker, quote.speaker_kind = quoted.name, quoted.kind
            quote.rule = RULE_QUOTED_IN_TURN
    return (index, quote) if quote.speaker is not None else last_quoted


def _paragraphs_on(paragraphs: list[Paragraph], before: int, index: int) -> int:
    """How many paragraphs on from `before` the one at `index` is, a page's running heads and
    other boilerplate between not counted (a byline or a date is: it ends a headline's quote)."""
    return sum(1 for p in paragraphs[before + 1 : index + 1] if p.role != "boilerplate")


def _acted_before(quote: Quote, para: Paragraph, speakers: _Speakers) -> Entity | None:
    """ "Ms Grant-Sutherland pressed him. '...'", "The Iar MSP, Dòmhnall MacAoidh, rose with a
    question. '...'": the person who opens the paragraph as the subject of the sentence that ends
    just before the quote speaks it (not "Asked whether Whelan had earned a recall, the manager
    smiled", whose opening words are no name)."""
    found = speakers.registry.person_subject_in(para.text_start, quote.start)
    if found is None:
        return None
    at, person = found
    opening = regex.sub(r"[\p{P}\s]+", " ", speakers.text[para.text_start : at]).split()
    rules = speakers.rules
    # "The Minister of State for Health, ...": articles, particles and an office's "of" and "for"
    allowed = rules.words("speakers.phrase_openers") | rules.words("speakers.name_particles") | {"of", "for"}
    if any(w.lower() == w and w not in allowed for w in opening):
        return None
    between = speakers.text[at : quote.start].rstrip(rules.quote_chars + " \t\n")
    return person if between.endswith((".", "!", "?")) else None


def _brought_in_before(
    quote: Quote, before: Paragraph, para: Paragraph, previous: Quote | None, speakers: _Speakers
) -> Entity | None:
    """ "Beside him, Felicitas Ccama Torres, who sells soup to the protesters, is less diplomatic."
    then "— They say the water is clean. ...": a quote that opens its paragraph, after a paragraph
    of one sentence with no quote whose subject is a named person other than the last speaker, is
    that person's."""
    text, rules = speakers.text, speakers.rules
    opens = not text[para.text_start : quote.start].strip(rules.quote_chars + " \t")
    one_sentence = len(regex.findall(r"[.!?](?:\s|$)", text[before.text_start : before.end].strip())) == 1
    if not opens or not one_sentence or before.unit != para.unit or speakers.found.spans_from(before.text_start, before.end):
        return None
    found = speakers.registry.person_subject_in(before.text_start, before.end)
    if found is None or (previous is not None and found[1].name == previous.speaker):
        return None
    return found[1]


def _reported_by_cue(quote: Quote, rules: Rules) -> bool:
    """Whether an item's speaker comes from a cue of its own that names someone from outside."""
    return quote.rule not in (None, RULE_TURN) and _third_person(quote.speaker_mention, rules)


def _unquoted(text: str, para: Paragraph, found: Plan) -> str:
    """The paragraph's words outside quote marks."""
    words, at = [], para.text_start
    for span in found.spans_from(para.text_start, para.end):
        words.append(text[at : span.start])
        at = max(at, span.end)
    return " ".join([*words, text[at : para.end]])


def _third_person(mention: str | None, rules: Rules) -> bool:
    """Whether a speaker mention names or points at someone from outside ("he", "Tuckett"), not the
    speaker in the first person ("I", "we")."""
    return mention is not None and mention.lower() not in rules.words("speakers.first_person_pronouns")


def _fills(text: str, para: Paragraph, quote: Quote) -> bool:
    """Whether the quote is all the paragraph says, but for its marks and punctuation, and a
    bulleted quote sheet's question in brackets before it ('• (On the defense) "..."')."""
    return not any(c.isalnum() for c in after_prompt(text[para.text_start : quote.start]) + text[quote.end : para.end])


def signed_quotes(document: Document, found: Plan, rules: Rules) -> list[Quote]:
    """Blockquotes signed on their last line ("> — Priya Nandakumar, transportation director"),
    each the words of the name without the titles before it ("— Superintendent Warren Feld")."""
    return [
        _signed(
            document,
            found,
            replace(s, embed_author=_untitled(s.embed_author, rules)),
            "direct",
            s.embed_author,
            "person",
            RULE_SIGNED_BLOCKQUOTE,
        )
        for s in found.signed
    ]


def _untitled(name: str | None, rules: Rules) -> str | None:
    """A signature's name without the titles before it or the letters after it ("Hannah Greer MP")."""
    words = (name or "").split()
    while len(words) > 2 and words[0].lower() in rules.title_words:
        words = words[1:]
    while len(words) > 2 and words[-1].isupper() and words[-1].lower() in rules.title_words:
        words = words[:-1]
    return " ".join(words) or name


def embed_quotes(document: Document, found: Plan, rules: Rules) -> list[Quote]:
    """Embedded posts, attributed to their display names."""
    return [
        _signed(
            document,
            found,
            replace(e, embed_author=_untitled(e.embed_author, rules)),
            "embed",
            f"@{e.embed_handle}" if e.embed_handle else e.embed_author,
            "unknown",
            RULE_EMBED,
        )
        for e in found.embeds
    ]


def _signed(
    document: Document, found: Plan, span: QuoteSpan, kind: QuoteKind, mention: str | None, speaker_kind: SpeakerKind, rule: str
) -> Quote:
    """A quote whose signature names its speaker (`span.embed_author`), with no cue to resolve."""
    return Quote(
        source=document.source,
        start=span.start,
        end=span.end,
        text=span.text,
        kind=kind,
        speaker=span.embed_author,
        speaker_mention=mention,
        line=found.line(span.start),
        paragraph=found.index(span.start),
        speaker_kind=speaker_kind,
        meta=document.meta,
        rule=rule,
    )
