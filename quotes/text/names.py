"""Names as keys: case-, accent- and transliteration-insensitive forms of people's names.

Pure string functions with no model behind them, shared by in-article resolution
(`speakers`), identities across articles (`identities`) and clustering (`clusters`).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import regex

# Spelling pairs that transliterations of one name swap: Costakis/Kostakis, Aleksei/Alexei, Tikhy/Tihy,
# Zelenskyy/Zelensky, Qadhafi/Gaddafi, Gaddour/Gaddur, Marzooqi/Marzouqi.
TRANSLITERATION_PAIRS = (
    ("c", "k"),
    ("ks", "x"),
    ("kh", "h"),
    ("dh", "d"),
    ("ck", "k"),
    ("ph", "f"),
    ("w", "v"),
    ("j", "y"),
    ("ie", "i"),
    ("q", "g"),
    ("ou", "u"),
    ("oo", "u"),
    # German umlauts written out: Kälin / Kaelin, Müller / Mueller, Schröder / Schroeder
    ("ae", "a"),
    ("oe", "o"),
    ("ue", "u"),
)
VOWEL_GLIDES = (("yy", "y"), ("iy", "i"), ("yi", "i"), ("ey", "i"), ("ei", "i"))
SLAVIC_YK = re.compile(r"(?<=[^aeiouy])yk$")  # Kowalczyk / Kowalczik, Melnyk / Melnik
ARABIC_ARTICLE = re.compile(r"^(?:al|el)[-‐‑](?=\w)", re.IGNORECASE)  # al-Marzooqi / Marzooqi / Al Marzouqi


@lru_cache(maxsize=1 << 16)
def fold(name: str) -> str:
    """Case-, accent- and punctuation-insensitive form of a name."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return " ".join("".join(c if c.isalnum() else " " for c in plain).split())


@lru_cache(maxsize=1 << 16)
def name_key(word: str) -> str:
    """A transliteration-insensitive key of one word: Zelensky/Zelenskiy/Zelenskyy, Aleksei/Alexei/Alexey."""
    key = fold(word).replace(" ", "")
    for old, new in TRANSLITERATION_PAIRS:
        key = key.replace(old, new)
    for old, new in VOWEL_GLIDES:
        key = key.replace(old, new)
    key = SLAVIC_YK.sub("ik", key)
    while key and key[-1] in "iy":
        key = key[:-1]
    return "".join(c for i, c in enumerate(key) if i == 0 or c != key[i - 1])


def identity_key(name: str) -> str:
    """The key of a whole name, word by word: "Alexei Smirnov" and "Aleksei Smirnov" share it."""
    return " ".join(name_key(ARABIC_ARTICLE.sub("", word)) for word in name.split())


def is_written_name(mention: str, pronouns: frozenset[str], particles: frozenset[str] = frozenset()) -> bool:
    """Whether a speaker mention is a name as written ("Matthew Mueller", "Ruiz de Alarcón"), not
    "he" or "the ministry". `particles`: cues.toml [speakers] name_particles."""
    words = mention.split()
    if not words or any(w.lower() in pronouns for w in words):
        return False
    return all(w[:1].isupper() or w.lower() in particles or w == "of" for w in words) and len(words[-1]) > 2


INITIAL = regex.compile(r"\p{Lu}\.")  # one letter and its stop: "R." of "Paul R. Hollister", "Marina K."
INITIALS = regex.compile(r"\p{Lu}[\p{Ll}\p{M}]*")  # "NordWest" is two words to its initials
ACRONYM_MAX = 8


def initials_of(a: str, b: str) -> bool:
    """Whether one name is the initials of the other's capitalised words: "MCA" of "Maritime and
    Coastguard Agency", "NWS" of "NordWest Schienennetz", and as some papers write them, "KeNHA"
    of "Kenya National Highways Authority" or "Phawu" of "Public Health and Allied Workers' Union"."""
    short, full = sorted((a.strip(), b.strip()), key=len)
    if " " in short or not short.isalpha() or not 2 <= len(short) <= ACRONYM_MAX or len(full.split()) < 2:
        return False
    initials = "".join(word[0] for word in INITIALS.findall(full))
    capitals = "".join(c for c in short if c.isupper())
    if short.isupper() or len(capitals) >= 2:
        return capitals == initials
    return len(initials) >= 4 and short.upper() == initials  # "Phawu": a word of its own
