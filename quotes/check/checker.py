"""`quotes check`: every quote in a draft must match what the sources say, attributed to the same person.

    draft -> its quotes (the same pipeline as the sources) -> one verdict per quote -> linter lines

Quoted speech (direct, partial, embed) in the draft is compared word by word with the quoted speech
of the sources: case, accents, punctuation, quote marks and whitespace never count. A draft quote is
`ok` when its words occur in one source quote of the same speaker (a fragment is fine); `...`/`…`
may stand for omitted words (each piece must occur, in order, in one source quote), and [bracketed]
editorial insertions may stand for up to `BRACKET_MAX_REPLACED_WORDS` source words.

Otherwise the closest source wording decides: rapidfuzz aligns the draft's words with the best
window of each candidate source quote (word-level partial_ratio, then the window's edges tuned for
the best word-level ratio). A candidate at `MISQUOTE_MIN_SIMILARITY` or more, sharing at least
`MISQUOTE_MIN_SHARED_STEMS` content words, makes the quote a misquote; with none, it is unsourced.

Reported speech (indirect) in the draft is only checked for its speaker, at warning level: it is
paired with the source item that shares the most content words (the paraphrase thresholds of
`quotes.corpus.clusters`, made stricter for flagging).
"""

from __future__ import annotations

import bisect
import difflib
import functools
import html
import json
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import Literal

from rapidfuzz import fuzz
from rich.text import Text

from quotes.cache import SourceCache
from quotes.corpus.clusters import (
    PARAPHRASE_MIN_OVERLAP,
    PARAPHRASE_MIN_SHARE_OF_LARGER,
    PARAPHRASE_MIN_SHARED,
    content_stems,
    keyed_diff,
    normalise,
)
from quotes.corpus.identities import identity_key
from quotes.extraction.pipeline import Pipeline, default_jobs, extract_documents, make_pipeline
from quotes.models import Document, Quote
from quotes.sources.files import Skipped, document_from_bytes, expand, looks_binary, read_documents

# --- thresholds ----------------------------------------------------------------------------------

# fuzz.ratio (0-100) on lists of normalised words: 2 * matching words / (draft words + window words).
# One word changed in eight scores 87.5, two in eight 75, one in four 75, one dropped from six 91;
# three words of "we will win" / "we will lose" score 67 (too short to tell a misquote from another
# sentence). On the seed articles, items at their best window in the quotes of other utterances score
# 20-65; variants of one utterance score 70-100.
MISQUOTE_MIN_SIMILARITY = 75
# ... and the draft and the window must share three content words: "the war in Ukraine" is not a
# misquote of "the war in Gaza", nor "targeting the Kursk region" of a source's "the Kursk region",
# though three of four words match.
MISQUOTE_MIN_SHARED_STEMS = 3
# Two people may say the same short phrase ("no comment", "we will win"): an exact match by another
# speaker is a misattribution only from this many content words on.
MISATTRIBUTION_MIN_STEMS = 2
# "[the minister]" may stand for a pronoun or a short name: at most this many source words.
BRACKET_MAX_REPLACED_WORDS = 3
# The alignment window's edges are tried this many words either way for the best word-level ratio.
WINDOW_SLACK_WORDS = 3
# Near candidates are ranked by shared content words; only the best are aligned word by word.
NEAR_CANDIDATES = 40
# `"We will win," she said, "this war."`: pieces of one sentence split by the attribution, on one
# line and at most this many characters apart, are also compared as one quote.
SPLIT_QUOTE_MAX_GAP = 80
# A paraphrase is pinned on another speaker only when it shares this many content words with the
# source item, and the shared words carry this share of the smaller item's weight and of the larger's.
# A word weighs less the more source items use it (smoothed idf, ln((1 + n) / (1 + df)) + 1), so the
# topic words every item shares ("Kursk", "Ukrainian", "forces") count for little. The cluster
# thresholds are for one speaker's statements; across speakers, statements on one topic come closer:
# on the seed articles (each checked against the other four) items of different speakers reach 0.67
# of the smaller item's weight but then at most 0.40 of the larger's, or share only three words.
REPORTED_MISATTRIBUTED_MIN_SHARED = max(PARAPHRASE_MIN_SHARED, 4)
REPORTED_MISATTRIBUTED_MIN_OVERLAP = max(PARAPHRASE_MIN_OVERLAP, 0.6)
REPORTED_MISATTRIBUTED_MIN_SHARE_OF_LARGER = 0.45

