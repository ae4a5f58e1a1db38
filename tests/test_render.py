"""Rich tables for the terminal, plain lines for pipes, CI and pre-commit."""

from __future__ import annotations

import io
import re

import pytest
from rich.console import Console
from rich.table import Table
from rich.text import Text

from quotes.corpus.clusters import with_clusters
from quotes.corpus.identities import SpeakerSummary
from quotes.extraction.pipeline import Pipeline, extract
from quotes.models import Cluster, Quote, SourceMeta
from quotes.output.render import (
    clusters_table,
    quotes_table,
    render_clusters_plain,
    render_plain,
    render_speakers_plain,
    shows_colour,
    use_plain_output,
)
from quotes.rules import seeds_dir

CEASEFIRE = "There will be no ceasefire until the last soldier leaves."


def quote(source: str = "reuters.txt", text: str = CEASEFIRE, kind: str = "direct", line: int = 4, **extra: object) -> Quote:
    fields: dict[str, object] = {"start": 10, "end": 10 + len(text), "speaker": "Andriy Yermak", "cue": "said"}
    fields.update(extra)
    return Quote(source=source, text=text, kind=kind, line=line, **fields)  # type: ignore[arg-type]


def rendered(table: Table, width: int = 100) -> str:
    console = Console(record=True, width=width)
    console.print(table)
    return console.export_text()


def wording_cell(table: Table) -> Text:
    """The first row's Wording cell."""
    [column] = [c for c in table.columns if c.header == "Wording"]
    cell = next(iter(column.cells))
    assert isinstance(cell, Text)
    return cell


def ceasefire_cluster() -> Cluster:
    return Cluster(
        "c7",
        members=[
            quote("reuters.txt", line=4),
            quote("ap.txt", text="There will be no truce until the last soldier leaves.", line=9),
            quote("bbc.txt", text="there would be no ceasefire", kind="indirect", line=2, speaker=None),
        ],
        flags=["wording differs"],
    )


# --- quotes table -------------------------------------------------------------------------------


def test_quotes_table_shows_speaker_kind_quote_and_source() -> None:
    text = rendered(quotes_table([quote()], title="Ceasefire"))
    for expected in ("Speaker", "Kind", "Quote", "Source", "Andriy Yermak", "direct", "reuters.txt:4", "Ceasefire"):
        assert expected in text


def test_quotes_table_shows_the_mention_in_parentheses_when_it_differs() -> None:
    text = rendered(quotes_table([quote(speaker_mention="Yermak"), quote(speaker_mention="Andriy Yermak")]))
    assert text.count("(Yermak)") == 1
    assert "(Andriy Yermak)" not in text


def test_quotes_table_puts_quoted_words_in_marks_and_reported_speech_without() -> None:
    text = rendered(quotes_table([quote(), quote(text="talks would resume in May", kind="indirect")]))
    assert "“There will be no ceasefire" in text
    assert "talks would resume in May" in text
    assert "“talks" not in text


def test_quotes_table_keeps_editorial_brackets_that_look_like_markup() -> None:
    text = rendered(quotes_table([quote(text="We [the cabinet] said [bold]no[/bold].")]))
    assert "We [the cabinet] said [bold]no[/bold]." in text


def test_quotes_table_caption_counts_the_rows() -> None:
    assert "2 quotes" in rendered(quotes_table([quote(), quote(line=5)]))
    assert "1 quote" in rendered(quotes_table([quote()]))


def test_quotes_table_shortens_a_long_source_to_its_file_name() -> None:
    text = rendered(quotes_table([quote(source="archive/2024/ukraine/wires/reuters-ceasefire-talks.txt")]))
    assert "reuters-ceasefire-talks.txt:4" in text
    assert "archive/2024" not in text


def test_quotes_table_quote_column_takes_the_spare_width() -> None:
    table = quotes_table([quote()])
    assert [c.ratio is not None for c in table.columns] == [False, False, True, False]


