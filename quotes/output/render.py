"""Show quotes and clusters: rich tables for a terminal, plain tab-separated lines for everything else.

Every cell is a `rich.text.Text`, never a markup string: quotes hold editors' brackets
("[inaudible]", "[the minister]") that rich would otherwise read as style tags and drop. Tables go
to a terminal only, so their cells lose control characters (`for_terminal`); files keep them.
"""

from __future__ import annotations

import os
import re
from typing import TextIO

from rich import box
from rich.table import Table
from rich.text import Text

from quotes.corpus.clusters import cluster_summary, normalise, word_diff
from quotes.corpus.identities import SpeakerSummary
from quotes.models import Cluster, Quote

LONG_SOURCE = 32  # longer source names are shown as their file name alone
OPEN_MARK, CLOSE_MARK = "\u201c", "\u201d"  # “ ”
UNATTRIBUTED = "(unattributed)"
MIN_TEXT_WIDTH = 20  # the Quote and Wording columns take the spare width, but never less than this


# --- cells ------------------------------------------------------------------------------------

# C0 controls but tab and newline, DEL and C1 controls: ESC and CSI start the sequences (clear the
# screen, set the title, OSC 8 links) that an article must not send to a reader's terminal.
TERMINAL_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def for_terminal(text: str) -> str:
    """`text` without the control characters a terminal would act on; newlines and tabs stay."""
    return TERMINAL_CONTROLS.sub("", text)


def _text(value: str = "", style: str = "") -> Text:
    """A table cell: rich Text (never markup), safe for a terminal."""
    return Text(for_terminal(value), style=style)


def _short_source(source: str) -> str:
    if len(source) <= LONG_SOURCE:
        return source
    return source.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1] or source


def _source_cell(quote: Quote) -> str:
    return f"{_short_source(quote.source)}:{quote.line}"


def _sources_cell(cluster: Cluster) -> Text:
    """Each distinct `source:line`, sorted, one a line, with long source names shortened."""
    places = sorted({(m.source, m.line) for m in cluster.members})
    return _text("\n".join(f"{_short_source(source)}:{line}" for source, line in places))


def _speaker_cell(quote: Quote) -> Text:
    if not quote.speaker:
        return _text(quote.speaker_mention or UNATTRIBUTED, style="dim italic")
    cell = _text(quote.speaker)
    if quote.speaker_mention and quote.speaker_mention != quote.speaker:
        cell.append(for_terminal(f" ({quote.speaker_mention})"), style="dim")
    return cell


def _quote_cell(quote: Quote) -> Text:
    """Reported speech as is; quoted words (direct, partial, embedded posts) in curly marks."""
    if quote.kind == "indirect":
        return _text(quote.text)
    return _text(f"{OPEN_MARK}{quote.text}{CLOSE_MARK}")


def _one_line(value: str | None) -> str:
    """Collapse newlines, tabs and runs of spaces, so a value fits one tab-separated field."""
    return " ".join((value or "").split())


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


# --- quotes -----------------------------------------------------------------------------------


def quotes_table(quotes: list[Quote], title: str | None = None) -> Table:
    """One row per quote: Speaker, Kind, Quote (takes the spare width), Source."""
    table = Table(title=title, caption=_plural(len(quotes), "quote"), box=box.SIMPLE_HEAD, expand=True)
    table.add_column("Speaker", style="bold", max_width=24)
    table.add_column("Kind", style="cyan", no_wrap=True)
    table.add_column("Quote", ratio=1, width=MIN_TEXT_WIDTH, overflow="fold")
    table.add_column("Source", style="green", max_width=LONG_SOURCE + 6, overflow="fold")
    for quote in quotes:
        table.add_row(_speaker_cell(quote), _text(quote.kind), _quote_cell(quote), _text(_source_cell(quote)))
    return table


def render_plain(quotes: list[Quote]) -> str:
    """One line per quote: `source:line<TAB>kind<TAB>speaker<TAB>text` (empty speaker if unknown)."""
    lines = ["\t".join(_one_line(v) for v in (f"{q.source}:{q.line}", q.kind, q.speaker, q.text)) for q in quotes]
    return "".join(line + "\n" for line in lines)


# --- speakers ---------------------------------------------------------------------------------


def _speaker_cells(summary: SpeakerSummary, separator: str) -> tuple[str, ...]:
    record = summary.to_record()
    lists = (separator.join(record["kinds"]), separator.join(record["spellings"]))
    return (record["speaker"], *lists, str(record["quotes"]), str(record["sources"]))


