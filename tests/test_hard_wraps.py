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


def test_a_name_a_wrap_broke_with_a_hyphen_is_read_whole(quotes_of):
    text = (
        "Baths vote\r\n\r\nThe council voted on Thursday night to close the Victorian\r\n"
        "baths on Netherby Road after a debate that ran for almost\r\n"
        "three hours. Leader of the opposition Cllr Graham Sut-\r\n"
        "cliffe said the administration had known about the state\r\n"
        "of the building since a condition survey carried out in\r\n"
        "2022, and that the pool had been left to fall apart.\r\n"
    )
    assert [q.speaker for q in quotes_of(text)] == ["Graham Sutcliffe"]


def test_a_compound_a_wrap_broke_at_its_hyphen_keeps_it(rules):
    from quotes.extraction.plan import plan

    text = (
        "Bridge\n\nThe inspection of the old bridge over the river was led\n"
        "by the town's most experienced and well-\n"
        "known engineer, who said the well was dry and the answer\n"
        "known to everyone who had walked across the bridge in the\n"
        "past ten years, and that the council would pay for repairs.\n"
    )
    document = Document("bridge.txt", text)
    found = plan(document, rules)
    assert any("well-" in found.text_of(document, start, end) for start, end in found.parts)
