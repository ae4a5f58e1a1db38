"""CSV, JSON, JSONL and SQLite output, and the rules for writing files the user names."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from quotes.corpus.clusters import cluster_quotes, cluster_summary
from quotes.models import Cluster, Document, Quote, SourceMeta
from quotes.output.export import (
    CSV_ENCODING,
    CSV_HEADERS,
    neutralise_formula,
    open_output,
    quote_contexts,
    write_csv,
    write_json,
    write_jsonl,
)
from quotes.output.files import OutputExists, atomic_write_text, check_output_path
from quotes.output.sqlite import write_sqlite

HARBOUR = "We will reopen the harbour by spring, whatever it costs."


def quote(source: str = "reuters.txt", text: str = HARBOUR, kind: str = "direct", line: int = 3, **extra: object) -> Quote:
    fields: dict[str, object] = {"start": 100, "end": 100 + len(text), "speaker": "Yulia Svyrydenko", "cue": "said"}
    fields.update(extra)
    return Quote(source=source, text=text, kind=kind, line=line, **fields)  # type: ignore[arg-type]


def harbour_cluster() -> tuple[list[Quote], Cluster]:
    quotes = [
        quote("reuters.txt", line=3, speaker_mention="Svyrydenko"),
        quote("ap.txt", text="We will reopen the harbour by spring", line=12, speaker_mention="the minister"),
        quote("reuters.txt", text="the harbour would reopen by spring", kind="indirect", line=1, start=0, end=34),
        quote("bbc.txt", text="whatever it costs", kind="partial", line=7, speaker="Julia Svyrydenko"),
    ]
    return quotes, Cluster("c1", members=list(quotes), flags=["wording differs"])


def csv_rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def csv_text(quotes: list[Quote], **kwargs: object) -> str:
    out = io.StringIO(newline="")
    write_csv(quotes, out, **kwargs)  # type: ignore[arg-type]
    return out.getvalue()


# --- CSV ----------------------------------------------------------------------------------------


def test_csv_written_through_open_output_starts_with_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "quotes.csv"
    with open_output(path, force=False, fmt="csv") as out:
        write_csv([quote()], out)
    assert CSV_ENCODING == "utf-8-sig"
    assert path.read_bytes().startswith(b"\xef\xbb\xbfSpeaker,")


def test_csv_rows_end_with_crlf() -> None:
    text = csv_text([quote()])
    assert text.count("\r\n") == 2
    assert "\n" not in text.replace("\r\n", "")


def test_csv_cell_with_comma_quote_and_newline_round_trips() -> None:
    awkward = 'Ports, roads and "everything else"\nwill be rebuilt.'
    text = csv_text([quote(text=awkward)])
    assert '"Ports, roads and ""everything else""\nwill be rebuilt."' in text
    assert csv_rows(text)[1][CSV_HEADERS.index("Quote")] == awkward


def test_csv_has_readable_headers() -> None:
    assert csv_rows(csv_text([]))[0] == [
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
    ]


@pytest.mark.parametrize("lead", ["=", "+", "-", "@", "\t", "\r"])
def test_neutralise_formula_prefixes_apostrophe_to_each_trigger(lead: str) -> None:
    assert neutralise_formula(lead + "SUM(A1:A9)") == "'" + lead + "SUM(A1:A9)"


def test_neutralise_formula_leaves_ordinary_text_alone() -> None:
    assert neutralise_formula("We will win = we will rebuild") == "We will win = we will rebuild"


def test_csv_neutralises_formula_in_every_text_cell() -> None:
    row = csv_rows(csv_text([quote(text='=HYPERLINK("http://x")', via="@kyivpost")]))[1]
    assert row[CSV_HEADERS.index("Quote")] == '\'=HYPERLINK("http://x")'
    assert row[CSV_HEADERS.index("Via")] == "'@kyivpost"


def test_csv_sources_count_is_one_without_clusters() -> None:
    assert csv_rows(csv_text([quote()]))[1][CSV_HEADERS.index("Sources count")] == "1"


def test_csv_sources_count_counts_distinct_sources_of_the_quotes_cluster() -> None:
    quotes, cluster = harbour_cluster()
    rows = csv_rows(csv_text(quotes, clusters=[cluster]))
    assert [(r[CSV_HEADERS.index("Cluster")], r[CSV_HEADERS.index("Sources count")]) for r in rows[1:]] == [("c1", "3")] * 4


def test_csv_references_count_the_distinct_places_of_the_quotes_cluster() -> None:
    quotes, cluster = harbour_cluster()
    rows = csv_rows(csv_text(quotes, clusters=[cluster]))
    assert {r[CSV_HEADERS.index("References")] for r in rows[1:]} == {"4"}
    assert csv_rows(csv_text([quote()]))[1][CSV_HEADERS.index("References")] == "1"


def test_csv_rows_carry_their_clusters_agreed_wording_and_flags() -> None:
    quotes, cluster = harbour_cluster()
    rows = csv_rows(csv_text(quotes, clusters=[cluster]))[1:]
    summary = cluster_summary(cluster)
    assert {(r[CSV_HEADERS.index("Cluster wording")], r[CSV_HEADERS.index("Flags")]) for r in rows} == {
        (summary.text, "wording differs")
    }


def test_csv_rows_carry_speaker_kind_id_and_paragraph() -> None:
    row = csv_rows(csv_text([quote(speaker_kind="person", speaker_id="Q3874799", paragraph=4)]))[1]
    assert [row[CSV_HEADERS.index(h)] for h in ("Speaker kind", "Speaker id", "Paragraph")] == ["person", "Q3874799", "4"]


def test_csv_marks_the_rows_of_the_first_publisher() -> None:
    quotes, cluster = dated_cluster()
    rows = csv_rows(csv_text(quotes, clusters=[cluster]))[1:]
    assert [(r[CSV_HEADERS.index("Outlet")], r[CSV_HEADERS.index("First published")]) for r in rows] == [
        ("Reuters", "yes"),
        ("AP", ""),
    ]


def test_csv_context_is_the_sentence_around_the_quote_in_its_document() -> None:
    text = 'The minister spoke in Odesa.\n\n"We will reopen the harbour by spring, whatever it costs," she said. Then she left.\n'
    start = text.index("We will")
    document = Document("reuters.txt", text)
    spoken = quote(start=start, end=start + len(HARBOUR) + 1)
    row = csv_rows(csv_text([spoken], contexts=quote_contexts(document, [spoken])))[1]
    assert row[CSV_HEADERS.index("Context")] == '"We will reopen the harbour by spring, whatever it costs," she said.'


def test_csv_per_cluster_gives_one_row_with_all_sources_in_one_cell() -> None:
    quotes, cluster = harbour_cluster()
    rows = csv_rows(csv_text(quotes, per_cluster=[cluster]))
    assert rows == [
        ["Cluster", "Speaker", "Quote", "Sources count", "References", "Sources", "Flags", "First published by"],
        [
            "c1",
            "Yulia Svyrydenko",
            HARBOUR,
            "3",
            "4",
            "ap.txt:12; bbc.txt:7; reuters.txt:1; reuters.txt:3",
            "wording differs",
            "",
        ],
    ]


# --- JSON and JSONL -----------------------------------------------------------------------------

CONTRACT_KEYS = {"source", "start", "end", "text", "type", "speaker", "cluster"}


def test_jsonl_writes_one_record_per_line_with_the_contract_keys() -> None:
    out = io.StringIO()
    write_jsonl([quote(), quote(kind="partial", text="whatever it costs")], out)
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(records) == 2
    assert all(record.keys() >= CONTRACT_KEYS for record in records)
    assert records[1]["type"] == "partial"


def test_jsonl_keeps_accented_names_readable() -> None:
    out = io.StringIO()
    write_jsonl([quote(speaker="Zoë Ó Briain")], out)
    assert "Zoë Ó Briain" in out.getvalue()


def test_json_without_clusters_is_an_array_of_records() -> None:
    out = io.StringIO()
    write_json([quote()], None, out)
    assert json.loads(out.getvalue()) == [quote().to_record()]


def test_json_with_clusters_summarises_each_cluster_and_lists_members() -> None:
    quotes, cluster = harbour_cluster()
    out = io.StringIO()
    write_json(quotes, [cluster], out)
    (entry,) = json.loads(out.getvalue())["clusters"]
    assert entry["id"] == "c1"
    assert entry["speaker"] == "Yulia Svyrydenko"
    assert entry["text"] == HARBOUR
    assert (entry["sources_count"], entry["references"]) == (3, 4)
    assert entry["sources"] == ["ap.txt:12", "bbc.txt:7", "reuters.txt:1", "reuters.txt:3"]
    assert entry["flags"] == ["wording differs"]
    assert [m["source"] for m in entry["members"]] == ["reuters.txt", "ap.txt", "reuters.txt", "bbc.txt"]


def dated_cluster() -> tuple[list[Quote], Cluster]:
    """The harbour statement in two outlets a day apart, the later one listed first."""
    late = quote("ap.txt", meta=SourceMeta(outlet="AP", date="2024-08-08"))
    early = quote("reuters.txt", meta=SourceMeta(outlet="Reuters", date="2024-08-07"))
    (cluster,) = cluster_quotes([late, early])
    return cluster.members, cluster


def test_json_cluster_lists_members_in_date_order_and_names_the_first_publisher() -> None:
    quotes, cluster = dated_cluster()
    out = io.StringIO()
    write_json(quotes, [cluster], out)
    (entry,) = json.loads(out.getvalue())["clusters"]
    assert [(m["outlet"], m["first_published"]) for m in entry["members"]] == [("Reuters", True), ("AP", False)]
    assert entry["first_sources"] == ["reuters.txt"]


def test_jsonl_with_clusters_says_which_records_come_from_the_first_publisher() -> None:
    quotes, cluster = dated_cluster()
    out = io.StringIO()
    write_jsonl(quotes, out, [cluster])
    assert [(r["outlet"], r["first_published"]) for r in map(json.loads, out.getvalue().splitlines())] == [
        ("Reuters", True),
        ("AP", False),
    ]


def test_csv_per_cluster_names_the_first_publisher() -> None:
    _, cluster = dated_cluster()
    header, row = csv_rows(csv_text([], per_cluster=[cluster]))
    assert row[header.index("First published by")] == "reuters.txt"
    assert row[header.index("Sources")] == "reuters.txt:3; ap.txt:3"


def test_sqlite_clusters_name_the_first_publisher(tmp_path: Path) -> None:
    quotes, cluster = dated_cluster()
    path = tmp_path / "quotes.sqlite"
    write_sqlite(quotes, [cluster], path)
    with closing(sqlite3.connect(path)) as db:
        assert db.execute("SELECT first_sources FROM clusters").fetchall() == [("reuters.txt",)]
        assert db.execute("SELECT sources_count, references_count FROM clusters").fetchall() == [(2, 2)]


def test_json_with_clusters_keeps_quotes_outside_every_cluster() -> None:
    quotes, cluster = harbour_cluster()
    stray = quote("guardian.txt", text="Nobody will be left behind.")
    out = io.StringIO()
    write_json([*quotes, stray], [cluster], out)
    assert [r["source"] for r in json.loads(out.getvalue())["unclustered"]] == ["guardian.txt"]


def test_cluster_wording_is_a_direct_quote_before_longer_reported_speech() -> None:
    short = quote(text="We will win.")
    reported = quote(kind="indirect", text="the country would win the war whatever the cost in the end")
    assert cluster_summary(Cluster("c", [reported, short])).text == "We will win."


# --- SQLite -------------------------------------------------------------------------------------


def test_sqlite_has_three_tables_with_one_row_per_source_quote_and_cluster(tmp_path: Path) -> None:
    quotes, cluster = harbour_cluster()
    path = tmp_path / "quotes.sqlite"
    write_sqlite(quotes, [cluster], path)
    db = sqlite3.connect(path)
    counts = {table: db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in ("sources", "quotes", "clusters")}
    linked = db.execute("SELECT count(*) FROM quotes JOIN clusters ON clusters.id = quotes.cluster_id").fetchone()[0]
    db.close()
    assert counts == {"sources": 3, "quotes": 4, "clusters": 1}
    assert linked == 4


def test_sqlite_speakers_has_one_row_per_identity_with_spellings_and_utterances(tmp_path: Path) -> None:
    quotes, cluster = harbour_cluster()
    other = quote("ap.txt", text="Nobody will be left behind.", start=500, speaker="Denys Shmyhal", speaker_mention="Shmyhal")
    path = tmp_path / "quotes.sqlite"
    write_sqlite([*quotes, other], [cluster, Cluster("c2", [other])], path)
    with closing(sqlite3.connect(path)) as db:
        rows = db.execute("SELECT name, kind, spellings, utterances, quotes, sources FROM speakers ORDER BY name").fetchall()
    assert rows == [
        ("Denys Shmyhal", "unknown", "Shmyhal", 1, 1, 1),
        ("Julia Svyrydenko", "unknown", "", 1, 1, 1),
        ("Yulia Svyrydenko", "unknown", "Svyrydenko", 1, 3, 2),
    ]


def test_sqlite_quotes_reference_their_speaker_by_speaker_id(tmp_path: Path) -> None:
    quotes, cluster = harbour_cluster()
    path = tmp_path / "quotes.sqlite"
    write_sqlite(quotes, [cluster], path)
    with closing(sqlite3.connect(path)) as db:
        joined = db.execute("SELECT quotes.speaker, speakers.name FROM quotes JOIN speakers ON speakers.id = quotes.speaker_id")
        pairs = joined.fetchall()
    assert len(pairs) == len(quotes) and all(speaker == name for speaker, name in pairs)


def test_sqlite_indexes_speaker_and_cluster(tmp_path: Path) -> None:
    path = tmp_path / "quotes.sqlite"
    write_sqlite([quote()], [], path)
    db = sqlite3.connect(path)
    indexed = {row[0] for row in db.execute("SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")}
    db.close()
    assert any("(speaker)" in sql for sql in indexed)
    assert any("(cluster_id)" in sql for sql in indexed)


def test_sqlite_refuses_to_write_into_an_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "quotes.sqlite"
    path.write_text("someone's notes")
    with pytest.raises(OutputExists):
        write_sqlite([quote()], [], path)
    assert path.read_text() == "someone's notes"


# --- output paths -------------------------------------------------------------------------------


def test_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    path = tmp_path / "draft.json"
    path.write_text("my draft")
    with pytest.raises(OutputExists, match=r"draft\.json exists; use --force to overwrite$"):
        check_output_path(path, force=False)
    assert path.read_text() == "my draft"


def test_overwrites_with_force(tmp_path: Path) -> None:
    path = tmp_path / "quotes.jsonl"
    path.write_text("old run\n")
    with open_output(path, force=True, fmt="jsonl") as out:
        write_jsonl([quote()], out)
    assert json.loads(path.read_text(encoding="utf-8"))["text"] == HARBOUR


def test_missing_folder_is_a_value_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="does not exist"):
        check_output_path(tmp_path / "no-such-folder" / "quotes.csv", force=True)


def test_atomic_write_leaves_no_temporary_file(tmp_path: Path) -> None:
    path = tmp_path / "quotes.json"
    atomic_write_text(path, "[]\n", "utf-8")
    assert [p.name for p in tmp_path.iterdir()] == ["quotes.json"]
    assert path.read_text() == "[]\n"


def test_failed_write_keeps_the_old_file_and_no_temporary_file(tmp_path: Path) -> None:
    path = tmp_path / "quotes.csv"
    path.write_text("yesterday's quotes")
    with pytest.raises(RuntimeError), open_output(path, force=True, fmt="csv") as out:
        out.write("half a row")
        raise RuntimeError("disk full")
    assert [p.name for p in tmp_path.iterdir()] == ["quotes.csv"]
    assert path.read_text() == "yesterday's quotes"
