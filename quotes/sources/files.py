"""Read articles: files, folders and standard input become `Document`s.

Text is decoded as UTF-8 (with or without a byte-order mark); anything else falls back to
cp1252 or Latin-1 with a warning. Binary files are skipped with a warning. Newlines are
kept as they are in the file, so offsets match what any other tool reads.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from quotes.models import Document

DEFAULT_SUFFIXES = (".txt", ".md")
BINARY_SNIFF_BYTES = 8192


class SourceError(ValueError):
    """A path the user gave cannot be read at all."""


@dataclass(frozen=True)
class Skipped:
    source: str
    reason: str


def decode(data: bytes) -> tuple[str, tuple[str, ...]]:
    """Bytes -> text, with a warning when the bytes were not UTF-8."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), ()
    except UnicodeDecodeError as err:
        warning = f"not UTF-8 (byte {err.start}); decoded as cp1252"
    try:
        return data.decode("cp1252"), (warning,)
    except UnicodeDecodeError:
        return data.decode("latin-1"), (warning.replace("cp1252", "Latin-1"),)


def looks_binary(data: bytes) -> bool:
    head = data[:BINARY_SNIFF_BYTES]
    if b"\x00" in head:
        return True
    control = sum(b < 32 and b not in (9, 10, 12, 13, 27) for b in head)
    return bool(head) and control / len(head) > 0.1


def title_of(text: str) -> str:
    """The first non-empty line is an article's title."""
    return next((line.strip() for line in text.splitlines() if line.strip()), "")


def _escaped(char: str) -> str:
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that is not UTF-8, as the OS hands it over
        return f"\\x{code - 0xDC00:02x}"
    if unicodedata.category(char) in ("Cc", "Cs"):  # a newline would split a linter line
        return char.encode("unicode_escape").decode("ascii")
    return char


def shown_name(name: str) -> str:
    """A file name as one line of text that any output can hold: bytes that are not UTF-8 as `\\xNN`,
    control characters as `\\n`, `\\x1b`. Files are opened by the name as given; records and
    messages carry this one."""
    return name if name.isprintable() else "".join(map(_escaped, name))


def document_from_bytes(source: str, data: bytes) -> Document:
    text, warnings = decode(data)
    return Document(source=source, text=text, title=title_of(text), warnings=warnings)


def stdin_has_input() -> bool:
    """Whether standard input was given to read: a pipe or a file (`< story.txt`); not a terminal,
    /dev/null or a closed input (as in CI)."""
    if sys.stdin is None:
        return False
    try:
        mode = os.fstat(sys.stdin.fileno()).st_mode
    except (OSError, ValueError):  # no file descriptor (a test runner's stream), or closed
        return False
    return stat.S_ISFIFO(mode) or stat.S_ISREG(mode)


def expand(paths: Iterable[str], suffixes: tuple[str, ...] = DEFAULT_SUFFIXES) -> list[str]:
    """Paths as given -> files to read, each once; folders are walked for `suffixes`. Missing paths raise."""
    files: list[str] = []
    for given in paths:
        if given == "-":
            if sys.stdin is None:  # started with standard input closed
                raise SourceError("-: standard input is closed")
            files.append(given)
            continue
        path = Path(given)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in suffixes)
            files.extend(str(p) for p in found)
        elif path.is_file():
            files.append(given)
        elif path.exists():
            raise SourceError(f"{given}: not a regular file or folder")
        else:
            raise SourceError(f"{given}: no such file or folder")
    return _once_each(files)


def _once_each(files: list[str]) -> list[str]:
    """Each file once, by where it resolves to (`a a`, `dir dir/`, `x ./x`), as first given."""
    seen: set[str] = set()
    unique = []
    for name in files:
        where = name if name == "-" else os.path.realpath(name)
        if where not in seen:
            seen.add(where)
            unique.append(name)
    return unique


def read_regular(path: Path) -> bytes:
    """The bytes of a regular file (through links); OSError for anything else, without waiting on a FIFO."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "not a regular file", str(path))
        with os.fdopen(os.dup(fd), "rb") as file:
            return file.read()
    finally:
        os.close(fd)


def read_documents(files: Iterable[str]) -> Iterator[Document | Skipped]:
    """Read each file lazily; unreadable or binary files come back as `Skipped`."""
    for name in files:
        try:
            data = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
        except OSError as err:
            yield Skipped(shown_name(name), f"cannot read ({err.strerror or err})")
            continue
        if looks_binary(data):
            yield Skipped(shown_name(name), "binary file")
            continue
        yield document_from_bytes("<stdin>" if name == "-" else shown_name(name), data)
