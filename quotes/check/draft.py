"""A draft quote's wording (pieces between omissions and insertions), and reading drafts."""

from __future__ import annotations

import bisect
import html
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from quotes.corpus.clusters import content_stems
from quotes.models import Document
from quotes.sources.files import Skipped, read_documents
from quotes.text.words import Word, words_of

# "[the minister]" may stand for a pronoun or a short name: at most this many source words.
BRACKET_MAX_REPLACED_WORDS = 3
DRAFT_SUFFIXES = (".md", ".markdown", ".txt", ".text", ".rst", ".adoc", ".asciidoc", ".html", ".htm")
HTML_SUFFIXES = (".html", ".htm")

# "...", "…" and "[...]" are omissions; any other [bracket] is an editorial insertion.
ELLIPSIS = r"(?:…|\.\s?\.\s?\.)"
OMISSION = re.compile(rf"\[\s*{ELLIPSIS}\s*\]|{ELLIPSIS}")
GAP = re.compile(rf"\[\s*{ELLIPSIS}\s*\]|{ELLIPSIS}|\[[^\]\n]*\]")
HTML_HIDDEN = re.compile(r"<(script|style)\b.*?</\1\s*>|<!--.*?-->|<[^>]*>", re.IGNORECASE | re.DOTALL)
HTML_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
NOT_NEWLINE = re.compile(r"[^\n]")


@dataclass(frozen=True)
class DraftWording:
    """A draft quote's words in pieces, split at omissions (`…`) and editorial [insertions]."""

    pieces: tuple[tuple[Word, ...], ...]
    gaps: tuple[int | None, ...]  # between piece i and i+1: the most source words it may stand for (None: any)
    gap_marks: tuple[str, ...]  # as written ("…", "[the minister]")

    @property
    def words(self) -> tuple[Word, ...]:
        return tuple(w for piece in self.pieces for w in piece)

    @property
    def stems(self) -> frozenset[str]:
        return content_stems(w.key for w in self.words)


def _gap_size(mark: str) -> int | None:
    return None if OMISSION.fullmatch(mark) else BRACKET_MAX_REPLACED_WORDS


def _merged_gap(a: int | None, b: int | None) -> int | None:
    return None if a is None or b is None else a + b


def _segments(text: str) -> Iterator[tuple[Word, ...] | re.Match[str]]:
    """The text's runs of words, and the gap marks between them."""
    position = 0
    for match in GAP.finditer(text):
        yield tuple(words_of(text[position : match.start()], position))
        yield match
        position = match.end()
    yield tuple(words_of(text[position:], position))


def draft_wording(text: str) -> DraftWording:
    pieces: list[tuple[Word, ...]] = []
    gaps: list[int | None] = []
    marks: list[str] = []
    gap: int | None = 0
    mark = ""
    for item in _segments(text):
        if isinstance(item, re.Match):
            gap, mark = _merged_gap(gap, _gap_size(item.group())), mark + item.group()
            continue
        if not item:
            continue
        if pieces:  # a gap before the first piece or after the last leads nowhere
            gaps.append(gap)
            marks.append(mark)
        pieces.append(item)
        gap, mark = 0, ""
    return DraftWording(tuple(pieces), tuple(gaps), tuple(marks))


# --- reading drafts and sources ----------------------------------------------------------------------


@dataclass(frozen=True)
class TextMap:
    """Offsets in a decoded text back to the text as read: past each point, so many characters were dropped."""

    points: tuple[int, ...] = ()  # decoded offsets just after a decoded entity
    dropped: tuple[int, ...] = ()  # characters dropped up to that point

    def original(self, offset: int) -> int:
        passed = bisect.bisect_right(self.points, offset)
        return offset + (self.dropped[passed - 1] if passed else 0)


def _spaces(match: re.Match[str]) -> str:
    return NOT_NEWLINE.sub(" ", match.group())


def decode_html(page: str) -> tuple[str, TextMap]:
    """HTML as plain text, and the map back to the page's offsets.

    Tags (and scripts, styles, comments) become as many spaces, so lines stay where they were;
    entities become their characters (`&ldquo;` is a quote mark to find), which shortens the text:
    the map gives every offset's column in the page.
    """
    blanked = HTML_HIDDEN.sub(_spaces, page)
    parts: list[str] = []
    points: list[int] = []
    dropped: list[int] = []
    position = removed = 0
    for match in HTML_ENTITY.finditer(blanked):
        char = html.unescape(match.group())
        if char == match.group():
            continue  # not an entity HTML knows: leave it as written
        parts += [blanked[position : match.start()], char]
        points.append(match.start() - removed + len(char))
        removed += len(match.group()) - len(char)
        dropped.append(removed)
        position = match.end()
    parts.append(blanked[position:])
    return "".join(parts), TextMap(tuple(points), tuple(dropped))


def reading_of(source: str) -> str:
    """How `as_text` reads a file of this name: "html" (tags blanked, entities decoded) or "text"."""
    return "html" if source.lower().endswith(HTML_SUFFIXES) else "text"


def as_text(document: Document) -> tuple[Document, TextMap]:
    """The document as the pipeline reads it (HTML decoded), and the map back to the text as read."""
    if reading_of(document.source) == "html":
        text, text_map = decode_html(document.text)
        return replace(document, text=text), text_map
    return document, TextMap()


@dataclass(frozen=True)
class CheckedDraft:
    document: Document  # as the pipeline reads it
    original: str  # the text as read, where findings are placed
    text_map: TextMap


def read_drafts(files: Sequence[str]) -> tuple[list[CheckedDraft], list[str]]:
    """The drafts (HTML decoded), and warnings about the files that could not be read."""
    drafts: list[CheckedDraft] = []
    notes: list[str] = []
    for item in read_documents(files):
        if isinstance(item, Skipped):
            notes.append(f"{item.source}: {item.reason}, skipped")
            continue
        notes.extend(f"{item.source}: {message}" for message in item.warnings)
        document, text_map = as_text(item)
        drafts.append(CheckedDraft(document, item.text, text_map))
    return drafts, notes
