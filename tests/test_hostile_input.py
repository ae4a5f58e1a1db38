"""Hostile input: odd files, names, settings and standard input give one line on stderr, never a traceback."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

STORY = 'Port director Ines Falk spoke on Monday.\n\n"The cranes will run again by June," Falk said.\n'


@pytest.fixture
def story(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


def one_line_error(result) -> str:
    """The single stderr line of a run that failed with exit status 2."""
    message = result.stderr.decode("utf-8", "replace")
    assert result.returncode == 2 and message.count("\n") == 1, message
    assert "Traceback" not in message
    return message


def test_a_fifo_as_speakers_file_is_a_one_line_error_not_a_hang(tmp_path, story, run_quotes):
    fifo = tmp_path / "speakers.toml"
    os.mkfifo(fifo)
    result = run_quotes("extract", str(story), "--speakers", str(fifo), timeout=60)
    assert "not a regular file" in one_line_error(result)