QUOTED_KINDS = ("direct", "partial", "embed")
REPORTED_KIND = "indirect"
# Drafts come in these formats (pre-commit's markdown, plain-text, rst, asciidoc and html tags).
DRAFT_SUFFIXES = (".md", ".markdown", ".txt", ".text", ".rst", ".adoc", ".asciidoc", ".html", ".htm")
HTML_SUFFIXES = (".html", ".htm")
MAX_SHOWN_CHARS = 80  # quotes longer than this are cut in linter lines (JSON has them whole)

WORD = re.compile(r"[^\W_]+")
# "...", "…" and "[...]" are omissions; any other [bracket] is an editorial insertion.
ELLIPSIS = r"(?:…|\.\s?\.\s?\.)"
OMISSION = re.compile(rf"\[\s*{ELLIPSIS}\s*\]|{ELLIPSIS}")
GAP = re.compile(rf"\[\s*{ELLIPSIS}\s*\]|{ELLIPSIS}|\[[^\]\n]*\]")
HTML_HIDDEN = re.compile(r"<(script|style)\b.*?</\1\s*>|<!--.*?-->|<[^>]*>", re.IGNORECASE | re.DOTALL)
HTML_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
NOT_NEWLINE = re.compile(r"[^\n]")
GAP_KEY = "\0gap"  # the diff's key of an omission, on both sides


class Verdict(StrEnum):
    ok = "ok"
    misquote = "misquote"
    misattributed = "misattributed"
    unattributed = "unattributed"
    unsourced = "unsourced"


Severity = Literal["error", "warning", "info"]

# QC1xx: quoted speech, QC2xx: reported speech; x00 is a pass (shown with --verbose).
QUOTED_CODES = {
    Verdict.ok: "QC100",
    Verdict.misquote: "QC101",
    Verdict.misattributed: "QC102",
    Verdict.unattributed: "QC103",
    Verdict.unsourced: "QC104",
}
REPORTED_CODES = {Verdict.ok: "QC200", Verdict.misattributed: "QC201"}


# --- words -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Word:
    key: str  # normalised: no case, accents or punctuation
    shown: str  # as written
    start: int  # offsets in the text it was read from
    end: int


def _keys(word: str) -> list[str]:
    """`normalise` of one word; normalising can split it ("½" -> "1 2"), so a list."""
    return [word.casefold()] if word.isascii() else normalise(word).split()


def words_of(text: str, offset: int = 0) -> list[Word]:
    """The words of `text` with their normalised keys; every piece of a split word keeps the word's place."""
    return [
        Word(key, match.group(), match.start() + offset, match.end() + offset)
        for match in WORD.finditer(text)
        for key in _keys(match.group())
    ]


def same_speaker(a: str, b: str) -> bool:
    """One identity: equal `identity_key`s, or a surname alone that ends the other name (Falk, Ines Falk)."""
    key_a, key_b = identity_key(a), identity_key(b)
    if key_a == key_b:
        return True
    words_a, words_b = key_a.split(), key_b.split()
    return bool(words_a and words_b) and (
        (len(words_a) == 1 and words_a[0] == words_b[-1]) or (len(words_b) == 1 and words_b[0] == words_a[-1])
    )


# --- the sources' wordings -------------------------------------------------------------------------


@dataclass(frozen=True)
class SourceWording:
    """The words of one source quote, or of the pieces of one quote split by its attribution."""

    quotes: tuple[Quote, ...]
    words: tuple[Word, ...]  # offsets into the text of `quotes[piece]`
    pieces: tuple[int, ...]  # the piece of each word
    stems: frozenset[str]

    @property
    def first(self) -> Quote:
        return self.quotes[0]

    @property
    def speaker(self) -> str | None:
        return self.first.speaker

    @property
    def quoted(self) -> bool:
        return self.first.kind in QUOTED_KINDS

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


def _wording(quotes: Sequence[Quote]) -> SourceWording:
    words: list[Word] = []
    pieces: list[int] = []
    for piece, quote in enumerate(quotes):
        found = words_of(quote.text)
        words.extend(found)
        pieces.extend([piece] * len(found))
    return SourceWording(tuple(quotes), tuple(words), tuple(pieces), content_stems(w.key for w in words))