# --- plain quotes -------------------------------------------------------------------------------


def test_render_plain_gives_one_tab_separated_line_per_quote() -> None:
    plain = render_plain([quote(), quote("ap.txt", text="talks would resume", kind="indirect", line=9, speaker=None)])
    assert plain.splitlines()[1:] == [
        f"reuters.txt:4\tdirect\tAndriy Yermak\t{CEASEFIRE}",
        "ap.txt:9\tindirect\t\ttalks would resume",
    ]


def test_render_plain_starts_with_a_header_row() -> None:
    assert render_plain([quote()]).splitlines()[0] == "reference\tkind\tspeaker\ttext"


def test_render_plain_collapses_newlines_in_the_text() -> None:
    plain = render_plain([quote(text="First paragraph.\nSecond\r\nparagraph.")])
    assert plain.splitlines()[1] == "reuters.txt:4\tdirect\tAndriy Yermak\tFirst paragraph. Second paragraph."


# --- clusters -----------------------------------------------------------------------------------


def test_clusters_table_shows_one_row_with_speaker_count_sources_and_flags() -> None:
    text = rendered(clusters_table([ceasefire_cluster()]))
    expected = ("Andriy Yermak", "There will be no ceasefire", "ap.txt:9", "bbc.txt:2", "reuters.txt:4", "wording differs")
    assert all(part in text for part in expected)
    assert "1 cluster" in text
    assert " 3 " in text


def test_clusters_table_diffs_the_first_differing_wording_word_by_word() -> None:
    cell = wording_cell(clusters_table([ceasefire_cluster()]))
    styled = {cell.plain[span.start : span.end]: str(span.style) for span in cell.spans}
    assert "strike" in styled["ceasefire"]
    assert "bold" in styled["truce"]


def test_clusters_table_shows_no_diff_when_members_agree() -> None:
    cluster = Cluster("c8", [quote("reuters.txt"), quote("ap.txt")])
    assert wording_cell(clusters_table([cluster])).plain == f"“{CEASEFIRE}”"


def test_render_clusters_plain_gives_one_line_per_cluster() -> None:
    assert render_clusters_plain([ceasefire_cluster()]).splitlines()[1:] == [
        f"c7\t3\tAndriy Yermak\t{CEASEFIRE}\tap.txt:9; bbc.txt:2; reuters.txt:4\twording differs"
    ]


def test_render_clusters_plain_starts_with_a_header_row() -> None:
    header = render_clusters_plain([ceasefire_cluster()]).splitlines()[0]
    assert header == "cluster\treferences\tspeaker\twording\tsources\tflags"


def test_render_clusters_plain_counts_references_not_files() -> None:
    cluster = Cluster("c9", [quote("reuters.txt", line=4), quote("reuters.txt", line=12), quote("ap.txt", line=9)])
    [_header, row] = render_clusters_plain([cluster]).splitlines()
    assert row.split("\t")[1] == "3"


def test_render_speakers_plain_starts_with_a_header_row() -> None:
    summary = SpeakerSummary("Andriy Yermak", {"person"}, quotes=1, sources={"reuters.txt"})
    assert render_speakers_plain([summary]).splitlines()[0] == "speaker\tkinds\tspellings\tquotes\tsources"


# --- the table at 100 and 200 columns -----------------------------------------------------------

REUTERS = SourceMeta(outlet="Reuters", date="2024-08-07")
KYIV = SourceMeta(outlet="The Kyiv Independent", date="2024-08-06T18:30:00")
LONG_NAME = "wires/2024/08/000_7e07f2c40bbd63cd.txt"


def mixed_clusters() -> list[Cluster]:
    """Quoted and reported, from sources with an outlet and date, and from a long file name without."""
    return [
        Cluster(
            "c1",
            [
                quote("in/reuters.txt", line=4, meta=REUTERS),
                quote("in/reuters.txt", line=9, meta=REUTERS),
                quote("in/kyiv.txt", text="There will be no truce until the last soldier leaves.", line=2, meta=KYIV),
                quote(LONG_NAME, line=31),
            ],
            flags=["wording differs"],
        ),
        Cluster("c2", [quote("in/kyiv.txt", text="talks would resume in May", kind="indirect", line=7, meta=KYIV)]),
    ]


