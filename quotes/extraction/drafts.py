"""Drafts: the quotes and reported items of one parsed part, each with its cue and the speaker
mention the cue gives, before any mention is resolved to a person.

    a parsed part + the plan -> cues (attribution) -> quoted, nested and reported drafts
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace
from typing import overload

from spacy.tokens import Doc, Span, Token

from quotes.extraction.attribution import (
    RULE_GOVERNING_SUBJECT,
    RULE_NARRATED_INTRODUCTION,
    Cue,
    according_override,
    channel_and_speaker,
    closing_introduction,
    colon_after,
    colon_clause,
    colon_label,
    dash_aside,
    dash_label,
    find_cues,
    governing_cue,
    introducing_cue,
    is_speaker_of_cue,
    looks_like_term,
    naming_cue,
    quote_kind,
    quote_tokens,
    trailing_cue,
    viewpoint_opener,
)
from quotes.extraction.layout import Paragraph
from quotes.extraction.matchers import Matchers
from quotes.extraction.plan import Plan
from quotes.extraction.reported import colon_headline, find_reported
from quotes.extraction.speakers import Mention, is_channel, mention_at
from quotes.models import MARKED_KINDS, QuoteKind, QuoteSpan
from quotes.rules import Rules
from quotes.text.words import tokenise

MIN_WORDS_OUTSIDE_MARKS = 2  # reported content with fewer own words than this is the quote's, not a second item
NOUN_MODIFIER_DEPS = {"amod", "compound", "nmod", "poss", "npadvmod"}
# what `Quote.rule` says when no pattern of patterns/*.jsonl gave the speaker
RULE_INTRODUCTION = "introduced by 'said:'"
RULE_HEADLINE = "colon headline"
RULE_HEADLINE_QUOTE = "a quote in a colon headline's words"


@dataclass
class Draft:
    """A quote or reported item before its speaker mention is resolved."""

    start: int
    end: int
    kind: QuoteKind
    mention: Mention | None
    cue: str | None
    via: str | None = None
    continues: bool = False
    nested: bool = False  # a quote inside a quote: it has a speaker of its own, and continues no one
    rule: str | None = None  # the rule that gave the mention (a pattern's label, or one of the RULE_ names)


@overload
def shift(mention: Mention, offset: int) -> Mention: ...
@overload
def shift(mention: None, offset: int) -> None: ...
def shift(mention: Mention | None, offset: int) -> Mention | None:
    if mention is None:
        return None
    return replace(mention, start=mention.start + offset, body=shift(mention.body, offset), owner=shift(mention.owner, offset))


def _start(span: QuoteSpan) -> int:
    return span.start


def drafts_in_part(
    doc: Doc, offset: int, found: Plan, matchers: Matchers, text: str, para_start: int
) -> tuple[list[Draft], tuple[Mention, str, str] | None]:
    """The drafts of one parsed part, and who speaks next if it ends introducing a quote ("she
    said:"): the mention, the rule and the verb."""
    rules = matchers.rules
    spans = found.spans
    end = offset + len(doc.text)
    local = spans[bisect.bisect_left(spans, offset, key=_start) : bisect.bisect_left(spans, end, key=_start)]
    token_sets = {}
    excluded: set[int] = set()
    for span in local:
        tokens = quote_tokens(doc, span.start - offset, min(span.end, end) - offset)
        if tokens is not None:
            token_sets[span.start] = tokens
            excluded.update(t.i for t in tokens)
    cues = find_cues(doc, matchers.speaker_rules, rules, excluded)
    drafts: list[Draft] = []
    for span in local:
        tokens = token_sets.get(span.start)
        if tokens is None or looks_like_term(text, span, rules):
            continue
        cue = naming_cue(tokens, governing_cue(tokens, cues, excluded) or introducing_cue(tokens, cues), rules)
        asks = span.text.rstrip()[-1:] in ("?", "!")
        if (cue is None or cue.speaker is None) and asks:
            # "Idoro spill: 'Who will clean our river?' Alabraba asks": the verb after it, not the topic before the colon
            cue = trailing_cue(doc, span.end + len(span.close_mark) - offset, cues) or cue
        if cue is None or cue.speaker is None:  # a label: 'Name: "..."', '"..." -- Name'
            opening = span.start - len(span.open_mark) - offset
            label = colon_label(doc, opening, rules) or colon_clause(doc, opening, rules)
            closing = span.end + len(span.close_mark) - offset
            aside = dash_aside(doc, span.end - offset, rules) if span.open_mark in rules.dialogue_dashes else None
            named = aside or dash_label(doc, closing, rules) or colon_after(doc, opening, closing, rules)
            cue = label or named or viewpoint_opener(doc, opening, rules) or cue
        kind = quote_kind(text, span, para_start)
        short = len(span.text.split()) <= rules.term_max_words and not _a_sentence_alone(text, span, kind)
        if short and (cue is None or is_speaker_of_cue(tokens, cues)):
            continue  # a scare quote or a name, not speech
        via = None
        if cue is not None:
            cue, via = channel_and_speaker(according_override(cue, cues, rules), cues, rules)
        drafts.append(
            Draft(
                span.start,
                span.end,
                kind,
                shift(cue.speaker, offset) if cue else None,
                cue.token.text if cue else None,
                via,
                continues=span.continues,
                rule=cue.rule if cue else None,
            )
        )
    reported = _reported_in(doc, offset, local, cues, matchers, text)
    headline = next((d for d in reported if d.rule == RULE_HEADLINE), None)
    if headline is not None:  # 'MP Nurgaliyeva: people "deserve answers, not excuses"'
        for draft in drafts:
            if draft.mention is None and headline.start <= draft.start and draft.end <= headline.end:
                draft.mention, draft.cue, draft.rule = headline.mention, ":", RULE_HEADLINE_QUOTE
    drafts.extend(reported)
    drafts.extend(_nested_in(doc, offset, found, matchers, text, para_start))
    introduction = closing_introduction(doc, cues, rules, excluded)
    if introduction is None or introduction.speaker is None:
        return drafts, None
    return drafts, (shift(introduction.speaker, offset), introduction.rule, introduction.token.text)


def _a_sentence_alone(text: str, span: QuoteSpan, kind: str) -> bool:
    """'"I'm with the drivers," Ortega said. "But I'm tired."': a short quote that is a whole
    sentence of its own, ending where its marks close, is speech, not a scare quote."""
    after = text[span.end + len(span.close_mark) : span.end + len(span.close_mark) + 1]
    return kind == "direct" and span.text.rstrip()[-1:] in (".", "!", "?") and (after == "" or after.isspace())


def _nested_in(doc: Doc, offset: int, found: Plan, matchers: Matchers, text: str, para_start: int) -> list[Draft]:
    """Quotes inside quotes ("When Hebden told me 'we cannot cope', I listened"): the inner words
    are an item of their own when a cue inside the outer quote gives them a speaker. Without one
    they are the outer speaker's scare quotes or mentions, not speech."""
    rules = matchers.rules
    end = offset + len(doc.text)
    nested = found.nested
    local = nested[bisect.bisect_left(nested, offset, key=_start) : bisect.bisect_left(nested, end, key=_start)]
    token_sets = {s.start: t for s in local if (t := quote_tokens(doc, s.start - offset, min(s.end, end) - offset)) is not None}
    if not token_sets:
        return []
    excluded = {t.i for tokens in token_sets.values() for t in tokens}
    cues = find_cues(doc, matchers.speaker_rules, rules, excluded)
    drafts: list[Draft] = []
    for span in local:
        tokens = token_sets.get(span.start)
        outer = found.quote_around(span.start, span.end)
        if tokens is None or outer is None or looks_like_term(text, span, rules):
            continue
        inside = {i: c for i, c in cues.items() if outer.start <= c.token.idx + offset < outer.end}
        # "The district court described the ordinance as 'a reasonable response'": a naming verb inside the outer quote
        cue = _within(naming_cue(tokens, governing_cue(tokens, inside, excluded), rules), outer, offset, rules)
        short = len(span.text.split()) <= rules.term_max_words
        if cue is None or (short and (not any(cue.token in t.ancestors for t in tokens) or _modifies_a_noun(tokens))):
            continue  # a short quote the cue does not govern, or a word describing a thing: a scare quote
        kind = quote_kind(text, span, para_start)
        drafts.append(Draft(span.start, span.end, kind, shift(cue.speaker, offset), cue.token.text, nested=True, rule=cue.rule))
    return drafts


def _within(cue: Cue | None, outer: QuoteSpan, offset: int, rules: Rules) -> Cue | None:
    """A nested quote's speaker is named inside the outer quote: in '"She kept asking, 'Where is
    he?'" Kerry said', the asker is "she", not Kerry, whose cue the parse hangs "asking" on."""
    if cue is None or cue.speaker_token is None or outer.start <= cue.speaker_token.idx + offset < outer.end:
        return cue
    verb: Token = cue.token
    while outer.start <= verb.idx + offset < outer.end:
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and (mention := mention_at(subject, rules)) is not None:
            return Cue(verb, mention, subject, RULE_GOVERNING_SUBJECT)
        if verb.head is verb:
            break
        verb = verb.head
    return None


def _modifies_a_noun(tokens: Span) -> bool:
    """ "it's a 'managed' release": the quoted words describe a thing, they are not what was said."""
    inside = {t.i for t in tokens}
    roots = [t for t in tokens if t.head.i not in inside or t.head is t]
    return bool(roots) and all(t.dep_ in NOUN_MODIFIER_DEPS for t in roots if not t.is_punct)


def _reported_in(
    doc: Doc, offset: int, spans: list[QuoteSpan], cues: dict[int, Cue], matchers: Matchers, text: str
) -> list[Draft]:
    rules = matchers.rules
    drafts: list[Draft] = []
    for item in find_reported(doc, matchers.content_rules, rules, cues):
        cue = cues.get(item.cue.i)
        mention = item.speaker or (cue.speaker if cue else None)
        if mention is None or is_channel(mention, rules) or mention.head in rules.words("speakers.data_sources"):
            continue
        speaker_at = cue.speaker_token.i if cue is not None and cue.speaker_token is not None else -1
        if item.speaker is None and item.start <= speaker_at < item.end and not item.start <= item.cue.i < item.end:
            continue  # "MCA Beatrice Oduya, whose niece is among the injured, said ...": who speaks is not what was said
        via = None
        if cue is not None and item.speaker is None:
            chosen, via = channel_and_speaker(cue, cues, rules)
            mention = chosen.speaker or mention
        start = doc[item.start].idx + offset
        end = doc[item.end - 1].idx + len(doc[item.end - 1].text) + offset
        if _mostly_quoted(text, start, end, spans):
            continue
        drafts.append(Draft(start, end, "indirect", shift(mention, offset), item.cue.text, via, rule=item.label))
    headline = colon_headline(doc, rules)
    if headline is not None:
        mention, start, end = headline
        if not _mostly_quoted(text, start + offset, end + offset, spans):
            drafts.append(Draft(start + offset, end + offset, "indirect", shift(mention, offset), ":", rule=RULE_HEADLINE))
    return drafts


def _quote_bullet(text: str, before: Paragraph, para: Paragraph, matchers: Matchers) -> bool:
    """Whether a paragraph is a bullet that opens with a quote mark, after a bullet of its unit."""
    opening = text[para.text_start : para.end].lstrip()[:1]
    bullets = before.role == para.role == "list_item" and before.unit == para.unit
    return bullets and opening != "" and opening in matchers.rules.quote_chars


def _mostly_quoted(text: str, start: int, end: int, spans: list[QuoteSpan]) -> bool:
    """Content whose words are all inside quote marks but for one: the quote says it already."""
    outside = list(text[start:end])
    for span in spans:
        for i in range(max(start, span.start), min(end, span.end)):
            outside[i - start] = " "
    return len(tokenise("".join(outside))) < MIN_WORDS_OUTSIDE_MARKS


def collect_drafts(text: str, found: Plan, parsed: list[tuple[int, Doc]], matchers: Matchers) -> list[Draft]:
    """Every draft of a document; a quote that opens a paragraph after "... said:" takes that
    speaker, within one unit."""
    drafts: list[Draft] = []
    # paragraph index -> who speaks in the quote that opens it, by which rule and verb
    introductions: dict[int, tuple[Mention, str, str]] = {}
    paragraphs = found.paragraphs
    if not paragraphs:  # an empty or blank text: nothing can be said in it
        return drafts
    for offset, doc in parsed:
        index = found.index(offset)
        part, introduction = drafts_in_part(doc, offset, found, matchers, text, paragraphs[index].start)
        drafts.extend(part)
        if introduction is not None and index + 1 < len(paragraphs) and paragraphs[index + 1].unit == paragraphs[index].unit:
            introductions[index + 1] = introduction
            # "Grace Adeyemi said:" over bulleted quotes: every bullet that is a quote is hers
            after = index + 2
            while after < len(paragraphs) and _quote_bullet(text, paragraphs[after - 1], paragraphs[after], matchers):
                introductions[after] = introduction
                after += 1
    # "Some personal news: our paper is out" in a LinkedIn post: the post's own line, no headline
    drafts = [d for d in drafts if d.rule != RULE_HEADLINE or not any(e.start <= d.start < e.end for e in found.embeds)]
    for draft in drafts:
        if draft.mention is not None or draft.kind not in MARKED_KINDS or draft.nested:
            continue
        index = found.index(draft.start)
        lead = text[paragraphs[index].text_start : draft.start]  # after a bullet
        if index in introductions and not lead.strip(matchers.rules.quote_chars + " \t\n"):
            draft.mention, rule, draft.cue = introductions[index]
            draft.rule = RULE_NARRATED_INTRODUCTION if rule == RULE_NARRATED_INTRODUCTION else RULE_INTRODUCTION
    return drafts
