"""One verdict per draft quote: the codes, the severities and the `Finding` that carries them."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Literal

import regex

from quotes.check.draft import DraftWording, draft_wording
from quotes.check.index import REPORTED_KIND, SourceIndex, SourceWording, sure_speakers
from quotes.check.match import (
    MISATTRIBUTION_MIN_STEMS,
    DiffOp,
    Match,
    diff_runs,
    draft_tokens,
    exact_matches,
    near_matches,
    overlap,
    paraphrased,
    pinned_elsewhere,
    source_tokens,
)
from quotes.corpus.clusters import PARAPHRASE_MIN_SHARED, content_stems, keyed_diff
from quotes.corpus.identities import identity_key, one_word_of, same_person, speaks_for, surname_and_initial_of
from quotes.models import VERBATIM_KINDS, Quote
from quotes.output.context import context_sentence
from quotes.rules import load_rules
from quotes.text.words import words_of

CAPITALISED = regex.compile(r"\b\p{Lu}[\p{L}'’-]+")


class Verdict(StrEnum):
    ok = "ok"
    misquote = "misquote"
    misattributed = "misattributed"
    unattributed = "unattributed"
    unsourced = "unsourced"
    disputed = "sources disagree"
    paraphrase = "quotes a paraphrase"


Severity = Literal["error", "warning", "info"]

# QC1xx: quoted speech, QC2xx: reported speech; x00 is a pass (shown with --verbose).
QUOTED_CODES = {
    Verdict.ok: "QC100",
    Verdict.misquote: "QC101",
    Verdict.misattributed: "QC102",
    Verdict.unattributed: "QC103",
    Verdict.unsourced: "QC104",
    Verdict.disputed: "QC105",
    Verdict.paraphrase: "QC106",
}
REPORTED_CODES = {Verdict.ok: "QC200", Verdict.misattributed: "QC201"}


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
    other_speakers: tuple[str, ...] = ()  # QC105: every speaker the sources give, as written there
    paragraph: int | None = None  # a draft told by paragraph (a .docx): the quote's paragraph

    @property
    def place(self) -> str:
        """Where the quote is: `path:line:column`, or `path:¶paragraph` in a draft told by paragraph."""
        if self.paragraph is not None:
            return f"{self.path}:¶{self.paragraph}"
        return f"{self.path}:{self.line}:{self.column}"

    @property
    def reported(self) -> bool:
        return self.code.startswith("QC2")

    def to_record(self) -> dict[str, object]:
        from quotes.check.messages import plain_message  # the words depend on the verdict, not the reverse

        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "paragraph": self.paragraph,
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
class DraftPlace:
    path: str
    line: int
    column: int
    paragraph: int | None = None


ParagraphOf = Callable[[str, int], int]  # (text, offset) -> its 1-based paragraph, for drafts told by paragraph


def place_of(path: str, text: str, offset: int, paragraph_of: ParagraphOf | None = None) -> DraftPlace:
    """1-based line and column (in characters) of `offset`, and its paragraph when `paragraph_of` tells it."""
    line_start = text.rfind("\n", 0, offset) + 1
    paragraph = paragraph_of(text, offset) if paragraph_of is not None else None
    return DraftPlace(path, text.count("\n", 0, offset) + 1, offset - line_start + 1, paragraph)


def _finding(
    place: DraftPlace, quote: Quote, verdict: Verdict, severity: Severity, match: Match | None, diff: tuple[DiffOp, ...] = ()
) -> Finding:
    codes = REPORTED_CODES if quote.kind == REPORTED_KIND else QUOTED_CODES
    code = codes[verdict]
    finding = Finding(
        place.path,
        place.line,
        place.column,
        code,
        verdict,
        severity,
        quote.text,
        quote.speaker,
        quote.kind,
        paragraph=place.paragraph,
    )
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
        return 0 if speaker is not None and same_person(source_speaker, speaker) else 1

    return sorted(matches, key=rank)


@dataclass(frozen=True)
class Beside:
    """What the draft says around a quote: its sentence without the quote, and whether the
    quote's speaker is named for it there (not carried over from a quote paragraphs before)."""

    sentence: str = ""
    sure: bool = True
    earlier: str = ""  # the paragraph before that sentence


SUBJECT_PRONOUN = regex.compile(r"^(?:He|She|They)\b")


