"""Writing the files a user names: never over an existing file without `--force`, never over a
link, a FIFO or a device (those are streamed to), atomically (a temporary file in the same
folder, then `os.replace`), and tidying what a killed writer of the same target left behind.

    check_output_path(path, force)             # OutputExists / OutputPathError before any work
    target = output_target(path, force)        # a regular file, or a stream (-, FIFO, device)
    atomic_write_text(path, text, force=force)
"""

from __future__ import annotations

import fcntl
import os
import re
import secrets
import stat
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, TextIO

TEXT_ENCODING = "utf-8"

# --- output paths -----------------------------------------------------------------------------


class OutputExists(Exception):
    """The output file exists and --force was not given."""


class OutputPathError(ValueError):
    """The output path cannot be written: its folder is missing, or it is a folder, a device or a FIFO."""


def _file_type(path: Path) -> int | None:
    """The `st_mode` of what `path` names, through symbolic links; None when nothing is there."""
    try:
        return path.stat().st_mode
    except FileNotFoundError:
        return None
    except OSError as err:
        raise OutputPathError(f"{path}: {(err.strerror or str(err)).lower()}") from err


def check_output_path(path: Path, force: bool) -> None:
    """Refuse a path whose folder is missing, that is not a regular file, or that exists (unless `force`)."""
    mode = _file_type(path)
    if mode is not None and stat.S_ISDIR(mode):
        raise OutputPathError(f"{path} is a folder; give a file name")
    if mode is not None and not stat.S_ISREG(mode):
        raise OutputPathError(f"{path} is not a regular file; it is never replaced")
    folder = Path(os.path.realpath(path)).parent
    if not folder.is_dir():
        raise OutputPathError(f"folder {folder} does not exist; create it first")
    if mode is not None and not force:
        raise OutputExists(f"{path} exists; use --force to overwrite")


STDOUT = "-"


@dataclass(frozen=True)
class OutputTarget:
    """Where `-o` writes: a regular file, replaced atomically, or a stream written in place.

    A stream is standard output (`-`), a FIFO or a character device (`/dev/null`, a terminal).
    A symbolic link is written through: its target is replaced, the link stays.
    """

    given: Path
    file: Path | None  # the regular file to replace, None for a stream


def output_target(path: Path, force: bool) -> OutputTarget:
    """What `path` is as an output; OutputExists / OutputPathError before any work."""
    if str(path) == STDOUT:
        return OutputTarget(path, None)
    mode = _file_type(path)
    if mode is not None and (stat.S_ISFIFO(mode) or stat.S_ISCHR(mode)):
        return OutputTarget(path, None)
    check_output_path(path, force)
    file = Path(os.path.realpath(path))
    _probe(file)
    return OutputTarget(path, file)


@contextmanager
def stream_to(target: OutputTarget) -> Iterator[BinaryIO]:
    if str(target.given) == STDOUT:
        sys.stdout.flush()
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    with target.given.open("wb") as out:
        yield out


def write_output(target: OutputTarget, text: str, encoding: str, force: bool) -> None:
    """Write `text` to a target: a regular file atomically (replaced only with `force`), a stream as is."""
    if target.file is not None:
        atomic_write_text(target.file, text, encoding, force=force, tidy=True)
        return
    with stream_to(target) as out:
        out.write(text.encode(encoding))


TEMP_TOKEN_HEX = 8  # hex digits of the random part of a temporary name
SQLITE_SIDE_FILES = ("-journal", "-wal", "-shm")  # what SQLite keeps beside a database while it writes
NAME_MAX = 255  # bytes in a file name, on every common filesystem
TEMP_NAME_BUDGET = NAME_MAX - len(f"..{'0' * TEMP_TOKEN_HEX}.tmp") - max(map(len, SQLITE_SIDE_FILES))


def _temp_stem(name: str) -> str:
    """`name`, cut to the bytes that leave room for the temporary name's additions."""
    encoded = os.fsencode(name)
    return name if len(encoded) <= TEMP_NAME_BUDGET else os.fsdecode(encoded[:TEMP_NAME_BUDGET])


def _temp_path_for(path: Path) -> Path:
    """A hidden, unused name next to `path`, so that `os.replace` stays on one filesystem."""
    return path.with_name(f".{_temp_stem(path.name)}.{secrets.token_hex(TEMP_TOKEN_HEX // 2)}.tmp")


def is_temp_name(name: str, target: str) -> bool:
    """Whether `name` is one of the temporary names `atomic_write_text` uses for a file called `target`."""
    return re.fullmatch(rf"\.{re.escape(_temp_stem(target))}\.[0-9a-f]{{{TEMP_TOKEN_HEX}}}\.tmp", name) is not None


def _probe(path: Path) -> None:
    """Create and remove a temporary file beside `path`: an unwritable target fails now, not after the work."""
    temp = _temp_path_for(path)
    try:
        os.close(os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
    except OSError as err:
        raise OutputPathError(f"{path}: cannot write there: {(err.strerror or str(err)).lower()}") from err
    temp.unlink(missing_ok=True)


def _is_abandoned(temp: Path) -> bool:
    """Whether no live process holds the lock a writer takes on its temporary file (it dies with the writer)."""
    try:
        fd = os.open(temp, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return False
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return False
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError:  # BlockingIOError: a live writer
        return False
    finally:
        os.close(fd)


def remove_stale_temps(path: Path) -> None:
    """Remove the temporary files (and SQLite side files) that killed writers of `path` left beside it."""
    try:
        names = set(os.listdir(path.parent))
    except OSError:
        return
    for name in names:
        base = next((name.removesuffix(side) for side in SQLITE_SIDE_FILES if name.endswith(side)), name)
        if not is_temp_name(base, path.name):
            continue
        if base != name and base not in names:  # a side file whose database is gone
            (path.parent / name).unlink(missing_ok=True)
        elif base == name and _is_abandoned(path.parent / name):
            for stale in (name, *(name + side for side in SQLITE_SIDE_FILES)):
                (path.parent / stale).unlink(missing_ok=True)


@contextmanager
def replacing(path: Path, force: bool, tidy: bool = False) -> Iterator[Path]:
    """Yield a temporary path to fill; on success it replaces `path`, on error it is removed.

    The temporary file exists and is locked (flock) while it is filled, so that a later writer with
    `tidy` can tell a dead writer's leftovers from a live one's.
    """
    path = Path(os.path.realpath(path))  # through a symbolic link: the link stays, its target is replaced
    check_output_path(path, force)
    if tidy:
        remove_stale_temps(path)
    temp = _temp_path_for(path)
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield temp
        check_output_path(path, force)  # someone may have created it meanwhile
        os.replace(temp, path)
    finally:
        for leftover in (temp, *(Path(f"{temp}{side}") for side in SQLITE_SIDE_FILES)):
            leftover.unlink(missing_ok=True)
        os.close(fd)


@contextmanager
def atomic_open(path: Path, force: bool, encoding: str, tidy: bool = False) -> Iterator[TextIO]:
    # newline="": written exactly as given.
    with replacing(path, force, tidy) as temp, temp.open("w", encoding=encoding, newline="") as out:
        yield out
        out.flush()
        os.fsync(out.fileno())


def atomic_write_text(path: Path, text: str, encoding: str = TEXT_ENCODING, *, force: bool = False, tidy: bool = False) -> None:
    """Write `text` to `path` all at once: readers see the old file or the new one, never half of it.

    An existing file is replaced only with `force`; with `tidy`, temporary files that killed writers
    of `path` left are removed first.
    """
    with atomic_open(path, force, encoding, tidy) as out:
        out.write(text)
