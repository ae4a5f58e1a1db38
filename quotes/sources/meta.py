"""Where a source comes from: front matter at the top of a text file, a manifest in its folder.

Front matter is a block between `---` lines at the very top of a .md or .txt file, with
`outlet:`, `date:`, `url:`, `title:`, `author:` lines (other keys are allowed and left alone). It is
not article text: it is blanked (every character but line ends becomes a space), so offsets and
line numbers stay those of the file.

A manifest, `sources.csv` (a header row with `file` and any of `outlet`, `date`, `url`, `title`,
`author`) or `sources.toml` (`[[source]]` tables with the same keys), in a file's folder or the
closest folder above that has one (up to the working folder), names the outlet, date and URL of the files it lists (paths
relative to the manifest). Front matter wins over the manifest, the manifest over what a page says
of itself, and any of them over the fallback: the outlet is the file's name.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path

from quotes.models import SourceMeta
from quotes.sources.common import SourceError, decode

META_KEYS = ("outlet", "date", "url", "title", "author")
MANIFEST_NAMES = ("sources.csv", "sources.toml")
FRONT_MATTER_MAX_LINES = 60
FENCE = "---"
CLOSING_FENCES = ("---", "...")
# What a YAML front-matter line looks like: `key: value`, `key:`, an indented or list line, a comment.
YAML_LINE = re.compile(r"[A-Za-z_][\w-]*[ \t]*:(?:[ \t].*)?|[ \t].*|-[ \t].*|#.*")
NOT_LINE_END = re.compile(r"[^\r\n]")


def iso_date(value: object) -> str | None:
    """A date (or date and time) as ISO 8601, or None when it is not one."""
    if isinstance(value, dt.date):  # a TOML date or datetime
        return value.isoformat()
    if not isinstance(value, str):
        return None
    text = value.strip()
    for parse in (dt.date.fromisoformat, dt.datetime.fromisoformat):
        try:
            return parse(text).isoformat()
        except ValueError:
            continue
    return None


@dataclass(frozen=True)
class Published:
    """When a source says it was published: the day as it dates itself and, where it gives a time,
    the moment in UTC (a time without a zone taken as written)."""

    day: dt.date
    moment: dt.datetime | None = None


def published(date: str | None) -> Published | None:
    """A source's ISO date as `Published`; None when it is unknown or not ISO 8601."""
    text = (date or "").strip()
    try:
        return Published(dt.date.fromisoformat(text))
    except ValueError:
        pass
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    if moment.tzinfo is not None:
        return Published(moment.date(), moment.astimezone(dt.UTC).replace(tzinfo=None))
    return Published(moment.date(), moment)


def day_of(text: str, option: str) -> dt.date:
    """A day given on the command line (`--since 2024-08-07`); ValueError says what is wrong."""
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"{option} {text!r} is not a date; use YYYY-MM-DD") from None


@dataclass(frozen=True)
class SourceFilter:
    """Which sources to keep: dated within `since`..`until` (days, both included) and from one of
    `outlets` (compared without case); an empty filter keeps every source. A date filter drops the
    sources with no date."""

    since: dt.date | None = None
    until: dt.date | None = None
    outlets: frozenset[str] = frozenset()  # casefolded

    @classmethod
    def of(cls, since: str | None, until: str | None, outlets: list[str] | None) -> SourceFilter:
        """From `--since`, `--until` and `--outlet`; ValueError for a day that is not one or a range that is empty."""
        first = day_of(since, "--since") if since is not None else None
        last = day_of(until, "--until") if until is not None else None
        if first is not None and last is not None and first > last:
            raise ValueError(f"--since {first} is after --until {last}")
        return cls(first, last, frozenset(name.strip().casefold() for name in outlets or ()))

    @property
    def by_date(self) -> bool:
        return self.since is not None or self.until is not None

    def keeps(self, meta: SourceMeta) -> bool:
        if self.outlets and (meta.outlet or "").strip().casefold() not in self.outlets:
            return False
        if not self.by_date:
            return True
        when = published(meta.date)
        if when is None:
            return False
        return (self.since is None or self.since <= when.day) and (self.until is None or when.day <= self.until)


