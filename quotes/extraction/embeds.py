"""Embedded social-media posts: the post text, then its platform's signature ("— Display Name (@handle) August 7, 2024")."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

import regex

from quotes.extraction.layout import Paragraph, paragraphs
from quotes.models import QuoteSpan
from quotes.rules import patterns_dir, read_toml
from quotes.text.words import trimmed

WIDE_GAP = 3  # newlines: a post's own paragraphs are copied with two or more blank lines between


@lru_cache(maxsize=1)
def signature_patterns() -> tuple[regex.Pattern[str], ...]:
    """The signature patterns of quote_marks.toml [embeds], their {pieces} written in."""
    embeds = read_toml(patterns_dir() / "quote_marks.toml").get("embeds", {})
    pieces = {key: embeds[key] for key in ("between", "handle", "platform", "date")}  # "between" holds {platform}

    def written(pattern: str) -> str:
        for key, piece in pieces.items():
            pattern = pattern.replace("{" + key + "}", piece)
        return pattern

    return tuple(regex.compile(written(written(signature))) for signature in embeds["signatures"])


def _signatures(text: str) -> list[regex.Match[str]]:
    """Every platform's signature lines, in the order they stand."""
    return sorted((m for pattern in signature_patterns() for m in pattern.finditer(text)), key=lambda m: m.start())


@lru_cache(maxsize=8)
def embeds_pattern(key: str) -> regex.Pattern[str]:
    """The pattern `key` of quote_marks.toml [embeds], compiled once."""
    embeds = read_toml(patterns_dir() / "quote_marks.toml").get("embeds", {})
    return regex.compile(embeds[key])


def blockquote_signature() -> regex.Pattern[str]:
    return embeds_pattern("blockquote_signature")


def quote_signature() -> regex.Pattern[str]:
    return embeds_pattern("quote_signature")


def find_signed_quotes(text: str, spans: list[QuoteSpan]) -> list[QuoteSpan]:
    """Quotes printed alone on a line and signed on the next ("— Name, role", after a blank line
    or not): each is the signer's words, `embed_author` the name, and so are the paragraphs of a
    multi-paragraph quote that ends there, each alone on its line. A line may add a short note
    after the closing mark ("(tr.)")."""
    found: list[QuoteSpan] = []
    for index, span in enumerate(spans):
        line_end = _line_end(text, span.end)
        after = text[span.end + len(span.close_mark) : line_end]
        if span.depth or not span.closed or not _alone_on_its_line(text, span) or not SHORT_NOTE.fullmatch(after):
            continue
        signature = _signature_after(text, line_end)
        if signature is None:
            continue
        chain = [span]
        while chain[0].continues and index - len(chain) >= 0:
            earlier = spans[index - len(chain)]
            if earlier.depth or not _alone_on_its_line(text, earlier):
                break
            chain.insert(0, earlier)
        found.extend(replace(s, embed_author=signature[2]) for s in chain)
    return found


def _signature_after(text: str, line_end: int) -> tuple[int, int, str] | None:
    """(start, end, name) of the signature line after the line ending at `line_end`, past blank
    lines (Markdown needs one)."""
    start = line_end + 1
    while start < len(text) and text[start] in "\r\n":
        start += 1
    end = _line_end(text, start)
    signature = quote_signature().fullmatch(text[start:end]) if start < len(text) else None
    return (start, end, signature.group("name").strip()) if signature is not None else None


def _alone_on_its_line(text: str, span: QuoteSpan) -> bool:
    line_start = text.rfind("\n", 0, span.start) + 1
    return not text[line_start : span.start - len(span.open_mark)].strip()


def signature_lines(text: str, signed: list[QuoteSpan]) -> list[tuple[int, int]]:
    """The lines that sign `find_signed_quotes`'s quotes: no dialogue dash opens a quote there."""
    signatures = (_signature_after(text, _line_end(text, span.end)) for span in signed)
    return sorted({(start, end) for start, end, _ in (s for s in signatures if s is not None)})


SHORT_NOTE = regex.compile(r"[\s.,]*(?:\([^()\n]{1,20}\)[\s.]*)?")  # "(tr.)" after a quote's closing mark


def _line_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    return len(text) if end < 0 else end


BLOCKQUOTE_LINE = regex.compile(r"(?m)^[ \t]{0,3}>[ \t]?(?P<text>[^\n]*)$")


def find_signed_blockquotes(text: str) -> list[QuoteSpan]:
    """Blockquotes whose last line signs them ("> — Name, title"): the lines above, from the first
    word to the last, are the signer's words, a quote for each of their paragraphs (a bare ">"
    line parts two); `embed_author` holds the name."""
    found: list[QuoteSpan] = []
    for signature in blockquote_signature().finditer(text):
        paragraphs: list[list[int]] = []  # [start, end] of each paragraph, last first
        gap = True
        cursor = signature.start()
        while cursor > 0:  # walk up through the blockquote's lines
            line_start = text.rfind("\n", 0, cursor - 1) + 1
            line = BLOCKQUOTE_LINE.match(text, line_start, cursor - 1 if text[cursor - 1] == "\n" else cursor)
            if line is None:
                break
            if not line.group("text").strip():
                gap = True
            elif gap:
                paragraphs.append([line.start("text"), line.end("text")])
                gap = False
            else:
                paragraphs[-1][0] = line.start("text")
            cursor = line_start
        author = signature.group("name").strip()
        for i, (start, end) in enumerate(reversed(paragraphs)):
            start, end = trimmed(text, start, end)
            if start < end:
                found.append(QuoteSpan(start, end, text[start:end], embed_author=author, continues=i > 0))
    return found


