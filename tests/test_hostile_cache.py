"""The cache under hostile conditions: a cache folder shared with other files, broken entries, odd settings."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from quotes.cache import ENTRIES_FOLDER, MARKER, SourceCache, clear_cache, fingerprint
from quotes.check.run import CheckRequest, run_check
from quotes.check.verdict import Verdict
from quotes.models import Quote

HARBOUR = "We will reopen the harbour by spring."


def stored_entry(root: Path, content: bytes = b"text") -> Path:
    cache = SourceCache(root, "fingerprint")
    cache.store(content, "text", [Quote(source="port.txt", start=0, end=len(HARBOUR), text=HARBOUR, kind="direct", line=1)])
    return cache.path(content, "text")


def test_clearing_a_cache_in_the_working_folder_keeps_the_newsrooms_files(tmp_path, run_quotes):
    notes = tmp_path / "sources" / "notes.json"
    notes.parent.mkdir()
    notes.write_text("{}", encoding="utf-8")
    (tmp_path / ".quotes.toml").write_text('cache_dir = "."\n', encoding="utf-8")
    entry = stored_entry(tmp_path)
    result = run_quotes("cache", "clear", env={"QUOTES_CACHE_DIR": None})
    assert result.returncode == 0, result.stderr
    assert notes.exists() and not entry.exists()


def test_clear_refuses_a_cache_folder_without_the_marker(tmp_path, run_quotes):
    foreign = tmp_path / ENTRIES_FOLDER / ("0" * 64 + ".json")
    foreign.parent.mkdir()
    foreign.write_text("{}", encoding="utf-8")
    result = run_quotes("cache", "clear", env={"QUOTES_CACHE_DIR": str(tmp_path)})
    assert result.returncode == 2 and foreign.exists()
    assert result.stderr.decode().count("\n") == 1 and MARKER in result.stderr.decode()


def test_info_counts_only_the_caches_own_entries(tmp_path, run_quotes):
    stored_entry(tmp_path)
    (tmp_path / ENTRIES_FOLDER / "notes.json").write_text("{}", encoding="utf-8")
    result = run_quotes("cache", "info", env={"QUOTES_CACHE_DIR": str(tmp_path)})
    assert result.returncode == 0 and ": 1 cached source," in result.stdout.decode()


# --- entries that cannot be read are misses, and are cleared ----------------------------------------

SOURCE = f'Port director Ines Falk spoke on Monday.\n\n"{HARBOUR}" Falk said.\n'


@pytest.fixture
def checked(tmp_path: Path):
    """(request, entry path): a check of one draft against one source, with the source's cache entry."""
    (tmp_path / "port.txt").write_text(SOURCE, encoding="utf-8")
    (tmp_path / "draft.md").write_text(f'Ines Falk said: "{HARBOUR}"\n', encoding="utf-8")
    cache = SourceCache(tmp_path / "cache", fingerprint(None))
    request = CheckRequest((str(tmp_path / "draft.md"),), (str(tmp_path / "port.txt"),), cache=cache)
    stored_entry(cache.root)  # the folder and its marker
    return request, cache.path(SOURCE.encode(), "text")


def run_with_broken_entry(checked, pipeline, breaking) -> Path:
    request, entry = checked
    breaking(entry)
    report = run_check(request, lambda *_: pipeline)
    assert [f.verdict for f in report.findings] == [Verdict.ok]
    return entry


@pytest.mark.model
def test_an_entry_nested_too_deep_is_a_miss_and_is_rewritten(checked, pipeline):
    entry = run_with_broken_entry(checked, pipeline, lambda p: p.write_text("[" * 100_000, encoding="utf-8"))
    assert json.loads(entry.read_text(encoding="utf-8"))["quotes"]


@pytest.mark.model
def test_an_entry_with_a_5000_digit_number_is_a_miss_and_is_rewritten(checked, pipeline):
    entry = run_with_broken_entry(checked, pipeline, lambda p: p.write_text('{"quotes": [' + "9" * 5000 + "]}", encoding="utf-8"))
    assert json.loads(entry.read_text(encoding="utf-8"))["quotes"]


@pytest.mark.model
def test_an_entry_that_is_a_folder_is_a_miss_and_is_replaced(checked, pipeline):
    entry = run_with_broken_entry(checked, pipeline, lambda p: (p / "inside").mkdir(parents=True))
    assert entry.is_file()


def test_clear_removes_an_entry_that_is_a_folder(tmp_path):
    entry = stored_entry(tmp_path)
    entry.unlink()
    (entry / "inside").mkdir(parents=True)
    assert clear_cache(tmp_path) == 1 and not entry.exists()


@pytest.mark.model
def test_an_entry_that_is_a_fifo_is_a_miss_not_a_hang(checked, tmp_path, run_quotes):
    request, entry = checked
    os.mkfifo(entry)
    draft, source = request.drafts[0], request.sources[0]
    result = run_quotes("check", draft, "--sources", source, env={"QUOTES_CACHE_DIR": str(request.cache.root)})
    assert result.returncode == 0, result.stderr
    assert entry.is_file()


@pytest.mark.model
def test_the_same_bytes_read_as_html_are_not_served_the_text_entry(tmp_path, pipeline):
    page = f"<p>&ldquo;{HARBOUR}&rdquo; Falk said.</p>\n"
    (tmp_path / "port.txt").write_text(page, encoding="utf-8")
    (tmp_path / "port.html").write_text(page, encoding="utf-8")
    (tmp_path / "draft.md").write_text(f'Ines Falk said: "{HARBOUR}"\n', encoding="utf-8")
    cache = SourceCache(tmp_path / "cache", fingerprint(None))
    for source in ("port.txt", "port.html"):
        report = run_check(
            CheckRequest((str(tmp_path / "draft.md"),), (str(tmp_path / source),), cache=cache), lambda *_: pipeline
        )
    assert [f.verdict for f in report.findings] == [Verdict.ok]
