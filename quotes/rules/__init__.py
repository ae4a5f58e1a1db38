"""The rules in `patterns/`: loading (load.py) and checking (validate.py)."""

from quotes.rules.errors import RulesError
from quotes.rules.load import (
    DependencyRule,
    MarkPair,
    Rules,
    load_rules,
    patterns_dir,
    read_dependency_rules,
    read_toml,
    seeds_dir,
)

__all__ = [
    "DependencyRule",
    "MarkPair",
    "Rules",
    "RulesError",
    "load_rules",
    "patterns_dir",
    "read_dependency_rules",
    "read_toml",
    "seeds_dir",
]
