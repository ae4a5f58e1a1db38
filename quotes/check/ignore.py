"""Saying "I know": findings an editor has accepted, by a comment in the draft or a code in the settings.

<!-- quotes: ignore -->        on the line before a quote, or at the end of its line: that quote
<!-- quotes: ignore-file -->   anywhere in a draft: the whole draft
ignore = ["QC104"]             in [tool.quotes]: that code everywhere
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from quotes.check.verdict import Finding

IGNORE_QUOTE = re.compile(r"<!--\s*quotes:\s*ignore\s*-->")
IGNORE_FILE = re.compile(r"<!--\s*quotes:\s*ignore-file\s*-->")


def ignored_lines(text: str) -> frozenset[int]:
    """The lines whose quotes are accepted: each comment's own line and the line after it."""
    lines: set[int] = set()
    for match in IGNORE_QUOTE.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        lines.update((line, line + 1))
    return frozenset(lines)


def split_ignored(findings: Iterable[Finding], text: str, codes: frozenset[str]) -> tuple[list[Finding], list[Finding]]:
    """(kept, suppressed): passes are never suppressed, only what would be reported."""
    whole = IGNORE_FILE.search(text) is not None
    lines = ignored_lines(text)
    kept: list[Finding] = []
    suppressed: list[Finding] = []
    for finding in findings:
        accepted = finding.severity != "info" and (whole or finding.line in lines or finding.code in codes)
        (suppressed if accepted else kept).append(finding)
    return kept, suppressed
