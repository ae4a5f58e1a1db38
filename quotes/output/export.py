"""Write quotes and clusters to files: CSV (for Excel/Sheets), JSON, JSONL and SQLite.

Pure functions over `Quote` and `Cluster`; no spaCy. Files the user names are written atomically
(temporary file in the same folder, then `os.replace`) and never overwritten without `--force`:

    check_output_path(path, force)             # OutputExists / OutputPathError before any work
    with open_output(path, force, "csv") as out:
        write_csv(quotes, out, clusters=clusters)

CSV files must be opened with `CSV_ENCODING` ("utf-8-sig"), so that the file starts with the
UTF-8 byte-order mark and Excel reads accented names correctly; `open_output` does this. On
stdout no byte-order mark is written: that is the caller's choice (it only helps files).
"""

from __future__ import annotations

import csv
import fcntl
import json
import os
import re
import secrets
import shutil
import sqlite3
import stat
import sys
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO, TextIO

from quotes.corpus.clusters import cluster_summary
from quotes.corpus.identities import SpeakerSummary
from quotes.models import Cluster, Quote

FORMATS = ("table", "csv", "json", "jsonl", "sqlite")
CSV_ENCODING = "utf-8-sig"
TEXT_ENCODING = "utf-8"

CSV_HEADERS = (
    "Speaker",
    "Speaker as written",
    "Kind",
    "Quote",
    "Source",
    "Line",
    "Start",
    "End",
    "Cue",
    "Via",
    "Cluster",
    "Sources count",
)
CSV_CLUSTER_HEADERS = ("Cluster", "Speaker", "Quote", "Sources count", "Sources", "Flags")
SOURCES_SEPARATOR = "; "

# OWASP "CSV injection": a cell starting with one of these is run as a formula by spreadsheets.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


# --- output paths -----------------------------------------------------------------------------


class OutputExists(Exception):
    """The output file exists and --force was not given."""


class OutputPathError(ValueError):
    """The output path cannot be written: its folder is missing, or it is a folder, a device or a FIFO."""


def _file_type(path: Path) -> int | None:
    """The `st_mode` of what `path` names, through symbolic links; None when nothing is there."""
    try:
        return path.stat().st_mode
    except FileNotFoundError:
        return None
    except OSError as err:
        raise OutputPathError(f"{path}: {(err.strerror or str(err)).lower()}") from err


def check_output_path(path: Path, force: bool) -> None:
    """Refuse a path whose folder is missing, that is not a regular file, or that exists (unless `force`)."""
    mode = _file_type(path)
    if mode is not None and stat.S_ISDIR(mode):
        raise OutputPathError(f"{path} is a folder; give a file name")
    if mode is not None and not stat.S_ISREG(mode):
        raise OutputPathError(f"{path} is not a regular file; it is never replaced")
    folder = Path(os.path.realpath(path)).parent
    if not folder.is_dir():
        raise OutputPathError(f"folder {folder} does not exist; create it first")
    if mode is not None and not force:
        raise OutputExists(f"{path} exists; use --force to overwrite")


STDOUT = "-"


@dataclass(frozen=True)
class OutputTarget:
    """Where `-o` writes: a regular file, replaced atomically, or a stream written in place.

    A stream is standard output (`-`), a FIFO or a character device (`/dev/null`, a terminal).
    A symbolic link is written through: its target is replaced, the link stays.
    """

    given: Path
    file: Path | None  # the regular file to replace, None for a stream


def output_target(path: Path, force: bool) -> OutputTarget:
    """What `path` is as an output; OutputExists / OutputPathError before any work."""
    if str(path) == STDOUT:
        return OutputTarget(path, None)
    mode = _file_type(path)
    if mode is not None and (stat.S_ISFIFO(mode) or stat.S_ISCHR(mode)):
        return OutputTarget(path, None)
    check_output_path(path, force)
    file = Path(os.path.realpath(path))
    _probe(file)
    return OutputTarget(path, file)


@contextmanager
def _stream(target: OutputTarget) -> Iterator[BinaryIO]:
    if str(target.given) == STDOUT:
        sys.stdout.flush()
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    with target.given.open("wb") as out:
        yield out