def _named_beside(speaker: str | None, beside: Beside) -> bool:
    """Whether the draft's sentence names `speaker`, in full or by surname ("Haines challenged
    colleagues: '...'"): the reader knows whose words they are, even where the parse does not."""
    if not speaker:
        return False
    surname = identity_key(speaker).split()[-1:]

    def names(text: str) -> bool:
        return bool(surname) and any(identity_key(word) == surname[0] for word in CAPITALISED.findall(text))

    # "Maria Okafor opened the call. She began with 'an apology, without qualification'": the
    # sentence's "she" is the person the paragraph named just before
    return names(beside.sentence) or (SUBJECT_PRONOUN.match(beside.sentence) is not None and names(beside.earlier))


def check_quoted(
    quote: Quote, index: SourceIndex, place: DraftPlace, strict: bool = False, beside: Beside = Beside()
) -> Finding | None:
    """The verdict on one quoted passage of the draft; None when it holds no words."""
    draft = draft_wording(quote.text)
    if not draft.pieces:
        return None
    exact = _by_speaker_first(exact_matches(draft, index), quote.speaker)
    unsourced: Severity = "error" if strict else "warning"
    if quote.speaker is None or not beside.sure:
        named = [m for m in exact if m.wording.sure and _named_beside(m.wording.speaker, beside)]
        if named:
            return _finding(place, quote, Verdict.ok, "info", named[0])
    if quote.speaker is None:
        closest = exact or near_matches(draft, index)
        return _finding(place, quote, Verdict.unattributed, "error", closest[0] if closest else None)
    if exact:
        said_by = exact[0].wording.speaker
        if said_by is None or same_person(said_by, quote.speaker) or _named_so(exact[0].wording, quote.speaker):
            return _finding(place, quote, Verdict.ok, "info", exact[0])
        if len(draft.stems) >= MISATTRIBUTION_MIN_STEMS:
            speakers = _distinct_speakers(exact)
            unsure = not all(m.wording.sure and _named(m.wording.first) for m in exact if m.wording.speaker)
            partial_name = any(one_word_of(s, quote.speaker) or surname_and_initial_of(s, quote.speaker) for s in speakers)
            unnamed = not _named_in_draft(quote)
            if len(speakers) > 1 or unsure or unnamed or partial_name or any(speaks_for(s, quote.speaker) for s in speakers):
                # the sources disagree, one gives only a pronoun or a role or a first name that is
                # part of the draft's name ("Lee", "Lee Dawson") or the draft's surname with a first
                # name of the same initial ("Ueli", "Ulrich"), the draft gives its speaker only
                # by a pronoun or a role the tool resolved, or the words are of the draft
                # speaker's campaign or office: not sure enough to block
                finding = _finding(place, quote, Verdict.disputed, "warning", exact[0])
                return replace(finding, other_speakers=tuple(speakers))
            return _finding(place, quote, Verdict.misattributed, "error" if beside.sure else "warning", exact[0])
        return _finding(place, quote, Verdict.unsourced, unsourced, None)  # a short phrase in another's mouth proves nothing
    near = _by_speaker_first(near_matches(draft, index), quote.speaker)
    if near:
        return _misquote(quote, draft, near[0], place)
    reported = _reported_as(draft.stems, quote.speaker, index)
    if reported is not None:  # in marks, but the sources only give these words in their own
        return _finding(place, quote, Verdict.paraphrase, "warning", _whole(reported))
    return _finding(place, quote, Verdict.unsourced, unsourced, None)


def _named_so(wording: SourceWording, speaker: str) -> bool:
    """Whether the source names its speaker as the draft does, in words the speaker's full name
    lacks ('"...," Ton said' of Khun Anucha "Ton" Thongdee)."""
    said_by = wording.speaker or ""
    mentions = (q.speaker_mention for q in wording.quotes if q.speaker_mention and q.speaker_mention.istitle())
    # an alias ("Ton"), never a surname the speaker's own name holds ("Clinton" of Hillary Clinton)
    return any(same_person(mention, speaker) and not same_person(mention, said_by) for mention in mentions)


def _reported_as(stems: frozenset[str], speaker: str | None, index: SourceIndex) -> SourceWording | None:
    """A source's reported-speech item that the quoted words paraphrase, the draft's speaker's first."""
    candidates = [
        w for _, w in index.sharing(stems, PARAPHRASE_MIN_SHARED) if w.first.kind == REPORTED_KIND and paraphrased(stems, w)
    ]
    same = [w for w in candidates if speaker is not None and w.speaker is not None and same_person(w.speaker, speaker)]
    chosen = same or candidates
    return chosen[0] if chosen else None


