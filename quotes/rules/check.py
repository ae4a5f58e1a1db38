"""`quotes rules check`: every file of a patterns folder, checked as the tool loads it."""

from __future__ import annotations

from pathlib import Path

from quotes.rules.errors import RulesError
from quotes.rules.load import load_rules


def check_folder(folder: Path) -> tuple[str, ...]:
    """The names of the files checked; the first problem raises RulesError (one line, file:line)."""
    # The loaders of layout, stems and synonyms live with the stages that use them, which import
    # this package; importing them here at call time keeps the package below those stages.
    from quotes.config import ConfigError
    from quotes.corpus.identities import read_speakers
    from quotes.extraction.layout import load_layout_rules
    from quotes.text.stem import STEMS_FILE, load_stemming
    from quotes.text.synonyms import SYNONYMS_FILE, load_synonyms

    if not folder.is_dir():
        raise RulesError(f"{folder}: not a folder")
    load_rules(folder)
    load_layout_rules(folder)
    load_stemming(folder / STEMS_FILE)
    load_synonyms(folder / SYNONYMS_FILE)
    try:
        read_speakers(folder / "speakers.toml")
    except ConfigError as err:
        raise RulesError(str(err)) from err
    return tuple(sorted(p.name for p in folder.iterdir() if p.suffix in (".toml", ".jsonl")))
