"""The same articles hard-wrapped (as `fold -s -w 72` wraps them) give the same items and
speakers: `final3`, whose two one-line articles become one block of wrapped lines."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from quotes.models import Document
from quotes.text.words import normalise

pytestmark = pytest.mark.model

ARTICLES = sorted((Path(__file__).resolve().parent / "data" / "final3").glob("*.txt"))
WIDTH = 72
MIN_FOUND = 0.98
MIN_SAME_SPEAKER = 0.97


def folded(text: str) -> str:
    """Each line of `text` wrapped at WIDTH columns, blank lines kept."""
    return "\n".join(textwrap.fill(line, WIDTH, break_long_words=False) if line.strip() else "" for line in text.split("\n"))


@pytest.fixture(scope="module")
def pairs(pipeline) -> list[tuple[dict, dict]]:
    from quotes.extraction.pipeline import extract

    def items(name: str, text: str) -> dict[tuple[str, str], str | None]:
        return {(q.kind, normalise(q.text)): q.speaker for q in extract(Document(name, text), pipeline=pipeline)}

    texts = [(a.name, a.read_text(encoding="utf-8")) for a in ARTICLES]
    return [(items(name, text), items(name, folded(text))) for name, text in texts]


def test_wrapped_articles_give_the_same_items(pairs):
    found = sum(len(original.keys() & wrapped.keys()) for original, wrapped in pairs)
    assert found >= MIN_FOUND * sum(len(original) for original, _ in pairs)


def test_wrapped_articles_give_the_same_speakers(pairs):
    same = sum(sum(wrapped.get(key, "") == speaker for key, speaker in original.items()) for original, wrapped in pairs)
    assert same >= MIN_SAME_SPEAKER * sum(len(original) for original, _ in pairs)
