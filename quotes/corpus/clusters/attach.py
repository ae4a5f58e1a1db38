"""Passes after the links: weak links best first, fragments and headlines still alone."""

from __future__ import annotations

from collections import defaultdict

from quotes.corpus.clusters.forms import Form, form_key
from quotes.corpus.clusters.links import UnionFind, conflict, linked
from quotes.corpus.clusters.thresholds import (
    FRAGMENT_MAX_GAP,
    HEADLINE_LINE,
    HEADLINE_MAX_STEMS,
    MIN_CONTAINED_STEMS,
    NOT_PERSONS,
    STRONG_CONTAINED_STEMS,
)
from quotes.models import Quote
from quotes.text.synonyms import sense_sequence


def apply_weak_links(weak: list[tuple[float, int, int]], forms: list[Form], sets: UnionFind, quotes: list[Quote]) -> None:
    """Best first; a short fragment joins one cluster only, and no article's statements get mixed."""

    def related(x: int, y: int) -> bool:
        return linked(forms[x], forms[y])

    keys = {i: form_key(forms[i], quotes) for _, a, b in weak for i in (a, b)}
    weak.sort(key=lambda w: (-w[0], *sorted((keys[w[1]], keys[w[2]]))))
    placed_fragments: set[int] = set()
    for _, a, b in weak:
        root_a, root_b = sets.find(a), sets.find(b)
        if root_a == root_b:
            continue
        fragments = {i for i in (a, b) if forms[i].is_fragment}
        if fragments & placed_fragments or conflict(sets.sets[root_a], sets.sets[root_b], forms, related):
            continue
        sets.union(a, b)
        placed_fragments |= fragments


def loosely_contained(short: Form, long: Form) -> bool:
    """The short form's content words in the longer one, in order, with at most FRAGMENT_MAX_GAP words between two."""
    wanted = [s for s in sense_sequence(short.text.split()) if s]
    if not wanted:
        return False
    words = sense_sequence(long.text.split())
    for begin, word in enumerate(words):
        if word != wanted[0]:
            continue
        position, found = begin, 1
        while found < len(wanted):
            window = words[position + 1 : position + 2 + FRAGMENT_MAX_GAP]
            if wanted[found] not in window:
                break
            position += 1 + window.index(wanted[found])
            found += 1
        if found == len(wanted):
            return True
    return False


def fragment_of(a: Form, b: Form) -> bool:
    """Either form's content words nearly verbatim in the other (see `loosely_contained`)."""
    short, long = (a, b) if len(a.stems) <= len(b.stems) else (b, a)
    return short.stems <= long.stems and loosely_contained(short, long)


def attach_fragments(forms: list[Form], by_speaker: dict[str, list[int]], sets: UnionFind, quotes: list[Quote]) -> None:
    """A short form still alone joins the cluster of its speaker that holds its words nearly verbatim, if only one does.

    All choices are made on the clusters as the links left them, then applied in a fixed order, so
    neither the input order nor another fragment changes which cluster a fragment joins.
    """

    def fragment_related(x: int, y: int) -> bool:
        return linked(forms[x], forms[y]) or fragment_of(forms[x], forms[y])

    chosen: list[tuple[int, int]] = []
    for group in by_speaker.values():
        loose = [i for i in group if MIN_CONTAINED_STEMS <= len(forms[i].stems) < STRONG_CONTAINED_STEMS]
        loose = [i for i in loose if len(sets.sets[sets.find(i)]) == 1]
        if not loose:
            continue
        postings: dict[str, list[int]] = defaultdict(list)
        for index in group:
            for s in forms[index].stems:
                postings[s].append(index)
        for index in loose:
            fragment = forms[index]
            rarest = min(fragment.stems, key=lambda s: (len(postings[s]), s))
            covering = {
                sets.find(other)
                for other in postings[rarest]
                if other != index and fragment.stems <= forms[other].stems and loosely_contained(fragment, forms[other])
            }
            if len(covering) == 1:
                chosen.append((index, covering.pop()))
    chosen.sort(key=lambda choice: form_key(forms[choice[0]], quotes))
    for index, cluster in chosen:
        root_a, root_b = sets.find(index), sets.find(cluster)
        if root_a != root_b and not conflict(sets.sets[root_a], sets.sets[root_b], forms, fragment_related):
            sets.union(index, cluster)


def _headline_forms(forms: list[Form], sets: UnionFind, quotes: list[Quote]) -> list[int]:
    """Forms still alone with a member on the first line of its article, speaker known, few content words."""
    return [
        index
        for index, form in enumerate(forms)
        if form.speaker is not None
        and MIN_CONTAINED_STEMS <= len(form.stems) <= HEADLINE_MAX_STEMS
        and len(sets.sets[sets.find(index)]) == 1
        and any(quotes[i].line == HEADLINE_LINE for i in form.members)
    ]


def _mostly_in(stems: frozenset[str], other: frozenset[str]) -> bool:
    return 2 * len(stems & other) >= len(stems)


def attach_headlines(forms: list[Form], sets: UnionFind, quotes: list[Quote]) -> None:
    """A headline joins the one cluster of its article whose members' words hold all of its own.

    Unlike a fragment it is not checked against each statement of its article one by one: a
    headline takes its words from several sentences of one statement, which is why it is checked
    against the cluster as a whole.
    """
    headlines = _headline_forms(forms, sets, quotes)
    if not headlines:
        return
    wanted_sources = {quotes[i].source for h in headlines for i in forms[h].members}
    in_source: dict[str, set[int]] = defaultdict(set)  # source -> roots of the clusters quoted there
    for index, form in enumerate(forms):
        for source in form.sources & wanted_sources:
            in_source[source].add(sets.find(index))
    chosen: list[tuple[int, int]] = []
    for index in headlines:
        headline = forms[index]
        institutional = any(quotes[i].speaker_kind in NOT_PERSONS for i in headline.members)  # may join anyone quoted
        covering = set()
        for source in headline.sources:
            for root in in_source[source] - {sets.find(index)}:
                members = [forms[i] for i in sets.sets[root]]
                if not institutional and all(m.speaker != headline.speaker for m in members):
                    continue
                own_article = frozenset().union(*(m.stems for m in members if source in m.sources))
                if headline.stems <= frozenset().union(*(m.stems for m in members)) and _mostly_in(headline.stems, own_article):
                    covering.add(root)
        if len(covering) == 1:
            chosen.append((index, covering.pop()))
    for index, cluster in chosen:  # each joins a cluster chosen above, so the order does not matter
        sets.union(index, cluster)