def _misquote(quote: Quote, draft: DraftWording, near: Match, place: DraftPlace) -> Finding:
    """The draft's words against the source's (an omission equals the words it omits)."""
    diff = tuple(keyed_diff(source_tokens(near, draft), draft_tokens(draft), equal_as_new=True))
    return _finding(place, quote, Verdict.misquote, "error", near, diff=diff)


def quoted_findings(
    quote: Quote, index: SourceIndex, place: DraftPlace, strict: bool = False, beside: Beside = Beside()
) -> list[Finding]:
    """Every finding on one quoted passage: an unattributed quote whose words also differ from the
    source's is reported as both."""
    first = check_quoted(quote, index, place, strict, beside)
    if first is None:
        return []
    if first.verdict is Verdict.unattributed and first.source is not None:
        draft = draft_wording(quote.text)
        if not exact_matches(draft, index) and (near := near_matches(draft, index)):
            return [first, _misquote(quote, draft, near[0], place)]
    return [first]


def _distinct_speakers(matches: list[Match]) -> list[str]:
    """The speakers the matching sources give, one per person, in the order met."""
    found: list[str] = []
    for match in matches:
        said_by = match.wording.speaker
        if said_by is not None and not any(same_person(said_by, known) for known in found):
            found.append(said_by)
    return found


def _named(quote: Quote) -> bool:
    """Whether a source's speaker is a resolved, named person or body, not a pronoun or role left as written."""
    mention = quote.speaker_mention or quote.speaker or ""
    if quote.speaker_kind not in ("person", "organisation", "group"):
        return False
    return quote.speaker != mention or load_rules().is_written_name(mention)


def _named_in_draft(quote: Quote) -> bool:
    """Whether the draft gives the quote's speaker by name where it attributes the quote ("said
    Kessler"), not by a pronoun, a role or a description ("she", "the captain", "the Harbor City
    coach") that only the tool resolved, nor a group ("employers", "Dutch reporters"): a
    misattribution is an error only then."""
    written = quote.speaker_mention or quote.speaker or ""
    mention = {identity_key(w) for w in written.split()}
    named = any(identity_key(w) in mention for w in (quote.speaker or "").split())
    return named and load_rules().is_written_name(written)


def _whole(wording: SourceWording) -> Match:
    return Match(wording, ((0, len(wording.words)),), 0.0)


def check_reported(quote: Quote, index: SourceIndex, place: DraftPlace) -> Finding | None:
    """Reported speech: ok when a source item it paraphrases has its speaker, a warning when only another's does."""
    if quote.speaker is None:
        return None
    stems = content_stems(w.key for w in words_of(quote.text))
    candidates = [w for _, w in index.sharing(stems, PARAPHRASE_MIN_SHARED) if w.speaker and paraphrased(stems, w)]
    candidates.sort(key=lambda w: -overlap(stems, w.stems)[1])  # stable: more shared stems first on a tie
    same = [w for w in candidates if same_person(w.speaker or "", quote.speaker)]
    if same:
        return _finding(place, quote, Verdict.ok, "info", _whole(same[0]))
    pinned = [w for w in candidates if pinned_elsewhere(stems, w, index)]
    if pinned:
        return _finding(place, quote, Verdict.misattributed, "warning", _whole(pinned[0]))
    return None


def check_quotes(
    path: str,
    text: str,
    quotes: Iterable[Quote],
    index: SourceIndex,
    strict: bool = False,
    paragraph_of: ParagraphOf | None = None,
) -> list[Finding]:
    """Every verdict on one draft (ok ones included), in reading order; `paragraph_of` tells a
    draft's paragraphs where findings name them (a .docx)."""
    findings: list[Finding] = []
    quotes = sorted(quotes, key=lambda q: (q.start, q.end))
    sure = sure_speakers(quotes)
    for quote in quotes:
        place = place_of(path, text, quote.start, paragraph_of)
        if quote.kind in VERBATIM_KINDS:
            context = context_sentence(text, quote.start, quote.end)
            beside = Beside(f"{context.before} {context.after}", id(quote) in sure, context.earlier)
            findings.extend(quoted_findings(quote, index, place, strict, beside))
        elif quote.kind == REPORTED_KIND and (finding := check_reported(quote, index, place)) is not None:
            findings.append(finding)
    return findings
