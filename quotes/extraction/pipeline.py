"""The extraction pipeline: documents in, attributed quotes out.

    Document -> plan: layout, marks + embeds (regex), paragraphs worth parsing -> spaCy (batched)
             -> drafts: cues, speakers' mentions, reported content -> entities of the article
             -> speakers resolved within each unit -> Quotes

Documents stream through `extract_documents`: each is finished (and its parses dropped)
as soon as its last paragraph is parsed, so memory stays flat on large corpora.
"""

from __future__ import annotations

import bisect
import functools
import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from quotes.corpus.identities import link_corpus
from quotes.extraction.drafts import collect_drafts
from quotes.extraction.entities import article_names
from quotes.extraction.matchers import Matchers, make_matchers
from quotes.extraction.ner import Recogniser, make_recogniser, type_entities, type_places
from quotes.extraction.parse import (
    PARALLEL_MIN_CHARS,
    available_cores,
    irregular_forms,
    join_phrasal_verbs,
    keep_abbreviations,
    keep_hyphenated_given_names,
    keep_particle_surnames,
    keep_user_names,
    load_model,
    parse,
    split_marks,
)
from quotes.extraction.plan import Plan, plan
from quotes.extraction.resolve import embed_quotes, resolve_drafts, signed_quotes
from quotes.extraction.workers import can_fork, run_in_workers
from quotes.models import TURN_KIND, Document, Quote
from quotes.rules import load_rules
from quotes.sources.files import Skipped, expand, read_documents

SECTION_CHARS = 100_000  # a long document is attributed in pieces of this size (a news article is one)

__all__ = [
    "Matchers",
    "Pipeline",
    "Plan",
    "extract",
    "extract_document",
    "extract_documents",
    "make_matchers",
    "make_pipeline",
    "pipeline_of",
    "plan",
    "quotes_from_parses",
]


@dataclass(frozen=True)
class Pipeline:
    """What every document is run through: the model and the matchers."""

    nlp: Language
    matchers: Matchers
    recognise: Recogniser | None = None  # the model's NER, for names in doubt
    turns: bool = False  # also a transcript turn's own words, as kind "turn" (for `quotes check`'s sources)


def make_pipeline(model: str | None = None, speakers_files: Iterable[Path] = ()) -> Pipeline:
    """The model (its tokenizer taught every quote mark of the patterns) and the rules. The spaCy
    component leaves the tokenizer of the user's pipeline as it is."""
    nlp = load_model(model)
    rules = load_rules()
    split_marks(nlp, rules.quote_chars)
    keep_abbreviations(nlp, rules.abbreviations)
    if rules.user_name is not None:
        keep_user_names(nlp, rules.user_name)
    keep_hyphenated_given_names(nlp)
    keep_particle_surnames(nlp, rules.words("speakers.misread_particles"))
    return pipeline_of(nlp, speakers_files)


def pipeline_of(nlp: Language, speakers_files: Iterable[Path] = (), patterns: Path | None = None) -> Pipeline:
    """What a loaded model runs with: the rules of `patterns` (the built-in ones by default) with the
    irregular cue forms its lemmatizer knows, the speakers, and its NER for names in doubt."""
    forms = irregular_forms(nlp, load_rules(patterns).cue_words)
    matchers = make_matchers(nlp.vocab, speakers_files, patterns, forms)
    return Pipeline(nlp=nlp, matchers=matchers, recognise=make_recogniser(nlp))


def quotes_from_parses(
    document: Document, found: Plan, parsed: list[tuple[int, Doc]], matchers: Matchers, recognise: Recogniser | None = None
) -> list[Quote]:
    """Attribute and resolve everything in one document, given its parsed paragraphs."""
    rules = matchers.rules
    for _, doc in parsed:
        join_phrasal_verbs(doc, rules.words("verbs.phrasal"))
    registry = article_names(document.text, found, parsed, rules)
    type_places(registry, rules)
    if recognise is not None:
        type_entities(document.text, found, registry, recognise, rules)
    drafts = collect_drafts(document.text, found, parsed, matchers)
    signed = embed_quotes(document, found, rules) + signed_quotes(document, found, rules)
    quotes = resolve_drafts(document, found, drafts, registry, rules, signed) + signed
    quotes.sort(key=lambda q: (q.start, q.end))
    return [matchers.directory.link(q) for q in quotes]