def write_output(target: OutputTarget, text: str, encoding: str, force: bool) -> None:
    """Write `text` to a target: a regular file atomically (replaced only with `force`), a stream as is."""
    if target.file is not None:
        atomic_write_text(target.file, text, encoding, force=force, tidy=True)
        return
    with _stream(target) as out:
        out.write(text.encode(encoding))


TEMP_TOKEN_HEX = 8  # hex digits of the random part of a temporary name
SQLITE_SIDE_FILES = ("-journal", "-wal", "-shm")  # what SQLite keeps beside a database while it writes
NAME_MAX = 255  # bytes in a file name, on every common filesystem
TEMP_NAME_BUDGET = NAME_MAX - len(f"..{'0' * TEMP_TOKEN_HEX}.tmp") - max(map(len, SQLITE_SIDE_FILES))


def _temp_stem(name: str) -> str:
    """`name`, cut to the bytes that leave room for the temporary name's additions."""
    encoded = os.fsencode(name)
    return name if len(encoded) <= TEMP_NAME_BUDGET else os.fsdecode(encoded[:TEMP_NAME_BUDGET])


def _temp_path_for(path: Path) -> Path:
    """A hidden, unused name next to `path`, so that `os.replace` stays on one filesystem."""
    return path.with_name(f".{_temp_stem(path.name)}.{secrets.token_hex(TEMP_TOKEN_HEX // 2)}.tmp")


def is_temp_name(name: str, target: str) -> bool:
    """Whether `name` is one of the temporary names `atomic_write_text` uses for a file called `target`."""
    return re.fullmatch(rf"\.{re.escape(_temp_stem(target))}\.[0-9a-f]{{{TEMP_TOKEN_HEX}}}\.tmp", name) is not None


