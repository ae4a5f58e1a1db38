"""`-o` under hostile conditions: FIFOs, devices, symbolic links, unwritable folders, long names."""

from __future__ import annotations

import os
import pty
import sqlite3
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

pytestmark = pytest.mark.model


def read_fifo(fifo: Path) -> list[bytes]:
    """Start a reader on `fifo`; the list holds what it read once the writer closes."""
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    return got


def test_output_to_a_fifo_streams_into_it_and_keeps_it(tmp_path, story, run_quotes):
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    got = read_fifo(fifo)
    result = run_quotes("extract", str(story), "--format", "jsonl", "-o", str(fifo), "--force")
    assert result.returncode == 0, result.stderr
    assert fifo.is_fifo() and b"The cranes will run again by June," in got[0]


def test_sqlite_to_a_fifo_streams_the_database(tmp_path, story, run_quotes):
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    got = read_fifo(fifo)
    result = run_quotes("extract", str(story), "--format", "sqlite", "-o", str(fifo))
    assert result.returncode == 0, result.stderr
    copy = tmp_path / "copy.sqlite"
    copy.write_bytes(got[0])
    with sqlite3.connect(copy) as db:
        assert db.execute("SELECT count(*) FROM quotes").fetchone() == (1,)
    assert fifo.is_fifo()


def null_device(path: Path) -> Path:
    """A device like /dev/null at `path` (a test must never risk the real one)."""
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("cannot make a device node here")
    return path


def test_output_to_a_character_device_writes_to_it(tmp_path, story, run_quotes):
    device = null_device(tmp_path / "null")
    result = run_quotes("extract", str(story), "--format", "csv", "-o", str(device), "--force")
    assert result.returncode == 0, result.stderr
    assert device.is_char_device()


def test_output_through_a_symbolic_link_replaces_its_target_and_keeps_the_link(tmp_path, story, run_quotes):
    target = tmp_path / "quotes.jsonl"
    target.write_text("old\n", encoding="utf-8")
    link = tmp_path / "latest.jsonl"
    link.symlink_to(target.name)
    result = run_quotes("extract", str(story), "--format", "jsonl", "-o", str(link), "--force")
    assert result.returncode == 0, result.stderr
    assert link.is_symlink() and "The cranes" in target.read_text(encoding="utf-8")


def test_output_dash_is_standard_output(story, run_quotes):
    result = run_quotes("extract", str(story), "--format", "jsonl", "-o", "-")
    assert result.returncode == 0 and b"The cranes" in result.stdout


KILLED_WRITER = """
import os, signal, sys
from pathlib import Path
from quotes.models import Quote
from quotes.output import sqlite

def killed(*args):
    os.kill(os.getpid(), signal.SIGKILL)

sqlite._insert_quotes = killed  # die inside the transaction, as a SIGKILL mid-write would
quote = Quote(source="story.txt", start=0, end=5, text="cranes", kind="direct", line=1)
sqlite.write_sqlite([quote], [], Path(sys.argv[1]))
"""


def test_a_write_cleans_up_what_a_killed_sqlite_writer_left(tmp_path, story, run_quotes):
    target = tmp_path / "out.sqlite"
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    subprocess.run([sys.executable, "-c", KILLED_WRITER, str(target)], env=env, check=False, timeout=120)
    assert any(p.name.endswith(".tmp-journal") for p in tmp_path.iterdir())
    result = run_quotes("extract", str(story), "--format", "sqlite", "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".out.sqlite")) == []


def test_a_file_name_of_245_characters_is_written(tmp_path, story, run_quotes):
    output = tmp_path / ("q" * 239 + ".jsonl")
    result = run_quotes("extract", str(story), "--format", "jsonl", "-o", str(output))
    assert result.returncode == 0, result.stderr
    assert "The cranes" in output.read_text(encoding="utf-8")


@pytest.mark.parametrize("folder", ["/proc", "/sys"])
def test_an_unwritable_output_folder_is_a_one_line_error_before_any_work(folder, story, run_quotes):
    result = run_quotes("extract", str(story), "--format", "sqlite", "-o", f"{folder}/quotes.sqlite")
    assert result.returncode == 2
    assert result.stderr.decode().count("\n") == 1 and "cannot write" in result.stderr.decode()


# --- terminal escapes in an article ---------------------------------------------------------------

HOSTILE = 'Port director Ines Falk spoke.\n\n"The cranes \x1b]0;pwned\x07will run\x1b[2J again by June," Falk said.\n'
ESCAPES = (b"\x1b]0;pwned", b"\x07", b"\x1b[2J")


def on_a_terminal(run_quotes, *args: str, env: dict[str, str | None] | None = None) -> bytes:
    """What `quotes` prints when its standard output is a terminal (a pseudo-terminal)."""
    leader, follower = pty.openpty()
    try:
        environment = {"CI": None, "NO_COLOR": None, "PRE_COMMIT": None, "COLUMNS": "200", **(env or {})}
        result = run_quotes(*args, env=environment, stdout=follower, stderr=subprocess.PIPE)
        assert result.returncode in (0, 1), result.stderr
        os.close(follower)
        follower = -1
        shown = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # EIO: the terminal is closed and read out
                break
            if not chunk:
                break
            shown += chunk
        return shown
    finally:
        os.close(leader)
        if follower >= 0:
            os.close(follower)


def test_the_table_on_a_terminal_drops_an_articles_escape_sequences(tmp_path, run_quotes):
    (tmp_path / "story.txt").write_text(HOSTILE, encoding="utf-8")
    shown = on_a_terminal(run_quotes, "extract", str(tmp_path / "story.txt"))
    assert b"again by June" in shown and not any(escape in shown for escape in ESCAPES)


def test_plain_lines_on_a_terminal_drop_an_articles_escape_sequences(tmp_path, run_quotes):
    (tmp_path / "story.txt").write_text(HOSTILE, encoding="utf-8")
    shown = on_a_terminal(run_quotes, "extract", str(tmp_path / "story.txt"), env={"NO_COLOR": "1"})
    assert b"again by June" in shown and not any(escape in shown for escape in ESCAPES)


def test_check_lines_on_a_terminal_drop_a_drafts_escape_sequences(tmp_path, story, run_quotes):
    (tmp_path / "draft.md").write_text(HOSTILE, encoding="utf-8")
    shown = on_a_terminal(run_quotes, "check", str(tmp_path / "draft.md"), "--sources", str(story))
    assert b"QC1" in shown and not any(escape in shown for escape in ESCAPES)
