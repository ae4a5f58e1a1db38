"""Candidate pairs of forms, so that no step compares all pairs; pairs from one article's layout."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from itertools import combinations, pairwise

from quotes.corpus.clusters.forms import Form, speaker_key
from quotes.corpus.clusters.links import similar_length
from quotes.corpus.clusters.thresholds import (
    CANDIDATE_MIN_SHARED,
    MIN_WORDS_ACROSS_SPEAKERS,
    RARE_STEM_LOOKUPS,
    SIGNATURE_BUCKET_LIMIT,
    SIGNATURE_SIZE,
    SPEAKER_STEM_LIMIT,
)
from quotes.models import MARKED_KINDS, Quote, resumes_split_quote


def _speaker_candidates(group: list[int], forms: list[Form]) -> set[tuple[int, int]]:
    """Pairs of one speaker's forms that share two indexed stems, or one of the rarest stems of either."""
    postings: dict[str, list[int]] = defaultdict(list)
    for index in group:  # ascending, so every pair comes out (smaller, larger)
        for s in forms[index].stems:
            postings[s].append(index)
    shared: Counter[tuple[int, int]] = Counter()
    for indices in postings.values():
        if 1 < len(indices) <= SPEAKER_STEM_LIMIT:
            shared.update(combinations(indices, 2))
    pairs = {pair for pair, count in shared.items() if count >= CANDIDATE_MIN_SHARED}
    for index in group:  # a fragment or a near-copy has its rarest stems in the other form, however common
        for s in sorted(forms[index].stems, key=lambda s: (len(postings[s]), s))[:RARE_STEM_LOOKUPS]:
            if len(postings[s]) <= SPEAKER_STEM_LIMIT:
                pairs.update((min(index, other), max(index, other)) for other in postings[s] if other != index)
    return pairs


def _rarity_ranks(forms: list[Form]) -> dict[str, int]:
    """Each stem's rank from rarest to commonest (ties in alphabetical order, so any input order agrees)."""
    frequency = Counter(s for form in forms for s in form.stems)
    return {s: rank for rank, s in enumerate(sorted(frequency, key=lambda s: (frequency[s], s)))}


def _cross_speaker_candidates(forms: list[Form]) -> set[tuple[int, int]]:
    """Pairs of forms of different (or unknown) speakers that share two of their rarest stems."""
    rank = _rarity_ranks(forms)
    buckets: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index, form in enumerate(forms):
        if form.word_count >= MIN_WORDS_ACROSS_SPEAKERS:
            rarest = sorted(form.stems, key=rank.__getitem__)[:SIGNATURE_SIZE]
            for key in combinations(rarest, 2):  # in rank order on both sides, so keys agree
                buckets[key].append(index)
    pairs: set[tuple[int, int]] = set()
    for indices in buckets.values():
        if len(indices) > SIGNATURE_BUCKET_LIMIT:
            continue
        for a, b in combinations(indices, 2):
            if (forms[a].speaker is None or forms[a].speaker != forms[b].speaker) and similar_length(forms[a], forms[b]):
                pairs.add((a, b))
    return pairs


def candidate_pairs(forms: list[Form], by_speaker: dict[str, list[int]]) -> Iterator[tuple[int, int]]:
    for group in by_speaker.values():
        yield from _speaker_candidates(group, forms)
    yield from _cross_speaker_candidates(forms)


def nested_pairs(quotes: list[Quote]) -> Iterator[tuple[int, int]]:
    """One speaker's quote inside another of its quotes in one article: a fragment in its reported content."""
    by_source: dict[str, list[int]] = defaultdict(list)
    for index, quote in enumerate(quotes):
        by_source[quote.source].append(index)
    for indices in by_source.values():
        indices.sort(key=lambda i: (quotes[i].start, -quotes[i].end))
        open_spans: list[int] = []
        for index in indices:
            quote = quotes[index]
            open_spans = [o for o in open_spans if quotes[o].end > quote.start]
            speaker = speaker_key(quote)
            for outer in open_spans:
                if speaker is not None and quote.end <= quotes[outer].end and speaker == speaker_key(quotes[outer]):
                    yield outer, index
            open_spans.append(index)


def split_sentence_pairs(quotes: list[Quote]) -> Iterator[tuple[int, int]]:
    """The pieces of one quoted sentence split by its attribution: '"We were slow," Ruiz said,
    "and we paid for it."' One speaker, one paragraph, the first piece ending in a comma and the
    next starting in lower case a few characters on. Joined only when each piece's wording occurs
    once, since a form stands for every quote of that wording."""
    by_source: dict[str, list[int]] = defaultdict(list)
    for index, quote in enumerate(quotes):
        if quote.kind in MARKED_KINDS and quote.paragraph is not None and speaker_key(quote) is not None:
            by_source[quote.source].append(index)
    for indices in by_source.values():
        indices.sort(key=lambda i: quotes[i].start)
        for first, second in pairwise(indices):
            a, b = quotes[first], quotes[second]
            # Only a second piece in lower case: one that opens with a capital ('"After that," he
            # said, "I guess ..."') is often a sentence that other sources quote on its own.
            if resumes_split_quote(a, b) and b.text[:1].islower() and speaker_key(a) == speaker_key(b):
                yield first, second
