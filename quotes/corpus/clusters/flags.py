"""The flags of a cluster: wording differs, speaker differs, partial, paraphrase only."""

from __future__ import annotations

import re
from collections import defaultdict

from quotes.corpus.clusters.forms import speaker_key
from quotes.corpus.clusters.thresholds import (
    NOT_PERSONS,
    PARAPHRASE_ONLY,
    PARTIAL_ONLY,
    SPEAKER_DIFFERS,
    WHOLE_QUOTE_KINDS,
    WORDING_DIFFERS,
)
from quotes.models import VERBATIM_KINDS, Quote
from quotes.rules import load_rules
from quotes.text.names import name_key
from quotes.text.stem import stopwords
from quotes.text.words import normalise


def is_fragment(text: str, wording: str) -> bool:
    """Whether `text` is `wording` or a run of its whole words (case, punctuation and spacing aside):
    a fragment of a wording is not a difference from it."""
    return f" {normalise(text)} " in f" {normalise(wording)} "


def differs_from(wording: str, quote: Quote) -> bool:
    """Whether a member quotes words that differ from `wording`: a quoted member (direct, partial,
    embed) that is neither `wording` nor a fragment of it. Reported speech never differs."""
    return quote.kind in VERBATIM_KINDS and not is_fragment(quote.text, wording)


def _wording_differs(members: list[Quote]) -> bool:
    """Two quoted members whose words differ, neither being a fragment of the other."""
    texts = sorted({normalise(q.text) for q in members if q.kind in VERBATIM_KINDS}, key=len)
    return any(not is_fragment(short, long) for i, short in enumerate(texts) for long in texts[i + 1 :])


POSSESSIVE = re.compile(r"['’]s?$")


def _written_surname(quote: Quote) -> str | None:
    """The key of the last word of a person's name as the source wrote it; None for "he", "Governor", "the ministry"."""
    mention = quote.speaker_mention
    if not mention or quote.speaker_kind in NOT_PERSONS or not load_rules().is_written_name(mention):
        return None
    last = POSSESSIVE.sub("", mention.split()[-1])
    if last.casefold() in stopwords() or last.casefold() in load_rules().title_words:
        return None
    return name_key(last) or None


def _names_disagree(members: list[Quote]) -> bool:
    """One speaker whose name is spelled differently beyond transliteration: Matthew Mueller / Matthew Miller."""
    surnames: dict[str, set[str]] = defaultdict(set)
    for quote in members:
        speaker = speaker_key(quote)
        if speaker is not None and (surname := _written_surname(quote)) is not None:
            surnames[speaker].add(surname)
    return any(len(found) > 1 for found in surnames.values())


def cluster_flags(members: list[Quote]) -> list[str]:
    """The flags of a cluster, in this order: wording differs, speaker differs, partial, paraphrase only."""
    kinds = {q.kind for q in members}
    speakers = {key for q in members if (key := speaker_key(q)) is not None}
    flags = []
    if _wording_differs(members):
        flags.append(WORDING_DIFFERS)
    if len(speakers) > 1 or _names_disagree(members):
        flags.append(SPEAKER_DIFFERS)
    if "partial" in kinds and not kinds & set(WHOLE_QUOTE_KINDS):
        flags.append(PARTIAL_ONLY)
    if kinds == {"indirect"}:
        flags.append(PARAPHRASE_ONLY)
    return flags
