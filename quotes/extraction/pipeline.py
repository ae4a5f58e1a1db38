"""The extraction pipeline: documents in, attributed quotes out.

    Document -> marks + embeds (regex) -> paragraphs worth parsing -> spaCy (batched)
             -> cues and speakers -> quotes and reported speech -> in-article resolution

Documents stream through `extract_documents`: each is finished (and its parses dropped)
as soon as its last paragraph is parsed, so memory stays flat on large corpora.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

import regex
from spacy.language import Language
from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from quotes.corpus.identities import SpeakerDirectory, link_corpus, load_directory
from quotes.extraction.attribution import (
    Cue,
    according_override,
    build_matcher,
    channel_and_speaker,
    closing_introduction,
    find_cues,
    governing_cue,
    introducing_cue,
    is_speaker_of_cue,
    looks_like_term,
    quote_kind,
    quote_tokens,
)
from quotes.extraction.casing import is_title_case, names_in_running_text, sentence_case
from quotes.extraction.embeds import find_embeds
from quotes.extraction.marks import Paragraph, find_quote_spans, paragraphs
from quotes.extraction.parse import PARALLEL_MIN_CHARS, available_cores, chunks, load_model, may_hold_speech, parse
from quotes.extraction.reported import COLON_HEADLINE, QUOTE_CHARS, colon_headline, find_reported
from quotes.extraction.speakers import ArticleSpeakers, Mention, is_channel, names_by_regex, names_in
from quotes.models import Document, Quote, QuoteKind, QuoteSpan, SpeakerKind
from quotes.rules import Rules, load_rules
from quotes.sources.files import Skipped, expand, read_documents

QUOTED_KINDS = ("direct", "partial")
CONTINUATION_PARAGRAPHS = 2  # an unattributed quote continues a speaker this many paragraphs on
MIN_WORDS_OUTSIDE_MARKS = 2  # reported content with fewer own words than this is the quote's, not a second item
NOUN_MODIFIER_DEPS = {"amod", "compound", "nmod", "poss", "npadvmod"}
WORD = regex.compile(r"[\p{L}\p{N}]+")


@dataclass(frozen=True)
class Matchers:
    """The rules and the DependencyMatchers built from them for one vocabulary."""

    rules: Rules
    speaker_rules: DependencyMatcher
    content_rules: DependencyMatcher
    directory: SpeakerDirectory


def make_matchers(vocab: Vocab, speakers_files: Iterable[Path] = ()) -> Matchers:
    rules = load_rules()
    return Matchers(
        rules=rules,
        speaker_rules=build_matcher(vocab, rules.attribution),
        content_rules=build_matcher(vocab, rules.reported),
        directory=load_directory(tuple(speakers_files)),
    )


@dataclass(frozen=True)
class Pipeline:
    """What every document is run through: the model and the matchers."""

    nlp: Language
    matchers: Matchers


def make_pipeline(model: str | None = None, speakers_files: Iterable[Path] = ()) -> Pipeline:
    nlp = load_model(model)
    return Pipeline(nlp=nlp, matchers=make_matchers(nlp.vocab, speakers_files))


@dataclass(frozen=True)
class Plan:
    """What regex found in a document and which stretches of it need parsing."""

    spans: list[QuoteSpan]  # quotes in running text
    embeds: list[QuoteSpan]
    parts: list[tuple[int, int]]  # character ranges to parse
    recased: dict[int, str] = field(default_factory=dict)  # part start -> a title-case headline in sentence case
    datelines: dict[int, int] = field(default_factory=dict)  # paragraph start -> length of the dateline that opens it
    nested: list[QuoteSpan] = field(default_factory=list)  # quotes inside a quote

    def text_of(self, document: Document, start: int, end: int) -> str:
        """What the parser reads for a part: the document's text, or the headline in sentence case;
        a dateline blanked out (same length, so offsets hold)."""
        text = self.recased.get(start) or document.text[start:end]
        blank = self.datelines.get(start, 0)
        return " " * blank + text[blank:]


def plan(document: Document, rules: Rules) -> Plan:
    text = document.text
    every_span = find_quote_spans(text, rules)
    spans = [s for s in every_span if s.depth == 0]
    nested = [s for s in every_span if s.depth > 0]
    embeds = find_embeds(text)
    starts = [s.start for s in spans]
    parts: list[tuple[int, int]] = []
    headlines: list[tuple[int, int]] = []
    datelines: dict[int, int] = {}
    paras = paragraphs(text)
    for para in paras:
        i = bisect.bisect_left(starts, para.start)
        has_quote = i < len(starts) and starts[i] < para.end
        line = text[para.start : para.end]
        title_case = is_title_case(line)
        if not title_case and rules.dateline is not None and (dateline := rules.dateline.match(line)):
            datelines[para.start] = dateline.end()
        if has_quote or may_hold_speech(line, rules) or COLON_HEADLINE.match(line):
            parts.extend(chunks(text, para.start, para.end))
            if title_case:
                headlines.append((para.start, para.end))
    return Plan(spans, embeds, parts, _recased(text, paras, headlines), datelines, nested)


def _recased(text: str, paras: list[Paragraph], headlines: list[tuple[int, int]]) -> dict[int, str]:
    if not headlines:
        return {}
    running = [(p.start, p.end) for p in paras if not is_title_case(text[p.start : p.end])]
    names = names_in_running_text(text, running)
    return {start: sentence_case(text[start:end], names) for start, end in headlines}


@dataclass
class Draft:
    """A quote or reported item before its speaker mention is resolved."""

    start: int
    end: int
    kind: QuoteKind
    mention: Mention | None
    cue: str | None
    via: str | None = None
    continues: bool = False
    nested: bool = False  # a quote inside a quote: it has a speaker of its own, and continues no one


def _shift(mention: Mention | None, offset: int) -> Mention | None:
    if mention is None:
        return None
    return replace(mention, start=mention.start + offset, body=_shift(mention.body, offset))


def _start(span: QuoteSpan) -> int:
    return span.start


def _quotes_in(
    doc: Doc, offset: int, found: Plan, matchers: Matchers, text: str, para_start: int
) -> tuple[list[Draft], Mention | None]:
    """The drafts of one parsed part, and who speaks next if it ends introducing a quote ("she said:")."""
    rules = matchers.rules
    spans = found.spans
    end = offset + len(doc.text)
    local = spans[bisect.bisect_left(spans, offset, key=_start) : bisect.bisect_left(spans, end, key=_start)]
    token_sets = {}
    excluded: set[int] = set()
    for span in local:
        tokens = quote_tokens(doc, span.start - offset, min(span.end, end) - offset)
        if tokens is not None:
            token_sets[span.start] = tokens
            excluded.update(t.i for t in tokens)
    cues = find_cues(doc, matchers.speaker_rules, rules, excluded)
    drafts: list[Draft] = []
    for span in local:
        tokens = token_sets.get(span.start)
        if tokens is None or looks_like_term(text, span, rules):
            continue
        cue = governing_cue(tokens, cues, excluded) or introducing_cue(tokens, cues)
        short = len(span.text.split()) <= rules.term_max_words
        if short and (cue is None or is_speaker_of_cue(tokens, cues)):
            continue  # a scare quote or a name, not speech
        via = None
        if cue is not None:
            cue, via = channel_and_speaker(according_override(cue, cues, rules), cues, rules)
        kind = quote_kind(text, span, para_start)
        drafts.append(
            Draft(
                span.start,
                span.end,
                kind,
                _shift(cue.speaker, offset) if cue else None,
                cue.token.text if cue else None,
                via,
                continues=span.continues,
            )
        )
    drafts.extend(_reported_in(doc, offset, local, cues, matchers, text))
    drafts.extend(_nested_in(doc, offset, found, matchers, text, para_start))
    introduction = closing_introduction(doc, cues)
    return drafts, _shift(introduction.speaker, offset) if introduction else None


def _nested_in(doc: Doc, offset: int, found: Plan, matchers: Matchers, text: str, para_start: int) -> list[Draft]:
    """Quotes inside quotes ("When Hebden told me 'we cannot cope', I listened"): the inner words
    are an item of their own when a cue inside the outer quote gives them a speaker. Without one
    they are the outer speaker's scare quotes or mentions, not speech."""
    rules = matchers.rules
    end = offset + len(doc.text)
    nested = found.nested
    local = nested[bisect.bisect_left(nested, offset, key=_start) : bisect.bisect_left(nested, end, key=_start)]
    token_sets = {s.start: t for s in local if (t := quote_tokens(doc, s.start - offset, min(s.end, end) - offset)) is not None}
    if not token_sets:
        return []
    excluded = {t.i for tokens in token_sets.values() for t in tokens}
    cues = find_cues(doc, matchers.speaker_rules, rules, excluded)
    drafts: list[Draft] = []
    for span in local:
        tokens = token_sets.get(span.start)
        outer = _enclosing(found.spans, span)
        if tokens is None or outer is None or looks_like_term(text, span, rules):
            continue
        inside = {i: c for i, c in cues.items() if outer.start <= c.token.idx + offset < outer.end}
        cue = governing_cue(tokens, inside, excluded)
        short = len(span.text.split()) <= rules.term_max_words
        if cue is None or (short and (not any(cue.token in t.ancestors for t in tokens) or _modifies_a_noun(tokens))):
            continue  # a short quote the cue does not govern, or a word describing a thing: a scare quote
        kind = quote_kind(text, span, para_start)
        drafts.append(Draft(span.start, span.end, kind, _shift(cue.speaker, offset), cue.token.text, nested=True))
    return drafts


