"""The SQLite export: tables sources, speakers, clusters and quotes, for Datasette or any SQL tool.

Each quote row points to its source (`source_id`), its speaker's identity (`speaker_id`, a row of
`speakers`: Datasette shows its name and facets by it) and its cluster (`cluster_id`).
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from collections import defaultdict
from collections.abc import Mapping
from contextlib import closing
from pathlib import Path

from quotes.corpus.clusters import cluster_summary
from quotes.corpus.identities import SpeakerDirectory, summarise_speakers
from quotes.models import Cluster, Quote, SourceMeta
from quotes.output.export import SOURCES_SEPARATOR, cluster_index, cluster_of
from quotes.output.files import OutputTarget, replacing, stream_to

SOURCE_FIELDS = ("outlet", "date", "url", "title", "author", "description")  # of SourceMeta
SQLITE_SCHEMA = """
CREATE TABLE sources (
    id INTEGER PRIMARY KEY,
    path TEXT UNIQUE NOT NULL,
    outlet TEXT,
    date TEXT,
    url TEXT,
    title TEXT,
    author TEXT,
    description TEXT
);
CREATE TABLE speakers (
    id INTEGER PRIMARY KEY,
    name TEXT UNIQUE NOT NULL,
    kind TEXT,
    known_id TEXT,
    spellings TEXT,
    utterances INTEGER,
    quotes INTEGER,
    sources INTEGER
);
CREATE TABLE clusters (
    id TEXT PRIMARY KEY, speaker TEXT, text TEXT, sources_count INTEGER, references_count INTEGER, flags TEXT, first_sources TEXT
);
CREATE TABLE quotes (
    id INTEGER PRIMARY KEY,
    source_id INTEGER NOT NULL REFERENCES sources(id),
    start INTEGER,
    "end" INTEGER,
    line INTEGER,
    text TEXT,
    kind TEXT,
    speaker TEXT,
    speaker_id INTEGER REFERENCES speakers(id),
    speaker_mention TEXT,
    speaker_role TEXT,
    cue TEXT,
    via TEXT,
    cluster_id TEXT REFERENCES clusters(id),
    first_published INTEGER
);
CREATE INDEX quotes_speaker ON quotes(speaker);
CREATE INDEX quotes_speaker_id ON quotes(speaker_id);
CREATE INDEX quotes_cluster_id ON quotes(cluster_id);
"""


def _insert_sources(db: sqlite3.Connection, quotes: list[Quote], sources: Mapping[str, SourceMeta]) -> dict[str, int]:
    """Every source read (`sources`, with no quotes too) and every source a quote names."""
    metas = {**{q.source: q.meta for q in reversed(quotes)}, **sources}  # as read, else as its first quote carries it
    paths = list(dict.fromkeys([*sources, *(q.source for q in quotes)]))
    rows = [(i, p, *(getattr(metas[p], name) for name in SOURCE_FIELDS)) for i, p in enumerate(paths, start=1)]
    columns = ", ".join(("id", "path", *SOURCE_FIELDS))
    db.executemany(f"INSERT INTO sources ({columns}) VALUES ({', '.join('?' * (len(SOURCE_FIELDS) + 2))})", rows)
    return {path: i for i, path in enumerate(paths, start=1)}


def _insert_clusters(db: sqlite3.Connection, clusters: list[Cluster]) -> None:
    rows = []
    for cluster in clusters:
        s = cluster_summary(cluster)
        first = SOURCES_SEPARATOR.join(s.first_sources)
        rows.append((s.id, s.speaker, s.text, s.sources_count, s.references, SOURCES_SEPARATOR.join(s.flags), first))
    db.executemany("INSERT INTO clusters VALUES (?, ?, ?, ?, ?, ?, ?)", rows)


def _insert_speakers(
    db: sqlite3.Connection, quotes: list[Quote], clusters: list[Cluster], directory: SpeakerDirectory
) -> dict[str, int]:
    """One row per identity (`summarise_speakers`), with how many utterances (clusters) it has."""
    index, by_id = cluster_index(clusters), {c.id: c for c in clusters}
    utterances: dict[str, set[str]] = defaultdict(set)
    for quote in quotes:
        if quote.speaker:
            cluster = cluster_of(quote, index, by_id)
            utterances[quote.speaker].add(cluster.id if cluster else f"{quote.source}:{quote.start}")
    rows = []
    for number, summary in enumerate(summarise_speakers(quotes, directory), start=1):
        record = summary.to_record()
        kinds, spellings = SOURCES_SEPARATOR.join(record["kinds"]), SOURCES_SEPARATOR.join(record["spellings"])
        rows.append(
            (number, summary.name, kinds, summary.id, spellings, len(utterances[summary.name]), summary.quotes, record["sources"])
        )
    db.executemany("INSERT INTO speakers VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
    return {row[1]: row[0] for row in rows}


def _insert_quotes(
    db: sqlite3.Connection, quotes: list[Quote], clusters: list[Cluster], source_ids: dict[str, int], speaker_ids: dict[str, int]
) -> None:
    index, by_id = cluster_index(clusters), {c.id: c for c in clusters}
    first = {c.id: cluster_summary(c).first_sources for c in clusters}
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
                speaker_ids.get(quote.speaker or ""),
                quote.speaker_mention,
                quote.speaker_role,
                quote.cue,
                quote.via,
                cluster.id if cluster else None,
                int(cluster is not None and quote.source in first[cluster.id]),
            )
        )
    db.executemany(
        'INSERT INTO quotes (source_id, start, "end", line, text, kind, speaker, speaker_id, speaker_mention, speaker_role,'
        " cue, via, cluster_id, first_published) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )


def write_sqlite_output(
    quotes: list[Quote],
    clusters: list[Cluster],
    target: OutputTarget,
    force: bool,
    directory: SpeakerDirectory | None = None,
    sources: Mapping[str, SourceMeta] | None = None,
) -> None:
    """The SQLite database to a target: a regular file as `write_sqlite`; a stream gets the finished file's bytes."""
    if target.file is not None:
        write_sqlite(quotes, clusters, target.file, force, directory, sources)
        return
    with tempfile.TemporaryDirectory(prefix="quotes-") as folder:
        built = Path(folder) / "quotes.sqlite"
        write_sqlite(quotes, clusters, built, directory=directory, sources=sources)
        with built.open("rb") as data, stream_to(target) as out:
            shutil.copyfileobj(data, out)


def write_sqlite(
    quotes: list[Quote],
    clusters: list[Cluster],
    path: Path,
    force: bool = False,
    directory: SpeakerDirectory | None = None,
    sources: Mapping[str, SourceMeta] | None = None,
) -> None:
    """A new SQLite database at `path`: tables sources, speakers, clusters, quotes (lists joined by "; ").

    `directory` (the known speakers) tells which mentions are spellings of a speaker's name;
    `sources` (path -> metadata, as read) adds the sources in which no quote was found.
    Built in a temporary file next to `path` and moved into place, so an existing database is
    never added to; it is replaced only with `force`.
    """
    with replacing(path, force, tidy=True) as temp, closing(sqlite3.connect(temp)) as db:
        db.executescript(SQLITE_SCHEMA)
        with db:
            source_ids = _insert_sources(db, quotes, sources or {})
            speaker_ids = _insert_speakers(db, quotes, clusters, directory or SpeakerDirectory())
            _insert_clusters(db, clusters)
            _insert_quotes(db, quotes, clusters, source_ids, speaker_ids)
