"""`quotes check`: the verdict rules, the edits a draft may make, output, config, the cache and the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import quotes.check.run as check_module
from quotes.cache import SourceCache, cache_root, clear_cache, fingerprint, quote_from_record
from quotes.check.index import SourceIndex
from quotes.check.messages import plain_line, plain_message, summary
from quotes.check.run import CheckRequest, run_check
from quotes.check.verdict import Beside, Verdict, check_quoted, check_quotes, check_reported, place_of
from quotes.check.verdict import DraftPlace as Place
from quotes.cli import app
from quotes.extraction.resolve import RULE_CONTINUATION
from quotes.models import Quote
from quotes.rules import seeds_dir
from quotes.sources.files import SourceError

HERE = Place("draft.md", 1, 1)
HARBOUR = "We will reopen the harbour by spring, whatever it costs, and the fishermen will be paid first."
TYKHYI = "002_20ba92d8e127677f.txt"


def quote(text: str, speaker: str | None = "Ines Falk", kind: str = "direct", source: str = "port.txt", **extra: object) -> Quote:
    fields: dict[str, object] = {"start": 0, "end": len(text), "line": 3, "speaker_kind": "person"}
    fields.update(extra)
    return Quote(source=source, text=text, kind=kind, speaker=speaker, **fields)  # type: ignore[arg-type]


def index_of(*quotes: Quote) -> SourceIndex:
    return SourceIndex.of(quotes or [quote(HARBOUR)])


def verdict_of(text: str, speaker: str | None = "Ines Falk", *sources: Quote, strict: bool = False) -> Verdict:
    finding = check_quoted(quote(text, speaker, source="draft.md"), index_of(*sources), HERE, strict)
    assert finding is not None
    return finding.verdict


def checked(draft: str, source: str, quotes_of) -> list[Verdict]:
    """Verdicts on the quoted speech of a draft (extracted with the pipeline) against one source text."""
    index = SourceIndex.of(quotes_of(source, "source.txt"))
    return [f.verdict for f in check_quotes("draft.md", draft, quotes_of(draft, "draft.md"), index) if not f.reported]


@pytest.fixture(autouse=True)
def private_cache(tmp_path, monkeypatch) -> Path:
    """No test reads or writes the user's cache."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("QUOTES_CACHE_DIR", str(folder))
    return folder


# --- allowed edits -------------------------------------------------------------------------------


def test_the_exact_wording_is_ok():
    assert verdict_of(HARBOUR) is Verdict.ok


def test_a_fragment_of_a_longer_source_quote_is_ok():
    assert verdict_of("reopen the harbour by spring") is Verdict.ok


def test_an_ellipsis_may_stand_for_omitted_words():
    assert verdict_of("We will reopen the harbour by spring ... and the fishermen will be paid first.") is Verdict.ok
    assert verdict_of("We will reopen the harbour … the fishermen will be paid first") is Verdict.ok


def test_ellipsis_pieces_must_come_in_the_source_order():
    assert verdict_of("the fishermen will be paid first ... We will reopen the harbour by spring") is not Verdict.ok


def test_a_bracketed_insertion_is_ignored():
    source = quote("He told us he would resign before the budget vote.")
    assert verdict_of("[The minister] told us he would resign before the budget vote.", "Ines Falk", source) is Verdict.ok
    assert verdict_of("He told us he would resign [sic] before the budget vote.", "Ines Falk", source) is Verdict.ok


def test_a_bracketed_insertion_wrapped_across_a_line_is_ignored():
    source = quote("I put it in my pocket only because it had a strange pattern on it.")
    wrapped = "I put [the\nbone] in my pocket only because it had a strange pattern on it"
    assert verdict_of(wrapped, "Ines Falk", source) is Verdict.ok


def test_a_bracket_does_not_stand_for_a_long_passage():
    finding = check_quoted(quote("We will reopen the harbour [soon] and the fishermen will be paid first."), index_of(), HERE)
    assert finding is not None and finding.verdict is Verdict.misquote
    assert '"by spring whatever it costs" → "[soon]"' in plain_line(finding)


def test_the_first_word_may_change_capitalisation():
    assert verdict_of("we will reopen the harbour by spring") is Verdict.ok
    assert verdict_of("The harbour by spring, whatever it costs") is Verdict.ok


def test_whitespace_and_line_breaks_do_not_count():
    assert verdict_of("We will reopen  the harbour\nby spring,   whatever it costs") is Verdict.ok