def _modifies_a_noun(tokens: Span) -> bool:
    """ "it's a 'managed' release": the quoted words describe a thing, they are not what was said."""
    inside = {t.i for t in tokens}
    roots = [t for t in tokens if t.head.i not in inside or t.head is t]
    return bool(roots) and all(t.dep_ in NOUN_MODIFIER_DEPS for t in roots if not t.is_punct)


def _enclosing(spans: list[QuoteSpan], inner: QuoteSpan) -> QuoteSpan | None:
    i = bisect.bisect_right(spans, inner.start, key=_start) - 1
    return spans[i] if i >= 0 and spans[i].end >= inner.end else None


def _reported_in(
    doc: Doc, offset: int, spans: list[QuoteSpan], cues: dict[int, Cue], matchers: Matchers, text: str
) -> list[Draft]:
    rules = matchers.rules
    drafts: list[Draft] = []
    for item in find_reported(doc, matchers.content_rules, rules, cues):
        cue = cues.get(item.cue.i)
        mention = item.speaker or (cue.speaker if cue else None)
        if mention is None or is_channel(mention, rules) or mention.head in rules.words("speakers.data_sources"):
            continue
        via = None
        if cue is not None and item.speaker is None:
            chosen, via = channel_and_speaker(cue, cues, rules)
            mention = chosen.speaker or mention
        start = doc[item.start].idx + offset
        end = doc[item.end - 1].idx + len(doc[item.end - 1].text) + offset
        if _mostly_quoted(text, start, end, spans):
            continue
        drafts.append(Draft(start, end, "indirect", _shift(mention, offset), item.cue.text, via))
    headline = colon_headline(doc, rules)
    if headline is not None:
        mention, start, end = headline
        if not _mostly_quoted(text, start + offset, end + offset, spans):
            drafts.append(Draft(start + offset, end + offset, "indirect", _shift(mention, offset), ":"))
    return drafts