def _continues(previous: Quote, quote: Quote) -> bool:
    return (
        previous.source == quote.source
        and previous.speaker is not None
        and previous.speaker == quote.speaker
        and previous.kind in QUOTED_KINDS
        and quote.kind in QUOTED_KINDS
        and previous.line == quote.line
        and 0 <= quote.start - previous.end <= SPLIT_QUOTE_MAX_GAP
    )


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
        wordings = [_wording([q]) for q in quotes] + [_wording(run) for run in _split_quote_runs(quotes)]
        wordings = [w for w in wordings if w.words]
        by_stem: dict[str, list[int]] = {}
        for number, wording in enumerate(wordings):
            for stem in wording.stems:
                by_stem.setdefault(stem, []).append(number)
        return cls(tuple(wordings), {stem: tuple(numbers) for stem, numbers in by_stem.items()})

    def weight(self, stems: Iterable[str]) -> float:
        """Smoothed idf over the wordings: a stem in every item weighs 1, a rare one up to ln(n) + 1."""
        total = len(self.wordings)
        return sum(math.log((1 + total) / (1 + len(self.by_stem.get(s, ())))) + 1 for s in stems)

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


# --- the draft's wording ----------------------------------------------------------------------------


@dataclass(frozen=True)
class DraftWording:
    """A draft quote's words in pieces, split at omissions (`…`) and editorial [insertions]."""

    pieces: tuple[tuple[Word, ...], ...]
    gaps: tuple[int | None, ...]  # between piece i and i+1: the most source words it may stand for (None: any)
    gap_marks: tuple[str, ...]  # as written ("…", "[the minister]")

    @property
    def words(self) -> tuple[Word, ...]:
        return tuple(w for piece in self.pieces for w in piece)

    @property
    def stems(self) -> frozenset[str]:
        return content_stems(w.key for w in self.words)


def _gap_size(mark: str) -> int | None:
    return None if OMISSION.fullmatch(mark) else BRACKET_MAX_REPLACED_WORDS


def _merged_gap(a: int | None, b: int | None) -> int | None:
    return None if a is None or b is None else a + b


def _segments(text: str) -> Iterator[tuple[Word, ...] | re.Match[str]]:
    """The text's runs of words, and the gap marks between them."""
    position = 0
    for match in GAP.finditer(text):
        yield tuple(words_of(text[position : match.start()], position))
        yield match
        position = match.end()
    yield tuple(words_of(text[position:], position))


def draft_wording(text: str) -> DraftWording:
    pieces: list[tuple[Word, ...]] = []
    gaps: list[int | None] = []
    marks: list[str] = []
    gap: int | None = 0
    mark = ""
    for item in _segments(text):
        if isinstance(item, re.Match):
            gap, mark = _merged_gap(gap, _gap_size(item.group())), mark + item.group()
            continue
        if not item:
            continue
        if pieces:  # a gap before the first piece or after the last leads nowhere
            gaps.append(gap)
            marks.append(mark)
        pieces.append(item)
        gap, mark = 0, ""
    return DraftWording(tuple(pieces), tuple(gaps), tuple(marks))


# --- matching ----------------------------------------------------------------------------------------

Window = tuple[int, int]  # word indices [start, end) in a source wording


@dataclass(frozen=True)
class Match:
    wording: SourceWording
    windows: tuple[Window, ...]  # one per draft piece, in order
    similarity: float  # 100 for an exact match

    @property
    def span(self) -> Window:
        return self.windows[0][0], self.windows[-1][1]


def _occurrences(piece: tuple[str, ...], keys: tuple[str, ...], start: int, stop: int) -> Iterator[int]:
    """Where `piece` occurs in `keys`, starting from `start` up to `stop`."""
    size = len(piece)
    for i in range(start, min(stop, len(keys) - size) + 1):
        if keys[i : i + size] == piece:
            yield i


def _place(
    pieces: list[tuple[str, ...]], gaps: Sequence[int | None], keys: tuple[str, ...], start: int, stop: int
) -> list[Window] | None:
    """Windows for `pieces`, in order, the first starting from `start` to `stop`; a gap bounds where the next may start."""
    if not pieces:
        return []
    head = pieces[0]
    for found in _occurrences(head, keys, start, stop):
        end = found + len(head)
        next_stop = len(keys) if not gaps or gaps[0] is None else end + gaps[0]
        tail = _place(pieces[1:], gaps[1:], keys, end, next_stop)
        if tail is not None:
            return [(found, end), *tail]
    return None


def exact_match(draft: DraftWording, wording: SourceWording) -> Match | None:
    """The draft's pieces in one source wording, in order, each gap within its bound."""
    keys = wording.keys
    text = f" {' '.join(keys)} "
    pieces = [tuple(w.key for w in piece) for piece in draft.pieces]
    if not all(f" {' '.join(piece)} " in text for piece in pieces):
        return None  # the common case, decided without a word-by-word search
    windows = _place(pieces, draft.gaps, keys, 0, len(keys))
    return Match(wording, tuple(windows), 100.0) if windows else None


