"""Markdown: a .md file's text with its syntax made spaces, so every offset, line and column stays
that of the file as read.

    text -> markdown-it tokens -> the words of each block found again in the file -> the rest blanked

What stays is what a reader of the rendered page reads: paragraph, heading, list and table text,
a link's text (`[Volodymyr Zelensky](url)` keeps the name in its place), a blockquote's lines
(its signature line "— Name" too). What becomes spaces: emphasis and heading marks, list bullets,
blockquote `>`s, link URLs and titles, images (alt text and all), code spans, fenced and indented
code, HTML blocks, tags and comments, reference definitions, and the line breaks inside a
paragraph (a hard-wrapped paragraph is one line, as the page shows it). Every other line break
stays. Escapes keep the escaped character; an entity (`&amp;`) becomes its character, then spaces.

markdown-it gives each block its lines but no columns inside them, so the words of each inline
token are looked for in order from where the last one ended, within the block's lines.

A .md file is Markdown by its name. A .txt file is Markdown when its first SNIFF_CHARS show at
least MIN_MARKDOWN_SIGNS kinds of what plain text does not hold (a `# ` heading, a [link](url),
an image, **strong emphasis**, a code fence, a `>` blockquote): a blog post saved as text reads as
its page does. The signs are looked for by regex: parsing every text file would cost seconds.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import regex
from markdown_it import MarkdownIt
from markdown_it.helpers import parseLinkDestination, parseLinkTitle
from markdown_it.token import Token

LINE_BREAK = regex.compile(r"\r\n|\r|\n")
SPACE = regex.compile(r"[ \t]*(?:(?:\r\n|\r|\n)[ \t]*)?")  # spaces, and at most one line break, in a link's (...)
NOT_LINE_BREAK = regex.compile(r"[^\r\n]")
EMPHASIS_TOKENS = frozenset({"em_open", "em_close", "strong_open", "strong_close", "s_open", "s_close"})
MIN_MARKDOWN_SIGNS = 2
SNIFF_CHARS = 20_000
MARKDOWN_SIGNS = (
    regex.compile(r"(?m)^[ \t]{0,3}#{1,6}[ \t]+\S"),  # a heading
    regex.compile(r"(?<!!)\[[^\]\n]+\]\([^()\s]+(?:[ \t]+\"[^\"\n]*\")?\)"),  # a [link](url)
    regex.compile(r"!\[[^\]\n]*\]\([^()\s]+"),  # an image
    regex.compile(r"(?<![\w*])\*\*[^\s*][^*\n]*(?<=\S)\*\*(?![\w*])|(?<![\w_])__[^\s_][^_\n]*(?<=\S)__(?![\w_])"),  # strong
    regex.compile(r"(?m)^[ \t]{0,3}(?:```|~~~)"),  # a code fence
    regex.compile(r"(?m)^[ \t]{0,3}>[ \t]?\S"),  # a blockquote
)


@cache
def _parser() -> MarkdownIt:
    # text_join would merge escapes and entities into the text around them: kept apart, every
    # text token is the file's own characters
    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).disable("text_join")


class _Blanking:
    """The text being built: spaces and line breaks, with what is read revealed from the source."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.chars = list(NOT_LINE_BREAK.sub(" ", source))
        self.cursor = 0

    def reveal(self, start: int, end: int) -> None:
        self.chars[start:end] = self.source[start:end]

    def skip_to(self, found: str, limit: int) -> int | None:
        """Where `found` starts, from the cursor on (the cursor moves past it), or None."""
        at = self.source.find(found, self.cursor, limit)
        if at < 0:
            return None
        self.cursor = at + len(found)
        return at

    def join_lines(self, limit: int) -> None:
        """A paragraph's line break (and a blockquote's `>` after it) made spaces: the lines run on."""
        found = LINE_BREAK.search(self.source, self.cursor, limit)
        if found is not None:
            self.chars[found.start() : found.end()] = " " * (found.end() - found.start())
            self.cursor = found.end()

    def skip_code_span(self, markup: str, limit: int) -> None:
        """Past a code span opened by `markup` (a run of backticks) and closed by a run as long."""
        if self.skip_to(markup, limit) is None:
            return
        closing = regex.compile(rf"(?<!`){regex.escape(markup)}(?!`)").search(self.source, self.cursor, limit)
        if closing is not None:
            self.cursor = closing.end()

    def skip_destination(self, limit: int) -> None:
        """Past the `](url "title")`, `][ref]` or `]` that ends a link's or an image's text."""
        if self.skip_to("]", limit) is None:
            return
        source, at = self.source, self.cursor
        if source.startswith("[", at):
            end = source.find("]", at, limit)
            self.cursor = end + 1 if end >= 0 else at
        elif source.startswith("(", at):
            at = _space_end(source, at + 1, limit)
            destination = parseLinkDestination(source, at, limit)
            at = _space_end(source, destination.pos if destination.ok else at, limit)
            title = parseLinkTitle(source, at, limit)
            at = _space_end(source, title.pos if title.ok else at, limit)
            if source.startswith(")", at):
                self.cursor = at + 1

    def walk(self, children: Sequence[Token], limit: int, visible: bool = True) -> None:
        """Move through an inline token's children, revealing their text when `visible`."""
        in_autolink = False
        for token in children:
            kind = token.type
            if in_autolink:
                in_autolink = kind != "link_close"
                continue
            if kind == "text" and token.content:
                at = self.skip_to(token.content, limit)
                if at is not None and visible:
                    self.reveal(at, self.cursor)
            elif kind == "text_special":
                at = self.skip_to(token.markup, limit)
                if at is not None and visible:
                    self._special(token, at)
            elif kind == "softbreak":
                self.join_lines(limit)
            elif kind == "code_inline":
                self.skip_code_span(token.markup, limit)
            elif kind in EMPHASIS_TOKENS or kind == "html_inline":
                self.skip_to(token.markup or token.content, limit)
            elif kind == "link_open" and token.markup == "autolink":  # <http://...>: a URL, not text
                self.skip_to("<", limit)
                self.skip_to(">", limit)
                in_autolink = True
            elif kind == "link_open":
                self.skip_to("[", limit)
            elif kind == "link_close":
                self.skip_destination(limit)
            elif kind == "image" and self.skip_to("![", limit) is not None:
                self.walk(token.children or [], limit, visible=False)
                self.skip_destination(limit)

    def _special(self, token: Token, at: int) -> None:
        if token.info == "escape":  # "\*": the star is text, the backslash is not
            self.reveal(at + 1, at + len(token.markup))
        elif len(token.content) <= len(token.markup):  # an entity: its character, in its place
            self.chars[at : at + len(token.content)] = token.content


