"""A quote inside a quote is an item of its own, spoken by whoever the outer speaker quotes."""

from __future__ import annotations

import pytest

from quotes.models import Document

pytestmark = pytest.mark.model


def _items(pipeline, text):
    from quotes.extraction.pipeline import extract

    return [(q.text, q.kind, q.speaker) for q in extract(Document("nested.txt", text), pipeline=pipeline)]


def test_inner_quote_goes_to_the_person_the_outer_speaker_quotes(pipeline):
    text = (
        "Home Secretary Rachel Danvers spoke in Leeds on Monday.\n\n"
        "‘When Martin Hebden told me “we cannot police a county this size”, I listened,’ Danvers said.\n"
    )
    items = _items(pipeline, text)
    assert ("we cannot police a county this size", "partial", "Martin Hebden") in items
    assert any(speaker == "Rachel Danvers" and text.startswith("When Martin Hebden") for text, _, speaker in items)


def test_inner_scare_quote_is_not_an_item(pipeline):
    text = "‘They keep telling me it’s a “managed” release,’ says Tom Pengelly, a farmer.\n"
    assert [t for t, _, _ in _items(pipeline, text)] == ["They keep telling me it’s a “managed” release,"]
