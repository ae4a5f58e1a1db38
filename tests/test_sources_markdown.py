"""Markdown: a .md file's syntax is blanked by a real parser (markdown-it), and every offset, line
and column stays that of the file as read."""

from __future__ import annotations

from pathlib import Path

import pytest

from quotes.extraction.pipeline import Pipeline, extract_documents
from quotes.extraction.plan import plan
from quotes.models import Document, Quote
from quotes.rules import Rules
from quotes.sources.files import read_documents
from quotes.sources.markdown import markdown_text

BLOG = (
    '## Pitch\n\n**Priya Nandakumar** said it in [her newsletter](http://example.org/x "Her letter").\n\n> quoted\n\n- a bullet\n'
)


def read(tmp_path: Path, text: str, name: str = "story.md") -> Document:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    [document] = list(read_documents([str(path)]))
    assert isinstance(document, Document)
    return document


def quotes_in(tmp_path: Path, text: str, pipeline: Pipeline) -> list[Quote]:
    return [q for _, found in extract_documents([read(tmp_path, text)], pipeline) for q in found]


def test_markdown_syntax_is_blanked_keeping_every_offset_and_line_break():
    plain = markdown_text(BLOG)
    assert len(plain) == len(BLOG)
    assert [i for i, c in enumerate(plain) if c == "\n"] == [i for i, c in enumerate(BLOG) if c == "\n"]
    for syntax in ("#", "**", "](", "http", "Her letter", ">", "- "):
        assert syntax not in plain


def test_words_stay_at_their_place_in_the_file():
    plain = markdown_text(BLOG)
    for words in ("Pitch", "Priya Nandakumar", "her newsletter", "quoted", "a bullet"):
        assert plain.index(words) == BLOG.index(words)


def test_a_linked_name_keeps_its_text_and_loses_its_url():
    url = '(https://example.org/z "Zelensky\'s page")'
    text = f"She said [Volodymyr Zelensky]{url} spoke."
    assert markdown_text(text) == "She said  Volodymyr Zelensky " + " " * len(url) + " spoke."


def test_plain_prose_is_left_as_it_is():
    text = "Plain text, 3 * 4 = 12, and a_b_c and my_var_name stay.\r\n\r\nA second paragraph.\r\n"
    assert markdown_text(text) == text


def test_a_hard_wrapped_paragraph_is_one_line_and_blocks_keep_their_line_breaks():
    text = '# Title\n\nShe said: "The\nport opens\r\nin June."\n> Quoted\n> on.\n'
    assert markdown_text(text) == '  Title\n\nShe said: "The port opens  in June."\n  Quoted   on.\n'


def test_windows_line_ends_keep_their_places():
    text = "# Title\r\n\r\n**Bold** words\r\n"
    assert markdown_text(text) == "  Title\r\n\r\n  Bold   words\r\n"


def test_an_escape_keeps_the_character_and_an_entity_becomes_its_character():
    assert markdown_text(r"a \*b\* c &amp; d") == "a  *b * c &     d"


def test_code_images_html_and_reference_definitions_are_blanked():
    text = (
        'Run `say "hi there"` now.\n\n'
        '![a "quoted" caption](pic.png) <span title="x">kept</span>\n\n'
        '```\nprint("code")\n```\n\n'
        "    indented code\n\n"
        '<div>\n"html block"\n</div>\n\n'
        '[ref]: http://example.org "A title"\n'
    )
    plain = markdown_text(text)
    assert plain.split() == ["Run", "now.", "kept"]


def test_a_table_keeps_its_cells():
    assert markdown_text('| Name | Said |\n|---|---|\n| Bo | "Yes" |\n').split() == ["Name", "Said", "Bo", '"Yes"']


def test_an_md_file_is_read_with_its_markdown_blanked_for_the_parser(tmp_path):
    document = read(tmp_path, BLOG)
    assert document.text == BLOG and document.plain == markdown_text(BLOG)
    assert document.format == "markdown" and document.title == "Pitch"


