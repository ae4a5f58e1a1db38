"""`quotes` side by side with textacy: accuracy on the gold sets, speed, and scaling.

    pip install ".[bench]"
    python benchmarks/compare.py [accuracy|speed|scale|all] [--mb 2] [--rounds 3] [--jobs N]
                                 [--scale-mb 0.25] [--eval-dir ../shared/eval] [--model NAME]

accuracy  every *.gold.jsonl in the eval dir (default ../shared/eval beside the repository),
          scored by the eval dir's own score.py, for `quotes` and for textacy's
          `direct_quotations` on the same spaCy model (textacy gets every component).
speed     a generated corpus of --mb megabytes, processed in turns (quotes, textacy, quotes
          with --jobs processes) for --rounds rounds; every pass runs in a fresh child process,
          so each tool's peak memory is its own.
scale     `quotes` alone (one process) on 1x, 2x, 4x and 8x of a --scale-mb corpus, each in a
          fresh child process: time should grow linearly and memory stay flat.

Prints plain-text tables; asserts nothing.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import json
import multiprocessing
import os
import platform
import resource
import statistics
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any, TypeVar

import spacy
from bench_extract import corpus
from spacy.language import Language
from spacy.tokens import Doc

from quotes.extraction.parse import DEFAULT_MODELS, available_cores, load_model
from quotes.extraction.pipeline import extract_documents, make_pipeline
from quotes.models import Document

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_EVAL_DIR = ROOT.parent / "shared" / "eval"
TRACKS = ("quoted", "reported", "embed")
TARGET_ALL_CORES = 2.0  # quotes with every core vs textacy
TARGET_ONE_PROCESS = 1.3  # quotes in one process vs textacy
SCALE_FACTORS = (1, 2, 4, 8)

T = TypeVar("T")


# ---------------------------------------------------------------------------- helpers


def table(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A plain-text table: the first column left-aligned, the others right-aligned."""
    cells = [[str(h) for h in headers], *[[str(c) for c in row] for row in rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]

    def line(row: list[str]) -> str:
        return "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths, strict=True)))

    return "\n".join([line(cells[0]), "  ".join("-" * w for w in widths), *(line(r) for r in cells[1:])])


def say(text: str = "") -> None:
    print(text, flush=True)


def peak_mb() -> tuple[float, float]:
    """Peak resident memory of this process, and of its largest finished child, in MB.

    The own peak is VmHWM from /proc: ru_maxrss survives execve on Linux, so a spawned child
    would report the parent's peak (with the models the parent loaded) if its own were lower.
    Forked children (spaCy's workers) start their count afresh, so ru_maxrss is right for them.
    """
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                own = int(line.split()[1]) / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


class Meter:
    """Wall time of a timed section, and how many cores other processes kept busy meanwhile.

    Other load = (busy CPU seconds of the whole machine, from /proc/stat, minus the CPU seconds
    of this process and its finished children) / wall seconds. Near 0 on a quiet machine; a
    shared machine shows up here instead of silently slowing one tool down.
    """

    def __init__(self) -> None:
        self.started = time.perf_counter()
        self.busy = busy_cpu_seconds()
        self.own = own_cpu_seconds()

    def stop(self) -> tuple[float, float]:
        seconds = time.perf_counter() - self.started
        others = (busy_cpu_seconds() - self.busy) - (own_cpu_seconds() - self.own)
        return seconds, max(0.0, others / seconds)


def busy_cpu_seconds() -> float:
    """CPU seconds the whole machine has spent busy (not idle, not waiting for I/O); 0 without /proc."""
    stat = Path("/proc/stat")
    if not stat.exists():
        return 0.0
    fields = [int(x) for x in stat.read_text().split("\n", 1)[0].split()[1:9]]
    return (sum(fields) - fields[3] - fields[4]) / os.sysconf("SC_CLK_TCK")


def own_cpu_seconds() -> float:
    me, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + children.ru_utime + children.ru_stime


def in_child(func: Callable[..., T], *args: Any) -> T:
    """Run func(*args) in a fresh (spawned) process, so its memory and warm-up are its own."""
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as pool:
        return pool.submit(func, *args).result()


def word_count(documents: Iterable[Document]) -> int:
    return sum(len(d.text.split()) for d in documents)


# ---------------------------------------------------------------------------- the two tools


def model_name(model: str | None) -> str:
    """The package name of the model `quotes` loads (the first installed default when None)."""
    if model:
        return model
    nlp = load_model(None)
    return f"{nlp.meta['lang']}_{nlp.meta['name']}"


def load_full_model(name: str) -> Language:
    """The same model with every component (textacy needs the full default pipeline)."""
    try:
        return spacy.load(name)
    except OSError:
        return importlib.import_module(name).load()


def textacy_quotes(doc: Doc) -> list[dict[str, Any]] | None:
    """textacy's direct quotations as scorer records; None when textacy gives up on the document."""
    from textacy.extract.triples import direct_quotations

    try:
        triples = list(direct_quotations(doc))
    except ValueError:  # an odd number of quote marks
        return None
    records = []
    for speaker, _cue, content in triples:
        start = content[0].idx + len(content[0].text)  # the content span holds the marks: drop them
        end = content[-1].idx
        records.append(
            {
                "start": start,
                "end": end,
                "text": doc.text[start:end],
                "type": "direct",
                "speaker": " ".join(t.text for t in speaker),
            }
        )
    return records


# ---------------------------------------------------------------------------- accuracy


def load_scorer(eval_dir: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("score", eval_dir / "score.py")
    if spec is None or spec.loader is None:
        raise SystemExit(f"no score.py in {eval_dir}")
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    return scorer


def gold_documents(gold_path: Path) -> list[Document]:
    """The gold documents as `Document`s whose source stem is the gold doc_id (see score.doc_key)."""
    documents = []
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line) if line.strip() else {}
        if "doc_id" in record:
            documents.append(Document(source=f"{record['doc_id']}.txt", text=record["text"]))
    return documents


def predict_quotes(documents: list[Document], model: str | None) -> list[dict[str, Any]]:
    pipeline = make_pipeline(model)
    return [q.to_record() for _, found in extract_documents(documents, pipeline, 1) for q in found]


def predict_textacy(documents: list[Document], nlp: Language) -> tuple[list[dict[str, Any]], int]:
    """Records for every document, and the number of documents textacy gave up on."""
    records: list[dict[str, Any]] = []
    gave_up = 0
    for document, doc in zip(documents, nlp.pipe(d.text for d in documents), strict=True):
        found = textacy_quotes(doc)
        if found is None:
            gave_up += 1
            continue
        records.extend({"source": document.source, **r} for r in found)
    return records, gave_up


def score_records(scorer: ModuleType, gold_path: Path, records: list[dict[str, Any]]) -> dict[str, Any]:
    """Write the records as JSONL and score them with the eval dir's own scorer."""
    with tempfile.TemporaryDirectory() as tmp:
        pred_path = Path(tmp) / "pred.jsonl"
        pred_path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
        return scorer.score(*scorer.load(gold_path, pred_path))


def accuracy_rows(results: dict[str, dict[str, Any]]) -> list[list[object]]:
    rows: list[list[object]] = []
    for track in TRACKS:
        for tool, res in results.items():
            t = res[track]
            rows.append(
                [
                    track,
                    tool,
                    t["gold"],
                    t["pred"],
                    t["matched"],
                    f"{t['precision']:.3f}",
                    f"{t['recall']:.3f}",
                    f"{t['f1']:.3f}",
                    f"{t['attribution_accuracy']:.3f}",
                    f"{t['e2e_f1']:.3f}",
                ]
            )
    return rows


def run_accuracy(eval_dir: Path, model: str | None) -> None:
    gold_files = sorted(eval_dir.glob("*.gold.jsonl"))
    if not gold_files:
        say(f"accuracy: no *.gold.jsonl in {eval_dir}")
        return
    scorer = load_scorer(eval_dir)
    name = model_name(model)
    full = load_full_model(name)
    for gold_path in gold_files:
        documents = gold_documents(gold_path)
        textacy_records, gave_up = predict_textacy(documents, full)
        results = {
            "quotes": score_records(scorer, gold_path, predict_quotes(documents, model)),
            "textacy": score_records(scorer, gold_path, textacy_records),
        }
        say(f"== accuracy: {gold_path.name} ({len(documents)} documents), model {name} ==")
        headers = ["track", "tool", "gold", "pred", "matched", "P", "R", "F1", "speaker acc", "end-to-end F1"]
        say(table(headers, accuracy_rows(results)))
        say(f"textacy gave up on {gave_up} of {len(documents)} documents (odd number of quote marks)")
        say("textacy extracts direct quotations only (typed 'direct'; the quoted track groups direct and partial)")
        say()


# ---------------------------------------------------------------------------- speed


@dataclass(frozen=True)
class Pass:
    """One measured pass over a corpus, in its own process."""

    tool: str
    jobs: int
    words: int
    seconds: float
    found: int
    gave_up: int
    peak_mb: float
    workers_mb: float
    other_load: float  # cores kept busy by other processes during the pass

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds


def quotes_pass(megabytes: float, jobs: int, model: str | None) -> Pass:
    documents = corpus(megabytes)
    pipeline = make_pipeline(model)
    meter = Meter()
    found = sum(len(q) for _, q in extract_documents(documents, pipeline, jobs))
    seconds, other_load = meter.stop()
    return Pass("quotes", jobs, word_count(documents), seconds, found, 0, *peak_mb(), other_load)


def textacy_pass(megabytes: float, name: str) -> Pass:
    """The baseline a journalist-programmer would write: nlp.pipe with every component, then textacy."""
    texts = [d.text for d in corpus(megabytes)]
    nlp = load_full_model(name)
    found = gave_up = 0
    meter = Meter()
    for doc in nlp.pipe(texts):
        records = textacy_quotes(doc)
        if records is None:
            gave_up += 1
        else:
            found += len(records)
    seconds, other_load = meter.stop()
    return Pass("textacy", 1, sum(len(t.split()) for t in texts), seconds, found, gave_up, *peak_mb(), other_load)


def speed_rows(passes: dict[str, list[Pass]], jobs: int) -> list[list[object]]:
    baseline = statistics.median(p.words_per_second for p in passes["textacy"])
    targets = {"quotes-1": TARGET_ONE_PROCESS, f"quotes-{jobs}": TARGET_ALL_CORES}
    rows: list[list[object]] = []
    for key, runs in passes.items():
        speed = statistics.median(p.words_per_second for p in runs)
        ratio = speed / baseline
        target = targets.get(key)
        verdict = "" if target is None else f">= {target}x: {'met' if ratio >= target else 'NOT met'}"
        first = runs[0]
        label = "textacy (nlp.pipe + direct_quotations)" if first.tool == "textacy" else f"quotes, jobs={first.jobs}"
        rows.append(
            [
                label,
                " ".join(f"{p.words_per_second:,.0f}" for p in runs),
                f"{speed:,.0f}",
                f"{ratio:.2f}x",
                verdict,
                f"{max(p.peak_mb for p in runs):,.0f}",
                f"{max(p.workers_mb for p in runs):,.0f}" if first.jobs > 1 else "-",
                f"{first.found:,}",
                f"{statistics.mean(p.other_load for p in runs):.1f}",
            ]
        )
    return rows


def run_speed(megabytes: float, rounds: int, jobs: int, model: str | None) -> None:
    name = model_name(model)
    documents = corpus(megabytes)
    words = word_count(documents)
    size = sum(len(d.text.encode("utf-8")) for d in documents) / 1e6
    say(f"== speed: {size:.2f} MB corpus, {len(documents)} articles, {words:,} words; model {name}; {rounds} rounds ==")
    passes: dict[str, list[Pass]] = {"quotes-1": [], "textacy": [], f"quotes-{jobs}": []}
    for round_number in range(1, rounds + 1):
        for key in passes:
            if key == "textacy":
                result = in_child(textacy_pass, megabytes, name)
            else:
                result = in_child(quotes_pass, megabytes, int(key.split("-")[1]), model)
            passes[key].append(result)
            say(
                f"  round {round_number}: {key:9} {result.seconds:7.1f} s  {result.words_per_second:8,.0f} words/s"
                f"  other load {result.other_load:.1f} cores"
            )
    headers = [
        "tool",
        "words/s per round",
        "median words/s",
        "vs textacy",
        "target",
        "peak MB",
        "worker peak MB",
        "quotes found",
        "other load",
    ]
    say(table(headers, speed_rows(passes, jobs)))
    gave_up = passes["textacy"][0].gave_up
    say(f"textacy gave up on {gave_up} of {len(documents)} articles (odd number of quote marks)")
    say("words/s = words of the whole corpus / seconds of processing (model loading excluded)")
    say("peak MB = the measuring process; worker peak MB = the largest spaCy worker process (jobs > 1)")
    say("other load = cores kept busy by other processes during the passes (mean); 0 on a quiet machine")
    say()


# ---------------------------------------------------------------------------- scale


def run_scale(base_mb: float, model: str | None) -> None:
    say(f"== scale: quotes alone, one process, {base_mb} MB base corpus ==")
    rows: list[list[object]] = []
    for factor in SCALE_FACTORS:
        result = in_child(quotes_pass, base_mb * factor, 1, model)
        rows.append(
            [
                f"{factor}x",
                f"{base_mb * factor:.2f}",
                f"{result.words:,}",
                f"{result.seconds:.1f}",
                f"{result.words_per_second:,.0f}",
                f"{result.peak_mb:,.0f}",
                f"{result.other_load:.1f}",
            ]
        )
        say(f"  {factor}x done in {result.seconds:.1f} s, other load {result.other_load:.1f} cores")
    say(table(["size", "MB", "words", "seconds", "words/s", "peak MB", "other load"], rows))
    say()


# ---------------------------------------------------------------------------- main


def describe_machine(model: str | None) -> None:
    import textacy

    name = model_name(model)
    meta = load_full_model(name).meta
    say(f"machine: {available_cores()} cores, {platform.processor() or platform.machine()}, Python {platform.python_version()}")
    say(f"spaCy {spacy.__version__}, model {name} {meta.get('version', '?')}, textacy {textacy.__version__}")
    say()


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("what", nargs="?", default="all", choices=["accuracy", "speed", "scale", "all"])
    parser.add_argument("--mb", type=float, default=2.0, help="speed corpus size in megabytes (default 2)")
    parser.add_argument("--rounds", type=int, default=3, help="speed rounds (default 3)")
    parser.add_argument("--jobs", type=int, default=available_cores(), help="processes for the multi-process pass")
    parser.add_argument("--scale-mb", type=float, default=0.25, help="base corpus of the scale table (default 0.25)")
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL_DIR, help="folder of *.gold.jsonl and score.py")
    parser.add_argument("--model", default=None, help=f"spaCy model (default: first installed of {DEFAULT_MODELS})")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> None:
    args = parse_args(argv)
    try:
        importlib.import_module("textacy")
    except ImportError as error:
        raise SystemExit(f"textacy is not importable ({error}); install it with: pip install '.[bench]'") from error
    started = time.perf_counter()
    describe_machine(args.model)
    if args.what in ("accuracy", "all"):
        run_accuracy(args.eval_dir, args.model)
    if args.what in ("speed", "all"):
        run_speed(args.mb, args.rounds, args.jobs, args.model)
    if args.what in ("scale", "all"):
        run_scale(args.scale_mb, args.model)
    say(f"total time: {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
