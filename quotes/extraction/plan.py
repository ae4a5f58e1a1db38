"""The plan of a document: its layout, its quote spans and embeds (regex alone), and the
stretches worth parsing (paragraphs with quote marks or a cue word, never boilerplate)."""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass, field, replace

import regex

from quotes.extraction.casing import is_title_case, names_in_running_text, sentence_case
from quotes.extraction.embeds import (
    find_chat_messages,
    find_embeds,
    find_introduced_blockquotes,
    find_pasted_emails,
    find_signed_blockquotes,
    find_signed_quotes,
    signature_lines,
)
from quotes.extraction.layout import LINE_BREAK, Paragraph, layout
from quotes.extraction.marks import find_quote_spans
from quotes.extraction.parse import chunks
from quotes.extraction.reported import COLON_HEADLINE, COLON_HEADLINE_AFTER
from quotes.models import Document, QuoteSpan
from quotes.rules import Rules
from quotes.text.words import trimmed

LEAD_IN_WORDS = 8  # a paragraph this short before a quote may be its lead-in, with no cue word


@dataclass(frozen=True)
class Plan:
    """What the layout and regex found in a document, and which stretches of it need parsing."""

    spans: list[QuoteSpan]  # quotes in running text
    embeds: list[QuoteSpan]
    parts: list[tuple[int, int]]  # character ranges to parse
    recased: dict[int, str] = field(default_factory=dict)  # part start -> a title-case headline in sentence case
    nested: list[QuoteSpan] = field(default_factory=list)  # quotes inside a quote
    paragraphs: list[Paragraph] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)  # each paragraph's start, for bisection
    unit_starts: dict[int, int] = field(default_factory=dict)  # unit -> start of its first paragraph
    line_breaks: list[int] = field(default_factory=list)  # where each line break starts, for line numbers
    unmarked: str | None = None  # the text with its markup blanked (Document.plain), when it has any
    signed: list[QuoteSpan] = field(default_factory=list)  # blockquotes signed "> — Name": pull quotes
    read_as_blanks: regex.Pattern[str] | None = None  # quote_marks.toml [layout] party_label and nickname
    rejoined: str | None = None  # the shown text with the words a hard wrap broke read whole (`_rejoined`), if any
    newest_first: bool = False  # a live blog whose entries run back in time down the page
    outlet: str | None = None  # the outlet a masthead names, which never speaks

    def line(self, offset: int) -> int:
        """The 1-based line that holds `offset` (\n, \r\n and a lone \r end a line)."""
        return bisect.bisect_left(self.line_breaks, offset) + 1

    def index(self, offset: int) -> int:
        """The paragraph that holds `offset` (the one before, between paragraphs)."""
        return max(0, bisect.bisect_right(self.starts, offset) - 1)

    def paragraph_at(self, offset: int) -> Paragraph:
        return self.paragraphs[self.index(offset)]

    def quote_around(self, start: int, end: int) -> QuoteSpan | None:
        """The quote in running text whose words hold [start, end)."""
        i = bisect.bisect_right(self.spans, start, key=_start_of) - 1
        return self.spans[i] if i >= 0 and self.spans[i].end >= end else None

    def spans_from(self, start: int, end: int) -> list[QuoteSpan]:
        """The quotes in running text that start in [start, end), in order."""
        return _between(self.spans, start, end)

    def unit_start(self, offset: int) -> int:
        """Where the unit (live-blog entry, transcript turn) holding `offset` starts."""
        if not self.paragraphs:
            return 0
        return self.unit_starts.get(self.paragraph_at(offset).unit, 0)

    def unit_before_in_time(self, offset: int) -> tuple[int, int] | None:
        """Where the live-blog entry (or transcript turn) before the one holding `offset` is, in
        time: the one above it, or below it in a blog that runs newest first."""
        if not self.paragraphs:
            return None
        unit = self.paragraph_at(offset).unit
        other = unit + 1 if self.newest_first else unit - 1
        if unit == 0 or other <= 0 or other not in self.unit_starts:
            return None
        return self.unit_starts[other], self.unit_starts.get(other + 1, self.paragraphs[-1].end)

    def text_of(self, document: Document, start: int, end: int) -> str:
        """What the parser reads for a part: the document's text (its markup blanked), or the
        headline in sentence case, as `_as_the_model_reads` (same length, so offsets hold). A part
        starts after its paragraph's lead (`_after_lead`)."""
        text = self.recased.get(start) or (self.rejoined or self.unmarked or document.text)[start:end]
        return _as_the_model_reads(text, self.read_as_blanks)

    def window(self, start: int, end: int, silenced: list[Paragraph]) -> Plan:
        """The plan of text[start:end] alone: its quotes, embeds and parts, and its paragraphs (one
        cut at an edge clipped to it) among `silenced` (`silenced_paragraphs`) for the rest, so
        that paragraph numbers hold and later stages read nothing outside the window."""
        first, last = bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end)
        if first > 0 and self.paragraphs[first - 1].end > start:
            first -= 1  # a paragraph that runs into the window
        inside = [_clipped(p, start, end) for p in self.paragraphs[first:last]]
        return replace(
            self,
            spans=_between(self.spans, start, end),
            embeds=_between(self.embeds, start, end),
            parts=self.parts[bisect.bisect_left(self.parts, (start,)) : bisect.bisect_left(self.parts, (end,))],
            nested=_between(self.nested, start, end),
            signed=_between(self.signed, start, end),
            paragraphs=silenced[:first] + inside + silenced[last:],
        )

    def silenced_paragraphs(self) -> list[Paragraph]:
        """Every paragraph made silent (boilerplate): what a window holds outside itself."""
        return [p if p.silent else replace(p, role="boilerplate") for p in self.paragraphs]


