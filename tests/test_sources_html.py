"""Pages: the one HTML reader (main text, headline, paragraphs, embeds, metadata, charsets)."""

from __future__ import annotations

from pathlib import Path

import pytest

from quotes.models import Document
from quotes.sources.common import Skipped
from quotes.sources.files import read_documents
from quotes.sources.html import decode_page, document_from_html

PAGES = Path(__file__).parent / "data" / "pages"
NEWS = PAGES / "news-with-comments.html"


def read(path: Path) -> Document | Skipped:
    [item] = list(read_documents([str(path)]))
    return item


def news() -> Document:
    document = read(NEWS)
    assert isinstance(document, Document)
    return document


def test_a_page_is_read_for_its_article_without_navigation_comments_or_related_links():
    text = news().text
    assert "the transport minister said on Wednesday" in text
    for boilerplate in ("Sport", "Ferries cancelled again", "I will believe it", "All rights reserved", "Privacy"):
        assert boilerplate not in text


def test_the_headline_is_the_first_line():
    document = news()
    assert document.text.splitlines()[0] == "Port to reopen by spring, minister says"
    assert document.title == "Port to reopen by spring, minister says"


def test_without_an_h1_the_headline_is_the_page_title_without_the_site_name():
    body = "<p>" + "The storm hit the coast on Tuesday night, flooding the lower town. " * 3 + "</p>"
    head = "<head><title>Storm hits coast | The Harbour Gazette</title></head>"
    page = f"<html>{head}<body><article>{body}</article></body></html>"
    document = document_from_html("storm.html", page.encode())
    assert isinstance(document, Document)
    assert document.text.splitlines()[0] == "Storm hits coast"


def test_a_site_name_in_an_h1_is_not_taken_for_the_headline():
    body = "<p>" + "The storm hit the coast on Tuesday night, flooding the lower town. " * 3 + "</p>"
    head = '<head><meta property="og:site_name" content="The Harbour Gazette"></head>'
    page = f"<html>{head}<body><header><h1>The Harbour Gazette</h1></header><article><h1>Storm hits coast</h1>{body}</article>"
    document = document_from_html("storm.html", (page + "</body></html>").encode())
    assert isinstance(document, Document) and document.text.splitlines()[0] == "Storm hits coast"


def test_paragraphs_are_separated_by_blank_lines():
    paragraphs = news().text.split("\n\n")
    assert paragraphs[1].startswith("The harbour will reopen") and paragraphs[2].startswith("\u201cWe will reopen")
    assert all("\n" not in p.strip() for p in paragraphs)


def test_an_embedded_tweet_stays_one_paragraph_with_its_signature():
    post = "The quays are nearly done. Spring it is. pic.twitter.com/x \u2014 Ines Falk (@inesfalk) August 7, 2024"
    assert post in news().text.split("\n\n")


def test_what_the_page_says_of_itself_is_its_source_metadata():
    meta = news().meta
    assert (meta.outlet, meta.date, meta.author) == ("The Harbour Gazette", "2024-08-07", "Mara Quill")
    assert meta.url == "https://harbour.example/news/port-reopen"
    assert meta.title == "Port to reopen by spring, minister says"
    assert meta.description == "The port will reopen by spring, the minister said."


def test_a_copyright_year_is_not_taken_for_the_date():
    document = read(PAGES / "windows-1252.html")
    assert isinstance(document, Document) and document.meta.date is None


def test_a_page_of_boilerplate_only_is_skipped_with_a_reason():
    skipped = read(PAGES / "boilerplate-only.html")
    assert isinstance(skipped, Skipped) and "no main text" in skipped.reason


def test_binary_junk_named_html_is_skipped(tmp_path):
    junk = tmp_path / "junk.html"
    junk.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    skipped = read(junk)
    assert isinstance(skipped, Skipped) and skipped.reason == "binary file"


def test_a_windows_1252_page_is_decoded_by_its_declared_charset():
    document = read(PAGES / "windows-1252.html")
    assert isinstance(document, Document) and not document.warnings
    assert "\u201cWithout the ferry there is no one to serve,\u201d said Ren\u00e9e M\u00fcller" in document.text


def test_the_charset_the_server_sends_wins_over_guessing():
    text, warnings = decode_page("<p>caf\u00e9</p>".encode("cp1252"), "windows-1252")
    assert text == "<p>caf\u00e9</p>" and warnings == ()


def test_an_undeclared_non_utf8_page_falls_back_to_cp1252_with_a_warning():
    text, warnings = decode_page("<p>\u201ccaf\u00e9\u201d</p>".encode("cp1252"))
    assert text == "<p>\u201ccaf\u00e9\u201d</p>" and "not UTF-8" in warnings[0]


def test_a_fragment_without_html_or_body_is_read():
    document = document_from_html("draft.html", b"<p>She said:\n&ldquo;We <em>will</em> win.&rdquo;</p>")
    assert isinstance(document, Document) and document.text == "She said: \u201cWe will win.\u201d\n"


@pytest.mark.model
def test_a_page_on_standard_input_is_read_as_a_page(tmp_path, run_quotes):
    result = run_quotes("extract", "-", "--format", "jsonl", "--save-text", "texts", input=NEWS.read_bytes())
    assert (tmp_path / "texts" / "stdin.txt").read_text(encoding="utf-8") == news().text, result.stderr


def test_entities_become_their_characters():
    assert "\u201cWe will reopen the port by spring" in news().text


@pytest.mark.model
def test_an_article_saved_as_html_gives_the_same_quotes_and_speakers_as_saved_as_text(pipeline):
    from quotes.extraction.pipeline import extract

    def found(path: Path) -> list[tuple[str, str, str | None]]:
        return sorted((q.kind, q.text, q.speaker) for q in extract(path, pipeline=pipeline))

    as_html, as_text = found(NEWS), found(PAGES / "news-with-comments.txt")
    assert as_html == as_text
    assert ("embed", "The quays are nearly done. Spring it is. pic.twitter.com/x", "Ines Falk") in as_html


@pytest.mark.model
def test_offsets_in_a_page_point_into_its_extracted_text(pipeline):
    from quotes.extraction.pipeline import extract

    text = news().text
    quotes = extract(NEWS, pipeline=pipeline)
    assert quotes and all(text[q.start : q.end] == q.text for q in quotes)


@pytest.mark.model
def test_a_folder_of_saved_pages_is_extracted_and_an_empty_page_is_one_warning(tmp_path, run_quotes):
    import json
    import shutil

    saved = tmp_path / "saved"
    (saved / "sub").mkdir(parents=True)
    shutil.copy(NEWS, saved / "sub" / "port.htm")
    shutil.copy(PAGES / "boilerplate-only.html", saved / "sport.html")
    result = run_quotes("extract", "saved", "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert {r["source"] for r in records} == {"saved/sub/port.htm"}
    [warning] = result.stderr.decode().splitlines()
    assert warning.startswith("quotes: warning: saved/sport.html: no main text found") and warning.endswith(", skipped")
