"""Project settings: `[tool.quotes]` in pyproject.toml, or a `.quotes.toml` file.

The closest such file, looking from the working folder up to the root, applies. Paths in
it are relative to the file's own folder, so a newsroom repository can say once where its
sources and its speakers file live:

    [tool.quotes]
    sources = ["sources/"]
    speakers = ["newsroom-speakers.toml"]
    model = "en_core_web_sm"
    strict = false

In `.quotes.toml` the same keys may sit at the top level or under `[tool.quotes]`.
Options given on the command line win over the file.
"""

from __future__ import annotations

import re
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from quotes.rules import RulesError
from quotes.sources.files import read_regular
from quotes.sources.urls import is_url

CONFIG_FILE = ".quotes.toml"
PYPROJECT = "pyproject.toml"
KNOWN_KEYS = {"sources": list, "speakers": list, "model": str, "strict": bool, "cache_dir": str, "ignore": list}
TOML_POSITION = re.compile(r"\s*\(at (?:line (\d+), column \d+|end of document)\)$")


class ConfigError(RulesError):
    """A settings or speakers file that cannot be used; the message names the file and line."""


@dataclass(frozen=True)
class Config:
    path: Path | None = None
    sources: tuple[Path | str, ...] = ()  # a URL stays a string
    speakers: tuple[Path, ...] = ()
    model: str | None = None
    strict: bool = False
    cache_dir: Path | None = None
    ignore: frozenset[str] = frozenset()  # `quotes check` codes accepted everywhere ("QC104")


def parse_toml(path: Path) -> tuple[dict[str, Any], str]:
    """The TOML data of `path` and its text; errors read `path:line: message`."""
    try:
        text = read_regular(path).decode("utf-8-sig")  # an editor's byte-order mark is no TOML
    except (OSError, UnicodeDecodeError) as err:
        reason = err.strerror.lower() if isinstance(err, OSError) and err.strerror else "not UTF-8 text"
        raise ConfigError(f"{path}: cannot read: {reason}") from err
    try:
        return tomllib.loads(text), text
    except tomllib.TOMLDecodeError as err:
        message = str(err)
        found = TOML_POSITION.search(message)
        line = f":{found.group(1) or max(len(text.splitlines()), 1)}" if found else ""
        raise ConfigError(f"{path}{line}: {TOML_POSITION.sub('', message)}") from err
    except ValueError as err:  # a number of more digits than Python converts
        raise ConfigError(f"{path}: a number too long to read (over {sys.get_int_max_str_digits()} digits)") from err


def line_of(text: str, pattern: str, occurrence: int = 1) -> int | None:
    """The line number of the `occurrence`-th line matching `pattern` (a regex), if any."""
    seen = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if re.match(pattern, line.strip()):
            seen += 1
            if seen == occurrence:
                return number
    return None


def _settings_in(path: Path) -> tuple[dict[str, Any], str] | None:
    data, text = parse_toml(path)
    tool = data.get("tool", {})
    if isinstance(tool, dict) and isinstance(tool.get("quotes"), dict):
        return tool["quotes"], text
    if path.name == CONFIG_FILE:
        return {k: v for k, v in data.items() if k != "tool"}, text
    return None


def find_config(start: Path | None = None) -> Path | None:
    """The closest `.quotes.toml`, or `pyproject.toml` with `[tool.quotes]`, at or above `start`."""
    folder = (start or Path.cwd()).resolve()
    for candidate_folder in (folder, *folder.parents):
        for name in (CONFIG_FILE, PYPROJECT):
            candidate = candidate_folder / name
            if candidate.is_file() and (name == CONFIG_FILE or _mentions_quotes(candidate)):
                return candidate
    return None


def _mentions_quotes(pyproject: Path) -> bool:
    """Whether a pyproject.toml has a [tool.quotes] table; another tool's broken file is not our error."""
    try:
        return "[tool.quotes" in pyproject.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False


def _where(path: Path, text: str, key: str) -> str:
    """`path:line` of the line that sets `key`, or of its table header ("[tool.quotes.extra]")."""
    line = line_of(text, re.escape(key) + r"\s*=") or line_of(text, r"\[\s*(?:tool\.quotes\.)?" + re.escape(key) + r"\s*\]") or 1
    return f"{path}:{line}"


def _paths(values: list[Any], base: Path, key: str, where: str) -> tuple[Path, ...]:
    if not all(isinstance(v, str) for v in values):
        raise ConfigError(f"{where}: '{key}' must be a list of paths (strings)")
    if any("\0" in v for v in values):
        raise ConfigError(f"{where}: '{key}' holds a NUL byte; no path can")
    return tuple(base / v for v in values)


def _sources(values: list[Any], base: Path, where: str) -> tuple[Path | str, ...]:
    """Source paths, relative to the settings file, and URLs as written."""
    urls = {i for i, v in enumerate(values) if isinstance(v, str) and is_url(v)}
    paths = _paths([v for i, v in enumerate(values) if i not in urls], base, "sources", where)
    given = iter(paths)
    return tuple(values[i] if i in urls else next(given) for i in range(len(values)))


CODE = re.compile(r"QC\d{3}")


def _codes(values: list[Any], where: str) -> frozenset[str]:
    if not all(isinstance(v, str) and CODE.fullmatch(v) for v in values):
        raise ConfigError(f"{where}: 'ignore' must be a list of codes such as \"QC104\"")
    return frozenset(values)


def load_config(path: Path | None = None, start: Path | None = None) -> Config:
    """Settings from `path`, or from the closest settings file; an empty Config when none."""
    path = path or find_config(start)
    if path is None:
        return Config()
    found = _settings_in(path)
    if found is None:
        return Config(path=path)
    settings, text = found
    for key, value in settings.items():
        where = _where(path, text, key)
        expected = KNOWN_KEYS.get(key)
        if expected is None:
            raise ConfigError(f"{where}: unknown setting {key!r}; use {', '.join(KNOWN_KEYS)}")
        if not isinstance(value, expected):
            raise ConfigError(f"{where}: {key!r} must be a {expected.__name__}")
    base = path.parent
    cache_dir = _paths(
        [settings["cache_dir"]] if "cache_dir" in settings else [], base, "cache_dir", _where(path, text, "cache_dir")
    )
    return Config(
        path=path,
        sources=_sources(settings.get("sources", []), base, _where(path, text, "sources")),
        speakers=_paths(settings.get("speakers", []), base, "speakers", _where(path, text, "speakers")),
        model=settings.get("model"),
        strict=settings.get("strict", False),
        cache_dir=cache_dir[0] if cache_dir else None,
        ignore=_codes(settings.get("ignore", []), _where(path, text, "ignore")),
    )