def extract_document(document: Document, pipeline: Pipeline, leave_out: Iterable[str] = ()) -> list[Quote]:
    """One document through every stage, without the model's pipes named in `leave_out` (the
    spaCy component's path: its own parse batches, no streaming across documents)."""
    quotes: list[Quote] = []
    for piece, _ in sections(plan(document, pipeline.matchers.rules), len(document.text)):
        parts = ((piece.text_of(document, start, end), start) for start, end in piece.parts)
        parsed = [(start, doc) for doc, start in parse(pipeline.nlp, parts, leave_out=leave_out)]
        quotes.extend(_kept(quotes_from_parses(document, piece, parsed, pipeline.matchers, pipeline.recognise), pipeline))
    return quotes


def _kept(quotes: list[Quote], pipeline: Pipeline) -> list[Quote]:
    return quotes if pipeline.turns else [q for q in quotes if q.kind != TURN_KIND]


def sections(found: Plan, size: int) -> Iterator[tuple[Plan, bool]]:
    """A long document's plan in pieces of about SECTION_CHARS, cut where a parsed part starts
    outside any quote, each with whether it is the last: each piece is parsed, attributed and its
    parses dropped before the next, so memory stays flat however long one document is. Made one
    at a time (each holds a list of all the paragraphs). A news article is one piece."""
    cuts = [0]
    if size > SECTION_CHARS:
        quote_ends = list(itertools.accumulate((s.end for s in found.spans), max, initial=0))
        for start, _ in found.parts:
            inside_quote = quote_ends[bisect.bisect_left(found.spans, start, key=lambda s: s.start)] > start
            if start - cuts[-1] >= SECTION_CHARS and not inside_quote:
                cuts.append(start)
    if len(cuts) == 1:
        yield found, True
        return
    silenced = found.silenced_paragraphs()
    for start, end in itertools.pairwise([*cuts, size]):
        yield found.window(start, end, silenced), end == size


def extract_documents(documents: Iterable[Document], pipeline: Pipeline, jobs: int = 1) -> Iterator[tuple[Document, list[Quote]]]:
    """Stream (document, quotes) pairs, in order; paragraphs of all documents share parse batches.

    With `jobs` above 1, batches of whole documents go to that many worker processes, which send
    back each document's quotes (`quotes.extraction.workers`).
    """
    if jobs > 1 and can_fork():
        return run_in_workers(documents, functools.partial(_quotes_of_documents, pipeline=pipeline), jobs)
    return _extract_here(documents, pipeline)


def _quotes_of_documents(documents: list[Document], pipeline: Pipeline) -> list[list[Quote]]:
    """A worker's task: the quotes of each document, parsed in this process."""
    return [quotes for _, quotes in _extract_here(documents, pipeline)]


@dataclass
class _Section:
    """A piece of a document's plan waiting for its parses; `last` ends the document."""

    document: Document
    found: Plan
    last: bool
    parsed: list[tuple[int, Doc]] = field(default_factory=list)


def _extract_here(documents: Iterable[Document], pipeline: Pipeline) -> Iterator[tuple[Document, list[Quote]]]:
    """Every document in this process, the paragraphs of all of them sharing parse batches; a
    long document's sections (`sections`) are finished one by one."""
    pending: dict[int, _Section] = {}

    def parts() -> Iterator[tuple[str, tuple[int, int]]]:
        number = 0
        for document in documents:
            for piece, last in sections(plan(document, pipeline.matchers.rules), len(document.text)):
                pending[number] = _Section(document, piece, last)
                if not piece.parts:
                    yield "", (number, -1)  # a marker so sections with nothing to parse still come out
                for start, end in piece.parts:
                    yield piece.text_of(document, start, end), (number, start)
                number += 1

    done: list[Quote] = []  # the finished sections' quotes of the document under way
    next_number = 0

    def finish(section: _Section) -> Iterator[tuple[Document, list[Quote]]]:
        nonlocal done
        found = quotes_from_parses(section.document, section.found, section.parsed, pipeline.matchers, pipeline.recognise)
        done.extend(_kept(found, pipeline))
        if section.last:
            yield section.document, done
            done = []

    for doc, (number, offset) in parse(pipeline.nlp, parts()):
        # sections finish in order: everything before `number` is complete
        while next_number < number:
            yield from finish(pending.pop(next_number))
            next_number += 1
        if offset >= 0:
            pending[number].parsed.append((offset, doc))
    while next_number in pending:
        yield from finish(pending.pop(next_number))
        next_number += 1


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
