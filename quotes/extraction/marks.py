"""Find quoted stretches of text with the quote-mark pairs in `patterns/quote_marks.toml`.

Pure string work, no spaCy: paragraphs are scanned left to right, marks are paired on a
stack, apostrophes are told from single quote marks by the letters around them.
Offsets always point into the text as given.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

import regex

from quotes.extraction.layout import Paragraph, paragraphs
from quotes.models import QuoteSpan
from quotes.rules import MarkPair, Rules
from quotes.text.words import trimmed

OPENING_CONTEXT = set(" \t([{<—–-/:;")
DIALOGUE_RESUMES = 2  # a dash paragraph this many paragraphs after dialogue is dialogue too
NUMBERED_PARAGRAPH = regex.compile(r"\d{1,3}\.\s+\p{Lu}")  # "41. The appellant's case"
CLOSING_CONTEXT = set(" \t)]}>,.;:!?—–-/…")


@dataclass
class _Opener:
    position: int
    mark: str
    pairs: list[MarkPair]


def _is_elision(text: str, position: int, rules: Rules) -> bool:
    """'90s, 'em, rock 'n' roll: an apostrophe at the start of a word."""
    following = text[position : position + 6].lower().replace("’", "'").replace("‘", "'")
    if len(following) > 1 and following[1].isdigit():
        return True
    return any(following.startswith(e) and not following[len(e) : len(e) + 1].isalpha() for e in rules.elisions)


def document_pairs(text: str, rules: Rules) -> tuple[MarkPair, ...]:
    """The mark pairs this document's own convention allows (see `only_without` in quote_marks.toml)."""
    return tuple(
        pair
        for pair in rules.mark_pairs
        if not any(c in text for c in pair.only_without) and (not pair.only_with or any(c in text for c in pair.only_with))
    )


def _mark_chars(pairs: tuple[MarkPair, ...]) -> frozenset[str]:
    """Every character that is, or starts or ends, a mark: context that neither opens nor closes."""
    return frozenset(c for p in pairs for c in p.open + p.close)


@lru_cache(maxsize=8)  # one entry per set of mark pairs in use: a handful
def _mark_finder(pairs: tuple[MarkPair, ...]) -> regex.Pattern[str]:
    marks = sorted({p.open for p in pairs} | {p.close for p in pairs}, key=len, reverse=True)
    return regex.compile("|".join(regex.escape(m) for m in marks))


def _candidates(text: str, para: Paragraph, pairs: tuple[MarkPair, ...], rules: Rules) -> Iterator[_Candidate]:
    """Every quote mark with the pairs it can open and close where it stands."""
    mark_chars = _mark_chars(pairs)
    for found in _mark_finder(pairs).finditer(text, para.start, para.end):
        i, mark = found.start(), found.group()
        before = text[i - 1] if i > para.start else " "
        after = text[found.end()] if found.end() < para.end else " "
        if before.isalnum() and after.isalnum():
            continue  # don't, Russia's, Kyiv’s
        opens, closes = [], []
        for pair in pairs:
            single = pair.level == "single"
            opens_here = before.isspace() or before in OPENING_CONTEXT or before in mark_chars
            opens_here = opens_here or (not single and not before.isalnum())
            closes_here = after.isspace() or after in CLOSING_CONTEXT or after in mark_chars
            closes_here = closes_here or (not single and not after.isalnum())
            opens_before_text = not after.isspace() or pair.spaced
            # "'41. The appellant's case ...": a judgment's numbered paragraph opening a quote, not '41
            numbered = i == para.start and NUMBERED_PARAGRAPH.match(text, found.end()) is not None
            elided = single and _is_elision(text, i, rules) and not numbered
            if mark == pair.open and opens_before_text and opens_here and not elided:
                opens.append(pair)
            if mark == pair.close and (not before.isspace() or pair.spaced) and closes_here:
                closes.append(pair)
        if opens or closes:
            yield _Candidate(i, mark, opens, closes)


@dataclass(frozen=True)
class _Candidate:
    position: int
    mark: str
    opens: list[MarkPair]
    closes: list[MarkPair]


def _possessive_apostrophe(text: str, position: int, end: int, rules: Rules) -> bool:
    """soldiers' rifles: a closing single mark after "s" followed by a lower-case word that can
    follow a possessive (not "and", "as", "said": `not_possessed`)."""
    following = regex.match(r" (\p{Ll}+)", text[position + 1 : end])
    return text[position - 1 : position] in ("s", "S") and following is not None and following.group(1) not in rules.not_possessed


