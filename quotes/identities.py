"""Speaker identities across articles: one person, one name, whatever the spelling.

Known people and organisations come from `patterns/speakers.toml` and from the user's own
files (`--speakers`), which win. Matching is transliteration-insensitive (`name_key`), so
Zelensky, Zelenskiy and Zelenskyy all link to one entry.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

from quotes.models import Quote, Speaker, SpeakerKind
from quotes.rules import RulesError, patterns_dir, read_toml
from quotes.speakers import name_key

SPEAKER_KINDS: tuple[SpeakerKind, ...] = ("person", "organisation", "group")


def identity_key(name: str) -> str:
    return " ".join(name_key(word) for word in name.split())


@dataclass(frozen=True)
class SpeakerDirectory:
    speakers: tuple[Speaker, ...] = ()
    by_key: dict[str, Speaker] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()

    def find(self, name: str) -> Speaker | None:
        return self.by_key.get(identity_key(name))

    def link(self, quote: Quote) -> Quote:
        """The quote with its speaker replaced by the canonical identity, when one is known."""
        if not quote.speaker:
            return quote
        known = self.find(quote.speaker)
        if known is None:
            return quote
        kind = known.kind if known.kind != "unknown" else quote.speaker_kind
        return replace(quote, speaker=known.name, speaker_kind=kind, speaker_id=known.id)


def _speakers_from(path: Path) -> list[Speaker]:
    data = read_toml(path)
    entries = data.get("speaker", [])
    if not isinstance(entries, list):
        raise RulesError(f"{path}: [[speaker]] entries expected")
    speakers: list[Speaker] = []
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str) or not entry["name"].strip():
            raise RulesError(f"{path}: speaker entry {number} needs a name")
        kind = entry.get("kind", "person")
        if kind not in SPEAKER_KINDS:
            raise RulesError(f"{path}: speaker {entry['name']!r} has kind {kind!r}; use one of {', '.join(SPEAKER_KINDS)}")
        speakers.append(
            Speaker(
                name=entry["name"].strip(),
                kind=kind,
                aliases=tuple(str(a) for a in entry.get("aliases", [])),
                titles=tuple(str(t) for t in entry.get("titles", [])),
                id=entry.get("id"),
            )
        )
    return speakers


@cache
def load_directory(extra_files: tuple[Path, ...] = ()) -> SpeakerDirectory:
    """Built-in speakers, then the user's files; later entries win on a shared alias."""
    by_key: dict[str, Speaker] = {}
    warnings: list[str] = []
    speakers: list[Speaker] = []
    for path in (patterns_dir() / "speakers.toml", *extra_files):
        owner: dict[str, str] = {}
        for speaker in _speakers_from(path):
            speakers.append(speaker)
            for name in (speaker.name, *speaker.aliases):
                key = identity_key(name)
                if key in owner and owner[key] != speaker.name:
                    warnings.append(f"{path}: alias {name!r} is listed for both {owner[key]!r} and {speaker.name!r}")
                owner[key] = speaker.name
                by_key[key] = speaker
    return SpeakerDirectory(tuple(speakers), by_key, tuple(warnings))