def test_a_different_quote_mark_style_is_ok(quotes_of):
    cranes = "The cranes will run again by June, and the ferries soon after"
    source = f"Port director Ines Falk spoke on Monday.\n\n\u201c{cranes},\u201d Falk said.\n"
    for marks in ("\u00ab\u00bb", '""', "\u2018\u2019"):
        draft = f"Ines Falk said: {marks[0]}{cranes}{marks[1]}.\n"
        assert checked(draft, source, quotes_of) == [Verdict.ok], marks


def test_a_word_a_hard_wrap_hyphenates_in_the_source_matches_the_word_whole(quotes_of):
    source = (
        "Port director Ines Falk spoke on Monday about the\n"
        "harbour and its cranes and the summer timetable.\n\n"
        "\u201cThe cranes will run again by June, and the emergen-\n"
        "cies crews will stay on the quay,\u201d Falk said. The emergencies\n"
        "unit was praised by everyone in the harbour that week.\n"
    )
    draft = "Ines Falk said: \u201cThe cranes will run again by June, and the emergencies crews will stay on the quay.\u201d\n"
    assert checked(draft, source, quotes_of) == [Verdict.ok]


def test_words_a_she_sentence_quotes_are_the_person_the_paragraph_named_before(quotes_of):
    source = 'Port director Ines Falk spoke on Monday.\n\n"The cranes will run again by June," Falk said.\n'
    draft = 'Port director Ines Falk met the unions on Monday. She began with "the cranes will run again by June".\n'
    assert checked(draft, source, quotes_of) == [Verdict.ok]


def test_trailing_punctuation_may_move_inside_or_outside_the_marks(quotes_of):
    source = 'Port director Ines Falk spoke on Monday.\n\n"The cranes will run again by June," Falk said.\n'
    draft = 'Port director Ines Falk said the cranes were coming back: "The cranes will run again by June".\n'
    assert checked(draft, source, quotes_of) == [Verdict.ok]


def test_a_quote_split_by_its_attribution_may_be_joined():
    first = quote("We will reopen the harbour,", start=100, end=127)
    second = quote("by spring.", start=140, end=150)
    assert verdict_of("We will reopen the harbour by spring", "Ines Falk", first, second) is Verdict.ok


# --- verdicts ------------------------------------------------------------------------------------


def test_a_changed_word_is_a_misquote_with_a_word_diff_and_the_source_line():
    draft = quote("We will reopen the port by spring, whatever it costs", source="draft.md")
    finding = check_quoted(draft, index_of(quote(HARBOUR, line=7)), HERE)
    assert finding is not None and finding.code == "QC101" and finding.severity == "error"
    assert (finding.source, finding.source_line) == ("port.txt", 7)
    assert [op for op in finding.diff if op[0] != "equal"] == [("delete", "harbour"), ("insert", "port")]
    assert '"harbour" → "port"' in plain_line(finding)


def test_a_dropped_word_is_a_misquote():
    assert verdict_of("We will reopen the harbour by spring, whatever costs") is Verdict.misquote


def test_unrelated_text_is_not_a_misquote():
    assert verdict_of("The harbour tax will rise again next year, the council said") is Verdict.unsourced
    assert verdict_of("we will win this by spring") is Verdict.unsourced


def test_the_wording_of_another_speaker_is_misattributed():
    finding = check_quoted(quote(HARBOUR, "Tomas Berg"), index_of(), HERE)
    assert finding is not None and (finding.code, finding.verdict) == ("QC102", Verdict.misattributed)
    assert finding.source_speaker == "Ines Falk"


def test_a_draft_speaker_named_by_the_alias_the_source_used_is_ok():
    source = quote(HARBOUR, "Anucha Thongdee", speaker_mention="Ton")
    assert verdict_of(HARBOUR, "Ton", source) is Verdict.ok


def test_a_draft_speaker_sharing_only_the_sources_surname_is_still_misattributed():
    source = quote(HARBOUR, "Hillary Clinton", speaker_mention="Clinton")
    assert verdict_of(HARBOUR, "Bill Clinton", source) is Verdict.misattributed


def test_a_draft_speaker_given_only_by_a_role_makes_a_misattribution_a_warning():
    draft = quote(HARBOUR, "Tomas Berg", source="draft.md", speaker_mention="captain")
    finding = check_quoted(draft, index_of(), HERE)
    assert finding is not None and (finding.code, finding.severity) == ("QC105", "warning")


def test_a_draft_speaker_given_only_as_a_group_makes_a_misattribution_a_warning():
    draft = quote(HARBOUR, "employers", source="draft.md", speaker_mention="employers")
    finding = check_quoted(draft, index_of(), HERE)
    assert finding is not None and (finding.code, finding.severity) == ("QC105", "warning")


def test_a_draft_speaker_given_by_name_makes_a_misattribution_an_error():
    draft = quote(HARBOUR, "Tomas Berg", source="draft.md", speaker_mention="Berg")
    finding = check_quoted(draft, index_of(), HERE)
    assert finding is not None and (finding.code, finding.severity) == ("QC102", "error")


