"""What renderers show of a cluster: its speaker, the wording most members agree with, its sources
in date order and who published it first."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from quotes.corpus.clusters.order import first_sources, in_date_order
from quotes.models import Cluster, ClusterSummary, Quote
from quotes.text.words import normalise


def _agreed_text(members: list[Quote]) -> str:
    """The wording that most members agree with (contain), among the whole quotes if any; longest wins a tie."""
    for kinds in (("direct",), ("embed",), ("partial",), ("indirect",)):
        candidates = [q for q in members if q.kind in kinds]
        if candidates:
            break
    else:
        return ""
    texts = Counter(normalise(q.text) for q in members)

    def support(quote: Quote) -> tuple[int, int]:
        padded = f" {normalise(quote.text)} "
        return sum(n for text, n in texts.items() if f" {text} " in padded), len(quote.text)

    return max(candidates, key=support).text


def reference_places(members: Iterable[Quote]) -> tuple[str, ...]:
    """The references of these quotes: each distinct place (`source:line`) once, in the order given."""
    return tuple(dict.fromkeys(f"{q.source}:{q.line}" for q in members))


def marked_first(summary: ClusterSummary) -> tuple[str, ...]:
    """The first publishers a table or a report marks: `first_sources` when more than one source
    reports the cluster; none for a lone source, which has no one to be first against."""
    return summary.first_sources if summary.sources_count > 1 else ()


def cluster_summary(cluster: Cluster) -> ClusterSummary:
    """The speaker most members name (the earliest source wins a tie), the wording most agree with,
    where it was reported ("source:line", in date order, and how many distinct sources and places)
    and the sources that published it first."""
    members = in_date_order(cluster.members)
    speakers = Counter(q.speaker for q in members if q.speaker)
    places = reference_places(members)
    return ClusterSummary(
        id=cluster.id,
        speaker=speakers.most_common(1)[0][0] if speakers else None,
        text=_agreed_text(members),
        sources_count=len({q.source for q in members}),
        references=len(places),
        sources=places,
        flags=tuple(cluster.flags),
        first_sources=first_sources(members),
    )
