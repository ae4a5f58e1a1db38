"""Show quotes and clusters: rich tables (for a terminal, or `--format table`), and tab-separated
lines under a header row for everything else.

Every cell is a `rich.text.Text`, never a markup string: quotes hold editors' brackets
("[inaudible]", "[the minister]") that rich would otherwise read as style tags and drop. Table
cells lose control characters (`for_terminal`); tab-separated lines keep them.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TextIO

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from quotes.check.match import diff_runs
from quotes.corpus.clusters import cluster_summary, differs_from, in_date_order, marked_first, word_diff
from quotes.corpus.identities import SpeakerSummary
from quotes.models import QUOTE_KINDS, VERBATIM_KINDS, Cluster, ClusterSummary, Quote

PLACE_MAX = 36  # a source's line numbers beyond this width are left out ("…"); the name is never cut
NAME_MAX = 32  # a longer outlet name is cut after a word, with "…"
OPEN_MARK, CLOSE_MARK = "\u201c", "\u201d"  # “ ”
UNATTRIBUTED = "(unattributed)"
MIN_TEXT_WIDTH = 20  # the Quote and Wording columns take the spare width, but never less than this
TEXT_RATIO = 2  # with --paths, the paths take a third of the spare width, the wording the rest
FIRST_MARK = " *"  # after a source that published the utterance first; the caption says so
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


# --- cells ------------------------------------------------------------------------------------

# C0 controls but tab and newline, DEL and C1 controls: ESC and CSI start the sequences (clear the
# screen, set the title, OSC 8 links) that an article must not send to a reader's terminal.
TERMINAL_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Blank lines, and the spaces around a line break: an embedded post's line breaks come out of
# layout as runs of blank lines, which a table cell shows as one break.
LINE_BREAKS = re.compile(r"[ \t]*(?:\r\n?|\n)\s*")


def for_terminal(text: str) -> str:
    """`text` without the control characters a terminal would act on; newlines and tabs stay."""
    return TERMINAL_CONTROLS.sub("", text)


def _text(value: str = "", style: str = "") -> Text:
    """A table cell: rich Text (never markup), safe for a terminal."""
    return Text(for_terminal(value), style=style)


def _worded(text: str, kind: str) -> str:
    """A wording as a table shows it: the speaker's own words (direct, partial, embed) in curly
    marks, reported speech without; each line break once."""
    text = LINE_BREAKS.sub("\n", text.strip())
    return f"{OPEN_MARK}{text}{CLOSE_MARK}" if kind in VERBATIM_KINDS else text


def _file_name(source: str) -> str:
    return source.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1] or source


def _shortened(outlet: str) -> str:
    """A long outlet name cut after a word, with "…", to at most NAME_MAX characters; a word is never cut."""
    if len(outlet) <= NAME_MAX or " " not in outlet[:NAME_MAX]:
        return outlet
    return outlet[: NAME_MAX - 1].rsplit(" ", 1)[0].rstrip(" ,;:-") + "…"


def _day(date: str | None, with_year: bool) -> str | None:
    """An ISO date as `7 Aug` (`7 Aug 2024` with the year)."""
    try:
        day = dt.date.fromisoformat((date or "")[:10])
    except ValueError:  # no date
        return None
    return f"{day.day} {MONTHS[day.month - 1]}" + (f" {day.year}" if with_year else "")


@dataclass(frozen=True)
class SourceNames:
    """How a table names a source: `Outlet, 7 Aug`; its file name when the outlet is not known;
    the path as given with `paths`. Dates carry their year when the table's sources span years."""

    paths: bool = False
    years: bool = False

    @classmethod
    def of(cls, quotes: Iterable[Quote], paths: bool = False) -> SourceNames:
        return cls(paths, len({q.meta.date[:4] for q in quotes if q.meta.date}) > 1)

    def name(self, quote: Quote) -> str:
        if self.paths:
            return quote.source
        name = _shortened(quote.meta.outlet) if quote.meta.outlet else _file_name(quote.source)
        day = _day(quote.meta.date, self.years)
        return f"{name}, {day}" if day else name

    def place(self, quote: Quote) -> str:
        return f"{self.name(quote)}:{quote.line}"


