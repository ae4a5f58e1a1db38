"""The spaCy pipeline component `quotes`."""

from __future__ import annotations

import pytest

import quotes.component  # noqa: F401  (registers the factory when the package is not installed)

pytestmark = pytest.mark.model

TEXT = 'Harbour master Eva Lund spoke at dawn.\n\n"The storm has passed," Lund said.'


def test_add_pipe_leaves_quotes_in_a_span_group(pipeline):
    nlp = pipeline.nlp
    if "quotes" not in nlp.pipe_names:
        nlp.add_pipe("quotes")
    try:
        doc = nlp(TEXT)
        [span] = doc.spans["quotes"]
        assert (span.label_, span.text, span._.speaker, span._.cue) == ("direct", "The storm has passed,", "Eva Lund", "said")
    finally:
        nlp.remove_pipe("quotes")


@pytest.mark.parametrize("text", ["", " ", "\n\n\n"])
def test_empty_texts_give_no_quotes(pipeline, text):
    nlp = pipeline.nlp
    nlp.add_pipe("quotes")
    try:
        empty, story = nlp.pipe([text, TEXT])
        assert list(empty.spans["quotes"]) == [] and len(story.spans["quotes"]) == 1
    finally:
        nlp.remove_pipe("quotes")
