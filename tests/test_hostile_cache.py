"""The cache under hostile conditions: a cache folder shared with other files, broken entries, odd settings."""

from __future__ import annotations

from pathlib import Path

from quotes.cache import ENTRIES_FOLDER, MARKER, SourceCache
from quotes.models import Quote

HARBOUR = "We will reopen the harbour by spring."


def stored_entry(root: Path, content: bytes = b"text") -> Path:
    cache = SourceCache(root, "fingerprint")
    cache.store(content, [Quote(source="port.txt", start=0, end=len(HARBOUR), text=HARBOUR, kind="direct", line=1)])
    return cache.path(content)


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
