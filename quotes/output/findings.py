"""`quotes check` findings on a terminal, in colour."""

from __future__ import annotations

from rich.text import Text

from quotes.check.messages import line_segments
from quotes.check.verdict import Finding


def rich_line(finding: Finding) -> Text:
    return Text.assemble(*line_segments(finding))