def sources_column(text: str) -> list[str]:
    """What each line of a rendered clusters table holds under "Sources" (the caption left out)."""
    lines = text.splitlines()
    header = next(i for i, line in enumerate(lines) if "Sources" in line)
    start = lines[header].index("Sources")
    body = [line for line in lines[header + 2 :] if line.strip()][:-1]
    return [line[start:].strip() for line in body if line[start:].strip()]


@pytest.mark.parametrize("width", [100, 200])
def test_sources_show_as_outlet_and_day_with_their_lines_never_cut(width: int) -> None:
    places = sources_column(rendered(clusters_table(mixed_clusters()), width))
    assert places == [
        "The Kyiv Independent, 6 Aug:2 *",
        "Reuters, 7 Aug:4,9",
        "000_7e07f2c40bbd63cd.txt:31",
        "The Kyiv Independent, 6 Aug:7",
    ]


@pytest.mark.parametrize("width", [100, 200])
def test_the_table_has_a_kind_column_and_marks_only_verbatim_wording(width: int) -> None:
    text = rendered(clusters_table(mixed_clusters()), width)
    assert re.search(r"Speaker +Kind +Wording", text)
    assert re.search(r"direct +“There will be no ceasefire", text)
    assert re.search(r"indirect +talks would resume in May", text)


def test_the_wording_takes_most_of_the_width_at_100_columns() -> None:
    header = next(line for line in rendered(clusters_table(mixed_clusters()), 100).splitlines() if "Wording" in line)
    columns = re.findall(r"\S+ *", header)
    widths = {column.strip(): len(column) for column in columns}
    assert widths["Wording"] == max(widths.values())


def test_dates_carry_the_year_when_the_sources_span_years() -> None:
    older = quote("in/ap.txt", line=3, meta=SourceMeta(outlet="AP", date="2023-12-30"))
    text = rendered(clusters_table([Cluster("c1", [quote("in/reuters.txt", meta=REUTERS), older])]))
    assert "AP, 30 Dec 2023:3" in text and "Reuters, 7 Aug 2024:4" in text


def test_sources_are_listed_earliest_first() -> None:
    assert sources_column(rendered(clusters_table(mixed_clusters()[:1])))[:2] == [
        "The Kyiv Independent, 6 Aug:2 *",
        "Reuters, 7 Aug:4,9",
    ]


def test_a_long_outlet_is_cut_after_a_word() -> None:
    meta = SourceMeta(outlet="The Daily Chronicle of the Northern Provinces and Islands")
    text = rendered(clusters_table([Cluster("c1", [quote(meta=meta)])]))
    assert "The Daily Chronicle of the…:4" in text


def test_paths_show_each_source_by_its_path_as_given() -> None:
    text = rendered(clusters_table(mixed_clusters(), paths=True), 200)
    assert "in/reuters.txt:4,9" in text and LONG_NAME + ":31" in text
    assert "Reuters, 7 Aug" not in text


def test_refs_count_references_not_files() -> None:
    assert re.search(r" 4 +The Kyiv Independent, 6 Aug:2", rendered(clusters_table(mixed_clusters()[:1])))


def test_the_first_publishers_of_an_utterance_in_several_sources_are_marked() -> None:
    text = rendered(clusters_table(mixed_clusters()))
    assert "The Kyiv Independent, 6 Aug:2 *" in text and "The Kyiv Independent, 6 Aug:7 *" not in text
    assert "; * published first" in text


def test_the_caption_counts_clusters_references_and_sources() -> None:
    assert "2 clusters, 5 references in 3 sources" in rendered(clusters_table(mixed_clusters()))