def speakers_table(summaries: list[SpeakerSummary]) -> Table:
    """One row per speaker identity: name, kinds, spellings seen, quotes, sources."""
    table = Table(caption=_plural(len(summaries), "speaker"), box=box.SIMPLE_HEAD, expand=True)
    table.add_column("Speaker", style="bold", overflow="fold")
    table.add_column("Kind", style="cyan", no_wrap=True)
    table.add_column("Spellings seen", ratio=1, overflow="fold")
    table.add_column("Quotes", justify="right")
    table.add_column("Sources", justify="right")
    for summary in summaries:
        table.add_row(*(_text(cell) for cell in _speaker_cells(summary, ", ")))
    return table


def render_speakers_plain(summaries: list[SpeakerSummary]) -> str:
    """One line per speaker: `speaker<TAB>kinds<TAB>spellings<TAB>quotes<TAB>sources`."""
    lines = ["\t".join(_one_line(cell) for cell in _speaker_cells(summary, "; ")) for summary in summaries]
    return "".join(line + "\n" for line in lines)


# --- clusters ---------------------------------------------------------------------------------


DIFF_STYLES = {"equal": "", "delete": "strike red", "insert": "bold green"}


def _diff_text(a: str, b: str) -> Text:
    """`b` against `a`: words only in `a` struck through, words only in `b` in bold."""
    text = _text()
    for i, (op, words) in enumerate(word_diff(a, b)):
        if i:
            text.append(" ")
        text.append(for_terminal(words), style=DIFF_STYLES[op])
    return text


def _first_differing(cluster: Cluster, wording: str) -> Quote | None:
    """The first quoted member whose words differ from the cluster's wording (a fragment of it does not)."""
    agreed = f" {normalise(wording)} "
    quoted = (m for m in cluster.members if m.kind != "indirect")
    return next((m for m in quoted if f" {normalise(m.text)} " not in agreed), None)


def _wording_cell(cluster: Cluster, wording: str) -> Text:
    cell = _text(wording)
    other = _first_differing(cluster, wording)
    if other is not None:
        cell.append(for_terminal(f"\n{_source_cell(other)}: "), style="dim")
        cell.append_text(_diff_text(wording, other.text))
    return cell


def clusters_table(clusters: list[Cluster]) -> Table:
    """One row per cluster: Speaker, Wording (with a word diff when sources differ), Sources count, Sources, Flags."""
    table = Table(caption=_plural(len(clusters), "cluster"), box=box.SIMPLE_HEAD, expand=True, show_lines=True)
    table.add_column("Speaker", style="bold", max_width=24)
    table.add_column("Wording", ratio=1, width=MIN_TEXT_WIDTH, overflow="fold")
    table.add_column("Sources count", justify="right")
    table.add_column("Sources", style="green", max_width=LONG_SOURCE + 6, overflow="fold")
    table.add_column("Flags", style="yellow", max_width=20)
    for cluster in clusters:
        summary = cluster_summary(cluster)
        table.add_row(
            _text(summary.speaker) if summary.speaker else _text(UNATTRIBUTED, style="dim italic"),
            _wording_cell(cluster, summary.text),
            _text(str(summary.sources_count)),
            _sources_cell(cluster),
            _text(", ".join(summary.flags)),
        )
    return table


def render_clusters_plain(clusters: list[Cluster]) -> str:
    """One line per cluster: `id<TAB>sources count<TAB>speaker<TAB>wording<TAB>sources ("; ")<TAB>flags (", ")`."""
    lines = []
    for cluster in clusters:
        s = cluster_summary(cluster)
        fields = (s.id, str(s.sources_count), s.speaker, s.text, "; ".join(s.sources), ", ".join(s.flags))
        lines.append("\t".join(_one_line(f) for f in fields))
    return "".join(line + "\n" for line in lines)


# --- where output goes ------------------------------------------------------------------------


def _env_set(name: str) -> bool:
    return bool(os.environ.get(name))


def is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # no isatty, or a closed stream
        return False


def use_plain_output(stream: TextIO) -> bool:
    """Plain text when `stream` is not a terminal, or NO_COLOR is set, or under pre-commit (PRE_COMMIT=1) or CI."""
    return not is_terminal(stream) or _env_set("NO_COLOR") or os.environ.get("PRE_COMMIT") == "1" or _env_set("CI")
