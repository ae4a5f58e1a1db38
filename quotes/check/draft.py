"""A draft quote's wording (pieces between omissions and insertions), and reading drafts."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from quotes.corpus.clusters import content_stems
from quotes.models import Document
from quotes.sources.files import Skipped, SourceError, read_documents
from quotes.text.words import Word, words_of

# "[the minister]" may stand for a pronoun or a short name: at most this many source words.
BRACKET_MAX_REPLACED_WORDS = 3
DRAFT_SUFFIXES = (".md", ".markdown", ".txt", ".text", ".rst", ".adoc", ".asciidoc", ".html", ".htm", ".docx")

# "...", "…" and "[...]" are omissions; any other [bracket] is an editorial insertion.
ELLIPSIS = r"(?:…|\.\s?\.\s?\.)"
OMISSION = re.compile(rf"\[\s*{ELLIPSIS}\s*\]|{ELLIPSIS}")
GAP = re.compile(rf"\[\s*{ELLIPSIS}\s*\]|{ELLIPSIS}|\[[^\]\n]*(?:\n[^\]\n]*)?\]")  # "[the\nbone]", wrapped


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


def read_drafts(files: Sequence[str]) -> tuple[list[Document], list[str]]:
    """The drafts as the pipeline reads them (a page's main text: findings point into it, as
    `--save-text` writes it), and warnings about how they were read. A draft that cannot be read
    at all (binary, unreadable) is a SourceError: a hook must never pass a draft it did not check."""
    drafts: list[Document] = []
    notes: list[str] = []
    for item in read_documents(files):
        if isinstance(item, Skipped):
            raise SourceError(f"{item.source}: {item.reason}; a draft that cannot be read cannot be checked")
        notes.extend(f"{item.source}: {message}" for message in item.warnings)
        drafts.append(item)
    return drafts, notes
