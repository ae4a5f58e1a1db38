"""Find quoted stretches of text with the quote-mark pairs in `patterns/quote_marks.toml`.

Pure string work, no spaCy: paragraphs are scanned left to right, marks are paired on a
stack, apostrophes are told from single quote marks by the letters around them.
Offsets always point into the text as given.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

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


def _candidates(text: str, para: Paragraph, rules: Rules) -> Iterator[tuple[int, list[MarkPair], list[MarkPair]]]:
    """Yield (position, pairs it can open, pairs it can close) for every quote mark."""
    mark_chars = {p.open for p in rules.mark_pairs} | {p.close for p in rules.mark_pairs}
    for i in range(para.start, para.end):
        char = text[i]
        if char not in mark_chars:
            continue
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


def _pair_marks(text: str, para: Paragraph, rules: Rules) -> tuple[list[tuple[int, int, MarkPair]], list[_Opener]]:
    """Pair opening and closing marks of one paragraph; return spans and unclosed openers."""
    stack: list[_Opener] = []
    spans: list[tuple[int, int, MarkPair]] = []
    candidates = list(_candidates(text, para, rules))
    for index, (position, opens, closes) in enumerate(candidates):
        matched = False
        for depth in range(len(stack) - 1, -1, -1):
            pair = next((p for p in stack[depth].pairs if p in closes), None)
            if pair is None:
                continue
            if pair.level == "single" and _possessive_apostrophe(text, position, para.end):
                later = any(pair in c for _, _, c in candidates[index + 1 :])
                if later:
                    break
            spans.append((stack[depth].position, position, pair))
            del stack[depth:]
            matched = True
            break
        if not matched and opens:
            stack.append(_Opener(position, opens))
    return spans, stack


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
