"""What every reader in `sources/` shares: the errors, a skipped file, decoding plain bytes, binary sniffing."""

from __future__ import annotations

import codecs
import re
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


UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def decode(data: bytes) -> tuple[str, tuple[str, ...]]:
    """Bytes -> text, and a warning when they were not clean UTF-8. The text is what offsets index:
    a UTF-8 byte-order mark is not part of it, and UTF-16 with a byte-order mark is read as such.
    Text with UTF-8 characters in it and a few bad bytes is UTF-8, the bad bytes U+FFFD; text with
    none is cp1252 where it fits, else whatever charset charset-normalizer detects."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", "replace"), ()
    try:
        return data.decode("utf-8"), ()
    except UnicodeDecodeError as err:
        first_bad = err.start
    if UTF8_MULTIBYTE.search(data):
        text = data.decode("utf-8", "replace")
        replaced = text.count("\ufffd") - data.decode("utf-8", "ignore").count("\ufffd")
        return text, (f"{replaced} bad byte{'s' if replaced != 1 else ''} in UTF-8 (first at byte {first_bad}), replaced",)
    try:
        return data.decode("cp1252"), (f"not UTF-8 (byte {first_bad}); decoded as cp1252",)
    except UnicodeDecodeError:
        return _detected(data, first_bad)


def _detected(data: bytes, first_bad: int) -> tuple[str, tuple[str, ...]]:
    from charset_normalizer import from_bytes  # only for text that is neither UTF-8 nor cp1252

    best = from_bytes(data).best()
    if best is not None and best.encoding not in ("utf_8", "ascii"):
        try:
            return data.decode(best.encoding), (f"not UTF-8 (byte {first_bad}); decoded as {best.encoding}",)
        except (UnicodeDecodeError, LookupError):
            pass
    return data.decode("cp1252", "replace"), (f"not UTF-8 (byte {first_bad}); decoded as cp1252, undefined bytes replaced",)


def looks_binary(data: bytes) -> bool:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False  # UTF-16 text: its NUL bytes are half of every ASCII character
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
