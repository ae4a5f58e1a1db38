"""Word lists read from `patterns/`, checked when they load: errors name the file and line."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from quotes.rules import RulesError, patterns_dir


def _line(text: str, key: str) -> int:
    """The line where `key` is set (1 when it is not found)."""
    for number, line in enumerate(text.splitlines(), start=1):
        if re.match(rf"\s*{re.escape(key)}\s*=", line):
            return number
    return 1


def read_lists(name: str, keys: tuple[str, ...], path: Path | None = None) -> tuple[Path, str, dict[str, Any]]:
    """The data of a patterns file (default `patterns/<name>`) that sets exactly `keys`, and its text."""
    path = path or patterns_dir() / name
    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except (OSError, UnicodeDecodeError) as err:
        raise RulesError(f"{path}: cannot read ({err})") from err
    except tomllib.TOMLDecodeError as err:
        raise RulesError(f"{path}: {err}") from err
    for key in data:
        if key not in keys:
            raise RulesError(f"{path}:{_line(text, key)}: unknown key {key!r}; this file sets {', '.join(keys)}")
    for key in keys:
        if key not in data:
            raise RulesError(f"{path}:1: {key!r} is missing")
    return path, text, data


def word_list(path: Path, text: str, data: dict[str, Any], key: str) -> tuple[str, ...]:
    """`data[key]` as a list of distinct lower-case words, in file order."""
    values = data[key]
    where = f"{path}:{_line(text, key)}"
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise RulesError(f"{where}: {key!r} must be a list of words")
    seen: set[str] = set()
    for value in values:
        if not value or value != value.strip().lower() or " " in value:
            raise RulesError(f"{where}: {key!r} has {value!r}; write one lower-case word")
        if value in seen:
            raise RulesError(f"{where}: {key!r} lists {value!r} twice")
        seen.add(value)
    return tuple(values)


def pair_list(path: Path, text: str, data: dict[str, Any], key: str) -> tuple[tuple[str, str], ...]:
    """`data[key]` as a list of [old, new] pairs of lower-case letters."""
    values = data[key]
    where = f"{path}:{_line(text, key)}"
    if not isinstance(values, list) or not all(
        isinstance(v, list) and len(v) == 2 and all(isinstance(s, str) and s and s == s.lower() and s.isalpha() for s in v)
        for v in values
    ):
        raise RulesError(f'{where}: {key!r} must be a list of ["old", "new"] pairs of lower-case letters')
    return tuple((old, new) for old, new in values)
