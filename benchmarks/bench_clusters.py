"""Benchmark clustering (`with_clusters`) on synthetic quotes with planted near-duplicates.

    python benchmarks/bench_clusters.py [--quotes 100000] [--speakers 2000] [--seed 1]

Each speaker has topic words, so one speaker's quotes share vocabulary the way a minister's
statements about one war do. About 10% of the quotes are planted copies of another quote in
another source: a word changed, a word dropped, or a fragment quoted as a partial quote; a few
changed copies name a different speaker (a misattribution). Reports the time taken, quotes per
second, peak memory, the recall of planted pairs (original and copy in one cluster) and false
merges (clusters that join quotes planted from different originals).

The words are made up, so the synonyms of `patterns/synonyms.toml` hardly ever apply (a dozen
made-up words stem like a listed word): this measures speed and the wording rules at scale, and
the seed articles' gold clusters measure the synonyms. Short sentences of a speaker whose two or
three content words stand side by side in another of its sentences are joined to it (the
fragment rule of `quotes.corpus.clusters`): a handful of the false merges.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quotes.corpus.clusters import with_clusters
from quotes.models import Quote

VOCABULARY_SIZE = 20_000
TOPIC_SIZE = 30
QUOTES_PER_SOURCE = 20
PLANTED_SHARE = 0.10
MISATTRIBUTED_SHARE = 0.05  # of the changed-word and dropped-word copies
SENTENCE_WORDS = (8, 25)
FRAGMENT_WORDS = (5, 10)
STOPWORD_SHARE, TOPIC_SHARE = 0.35, 0.25  # the rest is general vocabulary, Zipf-distributed
FUNCTION_WORDS = ("the", "of", "and", "to", "in", "that", "is", "was", "for", "on", "with", "as", "by", "at", "from", "it")
CONSONANTS, VOWELS = "bcdfghklmnprstvz", "aeiou"


@dataclass
class Planted:
    original: int  # index into the quote list
    copy: int
    how: str  # "changed", "dropped", "fragment" or "misattributed"


def pseudo_words(rng: random.Random, count: int, syllables: tuple[int, int] = (2, 4)) -> list[str]:
    words: set[str] = set()
    while len(words) < count:
        n = rng.randint(*syllables)
        words.add("".join(rng.choice(CONSONANTS) + rng.choice(VOWELS) for _ in range(n)) + rng.choice(["", "n", "r", "t"]))
    return sorted(words)


class Generator:
    def __init__(self, rng: random.Random, speakers: int) -> None:
        self.rng = rng
        self.vocabulary = pseudo_words(rng, VOCABULARY_SIZE)
        rng.shuffle(self.vocabulary)
        self.zipf_cumulative = list(accumulate(1 / (rank + 1) ** 0.9 for rank in range(VOCABULARY_SIZE)))
        names = pseudo_words(rng, speakers * 2)
        rng.shuffle(names)
        self.speakers = [f"{names[2 * i].title()} {names[2 * i + 1].title()}" for i in range(speakers)]
        self.topics = {s: rng.sample(self.vocabulary, TOPIC_SIZE) for s in self.speakers}

    def sentence(self, speaker: str) -> list[str]:
        rng, words = self.rng, []
        general = rng.choices(self.vocabulary, cum_weights=self.zipf_cumulative, k=SENTENCE_WORDS[1])
        for i in range(rng.randint(*SENTENCE_WORDS)):
            roll = rng.random()
            if roll < STOPWORD_SHARE:
                words.append(rng.choice(FUNCTION_WORDS))
            elif roll < STOPWORD_SHARE + TOPIC_SHARE:
                words.append(rng.choice(self.topics[speaker]))
            else:
                words.append(general[i])
        words[0] = words[0].capitalize()
        return words

    def variant(self, words: list[str]) -> tuple[list[str], str]:
        """A changed word, a dropped word, or a fragment (as a partial quote)."""
        rng, roll = self.rng, self.rng.random()
        position = rng.randrange(1, len(words))
        if roll < 0.4:
            return [*words[:position], rng.choice(self.vocabulary), *words[position + 1 :]], "changed"
        if roll < 0.7:
            return [*words[:position], *words[position + 1 :]], "dropped"
        size = min(rng.randint(*FRAGMENT_WORDS), len(words) - 2)
        start = rng.randrange(0, len(words) - size + 1)
        return words[start : start + size], "fragment"


def generate(total: int, speakers: int, seed: int) -> tuple[list[Quote], list[Planted], list[int]]:
    """Quotes, the planted (original, copy) pairs, and each quote's statement (its original's index)."""
    rng = random.Random(seed)
    gen = Generator(rng, speakers)
    originals = round(total / (1 + PLANTED_SHARE))
    sources = max(2, total // QUOTES_PER_SOURCE)
    offsets: dict[str, int] = defaultdict(int)
    paragraphs: dict[str, int] = defaultdict(int)  # each quote a paragraph of its own
    quotes: list[Quote] = []
    statement: list[int] = []

    def add(source: str, words: list[str], kind: str, speaker: str, of: int) -> int:
        text = " ".join(words) + ("." if kind == "direct" else "")
        start = offsets[source]
        offsets[source] += len(text) + 40
        paragraphs[source] += 1
        line, paragraph = start // 80 + 1, paragraphs[source]
        quote = Quote(source, start, start + len(text), text, kind, speaker=speaker, line=line, paragraph=paragraph)  # type: ignore[arg-type]
        quotes.append(quote)
        statement.append(of if of >= 0 else len(quotes) - 1)
        return len(quotes) - 1

    for _ in range(originals):
        speaker = rng.choice(gen.speakers)
        kind = rng.choices(["direct", "indirect", "embed"], [0.6, 0.35, 0.05])[0]
        add(f"src-{rng.randrange(sources):05d}.txt", gen.sentence(speaker), kind, speaker, -1)
    planted = []
    for original in rng.sample(range(originals), total - originals):
        source = quotes[original].source
        while source == quotes[original].source:
            source = f"src-{rng.randrange(sources):05d}.txt"
        words, how = gen.variant(quotes[original].text.rstrip(".").split())
        speaker = quotes[original].speaker or ""
        if how != "fragment" and rng.random() < MISATTRIBUTED_SHARE:
            speaker, how = rng.choice(gen.speakers), "misattributed"
        kind = "partial" if how == "fragment" else quotes[original].kind
        planted.append(Planted(original, add(source, words, kind, speaker, original), how))
    return quotes, planted, statement


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quotes", type=int, default=100_000)
    parser.add_argument("--speakers", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)

    quotes, planted, statement = generate(args.quotes, args.speakers, args.seed)
    rss_before = peak_rss_mb()
    started = time.perf_counter()
    quotes, clusters = with_clusters(quotes)
    elapsed = time.perf_counter() - started
    rss_after = peak_rss_mb()

    joined = sum(quotes[p.original].cluster == quotes[p.copy].cluster for p in planted)
    index_of = {id(q): i for i, q in enumerate(quotes)}
    false_merges = sum(len({statement[index_of[id(q)]] for q in c.members}) - 1 for c in clusters)
    merged_clusters = sum(len({statement[index_of[id(q)]] for q in c.members}) > 1 for c in clusters)

    print(f"quotes            {len(quotes):,} ({len(planted):,} planted copies), {args.speakers:,} speakers, seed {args.seed}")
    print(f"clusters          {len(clusters):,}")
    print(f"time              {elapsed:.2f} s ({len(quotes) / elapsed:,.0f} quotes/s)")
    print(f"peak memory       {rss_after:.0f} MB RSS ({rss_before:.0f} MB before clustering)")
    print(f"planted recall    {joined / len(planted):.4f} ({joined:,}/{len(planted):,} pairs)")
    print(f"false merges      {false_merges:,} extra statements joined, in {merged_clusters:,} clusters")
    by_kind: dict[str, list[bool]] = defaultdict(list)
    for p in planted:
        by_kind[p.how].append(quotes[p.original].cluster == quotes[p.copy].cluster)
    for how, hits in sorted(by_kind.items()):
        print(f"  recall {how:14} {sum(hits) / len(hits):.4f} ({len(hits):,})")


if __name__ == "__main__":
    main()