def test_words_the_sources_give_to_two_people_are_a_warning_not_an_error():
    sources = (quote(HARBOUR, "Ines Falk"), quote(HARBOUR, "Olaf Berg", source="wire.txt"))
    finding = check_quoted(quote(HARBOUR, "Mara Holm", source="draft.md"), index_of(*sources), HERE)
    assert finding is not None and (finding.code, finding.severity) == ("QC105", "warning")
    assert set(finding.other_speakers) == {"Ines Falk", "Olaf Berg"}


def test_a_source_speaker_left_as_a_pronoun_is_no_ground_for_an_error():
    source = quote(HARBOUR, "he", speaker_mention="he")
    finding = check_quoted(quote(HARBOUR, "Mara Holm", source="draft.md"), index_of(source), HERE)
    assert finding is not None and (finding.code, finding.severity) == ("QC105", "warning")


def test_a_pronoun_the_source_resolved_to_a_name_is_ground_for_an_error():
    source = quote(HARBOUR, "Ines Falk", speaker_mention="she")
    finding = check_quoted(quote(HARBOUR, "Mara Holm", source="draft.md"), index_of(source), HERE)
    assert finding is not None and finding.code == "QC102"


def test_words_of_the_draft_speakers_own_campaign_are_a_warning_not_an_error():
    source = quote(HARBOUR, "Ines Falk campaign", speaker_mention="Her campaign", speaker_kind="organisation")
    finding = check_quoted(quote(HARBOUR, "Ines Falk", source="draft.md"), index_of(source), HERE)
    assert finding is not None and (finding.code, finding.severity) == ("QC105", "warning")


def test_a_source_naming_the_draft_speaker_by_first_name_alone_is_a_warning_not_an_error():
    source = quote(HARBOUR, "Ines", speaker_mention="Ines")
    finding = check_quoted(quote(HARBOUR, "Ines Falk", source="draft.md"), index_of(source), HERE)
    assert finding is not None and (finding.code, finding.severity) == ("QC105", "warning")


def test_a_source_quote_carried_over_from_an_earlier_paragraphs_speaker_is_no_ground_for_an_error():
    said = quote("The harbour is safe.", "Ines Falk", paragraph=2, rule="subject")
    reply = quote(HARBOUR, "Ines Falk", start=200, end=200 + len(HARBOUR), paragraph=3, rule=RULE_CONTINUATION)
    finding = check_quoted(quote(HARBOUR, "Mara Holm", source="draft.md"), index_of(said, reply), HERE)
    assert finding is not None and (finding.code, finding.severity) == ("QC105", "warning")


def test_a_source_quote_continuing_a_named_quote_in_its_own_paragraph_is_ground_for_an_error():
    said = quote("The harbour is safe.", "Ines Falk", paragraph=2, rule="subject")
    more = quote(HARBOUR, "Ines Falk", start=40, end=40 + len(HARBOUR), paragraph=2, rule=RULE_CONTINUATION)
    finding = check_quoted(quote(HARBOUR, "Mara Holm", source="draft.md"), index_of(said, more), HERE)
    assert finding is not None and (finding.code, finding.severity) == ("QC102", "error")


def test_a_draft_speaker_carried_over_from_an_earlier_paragraph_makes_a_misattribution_a_warning():
    finding = check_quoted(quote(HARBOUR, "Mara Holm", source="draft.md"), index_of(), HERE, beside=Beside(sure=False))
    assert finding is not None and (finding.code, finding.severity) == ("QC102", "warning")


def test_an_unattributed_draft_quote_is_ok_when_its_sentence_names_the_sources_speaker():
    beside = Beside("Harbour master Falk introduced the plan as  in a letter.")
    finding = check_quoted(quote(HARBOUR, None, source="draft.md"), index_of(), HERE, beside=beside)
    assert finding is not None and finding.verdict is Verdict.ok


def test_a_name_beside_the_quote_must_be_the_sources_speaker():
    beside = Beside("Tomas Berg introduced the plan as  in a letter.")
    finding = check_quoted(quote(HARBOUR, None, source="draft.md"), index_of(), HERE, beside=beside)
    assert finding is not None and finding.verdict is Verdict.unattributed


def test_a_quote_in_a_colon_clause_after_a_name_is_checked_against_that_name(quotes_of):
    source = f'Port director Ines Falk spoke on Monday.\n\n"{HARBOUR}" said Ines Falk.\n'
    draft = f'The council met on Monday.\n\n"We will see," Tomas Berg said.\n\nFalk challenged the council: "{HARBOUR}"\n'
    assert checked(draft, source, quotes_of)[-1] is Verdict.ok


