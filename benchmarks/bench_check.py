"""Speed of `quotes check`: a draft against 50 generated source files, cold cache and warm.

    python benchmarks/bench_check.py [--sources 50] [--rounds 2]

The sources recombine the paragraphs of the built-in seeds, with the speakers' names and the numbers
swapped; the draft copies quoted paragraphs from them and changes one word. Each run is the real
command in a fresh process (`python -m quotes.cli check`), as a pre-commit hook runs it, so the time
includes starting Python and loading the model. Prints figures; asserts nothing (target: warm < 2 s).
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from quotes.rules import seeds_dir

REPO = Path(__file__).resolve().parent.parent
NAMES = ["Anna Roth", "Karl Aho", "Lena Ortiz", "Omar Haddad", "Rosa Vega", "Ivo Stein", "Mia Berg", "Tom Reyes"]
SEED_NAMES = ["Dmitry Medvedev", "Volodymyr Zelensky", "John Kirby", "Peter Stano", "Heorhii Tykhyi", "Oleksandr Syrskyi"]
QUOTE_MARKS = ("\u201c", '"')
DRAFT_QUOTES = 6


def seed_paragraphs() -> list[str]:
    return [p for f in sorted(seeds_dir().glob("*.txt")) for p in f.read_text(encoding="utf-8").split("\n\n") if p.strip()]


def article(paragraphs: list[str], rng: random.Random) -> str:
    text = "\n\n".join(rng.sample(paragraphs, k=min(25, len(paragraphs))))
    for name in SEED_NAMES:
        text = text.replace(name, rng.choice(NAMES))
    return "".join(str(rng.randint(1, 9)) if c.isdigit() else c for c in text) + "\n"


def write_sources(folder: Path, count: int, rng: random.Random) -> list[str]:
    paragraphs = seed_paragraphs()
    texts = [article(paragraphs, rng) for _ in range(count)]
    for number, text in enumerate(texts):
        (folder / f"source_{number:03d}.txt").write_text(text, encoding="utf-8")
    return texts


def write_draft(path: Path, sources: list[str], rng: random.Random) -> None:
    """Quoted paragraphs copied from the sources, the last with one word changed."""
    quoted = sorted({p for text in sources for p in text.split("\n\n") if p.lstrip().startswith(QUOTE_MARKS)})
    chosen = rng.sample(quoted, k=min(DRAFT_QUOTES, len(quoted)))
    words = chosen[-1].split()
    words[len(words) // 2] = "certainly"
    chosen[-1] = " ".join(words)
    path.write_text("# Draft\n\n" + "\n\n".join(p.strip() for p in chosen) + "\n", encoding="utf-8")


def timed_check(draft: Path, sources: Path, cache: Path, *extra: str) -> tuple[float, str]:
    env = dict(os.environ, QUOTES_CACHE_DIR=str(cache), PYTHONPATH=str(REPO), NO_COLOR="1")
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "quotes.cli", "check", str(draft), "--sources", str(sources), *extra],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    seconds = time.perf_counter() - started
    if result.returncode not in (0, 1):
        raise SystemExit(f"quotes check failed ({result.returncode}): {result.stderr.strip()}")
    return seconds, result.stdout.strip().splitlines()[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=int, default=50, help="number of generated source files")
    parser.add_argument("--rounds", type=int, default=2, help="warm runs")
    args = parser.parse_args()
    rng = random.Random(11)
    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary)
        (root / "sources").mkdir()
        texts = write_sources(root / "sources", args.sources, rng)
        write_draft(root / "draft.md", texts, rng)
        words = sum(len(t.split()) for t in texts)
        print(f"sources: {args.sources} files, {words:,} words; draft: {DRAFT_QUOTES} quoted paragraphs, one misquoted")
        seconds, result = timed_check(root / "draft.md", root / "sources", root / "cache")
        print(f"cold (empty cache):  {seconds:5.2f} s   {result}")
        for round_number in range(1, args.rounds + 1):
            seconds, result = timed_check(root / "draft.md", root / "sources", root / "cache")
            print(f"warm round {round_number}:        {seconds:5.2f} s   {result}")
        seconds, _ = timed_check(root / "draft.md", root / "sources", root / "cache", "--no-cache")
        print(f"--no-cache:          {seconds:5.2f} s")


if __name__ == "__main__":
    main()
