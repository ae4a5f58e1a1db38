"""The rules and the spaCy matchers built from them, once per vocabulary."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from spacy.matcher import DependencyMatcher
from spacy.vocab import Vocab

from quotes.corpus.identities import SpeakerDirectory, load_directory
from quotes.extraction.attribution import build_matcher
from quotes.rules import Rules, load_rules


@dataclass(frozen=True)
class Matchers:
    """The rules and the DependencyMatchers built from them for one vocabulary."""

    rules: Rules
    speaker_rules: DependencyMatcher
    content_rules: DependencyMatcher
    directory: SpeakerDirectory


def make_matchers(vocab: Vocab, speakers_files: Iterable[Path] = ()) -> Matchers:
    rules = load_rules()
    return Matchers(
        rules=rules,
        speaker_rules=build_matcher(vocab, rules.attribution),
        content_rules=build_matcher(vocab, rules.reported),
        directory=load_directory(tuple(speakers_files)),
    )
