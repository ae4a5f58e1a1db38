"""HTML character references left in pasted text ("Monday&#8217;s", "&#8220;We will&#8221;",
"H&eacute;l&egrave;ne"), read as the characters they stand for, at the same offsets.

A CMS export or a copy from a page's source often keeps them. Each word holding one is written
with the characters in place and padded with blanks to its old length, so that every offset of
the file still holds: a mark before a word is set right before the word ("      “Before"), one
after it right after it ("Monday,”      "), and a word with one inside is read whole
("company’s" and blanks).
"""

from __future__ import annotations

import html

import regex

REFERENCE = regex.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
ALNUM = regex.compile(r"[\p{L}\p{N}]")
NOT_SPACE = regex.compile(r"\S*")


def _decoded(text: str) -> str:
    """`text` with its references as characters; a no-break space is a space."""
    return REFERENCE.sub(lambda ref: html.unescape(ref.group()), text).replace("\xa0", " ")


def _word_read(word: str) -> str:
    """One word of the file as read, of the same length: its leading marks right before its
    letters, its letters from where they start, its trailing marks right after them."""
    masked = REFERENCE.sub(lambda ref: "&" * len(ref.group()), word)  # a reference's own letters are none of the word's
    letters = [m.start() for m in ALNUM.finditer(masked)]
    if not letters:
        read = _decoded(word)
        return read + " " * (len(word) - len(read))
    first, last = letters[0], letters[-1] + 1
    lead, core, trail = _decoded(word[:first]), _decoded(word[first:last]), _decoded(word[last:])
    read = " " * (first - len(lead)) + lead + core + trail
    return read + " " * (len(word) - len(read))


def references_read(text: str) -> str | None:
    """`text` with its character references read (see the module), or None when it has none
    that stand for a shorter text."""
    if "&" not in text:
        return None
    pieces: list[str] = []
    done = 0
    for reference in REFERENCE.finditer(text):
        if reference.start() < done:
            continue  # in the word read already
        start = reference.start()
        while start > done and not text[start - 1].isspace():
            start -= 1
        found = NOT_SPACE.match(text, reference.end())
        end = found.end() if found is not None else reference.end()
        pieces += [text[done:start], _word_read(text[start:end])]
        done = end
    read = "".join([*pieces, text[done:]])
    return read if read != text and len(read) == len(text) else None
