"""Write quotes and clusters to files: CSV (for Excel/Sheets), JSON, JSONL and SQLite.

Pure functions over `Quote` and `Cluster`; no spaCy. Files the user names are written through
`quotes.output.files` (atomically, never over an existing file without `--force`), SQLite by
`quotes.output.sqlite`:

    with open_output(path, force, "csv") as out:
        write_csv(quotes, out, clusters=clusters)

CSV files must be opened with `CSV_ENCODING` ("utf-8-sig"), so that the file starts with the
UTF-8 byte-order mark and Excel reads accented names correctly; `open_output` does this. On
stdout no byte-order mark is written: that is the caller's choice (it only helps files).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TextIO

from quotes.corpus.clusters import cluster_summary
from quotes.corpus.identities import SpeakerSummary
from quotes.models import Cluster, ClusterSummary, Document, Quote
from quotes.output.context import context_sentence
from quotes.output.files import TEXT_ENCODING, atomic_open

FORMATS = ("table", "csv", "json", "jsonl", "sqlite")
CSV_ENCODING = "utf-8-sig"

CSV_HEADERS = (
    "Speaker",
    "Speaker as written",
    "Speaker role",
    "Speaker kind",
    "Speaker id",
    "Kind",
    "Quote",
    "Context",
    "Source",
    "Outlet",
    "Date",
    "URL",
    "Line",
    "Paragraph",
    "Start",
    "End",
    "Cue",
    "Via",
    "Cluster",
    "Cluster wording",
    "Flags",
    "Sources count",
    "References",
    "First published",
)
CSV_CLUSTER_HEADERS = ("Cluster", "Speaker", "Quote", "Sources count", "References", "Sources", "Flags", "First published by")
SOURCES_SEPARATOR = "; "

# OWASP "CSV injection": a cell starting with one of these is run as a formula by spreadsheets.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


@contextmanager
def open_output(path: Path, force: bool, fmt: str) -> Iterator[TextIO]:
    """Open `path` to write `fmt` ("csv", "json", "jsonl" or "table" as plain text), atomically.

    CSV is written with `CSV_ENCODING`, so the file starts with the byte-order mark; the rest
    is UTF-8. Nothing replaces `path` unless the block ends without an error.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "sqlite":
        raise ValueError("sqlite is not a text format; use write_sqlite")
    with atomic_open(path, force, CSV_ENCODING if fmt == "csv" else TEXT_ENCODING) as out:
        yield out


# --- cluster summaries ------------------------------------------------------------------------


def restrict_clusters(clusters: Iterable[Cluster], quotes: Iterable[Quote]) -> list[Cluster]:
    """The clusters that keep a member among `quotes` (after a filter), with only those members."""
    kept = {id(q) for q in quotes}
    restricted = [replace(c, members=[m for m in c.members if id(m) in kept]) for c in clusters]
    return [c for c in restricted if c.members]


MemberKey = tuple[str, int, int, str]


def member_key(quote: Quote) -> MemberKey:
    """A quote by source, offsets and kind: the same for its copies (labelled, linked, filtered)."""
    return (quote.source, quote.start, quote.end, quote.kind)


def cluster_index(clusters: Iterable[Cluster]) -> dict[MemberKey, Cluster]:
    """Map each member (by source, offsets and kind) to its cluster."""
    return {member_key(m): c for c in clusters for m in c.members}


def cluster_of(quote: Quote, index: dict[MemberKey, Cluster], by_id: dict[str, Cluster]) -> Cluster | None:
    """The quote's cluster: by membership, else by the id in `quote.cluster`."""
    return index.get(member_key(quote)) or by_id.get(quote.cluster or "")


def quote_contexts(document: Document, quotes: Iterable[Quote]) -> dict[MemberKey, str]:
    """The context sentence of each of the document's quotes (`quotes.output.context`), for `write_csv`."""
    return {member_key(q): context_sentence(document.text, q.start, q.end).line for q in quotes}


# --- JSON and JSONL ---------------------------------------------------------------------------


def member_record(quote: Quote, first_sources: tuple[str, ...]) -> dict[str, object]:
    """`Quote.to_record()` and `first_published`: whether its source published its cluster first."""
    return {**quote.to_record(), "first_published": quote.source in first_sources}


def write_jsonl(quotes: Iterable[Quote], out: TextIO, clusters: list[Cluster] | None = None) -> None:
    """One JSON object per line, as `Quote.to_record()` (the contract of shared/eval/score.py);
    with `clusters`, each also says `first_published` (`member_record`)."""
    index, by_id = cluster_index(clusters or []), {c.id: c for c in clusters or []}
    first = {c.id: cluster_summary(c).first_sources for c in clusters or []}
    for quote in quotes:
        cluster = cluster_of(quote, index, by_id) if clusters else None
        record = member_record(quote, first[cluster.id]) if cluster else quote.to_record()
        out.write(json.dumps(record, ensure_ascii=False) + "\n")


def cluster_record(cluster: Cluster) -> dict[str, object]:
    summary = cluster_summary(cluster)
    return {
        "id": summary.id,
        "speaker": summary.speaker,
        "text": summary.text,
        "sources_count": summary.sources_count,
        "references": summary.references,
        "sources": list(summary.sources),
        "flags": list(summary.flags),
        "first_sources": list(summary.first_sources),
        "members": [member_record(m, summary.first_sources) for m in cluster.members],
    }


