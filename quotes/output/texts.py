"""`--save-text DIR`: the text of each source that the offsets index, one .txt per source.

For a page or a .docx this is the extracted text (what `start` and `end` point into); for a text
file it is the file as decoded. Files are named after their source (`story.html` -> `story.txt`,
a URL -> its host and path); a name that two sources would share gets `-2`, `-3`, in input order.
Like `--output`, an existing file is replaced only with `--force`, and an input never.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from pathlib import Path, PurePath
from urllib.parse import urlsplit

from quotes.output.files import OutputPathError, atomic_write_text, check_output_path
from quotes.sources.files import source_name
from quotes.sources.urls import is_url

UNSAFE = re.compile(r"[^\w.-]+")
MAX_STEM = 100


def text_file_stem(name: str) -> str:
    """A file name (without `.txt`) for the source given as `name`: a path, `-` or a URL."""
    if is_url(name):
        parts = urlsplit(name)
        base = f"{parts.netloc}{parts.path}{'-' + parts.query if parts.query else ''}"
    elif name == "-":
        base = "stdin"
    else:
        base = PurePath(name).stem
    return UNSAFE.sub("-", base).strip("-.")[:MAX_STEM] or "source"


def text_files(names: Sequence[str], folder: Path, force: bool) -> dict[str, Path]:
    """Each source's text file in `folder` (made when missing), by the source's name in records.

    Raises OutputPathError or OutputExists (from `check_output_path`) before anything is written.
    """
    if folder.exists() and not folder.is_dir():
        raise OutputPathError(f"{folder} is not a folder; --save-text needs one")
    inputs = {os.path.realpath(n) for n in names if n != "-" and not is_url(n)}
    files: dict[str, Path] = {}
    taken: set[str] = set()
    for name in names:
        stem = text_file_stem(name)
        number = 1
        while (chosen := f"{stem}-{number}" if number > 1 else stem).lower() in taken:
            number += 1
        taken.add(chosen.lower())
        path = folder / f"{chosen}.txt"
        if os.path.realpath(path) in inputs:
            raise OutputPathError(f"{path} is one of the inputs; give --save-text another folder")
        if folder.is_dir():
            check_output_path(path, force)
        files[source_name(name)] = path
    folder.mkdir(parents=True, exist_ok=True)
    return files


def save_text(path: Path, text: str) -> None:
    """Write a source's text exactly (no newline translation), replacing what `text_files` allowed."""
    atomic_write_text(path, text, force=True)