class _OpenStack:
    """The openers not yet closed, with an index per mark pair so that finding the innermost
    opener a closing mark can close costs no scan of the whole stack (pairing stays linear)."""

    def __init__(self) -> None:
        self.openers: list[_Opener] = []
        self._by_pair: dict[MarkPair, list[tuple[int, int]]] = {}  # pair -> (depth, position), oldest first

    def push(self, opener: _Opener) -> None:
        depth = len(self.openers)
        self.openers.append(opener)
        for pair in opener.pairs:
            self._by_pair.setdefault(pair, []).append((depth, opener.position))

    def _innermost(self, pair: MarkPair) -> int:
        entries = self._by_pair.get(pair)
        while entries:
            depth, position = entries[-1]
            if depth < len(self.openers) and self.openers[depth].position == position:
                return depth
            entries.pop()  # closed or dropped since it was pushed
        return -1

    def innermost_for(self, closes: list[MarkPair]) -> int:
        """The depth of the innermost opener that one of `closes` closes, or -1."""
        return max((self._innermost(pair) for pair in closes), default=-1)

    def truncate(self, depth: int) -> None:
        del self.openers[depth:]


def _pair_marks(
    text: str, para: Paragraph, pairs: tuple[MarkPair, ...], rules: Rules
) -> tuple[list[tuple[_Opener, int, MarkPair]], list[_Opener]]:
    """Pair opening and closing marks of one paragraph; return (opener, close position, pair)
    for every quote, nested ones included, and the openers left unclosed."""
    stack = _OpenStack()
    spans: list[tuple[_Opener, int, MarkPair]] = []
    candidates = list(_candidates(text, para, pairs, rules))
    last_closer: dict[MarkPair, int] = {}  # pair -> index of the last candidate that can close it
    for index, candidate in enumerate(candidates):
        for pair in candidate.closes:
            last_closer[pair] = index
    for index, candidate in enumerate(candidates):
        position, closes = candidate.position, candidate.closes
        depth = stack.innermost_for(closes)
        matched = False
        if depth >= 0:
            opener = stack.openers[depth]
            pair = next(p for p in opener.pairs if p in closes)
            later = (
                pair.level == "single" and _possessive_apostrophe(text, position, para.end, rules) and last_closer[pair] > index
            )
            if not later:
                spans.append((opener, position, pair))
                stack.truncate(depth)
                matched = True
        if not matched and candidate.opens:
            stack.push(_Opener(position, candidate.mark, candidate.opens))
    return spans, stack.openers


def find_quote_spans(text: str, rules: Rules, paras: list[Paragraph] | None = None) -> list[QuoteSpan]:
    """Every quoted stretch of `text` in order, one per paragraph piece; a quote inside a quote
    comes too, with its `depth`."""
    found: list[QuoteSpan] = []
    continuing = False
    spoken_at = -DIALOGUE_RESUMES - 1  # the last paragraph of spaced dialogue
    pairs = document_pairs(text, rules)
    paras = paragraphs(text) if paras is None else paras
    asides = [_spaced_asides(text, para, rules) for para in paras]
    for index, para in enumerate(paras):
        spans, unclosed = _pair_marks(text, para, pairs, rules)
        # A paragraph that leaves a quote open, followed by one that reopens it, continues it.
        pieces: list[QuoteSpan] = []
        for opener, close_pos, pair in spans:
            start, end = trimmed(text, opener.position + len(opener.mark), close_pos)
            if start < end:
                continues = continuing and opener.position == para.start
                for i, (first, last) in enumerate(_around_incise(text, start, end, rules)):
                    close = pair.close if last == end else ""
                    pieces.append(QuoteSpan(first, last, text[first:last], opener.mark, close, continues and i == 0))
        # a single mark left open mid-paragraph continues only when the next paragraph reopens with it
        reopened = index + 1 < len(paras) and text[paras[index + 1].start : paras[index + 1].start + 1]
        dangling = next(
            (o for o in unclosed if any(p.level == "double" for p in o.pairs) or o.position == para.start or o.mark == reopened),
            None,
        )
        if dangling is not None:
            start, end = trimmed(text, dangling.position + len(dangling.mark), para.end)
            if start < end:
                continues = continuing and dangling.position == para.start
                pieces.append(QuoteSpan(start, end, text[start:end], dangling.mark, "", continues, closed=False))
        continuing = dangling is not None
        pieces.extend(_dialogue(text, para, rules.dialogue_dashes, rules.cue_verb_forms))
        # a dash paragraph with no aside speaks right after or right before one that has one
        # ("– Families call me ... ." then "– What I can say ..., says Ekström."), or after one
        # paragraph of narration that follows speech ("She stresses that ...")
        beside_speech = index - spoken_at <= DIALOGUE_RESUMES or (index + 1 < len(paras) and bool(asides[index + 1]))
        spoken = _spaced_dialogue(text, para, asides[index], beside_speech)
        spoken_at = index if spoken else spoken_at
        pieces.extend(spoken)
        found.extend(_with_depth(pieces))
    return found


