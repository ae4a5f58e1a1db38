"""`quotes check` findings on a terminal, in colour."""

from __future__ import annotations

from rich.text import Text

from quotes.check.messages import line_segments
from quotes.check.verdict import Finding
from quotes.output.render import for_terminal


def rich_line(finding: Finding) -> Text:
    """The linter line in colour, for a terminal: without the control characters the quote may hold."""
    return Text.assemble(*((for_terminal(text), style) for text, style in line_segments(finding)))
