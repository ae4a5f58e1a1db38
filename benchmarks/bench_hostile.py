"""Time and peak memory on hostile input: many quote marks, big speakers files, one huge document.

    python benchmarks/bench_hostile.py [--only NAME ...] [--scale 1.0]

Each case runs in a fresh child process, so its peak memory (ru_maxrss) is its own; `quotes
extract` cases are the real command with one process (`--jobs 1`) and include starting Python and
loading the model (the `baseline` case: a one-line file). The speakers cases load the file alone
(no model). The component case tokenises a Doc and runs the `quotes` pipe on it alone (the
pipe parses what it needs itself). `--scale` shrinks or grows every case, to try the script quickly. Prints figures;
asserts nothing (speed is measured here, not in timed tests).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from quotes.rules import seeds_dir

REPO = Path(__file__).resolve().parent.parent
# The child: run one case, then write (seconds, peak KB) as JSON to the file named last.
CHILD = """
import json, resource, sys, time
started = time.perf_counter()
kind, target, report = sys.argv[1], sys.argv[2], sys.argv[3]
if kind == "speakers":
    from pathlib import Path
    from quotes.corpus.identities import load_directory
    load_directory((Path(target),))
elif kind == "component":
    from pathlib import Path
    from quotes.extraction.parse import load_model
    nlp = load_model(None)
    nlp.add_pipe("quotes")
    text = Path(target).read_text(encoding="utf-8")
    nlp.max_length = len(text) + 1
    doc = nlp.get_pipe("quotes")(nlp.make_doc(text))
else:
    from quotes.cli import main
    sys.argv = ["quotes", "extract", target, "--jobs", "1", "--format", "jsonl"]
    try:
        main()
    except SystemExit as stop:
        if stop.code:
            raise
seconds = time.perf_counter() - started
with open(report, "w") as out:
    json.dump([seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss], out)
"""


@dataclass(frozen=True)
class Case:
    name: str
    kind: str  # "extract", "speakers" or "component"
    write: Callable[[Path], str]  # writes the input, returns what it is


def seed_sentences() -> list[str]:
    text = " ".join(f.read_text(encoding="utf-8") for f in sorted(seeds_dir().glob("*.txt")))
    return [s.strip() + "." for s in " ".join(text.split()).split(". ") if len(s.strip()) > 20]


def quote_marks(count: int, cue: str = "") -> Callable[[Path], str]:
    """One paragraph of `count` quote marks: short quotes, each followed by `cue` ("she said.")."""

    def write(path: Path) -> str:
        quote = "\u201cYes,\u201d " + (f"{cue} " if cue else "")
        path.write_text("The mayor spoke. " + quote * (count // 2) + "\n", encoding="utf-8")
        cued = f", each with '{cue}'" if cue else ""
        return f"{count:,} quote marks in one paragraph{cued}, {path.stat().st_size / 1e6:.2f} MB"

    return write


def nested_marks(count: int) -> Callable[[Path], str]:
    """One paragraph of `count` quote marks, straight and curly mixed: quotes inside quotes."""

    def write(path: Path) -> str:
        pieces = ['"Yes," she said. "No', "it is not\u201d, he said \u201cand"] * (count // 4)
        path.write_text("The mayor spoke. " + " ".join(pieces) + "\n", encoding="utf-8")
        return f"{count:,} quote marks, nested, in one paragraph, {path.stat().st_size / 1e6:.2f} MB"

    return write


def speakers_file(entries: int) -> Callable[[Path], str]:
    def write(path: Path) -> str:
        with path.open("w", encoding="utf-8") as out:
            for i in range(entries):
                out.write(f'[[speaker]]\nname = "Person{i} Surname{i}"\naliases = ["P{i} Surname{i}"]\n')
                out.write(f'titles = ["head of office {i}"]\n\n')
        return f"{entries:,} [[speaker]] entries, {path.stat().st_size / 1e6:.2f} MB"

    return write


def single_line(megabytes: float) -> Callable[[Path], str]:
    """The seeds' sentences, again and again, on one line."""

    def write(path: Path) -> str:
        sentences, pieces, size, i = seed_sentences(), [], 0, 0
        while size < megabytes * 1e6:
            pieces.append(sentences[i % len(sentences)])
            size += len(pieces[-1]) + 1
            i += 1
        path.write_text(" ".join(pieces) + "\n", encoding="utf-8")
        return f"one line of {path.stat().st_size / 1e6:.1f} MB"

    return write


def many_paragraphs(count: int) -> Callable[[Path], str]:
    """`count` short paragraphs; one in 20 is a seed sentence (most hold speech), the rest plain notes."""

    def write(path: Path) -> str:
        sentences = seed_sentences()
        with path.open("w", encoding="utf-8") as out:
            for i in range(count):
                out.write((sentences[i // 20 % len(sentences)] if i % 20 == 0 else f"Item {i} of the list.") + "\n\n")
        return f"{count:,} paragraphs, {path.stat().st_size / 1e6:.1f} MB"

    return write


def baseline(path: Path) -> str:
    path.write_text('"We will open on Monday," the mayor said.\n', encoding="utf-8")
    return "one short line: starting Python and loading the model"


def cases(scale: float) -> list[Case]:
    def n(value: float) -> int:
        return max(1, int(value * scale))

    return [
        Case("baseline", "extract", baseline),
        Case("marks-16k", "extract", quote_marks(n(16_000))),
        Case("marks-100k", "extract", quote_marks(n(100_000))),
        Case("cued-500", "extract", quote_marks(n(500), "she said.")),
        Case("cued-1k", "extract", quote_marks(n(1_000), "she said.")),
        Case("nested-500", "extract", nested_marks(n(500))),
        Case("nested-1k", "extract", nested_marks(n(1_000))),
        Case("speakers-1k", "speakers", speakers_file(n(1_000))),
        Case("speakers-10k", "speakers", speakers_file(n(10_000))),
        Case("speakers-100k", "speakers", speakers_file(n(100_000))),
        Case("line-1mb", "extract", single_line(1.0 * scale)),
        Case("line-5mb", "extract", single_line(5.0 * scale)),
        Case("paragraphs-200k", "extract", many_paragraphs(n(200_000))),
        Case("component-2m", "component", many_paragraphs(n(62_500))),
    ]


def run(case: Case, folder: Path) -> None:
    target = folder / (f"{case.name}.toml" if case.kind == "speakers" else f"{case.name}.txt")
    what = case.write(target)
    report = folder / f"{case.name}.json"
    environ = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, (str(REPO), os.environ.get("PYTHONPATH"))))}
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", CHILD, case.kind, str(target), str(report)],
        env=environ,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        check=False,
    )
    wall = time.perf_counter() - started
    if done.returncode:
        print(f"{case.name:16} failed (exit {done.returncode}): {done.stderr.decode(errors='replace').strip()[-200:]}")
    else:
        seconds, peak_kb = json.loads(report.read_text())
        print(f"{case.name:16} {seconds:7.1f} s  {peak_kb / 1024:7,.0f} MB peak   ({what}; {wall:.1f} s wall)", flush=True)
    target.unlink()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", help="run only these cases (names as printed)")
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every case's size")
    args = parser.parse_args()
    print(f"{'case':16} {'time':>9}  {'peak memory':>12}")
    with tempfile.TemporaryDirectory(prefix="bench-hostile-") as tmp:
        for case in cases(args.scale):
            if not args.only or case.name in args.only:
                run(case, Path(tmp))


if __name__ == "__main__":
    main()