def _json_document(quotes: list[Quote], clusters: list[Cluster] | None) -> object:
    if clusters is None:
        return [q.to_record() for q in quotes]
    document: dict[str, object] = {"clusters": [cluster_record(c) for c in clusters]}
    index = cluster_index(clusters)
    left_over = [q.to_record() for q in quotes if member_key(q) not in index]
    if left_over:
        document["unclustered"] = left_over
    return document


def write_json(quotes: list[Quote], clusters: list[Cluster] | None, out: TextIO) -> None:
    """A JSON array of records; with clusters, `{"clusters": [...]}` with each cluster's members.

    Quotes that belong to no cluster are kept under "unclustered" (present only when there are some).
    """
    json.dump(_json_document(quotes, clusters), out, ensure_ascii=False, indent=2)
    out.write("\n")


# --- CSV --------------------------------------------------------------------------------------


def neutralise_formula(value: str) -> str:
    """Prefix `'` to a cell a spreadsheet would run as a formula (OWASP CSV injection advice)."""
    return "'" + value if value.startswith(FORMULA_TRIGGERS) else value


def _cell(value: object) -> str:
    return neutralise_formula("" if value is None else str(value))


def quote_row(quote: Quote, summary: ClusterSummary | None, context: str | None = None) -> list[object]:
    """A quote's CSV row; its cluster's wording, flags and first publishers from `summary`."""
    return [
        quote.speaker,
        quote.speaker_mention,
        quote.speaker_role,
        quote.speaker_kind,
        quote.speaker_id,
        quote.kind,
        quote.text,
        context,
        quote.source,
        quote.meta.outlet,
        quote.meta.date,
        quote.meta.url,
        quote.line,
        quote.paragraph,
        quote.start,
        quote.end,
        quote.cue,
        quote.via,
        summary.id if summary else quote.cluster,
        summary.text if summary else None,
        SOURCES_SEPARATOR.join(summary.flags) if summary else None,
        summary.sources_count if summary else 1,
        summary.references if summary else 1,
        "yes" if summary and quote.source in summary.first_sources else None,
    ]


def cluster_row(cluster: Cluster) -> list[object]:
    summary = cluster_summary(cluster)
    return [
        summary.id,
        summary.speaker,
        summary.text,
        summary.sources_count,
        summary.references,
        SOURCES_SEPARATOR.join(summary.sources),
        SOURCES_SEPARATOR.join(summary.flags),
        SOURCES_SEPARATOR.join(summary.first_sources),
    ]


def write_csv(
    quotes: Iterable[Quote],
    out: TextIO,
    per_cluster: list[Cluster] | None = None,
    clusters: list[Cluster] | None = None,
    contexts: Mapping[MemberKey, str] | None = None,
) -> None:
    """RFC 4180 CSV with readable headers, every cell neutralised against formulas.

    One row per quote, with its cluster's agreed wording and flags (from `clusters`); "Sources
    count" is the number of distinct sources in the quote's cluster (else 1), "References" the
    number of its distinct places (`source:line`; else 1), "First published" says "yes" when the
    quote's source is one that published the cluster first, and "Context" is the quote's sentence
    from `contexts` (`quote_contexts`; empty without). With `per_cluster`,
    one row per cluster instead (`quotes` unused), its sources ("source:line") joined by "; " in
    one cell. Open `out` with `CSV_ENCODING` and `newline=""` (see `open_output`).
    """
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    if per_cluster is not None:
        rows = [cluster_row(c) for c in per_cluster]
        headers: tuple[str, ...] = CSV_CLUSTER_HEADERS
    else:
        index = cluster_index(clusters or [])
        by_id = {c.id: c for c in clusters or []}
        summaries = {c.id: cluster_summary(c) for c in clusters or []}
        rows = []
        for quote in quotes:
            cluster = cluster_of(quote, index, by_id)
            context = contexts.get(member_key(quote)) if contexts else None
            rows.append(quote_row(quote, summaries[cluster.id] if cluster else None, context))
        headers = CSV_HEADERS
    writer.writerow(headers)
    writer.writerows([_cell(v) for v in row] for row in rows)


SPEAKER_HEADERS = ("Speaker", "Kinds", "Spellings seen", "Quotes", "Sources", "Id")


def speaker_row(summary: SpeakerSummary) -> list[object]:
    record = summary.to_record()
    return [
        record["speaker"],
        SOURCES_SEPARATOR.join(record["kinds"]),
        SOURCES_SEPARATOR.join(record["spellings"]),
        record["quotes"],
        record["sources"],
        record["id"],
    ]


def write_speakers_csv(summaries: Iterable[SpeakerSummary], out: TextIO) -> None:
    """One row per speaker identity, cells neutralised like the quotes CSV."""
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(SPEAKER_HEADERS)
    writer.writerows([_cell(v) for v in speaker_row(s)] for s in summaries)


def write_speakers_json(summaries: Iterable[SpeakerSummary], out: TextIO) -> None:
    json.dump([s.to_record() for s in summaries], out, ensure_ascii=False, indent=2)
    out.write("\n")
