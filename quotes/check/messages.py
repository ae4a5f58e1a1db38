"""What a finding says: linter lines, styled segments, the summary and the JSON."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

from quotes.check.match import DiffOp, changes
from quotes.check.run import Report
from quotes.check.verdict import Finding, Verdict
from quotes.corpus.identities import same_person

MAX_SHOWN_CHARS = 80  # quotes longer than this are cut in linter lines (JSON has them whole)
Segment = tuple[str, str]  # (text, rich style)
SEVERITY_STYLES = {"error": "bold red", "warning": "bold yellow", "info": "green"}
DELETED_STYLE, INSERTED_STYLE = "strike red", "bold green"


def shorten(text: str, limit: int = MAX_SHOWN_CHARS) -> str:
    """One line, cut to `limit` characters with an ellipsis."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def _quoted(text: str | None) -> str:
    return f'"{shorten(text or "")}"'


def _change_segments(diff: Sequence[DiffOp]) -> list[Segment]:
    segments: list[Segment] = []
    for number, (removed, added) in enumerate(changes(diff)):
        if number:
            segments.append((", ", ""))
        if removed and added:
            segments += [(f'"{removed}"', DELETED_STYLE), (" → ", ""), (f'"{added}"', INSERTED_STYLE)]
        elif removed:
            segments += [("dropped ", ""), (f'"{removed}"', DELETED_STYLE)]
        else:
            segments += [("added ", ""), (f'"{added}"', INSERTED_STYLE)]
    return segments


def message_segments(finding: Finding) -> list[Segment]:
    """What a finding says, after its code, as styled pieces."""
    where = f"{finding.source}:{finding.source_line}"
    quote = _quoted(finding.quote)
    speaker, other = finding.speaker or "(no speaker)", finding.source_speaker or "an unnamed speaker"
    if finding.verdict is Verdict.ok:
        return [(f"{quote} ({speaker}) matches {where}", "")]
    if finding.verdict is Verdict.misquote:
        by = "" if finding.source_speaker is None or same_person(finding.source_speaker, speaker) else f" ({other})"
        changed = _change_segments(finding.diff) or [("the words are in another order", "")]
        return [(f"{quote} differs from {where}{by} {_quoted(finding.source_text)}: ", ""), *changed]
    if finding.verdict is Verdict.misattributed:
        said = "reports it from" if finding.reported else "quotes"
        return [(f"{quote} is attributed to {speaker}, but {where} {said} {other}", "")]
    if finding.verdict is Verdict.disputed:
        given = " and ".join(finding.other_speakers) or other
        sure = "not surely enough to call it wrong"
        return [(f"{quote} is attributed to {speaker}; the sources give it to {given} ({where}), {sure}", "")]
    if finding.verdict is Verdict.paraphrase:
        return [(f"{quote} is in quote marks, but {where} gives it only in its own words: {_quoted(finding.source_text)}", "")]
    if finding.verdict is Verdict.unattributed:
        found = f"; {where} has it from {other}" if finding.source else ""
        return [(f"{quote} has no speaker{found}", "")]
    return [(f"{quote} ({speaker}) is in no source", "")]


def line_segments(finding: Finding) -> list[Segment]:
    label = "reported speech misattributed" if finding.reported and finding.verdict is Verdict.misattributed else finding.verdict
    return [
        (f"{finding.place}: ", "bold"),
        (f"{finding.code} {label}", SEVERITY_STYLES[finding.severity]),
        (": ", ""),
        *message_segments(finding),
    ]


def plain_message(finding: Finding) -> str:
    return "".join(text for text, _ in message_segments(finding))


def plain_line(finding: Finding) -> str:
    """`path:line:column: CODE verdict: message`, the way linters and editors expect (`path:¶12:` in a .docx)."""
    return "".join(text for text, _ in line_segments(finding))


def _counted(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def summary(report: Report) -> str:
    """`2 errors, 1 warning in 1 draft` (`, 1 suppressed` when an ignore comment or setting accepted some)."""
    counted = f"{_counted(report.errors, 'error')}, {_counted(report.warnings, 'warning')} in {_counted(report.drafts, 'draft')}"
    return counted + (f", {len(report.suppressed)} suppressed" if report.suppressed else "")


def findings_json(findings: Iterable[Finding]) -> str:
    return json.dumps([f.to_record() for f in findings], ensure_ascii=False, indent=2) + "\n"
