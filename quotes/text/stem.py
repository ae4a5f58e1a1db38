"""Crude stems and stopwords: which words carry content, and when two forms are one word.

The suffixes and the stopwords are in `patterns/stems.toml`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from quotes.text.lists import read_lists, word_list
from quotes.text.names import name_key

STEMS_FILE = "stems.toml"
STEM_PASSES = 2  # advancements -> advancement -> advanc
MIN_STEM_LENGTH = 3
NO_STEM = frozenset({""})
# A corpus uses some tens of thousands of distinct words; the bound keeps a long-running
# process (the spaCy component, a server) from growing without end on new vocabulary.
WORD_CACHE_SIZE = 1 << 16


@dataclass(frozen=True)
class Stemming:
    suffixes: tuple[str, ...]  # tried in order, the first that fits is cut
    stopwords: frozenset[str]


@lru_cache(maxsize=4)  # one per patterns file, and a process reads one
def load_stemming(path: Path | None = None) -> Stemming:
    """The suffixes and stopwords of `patterns/stems.toml` (or `path`), checked."""
    found, text, data = read_lists(STEMS_FILE, ("suffixes", "stopwords"), path)
    return Stemming(word_list(found, text, data, "suffixes"), frozenset(word_list(found, text, data, "stopwords")))


def stopwords() -> frozenset[str]:
    return load_stemming().stopwords


@lru_cache(maxsize=WORD_CACHE_SIZE)
def stem(word: str) -> str:
    """Crude stem of a lower-case word: intercepted/intercepting, pressure/pressures, Mykolaiv/Mykolayiv."""
    suffixes = load_stemming().suffixes
    for _ in range(STEM_PASSES):
        suffix = next((s for s in suffixes if word.endswith(s) and len(word) - len(s) >= MIN_STEM_LENGTH), "")
        if not suffix:
            break
        word = word[: -len(suffix)]
    return name_key(word) or word


@lru_cache(maxsize=WORD_CACHE_SIZE)
def content_stem(word: str) -> str:
    """The stem of a word as written; "" for a stopword (but "US" or "IT" in capitals is a word)."""
    lower = word.casefold()
    if lower in load_stemming().stopwords and not (word.isupper() and len(word) > 1):
        return ""
    return stem(lower)


def content_stems(words: Iterable[str]) -> frozenset[str]:
    """Stems of the words that carry content."""
    return frozenset(map(content_stem, words)) - NO_STEM
