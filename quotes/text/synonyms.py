"""Synonyms: the words of one group of `patterns/synonyms.toml` count as one content word."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from quotes.rules import RulesError, patterns_dir, read_toml
from quotes.text.stem import NO_STEM, WORD_CACHE_SIZE, content_stem, stem
from quotes.text.words import normalise

SYNONYMS_FILE = "synonyms.toml"


@dataclass(frozen=True)
class Synonyms:
    """The groups of `patterns/synonyms.toml`: the stem of every member stands for its group's key."""

    senses: dict[str, str]  # stem of a one-word member -> key
    phrases: dict[str, tuple[tuple[tuple[str, ...], str], ...]]  # first word's stem -> (a phrase's stems, key), longest first
    longest: int = 1  # words in the longest phrase


def _phrase_stems(phrase: str) -> tuple[str, ...]:
    return tuple(stem(word) for word in normalise(phrase).split())


def _groups(path: Path) -> list[list[str]]:
    groups = read_toml(path).get("groups", [])
    if not isinstance(groups, list) or not all(isinstance(g, list) and all(isinstance(w, str) for w in g) for g in groups):
        raise RulesError(f"{path}: `groups` must be a list of lists of words")
    return groups


@lru_cache(maxsize=4)  # one per synonyms file, and a process reads one
def load_synonyms(path: Path | None = None) -> Synonyms:
    """Read a synonyms file (default `patterns/synonyms.toml`): `groups`, a list of lists of words or phrases.

    A group's key is its first member's stem. A member that stems like a member of another group is an error.
    """
    path = path or patterns_dir() / SYNONYMS_FILE
    senses: dict[str, str] = {}
    phrases: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
    owner: dict[tuple[str, ...], tuple[str, str]] = {}  # stems -> (the member as written, its group's first member)
    for group in _groups(path):
        members = [(word, stems) for word in group if (stems := _phrase_stems(word))]
        if not members:
            continue
        key, label = " ".join(members[0][1]), members[0][0]
        for word, stems in members:
            seen, seen_label = owner.setdefault(stems, (word, label))
            if seen_label != label:
                raise RulesError(f"{path}: {word!r} is in two groups, {seen_label!r} (as {seen!r}) and {label!r}")
            if len(stems) == 1:
                senses[stems[0]] = key
            else:
                phrases[stems[0]].append((stems, key))
    ordered = {head: tuple(sorted(found, key=lambda p: (-len(p[0]), p))) for head, found in phrases.items()}
    return Synonyms(senses, ordered, max((len(p) for found in phrases.values() for p, _ in found), default=1))


@lru_cache(maxsize=WORD_CACHE_SIZE)
def sense(word: str) -> str:
    """The content stem of a word as written, or its synonym group's key; "" for a stopword."""
    found = content_stem(word)
    return load_synonyms().senses.get(found, found)


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _phrase_head(word: str) -> bool:
    return stem(word.casefold()) in load_synonyms().phrases


def sense_sequence(words: list[str]) -> list[str]:
    """Each word's sense in reading order ("" for a stopword); a synonym phrase takes the place of its words."""
    if not any(map(_phrase_head, words)):
        return list(map(sense, words))
    synonyms, senses, i = load_synonyms(), [], 0
    while i < len(words):
        stems = tuple(stem(w.casefold()) for w in words[i : i + synonyms.longest])
        phrase = next(((p, key) for p, key in synonyms.phrases.get(stems[0], ()) if stems[: len(p)] == p), None)
        senses.append(phrase[1] if phrase else sense(words[i]))
        i += len(phrase[0]) if phrase else 1
    return senses


def sense_stems(words: list[str]) -> frozenset[str]:
    """Content stems with synonyms as one: "no intention of occupying" and "not intended to seize" share two."""
    return frozenset(sense_sequence(words)) - NO_STEM
