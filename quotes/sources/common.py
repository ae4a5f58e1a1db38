"""What every reader in `sources/` shares: the errors, a skipped file, decoding plain bytes, binary sniffing."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

BINARY_SNIFF_BYTES = 8192


class SourceError(ValueError):
    """A path the user gave cannot be read at all."""


@dataclass(frozen=True)
class Skipped:
    """A source that gives no document, and why (one warning line)."""

    source: str
    reason: str


def decode(data: bytes) -> tuple[str, tuple[str, ...]]:
    """Bytes -> text, with a warning when the bytes were not UTF-8."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), ()
    except UnicodeDecodeError as err:
        warning = f"not UTF-8 (byte {err.start}); decoded as cp1252"
    try:
        return data.decode("cp1252"), (warning,)
    except UnicodeDecodeError:
        return data.decode("latin-1"), (warning.replace("cp1252", "Latin-1"),)


def looks_binary(data: bytes) -> bool:
    head = data[:BINARY_SNIFF_BYTES]
    if b"\x00" in head:
        return True
    control = sum(b < 32 and b not in (9, 10, 12, 13, 27) for b in head)
    return bool(head) and control / len(head) > 0.1


def title_of(text: str) -> str:
    """The first non-empty line is an article's title."""
    return next((line.strip() for line in text.splitlines() if line.strip()), "")


def _escaped(char: str) -> str:
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that is not UTF-8, as the OS hands it over
        return f"\\x{code - 0xDC00:02x}"
    if unicodedata.category(char) in ("Cc", "Cs"):  # a newline would split a linter line
        return char.encode("unicode_escape").decode("ascii")
    return char


def shown_name(name: str) -> str:
    """A file name as one line of text that any output can hold: bytes that are not UTF-8 as `\\xNN`,
    control characters as `\\n`, `\\x1b`. Files are opened by the name as given; records and
    messages carry this one."""
    return name if name.isprintable() else "".join(map(_escaped, name))
