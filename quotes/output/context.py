"""The sentence around a quote, as a reader wants it beside the quote: in the CSV, in the report.

    context_sentence(document.text, quote.start, quote.end).line
    -> 'Putin, speaking on August 7, said that the operation is "another large-scale provocation."'

String work on the text the offsets index. The context runs from the end of the sentence before
the quote to the end of the sentence that holds the quote's end, so a direct quote keeps its
attribution (`"We will win," she said.`), and never leaves the quote's paragraph (as
`quotes.extraction.layout` finds paragraphs: a line, or the lines of a hard-wrapped paragraph). A
stop followed by a lower-case word does not end a sentence (`"Why now?" she asked.`), nor does one
after a single capital (`U.S.`, `J. Smith`) or after a title's short form (`Mr.`, `Dr.`, `Gov.`:
the title words and short forms of `patterns/speakers.toml` that end in a stop). Line breaks
inside the paragraph become spaces.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import lru_cache

import regex

from quotes.extraction.layout import paragraphs
from quotes.rules import load_rules

# A stop, the closing marks and brackets after it, then space.
SENTENCE_END = regex.compile(r"(?<!\b\p{Lu})[.?!…][\"'”’»)\]]*(?=\s)")
NOT_AN_END = regex.compile(r"\s+\p{Ll}")  # what follows a stop that goes on with the sentence
WORD_BEFORE = regex.compile(r"\b\p{L}+\.$")  # the word a full stop ends, stop included
SPACES = regex.compile(r"\s+")
MAX_SIDE_CHARS = 300  # of context each side of the quote, when a paragraph has no sentence end near it


@dataclass(frozen=True)
class Context:
    """The sentence (or sentences) around a quote, in three parts, each on one line."""

    before: str
    quote: str
    after: str
    earlier: str = ""  # the paragraph's sentences before the one that holds the quote

    @property
    def line(self) -> str:
        """The whole context as one line of text."""
        return f"{self.before}{self.quote}{self.after}".strip()


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    """Titles' short forms that end in a stop ("mr.", "dr.", "gov."), casefolded."""
    rules = load_rules()
    return frozenset(word for word in (*rules.title_words, *rules.title_forms) if word.endswith("."))


@lru_cache(maxsize=1024)  # the report asks for each source's paragraphs once per member it has
def _paragraph_bounds(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    found = paragraphs(text)
    return tuple(p.start for p in found), tuple(p.end for p in found)


def _is_end(text: str, match: regex.Match[str]) -> bool:
    if NOT_AN_END.match(text, match.end()):
        return False
    stop = match.start()
    if text[stop] != ".":
        return True
    word = WORD_BEFORE.search(text, max(0, stop - 20), stop + 1)
    return word is None or word.group().casefold() not in _abbreviations()


def _ends(text: str, low: int, high: int) -> list[int]:
    return [m.end() for m in SENTENCE_END.finditer(text, low, high) if _is_end(text, m)]


def _paragraph(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the paragraph that holds `text[start:end]`, within MAX_SIDE_CHARS of it."""
    starts, ends = _paragraph_bounds(text)
    index = bisect.bisect_right(starts, start) - 1
    first, last = (starts[index], ends[index]) if index >= 0 else (0, len(text))
    return max(first, start - MAX_SIDE_CHARS), min(max(last, end), end + MAX_SIDE_CHARS)


def context_sentence(text: str, start: int, end: int) -> Context:
    """The sentence (or sentences) of `text` around `text[start:end]`: what comes before the quote
    in it, the quote, and what comes after, each on one line."""
    low, high = _paragraph(text, start, end)
    before = [e for e in _ends(text, low, start) if e <= start]
    after = [e for e in _ends(text, max(low, end - 1), high) if e >= end]
    first = before[-1] if before else low
    last = after[0] if after else high
    return Context(
        SPACES.sub(" ", text[first:start]).lstrip(),
        SPACES.sub(" ", text[start:end]),
        SPACES.sub(" ", text[end:last]).rstrip(),
        SPACES.sub(" ", text[low:first]).strip(),
    )
