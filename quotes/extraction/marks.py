"""Find quoted stretches of text with the quote-mark pairs in `patterns/quote_marks.toml`.

Pure string work, no spaCy: paragraphs are scanned left to right, marks are paired on a
stack, apostrophes are told from single quote marks by the letters around them.
Offsets always point into the text as given.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import regex

from quotes.models import QuoteSpan
from quotes.rules import MarkPair, Rules

OPENING_CONTEXT = set(" \t([{<—–-/:;")
CLOSING_CONTEXT = set(" \t)]}>,.;:!?—–-/…")


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int
    gap_before: int  # newlines between this paragraph and the one before it


def paragraphs(text: str) -> list[Paragraph]:
    """Each non-blank line is a paragraph: news text puts one paragraph on a line."""
    found: list[Paragraph] = []
    last_end = 0
    for match in regex.finditer(r"[^\n]+", text):
        if not match.group().strip():
            continue
        gap = text.count("\n", last_end, match.start())
        start = match.start() + (len(match.group()) - len(match.group().lstrip()))
        end = match.end() - (len(match.group()) - len(match.group().rstrip()))
        found.append(Paragraph(start, end, gap))
        last_end = match.end()
    return found


@dataclass
class _Opener:
    position: int
    pairs: list[MarkPair]


def _is_elision(text: str, position: int, rules: Rules) -> bool:
    """'90s, 'em, rock 'n' roll: an apostrophe at the start of a word."""
    following = text[position : position + 6].lower().replace("’", "'").replace("‘", "'")
    if len(following) > 1 and following[1].isdigit():
        return True
    return any(following.startswith(e) and not following[len(e) : len(e) + 1].isalpha() for e in rules.elisions)


def _mark_chars(rules: Rules) -> frozenset[str]:
    return frozenset(p.open for p in rules.mark_pairs) | frozenset(p.close for p in rules.mark_pairs)


@lru_cache(maxsize=8)  # one entry per set of mark pairs in use: in practice one
def _mark_finder(mark_chars: frozenset[str]) -> regex.Pattern[str]:
    return regex.compile("[" + regex.escape("".join(sorted(mark_chars))) + "]")


def _candidates(text: str, para: Paragraph, rules: Rules) -> Iterator[tuple[int, list[MarkPair], list[MarkPair]]]:
    """Yield (position, pairs it can open, pairs it can close) for every quote mark."""
    mark_chars = _mark_chars(rules)
    for found in _mark_finder(mark_chars).finditer(text, para.start, para.end):
        i = found.start()
        char = text[i]
        before = text[i - 1] if i > para.start else " "
        after = text[i + 1] if i + 1 < para.end else " "
        if before.isalnum() and after.isalnum():
            continue  # don't, Russia's, Kyiv’s
        opens, closes = [], []
        for pair in rules.mark_pairs:
            single = pair.level == "single"
            opens_here = before.isspace() or before in OPENING_CONTEXT or before in mark_chars
            opens_here = opens_here or (not single and not before.isalnum())
            closes_here = after.isspace() or after in CLOSING_CONTEXT or after in mark_chars
            closes_here = closes_here or (not single and not after.isalnum())
            if char == pair.open and not after.isspace() and opens_here and not (single and _is_elision(text, i, rules)):
                opens.append(pair)
            if char == pair.close and not before.isspace() and closes_here:
                closes.append(pair)
        if opens or closes:
            yield i, opens, closes


def _possessive_apostrophe(text: str, position: int, end: int) -> bool:
    """soldiers' rifles: a closing single mark after "s" followed by a lower-case word."""
    return text[position - 1 : position] in ("s", "S") and bool(regex.match(r" \p{Ll}", text[position + 1 : end]))


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


def _pair_marks(text: str, para: Paragraph, rules: Rules) -> tuple[list[tuple[int, int, MarkPair]], list[_Opener]]:
    """Pair opening and closing marks of one paragraph; return spans and unclosed openers."""
    stack = _OpenStack()
    spans: list[tuple[int, int, MarkPair]] = []
    candidates = list(_candidates(text, para, rules))
    last_closer: dict[MarkPair, int] = {}  # pair -> index of the last candidate that can close it
    for index, (_, _, closes) in enumerate(candidates):
        for pair in closes:
            last_closer[pair] = index
    for index, (position, opens, closes) in enumerate(candidates):
        depth = stack.innermost_for(closes)
        matched = False
        if depth >= 0:
            opener = stack.openers[depth]
            pair = next(p for p in opener.pairs if p in closes)
            later = pair.level == "single" and _possessive_apostrophe(text, position, para.end) and last_closer[pair] > index
            if not later:
                spans.append((opener.position, position, pair))
                stack.truncate(depth)
                matched = True
        if not matched and opens:
            stack.push(_Opener(position, opens))
    return spans, stack.openers


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def find_quote_spans(text: str, rules: Rules) -> list[QuoteSpan]:
    """All outermost quoted stretches of `text`, in order, one per paragraph piece."""
    found: list[QuoteSpan] = []
    continuing = False
    for para in paragraphs(text):
        spans, unclosed = _pair_marks(text, para, rules)
        # A paragraph that leaves a quote open, followed by one that reopens it, continues it.
        pieces: list[QuoteSpan] = []
        for open_pos, close_pos, pair in spans:
            start, end = _trimmed(text, open_pos + 1, close_pos)
            if start < end:
                continues = continuing and open_pos == para.start
                pieces.append(QuoteSpan(start, end, text[start:end], pair.open, pair.close, continues))
        dangling = next((o for o in unclosed if any(p.level == "double" for p in o.pairs) or o.position == para.start), None)
        if dangling is not None:
            start, end = _trimmed(text, dangling.position + 1, para.end)
            if start < end:
                continues = continuing and dangling.position == para.start
                pieces.append(QuoteSpan(start, end, text[start:end], text[dangling.position], "", continues, closed=False))
        continuing = dangling is not None
        found.extend(_outermost(pieces))
    return found


def _outermost(spans: list[QuoteSpan]) -> list[QuoteSpan]:
    """Drop quotes nested inside another quote: they belong to the outer one."""
    ordered = sorted(spans, key=lambda s: (s.start, -s.end))
    kept: list[QuoteSpan] = []
    for span in ordered:
        if kept and span.start >= kept[-1].start and span.end <= kept[-1].end:
            continue
        kept.append(span)
    return kept