def _space_end(source: str, at: int, limit: int) -> int:
    found = SPACE.match(source, at, limit)
    return found.end() if found else at


def _line_starts(text: str) -> list[int]:
    return [0, *(m.end() for m in LINE_BREAK.finditer(text)), len(text) + 1]


def markdown_text(text: str) -> str:
    """`text` (Markdown) with its syntax made spaces: the same length, each paragraph on one line."""
    return _blanked(text, _parser().parse(text))


def markdown_in(text: str) -> str | None:
    """`text` with its syntax made spaces when it looks like Markdown (see above), else None."""
    head = text[:SNIFF_CHARS]
    signs = sum(1 for sign in MARKDOWN_SIGNS if sign.search(head))
    return markdown_text(text) if signs >= MIN_MARKDOWN_SIGNS else None


# Two lines or more in a row that open with ">": the quoted lines of an e-mail reply or a
# forwarded letter in plain text (">>" opens a speaker's turn in TV captions instead)
QUOTED_LINES = regex.compile(r"(?m)(?:^[ \t]{0,3}>(?!>)[^\r\n]*(?:\r\n|\r|\n)){1,}^[ \t]{0,3}>(?!>)[^\r\n]*$")
QUOTED_LINE_MARK = regex.compile(r"(?m)^[ \t]{0,3}>[ \t]?")


def quoted_lines_blanked(text: str) -> str | None:
    """Plain text with the ">" that opens each quoted line of an e-mail made spaces, so that a
    quoted letter reads as the words it holds; None when no two lines in a row open so."""
    if not QUOTED_LINES.search(text):
        return None

    def blank(block: regex.Match[str]) -> str:
        return QUOTED_LINE_MARK.sub(lambda mark: " " * len(mark.group()), block.group())

    return QUOTED_LINES.sub(blank, text)


def _blanked(text: str, tokens: Sequence[Token]) -> str:
    blanking = _Blanking(text)
    starts = _line_starts(text)
    block_lines: list[int] | None = None
    for token in tokens:
        if token.map is not None:
            block_lines = token.map  # a table cell has none: its row's
        if token.type != "inline" or block_lines is None:
            continue
        first, last = block_lines
        limit = min(starts[min(last, len(starts) - 1)], len(text))
        blanking.cursor = max(blanking.cursor, starts[first])
        blanking.walk(token.children or [], limit)
    return "".join(blanking.chars)