def _between(spans: list[QuoteSpan], start: int, end: int) -> list[QuoteSpan]:
    """The spans (in order of their starts) that start in [start, end)."""
    return spans[bisect.bisect_left(spans, start, key=_start_of) : bisect.bisect_left(spans, end, key=_start_of)]


def _start_of(span: QuoteSpan) -> int:
    return span.start


def _clipped(para: Paragraph, start: int, end: int) -> Paragraph:
    if para.start >= start and para.end <= end:
        return para
    lead_end = para.lead_end if para.lead_end > start else -1
    return replace(para, start=max(para.start, start), end=min(para.end, end), lead_end=lead_end)


def plan(document: Document, rules: Rules) -> Plan:
    text = document.text
    unmarked = document.plain
    shown = unmarked or text  # the words a reader sees, where they are in the file
    laid_out = layout(shown, rules.dateline, given_name=rules.first_name_gender, first_person=rules.first_person)
    paras = laid_out.paragraphs
    speaking = [p for p in paras if not p.silent]
    every_span = find_quote_spans(shown, rules, speaking)
    embeds = sorted(find_embeds(shown, paras) + find_pasted_emails(text) + find_chat_messages(shown), key=lambda s: s.start)
    # a post pasted as a blockquote signs "> — Name (@handle) Date": an embed, not a signed quote
    signed_blocks = [b for b in find_signed_blockquotes(text) if not _overlaps_any(b, embeds)]
    signed, spans = _signed_in_marks(signed_blocks, [s for s in every_span if s.depth == 0])
    signed_lines = [s for s in find_signed_quotes(shown, spans) if not _overlaps_any(s, signed + embeds)]
    signed += signed_lines
    signatures = signature_lines(shown, signed_lines)
    spans = [
        s for s in spans if s.start not in {q.start for q in signed_lines} and not any(a <= s.start <= b for a, b in signatures)
    ]
    introduced = [
        _after_its_lead(shown, b, paras)
        for b in find_introduced_blockquotes(text, shown, every_span)
        if not _overlaps_any(b, signed + embeds)  # a pull quote signed "> — Name", a post in a blockquote
    ]
    spans = sorted(spans + introduced, key=lambda s: s.start)
    nested = [s for s in every_span if s.depth > 0]
    starts = [s.start for s in spans]
    parts: list[tuple[int, int]] = []
    headlines: list[tuple[int, int]] = []
    blockquoted = {b.start for b in introduced}
    opens_with_quote = [
        shown[p.text_start : p.end].lstrip()[:1] in rules.quote_chars or _after_lead(shown, p) in blockquoted for p in speaking
    ]
    for index, para in enumerate(speaking):
        i = bisect.bisect_left(starts, para.start)
        has_quote = i < len(starts) and starts[i] < para.end
        line = shown[para.start : para.end]
        # "Celia Ramos described his rehearsals:", or a short line ("Their mother is less
        # diplomatic."), and a quote opening the next paragraph: the lead-in names who speaks it
        lead_in = line.rstrip().endswith(":") or len(line.split()) <= LEAD_IN_WORDS
        introduces = lead_in and index + 1 < len(speaking) and opens_with_quote[index + 1]
        colon_headline = COLON_HEADLINE.match(line) or COLON_HEADLINE_AFTER.match(line)
        if has_quote or introduces or rules.may_hold_speech(line) or colon_headline:
            parts.extend(chunks(shown, _after_lead(shown, para), para.end))
            quoted = [sp.text for sp in spans[i:] if sp.start < para.end] if has_quote else []
            # a quote in sentence case ("Storage is how Texas keeps the lights on") makes a
            # line of capitalised names and titles no headline
            if is_title_case(line) and not any(len(q.split()) > 3 and not is_title_case(q) for q in quoted):
                headlines.append((para.start, para.end))
    unit_starts: dict[int, int] = {}
    for para in paras:
        unit_starts.setdefault(para.unit, para.start)
    breaks = [m.start() for m in LINE_BREAK.finditer(text)]
    recased = _recased(shown, paras, headlines, rules)
    starts_ = [p.start for p in paras]
    rejoined = _rejoined(shown)
    blanks = rules.read_as_blanks
    return Plan(
        spans,
        embeds,
        parts,
        recased,
        nested,
        paras,
        starts_,
        unit_starts,
        breaks,
        unmarked,
        signed,
        blanks,
        rejoined,
        laid_out.newest_first,
        laid_out.masthead,
    )