def _blockquote_paragraphs(text: str) -> list[list[tuple[int, int]]]:
    """Each blockquote ("> " lines with nothing between) as its paragraphs (a bare ">" line parts
    two), each from its first character after the ">" to its line's end."""
    blocks: list[list[tuple[int, int]]] = []
    for run in _line_runs(BLOCKQUOTE_LINE, text):
        block: list[tuple[int, int]] = []
        paragraph: tuple[int, int] | None = None
        for line in run:
            if not line.group("text").strip():
                if paragraph is not None:
                    block.append(paragraph)
                paragraph = None
                continue
            paragraph = (paragraph[0] if paragraph is not None else line.start("text"), line.end("text"))
        if paragraph is not None:
            block.append(paragraph)
        if block:
            blocks.append(block)
    return blocks


def find_introduced_blockquotes(text: str, shown: str, marked: list[QuoteSpan]) -> list[QuoteSpan]:
    """The paragraphs of each blockquote that a line ending in a colon introduces ("Thorsrud
    replied:", "Her answer, in full:", "On Tue, 3 March 2026, Jane Roe wrote:"): words quoted
    without marks, whose speaker the introduction names. A blockquote holding quotes in marks
    (`marked`) is left to them. `shown` is the text as read (Markdown blanked), at the same offsets."""
    found: list[QuoteSpan] = []
    for block in _blockquote_paragraphs(text):
        before = text[: text.rfind("\n", 0, block[0][0]) + 1].rstrip()
        introduction = before[before.rfind("\n") + 1 :]
        if not introduction.endswith(":") or BLOCKQUOTE_LINE.match(introduction):
            continue
        if any(block[0][0] <= span.start < block[-1][1] for span in marked):
            continue
        for i, (start, end) in enumerate(block):
            if blockquote_signature().match(text, text.rfind("\n", 0, start) + 1):
                continue  # "> — Name (@handle) Date" signs the words above; it says nothing
            start, end = trimmed(shown, start, end)
            if start < end:
                found.append(QuoteSpan(start, end, shown[start:end], continues=i > 0))
    return found


QUOTED_LINE = regex.compile(r"(?m)^[ \t]{0,3}(?:>[ \t]?)+(?P<text>[^\n]*)$")


def email_patterns() -> tuple[regex.Pattern[str], regex.Pattern[str], regex.Pattern[str]]:
    """(sign-off, sender's name line, "On ..., Name wrote:" header) from quote_marks.toml [embeds]."""
    return embeds_pattern("email_signoff"), embeds_pattern("email_sender"), embeds_pattern("email_header")


def find_pasted_emails(text: str) -> list[QuoteSpan]:
    """E-mails pasted as blockquotes ("> Hi Dan, ... > Best, > Marisol Vega"): each message, from
    its first word to the line before its sign-off, is a post by the name under the sign-off; a
    message quoted after "On ..., Dan Ferris <dan@example.org> wrote:" is that writer's."""
    signoff, sender, header = email_patterns()
    found: list[QuoteSpan] = []
    for block in _line_runs(QUOTED_LINE, text):
        messages: list[tuple[list[regex.Match[str]], str | None]] = [([], None)]
        for line in block:
            written = header.match(line.group("text").strip())
            if written is not None:
                messages.append(([], written.group("name")))
            else:
                messages[-1][0].append(line)
        for lines, author in messages:
            said = [line.group("text").strip() for line in lines]
            end = len(lines)
            for i, words in enumerate(said[:-1]):
                name = next((w for w in said[i + 1 :] if w), "")
                if signoff.match(words) and sender.match(name):
                    end, author = i, author or name
                    break
            body = [line for line in lines[:end] if line.group("text").strip()]
            if author is None or not body:
                continue
            start, stop = body[0].start("text"), body[-1].end("text")
            found.append(QuoteSpan(start, stop, text[start:stop], embed_author=author))
    return found


def _line_runs(line: regex.Pattern[str], text: str) -> list[list[regex.Match[str]]]:
    """Runs of the lines `line` matches ("> " lines), with nothing between them."""
    runs: list[list[regex.Match[str]]] = []
    for found in line.finditer(text):
        if runs and text[runs[-1][-1].end() : found.start()] == "\n":
            runs[-1].append(found)
        else:
            runs.append([found])
    return runs