def test_a_quote_split_by_a_long_appositive_attribution_may_be_joined(quotes_of):
    source = (
        '"The results," said Dr. Ann Lee, a sleep scientist at the University of Colorado Anschutz '
        'Medical Campus, "surprised even those of us who expected a benefit."\n'
    )
    draft = '"The results surprised even those of us who expected a benefit," said Ann Lee.\n'
    assert checked(draft, source, quotes_of) == [Verdict.ok]


def test_a_surname_alone_is_the_same_speaker():
    assert verdict_of(HARBOUR, "Falk") is Verdict.ok


def test_another_speakers_short_phrase_is_no_misattribution():
    assert verdict_of("by spring,", "Tomas Berg") is Verdict.unsourced


def test_a_quote_without_a_speaker_is_unattributed():
    finding = check_quoted(quote(HARBOUR, None), index_of(), HERE)
    assert finding is not None and (finding.code, finding.severity) == ("QC103", "error")


def test_an_unsourced_quote_is_a_warning_and_an_error_when_strict():
    text = "Nobody will lose their job at the harbour this winter."
    assert check_quoted(quote(text), index_of(), HERE).severity == "warning"  # type: ignore[union-attr]
    assert check_quoted(quote(text), index_of(), HERE, strict=True).severity == "error"  # type: ignore[union-attr]


def test_a_source_without_a_speaker_cannot_make_a_misattribution():
    assert verdict_of(HARBOUR, "Tomas Berg", quote(HARBOUR, None)) is Verdict.ok


def test_reported_speech_of_another_speaker_is_a_warning():
    source = quote("the harbour cranes would run again by June after the strike", "Ines Falk", kind="indirect")
    draft = quote("the harbour cranes would run again by June after the strike", "Tomas Berg", kind="indirect")
    finding = check_reported(draft, index_of(source), HERE)
    assert finding is not None and (finding.code, finding.severity) == ("QC201", "warning")


def test_reported_speech_of_the_same_speaker_is_ok():
    source = quote("The cranes will run again by June after the strike ends.", "Ines Falk")
    draft = quote("the harbour cranes would be running again in June once the strike ended", "Falk", kind="indirect")
    finding = check_reported(draft, index_of(source), HERE)
    assert finding is not None and finding.code == "QC200"


def test_reported_speech_sharing_only_topic_words_is_not_flagged():
    sources = [quote(f"the harbour strike {n} cost the city money in June", f"Speaker {n}", kind="indirect") for n in "ABCD"]
    draft = quote("the harbour strike would end in June after a new pay offer", "Tomas Berg", kind="indirect")
    assert check_reported(draft, index_of(*sources), HERE) is None


# --- output --------------------------------------------------------------------------------------


def test_a_finding_is_placed_at_the_quote_line_and_column():
    text = "Title\n\nShe said: \u201cWe will win.\u201d\n"
    assert place_of("d.md", text, text.index("We")) == Place("d.md", 3, 12)


def test_a_linter_line_starts_with_path_line_column_and_code():
    finding = check_quoted(quote(HARBOUR, None), index_of(), Place("drafts/a.md", 12, 34))
    assert finding is not None
    assert plain_line(finding).startswith('drafts/a.md:12:34: QC103 unattributed: "We will reopen')


def test_a_json_finding_has_the_documented_fields():
    finding = check_quoted(quote("We will reopen the port by spring, whatever it costs"), index_of(), HERE)
    record = json.loads(json.dumps(finding.to_record()))  # type: ignore[union-attr]
    expected = {"path", "line", "column", "code", "verdict", "severity", "quote", "speaker"}
    expected |= {"source", "source_line", "source_text", "diff"}
    assert expected <= set(record)
    assert {"op": "delete", "text": "harbour"} in record["diff"]


def test_an_html_draft_is_read_for_its_main_text_and_findings_point_into_that_text(tmp_path, pipeline):
    page = '<html><body>\n<nav><a href="/">Home</a></nav>\n<p class="lead">Ines Falk said: &ldquo;We will <b>reopen</b> '
    page += "the port by spring, whatever it costs.&rdquo;</p>\n</body></html>\n"
    (tmp_path / "draft.html").write_text(page, encoding="utf-8")
    (tmp_path / "port.txt").write_text(f'"{HARBOUR}" Ines Falk said.\n', encoding="utf-8")
    report = run_check(CheckRequest((str(tmp_path / "draft.html"),), (str(tmp_path / "port.txt"),)), lambda *_: pipeline)
    [finding] = report.findings
    assert finding.code == "QC101" and finding.quote.startswith("We will reopen the port")
    extracted = "Ines Falk said: \u201cWe will reopen the port by spring, whatever it costs.\u201d"
    assert (finding.line, finding.column) == (1, extracted.index("We") + 1)


