"""Read articles: files, folders, standard input and URLs become `Document`s.

    read_raw(name)  -> Raw (bytes, and how to read them: "text", "html" or "docx") | Skipped
    document_of(raw) -> Document | Skipped    (read_documents does both, lazily, with manifests)

Text is decoded as UTF-8 (with or without a byte-order mark); anything else falls back to
cp1252 or Latin-1 with a warning. Binary files are skipped with a warning. Newlines are
kept as they are in the file, so offsets match what any other tool reads; front matter is
blanked, not cut. Pages (`html.py`) and .docx files (`docx.py`) become their extracted text,
URLs are fetched (`urls.py`), and where each source comes from is settled in `meta.py`.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path, PurePath
from urllib.parse import urlsplit

from quotes.models import NO_META, Document, SourceMeta
from quotes.sources.common import Skipped as Skipped
from quotes.sources.common import SourceError as SourceError
from quotes.sources.common import decode as decode
from quotes.sources.common import looks_binary as looks_binary
from quotes.sources.common import shown_name as shown_name
from quotes.sources.common import title_of as title_of
from quotes.sources.docx import DOCX_MEDIA_TYPE, DOCX_SUFFIXES, document_from_docx
from quotes.sources.entities import references_read
from quotes.sources.html import HTML_SUFFIXES, document_from_html
from quotes.sources.markdown import markdown_in, markdown_text, quoted_lines_blanked
from quotes.sources.meta import Manifests, front_matter, merged
from quotes.sources.urls import PAGE_TYPES, TEXT_TYPES, FetchSettings, fetch, is_url

TEXT_SUFFIXES = (".txt", ".md")
MARKDOWN_SUFFIXES = (".md", ".markdown")
PAGE_STARTS = (b"<!doctype html", b"<html")
DEFAULT_SUFFIXES = (*TEXT_SUFFIXES, *HTML_SUFFIXES, *DOCX_SUFFIXES)


def document_from_bytes(source: str, data: bytes, markdown: bool = False) -> Document:
    """Text as it is in the file, but for its front matter (blanked: see `quotes.sources.meta`);
    Markdown's syntax is blanked in `plain` (see `quotes.sources.markdown`): a .md file's
    (`markdown`), or a text file's that looks like Markdown."""
    text, warnings = decode(data)
    return document_from_text(source, text, markdown, warnings)


def document_from_text(source: str, text: str, markdown: bool = False, warnings: tuple[str, ...] = ()) -> Document:
    """Text as given, but for its front matter (blanked, so offsets index `text`); a text file's
    e-mail quoting (">" opening lines) is blanked in `plain` too, and its HTML character
    references read (`quotes.sources.entities`)."""
    found = front_matter(text)
    markdown_plain = markdown_text(found.text) if markdown else markdown_in(found.text)
    plain = markdown_plain or quoted_lines_blanked(found.text)
    plain = references_read(plain or found.text) or plain  # "Monday&#8217;s" pasted from a CMS
    return Document(
        source=source,
        text=found.text,
        title=title_of(plain or found.text),
        warnings=(*warnings, *found.warnings),
        meta=found.meta or NO_META,
        format="text" if markdown_plain is None else "markdown",
        plain=plain,
    )


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
        if is_url(given):
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
        elif path.is_symlink():
            raise SourceError(f"{given}: a symbolic link to nothing (broken, or a loop)")
        else:
            raise SourceError(f"{given}: no such file or folder")
    return _once_each(files)


def _once_each(files: list[str]) -> list[str]:
    """Each file once, by where it resolves to (`a a`, `dir dir/`, `x ./x`), as first given."""
    seen: set[str] = set()
    unique = []
    for name in files:
        where = name if name == "-" or is_url(name) else os.path.realpath(name)
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
    """How a file of this name is read: "html" (a page's main text), "docx" (its paragraphs),
    "markdown" (as it is, its syntax blanked for the parser) or "text" (as it is)."""
    lowered = name.lower()
    if lowered.endswith(HTML_SUFFIXES):
        return "html"
    if lowered.endswith(MARKDOWN_SUFFIXES):
        return "markdown"
    return "docx" if lowered.endswith(DOCX_SUFFIXES) else "text"


