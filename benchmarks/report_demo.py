"""The html report: a screenshot of the seeds report, and the time to render 2,000 clusters.

    python benchmarks/report_demo.py [--out report-demo] [--clusters 2000]

Writes OUT/report.html (the seed articles' report, made by `quotes extract --format html`) and
OUT/report.png, a 1280x900 screenshot of it in Debian's chromium (`apt-get install chromium`),
driven by playwright (`pip install ".[test]"`). Then copies the seeds' clusters until there are
`--clusters` of them, each copy with its own speakers, outlets, dates and sources (the seed
texts, so every member has its context sentence), and prints the time `render_report` takes on
them, the page's size, and in chromium the time to load the page and to filter it by a search.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(1, str(Path(__file__).resolve().parent.parent / "tests"))  # tests/chromium.py: how to start chromium

from quotes.corpus.clusters import with_clusters
from quotes.corpus.identities import SpeakerDirectory, link_corpus
from quotes.extraction.pipeline import extract_documents, make_pipeline
from quotes.models import Cluster, Document, SourceMeta
from quotes.output.report import render_report
from quotes.rules import seeds_dir
from quotes.sources.files import Skipped, expand, read_documents

REPO = Path(__file__).resolve().parent.parent
OUTLETS = 40
SEARCH = "kursk"
# In the page: type the search, let the filter run and the page lay out again; milliseconds.
FILTER_TIMED = """query => {
  const started = performance.now();
  const box = document.querySelector("input[name=q]");
  box.value = query;
  box.dispatchEvent(new Event("input", {bubbles: true}));
  document.body.offsetHeight;
  return performance.now() - started;
}"""


def seeds_report(out: Path) -> Path:
    """The seeds' report, made as a user makes it."""
    report = out / "report.html"
    command = [
        sys.executable,
        "-c",
        "from quotes.cli import main; main()",
        "extract",
        "--format",
        "html",
        "-o",
        str(report),
        "--force",
    ]
    subprocess.run(command, check=True, stdin=subprocess.DEVNULL, cwd=REPO)
    return report


def many_clusters(count: int) -> tuple[list[Cluster], dict[str, Document], SpeakerDirectory]:
    """`count` clusters: the seeds' clusters copied, each copy with its own speakers and sources."""
    pipeline = make_pipeline()
    read = [d for d in read_documents(expand([str(seeds_dir())])) if not isinstance(d, Skipped)]
    quotes = link_corpus([q for _, found in extract_documents(read, pipeline) for q in found], pipeline.matchers.directory)
    _, seed_clusters = with_clusters(quotes)
    clusters: list[Cluster] = []
    documents: dict[str, Document] = {}
    copy = 0
    while len(clusters) < count:
        for document in read:
            documents[f"copy{copy}/{Path(document.source).name}"] = replace(document, source=f"copy{copy}/{document.source}")
        for cluster in seed_clusters[: count - len(clusters)]:
            members = [
                replace(
                    q,
                    source=f"copy{copy}/{Path(q.source).name}",
                    speaker=f"{q.speaker} {copy}" if q.speaker else None,
                    meta=SourceMeta(outlet=f"Outlet {(copy + i) % OUTLETS}", date=f"2024-08-{1 + (copy + i) % 28:02d}"),
                )
                for i, q in enumerate(cluster.members)
            ]
            clusters.append(Cluster(f"{cluster.id}-{copy}", members, list(cluster.flags)))
        copy += 1
    return clusters, documents, pipeline.matchers.directory


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("report-demo"), help="folder for report.html and report.png")
    parser.add_argument("--clusters", type=int, default=2000, help="clusters in the large report")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    from chromium import launch_chromium
    from playwright.sync_api import sync_playwright

    report = seeds_report(args.out)
    clusters, documents, directory = many_clusters(args.clusters)
    started = time.perf_counter()
    page_text = render_report(clusters, directory, documents)
    render_seconds = time.perf_counter() - started
    large = args.out / f"report-{args.clusters}.html"
    large.write_text(page_text, encoding="utf-8")

    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(report.resolve().as_uri())
        page.screenshot(path=str(args.out / "report.png"))
        started = time.perf_counter()
        page.goto(large.resolve().as_uri())
        load_seconds = time.perf_counter() - started
        filter_seconds = page.evaluate(FILTER_TIMED, SEARCH) / 1000
        shown = page.locator("#shown").inner_text()
        browser.close()

    print(f"screenshot: {args.out / 'report.png'} (1280x900, the seeds report {report})")
    print(f"render {len(clusters):,} clusters ({sum(len(c.members) for c in clusters):,} references): {render_seconds:.2f} s")
    print(f"page: {len(page_text.encode('utf-8')) / 1e6:.1f} MB, {large}")
    print(f"chromium: load {load_seconds:.2f} s, search {SEARCH!r} {filter_seconds:.2f} s ({shown})")


if __name__ == "__main__":
    main()