# --- drafts that quote the seeds -----------------------------------------------------------------

SEED_DRAFT = """# Kursk, one week on

\u201cThe actions that are taking place do not constitute a violation of our policy.\u201d

Foreign ministry spokesman Heorhii Tykhyi said: \u201cUkraine is not interested in taking the territory of the Kursk region, \
but we want to protect the lives of our people.\u201d

\u201cThe purpose of this operation is to preserve the lives of our soldiers,\u201d Tykhyi added.

\u201cUkrainian troops have continued to advance, gaining control over 40 square kilometers (15 square miles) of territory \
in the past 24 hours,\u201d said US State Department spokesman Matthew Miller.

Army chief Oleksandr Syrskyi said: \u201cWe will hold every village we have taken until the talks begin.\u201d
"""


@pytest.fixture
def seed_draft(tmp_path) -> Path:
    path = tmp_path / "draft.md"
    path.write_text(SEED_DRAFT, encoding="utf-8")
    return path


def test_a_draft_quoting_the_seeds_gets_a_verdict_per_quote(seed_draft, pipeline):
    report = run_check(CheckRequest((str(seed_draft),), (str(seeds_dir()),)), lambda *_: pipeline)
    found = [(f.line, f.code) for f in report.findings]
    assert found == [(3, "QC103"), (5, "QC100"), (7, "QC101"), (9, "QC102"), (11, "QC104")]
    misquote = report.findings[2]
    assert misquote.source and misquote.source.endswith(TYKHYI) and misquote.source_line == 19
    assert summary(report) == "3 errors, 1 warning in 1 draft"


def test_a_draft_inside_the_sources_folder_is_not_its_own_source(tmp_path, pipeline):
    (tmp_path / "draft.md").write_text('Ines Falk said: "The cranes will run again by June and the ferries soon after."\n')
    (tmp_path / "other.txt").write_text("Harbour news\n\nThe port reopened on Monday.\n")
    report = run_check(CheckRequest((str(tmp_path / "draft.md"),), (str(tmp_path),)), lambda *_: pipeline)
    assert [f.verdict for f in report.findings] == [Verdict.unsourced]


def test_no_sources_at_all_is_an_error_not_a_pass(tmp_path, pipeline):
    (tmp_path / "draft.md").write_text('Ines Falk said: "The cranes will run again by June and the ferries soon after."\n')
    (tmp_path / "sources").mkdir()
    with pytest.raises(SourceError, match="no sources found"):
        run_check(CheckRequest((str(tmp_path / "draft.md"),), (str(tmp_path / "sources"),)), lambda *_: pipeline)


def test_a_draft_that_cannot_be_read_is_an_error_not_a_pass(tmp_path, pipeline):
    (tmp_path / "draft.md").write_bytes(b"\x00\x01\x02binary" * 100)
    (tmp_path / "port.txt").write_text("Harbour news\n\nThe port reopened on Monday.\n")
    with pytest.raises(SourceError, match="cannot be checked"):
        run_check(CheckRequest((str(tmp_path / "draft.md"),), (str(tmp_path / "port.txt"),)), lambda *_: pipeline)


def test_a_utf16_draft_is_read_and_checked(tmp_path, pipeline):
    (tmp_path / "draft.md").write_bytes(
        'Ines Falk said: "The cranes will run again by June and the ferries soon after."\n'.encode("utf-16")
    )
    (tmp_path / "port.txt").write_text("Harbour news\n\nThe port reopened on Monday.\n")
    report = run_check(CheckRequest((str(tmp_path / "draft.md"),), (str(tmp_path / "port.txt"),)), lambda *_: pipeline)
    assert [f.verdict for f in report.findings] == [Verdict.unsourced]


# --- the command ---------------------------------------------------------------------------------


@pytest.fixture
def runner(pipeline, monkeypatch) -> CliRunner:
    """The CLI with the session's pipeline, so no test loads the model again."""
    monkeypatch.setattr(check_module, "make_pipeline", lambda *_: pipeline)
    return CliRunner()


def test_cli_exits_1_with_linter_lines_and_a_summary_when_a_draft_has_errors(runner, seed_draft):
    result = runner.invoke(app, ["check", str(seed_draft), "--sources", str(seeds_dir())])
    assert result.exit_code == 1, result.output
    lines = result.stdout.splitlines()
    assert lines[1].startswith(f"{seed_draft}:7:2: QC101 misquote:") and '"children" → "soldiers"' in lines[1]
    assert lines[-1] == "3 errors, 1 warning in 1 draft"
    assert "\x1b[" not in result.stdout  # not a terminal: no colour


