"""A whole check: the sources (through the cache), the drafts, and every verdict."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from quotes.cache import SourceCache
from quotes.check.draft import DRAFT_SUFFIXES, read_drafts
from quotes.check.ignore import split_ignored
from quotes.check.index import SourceIndex
from quotes.check.verdict import Finding, check_quotes
from quotes.extraction.pipeline import Pipeline, default_jobs, extract_documents, make_pipeline
from quotes.models import Document, Quote
from quotes.sources.docx import paragraph_number
from quotes.sources.files import Skipped, SourceError, document_of, expand, read_raw


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
    pending: list[tuple[bytes, str, Document]] = []
    for path in files:
        raw = read_raw(path)
        if isinstance(raw, Skipped):
            load.notes.append(f"{raw.source}: {raw.reason}, skipped")
            continue
        name = raw.source
        cached = cache.load(raw.data, raw.reading, name) if cache is not None else None
        if cached is not None:
            load.quotes.extend(cached)
            load.cached += 1
            continue
        document = document_of(raw)
        if isinstance(document, Skipped):
            load.notes.append(f"{document.source}: {document.reason}, skipped")
            continue
        load.notes.extend(f"{name}: {message}" for message in document.warnings)
        pending.append((raw.data, raw.reading, document))
    if not pending:
        return load
    jobs = default_jobs(sum(len(data) for data, _, _ in pending))
    # with transcript turns: a draft may quote words a transcript gives without marks
    extracted = extract_documents([document for _, _, document in pending], replace(pipeline(), turns=True), jobs)
    for (data, reading, _), (_, quotes) in zip(pending, extracted, strict=True):
        load.quotes.extend(quotes)
        load.extracted += 1
        if cache is not None:
            try:
                cache.store(data, reading, quotes)
            except (OSError, ValueError) as err:  # ValueError: something not a file where the entry goes
                load.notes.append(f"cache not written ({getattr(err, 'strerror', None) or err}): {cache.folder}")
                cache = None  # one warning is enough
    return load


# --- a whole check -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class CheckRequest:
    drafts: tuple[str, ...]
    sources: tuple[str, ...]
    speakers: tuple[Path, ...] = ()
    model: str | None = None
    strict: bool = False
    cache: SourceCache | None = None
    ignore: frozenset[str] = frozenset()  # codes accepted everywhere (`ignore` in the settings)


@dataclass(frozen=True)
class Report:
    findings: tuple[Finding, ...]  # ok ones included
    drafts: int
    sources: int
    cached_sources: int
    notes: tuple[str, ...] = ()
    suppressed: tuple[Finding, ...] = ()  # accepted by an ignore comment or setting; listed with --verbose

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
    drafts, notes = read_drafts(drafts_files)
    sources = source_files(request.sources, drafts_files)
    if not sources:  # an empty folder or a glob that matched nothing: no quote could be sourced
        raise SourceError(f"no sources found in {', '.join(request.sources)}")
    make = factory or make_pipeline
    pipeline = functools.cache(lambda: make(request.model, request.speakers))
    loaded = load_sources(sources, request.cache, pipeline)
    index = SourceIndex.of(loaded.quotes)
    findings: list[Finding] = []
    suppressed: list[Finding] = []
    if drafts:
        extracted = extract_documents(drafts, pipeline())
        for draft, (_, quotes) in zip(drafts, extracted, strict=True):
            paragraph_of = paragraph_number if draft.format == "docx" else None
            found = check_quotes(draft.source, draft.text, quotes, index, request.strict, paragraph_of)
            kept, accepted = split_ignored(found, draft.text, request.ignore)
            findings.extend(kept)
            suppressed.extend(accepted)
    notes = [*loaded.notes, *notes]
    return Report(tuple(findings), len(drafts), len(sources), loaded.cached, tuple(notes), tuple(suppressed))
