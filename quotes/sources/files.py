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
from collections.abc import Iterable, Iterator
from pathlib import Path

from quotes.models import Document
from quotes.sources.common import BINARY_SNIFF_BYTES as BINARY_SNIFF_BYTES
from quotes.sources.common import Skipped as Skipped
from quotes.sources.common import SourceError as SourceError
from quotes.sources.common import decode as decode
from quotes.sources.common import looks_binary as looks_binary
from quotes.sources.common import shown_name as shown_name
from quotes.sources.common import title_of as title_of
from quotes.sources.docx import DOCX_SUFFIXES, document_from_docx
from quotes.sources.html import HTML_SUFFIXES, document_from_html

TEXT_SUFFIXES = (".txt", ".md")
DEFAULT_SUFFIXES = (*TEXT_SUFFIXES, *HTML_SUFFIXES, *DOCX_SUFFIXES)


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


def reading_of(name: str) -> str:
    """How a file of this name is read: "html" (a page's main text), "docx" (its paragraphs) or "text" (as it is)."""
    lowered = name.lower()
    if lowered.endswith(HTML_SUFFIXES):
        return "html"
    return "docx" if lowered.endswith(DOCX_SUFFIXES) else "text"


def source_name(name: str) -> str:
    """What records and messages call the file `name`."""
    return "<stdin>" if name == "-" else shown_name(name)


def read_bytes(name: str) -> bytes | Skipped:
    """A file's bytes (`-`: standard input), or `Skipped` when it cannot be read."""
    try:
        return sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
    except OSError as err:
        return Skipped(source_name(name), f"cannot read ({err.strerror or err})")


def document_of(name: str, data: bytes) -> Document | Skipped:
    """The bytes of the file `name` as a `Document`, read as its name says (see `reading_of`);
    `Skipped` for binary bytes where text or a page should be."""
    reading = reading_of(name)
    if reading == "docx":
        return document_from_docx(source_name(name), data)
    if looks_binary(data):
        return Skipped(source_name(name), "binary file")
    if reading == "html":
        return document_from_html(source_name(name), data)
    return document_from_bytes(source_name(name), data)


def read_documents(files: Iterable[str]) -> Iterator[Document | Skipped]:
    """Read each file lazily; unreadable, binary or empty pages come back as `Skipped`."""
    for name in files:
        data = read_bytes(name)
        yield data if isinstance(data, Skipped) else document_of(name, data)