def test_cli_exits_0_when_there_are_only_warnings_and_1_with_strict(runner, tmp_path):
    draft = tmp_path / "clean.md"
    draft.write_text(SEED_DRAFT.split("\n\n")[2] + "\n\n" + SEED_DRAFT.split("\n\n")[-1], encoding="utf-8")
    assert runner.invoke(app, ["check", str(draft), "--sources", str(seeds_dir())]).exit_code == 0
    assert runner.invoke(app, ["check", str(draft), "--sources", str(seeds_dir()), "--strict"]).exit_code == 1


def test_cli_json_lists_the_findings(runner, seed_draft):
    result = runner.invoke(app, ["check", str(seed_draft), "--sources", str(seeds_dir()), "--format", "json", "--verbose"])
    records = json.loads(result.stdout)
    assert [r["verdict"] for r in records] == ["unattributed", "ok", "misquote", "misattributed", "unsourced"]
    assert records[3]["source_speaker"] == "Oleksandr Syrskyi"


def test_cli_without_sources_is_a_usage_error(runner, seed_draft, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["check", str(seed_draft)])
    assert result.exit_code == 2 and "no sources" in result.stderr


def test_cli_with_a_missing_source_path_is_a_usage_error(runner, seed_draft, tmp_path):
    result = runner.invoke(app, ["check", str(seed_draft), "--sources", str(tmp_path / "nowhere")])
    assert result.exit_code == 2 and "no such file" in result.stderr and result.stderr.count("\n") == 1


def test_cli_with_a_malformed_config_is_a_usage_error(runner, seed_draft, tmp_path, monkeypatch):
    (tmp_path / ".quotes.toml").write_text("sources = [\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["check", str(seed_draft)])
    assert result.exit_code == 2 and ".quotes.toml" in result.stderr


def test_cli_finds_its_sources_in_tool_quotes_of_pyproject(runner, seed_draft, tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text(f'[tool.quotes]\nsources = ["{seeds_dir().as_posix()}"]\nstrict = true\n')
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["check", "draft.md"])
    assert result.exit_code == 1
    assert result.stdout.splitlines()[-1] == "4 errors, 0 warnings in 1 draft"  # strict: unsourced is an error


def test_cli_never_writes_to_the_draft(runner, seed_draft):
    before = seed_draft.read_bytes()
    runner.invoke(app, ["check", str(seed_draft), "--sources", str(seeds_dir())])
    assert seed_draft.read_bytes() == before


# --- the cache -----------------------------------------------------------------------------------


@pytest.fixture
def sources(tmp_path) -> Path:
    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / "port.txt").write_text(f'Port director Ines Falk spoke on Monday.\n\n"{HARBOUR}" Falk said.\n', encoding="utf-8")
    (tmp_path / "draft.md").write_text('Ines Falk said: "We will reopen the harbour by spring."\n', encoding="utf-8")
    return folder


def extracted_sources(monkeypatch) -> list[str]:
    """Record the names of the documents `quotes.check.run` extracts."""
    names: list[str] = []
    real = check_module.extract_documents

    def recording(documents, pipeline, jobs=1):
        documents = list(documents)
        names.extend(d.source for d in documents)
        return real(documents, pipeline, jobs)

    monkeypatch.setattr(check_module, "extract_documents", recording)
    return names


def cached_request(tmp_path: Path, sources: Path, root: Path) -> CheckRequest:
    return CheckRequest((str(tmp_path / "draft.md"),), (str(sources),), cache=SourceCache(root, fingerprint(None)))


def test_a_second_run_reads_the_sources_from_the_cache(tmp_path, sources, pipeline, private_cache, monkeypatch):
    request = cached_request(tmp_path, sources, private_cache)
    assert run_check(request, lambda *_: pipeline).cached_sources == 0
    extracted = extracted_sources(monkeypatch)
    loads: list[str] = []
    report = run_check(request, lambda *_: loads.append("model") or pipeline)
    assert report.cached_sources == 1 and [f.verdict for f in report.findings] == [Verdict.ok]
    assert extracted == [str(tmp_path / "draft.md")] and loads == ["model"]  # the draft only, one model load


def test_no_cache_extracts_the_sources_every_time(runner, tmp_path, sources, private_cache, monkeypatch):
    extracted = extracted_sources(monkeypatch)
    for _ in range(2):
        runner.invoke(app, ["check", str(tmp_path / "draft.md"), "--sources", str(sources), "--no-cache"])
    assert extracted.count(str(sources / "port.txt")) == 2 and not private_cache.exists()


