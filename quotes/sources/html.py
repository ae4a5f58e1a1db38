"""The one HTML reader: a page's bytes -> its main text (trafilatura) and what the page says of itself.

The text is what a reader of the article sees, not the page: navigation, comments, related links
and other boilerplate are left out; the headline (the page's `h1`, else its title without the site
name) is the first line; each paragraph, list item and table row is a paragraph of its own, with a
blank line between them; an embedded post (a tweet's blockquote) stays one paragraph with its
signature ("post text — Name (@handle) Date"). Offsets into a page are offsets into this text,
which `--save-text` writes. `extract`, `check` (drafts and sources) and the component read pages here.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from quotes.models import Document, SourceMeta
from quotes.sources.common import Skipped, decode

if TYPE_CHECKING:
    from lxml.etree import _Element
    from trafilatura.settings import Document as Extracted

HTML_SUFFIXES = (".html", ".htm")
CHARSET_SNIFF_BYTES = 8192  # a <meta charset> must be in the first 1024 bytes (HTML5); some pages are late
META_CHARSET = re.compile(rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# What browsers do (WHATWG Encoding): a page labelled Latin-1 or ASCII is read as windows-1252.
BROWSER_CODECS = {"latin-1": "cp1252", "ascii": "cp1252"}
WHOLE_PAGE = re.compile(r"<(?:html|body)\b", re.IGNORECASE)
NO_MAIN_TEXT = "no main text found (only navigation, links or other boilerplate)"
# trafilatura's element names in the tree it returns (its XML output format)
OWN_LINE = {"p", "head", "item", "row", "quote", "list", "table", "code", "cell"}


def _codec(label: str | bytes | None) -> str | None:
    if not label:
        return None
    name = label.decode("ascii", "replace") if isinstance(label, bytes) else label
    try:
        codec = codecs.lookup(name.strip()).name
    except LookupError:
        return None
    return BROWSER_CODECS.get(codec, codec)


def decode_page(data: bytes, declared: str | None = None) -> tuple[str, tuple[str, ...]]:
    """A page's bytes as text: by its byte-order mark, else the charset it was served with (`declared`)
    or declares in a `<meta>`, else UTF-8, else cp1252 with a warning."""
    for bom, bom_codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(bom_codec, "replace"), ()
    found = META_CHARSET.search(data[:CHARSET_SNIFF_BYTES])
    labels: tuple[str | bytes | None, ...] = (declared, found.group(1) if found else None)
    for label in labels:
        codec = _codec(label)
        if codec is None or codec.startswith("utf-16"):  # a <meta> saying UTF-16 in an ASCII-readable page is wrong
            continue
        try:
            return data.decode(codec), ()
        except UnicodeDecodeError:
            continue
    return decode(data)


def _collapsed(text: str) -> str:
    """Runs of whitespace as one space, line by line (a `<br>` is a line of its own)."""
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _text_of(element: _Element) -> str:
    """An element's text, with a line break at every `<br>` and around every block inside it."""
    parts: list[str] = []

    def walk(node: _Element) -> None:
        if node.tag == "lb":
            parts.append("\n")
        elif node.text:
            parts.append(node.text)
        for child in node:
            own_line = child.tag in OWN_LINE
            if own_line:
                parts.append("\n")
            walk(child)
            if own_line:
                parts.append("\n")
            if child.tail:
                parts.append(child.tail)

    walk(element)
    return "".join(parts)


def _paragraphs(body: _Element) -> Iterator[str]:
    """The main text's paragraphs, in order: a list's items and a table's rows one by one, a quote in one."""
    if body.text and body.text.strip():
        yield _collapsed(body.text)
    for element in body:
        if element.tag == "list":
            yield from (_collapsed(_text_of(item)) for item in element.iterchildren("item"))
        elif element.tag == "table":
            for row in element.iterchildren("row"):
                yield " | ".join(filter(None, (_collapsed(_text_of(cell)).replace("\n", " ") for cell in row)))
        elif element.tag == "quote":  # an embedded post: its text and signature stay one paragraph
            yield _collapsed(_text_of(element)).replace("\n", " ")
        elif element.tag != "graphic":
            yield _collapsed(_text_of(element))
        if element.tail and element.tail.strip():
            yield _collapsed(element.tail)


def _headings(tree: _Element) -> list[str]:
    """The page's `h1` texts, those inside its `article` or `main` first."""
    inside = tree.xpath("//article//h1 | //main//h1")
    texts = (" ".join("".join(h.itertext()).split()) for h in [*inside, *tree.iter("h1")])
    return [t for t in dict.fromkeys(texts) if t]


def _headline(headings: list[str], sitename: str | None) -> str | None:
    """The first heading that is not the site's name (many sites put their logo in an `h1`)."""
    site = (sitename or "").casefold()
    return next((h for h in headings if h.casefold() != site), None)


def _meta(url: str | None, extracted: Extracted) -> SourceMeta:
    return SourceMeta(
        outlet=extracted.sitename or extracted.hostname or None,
        date=extracted.date or None,
        url=url or extracted.url or None,
        title=extracted.title or None,
        author=extracted.author or None,
        description=extracted.description or None,
    )


def document_from_html(source: str, data: bytes, url: str | None = None, charset: str | None = None) -> Document | Skipped:
    """A page as a `Document` of its main text, or `Skipped` when it has none.

    `url` is where it was fetched from (it wins over the URL the page names), `charset` what the
    server said the bytes are.
    """
    import trafilatura  # here, not at the top: it takes a second to import, and most runs read no page
    from trafilatura.settings import set_date_params
    from trafilatura.utils import load_html

    page, warnings = decode_page(data, charset)
    if not WHOLE_PAGE.search(page):  # a fragment (a CMS's article body): trafilatura wants a page
        page = f"<html><body>{page}</body></html>"
    tree = load_html(page)
    if tree is None:
        return Skipped(source, NO_MAIN_TEXT)
    headings = _headings(tree)  # before extraction, which prunes the tree
    extracted = trafilatura.bare_extraction(
        tree,
        url=url,
        favor_precision=True,  # a page of links and menus gives no text, rather than its menus
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        include_formatting=False,
        with_metadata=True,
        # only dates the page's markup states: the extensive search takes "© 2024" for 2024-01-01
        date_extraction_params={**set_date_params(extensive=False), "outputformat": "%Y-%m-%d"},
    )
    if not isinstance(extracted, trafilatura.settings.Document) or extracted.body is None:
        return Skipped(source, NO_MAIN_TEXT)
    paragraphs = [p for p in _paragraphs(extracted.body) if p]
    if not paragraphs:
        return Skipped(source, NO_MAIN_TEXT)
    headline = _headline(headings, extracted.sitename) or extracted.title or None
    if headline and " ".join(paragraphs[0].split()) != headline:
        paragraphs.insert(0, headline)
    text = "\n\n".join(paragraphs) + "\n"
    return Document(
        source=source,
        text=text,
        title=headline or paragraphs[0],
        warnings=warnings,
        meta=_meta(url, extracted),
        format="html",
    )
