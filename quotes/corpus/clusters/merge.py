"""Clustering: forms, links and the attach passes merged into clusters with stable ids."""

from __future__ import annotations

import gc
import hashlib
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace

from quotes.corpus.clusters.attach import apply_weak_links, attach_fragments, attach_headlines
from quotes.corpus.clusters.blocking import candidate_pairs, nested_pairs, split_sentence_pairs
from quotes.corpus.clusters.flags import cluster_flags
from quotes.corpus.clusters.forms import Form, describe_speakers, find_forms, group_by_speaker, quote_key
from quotes.corpus.clusters.keywords import attach_by_distinctive_words
from quotes.corpus.clusters.links import UnionFind, link
from quotes.corpus.clusters.order import in_date_order
from quotes.models import Cluster, Quote


def merge(quotes: list[Quote], forms: list[Form], form_of: list[int]) -> UnionFind:
    sets = UnionFind(len(forms))
    for outer, inner in nested_pairs(quotes):
        sets.union(form_of[outer], form_of[inner])
    for first, second in split_sentence_pairs(quotes):
        a, b = form_of[first], form_of[second]
        if len(forms[a].members) == len(forms[b].members) == 1:  # "Look," quoted in two articles is no evidence
            sets.union(a, b)
    by_speaker = group_by_speaker(forms)
    describe_speakers(forms, by_speaker)
    weak: list[tuple[float, int, int]] = []
    for a, b in candidate_pairs(forms, by_speaker):
        found = link(forms[a], forms[b])
        if found is None:
            continue
        if found.strong:
            sets.union(a, b)
        else:
            weak.append((found.score, a, b))
    apply_weak_links(weak, forms, sets, quotes)
    attach_fragments(forms, by_speaker, sets, quotes)
    attach_by_distinctive_words(forms, by_speaker, sets, quotes)
    attach_headlines(forms, sets, quotes)
    return sets


def id_of(earliest: tuple[str, int, int, str, str]) -> str:
    digest = hashlib.sha1("\x1f".join(map(str, earliest)).encode()).hexdigest()
    return f"c-{digest[:8]}"


def cluster_id(members: Iterable[Quote]) -> str:
    """A stable id from the cluster's earliest member (by source and offsets), whatever the input order."""
    return id_of(min(quote_key(q) for q in members))


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The cyclic garbage collector off while the many small sets and tuples are built: half the time otherwise."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def cluster_quotes(quotes: list[Quote]) -> list[Cluster]:
    """Group quotes that report one utterance (singletons too); the inputs are left as they are.

    Clusters come in order of their first member in `quotes`, members in the order their sources
    published them (`order.in_date_order`), each a copy of its quote that carries the cluster's
    id. Ids depend only on the members, so the same quotes get the same ids in any order and on
    every run.
    """
    return with_clusters(quotes)[1]


def with_clusters(quotes: list[Quote]) -> tuple[list[Quote], list[Cluster]]:
    """The quotes in input order, each a copy carrying its cluster id, and the clusters they form."""
    with _collector_paused():
        forms, form_of = find_forms(quotes)
        sets = merge(quotes, forms, form_of)
        groups: dict[int, list[int]] = defaultdict(list)
        for index, form in enumerate(form_of):
            groups[sets.find(form)].append(index)
        return make_clusters(quotes, list(groups.values()))


def make_clusters(quotes: list[Quote], groups: list[list[int]]) -> tuple[list[Quote], list[Cluster]]:
    """A cluster per group of quote indices (each in input order), and the quotes labelled with its id;
    each cluster's members in date order."""
    labelled = list(quotes)
    clusters: list[tuple[int, Cluster]] = []
    used_ids: set[str] = set()
    earliest = [min(quote_key(quotes[i]) for i in indices) for indices in groups]
    for key, indices in sorted(zip(earliest, groups, strict=True)):  # ids handed out in a fixed order
        base = cid = id_of(key)
        n = 1
        while cid in used_ids:  # only when one quote is given twice with different speakers
            n += 1
            cid = f"{base}-{n}"
        used_ids.add(cid)
        for i in indices:
            labelled[i] = replace(quotes[i], cluster=cid)
        members = in_date_order(labelled[i] for i in indices)
        clusters.append((indices[0], Cluster(cid, members, cluster_flags(members))))
    return labelled, [cluster for _, cluster in sorted(clusters, key=lambda c: c[0])]
