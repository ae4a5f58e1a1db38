"""The sentence around a quote, as a reader wants it beside the quote: in the CSV, in the report.

    context_sentence(document.text, quote.start, quote.end)
    -> 'Putin, speaking on August 7, said that the operation is "another large-scale provocation."'

Pure string work on the text the offsets index. The context runs from the end of the sentence
before the quote to the end of the sentence that holds the quote's end, so a direct quote keeps
its attribution (`"We will win," she said.`), and never leaves the quote's paragraph. A stop
followed by a lower-case word does not end a sentence (`"Why now?" she asked.`), nor does one after
a single capital (`U.S.`, `J. Smith`). Line breaks inside the paragraph become spaces.
"""

from __future__ import annotations

import regex

# A stop, the closing marks and brackets after it, then space.
SENTENCE_END = regex.compile(r"(?<!\b\p{Lu})[.?!…][\"'”’»)\]]*(?=\s)")
NOT_AN_END = regex.compile(r"\s+\p{Ll}")  # what follows a stop that goes on with the sentence
PARAGRAPH_BREAK = regex.compile(r"\n[ \t]*\n")
SPACES = regex.compile(r"\s+")
MAX_SIDE_CHARS = 300  # of context each side of the quote, when a paragraph has no sentence end near it


def _ends(text: str, low: int, high: int) -> list[int]:
    return [m.end() for m in SENTENCE_END.finditer(text, low, high) if not NOT_AN_END.match(text, m.end())]


def context_sentence(text: str, start: int, end: int) -> str:
    """The sentence (or sentences) of `text` around `text[start:end]`, on one line."""
    low, high = max(0, start - MAX_SIDE_CHARS), min(len(text), end + MAX_SIDE_CHARS)
    low = max((m.end() for m in PARAGRAPH_BREAK.finditer(text, low, start)), default=low)
    following = PARAGRAPH_BREAK.search(text, end, high)
    high = following.start() if following else high
    before = [e for e in _ends(text, low, start) if e <= start]
    after = [e for e in _ends(text, max(low, end - 1), high) if e >= end]
    first = before[-1] if before else low
    last = after[0] if after else high
    return SPACES.sub(" ", text[first:last]).strip()