def clean_display_name(name: str) -> str:
    """Drop emoji and flags (often copied as "????") around a display name; of the parts a bar
    splits it into, keep the name: the first part of two words or more, each capitalised and
    no acronym ("Vitalii Hordiienko | Solonivka RMA", "MoTC Spokesman | Yousef Abu Haidar",
    "Akim of Akzhar | Yerlan Bekturov", "Energy Ministry | Official")."""
    parts = [[w for w in part.split() if any(c.isalnum() for c in w)] for part in name.split("|")]
    parts = [words for words in parts if words]
    named = [words for words in parts if len(words) > 1 and all(NAME_WORD.fullmatch(w) for w in words)]
    return " ".join(named[0] if named else [w for words in parts for w in words])


NAME_WORD = regex.compile(r"\p{Lu}[\p{Ll}'’.]*(?:-\p{Lu}?[\p{Ll}'’.]*)*")


POST_PARAGRAPHS = 6  # a post's own paragraphs, after a line introducing it, looked back over


def _after_its_introduction(text: str, paras: list[Paragraph], first: int, floor: int) -> int:
    """ "Whitfield made the admission in a LinkedIn post ...:" then three paragraphs and the
    signature: the post is every paragraph after the line that introduces it with a colon."""
    for j in range(first, max(0, first - POST_PARAGRAPHS), -1):
        before = paras[j - 1]
        if before.end <= floor:
            break
        if text[before.start : before.end].rstrip().endswith(":"):
            return j
    return first


def _under_a_quote_label(text: str, match: regex.Match[str]) -> int | None:
    """Where the "Quote" line above an author line starts, when one stands right above it."""
    above_end = text.rfind("\n", 0, match.start())
    if above_end < 0:
        return None
    above_start = text.rfind("\n", 0, above_end) + 1
    return above_start if embeds_pattern("quoted_post_label").match(text[above_start:above_end]) else None


def _post(text: str, match: regex.Match[str], start: int, end: int) -> QuoteSpan:
    return QuoteSpan(
        start,
        end,
        text[start:end],
        embed_author=clean_display_name(match.group("name")) or match.groupdict().get("handle"),
        embed_handle=match.groupdict().get("handle"),
    )


def find_embeds(text: str, paras: list[Paragraph] | None = None) -> list[QuoteSpan]:
    """Every embedded post in `text`, with its author's display name and handle; a post that
    quotes another gives two, the quoted one under its author line."""
    paras = paragraphs(text) if paras is None else paras
    found: list[QuoteSpan] = []
    previous_signature_end = 0
    header: tuple[regex.Match[str], int] | None = None  # a quoted post's author line, and its "Quote" line
    for match in _signatures(text):
        label = _under_a_quote_label(text, match)
        if label is not None and header is None:
            header = (match, label)
            continue
        quoted: QuoteSpan | None = None
        if header is not None:  # the quoted post runs from under its author line to this signature
            inner_start, inner_end = trimmed(text, header[0].end(), match.start())
            quoted = _post(text, header[0], inner_start, inner_end) if inner_start < inner_end else None
        end = header[1] if header is not None else match.start()
        header = None
        while end < match.end() and text[end] in " \t":
            end += 1  # an indented signature line ("  — u/gravelgrandpa", a blockquote's blanked ">")
        index = next((i for i, p in enumerate(paras) if p.start <= end <= p.end), None)
        if index is None:
            continue
        if not text[paras[index].start : end].strip() and index > 0:
            index -= 1  # the signature on a line of its own: the post is the paragraph above
        first = index
        while first > 0 and paras[first].gap_before >= WIDE_GAP and paras[first - 1].end > previous_signature_end:
            first -= 1
        first = _after_its_introduction(text, paras, first, previous_signature_end)
        start = max(paras[first].start, previous_signature_end)
        if start <= match.start("name") < end:  # the channel's name above its post ("Orda Insider")
            start = _line_end(text, match.start("name")) + 1
        start, end = trimmed(text, start, end)
        previous_signature_end = match.end()
        if start < end:
            found.append(_post(text, match, start, end))
        if quoted is not None:
            found.append(quoted)
    return found


def find_chat_messages(text: str) -> list[QuoteSpan]:
    """Chat messages pasted as the app shows them (Discord): the lines under a line of the sender's
    name and the time ("sofi — Today at 14:02"), up to a blank line or the next such line, are the
    sender's post."""
    header = embeds_pattern("chat_header")
    headers = list(header.finditer(text))
    found: list[QuoteSpan] = []
    for i, line in enumerate(headers):
        stop = headers[i + 1].start() if i + 1 < len(headers) else len(text)
        blank = regex.search(r"\n[ \t]*\n", text[line.end() : stop])
        end = line.end() + blank.start() if blank is not None else stop
        start, end = trimmed(text, line.end(), end)
        if start < end:
            found.append(QuoteSpan(start, end, text[start:end], embed_author=line.group("name")))
    return found if len(found) >= MIN_CHAT_MESSAGES else []


MIN_CHAT_MESSAGES = 2  # one "Name — Today at 14:02" line alone may be anything; two make a pasted chat