def test_cache_clear_empties_the_cache(runner, tmp_path, sources, private_cache):
    runner.invoke(app, ["check", str(tmp_path / "draft.md"), "--sources", str(sources)])
    assert list((private_cache / "quotes-sources").glob("*.json"))
    result = runner.invoke(app, ["cache", "clear"])
    assert result.exit_code == 0 and "removed 1 cached source" in result.stdout
    assert not list(private_cache.rglob("*.json"))


def test_a_corrupt_cache_entry_is_ignored_and_rewritten(tmp_path, sources, pipeline, private_cache):
    request = cached_request(tmp_path, sources, private_cache)
    run_check(request, lambda *_: pipeline)
    [entry] = (private_cache / "quotes-sources").glob("*.json")
    entry.write_text('{"format": 1, "quotes": [{"type": "dire', encoding="utf-8")
    report = run_check(request, lambda *_: pipeline)
    assert report.cached_sources == 0 and [f.verdict for f in report.findings] == [Verdict.ok]
    assert json.loads(entry.read_text(encoding="utf-8"))["quotes"]


def test_a_cached_quote_round_trips_and_takes_the_current_file_name():
    original = quote(HARBOUR, cue="said", speaker_kind="person", speaker_id="Q1", via="Reuters", paragraph=3)
    assert quote_from_record(original.to_record(), "port.txt") == original
    assert quote_from_record(original.to_record(), "renamed.txt").source == "renamed.txt"


def test_the_cache_key_changes_with_the_speakers_file(tmp_path):
    speakers = tmp_path / "speakers.toml"
    speakers.write_text('[[speaker]]\nname = "Ines Falk"\n', encoding="utf-8")
    before = fingerprint(None, [speakers])
    speakers.write_text('[[speaker]]\nname = "Ines Falk"\naliases = ["I. Falk"]\n', encoding="utf-8")
    assert fingerprint(None, [speakers]) != before != fingerprint(None)


def test_the_cache_key_changes_with_the_packages_own_code(tmp_path, monkeypatch):
    package = tmp_path / "quotes"
    package.mkdir()
    (package / "stage.py").write_text("RULE = 1\n", encoding="utf-8")
    monkeypatch.setattr("quotes.cache.PACKAGE_DIR", package)
    before = fingerprint(None)
    (package / "stage.py").write_text("RULE = 2\n", encoding="utf-8")
    assert fingerprint(None) != before


def test_the_cache_folder_comes_from_the_environment_then_the_settings_then_xdg(tmp_path):
    configured = tmp_path / "configured"
    assert cache_root(configured, {"QUOTES_CACHE_DIR": "/env"}) == Path("/env")
    assert cache_root(configured, {"XDG_CACHE_HOME": "/xdg"}) == configured
    assert cache_root(None, {"XDG_CACHE_HOME": "/xdg"}) == Path("/xdg/quotes")


def test_clearing_touches_only_cache_entries(tmp_path):
    keep = tmp_path / "notes.json"
    keep.write_text("{}", encoding="utf-8")
    SourceCache(tmp_path, "f").store(b"text", "text", [quote(HARBOUR)])
    assert clear_cache(tmp_path) == 1 and keep.exists()


def test_an_unattributed_quote_that_is_also_misquoted_gets_both_findings():
    draft_quote = quote("We will reopen the harbour by summer, whatever it costs.", None, source="draft.md")
    findings = check_quotes("draft.md", "x" * 80, [draft_quote], index_of())
    assert [f.code for f in findings] == ["QC103", "QC101"]


IGNORED_DRAFT = (
    "Draft\n\n"
    "<!-- quotes: ignore -->\n"
    'Ines Falk said: "The cranes will run again by August, and the ferries follow in July."\n\n'
    'Ines Falk said: "We will rebuild every shed on the quay by autumn." <!-- quotes: ignore -->\n\n'
    'Ines Falk said: "The cranes will run again by August, and the ferries follow in July."\n'
)


@pytest.fixture
def port_source(tmp_path) -> Path:
    source = tmp_path / "port.txt"
    source.write_text(
        '"The cranes will run again by June, and the ferries will follow in July," port director Ines Falk said.\n',
        encoding="utf-8",
    )
    return source


def test_an_ignore_comment_accepts_the_quote_on_its_line_or_the_next(tmp_path, port_source, pipeline):
    (tmp_path / "draft.md").write_text(IGNORED_DRAFT, encoding="utf-8")
    report = run_check(CheckRequest((str(tmp_path / "draft.md"),), (str(port_source),)), lambda *_: pipeline)
    assert [(f.line, f.code) for f in report.problems] == [(8, "QC101")]
    assert sorted((f.line, f.code) for f in report.suppressed) == [(4, "QC101"), (6, "QC104")]