def _best_window(piece: list[str], keys: tuple[str, ...], start: int) -> tuple[float, Window]:
    """The window of keys[start:] most like `piece`: rapidfuzz's alignment, its edges tuned by a few words."""
    aligned = fuzz.partial_ratio_alignment(piece, keys[start:])
    base_start, base_end = aligned.dest_start + start, aligned.dest_end + start
    best = (fuzz.ratio(piece, keys[base_start:base_end]), (base_start, base_end))
    for move_start in range(-WINDOW_SLACK_WORDS, WINDOW_SLACK_WORDS + 1):
        for move_end in range(-WINDOW_SLACK_WORDS, WINDOW_SLACK_WORDS + 1):
            first, last = base_start + move_start, base_end + move_end
            if start <= first < last <= len(keys):
                score = fuzz.ratio(piece, keys[first:last])
                if score > best[0]:
                    best = (score, (first, last))
    return best


def _explained_window(piece: list[str], keys: tuple[str, ...], window: Window, start: int) -> Window:
    """The window widened to the piece's words that the source has nearby, so a diff shows what was dropped.

    "The situation remains under control" aligns best with "remains under control" in "The situation,
    despite the high price we are paying, remains under control": the diff should show the whole.
    """
    matcher = difflib.SequenceMatcher(None, keys[start:], piece, autojunk=False)
    reach = 2 * len(piece) + WINDOW_SLACK_WORDS
    near = [
        block
        for block in matcher.get_matching_blocks()
        if block.size and block.a + start + block.size > window[0] - reach and block.a + start < window[1] + reach
    ]
    if not near:
        return window
    # draft words before the first shared run and after the last stand for as many source words there
    leading, trailing = near[0].b, len(piece) - (near[-1].b + near[-1].size)
    first = max(start, near[0].a + start - leading)
    last = min(len(keys), near[-1].a + start + near[-1].size + trailing)
    return min(window[0], first), max(window[1], last)


def closest_match(draft: DraftWording, wording: SourceWording) -> Match | None:
    """The draft's pieces aligned, in order, with the most similar windows of one source wording.

    The similarity is the draft's against the best windows; the match keeps them widened for showing.
    """
    keys = wording.keys
    aligned: list[Window] = []
    shown: list[Window] = []
    start = 0
    for piece in draft.pieces:
        if start >= len(keys):
            return None
        piece_keys = [w.key for w in piece]
        _, window = _best_window(piece_keys, keys, start)
        aligned.append(window)
        shown.append(_explained_window(piece_keys, keys, window, start))
        start = shown[-1][1]
    draft_keys = [w.key for w in draft.words]
    window_keys = [k for first, last in aligned for k in keys[first:last]]
    return Match(wording, tuple(shown), fuzz.ratio(draft_keys, window_keys))


def is_near(draft: DraftWording, match: Match) -> bool:
    """Close enough that the draft must have meant this source wording: a misquote, not another sentence."""
    keys = [match.wording.words[i].key for first, last in match.windows for i in range(first, last)]
    shared = draft.stems & content_stems(keys)
    return match.similarity >= MISQUOTE_MIN_SIMILARITY and len(shared) >= MISQUOTE_MIN_SHARED_STEMS


def exact_matches(draft: DraftWording, index: SourceIndex) -> list[Match]:
    candidates = (w for w in index.containing_all(draft.stems) if w.quoted)
    return [m for m in (exact_match(draft, w) for w in candidates) if m is not None]


def near_matches(draft: DraftWording, index: SourceIndex) -> list[Match]:
    """The near source wordings, most similar first."""
    candidates = [w for _, w in index.sharing(draft.stems, MISQUOTE_MIN_SHARED_STEMS) if w.quoted][:NEAR_CANDIDATES]
    matches = [m for m in (closest_match(draft, w) for w in candidates) if m is not None and is_near(draft, m)]
    return sorted(matches, key=lambda m: -m.similarity)


# --- diffs -------------------------------------------------------------------------------------------

DiffOp = tuple[str, str]  # ("equal" | "delete" | "insert", word as written); delete: source only, insert: draft only


def _source_tokens(match: Match, draft: DraftWording) -> list[tuple[str, str]]:
    """The matched source words; what lies between two windows is one omission when the draft's gap may stand for it."""
    words = match.wording.words
    tokens: list[tuple[str, str]] = []
    for number, (first, last) in enumerate(match.windows):
        if number:
            previous_end, bound = match.windows[number - 1][1], draft.gaps[number - 1]
            if bound is None or first - previous_end <= bound:
                tokens.append((GAP_KEY, "…"))
            else:
                tokens.extend((w.key, w.shown) for w in words[previous_end:first])
        tokens.extend((w.key, w.shown) for w in words[first:last])
    return tokens


