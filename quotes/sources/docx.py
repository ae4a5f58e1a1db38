"""Word documents: a .docx's paragraphs (and table rows) as text, one paragraph a line with a blank line between.

The text is built here, so offsets into a .docx are offsets into this text (which `--save-text` writes).
A line break inside a Word paragraph stays a line break. Only what the file states is metadata:
its title property; Word's author and dates name whoever made the file, not the article.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import TYPE_CHECKING

from quotes.models import Document, SourceMeta
from quotes.sources.common import Skipped

if TYPE_CHECKING:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

DOCX_SUFFIXES = (".docx",)
DOCX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PARAGRAPH_BREAK = "\n\n"  # a line break inside a paragraph stays one "\n"


def _lines(text: str) -> str:
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def _paragraphs(content: Iterator[Paragraph | Table]) -> Iterator[str]:
    from docx.text.paragraph import Paragraph

    for block in content:
        if isinstance(block, Paragraph):
            yield _lines(block.text)
            continue
        for row in block.rows:
            cells = dict.fromkeys(_lines(cell.text).replace("\n", " ") for cell in row.cells)  # merged cells repeat
            yield " | ".join(cell for cell in cells if cell)


def paragraph_number(text: str, offset: int) -> int:
    """The 1-based paragraph (or table row) of a .docx's text, as `document_from_docx` builds it, that holds `offset`."""
    return text.count(PARAGRAPH_BREAK, 0, offset) + 1


def document_from_docx(source: str, data: bytes) -> Document | Skipped:
    """A .docx as a `Document` of its paragraphs, or `Skipped` when it is not one or holds no text."""
    import docx  # here, not at the top: it takes half a second to import, and most runs read no .docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        word = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, SyntaxError) as err:  # SyntaxError: lxml's
        return Skipped(source, f"not a readable .docx ({type(err).__name__}: {err})")
    paragraphs = [p for p in _paragraphs(word.iter_inner_content()) if p]
    if not paragraphs:
        return Skipped(source, "no text in the .docx")
    title = (word.core_properties.title or "").strip() or None
    return Document(
        source=source,
        text=PARAGRAPH_BREAK.join(paragraphs) + "\n",
        title=paragraphs[0].splitlines()[0],
        meta=SourceMeta(title=title),
        format="docx",
    )
