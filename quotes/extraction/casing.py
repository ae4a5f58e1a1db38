"""Headline case: "Kyiv Denies Intent to Occupy Russian Territory" parsed as a sentence.

The parser reads every capitalised word of a title-case headline as a proper noun, so the
verb and its content go unseen. Before parsing, such a line gets sentence case: a word keeps
its capital only when the article writes it capitalised inside a sentence too (a name:
Kyiv, Russian), else it is lower-cased. Only the case changes, never the length, so every
offset into the parsed text still points into the document.
"""

from __future__ import annotations

import regex

WORD = regex.compile(r"\p{L}[\p{L}'’-]*")
SENTENCE_BREAK = regex.compile(r"[.!?:;\"“”«»(\[]\s*$")
MAX_HEADLINE_WORDS = 25
MIN_CAPITALISED_SHARE = 0.6  # of the words of four letters or more
MIN_CAPITALISED_WORDS = 3
LONG_WORD = 4


def is_title_case(line: str) -> bool:
    """A one-line headline or sub-head with most of its longer words capitalised (a line ending in
    a full stop or a colon is a sentence: "Tomasz Brennan, Chief Financial Officer, added:")."""
    words = WORD.findall(line)
    if not words or len(words) > MAX_HEADLINE_WORDS or line.rstrip().endswith((".", ":")):
        return False
    long_words = [w for w in words if len(w) >= LONG_WORD]
    capitalised = [w for w in long_words if w[0].isupper()]
    return len(capitalised) >= MIN_CAPITALISED_WORDS and len(capitalised) >= MIN_CAPITALISED_SHARE * len(long_words)


def names_in_running_text(text: str, lines: list[tuple[int, int]]) -> frozenset[str]:
    """Words written capitalised after another word in the article's sentences: names, not headline case."""
    names: set[str] = set()
    for start, end in lines:
        line = text[start:end]
        for match in WORD.finditer(line):
            word = match.group()
            if word[0].isupper() and match.start() > 0 and not SENTENCE_BREAK.search(line, 0, match.start()):
                names.add(word)
    return frozenset(names)


def sentence_case(line: str, names: frozenset[str]) -> str:
    """The line with capitals kept on its first word, on names and on acronyms; same length."""
    pieces: list[str] = []
    last = 0
    for index, match in enumerate(WORD.finditer(line)):
        word = match.group()
        keep = index == 0 or word in names or word.isupper() or not word[0].isupper()
        lowered = word if keep else word.lower()
        if len(lowered) != len(word):  # a few letters change length in lower case: leave them
            lowered = word
        pieces.append(line[last : match.start()])
        pieces.append(lowered)
        last = match.end()
    pieces.append(line[last:])
    return "".join(pieces)
