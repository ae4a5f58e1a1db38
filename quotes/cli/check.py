"""`quotes check`, `quotes cache` and `quotes rules`: the draft checker and its housekeeping (logic in quotes/check/)."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from quotes.cache import CacheDirError, SourceCache, cache_root, clear_cache, fingerprint
from quotes.cache import cache_info as describe_cache
from quotes.check.messages import findings_json, plain_line, summary
from quotes.check.run import CheckRequest, Report, run_check
from quotes.cli.app import Command, Group, app, fail, os_message, print_text, shown_path, stderr, warn
from quotes.cli.extract import ModelOption, SpeakersOption, format_help
from quotes.config import Config, ConfigError, load_config
from quotes.extraction.parse import ModelNotFound
from quotes.output.findings import rich_line
from quotes.output.render import (
    use_plain_output,
)
from quotes.rules import RulesError, patterns_dir
from quotes.rules.check import check_folder
from quotes.sources.files import SourceError

# --- check: the quotes of a draft against their sources (the logic is in quotes/check/) ----------

CHECK_DRAFTS_HELP = "Drafts (.md, .txt, .rst, .adoc, .html, .docx) or folders of them."
CHECK_SOURCES_HELP = "Source files or folders (repeatable). Default: `sources` in the settings (pyproject.toml or .quotes.toml)."
CHECK_STRICT_HELP = "Unsourced quotes are errors, not warnings (also `strict = true` in the settings)."
CHECK_VERBOSE_HELP = "Also list the quotes that passed, and the findings an ignore comment or setting accepted."
CHECK_CACHE_HELP = "Extract every source again, without reading or writing the cache."


class CheckFormat(StrEnum):
    text = "text"
    json = "json"


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


@app.command(cls=Command)
def check(
    drafts: Annotated[list[str], typer.Argument(metavar="DRAFT", help=CHECK_DRAFTS_HELP)],
    sources: Annotated[list[str] | None, typer.Option("--sources", metavar="PATH", help=CHECK_SOURCES_HELP)] = None,
    speakers_file: SpeakersOption = None,
    model: ModelOption = None,
    strict: Annotated[bool, typer.Option("--strict", help=CHECK_STRICT_HELP)] = False,
    output_format: Annotated[
        CheckFormat, typer.Option("--format", "-f", metavar="FORMAT", help=format_help(CheckFormat, ""))
    ] = CheckFormat.text,
    verbose: Annotated[
        bool,
        typer.Option(
            "--verbose", "-v", help="Also list the quotes that passed, and the findings an ignore comment or setting accepted."
        ),
    ] = False,
    no_cache: Annotated[bool, typer.Option("--no-cache", help=CHECK_CACHE_HELP)] = False,
) -> None:
    """Check that every quote in the drafts matches the sources, attributed to the same person. Exit 1 on errors."""
    settings = _settings()
    chosen_sources = sources or [path if isinstance(path, str) else shown_path(path) for path in settings.sources]
    if not chosen_sources:
        raise fail("no sources: give --sources PATH, or set `sources` under [tool.quotes] in pyproject.toml or .quotes.toml")
    speakers = tuple(speakers_file or settings.speakers)
    chosen_model = model or settings.model
    cache = None if no_cache else SourceCache(_cache_root(settings), fingerprint(chosen_model, speakers))
    request = CheckRequest(
        tuple(drafts), tuple(chosen_sources), speakers, chosen_model, strict or settings.strict, cache, settings.ignore
    )
    try:
        report = run_check(request)
    except (SourceError, ModelNotFound, RulesError) as err:
        raise fail(str(err)) from None
    for note in report.notes:
        warn(note)
    if not report.drafts:
        warn("no drafts found (.md, .txt, .rst, .adoc, .html, .docx)")
    _show_check(report, output_format, verbose)
    if report.errors:
        raise typer.Exit(1)


def _show_check(report: Report, output_format: CheckFormat, verbose: bool) -> None:
    findings = report.findings if verbose else report.problems
    if output_format is CheckFormat.json:
        print_text(findings_json(findings))
        stderr.print(summary(report), markup=False)
        return
    accepted = [f"{plain_line(finding)} (suppressed)\n" for finding in report.suppressed] if verbose else []
    if use_plain_output(sys.stdout):
        print_text("".join(f"{plain_line(finding)}\n" for finding in findings) + "".join(accepted) + f"{summary(report)}\n")
        return
    console = Console(highlight=False, soft_wrap=True)
    for finding in findings:
        console.print(rich_line(finding))
    for line in accepted:
        console.print(line.rstrip("\n"), style="dim", markup=False)
    console.print(summary(report), style="bold", markup=False)


cache_app = typer.Typer(
    cls=Group, help="The cache of quotes extracted from sources, which `quotes check` keeps.", no_args_is_help=True
)
app.add_typer(cache_app, name="cache")


@cache_app.command("clear", cls=Command)
def cache_clear() -> None:
    """Empty the cache."""
    root = _cache_root(_settings())
    try:
        removed = clear_cache(root)
    except OSError as err:  # NotACache among them
        raise fail(os_message(err)) from None
    print(f"removed {removed} cached source{'' if removed == 1 else 's'} from {root}")


@cache_app.command("info", cls=Command)
def cache_info() -> None:
    """Where the cache is and how big."""
    try:
        info = describe_cache(_cache_root(_settings()))
    except OSError as err:
        raise fail(os_message(err)) from None
    print(f"{info.folder}: {info.entries} cached source{'' if info.entries == 1 else 's'}, {info.size / 1024:.1f} KiB")


rules_app = typer.Typer(
    cls=Group, help="The rules in patterns/: quote marks, cue words, dependency patterns, layout.", no_args_is_help=True
)
app.add_typer(rules_app, name="rules")


@rules_app.command("check", cls=Command)
def rules_check(
    folder: Annotated[
        Path | None, typer.Argument(metavar="FOLDER", help="A patterns folder (default: the built-in one).")
    ] = None,
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
