"""The `quotes extract` command as a user runs it."""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
import sys

import pytest
import typer
from typer.testing import CliRunner

from quotes.cli import app, main

pytestmark = pytest.mark.model

STORY = 'Port director Ines Falk spoke on Monday.\n\n"The cranes will run again by June," Falk said.\n'


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def story(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


def test_jsonl_output_meets_the_scorer_contract(runner, story):
    result = runner.invoke(app, ["extract", str(story), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    [record] = [json.loads(line) for line in result.stdout.splitlines()]
    assert {"source", "start", "end", "text", "type", "speaker", "speaker_mention", "cue", "line", "cluster"} <= set(record)
    assert record["source"] == str(story)
    assert STORY[record["start"] : record["end"]] == record["text"] == "The cranes will run again by June,"
    assert record["speaker"] == "Ines Falk" and record["line"] == 3


def test_no_path_runs_on_the_builtin_seeds(runner):
    result = runner.invoke(app, ["extract", "--format", "jsonl", "--kind", "embed"])
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == 4


def test_stdin_is_read_with_a_dash(runner):
    result = runner.invoke(app, ["extract", "-", "--format", "jsonl"], input=STORY)
    assert result.exit_code == 0
    assert json.loads(result.stdout.splitlines()[0])["source"] == "<stdin>"


def test_missing_path_is_a_one_line_error_with_exit_2(runner, tmp_path):
    result = runner.invoke(app, ["extract", str(tmp_path / "missing.txt")])
    assert result.exit_code == 2
    assert result.stderr.strip().count("\n") == 0 and "no such file" in result.stderr


def test_output_file_is_not_overwritten_without_force(runner, story, tmp_path):
    target = tmp_path / "out.jsonl"
    target.write_text("keep me", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(story), "--format", "jsonl", "-o", str(target)])
    assert result.exit_code == 2
    assert target.read_text(encoding="utf-8") == "keep me"


def test_force_overwrites_the_output_file(runner, story, tmp_path):
    target = tmp_path / "out.jsonl"
    target.write_text("old", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(story), "--format", "jsonl", "-o", str(target), "--force"])
    assert result.exit_code == 0
    assert json.loads(target.read_text(encoding="utf-8").splitlines()[0])["speaker"] == "Ines Falk"


def test_csv_file_starts_with_a_byte_order_mark(runner, story, tmp_path):
    target = tmp_path / "quotes.csv"
    assert runner.invoke(app, ["extract", str(story), "--format", "csv", "-o", str(target)]).exit_code == 0
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")


def test_folder_with_binary_junk_and_empty_file_still_runs(runner, tmp_path):
    (tmp_path / "junk.txt").write_bytes(bytes(range(256)) * 10)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "story.md").write_text(STORY, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path), "--format", "jsonl"])
    assert result.exit_code == 0
    assert "junk.txt: binary file, skipped" in result.stderr
    assert len(result.stdout.splitlines()) == 1


def test_non_utf8_file_is_decoded_with_a_warning(runner, tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes('Caf\xe9 owner Rui Sousa said: "We stay open all winter."\n'.encode("cp1252"))
    result = runner.invoke(app, ["extract", str(path), "--format", "jsonl"])
    assert result.exit_code == 0
    assert "not UTF-8" in result.stderr
    assert json.loads(result.stdout.splitlines()[0])["speaker"] == "Rui Sousa"


def test_kind_filter_rejects_unknown_kinds(runner, story):
    result = runner.invoke(app, ["extract", str(story), "--kind", "rumour"])
    assert result.exit_code == 2 and "unknown kind" in result.stderr


def test_speaker_filter_accepts_any_spelling(runner, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text('"We hold the line," Zelenskyy said.\n\n"Talks are off," Mayor Ola Berg said.\n', encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path), "--format", "jsonl", "--speaker", "Zelenskiy"])
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["speaker"] for r in records] == ["Volodymyr Zelensky"]


def test_plain_table_when_not_a_terminal(runner, story):
    result = runner.invoke(app, ["extract", str(story)])
    assert result.exit_code == 0
    assert "Ines Falk" in result.stdout and "\t" in result.stdout


def test_large_file_is_processed_in_chunks(runner, tmp_path):
    paragraph = 'Engineer Tom Reyes said the pumps were "running at full power again."\n\n'
    filler = "The river rose slowly through the night and the town waited. " * 40 + "\n\n"
    path = tmp_path / "big.txt"
    path.write_text((paragraph + filler) * 400, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path), "--format", "jsonl", "--kind", "partial"])
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == 400


