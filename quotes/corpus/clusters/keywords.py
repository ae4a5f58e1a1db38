"""A form still alone joins a cluster through a distinctive word (see KEYWORD_MIN_SOURCES)."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import partial

from quotes.corpus.clusters.forms import Form, form_key
from quotes.corpus.clusters.links import UnionFind, conflict, linked
from quotes.corpus.clusters.thresholds import (
    HEADLINE_LINE,
    KEYWORD_MIN_SOURCES,
    MIN_CONTAINED_STEMS,
    PARAPHRASE_MIN_SHARED,
    RARE_WORD_MIN_FORMS,
    RARE_WORD_SHARE,
    STRONG_CONTAINED_STEMS,
)
from quotes.models import Quote

Place = tuple[str, int]  # (source, paragraph index)


def places_of(form: Form, quotes: list[Quote]) -> set[Place]:
    """The (source, paragraph) of each member of a form whose paragraph is known."""
    return {(quotes[i].source, paragraph) for i in form.members if (paragraph := quotes[i].paragraph) is not None}


def _stems_by_source(members: list[int], forms: list[Form], speaker: str | None) -> dict[str, set[str]]:
    """The content stems of one speaker's forms in a cluster, by the source that carries them."""
    found: dict[str, set[str]] = defaultdict(set)
    for index in members:
        if forms[index].speaker != speaker:
            continue
        for source in forms[index].sources:
            found[source] |= forms[index].stems
    return found


def _piece_of(form: Form, word: str, source: str, cluster: dict[str, set[str]]) -> bool:
    """Whether a form from `source` is a piece of a cluster's statement that its source splits: it
    carries a word of the cluster that none of the cluster's members from its source has, and it
    shares fewer than three stems with the other sources' members (with more, it is a statement of
    its own that another source reports in the same sentence as the cluster's)."""
    elsewhere = set().union(*(stems for other, stems in cluster.items() if other != source))
    return word not in cluster.get(source, ()) and len(form.stems & elsewhere) < PARAPHRASE_MIN_SHARED


def _short_characterisation(form: Form, quotes: list[Quote]) -> bool:
    """Two or three content words, all members reported speech, none in a headline (a headline
    joins only its own article: see HEADLINE_LINE)."""
    members = [quotes[i] for i in form.members]
    few = MIN_CONTAINED_STEMS <= len(form.stems) < STRONG_CONTAINED_STEMS
    return few and all(q.kind == "indirect" and q.line != HEADLINE_LINE for q in members)


@dataclass
class _LoneForms:
    """One speaker's forms still alone, and where the speaker's clusters are quoted."""

    group: list[int]
    places: dict[int, set[Place]]  # form -> where its members stand
    in_place: dict[Place, set[int]]  # (source, paragraph) -> roots of the clusters quoted there
    candidates: list[int]  # forms alone that are short or share a paragraph with a cluster
    short: set[int]


def _lone_forms(group: list[int], forms: list[Form], sets: UnionFind, quotes: list[Quote]) -> _LoneForms:
    places = {index: places_of(forms[index], quotes) for index in group}
    in_place: dict[Place, set[int]] = defaultdict(set)
    for index in group:
        for place in places[index]:
            in_place[place].add(sets.find(index))
    candidates, short = [], set()
    for index in group:
        if len(sets.sets[sets.find(index)]) > 1:
            continue
        if _short_characterisation(forms[index], quotes):
            short.add(index)
        if index in short or any(len(in_place[place]) > 1 for place in places[index]):
            candidates.append(index)
    return _LoneForms(group, places, in_place, candidates, short)


def attach_by_distinctive_words(
    forms: list[Form], by_speaker: dict[str, list[int]], sets: UnionFind, quotes: list[Quote]
) -> None:
    """A form still alone joins the one cluster of its speaker that it shares a distinctive word with
    (rare in the corpus, and no other cluster of the speaker holds it): a short reported item the
    cluster whose keyword the word is, a piece of a statement split within one paragraph the
    cluster of a member in that paragraph (see KEYWORD_MIN_SOURCES)."""
    speakers = [lone for group in by_speaker.values() if (lone := _lone_forms(group, forms, sets, quotes)).candidates]
    wanted = frozenset().union(*(forms[i].stems for lone in speakers for i in lone.candidates))
    used_by = Counter(s for form in forms for s in form.stems & wanted)  # how many forms of the corpus use each
    rare_limit = max(RARE_WORD_MIN_FORMS, RARE_WORD_SHARE * len(forms))
    chosen: list[tuple[int, int, frozenset[str]]] = []
    for lone in speakers:
        clusters_with: dict[str, set[int]] = defaultdict(set)  # stem -> roots of the speaker's clusters that hold it
        for index in lone.group:
            for s in forms[index].stems & wanted:
                clusters_with[s].add(sets.find(index))
        stems_of: dict[int, dict[str, set[str]]] = {}  # root -> its stems by source, as needed
        for index in lone.candidates:
            form, own, places = forms[index], sets.find(index), lone.places[index]
            evidence: dict[int, set[str]] = defaultdict(set)
            for s in form.stems:
                others = clusters_with[s] - {own}
                if len(others) != 1 or used_by[s] > rare_limit:
                    continue
                root = next(iter(others))
                if root not in stems_of:
                    stems_of[root] = _stems_by_source(sets.sets[root], forms, form.speaker)
                by_source = stems_of[root]
                keyword = index in lone.short and sum(s in stems for stems in by_source.values()) >= KEYWORD_MIN_SOURCES
                piece = any(root in lone.in_place[place] and _piece_of(form, s, place[0], by_source) for place in places)
                if keyword or piece:
                    evidence[root].add(s)
            if len(evidence) == 1:
                root, found = evidence.popitem()
                chosen.append((index, root, frozenset(found)))
    chosen.sort(key=lambda choice: form_key(forms[choice[0]], quotes))
    for index, root, words in chosen:
        related = partial(_related_by_words, words=words, forms=forms, quotes=quotes)
        root_a, root_b = sets.find(index), sets.find(root)
        if root_a != root_b and not conflict(sets.sets[root_a], sets.sets[root_b], forms, related):
            sets.union(index, root)


def _related_by_words(x: int, y: int, words: frozenset[str], forms: list[Form], quotes: list[Quote]) -> bool:
    """Linked, sharing one of the distinctive words a form joined by, or in one paragraph."""
    a, b = forms[x], forms[y]
    return bool(a.stems & b.stems & words) or not places_of(a, quotes).isdisjoint(places_of(b, quotes)) or linked(a, b)
