"""HTML character references in pasted text are read as characters, at the same offsets."""

from __future__ import annotations

import pytest

from quotes.sources.entities import references_read
from quotes.sources.files import document_from_text

PASTED = "He said &#8220;Before I begin, Monday&#8217;s outage,&#8221; and H&eacute;l&egrave;ne agreed."


def test_reading_references_keeps_the_length_and_every_line():
    text = PASTED + "\n&quot;Yes&quot;\n"
    read = references_read(text)
    assert read is not None and len(read) == len(text)
    assert [i for i, c in enumerate(read) if c == "\n"] == [i for i, c in enumerate(text) if c == "\n"]


def test_an_opening_mark_stands_right_before_its_word_and_a_closing_one_right_after():
    read = references_read(PASTED)
    assert read is not None
    assert read[PASTED.index("Before") - 1] == "“"
    assert read[PASTED.index("&#8221;") - 1 : PASTED.index("&#8221;") + 1] == ",”"


def test_a_word_with_a_reference_inside_is_read_whole():
    read = references_read(PASTED)
    assert read is not None and "Monday’s" in read and "Hélène" in read


def test_text_without_references_is_left_alone():
    assert references_read("Fish & chips, AT&T and &nbsp as written") is None


def test_a_document_with_references_is_read_through_them():
    document = document_from_text("story.txt", PASTED)
    assert document.text == PASTED and document.plain == references_read(PASTED)


@pytest.mark.model
def test_a_quote_in_references_for_curly_marks_is_found_at_the_files_offsets(pipeline):
    from quotes.extraction.pipeline import extract

    text = "Outage\n\n&#8220;We are sorry for Monday&#8217;s outage,&#8221; chief executive Maria Okafor said.\n"
    [quote] = [q for q in extract(document_from_text("story.txt", text), pipeline=pipeline) if q.kind == "direct"]
    assert (quote.start, quote.end, quote.speaker) == (text.index("We"), text.index(",&#8221;") + 1, "Maria Okafor")