def test_speakers_lists_each_identity_with_quotes_and_sources(runner, story):
    result = runner.invoke(app, ["speakers", str(story), "--format", "json"])
    assert result.exit_code == 0, result.output
    [falk] = json.loads(result.stdout)
    assert falk == {"speaker": "Ines Falk", "kinds": ["person"], "id": None, "spellings": ["Falk"], "quotes": 1, "sources": 1}


def test_speakers_csv_has_a_header_row(runner, story):
    result = runner.invoke(app, ["speakers", str(story), "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == "Speaker,Kinds,Spellings seen,Quotes,Sources,Id"


def test_malformed_speakers_file_is_a_one_line_error(runner, story, tmp_path):
    broken = tmp_path / "people.toml"
    broken.write_text('[[speaker]]\nname = "Ines Falk"\naliases = [\n', encoding="utf-8")
    result = runner.invoke(app, ["extract", str(story), "--speakers", str(broken)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"quotes: error: {broken}:3: ") and result.stderr.count("\n") == 1


def test_speakers_file_from_tool_quotes_settings_applies(runner, story, tmp_path, monkeypatch):
    (tmp_path / "people.toml").write_text('[[speaker]]\nname = "Ines Falk-Moreau"\naliases = ["Ines Falk"]\n', encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text('[tool.quotes]\nspeakers = ["people.toml"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["extract", str(story), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["speaker"] == "Ines Falk-Moreau"


# --- one row per utterance ----------------------------------------------------------------------

WIRE = 'Port director Ines Falk spoke on Monday.\n\n"The cranes will run again by June," Falk said.\n'
PAPER = 'In Riga, Ines Falk was upbeat.\n\n"The cranes will run again by June," said Falk, the port director.\n'


@pytest.fixture
def two_sources(tmp_path):
    (tmp_path / "wire.txt").write_text(WIRE, encoding="utf-8")
    (tmp_path / "paper.txt").write_text(PAPER, encoding="utf-8")
    return tmp_path


def test_default_output_is_one_row_per_utterance_with_its_sources(runner, two_sources):
    result = runner.invoke(app, ["extract", str(two_sources)])
    assert result.exit_code == 0, result.output
    [_header, row] = result.stdout.splitlines()
    _id, count, speaker, text, sources, _flags = row.split("\t")
    assert (count, speaker, text) == ("2", "Ines Falk", "The cranes will run again by June,")
    assert sources.count(".txt:3") == 2


def test_format_tsv_is_what_a_pipe_gets_by_default(runner, two_sources):
    named = runner.invoke(app, ["extract", str(two_sources), "--format", "tsv"])
    default = runner.invoke(app, ["extract", str(two_sources)])
    assert named.exit_code == 0, named.output
    assert named.stdout == default.stdout
    assert named.stdout.splitlines()[0] == "cluster\treferences\tspeaker\twording\tsources\tflags"


def test_speakers_tsv_has_a_header_row(runner, two_sources):
    result = runner.invoke(app, ["speakers", str(two_sources), "--format", "tsv"])
    assert result.stdout.splitlines()[0] == "speaker\tkinds\tspellings\tquotes\tsources"


def test_format_table_on_a_pipe_is_the_table_with_its_diff_in_marks(runner, tmp_path):
    (tmp_path / "wire.txt").write_text(WIRE, encoding="utf-8")
    (tmp_path / "paper.txt").write_text(PAPER.replace("by June", "by July"), encoding="utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path), "--format", "table"], env={"COLUMNS": "120"})
    assert result.exit_code == 0, result.output
    assert "Kind" in result.stdout and "\t" not in result.stdout and "\x1b[" not in result.stdout
    assert "[-July,-] {+June,+}" in result.stdout or "[-June,-] {+July,+}" in result.stdout


def test_format_table_to_a_file_writes_the_table(runner, two_sources, tmp_path):
    target = tmp_path / "table.txt"
    result = runner.invoke(app, ["extract", str(two_sources), "--format", "table", "-o", str(target)])
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    assert "Wording" in text and "paper:3" in text and "wire:3" in text and "\x1b[" not in text


def test_paths_names_sources_by_path_in_the_table(runner, two_sources, monkeypatch):
    monkeypatch.chdir(two_sources)
    runner.invoke(app, ["extract", "paper.txt", "wire.txt", "--format", "table", "--paths", "-o", "table.txt"])
    text = (two_sources / "table.txt").read_text(encoding="utf-8")
    assert "paper.txt:3" in text and "wire.txt:3" in text


def test_per_source_lists_every_quote(runner, two_sources):
    result = runner.invoke(app, ["extract", str(two_sources), "--per-source"])
    assert result.exit_code == 0, result.output
    assert len(result.stdout.splitlines()) == 1 + 2  # the header, two quotes


def test_jsonl_members_of_an_utterance_share_a_cluster_id_stable_across_runs(runner, two_sources):
    runs = [runner.invoke(app, ["extract", str(two_sources), "--format", "jsonl"]) for _ in range(2)]
    ids = [[json.loads(line)["cluster"] for line in run.stdout.splitlines()] for run in runs]
    assert ids[0] == ids[1] and len(set(ids[0])) == 1 and ids[0][0].startswith("c-")


def test_json_gives_clusters_with_their_members(runner, two_sources):
    result = runner.invoke(app, ["extract", str(two_sources), "--format", "json"])
    [cluster] = json.loads(result.stdout)["clusters"]
    assert cluster["sources_count"] == 2 and len(cluster["members"]) == 2


@pytest.mark.parametrize("output_format", ["html", "jsonl", "sqlite"])
@pytest.mark.parametrize("option", ["--per-source", "--per-cluster"])
def test_a_row_layout_with_a_format_of_fixed_rows_is_a_one_line_error(runner, two_sources, tmp_path, option, output_format):
    report = tmp_path / f"out.{output_format}"
    result = runner.invoke(app, ["extract", str(two_sources), "--format", output_format, option, "-o", str(report)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"quotes: error: {option} does not apply to --format {output_format}")
    assert len(result.stderr.splitlines()) == 1 and not report.exists()


def test_csv_per_cluster_puts_all_sources_in_one_cell(runner, two_sources):
    result = runner.invoke(app, ["extract", str(two_sources), "--format", "csv", "--per-cluster"])
    header, row = list(csv.reader(io.StringIO(result.stdout.lstrip("\ufeff"))))
    assert header[:5] == ["Cluster", "Speaker", "Quote", "Sources count", "References"]
    assert row[3] == row[4] == "2" and row[header.index("Sources")].count(".txt:3") == 2


def test_sqlite_holds_quotes_clusters_and_sources(runner, two_sources, tmp_path):
    database = tmp_path / "quotes.db"
    result = runner.invoke(app, ["extract", str(two_sources), "--format", "sqlite", "-o", str(database)])
    assert result.exit_code == 0, result.output
    with sqlite3.connect(database) as db:
        counts = [db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in ("quotes", "clusters", "sources")]
    assert counts == [2, 1, 2]


def test_an_unknown_option_is_a_one_line_error(monkeypatch, capsys):
    monkeypatch.setattr(sys, "argv", ["quotes", "extract", "--bogus"])
    with pytest.raises(SystemExit) as exited:
        main()
    assert exited.value.code == 2
    assert capsys.readouterr().err.startswith("quotes: error: No such option: --bogus")


def test_output_that_is_one_of_the_inputs_is_refused_even_with_force(runner, story):
    result = runner.invoke(app, ["extract", str(story), "-o", str(story), "--force"])
    assert result.exit_code == 2 and "is one of the inputs" in result.stderr
    assert story.read_text(encoding="utf-8") == STORY


def test_speaker_filter_matches_the_name_as_written(runner, two_sources):
    result = runner.invoke(app, ["extract", str(two_sources), "--per-source", "--speaker", "Falk"])
    assert len(result.stdout.splitlines()) == 1 + 2  # the header, two quotes


def test_version_and_short_help_work():
    from typer.testing import CliRunner

    from quotes.cli import app

    runner = CliRunner()
    assert runner.invoke(app, ["--version"]).output.startswith("quotes ")
    assert "Usage" in runner.invoke(app, ["-h"]).output
    assert "Usage" in runner.invoke(app, ["extract", "-h"]).output


def _command_paths(command: object, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """`()` for `quotes`, then every command and subcommand below it, as its words."""
    below = getattr(command, "commands", {})
    return [path, *(p for name, sub in sorted(below.items()) for p in _command_paths(sub, (*path, name)))]


@pytest.mark.parametrize("words", _command_paths(typer.main.get_command(app)), ids=" ".join)
def test_help_shows_no_type_placeholders(words):
    output = CliRunner().invoke(app, [*words, "--help"], env={"COLUMNS": "200"}).output
    assert "Usage" in output and "--help" in output
    assert not re.search(r"<[^<>\n]+>", output), output  # <bool>, <str>, <path>, <list[str]>, <int range>, <table|tsv>
