"""The rules and the spaCy matchers built from them, once per vocabulary."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from quotes.corpus.identities import SpeakerDirectory, load_directory
from quotes.rules import DependencyRule, Rules, load_rules


@dataclass(frozen=True)
class RuleMatch:
    """One match of a dependency rule: the rule, its rank in its file (earlier wins), and token index by node."""

    rule: DependencyRule
    rank: int
    nodes: dict[str, int]


@dataclass(frozen=True)
class RuleMatcher:
    """A DependencyMatcher and the rule each match id stands for, as spaCy's own rulers keep them."""

    matcher: DependencyMatcher
    by_id: dict[int, tuple[int, DependencyRule]]

    def __call__(self, doc: Doc) -> Iterator[RuleMatch]:
        for match_id, token_ids in self.matcher(doc):
            rank, rule = self.by_id[match_id]
            yield RuleMatch(rule, rank, dict(zip(rule.nodes, token_ids, strict=True)))


def build_matcher(vocab: Vocab, rules: tuple[DependencyRule, ...]) -> RuleMatcher:
    """The labels are unique within a file (the rules check it when they load)."""
    matcher = DependencyMatcher(vocab, validate=True)
    by_id: dict[int, tuple[int, DependencyRule]] = {}
    for rank, rule in enumerate(rules):
        matcher.add(rule.label, [rule.pattern])
        by_id[vocab.strings[rule.label]] = (rank, rule)
    return RuleMatcher(matcher, by_id)


@dataclass(frozen=True)
class Matchers:
    """The rules and the matchers built from them for one vocabulary."""

    rules: Rules
    speaker_rules: RuleMatcher
    content_rules: RuleMatcher
    directory: SpeakerDirectory


def make_matchers(
    vocab: Vocab, speakers_files: Iterable[Path] = (), patterns: Path | None = None, verb_forms: frozenset[str] = frozenset()
) -> Matchers:
    """The rules of a patterns folder (the built-in one by default), checked as they load, and
    the speakers of its `speakers.toml` with the user's files on top. `verb_forms`: the irregular
    forms of the cue words in the model's lemmatizer (`parse.irregular_forms`)."""
    rules = replace(load_rules(patterns), verb_forms=verb_forms)
    return Matchers(
        rules=rules,
        speaker_rules=build_matcher(vocab, rules.attribution),
        content_rules=build_matcher(vocab, rules.reported),
        directory=load_directory(tuple(speakers_files), patterns),
    )
