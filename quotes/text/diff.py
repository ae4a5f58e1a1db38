"""Word diffs, for showing how two wordings of one utterance differ."""

from __future__ import annotations

import difflib
from collections.abc import Sequence

from quotes.text.words import normalise

Keyed = Sequence[tuple[str, str]]  # (comparison key, word as shown)


def word_diff(a: str, b: str) -> list[tuple[str, str]]:
    """Word-by-word diff of `b` against `a`: ("equal" | "delete" | "insert", word), in reading order.

    Words compare without case and punctuation ("peace," equals "Peace"); equal words are shown as in `a`.
    """
    return keyed_diff([(normalise(w), w) for w in a.split()], [(normalise(w), w) for w in b.split()])


def keyed_diff(old: Keyed, new: Keyed, equal_as_new: bool = False) -> list[tuple[str, str]]:
    """Diff of (key, shown) words compared by key: ("equal" | "delete" | "insert", shown), in reading order.

    A replacement comes out as its deletions, then its insertions. Equal words are shown as in
    `old`, or as in `new` with `equal_as_new`.
    """
    matcher = difflib.SequenceMatcher(None, [k for k, _ in old], [k for k, _ in new], autojunk=False)
    ops: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            ops.extend(("equal", shown) for _, shown in (new[j1:j2] if equal_as_new else old[i1:i2]))
            continue
        ops.extend(("delete", shown) for _, shown in old[i1:i2])
        ops.extend(("insert", shown) for _, shown in new[j1:j2])
    return ops
