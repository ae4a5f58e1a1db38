"""Word files: a .docx made here with python-docx, read for its paragraphs."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from quotes.models import Document
from quotes.sources.common import Skipped
from quotes.sources.files import read_documents

HEADLINE = "Ferry returns to Kyrenia"
QUOTE = "\u201cWe waited all winter for this,\u201d said harbour master Tom Berg."


def word_file(path: Path) -> Path:
    made = docx.Document()
    made.core_properties.title = "Ferry story"
    made.add_heading(HEADLINE, level=1)
    made.add_paragraph("The first ferry of the year docked on Monday.")
    made.add_paragraph("")  # an empty paragraph is no paragraph
    made.add_paragraph(QUOTE)
    table = made.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Arrivals"
    table.rows[0].cells[1].text = "412"
    line_break = made.add_paragraph("First line")
    line_break.add_run().add_break()
    line_break.add_run("second line")
    made.save(str(path))
    return path


def read(path: Path) -> Document | Skipped:
    [item] = list(read_documents([str(path)]))
    return item


def test_a_docx_is_read_paragraph_by_paragraph_with_blank_lines_between(tmp_path):
    document = read(word_file(tmp_path / "ferry.docx"))
    assert isinstance(document, Document)
    assert document.text.split("\n\n")[:3] == [HEADLINE, "The first ferry of the year docked on Monday.", QUOTE]


def test_a_docx_headline_is_its_title_and_its_title_property_is_metadata(tmp_path):
    document = read(word_file(tmp_path / "ferry.docx"))
    assert isinstance(document, Document)
    assert document.title == HEADLINE and document.meta.title == "Ferry story" and document.format == "docx"


def test_a_docx_table_row_is_one_paragraph(tmp_path):
    document = read(word_file(tmp_path / "ferry.docx"))
    assert isinstance(document, Document) and "Arrivals | 412" in document.text.split("\n\n")


def test_a_line_break_inside_a_docx_paragraph_stays_a_line_break(tmp_path):
    document = read(word_file(tmp_path / "ferry.docx"))
    assert isinstance(document, Document) and "First line\nsecond line" in document.text.rstrip("\n").split("\n\n")


def test_a_file_named_docx_that_is_not_one_is_skipped_with_a_reason(tmp_path):
    fake = tmp_path / "fake.docx"
    fake.write_text("just text", encoding="utf-8")
    skipped = read(fake)
    assert isinstance(skipped, Skipped) and "not a readable .docx" in skipped.reason


@pytest.mark.model
def test_quotes_in_a_docx_point_into_its_text(tmp_path, pipeline):
    from quotes.extraction.pipeline import extract

    path = word_file(tmp_path / "ferry.docx")
    document = read(path)
    assert isinstance(document, Document)
    [quote] = [q for q in extract(path, pipeline=pipeline) if q.kind == "direct"]
    assert quote.speaker == "Tom Berg" and document.text[quote.start : quote.end] == quote.text
