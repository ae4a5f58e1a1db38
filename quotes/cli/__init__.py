"""The `quotes` command: parse arguments, call the library, render. No extraction logic here.

One module per group of commands: `extract` (extract, speakers), `check` (check, cache, rules).
"""

from __future__ import annotations

import sys

import typer

from quotes.cli import check as _check  # noqa: F401  (registers its commands)
from quotes.cli import extract as _extract  # noqa: F401
from quotes.cli.app import USAGE_ERROR, app, stderr

__all__ = ["app", "main"]

INTERRUPTED = 130  # 128 + SIGINT


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
