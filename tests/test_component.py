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
