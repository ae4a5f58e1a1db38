"""The `quotes` application object and what every command shares: one-line errors and warnings."""

from __future__ import annotations

import sys
from importlib import metadata
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from typer.core import TyperArgument, TyperCommand, TyperGroup

from quotes.output.render import for_terminal, is_terminal
from quotes.sources.files import shown_name


def _no_type(ctx: Any) -> None:
    return None


def _untyped_flags(params: list[Any]) -> list[Any]:
    """`params` without the type placeholders typer's help shows: flags (--force, --help) without
    `<bool>`, arguments without `<list[str]>` (their metavar, `PATH`, names them). Options take a
    metavar where they are declared (`FILE`, `NAME`, `N`)."""
    for param in params:
        if getattr(param, "is_flag", False) and param.metavar is None:
            param.metavar = ""
        if isinstance(param, TyperArgument):
            param.display_type_rich = _no_type  # type: ignore[method-assign]
    return params


class Command(TyperCommand):
    """A command whose --help shows its flags bare (every command is declared with `cls=Command`)."""

    def get_params(self, ctx: Any) -> list[Any]:
        return _untyped_flags(super().get_params(ctx))


class Group(TyperGroup):
    """A group of commands (`quotes`, `quotes cache`) whose --help shows its flags bare."""

    def get_params(self, ctx: Any) -> list[Any]:
        return _untyped_flags(super().get_params(ctx))


app = typer.Typer(
    cls=Group,
    help="Who said what, and where each source reported it.",
    no_args_is_help=False,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
stderr = Console(stderr=True, highlight=False, soft_wrap=True)

USAGE_ERROR = 2


def fail(message: str, code: int = USAGE_ERROR) -> typer.Exit:
    """Print a one-line error and return the Exit to raise."""
    stderr.print(f"quotes: error: {shown_name(message)}", markup=False)
    return typer.Exit(code)


def warn(message: str) -> None:
    stderr.print(f"quotes: warning: {shown_name(message)}", markup=False)


def shown_path(path: Path) -> str:
    """A configured path (absolute) as the user would type it: relative to the working folder when inside it."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def os_message(err: OSError) -> str:
    """An OSError as one line: `path: reason` for a failed call, else its own message."""
    if err.filename is not None and err.strerror:
        return f"{err.filename}: {err.strerror.lower()}"
    return str(err)


def print_text(text: str) -> None:
    """Text to standard output; on a terminal without control characters (files and pipes keep them)."""
    sys.stdout.write(for_terminal(text) if is_terminal(sys.stdout) else text)


def _version(shown: bool) -> None:
    if shown:
        print(f"quotes {metadata.version('quotes')}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """quotes: who said what, and where each source reported it."""