def test_an_ignore_file_comment_accepts_the_whole_draft(tmp_path, port_source, pipeline):
    (tmp_path / "draft.md").write_text("<!-- quotes: ignore-file -->\n" + IGNORED_DRAFT, encoding="utf-8")
    report = run_check(CheckRequest((str(tmp_path / "draft.md"),), (str(port_source),)), lambda *_: pipeline)
    assert report.problems == () and len(report.suppressed) == 3


def test_a_code_in_the_settings_is_accepted_everywhere(tmp_path, port_source, pipeline):
    (tmp_path / "draft.md").write_text(IGNORED_DRAFT.replace("<!-- quotes: ignore -->", ""), encoding="utf-8")
    request = CheckRequest((str(tmp_path / "draft.md"),), (str(port_source),), ignore=frozenset({"QC104"}))
    report = run_check(request, lambda *_: pipeline)
    assert [f.code for f in report.problems] == ["QC101", "QC101"] and [f.code for f in report.suppressed] == ["QC104"]


def test_words_in_marks_that_the_sources_only_report_are_a_quoted_paraphrase():
    source = quote("the harbour would reopen by spring whatever the cost", "Ines Falk", kind="indirect")
    finding = check_quoted(
        quote("The harbour will reopen by spring, whatever the cost.", "Ines Falk", source="draft.md"), index_of(source), HERE
    )
    assert finding is not None and (finding.code, finding.severity) == ("QC106", "warning")
    assert "only in its own words" in plain_message(finding)


TRANSCRIPT = (
    "Harbour hearing\n\n"
    "Testifying was Ines Falk, the port director. Questioning was Sen. Mara Holm.\n\n"
    "SEN. HOLM: When will the cranes run?\n\n"
    "MS. FALK: The cranes will run again by June, and the ferries will follow soon after. "
    "One pilot told us the channel was too shallow.\n\n"
    "SEN. HOLM: Thank you.\n"
)


def _checked_against_transcript(tmp_path, pipeline, draft: str) -> list[str]:
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "hearing.txt").write_text(TRANSCRIPT)
    (tmp_path / "draft.md").write_text(draft)
    report = run_check(CheckRequest((str(tmp_path / "draft.md"),), (str(tmp_path / "sources"),)), lambda *_: pipeline)
    return [f.code for f in report.findings]


def test_words_of_a_transcript_turn_source_a_draft_quote(tmp_path, pipeline):
    assert _checked_against_transcript(tmp_path, pipeline, 'Ines Falk said: "The cranes will run again by June."\n') == ["QC100"]


def test_a_changed_word_of_a_transcript_turn_is_a_misquote(tmp_path, pipeline):
    draft = 'Ines Falk said: "The cranes will run again by July, and the ferries will follow soon after."\n'
    codes = _checked_against_transcript(tmp_path, pipeline, draft)
    assert codes == ["QC101"]


def test_what_a_turn_reports_in_its_own_words_is_no_verbatim_source(tmp_path, pipeline):
    codes = _checked_against_transcript(tmp_path, pipeline, 'A pilot said: "The channel is too shallow."\n')
    assert "QC101" not in codes and "QC100" not in codes


def test_extract_reports_no_transcript_turns(quotes_of):
    assert all(q.kind != "turn" for q in quotes_of(TRANSCRIPT))


def test_a_quote_split_with_the_comma_after_the_closing_mark_may_be_joined(quotes_of):
    source = "Vote\n\n«The numbers are what they are», says Solveig Bråthen, «but I understand that people are angry.»\n"
    draft = '"The numbers are what they are, but I understand that people are angry," Solveig Bråthen said.\n'
    assert checked(draft, source, quotes_of) == [Verdict.ok]


def test_a_quote_split_after_the_mark_around_a_long_attribution_may_be_joined(quotes_of):
    source = (
        "Pact\n\n\u201eThis is a European answer\u201c, Economy Minister Dr. Annegret Kohlhaas said after the signing "
        "ceremony, \u201eto a European problem.\u201c\n"
    )
    draft = '"This is a European answer to a European problem," Annegret Kohlhaas said.\n'
    assert checked(draft, source, quotes_of) == [Verdict.ok]


def test_a_source_speaker_with_the_draft_speakers_surname_and_initial_is_a_warning_not_an_error():
    source = quote(HARBOUR, "Ueli Brandenberger", speaker_mention="Ueli Brandenberger")
    draft = quote(HARBOUR, "Ulrich Brandenberger", source="draft.md", speaker_mention="Ulrich Brandenberger")
    finding = check_quoted(draft, index_of(source), HERE)
    assert finding is not None and (finding.code, finding.severity) == ("QC105", "warning")