def _mostly_quoted(text: str, start: int, end: int, spans: list[QuoteSpan]) -> bool:
    """Content whose words are all inside quote marks but for one: the quote says it already."""
    outside = list(text[start:end])
    for span in spans:
        for i in range(max(start, span.start), min(end, span.end)):
            outside[i - start] = " "
    return len(WORD.findall("".join(outside))) < MIN_WORDS_OUTSIDE_MARKS


def _resumes_split_quote(text: str, previous: Quote, quote: Quote) -> bool:
    """ "We will," she said, "win this.": the second piece continues the first sentence."""
    between = text[previous.end : quote.start]
    return (
        "\n" not in between
        and len(between) < 80
        and previous.text.rstrip().endswith(",")
        and between.rstrip(" \"'“”‘’«»„").endswith(",")
    )


def _paragraph_index(para_starts: list[int], offset: int) -> int:
    return max(0, bisect.bisect_right(para_starts, offset) - 1)


def quotes_from_parses(document: Document, found: Plan, parsed: list[tuple[int, Doc]], matchers: Matchers) -> list[Quote]:
    """Attribute and resolve everything in one document, given its parsed paragraphs."""
    text = document.text
    paras = paragraphs(text)
    para_starts = [p.start for p in paras]
    registry = ArticleSpeakers(matchers.rules.words("speakers.generic_organisation"))
    parsed_starts = {offset for offset, _ in parsed}
    for para in paras:
        if para.start not in parsed_starts:  # after its dateline: "PINE HOLLOW —" is a place
            for mention in names_by_regex(text, para.start + found.datelines.get(para.start, 0), para.end, matchers.rules):
                registry.add(mention)
    for offset, doc in parsed:
        for mention in names_in(list(doc), matchers.rules, registry.knows):
            registry.add(_shift(mention, offset))
    drafts: list[Draft] = []
    introductions: dict[int, Mention] = {}  # paragraph index -> who speaks in the quote that opens it
    for offset, doc in parsed:
        para = _paragraph_index(para_starts, offset)
        found_drafts, introduction = _quotes_in(doc, offset, found, matchers, text, para_starts[para])
        drafts.extend(found_drafts)
        if introduction is not None:
            introductions[para + 1] = introduction
    for draft in drafts:
        if draft.mention is not None or draft.kind not in QUOTED_KINDS or draft.nested:
            continue
        para = _paragraph_index(para_starts, draft.start)
        if para in introductions and not text[para_starts[para] : draft.start].strip(QUOTE_CHARS + " \t\n"):
            draft.mention = introductions[para]
    drafts.sort(key=lambda d: (d.start, d.end))
    newlines = [i for i, c in enumerate(text) if c == "\n"]
    quotes: list[Quote] = []
    last_quoted: tuple[int, Quote] | None = None  # (paragraph index, quote)
    for draft in drafts:
        speaker: str | None = None
        kind: SpeakerKind = "unknown"
        if draft.mention is not None:
            speaker, kind = registry.resolve(draft.mention)
            if draft.mention.form in ("name", "group"):
                registry.add(replace(draft.mention, text=speaker, subject=True))
            elif draft.mention.form == "description" and speaker != draft.mention.text:  # "the sheriff said. He said"
                gender = draft.mention.gender if kind == "person" else None
                registry.add(replace(draft.mention, text=speaker, form="name", kind=kind, subject=True, gender=gender))
        para = _paragraph_index(para_starts, draft.start)
        quote = Quote(
            source=document.source,
            start=draft.start,
            end=draft.end,
            text=text[draft.start : draft.end],
            kind=draft.kind,
            speaker=speaker,
            speaker_mention=draft.mention.text if draft.mention else None,
            cue=draft.cue,
            line=bisect.bisect_left(newlines, draft.start) + 1,
            paragraph=para,
            via=draft.via,
            speaker_kind=kind,
            meta=document.meta,
        )
        if draft.kind in QUOTED_KINDS and not draft.nested:
            if last_quoted and _resumes_split_quote(text, last_quoted[1], quote):
                quote.kind = last_quoted[1].kind
            if speaker is None and last_quoted and para - last_quoted[0] <= CONTINUATION_PARAGRAPHS:
                previous = last_quoted[1]
                quote.speaker, quote.speaker_mention = previous.speaker, previous.speaker_mention
                quote.speaker_kind = previous.speaker_kind
                if draft.kind == "partial" and (draft.continues or previous.kind == "direct"):
                    quote.kind = previous.kind
            if quote.speaker is not None:
                last_quoted = (para, quote)
        quotes.append(quote)
    for embed in found.embeds:
        quotes.append(
            Quote(
                source=document.source,
                start=embed.start,
                end=embed.end,
                text=embed.text,
                kind="embed",
                speaker=embed.embed_author,
                speaker_mention=f"@{embed.embed_handle}" if embed.embed_handle else embed.embed_author,
                line=bisect.bisect_left(newlines, embed.start) + 1,
                paragraph=_paragraph_index(para_starts, embed.start),
                speaker_kind="unknown",
                meta=document.meta,
            )
        )
    quotes.sort(key=lambda q: (q.start, q.end))
    return [matchers.directory.link(q) for q in quotes]


