"""Every speaker string over all the project's gold sets is a clean name: no dateline, party
label, title, leading list dash or trailing punctuation glued to it."""

from __future__ import annotations

from pathlib import Path

import pytest
import regex

from quotes.rules import load_rules, seeds_dir

pytestmark = pytest.mark.model

DATA = Path(__file__).resolve().parent / "data"
GOLD_SETS = sorted(path.name.removesuffix(".gold.jsonl") for path in DATA.glob("*.gold.jsonl"))  # every set we keep
SETS = [seeds_dir(), *(DATA / name for name in GOLD_SETS)]
DATELINE = regex.compile(r"^\p{Lu}{2,}[\p{Lu}. ]*(?:,|—|–| -)")
PARTY = regex.compile(r"\b(?:Republican|Democrat|Democratic|GOP)\s+\p{Lu}\p{Ll}+\s+\p{Lu}")


@pytest.fixture(scope="module")
def quotes(pipeline) -> list:
    from quotes.extraction.pipeline import extract

    return [q for folder in SETS for q in extract(folder, pipeline=pipeline) if q.speaker]


@pytest.fixture(scope="module")
def speakers(quotes) -> set[str]:
    return {q.speaker for q in quotes}


def test_no_speaker_starts_with_a_dateline(speakers):
    assert [s for s in speakers if DATELINE.match(s)] == []


def test_no_speaker_carries_a_party_label(speakers):
    parties = load_rules().words("speakers.organisation_words")  # "Democratic Renewal Party" is a party's own name
    assert [s for s in speakers if PARTY.search(s) and s.split()[-1].lower() not in parties] == []


def test_no_speaker_starts_or_ends_with_punctuation(speakers):
    assert [s for s in speakers if regex.match(r"^[^\w\"“]", s) or regex.search(r"[,;:—–-]$", s)] == []


def test_no_speaker_ends_with_a_full_stop_but_an_abbreviation(speakers):
    suffixes = load_rules().words("speakers.corporate_suffixes")  # "Hartwell Fibre Corp."
    assert [s for s in speakers if regex.search(r"\w{4,}\.$", s) and s.split()[-1].lower() not in suffixes] == []


def test_no_persons_name_opens_with_a_title(quotes):
    titles = load_rules().title_words
    named = {q.speaker for q in quotes if q.speaker_kind == "person" and len(q.speaker.split()) > 1}
    assert [s for s in named if s.split()[0].lower().strip(".") in titles] == []


def test_no_speaker_is_an_article_alone(speakers):
    # not "a": "Mr A" is how an ombudsman hides a complainant's name, and "A" is left of it
    assert [s for s in speakers if s.lower() in ("the", "an")] == []
