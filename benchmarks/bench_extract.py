"""Speed of `quotes` extraction: words per second on a generated corpus, and peak memory.

    python benchmarks/bench_extract.py [--mb 2] [--jobs N] [--rounds 2] [--one-document]

The corpus recombines the paragraphs of the built-in seeds into new articles, with the
speakers' names and the numbers swapped, so it is varied text and not one story repeated.
Prints figures; asserts nothing (speed is measured here, not in timed tests).
"""

from __future__ import annotations

import argparse
import random
import resource
import time

from quotes.extraction.parse import available_cores
from quotes.extraction.pipeline import extract_documents, make_pipeline
from quotes.models import Document
from quotes.rules import seeds_dir

NAMES = ["Anna Roth", "Karl Aho", "Lena Ortiz", "Omar Haddad", "Rosa Vega", "Ivo Stein", "Mia Berg", "Tom Reyes"]
SEED_NAMES = ["Dmitry Medvedev", "Volodymyr Zelensky", "John Kirby", "Peter Stano", "Heorhii Tykhyi", "Oleksandr Syrskyi"]


def corpus(megabytes: float, seed: int = 7) -> list[Document]:
    rng = random.Random(seed)
    paragraphs = [p for f in sorted(seeds_dir().glob("*.txt")) for p in f.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    documents: list[Document] = []
    size = 0
    while size < megabytes * 1_000_000:
        chosen = rng.sample(paragraphs, k=min(25, len(paragraphs)))
        text = "\n\n".join(chosen)
        for name in SEED_NAMES:
            text = text.replace(name, rng.choice(NAMES))
        text = "".join(str(rng.randint(1, 9)) if c.isdigit() else c for c in text)
        documents.append(Document(f"generated/{len(documents):05d}.txt", text))
        size += len(text.encode("utf-8"))
    return documents


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=2.0, help="corpus size in megabytes")
    parser.add_argument("--jobs", type=int, default=available_cores(), help="parsing processes")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--one-document", action="store_true", help="join the corpus into one long text (a linear-time check)")
    args = parser.parse_args()
    documents = corpus(args.mb)
    if args.one_document:
        documents = [Document("generated/one.txt", "\n\n".join(d.text for d in documents))]
    words = sum(len(d.text.split()) for d in documents)
    pipeline = make_pipeline()
    print(f"corpus: {len(documents)} articles, {words:,} words, {sum(len(d.text) for d in documents) / 1e6:.1f} M characters")
    for jobs in sorted({1, args.jobs}):
        for round_number in range(1, args.rounds + 1):
            started = time.perf_counter()
            count = sum(len(q) for _, q in extract_documents(documents, pipeline, jobs))
            seconds = time.perf_counter() - started
            print(f"jobs={jobs} round {round_number}: {seconds:6.1f} s  {words / seconds:8,.0f} words/s  {count:,} quotes")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (this process): {peak_mb:,.0f} MB")


if __name__ == "__main__":
    main()