def extract_documents(documents: Iterable[Document], pipeline: Pipeline, jobs: int = 1) -> Iterator[tuple[Document, list[Quote]]]:
    """Stream (document, quotes) pairs; paragraphs of all documents share parse batches."""
    pending: dict[int, tuple[Document, Plan, list[tuple[int, Doc]]]] = {}

    def parts() -> Iterator[tuple[str, tuple[int, int]]]:
        for number, document in enumerate(documents):
            found = plan(document, pipeline.matchers.rules)
            pending[number] = (document, found, [])
            if not found.parts:
                yield "", (number, -1)  # a marker so documents with nothing to parse still come out
            for start, end in found.parts:
                yield found.text_of(document, start, end), (number, start)

    next_number = 0
    stream = parse(pipeline.nlp, parts(), jobs)
    for doc, (number, offset) in stream:
        # documents finish in order: everything before `number` is complete
        while next_number < number:
            yield _finish(pending.pop(next_number), pipeline)
            next_number += 1
        if offset >= 0:
            pending[number][2].append((offset, doc))
    while next_number in pending:
        yield _finish(pending.pop(next_number), pipeline)
        next_number += 1


def _finish(entry: tuple[Document, Plan, list[tuple[int, Doc]]], pipeline: Pipeline) -> tuple[Document, list[Quote]]:
    document, found, parsed = entry
    return document, quotes_from_parses(document, found, parsed, pipeline.matchers)


def extract(
    sources: str | Path | Document | Iterable[str | Path | Document],
    model: str | None = None,
    pipeline: Pipeline | None = None,
    jobs: int | None = None,
) -> list[Quote]:
    """Quotes from files, folders, `Document`s or a mix: the library's front door.

    >>> from quotes import extract
    >>> quotes = extract("seeds/")          # doctest: +SKIP
    """
    if isinstance(sources, (str, Path, Document)):
        sources = [sources]
    pipeline = pipeline or make_pipeline(model)
    documents: list[Document] = []
    for source in sources:
        if isinstance(source, Document):
            documents.append(source)
            continue
        for item in read_documents(expand([str(source)])):
            if not isinstance(item, Skipped):
                documents.append(item)
    workers = jobs if jobs is not None else 1
    found = [q for _, quotes in extract_documents(documents, pipeline, workers) for q in quotes]
    return link_corpus(found, pipeline.matchers.directory)


def default_jobs(total_bytes: int) -> int:
    """Both cores only when there is enough text to pay for starting a second process."""
    return available_cores() if total_bytes >= PARALLEL_MIN_CHARS else 1
