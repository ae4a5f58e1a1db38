"""The one word tokeniser: words as written, accents stripped, punctuation and quote marks dropped.

Extraction counts words with it, clusters and `quotes check` compare wordings with it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

WORD = re.compile(r"[^\W_]+")  # letters and digits: no underscore, no punctuation, no quote marks


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """text[start:end] without the whitespace around it, as offsets (start == end when nothing is left)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def strip_accents(text: str) -> str:
    """Text in compatibility decomposition without its combining marks ("Zelenskyy" stays, "é" -> "e", "½" -> "1⁄2")."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def tokenise(text: str) -> list[str]:
    """Words as written (case kept), accents stripped, punctuation and quote marks dropped."""
    return WORD.findall(strip_accents(text))


def token_matches(text: str) -> Iterator[re.Match[str]]:
    """The words of `text` as written (accents kept), with their offsets; `normalise` each for its key."""
    return WORD.finditer(text)


def normalise(text: str) -> str:
    """Text insensitive to quote marks, case, accents, whitespace and punctuation."""
    return " ".join(tokenise(text)).casefold()


@dataclass(frozen=True)
class Word:
    key: str  # normalised: no case, accents or punctuation
    shown: str  # as written
    start: int  # offsets in the text it was read from
    end: int


def _keys(word: str) -> list[str]:
    """`normalise` of one word; normalising can split it ("½" -> "1 2"), so a list."""
    return [word.casefold()] if word.isascii() else normalise(word).split()


def words_of(text: str, offset: int = 0) -> list[Word]:
    """The words of `text` with their normalised keys; every piece of a split word keeps the word's place."""
    return [
        Word(key, match.group(), match.start() + offset, match.end() + offset)
        for match in WORD.finditer(text)
        for key in _keys(match.group())
    ]
