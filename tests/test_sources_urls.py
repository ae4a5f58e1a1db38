"""URLs: fetched from a real http.server on 127.0.0.1 started here (redirects, 404s, timeouts, retries, caps)."""

from __future__ import annotations

import json
import threading
import time
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from quotes.models import Document
from quotes.sources.common import Skipped, SourceError
from quotes.sources.files import read_documents
from quotes.sources.urls import FetchSettings, fetch, read_url_list

PAGES = Path(__file__).parent / "data" / "pages"
FAST = FetchSettings(timeout=0.5, retries=1, retry_wait=0.0)
SLOW_SECONDS = 2.0


class Site(ThreadingHTTPServer):
    daemon_threads = True
    hits: Counter[str]
    user_agents: list[str]


class Handler(BaseHTTPRequestHandler):
    server: Site

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass

    def _send(self, status: int, body: bytes, content_type: str = "text/html; charset=utf-8", **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        self.server.hits[self.path] += 1
        self.server.user_agents.append(self.headers.get("User-Agent", ""))
        if self.path == "/article":
            self._send(200, (PAGES / "news-with-comments.html").read_bytes())
        elif self.path == "/moved":
            self._send(301, b"", Location="/article")
        elif self.path == "/slow":
            time.sleep(SLOW_SECONDS)
            self._send(200, (PAGES / "news-with-comments.html").read_bytes())
        elif self.path == "/flaky" and self.server.hits[self.path] == 1:
            self._send(503, b"busy")
        elif self.path == "/flaky":
            self._send(200, (PAGES / "news-with-comments.html").read_bytes())
        elif self.path == "/big":
            self._send(200, b"<p>" + b"word " * 2000 + b"</p>")
        elif self.path == "/latin":  # no <meta charset>: only the header says what the bytes are
            body = "<html><body><p>\u201cWe will stay open,\u201d said Ren\u00e9e M\u00fcller of the Caf\u00e9 Fl\u00f6te.</p>"
            self._send(200, (body + "</body></html>").encode("cp1252"), "text/html; charset=windows-1252")
        elif self.path == "/logo.png":
            self._send(200, b"\x89PNG\r\n\x1a\n", "image/png")
        else:
            self._send(404, b"<h1>Not found</h1>")


@pytest.fixture
def site() -> Iterator[tuple[Site, str]]:
    server = Site(("127.0.0.1", 0), Handler)
    server.hits, server.user_agents = Counter(), []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server, f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def read_url(url: str, settings: FetchSettings = FAST) -> Document | Skipped:
    [item] = list(read_documents([url], settings))
    return item


def test_a_url_is_read_as_a_page_and_the_url_is_its_source(site):
    _, base = site
    document = read_url(f"{base}/article")
    assert isinstance(document, Document)
    assert document.source == f"{base}/article" and document.format == "html"
    assert document.text.startswith("Port to reopen by spring, minister says\n\n")


def test_the_fetched_url_wins_over_the_url_the_page_names(site):
    _, base = site
    document = read_url(f"{base}/article")
    assert isinstance(document, Document) and document.meta.url == f"{base}/article"


def test_a_redirect_is_followed_and_the_page_keeps_the_url_given_as_its_source(site):
    _, base = site
    document = read_url(f"{base}/moved")
    assert isinstance(document, Document)
    assert document.source == f"{base}/moved" and document.meta.url == f"{base}/article"


def test_a_page_is_decoded_by_the_charset_the_server_sends(site):
    _, base = site
    document = read_url(f"{base}/latin")
    assert isinstance(document, Document) and not document.warnings
    assert document.text == "\u201cWe will stay open,\u201d said Ren\u00e9e M\u00fcller of the Caf\u00e9 Fl\u00f6te.\n"


def test_a_404_is_skipped_with_its_status_and_not_retried(site):
    server, base = site
    skipped = read_url(f"{base}/gone")
    assert skipped == Skipped(f"{base}/gone", "HTTP 404 Not Found")
    assert server.hits["/gone"] == 1


def test_a_page_slower_than_the_timeout_is_skipped_after_the_retries(site):
    server, base = site
    started = time.monotonic()
    skipped = read_url(f"{base}/slow")
    assert isinstance(skipped, Skipped) and skipped.reason == "timed out after 0.5 s (2 tries)"
    assert server.hits["/slow"] == 2 and time.monotonic() - started < SLOW_SECONDS * 2


def test_a_server_error_is_tried_again(site):
    server, base = site
    assert isinstance(read_url(f"{base}/flaky"), Document)
    assert server.hits["/flaky"] == 2


def test_a_page_over_the_size_cap_is_skipped(site):
    _, base = site
    skipped = read_url(f"{base}/big", FetchSettings(max_bytes=1000, retry_wait=0.0))
    assert isinstance(skipped, Skipped) and skipped.reason.startswith("larger than 1,000 bytes")


def test_what_is_neither_a_page_nor_text_is_skipped_with_its_type(site):
    _, base = site
    assert read_url(f"{base}/logo.png") == Skipped(f"{base}/logo.png", "not a page or text (image/png)")


def test_the_user_agent_names_quotes(site):
    server, base = site
    fetch(f"{base}/article", FAST)
    assert server.user_agents and server.user_agents[0].startswith("quotes/")


def test_a_refused_connection_is_skipped_with_a_reason():
    skipped = fetch("http://127.0.0.1:9/", FetchSettings(timeout=0.5, retries=0))
    assert isinstance(skipped, Skipped) and skipped.reason.startswith("cannot fetch (ConnectError")


def test_a_url_list_is_one_url_a_line_without_comments_or_blank_lines(tmp_path):
    listing = tmp_path / "urls.txt"
    listing.write_text("# the port story\nhttps://a.example/port#top\n\n  https://b.example/x   # wire copy\n", encoding="utf-8")
    assert read_url_list(str(listing)) == ["https://a.example/port#top", "https://b.example/x"]


def test_a_line_in_a_url_list_that_is_not_a_url_is_an_error_naming_the_line(tmp_path):
    listing = tmp_path / "urls.txt"
    listing.write_text("https://a.example/\nftp://b.example/\n", encoding="utf-8")
    with pytest.raises(SourceError, match=r"urls.txt:2: not an http\(s\) URL: ftp://b.example/"):
        read_url_list(str(listing))


def test_a_missing_url_list_is_one_error_line_and_exit_2(tmp_path, run_quotes):
    result = run_quotes("extract", "--urls", "nope.txt")
    assert result.returncode == 2
    assert result.stderr.decode().splitlines() == ["quotes: error: nope.txt: cannot read (no such file or directory)"]


@pytest.mark.model
def test_extract_reads_urls_and_a_failed_page_is_one_warning_while_the_rest_goes_on(site, tmp_path, run_quotes):
    _, base = site
    (tmp_path / "urls.txt").write_text(f"{base}/gone\n{base}/article\n", encoding="utf-8")
    result = run_quotes("extract", "--urls", "urls.txt", "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    assert result.stderr.decode().splitlines() == [f"quotes: warning: {base}/gone: HTTP 404 Not Found, skipped"]
    records = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert records and {r["source"] for r in records} == {f"{base}/article"}
    assert {r["outlet"] for r in records} == {"The Harbour Gazette"}


@pytest.mark.model
def test_check_compares_a_draft_with_a_page_fetched_from_a_url(site, tmp_path, pipeline):
    from quotes.check.run import CheckRequest, run_check

    _, base = site
    draft = tmp_path / "draft.md"
    draft.write_text("\u201cWe will reopen the port by summer, whatever it costs,\u201d Ines Falk said.\n", encoding="utf-8")
    report = run_check(CheckRequest((str(draft),), (f"{base}/article",)), lambda *_: pipeline)
    [finding] = report.findings
    assert finding.code == "QC101" and finding.source == f"{base}/article"
