"""`--save-text DIR`: each source's text, the one its offsets index, as a .txt of its own."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from quotes.output.files import OutputExists, OutputPathError
from quotes.output.texts import text_file_stem, text_files

PAGES = Path(__file__).parent / "data" / "pages"


def test_a_text_file_is_named_after_its_source():
    assert text_file_stem("saved/port story.html") == "port-story"
    assert text_file_stem("https://harbour.example/news/port-reopen?id=3") == "harbour.example-news-port-reopen-id-3"
    assert text_file_stem("-") == "stdin"


def test_two_sources_with_one_name_get_numbered_files(tmp_path):
    files = text_files(["a/story.html", "b/story.txt", "c/Story.md"], tmp_path / "texts", force=False)
    assert [p.name for p in files.values()] == ["story.txt", "story-2.txt", "Story-3.txt"]


def test_an_existing_text_file_is_refused_without_force(tmp_path):
    (tmp_path / "story.txt").write_text("old", encoding="utf-8")
    with pytest.raises(OutputExists, match=r"story\.txt exists"):
        text_files(["a/story.html"], tmp_path, force=False)
    assert text_files(["a/story.html"], tmp_path, force=True)


def test_an_input_is_never_overwritten_by_its_text(tmp_path):
    (tmp_path / "story.txt").write_text("the article", encoding="utf-8")
    with pytest.raises(OutputPathError, match="is one of the inputs"):
        text_files([str(tmp_path / "story.txt")], tmp_path, force=True)


def test_a_file_where_the_folder_should_be_is_refused(tmp_path):
    (tmp_path / "texts").write_text("", encoding="utf-8")
    with pytest.raises(OutputPathError, match="not a folder"):
        text_files(["a.html"], tmp_path / "texts", force=False)


@pytest.mark.model
def test_the_saved_text_of_a_page_is_what_its_offsets_index(tmp_path, run_quotes):
    shutil.copy(PAGES / "news-with-comments.html", tmp_path / "port.html")
    (tmp_path / "wire.txt").write_bytes(b'Headline\r\n\r\n"We will win," Ines Falk said.\r\n')
    result = run_quotes("extract", "port.html", "wire.txt", "--format", "jsonl", "--save-text", "texts")
    assert result.returncode == 0, result.stderr
    texts = {name: (tmp_path / "texts" / name).read_bytes().decode() for name in ("port.txt", "wire.txt")}
    assert texts["wire.txt"] == 'Headline\r\n\r\n"We will win," Ines Falk said.\r\n'
    records = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert {r["source"] for r in records} == {"port.html", "wire.txt"}
    for record in records:
        text = texts["port.txt" if record["source"] == "port.html" else "wire.txt"]
        assert text[record["start"] : record["end"]] == record["text"]


def test_save_text_into_a_file_is_one_error_line_and_exit_2(tmp_path, run_quotes):
    (tmp_path / "story.txt").write_text("Headline\n", encoding="utf-8")
    (tmp_path / "texts").write_text("", encoding="utf-8")
    result = run_quotes("extract", "story.txt", "--save-text", "texts")
    assert result.returncode == 2
    assert result.stderr.decode().splitlines() == ["quotes: error: texts is not a folder; --save-text needs one"]
