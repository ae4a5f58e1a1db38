"""Aligning a draft's wording with the sources', the thresholds that tell a misquote, and word diffs."""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from quotes.check.draft import DraftWording
from quotes.check.index import SourceIndex, SourceWording
from quotes.corpus.clusters import PARAPHRASE_MIN_OVERLAP, PARAPHRASE_MIN_SHARE_OF_LARGER, PARAPHRASE_MIN_SHARED, content_stems

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
# The alignment window's edges are tried this many words either way for the best word-level ratio.
WINDOW_SLACK_WORDS = 3
# Near candidates are ranked by shared content words; only the best are aligned word by word.
NEAR_CANDIDATES = 40
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
GAP_KEY = "\0gap"  # the diff's key of an omission, on both sides


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
    # None only under a score cutoff, which is not given: the whole rest then
    base_start, base_end = (aligned.dest_start + start, aligned.dest_end + start) if aligned else (start, len(keys))
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


def source_tokens(match: Match, draft: DraftWording) -> list[tuple[str, str]]:
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


def draft_tokens(draft: DraftWording) -> list[tuple[str, str]]:
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


def overlap(a: frozenset[str], b: frozenset[str]) -> tuple[int, float, float]:
    """Shared stems, their share of the smaller set and of the larger."""
    shared = len(a & b)
    return shared, shared / max(1, min(len(a), len(b))), shared / max(1, max(len(a), len(b)))


def paraphrased(stems: frozenset[str], wording: SourceWording) -> bool:
    shared, of_smaller, of_larger = overlap(stems, wording.stems)
    return (
        shared >= PARAPHRASE_MIN_SHARED and of_smaller >= PARAPHRASE_MIN_OVERLAP and of_larger >= PARAPHRASE_MIN_SHARE_OF_LARGER
    )


def pinned_elsewhere(stems: frozenset[str], wording: SourceWording, index: SourceIndex) -> bool:
    """Close enough to blame another speaker: many shared words, and the distinctive ones among them."""
    shared = stems & wording.stems
    if len(shared) < REPORTED_MISATTRIBUTED_MIN_SHARED:
        return False
    common, own, theirs = index.weight(shared), index.weight(stems), index.weight(wording.stems)
    return common >= REPORTED_MISATTRIBUTED_MIN_OVERLAP * min(
        own, theirs
    ) and common >= REPORTED_MISATTRIBUTED_MIN_SHARE_OF_LARGER * max(own, theirs)