def test_an_embeds_line_break_shows_once() -> None:
    embed = quote(text="Prisoners marched in Kursk\n\n\n\nThe video was published today.", kind="embed")
    lines = [line.strip() for line in rendered(clusters_table([Cluster("c1", [embed])]), 200).splitlines()]
    first = next(i for i, line in enumerate(lines) if "Prisoners marched in Kursk" in line)
    assert lines[first + 1].startswith("The video was published today.")


def test_without_colour_the_diff_reads_as_deleted_and_inserted_words() -> None:
    cell = wording_cell(clusters_table([ceasefire_cluster()], colour=False))
    assert "There will be no [-ceasefire-] {+truce+} until" in cell.plain
    assert not cell.spans or all("strike" not in str(span.style) for span in cell.spans)


@pytest.fixture(scope="module")
def seed_clusters(pipeline: Pipeline) -> tuple[list[Quote], list[Cluster]]:
    return with_clusters(extract(seeds_dir(), pipeline=pipeline))


@pytest.mark.parametrize("width", [100, 200])
def test_the_seeds_table_names_every_source_whole(seed_clusters: tuple[list[Quote], list[Cluster]], width: int) -> None:
    quotes, clusters = seed_clusters
    places = sources_column(rendered(clusters_table(clusters), width))
    names = {q.meta.outlet or "" for q in quotes}
    # "outlet:lines" or "outlet, 7 Aug:lines"
    pattern = r"(.+?)(?:, \d{1,2} [A-Z][a-z]{2}(?: \d{4})?)?:\d+(,\d+)*(,…)?( \*)?"
    assert places and all(re.fullmatch(pattern, place)[1] in names for place in places)  # type: ignore[index]


@pytest.mark.parametrize("width", [100, 200])
def test_the_seeds_table_marks_quoted_wording_and_not_paraphrase(
    seed_clusters: tuple[list[Quote], list[Cluster]], width: int
) -> None:
    _, clusters = seed_clusters
    table = clusters_table(clusters)
    [column] = [c for c in table.columns if c.header == "Wording"]
    for cluster, cell in zip(clusters, column.cells, strict=True):
        quoted = any(m.kind != "indirect" for m in cluster.members)
        assert isinstance(cell, Text) and cell.plain.startswith("“") == quoted
    assert re.search(r"Speaker +Kind +Wording", rendered(table, width))


# --- plain or rich ------------------------------------------------------------------------------


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for name in ("NO_COLOR", "PRE_COMMIT", "CI"):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_terminal_gets_rich_output(clean_env: pytest.MonkeyPatch) -> None:
    assert use_plain_output(Terminal()) is False


def test_pipe_gets_plain_output(clean_env: pytest.MonkeyPatch) -> None:
    assert use_plain_output(io.StringIO()) is True


def test_no_color_gets_plain_output(clean_env: pytest.MonkeyPatch) -> None:
    clean_env.setenv("NO_COLOR", "1")
    assert use_plain_output(Terminal()) is True


def test_pre_commit_gets_plain_output(clean_env: pytest.MonkeyPatch) -> None:
    clean_env.setenv("PRE_COMMIT", "1")
    assert use_plain_output(Terminal()) is True


def test_ci_gets_plain_output(clean_env: pytest.MonkeyPatch) -> None:
    clean_env.setenv("CI", "true")
    assert use_plain_output(Terminal()) is True


def test_a_terminal_console_shows_colour(clean_env: pytest.MonkeyPatch) -> None:
    assert shows_colour(Console(file=Terminal(), force_terminal=True, color_system="standard")) is True


def test_a_terminal_console_under_no_color_shows_none(clean_env: pytest.MonkeyPatch) -> None:
    clean_env.setenv("NO_COLOR", "1")
    assert shows_colour(Console(file=Terminal(), force_terminal=True, color_system="standard")) is False


def test_a_console_on_a_pipe_shows_no_colour(clean_env: pytest.MonkeyPatch) -> None:
    assert shows_colour(Console(file=io.StringIO())) is False