# "« It is not the sailors who should pay, declared Yannick Le Goff, to the demonstrators. It is
# the shipowner. »": French copy sets the attribution inside the marks, after a comma, up to
# its sentence's end. A cue verb and a capital (or "the") after it, or a name or pronoun and a
# cue verb.
# Or in the middle of its sentence, between commas, the words going on in lower case after it:
# "« This is not a reason, she said, to stop eating fish. »", "« We will not wait, the minister
# added, for Ottawa »", "« If the buyers read this the wrong way, warns Gaétan Pelletier, president
# of the fishers' association, it is the fishers who will pay. »" (a name's incise runs to its
# sentence's end first, as Le Goff's does).
# Polish and other Central European copy sets it between spaced dashes: „We will not let this
# happen - said Mayor Tomasz Wierzbicki at the session. - Women will have to drive 60 km.”
INCISE = regex.compile(
    r",\s+(?:he|she|they|the\s+\p{Ll}+|\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){0,3})\s+(?P<cue>\p{Ll}+),\s+(?=\p{Ll})"
    r"|,\s+(?P<cue>\p{Ll}+)\s+(?:the\s+)?\p{Lu}[^.!?\n]{0,160}?[.!?](?=\s+\p{Lu})"
    r"|,\s+(?:he|she|they|\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){0,3})\s+(?P<cue>\p{Ll}+)\b[^.!?\n]{0,160}?[.!?](?=\s+\p{Lu})"
    r"|,\s+(?P<cue>\p{Ll}+)\s+(?:the\s+\p{Ll}+|\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3})(?:,\s+[^,.!?«»\n]{1,80})?,\s+(?=\p{Ll})"
    r"|\s[-–—]\s+(?!(?:the|he|she|they)\b)(?P<cue>\p{Ll}+)\s+\p{L}[^\n]{0,160}?[.,]?\s[-–—]\s+(?=\S)"
    r"|\s[-–—]\s+(?:he|she|they|the\s+\p{Ll}+|\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){0,3})\s+(?P<cue>\p{Ll}+)\b[^\n]{0,160}?[.,]?\s[-–—]\s+(?=\S)"
)


def _around_incise(text: str, start: int, end: int, rules: Rules) -> list[tuple[int, int]]:
    """The pieces of a quote around an attribution set inside its marks (`INCISE`), or the quote whole."""
    for incise in INCISE.finditer(text, start, end):
        words = incise.group()
        # an apostrophe inside a word ("de l'estuaire") is no mark
        marks = [
            i
            for i, c in enumerate(words)
            if c in rules.quote_chars and not (words[i - 1 : i].isalpha() and words[i + 1 : i + 2].isalpha())
        ]
        if incise.group("cue").casefold() not in rules.cue_verb_forms or marks:
            continue  # "..., she told me „I had a clear view“.": the speaker telling a story
        after = trimmed(text, incise.end(), end)
        if after[0] < after[1]:
            return [(start, incise.start()), after]
    return [(start, end)]


