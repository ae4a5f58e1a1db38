"""The dataclasses that pass between the stages of the pipeline.

sources -> Document -> marks -> QuoteSpan -> parse + attribution -> Quote -> clusters -> outputs
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

QuoteKind = Literal["direct", "partial", "indirect", "embed", "turn"]
# "unnamed": a speaker the article describes without a name ("a spokesman", "the governor").
SpeakerKind = Literal["person", "organisation", "group", "unnamed", "unknown"]
SPEAKER_KINDS: tuple[SpeakerKind, ...] = ("person", "organisation", "group", "unnamed", "unknown")

QUOTE_KINDS: tuple[QuoteKind, ...] = ("direct", "partial", "indirect", "embed")
# A transcript turn's own words ("MS. ALVAREZ: Not at this stage."), spoken by its label: found
# for `quotes check`, which must know them to source a draft that quotes a transcript; not one of
# the QUOTE_KINDS that `quotes extract` and the spaCy component report.
TURN_KIND: QuoteKind = "turn"
STORED_KINDS: tuple[QuoteKind, ...] = (*QUOTE_KINDS, TURN_KIND)
# Quoted speech found between quote marks, and every kind whose words are the speaker's own.
MARKED_KINDS: tuple[QuoteKind, ...] = ("direct", "partial")
VERBATIM_KINDS: tuple[QuoteKind, ...] = ("direct", "partial", "embed")
# '"We were slow," Ruiz said, "and we paid for it."': the most characters between two pieces of
# one quoted sentence (the attribution between them).
SPLIT_QUOTE_GAP = 160  # room for an appositive: ", said Dr. Ann Lee, a sleep scientist at ...,"
SHORT_ATTRIBUTION_GAP = (
    100  # "», says Solveig Bråthen, «", or a title and a time: "“, Economy Minister Dr. A. Kohl said after it, „"
)


@dataclass(frozen=True)
class SourceMeta:
    """What is known of where an article comes from. Unknown stays None: nothing is made up.

    `date` is ISO 8601 (`2024-08-07`, or with a time) where known.
    """

    outlet: str | None = None
    date: str | None = None
    url: str | None = None
    title: str | None = None
    author: str | None = None
    description: str | None = None  # a page's own summary (its meta description)


NO_META = SourceMeta()


@dataclass(frozen=True)
class Document:
    """One article as read: `text` is exactly the decoded file content (no newline translation),
    or for a page or a .docx the extracted text that the offsets refer to."""

    source: str
    text: str
    title: str = ""
    warnings: tuple[str, ...] = ()
    meta: SourceMeta = NO_META
    format: str = "text"  # how it was read: "text", "markdown", "html" or "docx"
    plain: str | None = None  # the text with its markup made spaces (same length, same lines), when it has markup


@dataclass(frozen=True)
class QuoteSpan:
    """A stretch of text inside quote marks (or an embedded post), found by regex alone.

    `start`/`end` are offsets of the content (inside the marks) in the document text.
    `continues` is True for the second and later paragraphs of a multi-paragraph quote;
    `embed_author` is set for embedded social-media posts; `depth` counts the quotes it is inside.
    """

    start: int
    end: int
    text: str
    open_mark: str = ""
    close_mark: str = ""
    continues: bool = False
    closed: bool = True
    embed_author: str | None = None
    embed_handle: str | None = None
    depth: int = 0  # 0 for a quote in running text, 1 for a quote inside a quote, ...


@dataclass
class Quote:
    """One extracted utterance, quoted or reported, with its attribution."""

    source: str
    start: int
    end: int
    text: str
    kind: QuoteKind
    speaker: str | None = None
    speaker_mention: str | None = None
    speaker_role: str | None = None  # as the article gives it where it names them: "Fed Chair", "GOP nominee"
    cue: str | None = None
    line: int = 0
    paragraph: int | None = None  # index of its paragraph in the article (quotes.extraction.marks.paragraphs), from 0
    via: str | None = None
    speaker_kind: SpeakerKind = "unknown"
    speaker_id: str | None = None
    cluster: str | None = None
    rule: str | None = None  # the pattern or construction that produced the item (see patterns/)
    meta: SourceMeta = NO_META

    def to_record(self) -> dict[str, object]:
        """The JSONL contract of `../shared/eval/score.py` (plus extra fields)."""
        return {
            "source": self.source,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "type": self.kind,
            "speaker": self.speaker,
            "speaker_mention": self.speaker_mention,
            "speaker_role": self.speaker_role,
            "speaker_kind": self.speaker_kind,
            "speaker_id": self.speaker_id,
            "cue": self.cue,
            "via": self.via,
            "line": self.line,
            "paragraph": self.paragraph,
            "cluster": self.cluster,
            "rule": self.rule,
            "outlet": self.meta.outlet,
            "date": self.meta.date,
            "url": self.meta.url,
            "source_title": self.meta.title,
            "author": self.meta.author,
        }


@dataclass(frozen=True)
class Speaker:
    """A resolved identity: one person, organisation or group across spellings and sources."""

    name: str
    kind: SpeakerKind = "unknown"
    aliases: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()
    id: str | None = None


@dataclass
class Cluster:
    """The quotes that report one utterance, across sources."""

    id: str
    members: list[Quote] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ClusterSummary:
    """What a reader needs of a cluster: who, the wording, where it was reported ("source:line", in
    date order) and which sources published it first (none when no source is dated; several when
    they share the earliest date). Two counts: `sources_count`, the distinct sources (files, pages);
    `references`, the distinct places (`source:line`, the length of `sources`)."""

    id: str
    speaker: str | None
    text: str
    sources_count: int
    references: int
    sources: tuple[str, ...]
    flags: tuple[str, ...]
    first_sources: tuple[str, ...] = ()


def resumes_split_quote(previous: Quote, quote: Quote) -> bool:
    """'"We will," she said, "win this."': `quote` continues the sentence that `previous` began.

    Both in marks, in one paragraph of one source, a few characters apart, and the first ending in
    a comma (a capital may open the second: "I guess", a name), or, where the comma stands after
    the closing mark ('«The numbers are what they are», says Bråthen, «but ...»'), the first
    ending in no full stop and the second opening in lower case. Whether they share a speaker is
    the caller's question: extraction asks it before the second piece has one.
    """
    return (
        previous.source == quote.source
        and previous.paragraph == quote.paragraph
        and previous.kind in MARKED_KINDS
        and quote.kind in MARKED_KINDS
        and 0 <= quote.start - previous.end <= SPLIT_QUOTE_GAP
        and (previous.text.rstrip().endswith(",") or _comma_after_the_mark(previous, quote))
    )


def _comma_after_the_mark(previous: Quote, quote: Quote) -> bool:
    """'«The numbers are what they are», says Bråthen, «but ...»': a short attribution between a
    first piece that ends no sentence and a second that opens in lower case."""
    ends_a_sentence = previous.text.rstrip().endswith((".", "!", "?", "…", ":", ";"))
    return quote.start - previous.end <= SHORT_ATTRIBUTION_GAP and quote.text[:1].islower() and not ends_a_sentence