def _sources_cell(cluster: Cluster, summary: ClusterSummary, names: SourceNames) -> Text:
    """Each source once, in date order (`in_date_order`), with the lines that carry the utterance,
    and FIRST_MARK after the sources that published it first (`marked_first`): `Reuters, 7 Aug:4,9 *`."""
    named: dict[str, str] = {}
    lines: dict[str, list[int]] = {}
    for member in in_date_order(cluster.members):
        named.setdefault(member.source, names.name(member))
        numbers = lines.setdefault(member.source, [])
        if member.line not in numbers:
            numbers.append(member.line)
    return _text(
        "\n".join(
            _place(named[source], numbers, names.paths) + (FIRST_MARK if source in marked_first(summary) else "")
            for source, numbers in lines.items()
        )
    )


def _place(name: str, lines: list[int], whole: bool) -> str:
    """`name:4,9`; without `whole`, the line numbers past PLACE_MAX characters become "…"."""
    place = f"{name}:{lines[0]}"
    for line in lines[1:]:
        if not whole and len(place) + len(str(line)) + 1 > PLACE_MAX:
            return f"{place},…"
        place += f",{line}"
    return place


def _speaker_cell(quote: Quote) -> Text:
    if not quote.speaker:
        return _text(quote.speaker_mention or UNATTRIBUTED, style="dim italic")
    cell = _text(quote.speaker)
    if quote.speaker_mention and quote.speaker_mention != quote.speaker:
        cell.append(for_terminal(f" ({quote.speaker_mention})"), style="dim")
    return cell


def _add_sources_column(table: Table, header: str, cells: list[str], paths: bool) -> None:
    """As wide as its longest line, so that no name wraps; full paths (`paths`) fold where they must."""
    if paths:
        table.add_column(header, style="green", ratio=1, overflow="fold")
        return
    widest = max((len(line) for cell in cells for line in cell.splitlines()), default=0)
    table.add_column(header, style="green", no_wrap=True, min_width=widest)


def _one_line(value: str | None) -> str:
    """Collapse newlines, tabs and runs of spaces, so a value fits one tab-separated field."""
    return " ".join((value or "").split())


def _tsv(header: tuple[str, ...], rows: Iterable[Iterable[str | None]]) -> str:
    """Tab-separated lines under a header row; each value on one line."""
    lines = ["\t".join(header), *("\t".join(_one_line(value) for value in row) for row in rows)]
    return "".join(line + "\n" for line in lines)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


# --- quotes -----------------------------------------------------------------------------------

QUOTES_TSV_HEADER = ("reference", "kind", "speaker", "text")


def quotes_table(quotes: list[Quote], title: str | None = None, paths: bool = False) -> Table:
    """One row per quote: Speaker, Kind, Quote (takes the spare width), Source."""
    names = SourceNames.of(quotes, paths)
    table = Table(title=title, caption=_plural(len(quotes), "quote"), box=box.SIMPLE_HEAD, expand=True, show_edge=False)
    table.add_column("Speaker", style="bold", max_width=24)
    table.add_column("Kind", style="cyan", no_wrap=True)
    table.add_column("Quote", ratio=TEXT_RATIO, width=MIN_TEXT_WIDTH, overflow="fold")
    places = [names.place(quote) for quote in quotes]
    _add_sources_column(table, "Source", places, paths)
    for quote, place in zip(quotes, places, strict=True):
        table.add_row(_speaker_cell(quote), _text(quote.kind), _text(_worded(quote.text, quote.kind)), _text(place))
    return table


def render_plain(quotes: list[Quote]) -> str:
    """Tab-separated: a header, then one line per quote: `source:line, kind, speaker, text` (empty speaker if unknown)."""
    return _tsv(QUOTES_TSV_HEADER, ((f"{q.source}:{q.line}", q.kind, q.speaker, q.text) for q in quotes))


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


SPEAKERS_TSV_HEADER = ("speaker", "kinds", "spellings", "quotes", "sources")


def render_speakers_plain(summaries: list[SpeakerSummary]) -> str:
    """Tab-separated: a header, then one line per speaker: speaker, kinds, spellings ("; "), quotes, sources."""
    return _tsv(SPEAKERS_TSV_HEADER, (_speaker_cells(summary, "; ") for summary in summaries))


# --- clusters ---------------------------------------------------------------------------------

CLUSTERS_TSV_HEADER = ("cluster", "references", "speaker", "wording", "sources", "flags")
DIFF_STYLES = {"equal": "", "delete": "strike red", "insert": "bold green"}
DIFF_MARKS = {"equal": ("", ""), "delete": ("[-", "-]"), "insert": ("{+", "+}")}  # without colour, as `git diff --word-diff`


