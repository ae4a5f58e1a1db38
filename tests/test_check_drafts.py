"""`quotes check` on drafts as people write them: Markdown, hard wraps, Word files."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from quotes.check.messages import plain_line
from quotes.check.run import CheckRequest, Report, run_check

pytestmark = pytest.mark.model

SOURCE = (
    "KYIV (Reuters) - Ukraine's foreign ministry said on Tuesday that the incursion broke no law.\n\n"
    '"The actions that are taking place do not constitute a violation of our policy," foreign ministry '
    "spokesman Heorhii Tykhyi told reporters.\n\n"
    '"Just peace through just force, and we will get there together," President Volodymyr Zelensky said in '
    "his nightly address.\n"
)
MISQUOTE = "The actions that are taking place do not constitute a violation of our rules."


@pytest.fixture(autouse=True)
def private_cache(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("QUOTES_CACHE_DIR", str(tmp_path / "cache"))


def check(tmp_path: Path, name: str, draft: str, pipeline) -> Report:
    (tmp_path / "source.txt").write_text(SOURCE, encoding="utf-8")
    (tmp_path / name).write_text(draft, encoding="utf-8")
    return run_check(CheckRequest((str(tmp_path / name),), (str(tmp_path / "source.txt"),)), lambda *_: pipeline)


def test_a_hard_wrapped_markdown_draft_has_its_misquote_reported_at_its_line(tmp_path, pipeline):
    draft = (
        "# Kursk\n\n"
        "The ministry spoke on Tuesday, [as Reuters reported](https://www.reuters.com/world/europe/"
        "ukraine-says-kursk-incursion-does-not-violate-policy-2024-08-13/).\n\n"
        'Spokesman Heorhii Tykhyi told reporters in Kyiv on Tuesday: "The actions\n'
        'that are taking place do not constitute a violation of our rules."\n'
    )
    [finding] = check(tmp_path, "draft.md", draft, pipeline).findings
    assert finding.code == "QC101" and " ".join(finding.quote.split()) == MISQUOTE
    assert (finding.line, finding.column) == (5, draft.splitlines()[4].index("The") + 1)


def test_a_draft_wrapped_at_72_columns_has_its_misquote_reported_at_its_line(tmp_path, pipeline):
    draft = (
        "Ukraine's foreign ministry defended the incursion on Tuesday. Foreign\n"
        'ministry spokesman Heorhii Tykhyi told reporters in Kyiv: "The actions\n'
        'that are taking place do not constitute a violation of our rules." He\n'
        "said the army would not stay in the region longer than it was needed\n"
        "there, and that talks could begin once the shelling of towns stopped.\n\n"
        "Officials in Moscow did not respond to a request for comment on the\n"
        "remarks, which came as fighting continued along the border for a\n"
        "seventh day and thousands of residents remained out of their homes.\n"
    )
    [finding] = [f for f in check(tmp_path, "draft.txt", draft, pipeline).findings if not f.reported]
    assert finding.code == "QC101" and " ".join(finding.quote.split()) == MISQUOTE
    assert (finding.line, finding.column) == (2, draft.splitlines()[1].index("The") + 1)


def test_an_emphasised_quote_said_by_a_linked_name_is_checked_against_the_name(tmp_path, pipeline):
    draft = 'War\n\n_"Just peace through just force, and we will get there together,"_ said [Volodymyr Zelensky](https://example.org/z).\n'
    [finding] = check(tmp_path, "draft.md", draft, pipeline).findings
    assert finding.code == "QC100" and finding.speaker == "Volodymyr Zelensky"


def test_an_emphasised_quote_before_its_verb_is_attributed_to_the_speaker_after_it(tmp_path, pipeline):
    source = '"A protected nap is one of the cheapest interventions we have tested," the study\'s authors wrote.\n'
    draft = 'Naps\n\n_"A protected nap is one of the cheapest interventions we have tested,"_ wrote the study\'s authors.\n'
    (tmp_path / "source.txt").write_text(source, encoding="utf-8")
    (tmp_path / "draft.md").write_text(draft, encoding="utf-8")
    report = run_check(CheckRequest((str(tmp_path / "draft.md"),), (str(tmp_path / "source.txt"),)), lambda *_: pipeline)
    assert [f.code for f in report.findings] == ["QC100"]


def test_a_blockquote_signed_on_its_last_line_is_attributed_to_the_signer(tmp_path, pipeline):
    draft = 'War\n\n> "Just peace through just force, and we will get there together."\n>\n> — Volodymyr Zelensky\n'
    [finding] = check(tmp_path, "draft.md", draft, pipeline).findings
    assert finding.code == "QC100" and finding.speaker == "Volodymyr Zelensky"


def test_a_bold_name_and_a_linked_cue_attribute_the_quote(tmp_path, pipeline):
    draft = (
        "Kursk\n\n**Tykhyi** [said](https://example.org/t) that "
        '"the actions that are taking place do not constitute a violation of our policy."\n'
    )
    found = [f for f in check(tmp_path, "draft.md", draft, pipeline).findings if not f.reported]
    assert [(f.code, f.speaker) for f in found] == [("QC100", "Heorhii Tykhyi")]


def test_a_word_draft_names_the_paragraph_of_each_finding(tmp_path, pipeline):
    made = docx.Document()
    made.add_heading("Kursk", level=1)
    made.add_paragraph("The ministry spoke on Tuesday.")
    made.add_paragraph("")  # Word's empty paragraphs are not counted
    made.add_paragraph(f'Spokesman Heorhii Tykhyi told reporters in Kyiv: "{MISQUOTE}"')
    made.save(str(tmp_path / "draft.docx"))
    (tmp_path / "source.txt").write_text(SOURCE, encoding="utf-8")
    request = CheckRequest((str(tmp_path / "draft.docx"),), (str(tmp_path / "source.txt"),))
    [finding] = run_check(request, lambda *_: pipeline).findings
    assert finding.code == "QC101" and finding.paragraph == 3
    assert plain_line(finding).startswith(f"{tmp_path / 'draft.docx'}:¶3: QC101 misquote:")
    assert finding.to_record()["paragraph"] == 3