def _probe(path: Path) -> None:
    """Create and remove a temporary file beside `path`: an unwritable target fails now, not after the work."""
    temp = _temp_path_for(path)
    try:
        os.close(os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
    except OSError as err:
        raise OutputPathError(f"{path}: cannot write there: {(err.strerror or str(err)).lower()}") from err
    temp.unlink(missing_ok=True)


def _is_abandoned(temp: Path) -> bool:
    """Whether no live process holds the lock a writer takes on its temporary file (it dies with the writer)."""
    try:
        fd = os.open(temp, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return False
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return False
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError:  # BlockingIOError: a live writer
        return False
    finally:
        os.close(fd)


def remove_stale_temps(path: Path) -> None:
    """Remove the temporary files (and SQLite side files) that killed writers of `path` left beside it."""
    try:
        names = set(os.listdir(path.parent))
    except OSError:
        return
    for name in names:
        base = next((name.removesuffix(side) for side in SQLITE_SIDE_FILES if name.endswith(side)), name)
        if not is_temp_name(base, path.name):
            continue
        if base != name and base not in names:  # a side file whose database is gone
            (path.parent / name).unlink(missing_ok=True)
        elif base == name and _is_abandoned(path.parent / name):
            for stale in (name, *(name + side for side in SQLITE_SIDE_FILES)):
                (path.parent / stale).unlink(missing_ok=True)


@contextmanager
def _replacing(path: Path, force: bool, tidy: bool = False) -> Iterator[Path]:
    """Yield a temporary path to fill; on success it replaces `path`, on error it is removed.

    The temporary file exists and is locked (flock) while it is filled, so that a later writer with
    `tidy` can tell a dead writer's leftovers from a live one's.
    """
    path = Path(os.path.realpath(path))  # through a symbolic link: the link stays, its target is replaced
    check_output_path(path, force)
    if tidy:
        remove_stale_temps(path)
    temp = _temp_path_for(path)
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield temp
        check_output_path(path, force)  # someone may have created it meanwhile
        os.replace(temp, path)
    finally:
        for leftover in (temp, *(Path(f"{temp}{side}") for side in SQLITE_SIDE_FILES)):
            leftover.unlink(missing_ok=True)
        os.close(fd)


@contextmanager
def _atomic_open(path: Path, force: bool, encoding: str, tidy: bool = False) -> Iterator[TextIO]:
    # newline="": written exactly as given.
    with _replacing(path, force, tidy) as temp, temp.open("w", encoding=encoding, newline="") as out:
        yield out
        out.flush()
        os.fsync(out.fileno())


def atomic_write_text(path: Path, text: str, encoding: str = TEXT_ENCODING, *, force: bool = False, tidy: bool = False) -> None:
    """Write `text` to `path` all at once: readers see the old file or the new one, never half of it.

    An existing file is replaced only with `force`; with `tidy`, temporary files that killed writers
    of `path` left are removed first.
    """
    with _atomic_open(path, force, encoding, tidy) as out:
        out.write(text)


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
    with _atomic_open(path, force, CSV_ENCODING if fmt == "csv" else TEXT_ENCODING) as out:
        yield out


# --- cluster summaries ------------------------------------------------------------------------


def sources_count(cluster: Cluster) -> int:
    """How many distinct sources report the cluster."""
    return len({m.source for m in cluster.members})


def restrict_clusters(clusters: Iterable[Cluster], quotes: Iterable[Quote]) -> list[Cluster]:
    """The clusters that keep a member among `quotes` (after a filter), with only those members."""
    kept = {id(q) for q in quotes}
    restricted = [replace(c, members=[m for m in c.members if id(m) in kept]) for c in clusters]
    return [c for c in restricted if c.members]


def _member_key(quote: Quote) -> tuple[str, int, int, str]:
    return (quote.source, quote.start, quote.end, quote.kind)


def cluster_index(clusters: Iterable[Cluster]) -> dict[tuple[str, int, int, str], Cluster]:
    """Map each member (by source, offsets and kind) to its cluster."""
    return {_member_key(m): c for c in clusters for m in c.members}


def cluster_of(quote: Quote, index: dict[tuple[str, int, int, str], Cluster], by_id: dict[str, Cluster]) -> Cluster | None:
    """The quote's cluster: by membership, else by the id in `quote.cluster`."""
    return index.get(_member_key(quote)) or by_id.get(quote.cluster or "")


# --- JSON and JSONL ---------------------------------------------------------------------------


def write_jsonl(quotes: Iterable[Quote], out: TextIO) -> None:
    """One JSON object per line, as `Quote.to_record()` (the contract of shared/eval/score.py)."""
    for quote in quotes:
        out.write(json.dumps(quote.to_record(), ensure_ascii=False) + "\n")


def cluster_record(cluster: Cluster) -> dict[str, object]:
    summary = cluster_summary(cluster)
    return {
        "id": summary.id,
        "speaker": summary.speaker,
        "text": summary.text,
        "sources_count": summary.sources_count,
        "sources": list(summary.sources),
        "flags": list(summary.flags),
        "members": [m.to_record() for m in cluster.members],
    }


def _json_document(quotes: list[Quote], clusters: list[Cluster] | None) -> object:
    if clusters is None:
        return [q.to_record() for q in quotes]
    document: dict[str, object] = {"clusters": [cluster_record(c) for c in clusters]}
    index = cluster_index(clusters)
    left_over = [q.to_record() for q in quotes if _member_key(q) not in index]
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


def quote_row(quote: Quote, cluster: Cluster | None) -> list[object]:
    return [
        quote.speaker,
        quote.speaker_mention,
        quote.kind,
        quote.text,
        quote.source,
        quote.line,
        quote.start,
        quote.end,
        quote.cue,
        quote.via,
        cluster.id if cluster else quote.cluster,
        sources_count(cluster) if cluster else 1,
    ]


def cluster_row(cluster: Cluster) -> list[object]:
    summary = cluster_summary(cluster)
    return [
        summary.id,
        summary.speaker,
        summary.text,
        summary.sources_count,
        SOURCES_SEPARATOR.join(summary.sources),
        SOURCES_SEPARATOR.join(summary.flags),
    ]


def write_csv(
    quotes: Iterable[Quote],
    out: TextIO,
    per_cluster: list[Cluster] | None = None,
    clusters: list[Cluster] | None = None,
) -> None:
    """RFC 4180 CSV with readable headers, every cell neutralised against formulas.

    One row per quote; "Sources count" is the number of distinct sources in the quote's cluster
    (from `clusters`, else 1). With `per_cluster`, one row per cluster instead (`quotes` unused),
    its sources ("source:line") joined by "; " in one cell.
    Open `out` with `CSV_ENCODING` and `newline=""` (see `open_output`).
    """
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    if per_cluster is not None:
        rows = [cluster_row(c) for c in per_cluster]
        headers: tuple[str, ...] = CSV_CLUSTER_HEADERS
    else:
        index = cluster_index(clusters or [])
        by_id = {c.id: c for c in clusters or []}
        rows = [quote_row(q, cluster_of(q, index, by_id)) for q in quotes]
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


# --- SQLite -----------------------------------------------------------------------------------

SQLITE_SCHEMA = """
CREATE TABLE sources (id INTEGER PRIMARY KEY, path TEXT UNIQUE NOT NULL);
CREATE TABLE clusters (id TEXT PRIMARY KEY, speaker TEXT, text TEXT, sources_count INTEGER, flags TEXT);
CREATE TABLE quotes (
    id INTEGER PRIMARY KEY,
    source_id INTEGER NOT NULL REFERENCES sources(id),
    start INTEGER,
    "end" INTEGER,
    line INTEGER,
    text TEXT,
    kind TEXT,
    speaker TEXT,
    speaker_mention TEXT,
    cue TEXT,
    via TEXT,
    cluster_id TEXT REFERENCES clusters(id)
);
CREATE INDEX quotes_speaker ON quotes(speaker);
CREATE INDEX quotes_cluster_id ON quotes(cluster_id);
"""


def _insert_sources(db: sqlite3.Connection, quotes: list[Quote]) -> dict[str, int]:
    paths = list(dict.fromkeys(q.source for q in quotes))
    db.executemany("INSERT INTO sources (id, path) VALUES (?, ?)", enumerate(paths, start=1))
    return {path: i for i, path in enumerate(paths, start=1)}


def _insert_clusters(db: sqlite3.Connection, clusters: list[Cluster]) -> None:
    rows = []
    for cluster in clusters:
        s = cluster_summary(cluster)
        rows.append((s.id, s.speaker, s.text, s.sources_count, SOURCES_SEPARATOR.join(s.flags)))
    db.executemany("INSERT INTO clusters VALUES (?, ?, ?, ?, ?)", rows)


def _insert_quotes(db: sqlite3.Connection, quotes: list[Quote], clusters: list[Cluster], source_ids: dict[str, int]) -> None:
    index, by_id = cluster_index(clusters), {c.id: c for c in clusters}
    rows = []
    for quote in quotes:
        cluster = cluster_of(quote, index, by_id)
        rows.append(
            (
                source_ids[quote.source],
                quote.start,
                quote.end,
                quote.line,
                quote.text,
                quote.kind,
                quote.speaker,
                quote.speaker_mention,
                quote.cue,
                quote.via,
                cluster.id if cluster else None,
            )
        )
    db.executemany(
        'INSERT INTO quotes (source_id, start, "end", line, text, kind, speaker, speaker_mention, cue, via, cluster_id)'
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )


def write_sqlite_output(quotes: list[Quote], clusters: list[Cluster], target: OutputTarget, force: bool) -> None:
    """The SQLite database to a target: a regular file as `write_sqlite`; a stream gets the finished file's bytes."""
    if target.file is not None:
        write_sqlite(quotes, clusters, target.file, force)
        return
    with tempfile.TemporaryDirectory(prefix="quotes-") as folder:
        built = Path(folder) / "quotes.sqlite"
        write_sqlite(quotes, clusters, built)
        with built.open("rb") as data, _stream(target) as out:
            shutil.copyfileobj(data, out)


def write_sqlite(quotes: list[Quote], clusters: list[Cluster], path: Path, force: bool = False) -> None:
    """A new SQLite database at `path`: tables sources, quotes, clusters (flags joined by "; ").

    Built in a temporary file next to `path` and moved into place, so an existing database is
    never added to; it is replaced only with `force`.
    """
    with _replacing(path, force, tidy=True) as temp, closing(sqlite3.connect(temp)) as db:
        db.executescript(SQLITE_SCHEMA)
        with db:
            source_ids = _insert_sources(db, quotes)
            _insert_clusters(db, clusters)
            _insert_quotes(db, quotes, clusters, source_ids)