def _diff_text(a: str, b: str, colour: bool) -> Text:
    """`b` against `a`: words only in `a` struck through, words only in `b` in bold; without
    colour, `[-only in a-]{+only in b+}`."""
    text = _text()
    for i, (op, words) in enumerate(diff_runs(word_diff(a, b))):
        if i:
            text.append(" ")
        if colour:
            text.append(for_terminal(words), style=DIFF_STYLES[op])
        else:
            opening, closing = DIFF_MARKS[op]
            text.append(for_terminal(f"{opening}{words}{closing}"))
    return text


def _first_differing(cluster: Cluster, wording: str) -> Quote | None:
    """The first quoted member whose words differ from the cluster's wording (a fragment of it does not)."""
    return next((m for m in cluster.members if differs_from(wording, m)), None)


def _wording_cell(cluster: Cluster, summary: ClusterSummary, names: SourceNames, colour: bool) -> Text:
    """The agreed wording; under it where a source words it differently, as a word diff; then the flags."""
    kind = next((m.kind for m in cluster.members if m.text == summary.text), "indirect")
    cell = _text(_worded(summary.text, kind))
    other = _first_differing(cluster, summary.text)
    if other is not None:
        cell.append(for_terminal(f"\n{names.place(other)}: "), style="dim")
        cell.append(OPEN_MARK)
        cell.append_text(_diff_text(summary.text, other.text, colour))
        cell.append(CLOSE_MARK)
    if summary.flags:
        cell.append(for_terminal(f"\n{', '.join(summary.flags)}"), style="yellow")
    return cell


def _kinds(cluster: Cluster) -> str:
    kinds = {m.kind for m in cluster.members}
    return "\n".join(kind for kind in QUOTE_KINDS if kind in kinds)


def clusters_table(clusters: list[Cluster], paths: bool = False, colour: bool = True) -> Table:
    """One row per cluster: Speaker, Kind, Wording (a word diff where sources differ, then the flags),
    Refs (the cluster's `references`: distinct `source:line`s), Sources. The caption adds up the
    references and counts the distinct sources. Without `colour` the diff is in marks."""
    members = [m for cluster in clusters for m in cluster.members]
    names = SourceNames.of(members, paths)
    summaries = [cluster_summary(cluster) for cluster in clusters]
    references, sources = sum(s.references for s in summaries), len({m.source for m in members})
    caption = f"{_plural(len(clusters), 'cluster')}, {_plural(references, 'reference')} in {_plural(sources, 'source')}"
    if any(marked_first(summary) for summary in summaries):
        caption += f";{FIRST_MARK} published first"
    table = Table(caption=caption, box=box.SIMPLE_HEAD, expand=True, show_lines=True, show_edge=False)
    table.add_column("Speaker", style="bold", max_width=16, overflow="fold")
    table.add_column("Kind", style="cyan", no_wrap=True)
    table.add_column("Wording", ratio=TEXT_RATIO, width=MIN_TEXT_WIDTH, overflow="fold")
    table.add_column("Refs", justify="right", no_wrap=True)
    places = [_sources_cell(cluster, summary, names) for cluster, summary in zip(clusters, summaries, strict=True)]
    _add_sources_column(table, "Sources", [cell.plain for cell in places], paths)
    for cluster, summary, place in zip(clusters, summaries, places, strict=True):
        table.add_row(
            _text(summary.speaker) if summary.speaker else _text(UNATTRIBUTED, style="dim italic"),
            _text(_kinds(cluster)),
            _wording_cell(cluster, summary, names, colour),
            _text(str(summary.references)),
            place,
        )
    return table


def render_clusters_plain(clusters: list[Cluster]) -> str:
    """Tab-separated: a header, then one line per cluster: id, `references` (the count of distinct
    `source:line`s), speaker, wording, `sources` (those `source:line`s, "; "), flags (", ")."""
    summaries = (cluster_summary(cluster) for cluster in clusters)
    rows = ((s.id, str(s.references), s.speaker, s.text, "; ".join(s.sources), ", ".join(s.flags)) for s in summaries)
    return _tsv(CLUSTERS_TSV_HEADER, rows)


# --- where output goes ------------------------------------------------------------------------


def _env_set(name: str) -> bool:
    return bool(os.environ.get(name))


def is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # no isatty, or a closed stream
        return False


def shows_colour(console: Console) -> bool:
    """Whether `console` shows colour: a terminal, and NO_COLOR not set."""
    return console.color_system is not None and not console.no_color


def use_plain_output(stream: TextIO) -> bool:
    """Plain text when `stream` is not a terminal, or NO_COLOR is set, or under pre-commit (PRE_COMMIT=1) or CI."""
    return not is_terminal(stream) or _env_set("NO_COLOR") or os.environ.get("PRE_COMMIT") == "1" or _env_set("CI")
