"""`quotes extract --since/--until/--outlet`: keeping sources by their date and outlet."""

from __future__ import annotations

import csv
import fnmatch
import io
import json
import sqlite3
import tomllib
from contextlib import closing
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotes.cli import app

pytestmark = pytest.mark.model

REPO = Path(__file__).resolve().parents[1]

STORY = '"The cranes will run again by June," Ines Falk said.\n'


def article(folder: Path, name: str, outlet: str, date: str | None) -> None:
    front = f"---\noutlet: {outlet}\n" + (f"date: {date}\n" if date else "") + "---\n"
    (folder / name).write_text(front + STORY, encoding="utf-8")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    article(tmp_path, "wire.txt", "Wire Service", "2024-08-06")
    article(tmp_path, "paper.txt", "Daily Paper", "2024-08-07T18:30:00+02:00")
    article(tmp_path, "weekly.txt", "The Weekly", "2024-08-09")
    article(tmp_path, "blog.txt", "Harbour Blog", None)
    return tmp_path


def outlets(result) -> list[str]:
    assert result.exit_code == 0, result.output
    return sorted(json.loads(line)["outlet"] for line in result.stdout.splitlines())


def run(corpus: Path, *options: str):
    return CliRunner().invoke(app, ["extract", str(corpus), "--format", "jsonl", *options])


def test_since_and_until_keep_the_sources_dated_within_the_range_both_days_included(corpus: Path) -> None:
    assert outlets(run(corpus, "--since", "2024-08-07", "--until", "2024-08-09")) == ["Daily Paper", "The Weekly"]


def test_a_date_filter_drops_undated_sources_with_one_warning_that_counts_them(corpus: Path) -> None:
    result = run(corpus, "--until", "2024-08-06")
    assert outlets(result) == ["Wire Service"]
    [warning] = [line for line in result.stderr.splitlines() if "no date" in line]
    assert warning == "quotes: warning: 1 source with no date left out by --since/--until"


def test_outlet_keeps_the_named_outlets_in_any_case(corpus: Path) -> None:
    assert outlets(run(corpus, "--outlet", "the weekly", "--outlet", "HARBOUR BLOG")) == ["Harbour Blog", "The Weekly"]


def test_outlet_and_dates_together_keep_what_both_allow(corpus: Path) -> None:
    assert outlets(run(corpus, "--outlet", "the weekly", "--outlet", "wire service", "--since", "2024-08-07")) == ["The Weekly"]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--since", "7 August"], "--since '7 August' is not a date; use YYYY-MM-DD"),
        (["--until", "2024-02-30"], "--until '2024-02-30' is not a date; use YYYY-MM-DD"),
        (["--since", "2024-08-09", "--until", "2024-08-07"], "--since 2024-08-09 is after --until 2024-08-07"),
    ],
)
def test_a_bad_date_is_a_one_line_error_with_exit_2(corpus: Path, options: list[str], message: str) -> None:
    result = run(corpus, *options)
    assert result.exit_code == 2
    assert result.stderr == f"quotes: error: {message}\n"


def test_clusters_keep_their_ids_under_a_filter(corpus: Path) -> None:
    every = {json.loads(line)["cluster"] for line in run(corpus).stdout.splitlines()}
    kept = {json.loads(line)["cluster"] for line in run(corpus, "--outlet", "The Weekly").stdout.splitlines()}
    assert len(every) == 1 and kept == every


# --- the built-in seeds' manifest ---------------------------------------------------------------


def test_the_seeds_show_what_their_manifest_tells_in_jsonl() -> None:
    result = CliRunner().invoke(app, ["extract", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    by_file: dict[str, set[tuple[str | None, str | None]]] = {}
    for record in map(json.loads, result.stdout.splitlines()):
        by_file.setdefault(Path(record["source"]).name, set()).add((record["outlet"], record["date"]))
    assert by_file == {
        "000_7e07f2c40bbd63cd.txt": {("000_7e07f2c40bbd63cd", None)},  # nothing told: the file's name
        "001_02f6dcc6eab3d69a.txt": {("001_02f6dcc6eab3d69a", None)},
        "002_20ba92d8e127677f.txt": {("The Associated Press", None)},
        "003_8f0f57617b2ce740.txt": {("003_8f0f57617b2ce740", "2024-08-07")},
        "004_cdd135c30a0d5811.txt": {("004_cdd135c30a0d5811", "2024-08-07")},
    }


def test_every_file_of_the_seeds_ships_as_package_data() -> None:
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    shipped = pyproject["tool"]["setuptools"]["package-data"]["quotes.seeds"]
    files = [path.name for path in (REPO / "seeds").iterdir()]
    assert "sources.toml" in files
    assert all(any(fnmatch.fnmatch(name, pattern) for pattern in shipped) for name in files)


# --- the CSV columns ----------------------------------------------------------------------------


def test_csv_through_the_cli_carries_context_cluster_wording_and_first_publisher(corpus: Path) -> None:
    result = CliRunner().invoke(app, ["extract", str(corpus), "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout.lstrip("\ufeff"))))
    assert {row["Context"] for row in rows} == {STORY.strip()}
    assert {row["Cluster wording"] for row in rows} == {"The cranes will run again by June,"}
    assert {row["Speaker kind"] for row in rows} == {"person"}
    assert [row["Outlet"] for row in rows if row["First published"] == "yes"] == ["Wire Service"]


def test_sqlite_through_the_cli_has_a_speakers_table_the_quotes_point_to(corpus: Path, tmp_path: Path) -> None:
    database = tmp_path / "quotes.db"
    result = CliRunner().invoke(app, ["extract", str(corpus), "--format", "sqlite", "-o", str(database)])
    assert result.exit_code == 0, result.output
    with closing(sqlite3.connect(database)) as db:
        speakers = db.execute("SELECT name, kind, spellings, utterances, quotes, sources FROM speakers").fetchall()
        joined = db.execute("SELECT count(*) FROM quotes JOIN speakers ON speakers.id = quotes.speaker_id").fetchone()[0]
        first = db.execute(
            "SELECT sources.outlet FROM quotes JOIN sources ON sources.id = source_id WHERE first_published"
        ).fetchall()
    assert speakers == [("Ines Falk", "person", "Ines Falk", 1, 4, 4)]
    assert joined == 4
    assert first == [("Wire Service",)]


def test_sqlite_sources_lists_every_source_kept_even_one_without_quotes(corpus: Path, tmp_path: Path) -> None:
    (corpus / "quiet.txt").write_text("---\noutlet: The Weekly\n---\nThe port was quiet on Monday.\n", encoding="utf-8")
    database = tmp_path / "quotes.db"
    options = ["--format", "sqlite", "-o", str(database), "--outlet", "the weekly"]
    result = CliRunner().invoke(app, ["extract", str(corpus), *options])
    assert result.exit_code == 0, result.output
    with closing(sqlite3.connect(database)) as db:
        paths = [Path(path).name for (path,) in db.execute("SELECT path FROM sources ORDER BY path")]
    assert paths == ["quiet.txt", "weekly.txt"]
