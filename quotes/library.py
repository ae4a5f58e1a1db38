"""The library's front door: what `import quotes` offers, doing what `quotes extract` does.

    import quotes
    found = quotes.extract("saved/")                                   # paths from the working folder
    found = quotes.extract_text(text, source="note.txt")               # text in hand
    for cluster in quotes.cluster(found): ...                          # one per utterance, as the CLI

The quotes come back with their speakers linked across the sources and their cluster ids set, as
in the CLI's JSONL. The model is loaded once per model name and set of speakers files, and kept
for later calls.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from quotes.corpus.clusters import cluster_quotes, with_clusters
from quotes.extraction import pipeline as stages
from quotes.models import Cluster, Document, Quote, SourceMeta
from quotes.sources.files import MARKDOWN_SUFFIXES, document_from_text
from quotes.sources.meta import merged

Sources = str | Path | Document | Iterable[str | Path | Document]


@lru_cache(maxsize=2)
def _pipeline(model: str | None, speakers: tuple[Path, ...]) -> stages.Pipeline:
    return stages.make_pipeline(model, speakers)


def extract(
    sources: Sources,
    model: str | None = None,
    speakers: Iterable[str | Path] = (),
    pipeline: stages.Pipeline | None = None,
    jobs: int | None = None,
) -> list[Quote]:
    """Quotes from files, folders, URLs, `Document`s or a mix, each with its cluster id.

    Relative paths (sources and `speakers` files) are taken from the working folder, as the CLI
    takes them. `pipeline` (from `make_pipeline`) wins over `model` and `speakers`.
    """
    chosen = pipeline or _pipeline(model, tuple(Path(p).absolute() for p in speakers))
    return with_clusters(stages.extract(sources, pipeline=chosen, jobs=jobs))[0]


def extract_text(
    text: str,
    source: str = "<text>",
    meta: SourceMeta | None = None,
    model: str | None = None,
    speakers: Iterable[str | Path] = (),
    pipeline: stages.Pipeline | None = None,
) -> list[Quote]:
    """Quotes from one text in hand, as from a file of that name: `source` names it in the results
    (a name ending in .md is read as Markdown), `meta` says where it comes from, and front matter
    at its top counts too (and wins). Offsets index `text`."""
    document = document_from_text(source, text, markdown=source.lower().endswith(MARKDOWN_SUFFIXES))
    return extract(replace(document, meta=merged(document.meta, meta)), model, speakers, pipeline)


def cluster(quotes: Iterable[Quote]) -> list[Cluster]:
    """The quotes that report one utterance, grouped as `quotes extract` groups them: ids, flags,
    members in the date order of their sources (`quotes.corpus.clusters`)."""
    return cluster_quotes(list(quotes))
