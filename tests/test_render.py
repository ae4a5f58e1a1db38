"""Rich tables for the terminal, plain lines for pipes, CI and pre-commit."""

from __future__ import annotations

import io

import pytest
from rich.console import Console
from rich.table import Table
from rich.text import Text

from quotes.models import Cluster, Quote
from quotes.output.render import clusters_table, quotes_table, render_clusters_plain, render_plain, use_plain_output

CEASEFIRE = "There will be no ceasefire until the last soldier leaves."


def quote(source: str = "reuters.txt", text: str = CEASEFIRE, kind: str = "direct", line: int = 4, **extra: object) -> Quote:
    fields: dict[str, object] = {"start": 10, "end": 10 + len(text), "speaker": "Andriy Yermak", "cue": "said"}
    fields.update(extra)
    return Quote(source=source, text=text, kind=kind, line=line, **fields)  # type: ignore[arg-type]


def rendered(table: Table) -> str:
    console = Console(record=True, width=100)
    console.print(table)
    return console.export_text()


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
    assert [c.ratio for c in table.columns] == [None, None, 1, None]


# --- plain quotes -------------------------------------------------------------------------------


def test_render_plain_gives_one_tab_separated_line_per_quote() -> None:
    plain = render_plain([quote(), quote("ap.txt", text="talks would resume", kind="indirect", line=9, speaker=None)])
    assert plain.splitlines() == [
        f"reuters.txt:4\tdirect\tAndriy Yermak\t{CEASEFIRE}",
        "ap.txt:9\tindirect\t\ttalks would resume",
    ]


def test_render_plain_collapses_newlines_in_the_text() -> None:
    plain = render_plain([quote(text="First paragraph.\nSecond\r\nparagraph.")])
    assert plain == "reuters.txt:4\tdirect\tAndriy Yermak\tFirst paragraph. Second paragraph.\n"


# --- clusters -----------------------------------------------------------------------------------


def test_clusters_table_shows_one_row_with_speaker_count_sources_and_flags() -> None:
    text = rendered(clusters_table([ceasefire_cluster()]))
    expected = ("Andriy Yermak", "There will be no ceasefire", "ap.txt:9", "bbc.txt:2", "reuters.txt:4", "wording differs")
    assert all(part in text for part in expected)
    assert "1 cluster" in text
    assert " 3 " in text


def test_clusters_table_diffs_the_first_differing_wording_word_by_word() -> None:
    cell = next(iter(clusters_table([ceasefire_cluster()]).columns[1].cells))
    assert isinstance(cell, Text)
    styled = {cell.plain[span.start : span.end]: str(span.style) for span in cell.spans}
    assert "strike" in styled["ceasefire"]
    assert "bold" in styled["truce"]


def test_clusters_table_shows_no_diff_when_members_agree() -> None:
    cluster = Cluster("c8", [quote("reuters.txt"), quote("ap.txt")])
    cell = next(iter(clusters_table([cluster]).columns[1].cells))
    assert isinstance(cell, Text)
    assert cell.plain == CEASEFIRE


def test_render_clusters_plain_gives_one_line_per_cluster() -> None:
    assert render_clusters_plain([ceasefire_cluster()]).splitlines() == [
        f"c7\t3\tAndriy Yermak\t{CEASEFIRE}\tap.txt:9; bbc.txt:2; reuters.txt:4\twording differs"
    ]


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
