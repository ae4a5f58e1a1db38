"""`import quotes`: extract, extract_text and cluster, as the README shows them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

import quotes
from quotes.cli import app

pytestmark = pytest.mark.model

REPO = Path(__file__).resolve().parents[1]
FRONT_MATTER = "---\noutlet: Wire\ndate: 2024-08-07\n---\n"
WIRE = FRONT_MATTER + 'Port director Ines Falk spoke on Monday.\n\n"The cranes will run again by June," Falk said.\n'
PAPER = 'In Riga, Ines Falk was upbeat.\n\n"The cranes will run again by June," said Falk, the port director.\n'


@pytest.fixture
def saved(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder holding saved/ with two articles; the test runs in it."""
    (tmp_path / "saved").mkdir()
    (tmp_path / "saved" / "wire.txt").write_text(WIRE, encoding="utf-8")
    (tmp_path / "saved" / "paper.txt").write_text(PAPER, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_readme_library_example_runs_as_written(saved: Path, capsys: pytest.CaptureFixture[str]) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## As a library", 1)[1]
    [code] = re.findall(r"```python\n(.*?)```", section.split("\n## ", 1)[0], re.DOTALL)
    exec(compile(code, "README.md", "exec"), {})
    printed = capsys.readouterr().out
    assert printed.count("Ines Falk") == 3 and "Wire 2024-08-07" in printed


def test_extract_takes_relative_paths_from_the_working_folder(saved: Path, pipeline: quotes.Pipeline) -> None:
    found = quotes.extract("saved", pipeline=pipeline)
    assert sorted(q.source for q in found) == ["saved/paper.txt", "saved/wire.txt"]


def test_extract_gives_the_cluster_ids_the_cli_gives(saved: Path, pipeline: quotes.Pipeline) -> None:
    found = quotes.extract("saved", pipeline=pipeline)
    result = CliRunner().invoke(app, ["extract", "saved", "--format", "jsonl"])
    from_cli = {(r["source"], r["start"]): r["cluster"] for r in map(json.loads, result.stdout.splitlines())}
    assert {(q.source, q.start): q.cluster for q in found} == from_cli
    assert len(set(from_cli.values())) == 1


def test_cluster_groups_as_the_cli_does_members_in_date_order(saved: Path, pipeline: quotes.Pipeline) -> None:
    [cluster] = quotes.cluster(quotes.extract("saved", pipeline=pipeline))
    result = CliRunner().invoke(app, ["extract", "saved", "--format", "json"])
    [from_cli] = json.loads(result.stdout)["clusters"]
    assert cluster.id == from_cli["id"]
    in_order = [m.source for m in cluster.members]
    assert in_order == [m["source"] for m in from_cli["members"]] == ["saved/wire.txt", "saved/paper.txt"]
    assert quotes.cluster_summary(cluster).first_sources == ("saved/wire.txt",)


def test_extract_text_reads_a_string_with_offsets_into_it(pipeline: quotes.Pipeline) -> None:
    text = PAPER
    [said] = quotes.extract_text(text, source="paper.txt", meta=quotes.SourceMeta(outlet="Paper"), pipeline=pipeline)
    assert text[said.start : said.end] == said.text == "The cranes will run again by June,"
    assert (said.source, said.speaker, said.meta.outlet) == ("paper.txt", "Ines Falk", "Paper")
    assert said.cluster is not None


def test_extract_text_takes_front_matter_as_a_file_would(pipeline: quotes.Pipeline) -> None:
    [said] = quotes.extract_text(WIRE, source="wire.txt", pipeline=pipeline)
    assert (said.meta.outlet, said.meta.date, said.line) == ("Wire", "2024-08-07", 7)