def test_a_txt_file_with_one_kind_of_markdown_sign_is_read_as_it_is(tmp_path):
    text = "Notes\n\n    An indented paragraph, not code.\n\nA *first* try.\n"
    document = read(tmp_path, text, "story.txt")
    assert document.plain is None and document.format == "text"


def test_a_txt_file_that_looks_like_markdown_is_read_as_markdown(tmp_path):
    document = read(tmp_path, BLOG, "story.txt")
    assert document.text == BLOG and document.plain == markdown_text(BLOG) and document.format == "markdown"


def test_the_quoted_lines_of_an_e_mail_in_a_txt_file_are_read_without_their_marks(tmp_path):
    text = "A reader wrote in:\n\n> Dear Letter, I have crossed that river\n> for sixty years.\n\nThat's all.\n"
    document = read(tmp_path, text, "letter.txt")
    assert document.plain is not None and len(document.plain) == len(text) and ">" not in document.plain
    assert document.plain.split()[4:8] == ["Dear", "Letter,", "I", "have"] and document.format == "text"


def test_one_line_opening_with_a_greater_than_sign_is_left_as_it_is(tmp_path):
    document = read(tmp_path, "Scores\n\n> 40 per cent said yes.\n", "poll.txt")
    assert document.plain is None


def test_caption_turns_opening_with_two_greater_than_signs_are_no_e_mail_quoting(tmp_path):
    document = read(tmp_path, "News\n\n>> MARISSA: GOOD EVENING.\n>> DEVON: THANK YOU.\n", "captions.txt")
    assert document.plain is None


def test_front_matter_is_blanked_before_the_markdown_is_read(tmp_path):
    text = "---\noutlet: Notes\n---\n# Title\n\nBody *text*.\n"
    document = read(tmp_path, text)
    assert document.meta.outlet == "Notes"
    assert document.plain is not None and document.plain.split() == ["Title", "Body", "text", "."]


def test_quote_marks_in_link_titles_code_fences_and_image_alt_text_are_no_quotes(tmp_path, rules: Rules):
    text = (
        "Notes\n\n"
        'Read [the plan](http://example.org/plan "The council\'s \\"big\\" plan") first.\n\n'
        'Run `say "hello to everyone here"` to test. ![a "quoted caption here" b](pic.png)\n\n'
        '```\nprint("this is code, not speech at all")\n```\n\n'
        'The mayor said: "We will open the bridge in spring."\n'
    )
    spans = plan(read(tmp_path, text), rules).spans
    assert [s.text for s in spans] == ["We will open the bridge in spring."]


@pytest.mark.model
def test_a_bold_name_speaks_as_the_name(tmp_path, pipeline):
    text = "# Meeting\n\n**Priya Nandakumar**, the transport director, said the lane would open in **August**.\n"
    [quote] = quotes_in(tmp_path, text, pipeline)
    assert quote.speaker == "Priya Nandakumar"


@pytest.mark.model
def test_an_emphasised_quote_said_by_a_linked_name_is_the_name(tmp_path, pipeline):
    text = 'War\n\n_"Just peace through just force, and I thank everyone,"_ said [Volodymyr Zelensky](http://example.org/z).\n'
    [quote] = quotes_in(tmp_path, text, pipeline)
    assert quote.speaker == "Volodymyr Zelensky"
    assert text[quote.start : quote.end] == quote.text == "Just peace through just force, and I thank everyone,"


@pytest.mark.model
def test_a_bold_name_and_a_linked_cue_give_the_name(tmp_path, pipeline):
    text = 'War\n\n**Okafor** [said](http://example.org/s) that "the greater the pressure on the port, the sooner it opens."\n'
    found = [q for q in quotes_in(tmp_path, text, pipeline) if q.kind != "indirect"]
    assert [q.speaker for q in found] == ["Okafor"]


@pytest.mark.model
def test_a_blockquote_signed_on_its_last_line_is_the_signer(tmp_path, pipeline):
    text = (
        "War\n\n"
        '> "We will never trade our land for a ceasefire that lasts a season,"\n'
        ">\n"
        "> — Volodymyr Zelensky, president of Ukraine\n"
    )
    [quote] = quotes_in(tmp_path, text, pipeline)
    assert quote.speaker == "Volodymyr Zelensky" and quote.line == 3
    assert quote.text == "We will never trade our land for a ceasefire that lasts a season,"