def _draft_tokens(draft: DraftWording) -> list[tuple[str, str]]:
    tokens: list[tuple[str, str]] = []
    for number, piece in enumerate(draft.pieces):
        if number:
            tokens.append((GAP_KEY, draft.gap_marks[number - 1].strip()))
        tokens.extend((w.key, w.shown) for w in piece)
    return tokens


def diff_runs(diff: Sequence[DiffOp]) -> list[DiffOp]:
    """Runs of words with one op: ("equal", "The greater the"), ("delete", "closer"), ("insert", "nearer")."""
    runs: list[DiffOp] = []
    for op, word in diff:
        if runs and runs[-1][0] == op:
            runs[-1] = (op, f"{runs[-1][1]} {word}")
        else:
            runs.append((op, word))
    return runs


def changes(diff: Sequence[DiffOp]) -> list[tuple[str, str]]:
    """The diff's hunks as (source words, draft words); one side is empty for a pure drop or addition."""
    hunks: list[tuple[str, str]] = []
    removed: list[str] = []
    added: list[str] = []
    for op, word in [*diff, ("equal", "")]:
        if op == "delete":
            removed.append(word)
        elif op == "insert":
            added.append(word)
        elif removed or added:
            hunks.append((" ".join(removed), " ".join(added)))
            removed, added = [], []
    return hunks


# --- verdicts ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Finding:
    """One verdict on one quote of a draft, where it is and what it was compared with."""

    path: str
    line: int
    column: int
    code: str
    verdict: Verdict
    severity: Severity
    quote: str
    speaker: str | None
    kind: str = "direct"
    source: str | None = None
    source_line: int | None = None
    source_text: str | None = None
    source_speaker: str | None = None
    diff: tuple[DiffOp, ...] = ()

    @property
    def reported(self) -> bool:
        return self.code.startswith("QC2")

    def to_record(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "code": self.code,
            "verdict": str(self.verdict),
            "severity": self.severity,
            "message": plain_message(self),
            "quote": self.quote,
            "kind": self.kind,
            "speaker": self.speaker,
            "source": self.source,
            "source_line": self.source_line,
            "source_text": self.source_text,
            "source_speaker": self.source_speaker,
            "diff": [{"op": op, "text": text} for op, text in diff_runs(self.diff)] or None,
        }


@dataclass(frozen=True)
class Place:
    path: str
    line: int
    column: int


def place_of(path: str, text: str, offset: int) -> Place:
    """1-based line and column (in characters) of `offset`."""
    line_start = text.rfind("\n", 0, offset) + 1
    return Place(path, text.count("\n", 0, offset) + 1, offset - line_start + 1)


def _finding(
    place: Place, quote: Quote, verdict: Verdict, severity: Severity, match: Match | None, diff: tuple[DiffOp, ...] = ()
) -> Finding:
    codes = REPORTED_CODES if quote.kind == REPORTED_KIND else QUOTED_CODES
    code = codes[verdict]
    finding = Finding(place.path, place.line, place.column, code, verdict, severity, quote.text, quote.speaker, quote.kind)
    if match is None:
        return finding
    text, line = match.wording.excerpt(*match.span)
    return replace(
        finding,
        source=match.wording.first.source,
        source_line=line,
        source_text=text,
        source_speaker=match.wording.speaker,
        diff=diff,
    )


def _by_speaker_first(matches: list[Match], speaker: str | None) -> list[Match]:
    """Stable: the matches whose source speaker is `speaker` first, then attributed ones, then the rest."""

    def rank(match: Match) -> int:
        source_speaker = match.wording.speaker
        if source_speaker is None:
            return 2
        return 0 if speaker is not None and same_speaker(source_speaker, speaker) else 1

    return sorted(matches, key=rank)


def check_quoted(quote: Quote, index: SourceIndex, place: Place, strict: bool = False) -> Finding | None:
    """The verdict on one quoted passage of the draft; None when it holds no words."""
    draft = draft_wording(quote.text)
    if not draft.pieces:
        return None
    exact = _by_speaker_first(exact_matches(draft, index), quote.speaker)
    unsourced = "error" if strict else "warning"
    if quote.speaker is None:
        closest = exact or near_matches(draft, index)
        return _finding(place, quote, Verdict.unattributed, "error", closest[0] if closest else None)
    if exact:
        said_by = exact[0].wording.speaker
        if said_by is None or same_speaker(said_by, quote.speaker):
            return _finding(place, quote, Verdict.ok, "info", exact[0])
        if len(draft.stems) >= MISATTRIBUTION_MIN_STEMS:
            return _finding(place, quote, Verdict.misattributed, "error", exact[0])
        return _finding(place, quote, Verdict.unsourced, unsourced, None)  # a short phrase in another's mouth proves nothing
    near = _by_speaker_first(near_matches(draft, index), quote.speaker)
    if near:
        # the draft's words against the source's (an omission equals the words it omits)
        diff = tuple(keyed_diff(_source_tokens(near[0], draft), _draft_tokens(draft), equal_as_new=True))
        return _finding(place, quote, Verdict.misquote, "error", near[0], diff=diff)
    return _finding(place, quote, Verdict.unsourced, unsourced, None)


