"""The sources' quoted and reported speech as word lists, and an index of their content stems."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from quotes.corpus.clusters import content_stems
from quotes.extraction.resolve import RULE_CONTINUATION, RULE_QUOTED_IN_TURN
from quotes.models import TURN_KIND, VERBATIM_KINDS, Quote, resumes_split_quote
from quotes.text.words import Word, words_of

REPORTED_KIND = "indirect"


@dataclass(frozen=True)
class SourceWording:
    """The words of one source quote, or of the pieces of one quote split by its attribution."""

    quotes: tuple[Quote, ...]
    words: tuple[Word, ...]  # offsets into the text of `quotes[piece]`
    pieces: tuple[int, ...]  # the piece of each word
    stems: frozenset[str]
    sure: bool = True  # False when the speaker was inferred from quotes in other paragraphs

    @property
    def first(self) -> Quote:
        return self.quotes[0]

    @property
    def speaker(self) -> str | None:
        return self.first.speaker

    @property
    def quoted(self) -> bool:
        return self.first.kind in VERBATIM_KINDS or self.first.kind == TURN_KIND

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(w.key for w in self.words)

    def excerpt(self, first: int, last: int) -> tuple[str, int]:
        """The text as written of words[first:last] (pieces of a split quote joined by " … "), and its line."""
        parts: list[str] = []
        for piece in sorted({self.pieces[i] for i in range(first, last)}):
            inside = [i for i in range(first, last) if self.pieces[i] == piece]
            quote = self.quotes[piece]
            parts.append(quote.text[self.words[inside[0]].start : self.words[inside[-1]].end])
        quote = self.quotes[self.pieces[first]]
        return " … ".join(parts), quote.line + quote.text.count("\n", 0, self.words[first].start)


def _wording(quotes: Sequence[Quote], sure: bool = True) -> SourceWording:
    words: list[Word] = []
    pieces: list[int] = []
    for piece, quote in enumerate(quotes):
        found = words_of(quote.text)
        words.extend(found)
        pieces.extend([piece] * len(found))
    return SourceWording(tuple(quotes), tuple(words), tuple(pieces), content_stems(w.key for w in words), sure)


def sure_speakers(quotes: Sequence[Quote]) -> set[int]:
    """The quotes (by id) whose speaker is named for them, in their own paragraph.

    A quote that only continues one from an earlier paragraph, or that a transcript turn is
    taken to quote, has a likely speaker, not a sure one: a reply tagged by a verb the cues
    lack ('"No," she shot back.') continues the speaker of the quote before it.
    """
    sure: set[int] = set()
    previous: Quote | None = None
    for quote in sorted(quotes, key=lambda q: (q.source, q.start)):
        carried_on = (
            previous is not None
            and id(previous) in sure
            and previous.source == quote.source
            and previous.paragraph == quote.paragraph
            and previous.speaker == quote.speaker
        )
        inferred = quote.rule == RULE_QUOTED_IN_TURN or (quote.rule == RULE_CONTINUATION and not carried_on)
        if not inferred:
            sure.add(id(quote))
        previous = quote
    return sure


def _continues(previous: Quote, quote: Quote) -> bool:
    return previous.speaker is not None and previous.speaker == quote.speaker and resumes_split_quote(previous, quote)


def _split_quote_runs(quotes: Sequence[Quote]) -> Iterator[list[Quote]]:
    """Runs of two or more quotes that are the pieces of one sentence."""
    run: list[Quote] = []
    for quote in sorted(quotes, key=lambda q: (q.source, q.start)):
        if run and _continues(run[-1], quote):
            run.append(quote)
            continue
        if len(run) > 1:
            yield run
        run = [quote]
    if len(run) > 1:
        yield run


@dataclass(frozen=True)
class SourceIndex:
    """Every source wording, and which wordings use each content stem."""

    wordings: tuple[SourceWording, ...]
    by_stem: dict[str, tuple[int, ...]] = field(default_factory=dict)

    @classmethod
    def of(cls, quotes: Iterable[Quote]) -> SourceIndex:
        quotes = list(quotes)
        sure = sure_speakers(quotes)
        wordings = [_wording([q], id(q) in sure) for q in quotes]
        wordings += [_wording(run, id(run[0]) in sure) for run in _split_quote_runs(quotes)]
        wordings = [w for w in wordings if w.words]
        by_stem: dict[str, list[int]] = {}
        for number, wording in enumerate(wordings):
            for stem in wording.stems:
                by_stem.setdefault(stem, []).append(number)
        return cls(tuple(wordings), {stem: tuple(numbers) for stem, numbers in by_stem.items()})

    def weight(self, stems: Iterable[str]) -> float:
        """Smoothed idf over the wordings: a stem in every item weighs 1, a rare one up to ln(n) + 1."""
        total = len(self.wordings)
        return math.fsum(math.log((1 + total) / (1 + len(self.by_stem.get(s, ())))) + 1 for s in stems)  # exact: any order

    def containing_all(self, stems: frozenset[str]) -> list[SourceWording]:
        """The wordings that use every one of `stems` (all wordings when there are none)."""
        if not stems:
            return list(self.wordings)
        postings = sorted((self.by_stem.get(s, ()) for s in stems), key=len)
        common = set(postings[0]).intersection(*postings[1:])
        return [self.wordings[n] for n in sorted(common)]

    def sharing(self, stems: frozenset[str], at_least: int) -> list[tuple[int, SourceWording]]:
        """(shared stem count, wording) for the wordings sharing `at_least` of `stems`, most shared first."""
        counts = Counter(n for s in stems for n in self.by_stem.get(s, ()))
        ranked = sorted(((shared, n) for n, shared in counts.items() if shared >= at_least), key=lambda x: (-x[0], x[1]))
        return [(shared, self.wordings[n]) for shared, n in ranked]
