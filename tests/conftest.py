from __future__ import annotations

import pytest

from quotes.extract import Pipeline, extract_documents, make_pipeline
from quotes.models import Document, Quote
from quotes.rules import Rules, load_rules


@pytest.fixture(scope="session")
def rules() -> Rules:
    return load_rules()


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return make_pipeline()


@pytest.fixture(scope="session")
def quotes_of(pipeline: Pipeline):
    """Extract from a string: quotes_of(text) -> list[Quote]."""

    def run(text: str, source: str = "story.txt") -> list[Quote]:
        return [q for _, found in extract_documents([Document(source, text)], pipeline) for q in found]

    return run
