"""Pages on the web: fetch a URL's bytes (httpx) politely, and read lists of URLs.

A fetch has a timeout, a couple of retries (for timeouts, dropped connections and 5xx answers,
never for a 4xx), follows redirects, sends a User-Agent that names quotes, and stops at a size
cap. A failed page is a `Skipped` with the reason; the caller warns and goes on.
"""

from __future__ import annotations

import email.message
import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from quotes import __version__
from quotes.sources.common import Skipped, SourceError, decode

if TYPE_CHECKING:
    import httpx

URL_PREFIXES = ("http://", "https://")
USER_AGENT = f"quotes/{__version__} (news quote and speaker extractor; python-httpx)"
PAGE_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPES = ("text/plain", "text/markdown")
TRAILING_COMMENT = re.compile(r"\s#.*")  # "https://a.example/x  # why": a "#" in a URL has no space before it


@dataclass(frozen=True)
class FetchSettings:
    timeout: float = 20.0  # seconds to connect, and between two reads
    retries: int = 2  # more tries after the first, for a timeout, a dropped connection or a 5xx
    retry_wait: float = 1.0  # seconds before the first retry, doubled for each next one
    max_bytes: int = 10_000_000  # a news page is well under 10 MB; anything bigger is not one
    max_redirects: int = 5


@dataclass(frozen=True)
class Fetched:
    url: str  # where the bytes came from, after redirects
    data: bytes
    media_type: str  # "text/html", or "" when the server said nothing
    charset: str | None


def is_url(given: str) -> bool:
    return given[:8].lower().startswith(URL_PREFIXES)


class _Failed(Exception):
    """One try failed; `retry` says whether another may do better."""

    def __init__(self, reason: str, retry: bool) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retry = retry


def _content_type(value: str) -> tuple[str, str | None]:
    message = email.message.Message()
    message["content-type"] = value or "application/octet-stream"
    charset = message.get_param("charset")
    return (message.get_content_type() if value else ""), (charset if isinstance(charset, str) else None)


def _try(client: httpx.Client, url: str, settings: FetchSettings) -> Fetched:
    import httpx

    try:
        with client.stream("GET", url) as response:
            if response.status_code >= 400:
                reason = f"HTTP {response.status_code} {response.reason_phrase}".rstrip()
                raise _Failed(reason, response.status_code >= 500 or response.status_code == 429)
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > settings.max_bytes:
                raise _Failed(f"larger than {settings.max_bytes:,} bytes ({int(declared):,})", retry=False)
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > settings.max_bytes:
                    raise _Failed(f"larger than {settings.max_bytes:,} bytes", retry=False)
                chunks.append(chunk)
            media_type, charset = _content_type(response.headers.get("content-type", ""))
            return Fetched(str(response.url), b"".join(chunks), media_type, charset)
    except httpx.TimeoutException:
        raise _Failed(f"timed out after {settings.timeout:g} s", retry=True) from None
    except httpx.TooManyRedirects:
        raise _Failed(f"more than {settings.max_redirects} redirects", retry=False) from None
    except httpx.TransportError as err:  # refused, reset, DNS, TLS
        raise _Failed(f"cannot fetch ({type(err).__name__}: {err or 'no reason given'})", retry=True) from None
    except httpx.InvalidURL as err:
        raise _Failed(f"not a valid URL ({err})", retry=False) from None


def fetch(url: str, settings: FetchSettings | None = None) -> Fetched | Skipped:
    """A URL's bytes, or `Skipped` (named by the URL) with the last try's reason."""
    import httpx  # here, not at the top: it takes most of a second to import, and most runs fetch nothing

    settings = settings or FetchSettings()
    headers = {"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.5,*/*;q=0.1"}
    tries = settings.retries + 1
    with httpx.Client(
        headers=headers, timeout=settings.timeout, follow_redirects=True, max_redirects=settings.max_redirects
    ) as client:
        for attempt in range(tries):
            try:
                return _try(client, url, settings)
            except _Failed as failed:
                if not failed.retry or attempt == tries - 1:
                    return Skipped(url, failed.reason if attempt == 0 else f"{failed.reason} ({attempt + 1} tries)")
            time.sleep(settings.retry_wait * 2**attempt)
    raise AssertionError("unreachable")  # the last try returns


def read_url_list(path: str) -> list[str]:
    """The URLs in a list file: one a line; blank lines and `#` comments are left out. SourceError for
    a missing file or a line that is not an http(s) URL, named by file:line."""
    try:
        text, _ = decode(Path(path).read_bytes())
    except OSError as err:
        raise SourceError(f"{path}: cannot read ({(err.strerror or str(err)).lower()})") from None
    urls: list[str] = []
    for number, line in enumerate(text.splitlines(), start=1):
        given = TRAILING_COMMENT.sub("", line).strip()
        if not given or given.startswith("#"):
            continue
        if not is_url(given) or any(c.isspace() for c in given):
            raise SourceError(f"{path}:{number}: not an http(s) URL: {given[:80]}")
        urls.append(given)
    return urls