def _overlap(a: frozenset[str], b: frozenset[str]) -> tuple[int, float, float]:
    """Shared stems, their share of the smaller set and of the larger."""
    shared = len(a & b)
    return shared, shared / max(1, min(len(a), len(b))), shared / max(1, max(len(a), len(b)))


def _paraphrased(stems: frozenset[str], wording: SourceWording) -> bool:
    shared, of_smaller, of_larger = _overlap(stems, wording.stems)
    return (
        shared >= PARAPHRASE_MIN_SHARED and of_smaller >= PARAPHRASE_MIN_OVERLAP and of_larger >= PARAPHRASE_MIN_SHARE_OF_LARGER
    )


def _pinned_elsewhere(stems: frozenset[str], wording: SourceWording, index: SourceIndex) -> bool:
    """Close enough to blame another speaker: many shared words, and the distinctive ones among them."""
    shared = stems & wording.stems
    if len(shared) < REPORTED_MISATTRIBUTED_MIN_SHARED:
        return False
    common, own, theirs = index.weight(shared), index.weight(stems), index.weight(wording.stems)
    return common >= REPORTED_MISATTRIBUTED_MIN_OVERLAP * min(
        own, theirs
    ) and common >= REPORTED_MISATTRIBUTED_MIN_SHARE_OF_LARGER * max(own, theirs)


def _whole(wording: SourceWording) -> Match:
    return Match(wording, ((0, len(wording.words)),), 0.0)


def check_reported(quote: Quote, index: SourceIndex, place: Place) -> Finding | None:
    """Reported speech: ok when a source item it paraphrases has its speaker, a warning when only another's does."""
    if quote.speaker is None:
        return None
    stems = content_stems(w.key for w in words_of(quote.text))
    candidates = [w for _, w in index.sharing(stems, PARAPHRASE_MIN_SHARED) if w.speaker and _paraphrased(stems, w)]
    candidates.sort(key=lambda w: -_overlap(stems, w.stems)[1])  # stable: more shared stems first on a tie
    same = [w for w in candidates if same_speaker(w.speaker or "", quote.speaker)]
    if same:
        return _finding(place, quote, Verdict.ok, "info", _whole(same[0]))
    pinned = [w for w in candidates if _pinned_elsewhere(stems, w, index)]
    if pinned:
        return _finding(place, quote, Verdict.misattributed, "warning", _whole(pinned[0]))
    return None


def check_quotes(
    path: str, text: str, quotes: Iterable[Quote], index: SourceIndex, strict: bool = False, text_map: TextMap | None = None
) -> list[Finding]:
    """Every verdict on one draft (ok ones included), in reading order; `text_map` takes quote offsets back to `text`."""
    findings: list[Finding] = []
    for quote in sorted(quotes, key=lambda q: (q.start, q.end)):
        place = place_of(path, text, text_map.original(quote.start) if text_map else quote.start)
        if quote.kind in QUOTED_KINDS:
            finding = check_quoted(quote, index, place, strict)
        elif quote.kind == REPORTED_KIND:
            finding = check_reported(quote, index, place)
        else:
            finding = None
        if finding is not None:
            findings.append(finding)
    return findings


# --- reading drafts and sources ----------------------------------------------------------------------


@dataclass(frozen=True)
class TextMap:
    """Offsets in a decoded text back to the text as read: past each point, so many characters were dropped."""

    points: tuple[int, ...] = ()  # decoded offsets just after a decoded entity
    dropped: tuple[int, ...] = ()  # characters dropped up to that point

    def original(self, offset: int) -> int:
        passed = bisect.bisect_right(self.points, offset)
        return offset + (self.dropped[passed - 1] if passed else 0)


def _spaces(match: re.Match[str]) -> str:
    return NOT_NEWLINE.sub(" ", match.group())


