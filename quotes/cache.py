"""A cache of what was extracted from each source file, so `quotes check` does not parse sources twice.

An entry is the JSON of one file's quotes (`Quote.to_record()`), stored under a key that hashes the
file's bytes and how it was read (as text or as HTML) together with everything else that changes
the result: the package and spaCy versions, the package's own files (an edited checkout misses
too), the model asked for (and the installed versions of the default models), the files in
`patterns/` and the user's speakers files. Change any of them and every entry misses; nothing
goes stale.

Entries are written to a temporary file and moved into place with `os.replace`, so two hooks
running at once never see half an entry. An entry that does not parse is a miss, and is rewritten.

Where: `QUOTES_CACHE_DIR`, else `cache_dir` from the settings file, else `$XDG_CACHE_HOME/quotes`,
else `~/.cache/quotes`. Entries live in the `quotes-sources/` folder inside it, which holds a
`CACHEDIR.TAG` marker; the cache writes, counts and clears only its own entry and temporary names
there, and refuses a folder of that name without the marker (the cache folder may be a newsroom's
repository: `cache_dir = "."`).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

import spacy

from quotes import __version__
from quotes.extraction.parse import DEFAULT_MODELS
from quotes.models import SPEAKER_KINDS, STORED_KINDS, Quote
from quotes.output.files import atomic_write_text, is_temp_name
from quotes.rules import patterns_dir
from quotes.sources.files import read_regular

# 5: transcript turns are stored ("turn"); 4: a page's offsets are into its main text. Bump when
# the entry layout or the meaning of a field changes.
CACHE_FORMAT = 5
CACHE_DIR_VARIABLE = "QUOTES_CACHE_DIR"
ENTRIES_FOLDER = "quotes-sources"
ENTRY_SUFFIX = ".json"
ENTRY_NAME = re.compile(r"[0-9a-f]{64}\.json")
MARKER = "CACHEDIR.TAG"  # https://bford.info/cachedir/: backup tools skip the folder too
MARKER_TEXT = "Signature: 8a477f597d28d172789f06886806bc55\n# The source cache of `quotes check`.\n"
INT_FIELDS = ("start", "end", "line")
PACKAGE_DIR = Path(__file__).resolve().parent
MAX_COUNT = 2**62  # offsets and line numbers beyond this are not from a real file
OPTIONAL_TEXT_FIELDS = ("speaker", "speaker_mention", "cue", "via", "speaker_id", "cluster", "rule")


class CorruptEntry(ValueError):
    """A cache entry that is not the JSON of a list of quote records."""


class NotACache(OSError):
    """A folder where the cache would be that the cache did not make (it has no marker)."""


# --- where -------------------------------------------------------------------------------------


class CacheDirError(ValueError):
    """A cache folder setting that names no usable folder (an unknown user's ~, a NUL byte)."""


def cache_root(configured: Path | None = None, environ: Mapping[str, str] | None = None) -> Path:
    """The cache folder: QUOTES_CACHE_DIR, else the configured one, else the XDG cache home."""
    env = os.environ if environ is None else environ
    if env.get(CACHE_DIR_VARIABLE):
        return _expanded(Path(env[CACHE_DIR_VARIABLE]), CACHE_DIR_VARIABLE)
    if configured is not None:
        return _expanded(configured, "cache_dir")
    base = env.get("XDG_CACHE_HOME") or str(_expanded(Path("~/.cache"), "the home folder"))
    return Path(base) / "quotes"


def _expanded(path: Path, where: str) -> Path:
    if "\0" in str(path):
        raise CacheDirError(f"{where}: a NUL byte in the cache folder {str(path)!r}")
    try:
        return path.expanduser()
    except RuntimeError as err:  # ~nouser, or no home folder at all
        raise CacheDirError(f"{where}: cannot find the home folder in {str(path)!r}") from err


# --- what the key depends on -------------------------------------------------------------------


def _installed_version(distribution: str) -> str:
    for name in (distribution, distribution.replace("_", "-")):
        with contextlib.suppress(metadata.PackageNotFoundError):
            return metadata.version(name)
    return "-"


def _file_digest(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return "unreadable"


def _folder_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(f"{path.relative_to(folder).as_posix()}\0{_file_digest(path)}\n".encode())
    return digest.hexdigest()


def _model_version(name: str) -> str:
    """An installed model package's version, or the digest of a model folder's meta.json."""
    meta = Path(name).expanduser() / "meta.json"
    return _file_digest(meta) if meta.is_file() else _installed_version(name)


def fingerprint(model: str | None, speakers_files: Iterable[Path] = ()) -> str:
    """A hash of everything besides a source's own bytes that changes what is extracted from it."""
    models = (model,) if model else DEFAULT_MODELS
    parts = [
        f"format={CACHE_FORMAT}",
        f"quotes={__version__}",
        f"spacy={spacy.about.__version__}",
        *(f"model={name}@{_model_version(name)}" for name in models),
        f"patterns={_folder_digest(patterns_dir())}",
        f"code={_folder_digest(PACKAGE_DIR)}",  # a source checkout's edits change results as a new version would
        *(f"speakers={_file_digest(Path(path))}" for path in speakers_files),
    ]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


# --- records -----------------------------------------------------------------------------------


def _is_count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_COUNT


def quote_from_record(record: Any, source: str | None = None) -> Quote:
    """The inverse of `Quote.to_record()`; `source` renames the file (entries are keyed by content)."""
    if not isinstance(record, dict):
        raise CorruptEntry("a quote record is not an object")
    if record.get("type") not in STORED_KINDS or not isinstance(record.get("text"), str):
        raise CorruptEntry("a quote record has no kind or text")
    if not all(_is_count(record.get(name)) for name in INT_FIELDS):
        raise CorruptEntry("a quote record has no offsets")
    if not all(isinstance(record.get(name), str | None) for name in OPTIONAL_TEXT_FIELDS):
        raise CorruptEntry("a quote record has a field of the wrong type")
    if record.get("paragraph") is not None and not _is_count(record["paragraph"]):
        raise CorruptEntry("a quote record has a paragraph that is not a number")
    kind = record.get("speaker_kind", "unknown")
    return Quote(
        source=source if source is not None else str(record.get("source", "")),
        start=record["start"],
        end=record["end"],
        text=record["text"],
        kind=record["type"],
        speaker=record.get("speaker"),
        speaker_mention=record.get("speaker_mention"),
        cue=record.get("cue"),
        line=record["line"],
        paragraph=record.get("paragraph"),
        via=record.get("via"),
        speaker_kind=kind if kind in SPEAKER_KINDS else "unknown",
        speaker_id=record.get("speaker_id"),
        cluster=record.get("cluster"),
        rule=record.get("rule"),
    )


def _entry_text(key: str, quotes: list[Quote]) -> str:
    return json.dumps({"format": CACHE_FORMAT, "key": key, "quotes": [q.to_record() for q in quotes]}, ensure_ascii=False)


def _quotes_of_entry(text: str, key: str, source: str) -> list[Quote]:
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as err:  # bad JSON, a 5,000-digit number, [[[[... nested too deep
        raise CorruptEntry(type(err).__name__) from err
    if not isinstance(data, dict) or data.get("key") != key or not isinstance(data.get("quotes"), list):
        raise CorruptEntry("not a cache entry for this key")
    return [quote_from_record(record, source) for record in data["quotes"]]


# --- the cache ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class SourceCache:
    """Quotes by source content, for one fingerprint (one model, rules and speakers setting)."""

    root: Path
    fingerprint: str

    @property
    def folder(self) -> Path:
        return self.root / ENTRIES_FOLDER

    def key(self, content: bytes, reading: str) -> str:
        """The entry's key: the fingerprint, how the file was read ("text", "html") and its bytes."""
        head = f"{self.fingerprint}\0{reading}\0".encode()
        return hashlib.sha256(head + hashlib.sha256(content).digest()).hexdigest()

    def path(self, content: bytes, reading: str) -> Path:
        return self.folder / f"{self.key(content, reading)}{ENTRY_SUFFIX}"

    def load(self, content: bytes, reading: str, source: str) -> list[Quote] | None:
        """The cached quotes of this content, named `source`; None on a miss.

        An entry that cannot be read as one (a folder, a FIFO, bad JSON, wrong fields) is a miss,
        and is removed so that it can be written again.
        """
        path = self.path(content, reading)
        try:
            return _quotes_of_entry(read_regular(path).decode("utf-8"), self.key(content, reading), source)
        except FileNotFoundError:
            return None
        except (OSError, UnicodeDecodeError, CorruptEntry):
            if _is_marked(self.folder):
                with contextlib.suppress(OSError):
                    _remove(path)
            return None

    def store(self, content: bytes, reading: str, quotes: list[Quote]) -> None:
        """Save; raises OSError when the folder cannot be written (the caller warns and goes on)."""
        path = self.path(content, reading)
        _make_folder(self.folder)
        # a temporary file beside it, then a rename: two hooks at once never leave half an entry
        atomic_write_text(path, _entry_text(self.key(content, reading), quotes), force=True)


def _is_marked(folder: Path) -> bool:
    try:
        return read_regular(folder / MARKER) == MARKER_TEXT.encode()
    except OSError:
        return False


def _make_folder(folder: Path) -> None:
    """The entries folder with its marker; a folder of that name holding anything else is not taken over."""
    folder.mkdir(parents=True, exist_ok=True)
    if _is_marked(folder):
        return
    if any(folder.iterdir()):
        raise NotACache(f"{folder} has files and no {MARKER}; not a quotes cache")
    atomic_write_text(folder / MARKER, MARKER_TEXT, force=True)


def _is_own(name: str) -> bool:
    """An entry, or a temporary file of an entry or of the marker (".<name>.<hex>.tmp")."""
    if ENTRY_NAME.fullmatch(name):
        return True
    target = name[1:].rsplit(".", 2)[0]
    return (target == MARKER or ENTRY_NAME.fullmatch(target) is not None) and is_temp_name(name, target)


@dataclass(frozen=True)
class CacheInfo:
    folder: Path
    entries: int
    size: int  # bytes


def _own_files(root: Path) -> list[Path]:
    """The entries and temporary files in the cache folder; [] when there is none; NotACache without the marker."""
    folder = root / ENTRIES_FOLDER
    if not folder.is_dir():
        return []
    if not _is_marked(folder):
        raise NotACache(f"{folder} is not a quotes cache (no {MARKER}); not touching it")
    return [p for p in folder.iterdir() if _is_own(p.name)]


def _size(path: Path) -> int:
    try:
        return path.lstat().st_size
    except OSError:
        return 0


def cache_info(root: Path) -> CacheInfo:
    files = _own_files(root)
    entries = sum(ENTRY_NAME.fullmatch(p.name) is not None for p in files)
    return CacheInfo(root / ENTRIES_FOLDER, entries, sum(_size(p) for p in files))


def _remove(path: Path) -> None:
    """Remove an entry whatever it has become: a file, a FIFO, a link (not its target) or a folder."""
    with contextlib.suppress(FileNotFoundError):  # another process removed it first
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink()


def clear_cache(root: Path) -> int:
    """Remove every entry (and leftover temporary file); the number of entries removed.

    Raises NotACache for a folder without the marker, OSError when an entry cannot be removed.
    """
    folder = root / ENTRIES_FOLDER
    removed = 0
    for path in _own_files(root):
        _remove(path)
        removed += ENTRY_NAME.fullmatch(path.name) is not None
    if folder.is_dir() and not any(p.name != MARKER for p in folder.iterdir()):
        (folder / MARKER).unlink(missing_ok=True)
        folder.rmdir()
    return removed
