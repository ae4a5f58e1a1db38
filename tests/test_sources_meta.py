"""Where a source comes from: front matter, manifests (sources.csv, sources.toml), the fallback, and the outputs."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest

from quotes.models import Document, Quote, SourceMeta
from quotes.output.export import CSV_HEADERS, write_csv
from quotes.output.sqlite import write_sqlite
from quotes.sources.common import SourceError
from quotes.sources.files import expand, read_documents
from quotes.sources.meta import front_matter

FRONT = "---\noutlet: Kyiv Independent\ndate: 2024-08-07\nurl: https://kyivindependent.example/kursk\ntitle: 'Kursk, day two'\n"
FRONT += "tags:\n  - war\n---\n"
BODY = 'Kursk, day two\n\n"We will hold the line," Syrskyi said.\n'


def documents(*paths: Path) -> list[Document]:
    found = list(read_documents(expand([str(p) for p in paths])))
    assert all(isinstance(d, Document) for d in found)
    return found  # type: ignore[return-value]


def test_front_matter_gives_outlet_date_url_and_title():
    meta = front_matter(FRONT + BODY).meta
    assert meta == SourceMeta(
        outlet="Kyiv Independent", date="2024-08-07", url="https://kyivindependent.example/kursk", title="Kursk, day two"
    )


def test_front_matter_is_blanked_so_offsets_stay_file_offsets():
    text = front_matter(FRONT + BODY).text
    assert len(text) == len(FRONT + BODY) and text.count("\n") == (FRONT + BODY).count("\n")
    assert text.endswith(BODY) and not text[: len(FRONT)].strip()


def test_front_matter_keeps_crlf_line_ends():
    crlf = (FRONT + BODY).replace("\n", "\r\n")
    assert front_matter(crlf).text.count("\r\n") == crlf.count("\r\n")


def test_a_markdown_text_opening_with_a_thematic_break_has_no_front_matter():
    text = "---\nThe port reopens. Falk said so on Monday.\n---\nMore text.\n"
    assert front_matter(text).meta is None and front_matter(text).text == text


def test_a_front_matter_date_that_is_not_iso_8601_is_left_out_with_a_warning():
    found = front_matter("---\noutlet: Wire\ndate: Aug 7, 2024\n---\nBody\n")
    assert found.meta is not None and found.meta.date is None and found.meta.outlet == "Wire"
    assert found.warnings == ("front matter: date 'Aug 7, 2024' is not ISO 8601 (YYYY-MM-DD); left out",)


def test_a_file_with_front_matter_is_read_with_its_metadata_and_title_below_it(tmp_path):
    (tmp_path / "kursk.md").write_text(FRONT + BODY, encoding="utf-8")
    [document] = documents(tmp_path / "kursk.md")
    assert document.meta.outlet == "Kyiv Independent" and document.title == "Kursk, day two"
    assert document.format == "markdown"


def test_without_metadata_the_outlet_is_the_file_name(tmp_path):
    (tmp_path / "reuters-kursk.txt").write_text(BODY, encoding="utf-8")
    [document] = documents(tmp_path / "reuters-kursk.txt")
    assert document.meta == SourceMeta(outlet="reuters-kursk")


def test_a_sources_csv_in_the_folder_names_outlet_date_and_url(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "b.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "sources.csv").write_text(
        "file,outlet,date,url\nsub/a.txt,Reuters,2024-08-07T10:30:00,https://r.example/a\nb.txt,AP,,\n", encoding="utf-8"
    )
    metas = {Path(d.source).name: d.meta for d in documents(tmp_path)}
    assert metas["a.txt"] == SourceMeta(outlet="Reuters", date="2024-08-07T10:30:00", url="https://r.example/a")
    assert metas["b.txt"] == SourceMeta(outlet="AP")


def test_a_sources_toml_in_a_folder_above_names_the_outlet(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "wires").mkdir()
    (tmp_path / "wires" / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "sources.toml").write_text(
        '[[source]]\nfile = "wires/a.txt"\noutlet = "AFP"\ndate = 2024-08-07\n', encoding="utf-8"
    )
    [document] = documents(tmp_path / "wires")
    assert document.meta == SourceMeta(outlet="AFP", date="2024-08-07")


def test_a_manifest_above_the_working_folder_is_not_read(tmp_path, monkeypatch):
    (tmp_path / "work").mkdir()
    (tmp_path / "work" / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "sources.csv").write_text("not, a manifest\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path / "work")
    [document] = documents(Path("a.txt"))
    assert document.meta == SourceMeta(outlet="a")


def test_front_matter_wins_over_the_manifest(tmp_path):
    (tmp_path / "kursk.md").write_text(FRONT + BODY, encoding="utf-8")
    (tmp_path / "sources.csv").write_text("file,outlet,author\nkursk.md,Someone Else,Olena Hrebeniuk\n", encoding="utf-8")
    [document] = documents(tmp_path)
    assert document.meta.outlet == "Kyiv Independent" and document.meta.author == "Olena Hrebeniuk"


def test_the_manifest_wins_over_what_a_page_says_of_itself(tmp_path):
    page = Path(__file__).parent / "data" / "pages" / "news-with-comments.html"
    (tmp_path / "port.html").write_bytes(page.read_bytes())
    (tmp_path / "sources.csv").write_text("file,outlet\nport.html,Gazette (print)\n", encoding="utf-8")
    [document] = documents(tmp_path)
    assert document.meta.outlet == "Gazette (print)" and document.meta.author == "Mara Quill"


def test_a_manifest_date_that_is_not_iso_8601_is_an_error_naming_file_and_line(tmp_path):
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "sources.csv").write_text("file,date\na.txt,2024-08-07\nb.txt,7 Aug\n", encoding="utf-8")
    with pytest.raises(SourceError, match=r"sources\.csv:3: b\.txt: date '7 Aug' is not ISO 8601"):
        documents(tmp_path)


def test_a_manifest_without_a_file_column_is_an_error(tmp_path):
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "sources.csv").write_text("name,outlet\na.txt,AP\n", encoding="utf-8")
    with pytest.raises(SourceError, match=r"sources\.csv:1: the header row needs a 'file' column"):
        documents(tmp_path)


def test_a_bad_manifest_is_one_error_line_and_exit_2(tmp_path, run_quotes):
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "sources.toml").write_text("[[source]\n", encoding="utf-8")
    result = run_quotes("extract", "a.txt")
    assert result.returncode == 2
    [line] = result.stderr.decode().splitlines()
    assert line.startswith("quotes: error: ") and "sources.toml" in line


META = SourceMeta(outlet="Reuters", date="2024-08-07", url="https://r.example/a", title="Port", author="Ann Lee", description="D")


def test_csv_rows_carry_outlet_date_and_url():
    out = io.StringIO(newline="")
    write_csv([Quote("a.txt", 0, 5, "We win", "direct", meta=META)], out)
    [header, row] = list(csv.reader(io.StringIO(out.getvalue())))
    assert [row[header.index(name)] for name in ("Outlet", "Date", "URL")] == ["Reuters", "2024-08-07", "https://r.example/a"]
    assert header == list(CSV_HEADERS)


def test_the_sqlite_sources_table_holds_each_sources_metadata(tmp_path):
    write_sqlite([Quote("a.txt", 0, 5, "We win", "direct", meta=META)], [], tmp_path / "q.db")
    with sqlite3.connect(tmp_path / "q.db") as db:
        row = db.execute("SELECT path, outlet, date, url, title, author, description FROM sources").fetchone()
    assert row == ("a.txt", "Reuters", "2024-08-07", "https://r.example/a", "Port", "Ann Lee", "D")


@pytest.mark.model
def test_every_jsonl_row_says_its_outlet_and_date(tmp_path, run_quotes):
    (tmp_path / "kursk.md").write_text(FRONT + BODY, encoding="utf-8")
    result = run_quotes("extract", "kursk.md", "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert records and all(
        (r["outlet"], r["date"], r["source_title"]) == ("Kyiv Independent", "2024-08-07", "Kursk, day two") for r in records
    )
    text = FRONT + BODY
    assert all(text[r["start"] : r["end"]] == r["text"] for r in records)