@pytest.mark.model
def test_a_blockquote_signed_with_a_typed_dash_is_the_signer(tmp_path, pipeline):
    text = "War\n\n> We will never trade our land for a ceasefire that lasts a season.\n>\n> -- Ines Falk, port director\n"
    [quote] = quotes_in(tmp_path, text, pipeline)
    assert quote.speaker == "Ines Falk"


@pytest.mark.model
def test_a_blockquote_after_a_line_ending_in_a_colon_is_the_introduced_speakers_words(tmp_path, pipeline):
    text = (
        "Ice\n\nDr. Annika Thorsrud spent four hours answering questions on Tuesday.\n\nThorsrud replied:\n\n"
        "> About 1.2 million years old. It looked like any other ice.\n>\n> EDIT: We count layers where we can.\n"
    )
    found = [q for q in quotes_in(tmp_path, text, pipeline) if q.kind == "direct"]
    assert [(q.text, q.speaker) for q in found] == [
        ("About 1.2 million years old. It looked like any other ice.", "Annika Thorsrud"),
        ("We count layers where we can.", "Annika Thorsrud"),
    ]


@pytest.mark.model
def test_a_blockquote_with_no_introduction_is_no_quote(tmp_path, pipeline):
    text = "Ice\n\nDr. Annika Thorsrud spent four hours answering questions.\n\n> The thread stays open for a week.\n"
    assert [q for q in quotes_in(tmp_path, text, pipeline) if q.kind == "direct"] == []


@pytest.mark.model
def test_a_pasted_email_is_an_embedded_post_not_an_unattributed_quote(tmp_path, pipeline):
    text = (
        "Schools\n\nI asked the district's spokeswoman, Marisol Vega, about the vote. Her reply, in full:\n\n"
        "> Hi Dan,\n>\n> The board has not scheduled a vote on Kettle Creek.\n>\n> Best,\n> Marisol Vega\n"
    )
    found = [(q.kind, q.speaker) for q in quotes_in(tmp_path, text, pipeline)]
    assert found == [("embed", "Marisol Vega")]


@pytest.mark.model
def test_a_post_pasted_as_a_blockquote_is_one_embed_without_the_blockquote_marks(tmp_path, pipeline):
    text = (
        "Count\n\nThe mayor, Tom Brandt, posted on Bluesky:\n\n"
        "> Every vote must be counted.\n>\n> — Tom Brandt (@tombrandt.bsky.social) 4 May 2026 at 23:10\n"
    )
    found = [(q.kind, q.speaker, q.text) for q in quotes_in(tmp_path, text, pipeline)]
    assert found == [("embed", "Tom Brandt", "Every vote must be counted.")]


@pytest.mark.model
def test_the_signature_line_of_an_introduced_blockquote_is_no_quote(tmp_path, pipeline):
    text = (
        "Outage\n\nThe minister posted on X that evening:\n\n"
        "> Those responsible will be held accountable.\n>\n> — Rashid al-Mansouri (@RashidAlMansouri) October 20, 2025\n"
    )
    assert [q.kind for q in quotes_in(tmp_path, text, pipeline)] == ["embed"]


@pytest.mark.model
def test_you_in_a_bold_labelled_turn_is_whom_it_opens_by_calling(tmp_path, pipeline):
    text = (
        "# Episode 47\n\nHost Jess Albright talks to Rep. Carl Medford and Nadia Farouk.\n\n"
        "[03:41] **FAROUK:** Less than either campaign would like.\n\n"
        '[04:20] **HOST:** Carl, you told a crowd last month that the tariff "punishes the people it claims to save." True?\n\n'
        "[04:31] **MEDFORD:** Every word.\n"
    )
    said = {q.text: q.speaker for q in quotes_in(tmp_path, text, pipeline) if q.kind == "partial"}
    assert said == {"punishes the people it claims to save.": "Carl Medford"}