def decode_html(page: str) -> tuple[str, TextMap]:
    """HTML as plain text, and the map back to the page's offsets.

    Tags (and scripts, styles, comments) become as many spaces, so lines stay where they were;
    entities become their characters (`&ldquo;` is a quote mark to find), which shortens the text:
    the map gives every offset's column in the page.
    """
    blanked = HTML_HIDDEN.sub(_spaces, page)
    parts: list[str] = []
    points: list[int] = []
    dropped: list[int] = []
    position = removed = 0
    for match in HTML_ENTITY.finditer(blanked):
        char = html.unescape(match.group())
        if char == match.group():
            continue  # not an entity HTML knows: leave it as written
        parts += [blanked[position : match.start()], char]
        points.append(match.start() - removed + len(char))
        removed += len(match.group()) - len(char)
        dropped.append(removed)
        position = match.end()
    parts.append(blanked[position:])
    return "".join(parts), TextMap(tuple(points), tuple(dropped))


def as_text(document: Document) -> tuple[Document, TextMap]:
    """The document as the pipeline reads it (HTML decoded), and the map back to the text as read."""
    if document.source.lower().endswith(HTML_SUFFIXES):
        text, text_map = decode_html(document.text)
        return replace(document, text=text), text_map
    return document, TextMap()


def _resolved(name: str) -> Path | str:
    try:
        return Path(name).resolve()
    except OSError:
        return name


def source_files(sources: Sequence[str], drafts: Sequence[str]) -> list[str]:
    """The source files (folders walked for draft formats), without the drafts themselves."""
    skipped = {_resolved(d) for d in drafts}
    return [f for f in expand(sources, DRAFT_SUFFIXES) if _resolved(f) not in skipped]


@dataclass
class SourceLoad:
    quotes: list[Quote] = field(default_factory=list)
    cached: int = 0
    extracted: int = 0
    notes: list[str] = field(default_factory=list)


def load_sources(files: Sequence[str], cache: SourceCache | None, pipeline: Callable[[], Pipeline]) -> SourceLoad:
    """Each source's quotes, from the cache where it has them; the pipeline is made only for the others."""
    load = SourceLoad()
    pending: list[tuple[bytes, Document]] = []
    for name in files:
        try:
            data = Path(name).read_bytes()
        except OSError as err:
            load.notes.append(f"{name}: cannot read ({err.strerror or err}), skipped")
            continue
        if looks_binary(data):
            load.notes.append(f"{name}: binary file, skipped")
            continue
        cached = cache.load(data, name) if cache is not None else None
        if cached is not None:
            load.quotes.extend(cached)
            load.cached += 1
            continue
        document = document_from_bytes(name, data)
        load.notes.extend(f"{name}: {message}" for message in document.warnings)
        pending.append((data, as_text(document)[0]))
    if not pending:
        return load
    jobs = default_jobs(sum(len(data) for data, _ in pending))
    extracted = extract_documents([document for _, document in pending], pipeline(), jobs)
    for (data, _), (_, quotes) in zip(pending, extracted, strict=True):
        load.quotes.extend(quotes)
        load.extracted += 1
        if cache is not None:
            try:
                cache.store(data, quotes)
            except OSError as err:
                load.notes.append(f"cache not written ({err.strerror or err}): {cache.folder}")
                cache = None  # one warning is enough
    return load


@dataclass(frozen=True)
class DraftText:
    document: Document  # as the pipeline reads it
    original: str  # the text as read, where findings are placed
    text_map: TextMap


def read_drafts(files: Sequence[str]) -> tuple[list[DraftText], list[str]]:
    """The drafts (HTML decoded), and warnings about the files that could not be read."""
    drafts: list[DraftText] = []
    notes: list[str] = []
    for item in read_documents(files):
        if isinstance(item, Skipped):
            notes.append(f"{item.source}: {item.reason}, skipped")
            continue
        notes.extend(f"{item.source}: {message}" for message in item.warnings)
        document, text_map = as_text(item)
        drafts.append(DraftText(document, item.text, text_map))
    return drafts, notes


# --- a whole check -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class CheckRequest:
    drafts: tuple[str, ...]
    sources: tuple[str, ...]
    speakers: tuple[Path, ...] = ()
    model: str | None = None
    strict: bool = False
    cache: SourceCache | None = None


@dataclass(frozen=True)
class Report:
    findings: tuple[Finding, ...]  # ok ones included
    drafts: int
    sources: int
    cached_sources: int
    notes: tuple[str, ...] = ()

    @property
    def problems(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity != "info")

    @property
    def errors(self) -> int:
        return sum(f.severity == "error" for f in self.findings)

    @property
    def warnings(self) -> int:
        return sum(f.severity == "warning" for f in self.findings)


PipelineFactory = Callable[[str | None, Sequence[Path]], Pipeline]


