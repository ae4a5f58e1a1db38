"""Forms: one wording of one speaker, the unit that clustering compares."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from quotes.corpus.clusters.thresholds import MIN_WORDS_ACROSS_SPEAKERS, STRONG_CONTAINED_STEMS, WHOLE_QUOTE_KINDS
from quotes.models import Quote
from quotes.text.names import identity_key
from quotes.text.synonyms import sense_stems
from quotes.text.words import tokenise


@dataclass(slots=True)
class Form:
    text: str  # normalised
    word_count: int
    stems: frozenset[str]
    speaker: str | None  # identity key
    partial: bool = False  # some member is a partial quote
    whole: bool = False  # some member is a whole quoted sentence (direct) or a post
    vocabulary: Vocabulary | None = None  # its speaker's, shared by the speaker's forms
    members: list[int] = field(default_factory=list)  # indices into the input
    sources: set[str] = field(default_factory=set)

    @property
    def is_fragment(self) -> bool:
        return len(self.stems) < STRONG_CONTAINED_STEMS


# One entry per speaker name of the corpus; bounded for a process that clusters corpus after corpus.
@lru_cache(maxsize=1 << 14)
def identity(name: str) -> str | None:
    return identity_key(name) or None


def speaker_key(quote: Quote) -> str | None:
    return identity(quote.speaker) if quote.speaker else None


def find_forms(quotes: list[Quote]) -> tuple[list[Form], list[int]]:
    """Distinct (wording, speaker) forms, and the form of each quote."""
    by_key: dict[tuple[str, str | None] | tuple[str, None, int], int] = {}
    forms: list[Form] = []
    form_of: list[int] = []
    for index, quote in enumerate(quotes):
        words = tokenise(quote.text)
        text, speaker = " ".join(words).casefold(), speaker_key(quote)
        key: tuple[str, str | None] | tuple[str, None, int] = (text, speaker)
        if speaker is None and len(words) < MIN_WORDS_ACROSS_SPEAKERS:
            key = (text, None, index)  # a short unattributed phrase is no evidence of one utterance
        if key not in by_key:
            by_key[key] = len(forms)
            forms.append(Form(text, len(words), sense_stems(words), speaker))
        form = forms[by_key[key]]
        form.members.append(index)
        form.sources.add(quote.source)
        form.partial = form.partial or quote.kind == "partial"
        form.whole = form.whole or quote.kind in WHOLE_QUOTE_KINDS
        form_of.append(by_key[key])
    return forms, form_of


def group_by_speaker(forms: list[Form]) -> dict[str, list[int]]:
    groups: dict[str, list[int]] = defaultdict(list)
    for index, form in enumerate(forms):
        if form.speaker is not None:
            groups[form.speaker].append(index)
    return groups


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """How many of one speaker's forms use each stem, for weighing the stems two forms share."""

    frequency: Counter[str]
    idf: tuple[float, ...]  # by the number of *other* forms that use a stem

    @classmethod
    def of(cls, forms: list[Form]) -> Vocabulary:
        others = max(len(forms) - 2, 0)  # every form but the two compared
        idf = tuple(math.log((1 + others) / (1 + used)) + 1 for used in range(others + 1))
        return cls(Counter(s for form in forms for s in form.stems), idf)

    def weight(self, stems: Iterable[str], in_both: bool) -> float:
        """Smoothed idf over the speaker's other forms: a stem the two forms share counts neither use.
        Summed exactly (`fsum`): a set's order changes with the hash seed, and a rounding
        difference must not move a pair across a threshold from one run to the next."""
        idf, frequency, own = self.idf, self.frequency, 2 if in_both else 1
        return math.fsum(idf[frequency[s] - own] for s in stems)


def describe_speakers(forms: list[Form], by_speaker: dict[str, list[int]]) -> None:
    for group in by_speaker.values():
        vocabulary = Vocabulary.of([forms[i] for i in group])
        for index in group:
            forms[index].vocabulary = vocabulary


def quote_key(quote: Quote) -> tuple[str, int, int, str, str]:
    return (quote.source, quote.start, quote.end, quote.kind, quote.text)


def form_key(form: Form, quotes: list[Quote]) -> tuple[str, int, int, str, str]:
    return min(quote_key(quotes[i]) for i in form.members)