def _dialogue(text: str, para: Paragraph, dashes: frozenset[str], cue_verbs: frozenset[str]) -> list[QuoteSpan]:
    """The speech of a paragraph opened by a dialogue dash: each stretch between the narrator's
    asides ("—We will not leave —said the mayor—. Never." holds two; so does an English
    translation's "—The almond does not forgive —Benjumea said at the door—. A tree ...", whose
    aside opens with a name and a speech verb)."""
    start = para.text_start
    if (
        not dashes
        or text[start] not in dashes
        or start + 1 >= para.end
        or (not text[start + 1].isalpha() and text[start + 1] not in "¿¡")
    ):
        return []
    dash = "".join(regex.escape(d) for d in dashes)
    named = r"(?:\p{Lu}[\p{L}'’.-]*\s+){1,4}(?P<verb>\p{Ll}+)"
    aside = regex.compile(rf"\s[{dash}](?:(?=\p{{Ll}})|(?={named}))[^{dash}]*(?:[{dash}][\p{{P}}]*|$)")
    spans: list[QuoteSpan] = []
    cursor = start + 1
    for found in aside.finditer(text, cursor, para.end):
        if found.group("verb") is not None and found.group("verb") not in cue_verbs:
            continue
        spans.extend(_speech(text, cursor, found.start(), text[start]))
        cursor = found.end()
    spans.extend(_speech(text, cursor, para.end, text[start]))
    return spans


# After a comma, ? or !: the narrator's words up to the sentence end ("…, said Östberg. More").
SPACED_ASIDE = regex.compile(r"(?<=[,?!])\s+[^.?!]*?(?:[.?!](?=\s|$)|$)")
ASIDE_CUE_WORDS = 3


def _spaced_dialogue(text: str, para: Paragraph, asides: list[regex.Match[str]] | None, beside_speech: bool) -> list[QuoteSpan]:
    """The speech of a paragraph opened by a dash, a space and a capital, around the narrator's
    `asides` ("– I didn't see it go in, said Östberg."), or beside such a paragraph."""
    if asides is None or (not asides and not beside_speech):
        return []
    start = para.text_start
    spans: list[QuoteSpan] = []
    cursor = start + 1
    for aside in asides:
        spans.extend(_speech(text, cursor, aside.start(), text[start]))
        cursor = aside.end()
    spans.extend(_speech(text, cursor, para.end, text[start]))
    return spans


def _spaced_asides(text: str, para: Paragraph, rules: Rules) -> list[regex.Match[str]] | None:
    """The narrator's asides in a paragraph opened by a dash, a space and a capital; None for
    another paragraph."""
    start = para.text_start
    if text[start] not in rules.spaced_dialogue_dashes or not regex.match(r" \p{Lu}", text[start + 1 : start + 3]):
        return None
    # Of the asides ending at one sentence end, the shortest ("write it, said her father." is
    # speech up to "said").
    latest: dict[int, regex.Match[str]] = {}
    for found in SPACED_ASIDE.finditer(text, start + 2, para.end, overlapped=True):
        if _names_a_cue_first(found.group(), rules):
            latest[found.end()] = found
    # "– We are tired – said the fisherman, 61. – Every year ...": an aside between spaced dashes,
    # as Portuguese copy in English prints it, up to the next dash; it may open with the name
    # ("— We will not lie to people — Paredes said.")
    dash = "".join(regex.escape(d) for d in rules.spaced_dialogue_dashes)
    for found in regex.finditer(rf"\s[{dash}]\s+(?=\p{{L}})[^{dash}]*(?:[{dash}][\p{{P}}]*|$)", text[: para.end], pos=start + 2):
        if _names_a_cue_first(found.group().lstrip()[1:], rules):
            latest[found.end()] = found
    asides: list[regex.Match[str]] = []
    for aside in sorted(latest.values(), key=lambda m: m.start()):
        if not asides or aside.start() >= asides[-1].end():
            asides.append(aside)
    return asides


def _names_a_cue_first(aside: str, rules: Rules) -> bool:
    """Whether a cue verb is among the aside's first words, with no comma before it ("said
    Östberg", "he added")."""
    for word in aside.split()[:ASIDE_CUE_WORDS]:
        if word.strip(".,!?").casefold() in rules.cue_verb_forms:
            return True
        if word.endswith(","):
            return False
    return False


def _speech(text: str, start: int, end: int, dash: str) -> list[QuoteSpan]:
    start, end = trimmed(text, start, end)
    return [QuoteSpan(start, end, text[start:end], dash, dash)] if start < end else []


def _with_depth(spans: list[QuoteSpan]) -> list[QuoteSpan]:
    """The spans in order, each with the number of spans it lies inside."""
    ordered = sorted(spans, key=lambda s: (s.start, -s.end))
    enclosing: list[QuoteSpan] = []
    result: list[QuoteSpan] = []
    for span in ordered:
        while enclosing and span.start >= enclosing[-1].end:
            enclosing.pop()
        depth = len(enclosing)
        result.append(replace(span, depth=depth) if depth else span)
        enclosing.append(span)
    return result
