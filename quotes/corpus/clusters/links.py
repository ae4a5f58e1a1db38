"""How two forms relate, and the union-find that merges linked forms."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from rapidfuzz import fuzz

from quotes.corpus.clusters.forms import Form
from quotes.corpus.clusters.thresholds import (
    CANDIDATE_MIN_SHARED,
    FRAGMENT_MIN_OVERLAP,
    MIN_CONTAINED_STEMS,
    MIN_LENGTH_RATIO,
    MIN_WORDS_ACROSS_SPEAKERS,
    MIN_WORDS_NEAR_IDENTICAL,
    NEAR_IDENTICAL_RATIO,
    PARAPHRASE_MIN_OVERLAP,
    PARAPHRASE_MIN_SHARE_OF_LARGER,
    PARAPHRASE_MIN_SHARED,
    SPEAKER_STEM_LIMIT,
)


@dataclass(frozen=True)
class Link:
    strong: bool
    score: float  # orders weak links, best first


def similar_length(a: Form, b: Form) -> bool:
    length_a, length_b = len(a.text), len(b.text)
    return min(length_a, length_b) >= MIN_LENGTH_RATIO * max(length_a, length_b)


def near_identical(a: Form, b: Form) -> bool:
    if min(a.word_count, b.word_count) < MIN_WORDS_NEAR_IDENTICAL or not similar_length(a, b):
        return False
    return fuzz.ratio(a.text, b.text, score_cutoff=NEAR_IDENTICAL_RATIO) > 0


def contained(short: Form, long: Form) -> bool:
    """The shorter wording, word for word, inside the longer."""
    return len(short.stems) >= MIN_CONTAINED_STEMS and f" {short.text} " in f" {long.text} "


def paraphrase(a: Form, b: Form) -> float | None:
    """The weighted overlap of two forms of one speaker when it makes them one utterance; never
    for two sentences one source quotes whole, which are two utterances however alike."""
    if a.whole and b.whole and not a.sources.isdisjoint(b.sources):
        return None
    shared = a.stems & b.stems
    if len(shared) < PARAPHRASE_MIN_SHARED:
        return None
    vocabulary = a.vocabulary
    if vocabulary is None or sum(vocabulary.frequency[s] <= SPEAKER_STEM_LIMIT for s in shared) < CANDIDATE_MIN_SHARED:
        return None
    common = vocabulary.weight(shared, in_both=True)
    weight_a, weight_b = common + vocabulary.weight(a.stems - shared, False), common + vocabulary.weight(b.stems - shared, False)
    overlap, share_of_larger = common / min(weight_a, weight_b), common / max(weight_a, weight_b)
    if overlap < PARAPHRASE_MIN_OVERLAP:
        return None
    small = a if len(a.stems) <= len(b.stems) else b
    restated = small.partial or not a.sources.isdisjoint(b.sources)
    if share_of_larger >= PARAPHRASE_MIN_SHARE_OF_LARGER or (restated and overlap >= FRAGMENT_MIN_OVERLAP):
        return overlap
    return None


def link(a: Form, b: Form) -> Link | None:
    """Whether two forms report one utterance, and how surely."""
    same_speaker = a.speaker is not None and a.speaker == b.speaker
    if not same_speaker:
        across = min(a.word_count, b.word_count) >= MIN_WORDS_ACROSS_SPEAKERS
        return Link(True, 1.0) if across and (a.text == b.text or near_identical(a, b)) else None
    if near_identical(a, b):
        return Link(True, 1.0)
    short, long = (a, b) if len(a.text) <= len(b.text) else (b, a)
    if contained(short, long):
        return Link(not short.is_fragment, 1.0)
    overlap = paraphrase(a, b)
    return None if overlap is None else Link(False, overlap)


class UnionFind:
    """Union-find over forms that also keeps each set's forms, for the weak-link checks."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))
        self.sets: dict[int, list[int]] = {i: [i] for i in range(size)}

    def find(self, item: int) -> int:
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, a: int, b: int) -> None:
        a, b = self.find(a), self.find(b)
        if a == b:
            return
        if len(self.sets[a]) < len(self.sets[b]):
            a, b = b, a
        self.parent[b] = a
        self.sets[a].extend(self.sets.pop(b))


def linked(a: Form, b: Form) -> bool:
    return link(a, b) is not None


Related = Callable[[int, int], bool]  # whether two forms (by index) report one utterance


def conflict(xs: list[int], ys: list[int], forms: list[Form], related: Related) -> bool:
    """Would joining these put two unrelated statements of one speaker from one article together?"""
    slots: dict[tuple[str, str], list[int]] = defaultdict(list)
    for x in xs:
        if (speaker := forms[x].speaker) is not None:
            for source in forms[x].sources:
                slots[(speaker, source)].append(x)
    for y in ys:
        if (speaker := forms[y].speaker) is None:
            continue
        for source in forms[y].sources:
            if not all(related(x, y) for x in slots.get((speaker, source), ())):
                return True
    return False