def _unquoted(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def merged(*metas: SourceMeta | None) -> SourceMeta:
    """Field by field, the first that is known."""
    values: dict[str, str | None] = {}
    for meta in filter(None, metas):
        for item in fields(SourceMeta):
            if values.get(item.name) is None:
                values[item.name] = getattr(meta, item.name)
    return SourceMeta(**values)


def _meta_of(values: dict[str, str], where: str) -> tuple[SourceMeta, tuple[str, ...]]:
    date = values.get("date")
    iso = iso_date(date) if date else None
    warnings = () if not date or iso else (f"{where}: date {date!r} is not ISO 8601 (YYYY-MM-DD); left out",)
    meta = SourceMeta(
        outlet=values.get("outlet") or None,
        date=iso,
        url=values.get("url") or None,
        title=values.get("title") or None,
        author=values.get("author") or None,
    )
    return meta, warnings


@dataclass(frozen=True)
class FrontMatter:
    text: str  # the text with the block blanked
    meta: SourceMeta | None = None
    warnings: tuple[str, ...] = ()


def front_matter(text: str) -> FrontMatter:
    """The front matter at the top of `text`, if any, and the text without it (same length, same lines)."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip() != FENCE:
        return FrontMatter(text)
    end = next((i for i, line in enumerate(lines[1:FRONT_MATTER_MAX_LINES], 1) if line.rstrip() in CLOSING_FENCES), None)
    if end is None:
        return FrontMatter(text)
    body = [line.rstrip("\r\n") for line in lines[1:end]]
    if not all(YAML_LINE.fullmatch(line) for line in body if line.strip()):
        return FrontMatter(text)  # a thematic break (`---`) opening a Markdown text, not front matter
    values: dict[str, str] = {}
    for line in body:
        key, colon, value = line.partition(":")
        if colon and not line[:1].isspace() and key.strip().lower() in META_KEYS:
            values[key.strip().lower()] = _unquoted(value)
    block = "".join(lines[: end + 1])
    meta, warnings = _meta_of(values, "front matter")
    return FrontMatter(NOT_LINE_END.sub(" ", block) + text[len(block) :], meta, warnings)


# --- manifests ---------------------------------------------------------------------------------


def _manifest_rows(path: Path, text: str) -> list[tuple[int, dict[str, object]]]:
    if path.suffix == ".toml":
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as err:
            raise SourceError(f"{path}: {err}") from None
        tables = data.get("source", [])
        if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
            raise SourceError(f"{path}: sources are [[source]] tables, each with file = ...")
        return [(0, table) for table in tables]
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if reader.fieldnames is None or "file" not in [(name or "").strip().lower() for name in reader.fieldnames]:
        raise SourceError(f"{path}:1: the header row needs a 'file' column (and outlet, date, url, title, author)")
    rows: list[tuple[int, dict[str, object]]] = []
    for row in reader:
        cleaned: dict[str, object] = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items() if isinstance(v, str)}
        rows.append((reader.line_num, cleaned))
    return rows


def load_manifest(path: Path) -> dict[str, SourceMeta]:
    """A manifest's entries by file path (normalised, relative to the manifest's folder). SourceError
    names the file and line of what cannot be used."""
    try:
        text, _ = decode(path.read_bytes())
    except OSError as err:
        raise SourceError(f"{path}: cannot read ({(err.strerror or str(err)).lower()})") from None
    entries: dict[str, SourceMeta] = {}
    for line, row in _manifest_rows(path, text):
        where = f"{path}:{line}" if line else str(path)
        name = row.get("file")
        if not isinstance(name, str) or not name.strip():
            raise SourceError(f"{where}: a source without a file name")
        values = {key: row[key] for key in META_KEYS if row.get(key) not in (None, "")}
        if any(not isinstance(v, str | dt.date) for v in values.values()):
            raise SourceError(f"{where}: {name}: outlet, date, url, title and author are text")
        if "date" in values and iso_date(values["date"]) is None:
            raise SourceError(f"{where}: {name}: date {values['date']!r} is not ISO 8601 (YYYY-MM-DD)")
        meta, _ = _meta_of({k: v.isoformat() if isinstance(v, dt.date) else str(v) for k, v in values.items()}, where)
        entries[os.path.normpath(name.strip())] = meta
    return entries


@dataclass
class Manifests:
    """The manifests met while reading one set of files, each loaded once.

    A file's manifest is in its folder or the closest folder above it, up to the working folder
    (`top`): a stray `sources.csv` further up, in someone's home folder, is never read. A file
    outside the working folder looks in its own folder only.
    """

    top: Path = field(default_factory=lambda: Path(os.path.abspath(os.curdir)))
    by_folder: dict[Path, tuple[Path, dict[str, SourceMeta]] | None] = field(default_factory=dict)

    def _closest(self, folder: Path, climb: bool) -> tuple[Path, dict[str, SourceMeta]] | None:
        if folder not in self.by_folder:
            found = [folder / name for name in MANIFEST_NAMES if (folder / name).is_file()]
            if found:
                entries: dict[str, SourceMeta] = {}
                for manifest in found:
                    entries.update(load_manifest(manifest))
                self.by_folder[folder] = (folder, entries)
            elif climb and folder != self.top and folder.parent != folder:
                self.by_folder[folder] = self._closest(folder.parent, climb)
            else:
                self.by_folder[folder] = None
        return self.by_folder[folder]

    def meta_of(self, name: str) -> SourceMeta | None:
        """What the closest manifest says of the file `name`, if it lists it."""
        path = Path(os.path.abspath(name))
        closest = self._closest(path.parent, climb=path.is_relative_to(self.top))
        if closest is None:
            return None
        folder, entries = closest
        return entries.get(os.path.relpath(path, folder))