def run_check(request: CheckRequest, factory: PipelineFactory | None = None) -> Report:
    """Check every draft against every source. Raises SourceError for a missing path.

    The model loads once (`factory`, default `make_pipeline`), when first needed: for the sources
    the cache lacks, else for the drafts.
    """
    drafts_files = expand(request.drafts, DRAFT_SUFFIXES)
    sources = source_files(request.sources, drafts_files)
    make = factory or make_pipeline
    pipeline = functools.cache(lambda: make(request.model, request.speakers))
    loaded = load_sources(sources, request.cache, pipeline)
    index = SourceIndex.of(loaded.quotes)
    drafts, notes = read_drafts(drafts_files)
    findings: list[Finding] = []
    if drafts:
        extracted = extract_documents([draft.document for draft in drafts], pipeline())
        for draft, (_, quotes) in zip(drafts, extracted, strict=True):
            findings.extend(check_quotes(draft.document.source, draft.original, quotes, index, request.strict, draft.text_map))
    return Report(tuple(findings), len(drafts), len(sources), loaded.cached, (*loaded.notes, *notes))


# --- output ------------------------------------------------------------------------------------------

Segment = tuple[str, str]  # (text, rich style)
SEVERITY_STYLES = {"error": "bold red", "warning": "bold yellow", "info": "green"}
DELETED_STYLE, INSERTED_STYLE = "strike red", "bold green"


def shorten(text: str, limit: int = MAX_SHOWN_CHARS) -> str:
    """One line, cut to `limit` characters with an ellipsis."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def _quoted(text: str | None) -> str:
    return f'"{shorten(text or "")}"'


def _change_segments(diff: Sequence[DiffOp]) -> list[Segment]:
    segments: list[Segment] = []
    for number, (removed, added) in enumerate(changes(diff)):
        if number:
            segments.append((", ", ""))
        if removed and added:
            segments += [(f'"{removed}"', DELETED_STYLE), (" → ", ""), (f'"{added}"', INSERTED_STYLE)]
        elif removed:
            segments += [("dropped ", ""), (f'"{removed}"', DELETED_STYLE)]
        else:
            segments += [("added ", ""), (f'"{added}"', INSERTED_STYLE)]
    return segments


def message_segments(finding: Finding) -> list[Segment]:
    """What a finding says, after its code, as styled pieces."""
    where = f"{finding.source}:{finding.source_line}"
    quote = _quoted(finding.quote)
    speaker, other = finding.speaker or "(no speaker)", finding.source_speaker or "an unnamed speaker"
    if finding.verdict is Verdict.ok:
        return [(f"{quote} ({speaker}) matches {where}", "")]
    if finding.verdict is Verdict.misquote:
        by = "" if finding.source_speaker is None or same_speaker(finding.source_speaker, speaker) else f" ({other})"
        changed = _change_segments(finding.diff) or [("the words are in another order", "")]
        return [(f"{quote} differs from {where}{by} {_quoted(finding.source_text)}: ", ""), *changed]
    if finding.verdict is Verdict.misattributed:
        said = "reports it from" if finding.reported else "quotes"
        return [(f"{quote} is attributed to {speaker}, but {where} {said} {other}", "")]
    if finding.verdict is Verdict.unattributed:
        found = f"; {where} has it from {other}" if finding.source else ""
        return [(f"{quote} has no speaker{found}", "")]
    return [(f"{quote} ({speaker}) is in no source", "")]


def line_segments(finding: Finding) -> list[Segment]:
    label = "reported speech misattributed" if finding.reported and finding.verdict is Verdict.misattributed else finding.verdict
    return [
        (f"{finding.path}:{finding.line}:{finding.column}: ", "bold"),
        (f"{finding.code} {label}", SEVERITY_STYLES[finding.severity]),
        (": ", ""),
        *message_segments(finding),
    ]


def plain_message(finding: Finding) -> str:
    return "".join(text for text, _ in message_segments(finding))


def plain_line(finding: Finding) -> str:
    """`path:line:column: CODE verdict: message`, the way linters and editors expect."""
    return "".join(text for text, _ in line_segments(finding))


def rich_line(finding: Finding) -> Text:
    return Text.assemble(*line_segments(finding))


def _counted(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def summary(report: Report) -> str:
    """`2 errors, 1 warning in 1 draft`."""
    return f"{_counted(report.errors, 'error')}, {_counted(report.warnings, 'warning')} in {_counted(report.drafts, 'draft')}"


def findings_json(findings: Iterable[Finding]) -> str:
    return json.dumps([f.to_record() for f in findings], ensure_ascii=False, indent=2) + "\n"