def source_name(name: str) -> str:
    """What records and messages call the file `name`."""
    return "<stdin>" if name == "-" else shown_name(name)


@dataclass(frozen=True)
class Raw:
    """A source's bytes as read, and how they are to be read."""

    name: str  # as given: a path, "-" or a URL
    data: bytes
    reading: str  # "text", "markdown", "html" or "docx"
    url: str | None = None  # a fetched page: where it came from, after redirects
    charset: str | None = None  # a fetched page: what the server said its bytes are

    @property
    def source(self) -> str:
        return source_name(self.name)


def _reading_of_media(media_type: str) -> str | None:
    if not media_type or media_type in PAGE_TYPES:
        return "html"
    if media_type == DOCX_MEDIA_TYPE:
        return "docx"
    if media_type == "text/markdown":
        return "markdown"
    return "text" if media_type in TEXT_TYPES else None


def _fetched(url: str, fetching: FetchSettings) -> Raw | Skipped:
    fetched = fetch(url, fetching)
    if isinstance(fetched, Skipped):
        return Skipped(shown_name(url), fetched.reason)
    reading = _reading_of_media(fetched.media_type)
    if reading is None:
        return Skipped(shown_name(url), f"not a page or text ({fetched.media_type})")
    return Raw(url, fetched.data, reading, fetched.url, fetched.charset)


def read_raw(name: str, fetching: FetchSettings | None = None) -> Raw | Skipped:
    """A source's bytes: a file, standard input (`-`) or a URL (fetched with `fetching`), or `Skipped` with the reason."""
    if is_url(name):
        return _fetched(name, fetching or FetchSettings())
    try:
        data = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
    except OSError as err:
        return Skipped(source_name(name), f"cannot read ({err.strerror or err})")
    if name == "-":  # no name to go by: a page is a page by its first tag
        return Raw(name, data, "html" if data.lstrip(b"\xef\xbb\xbf \t\r\n")[:14].lower().startswith(PAGE_STARTS) else "text")
    return Raw(name, data, reading_of(name))


def _fallback_meta(raw: Raw) -> SourceMeta | None:
    """What is known without being told: a fetched page's host and URL, a file's name as its outlet."""
    if raw.url is not None:
        return SourceMeta(outlet=urlsplit(raw.url).hostname or None, url=raw.url)
    return None if raw.name == "-" else SourceMeta(outlet=PurePath(raw.source).stem or None)


def document_of(raw: Raw, listed: SourceMeta | None = None) -> Document | Skipped:
    """A source's bytes as a `Document`, read as `raw.reading` says, its metadata from its front
    matter, then `listed` (its manifest entry), then the page's own, then its name; `Skipped` for
    binary bytes where text or a page should be, a page without main text, a broken .docx."""
    if raw.reading == "docx":
        read = document_from_docx(raw.source, raw.data)
    elif looks_binary(raw.data):
        read = Skipped(raw.source, "binary file")
    elif raw.reading == "html":
        read = document_from_html(raw.source, raw.data, url=raw.url, charset=raw.charset)
    else:
        read = document_from_bytes(raw.source, raw.data, markdown=raw.reading == "markdown")
    if isinstance(read, Skipped):
        return read
    if raw.reading in ("text", "markdown"):  # the file's own front matter is closest to it
        return replace(read, meta=merged(read.meta, listed, _fallback_meta(raw)))
    return replace(read, meta=merged(listed, read.meta, _fallback_meta(raw)))


def read_documents(files: Iterable[str], fetching: FetchSettings | None = None) -> Iterator[Document | Skipped]:
    """Read each file (or fetch each URL) lazily; what gives no document comes back as `Skipped`.

    Raises SourceError for a manifest (`sources.csv`, `sources.toml`) that cannot be used.
    """
    manifests = Manifests()
    for name in files:
        raw = read_raw(name, fetching)
        if isinstance(raw, Skipped):
            yield raw
            continue
        listed = None if raw.url is not None or name == "-" else manifests.meta_of(name)
        yield document_of(raw, listed)