# line breaks (a hard-wrapped paragraph) and no-break, figure and thin spaces
PLAIN_SPACES = str.maketrans(dict.fromkeys("\r\n\u00a0\u202f\u2007\u2009", " "))
WORD_APOSTROPHE = regex.compile(r"(?<=\p{L})[’ʼ](?=\p{L})")


def _as_the_model_reads(text: str, blank: regex.Pattern[str] | None = None) -> str:
    """The text with plain spaces for line breaks and other spaces, straight apostrophes inside
    words and what `blank` matches made spaces, of the same length, so every offset holds. A
    no-break space (French "« Oui »") is a token of its own to the model, and the parse goes
    astray around it ("» Ferrand said." made a sentence of its own); the model tags "O’Neill" as
    an adverb, and "O'Neill" as a name."""
    text = WORD_APOSTROPHE.sub("'", text.translate(PLAIN_SPACES))
    return blank.sub(lambda m: " " * len(m.group()), text) if blank is not None else text


BROKEN_WORD = regex.compile(r"(\p{L}+)-(?:\r\n|\n|\r)[ \t]*(\p{Ll}+)")
WORD = regex.compile(r"\p{L}+")


def _rejoined(text: str) -> str | None:
    """The text with each word a hard wrap broke with a hyphen ("Sut-" at a line's end, "cliffe" on
    the next) read whole, its end moved up to the hyphen and blanks after it, so the length and
    every offset hold ("Sutcliffe" and blanks); None when no word was broken. A break is a broken
    word when the document writes the word whole elsewhere, or writes neither piece alone;
    "well-" and "known", both written alone, is a compound."""
    breaks = list(BROKEN_WORD.finditer(text))
    if not breaks:
        return None
    written = Counter(WORD.findall(text))
    in_breaks = Counter(piece for match in breaks for piece in match.group(1, 2))

    def alone(piece: str) -> bool:
        return written[piece] > in_breaks[piece]

    pieces: list[str] = []
    done = 0
    for match in breaks:
        head, tail = match.group(1, 2)
        if written[head + tail] or not (alone(head) or alone(tail)):
            hyphen = match.end(1)
            pieces += [text[done:hyphen], tail.ljust(match.end() - hyphen)]
            done = match.end()
    return "".join([*pieces, text[done:]]) if pieces else None


def _after_lead(text: str, para: Paragraph) -> int:
    """Where the parser starts reading a paragraph: after its dateline, time stamp or turn label
    and the spaces after it (leading blanks make the tagger take "Look," for a name)."""
    return trimmed(text, para.text_start, para.end)[0]


def _after_its_lead(text: str, span: QuoteSpan, paras: list[Paragraph]) -> QuoteSpan:
    """An unmarked quote that fills its paragraph, from where the paragraph's words start: "EDIT:"
    opening a blockquoted answer reads as a dateline."""
    para = next((p for p in paras if p.start <= span.start < p.end), None)
    start = _after_lead(text, para) if para is not None else span.start
    return replace(span, start=start, text=text[start : span.end]) if span.start < start < span.end else span


def _overlaps_any(span: QuoteSpan, others: list[QuoteSpan]) -> bool:
    return any(o.start < span.end and span.start < o.end for o in others)


def _signed_in_marks(signed: list[QuoteSpan], spans: list[QuoteSpan]) -> tuple[list[QuoteSpan], list[QuoteSpan]]:
    """(signed, spans): a signed blockquote that is one quote in marks ('> "We will win."' above
    '> — Name') is that quote's words, signed, and no second, unsigned quote."""
    taken: set[int] = set()
    result: list[QuoteSpan] = []
    for block in signed:
        inside = [s for s in spans if block.start <= s.start and s.end <= block.end]
        if len(inside) == 1 and inside[0].start - len(inside[0].open_mark) == block.start:
            span = inside[0]
            if span.end + len(span.close_mark) >= block.end - 1:  # a comma or stop may follow the mark
                taken.add(span.start)
                block = replace(block, start=span.start, end=span.end, text=span.text)
        result.append(block)
    return result, [s for s in spans if s.start not in taken]


def _recased(text: str, paras: list[Paragraph], headlines: list[tuple[int, int]], rules: Rules) -> dict[int, str]:
    if not headlines:
        return {}
    running = [(p.start, p.end) for p in paras if not is_title_case(text[p.start : p.end])]
    # a known first name keeps its capital too: "Response from Councillor Tom Brennan (Labour):"
    first_names = {w for start, end in headlines for w in text[start:end].split() if rules.first_name_gender(w)}
    names = names_in_running_text(text, running) | frozenset(first_names)
    return {start: sentence_case(text[start:end], names) for start, end in headlines}
