"""A cluster's members in the order their sources published them, and who published first.

Members are ordered by their source's date (`SourceMeta.date`): the day, then the time where the
source gives one; sources with no date come last; ties go by source name and offsets, so the order
never depends on the input's. The first publishers are the sources of the earliest day; when every
one of them gives a time, only those of the earliest moment. Two sources dated the same day without
a time both published first: nothing tells which was earlier.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from quotes.corpus.clusters.forms import quote_key
from quotes.models import Quote
from quotes.sources.meta import published

DateOrderKey = tuple[bool, dt.date, dt.datetime, tuple[str, int, int, str, str]]


def date_order_key(quote: Quote) -> DateOrderKey:
    """Sorts quotes by their source's date, undated last, then by source and offsets."""
    when = published(quote.meta.date)
    if when is None:
        return (True, dt.date.max, dt.datetime.max, quote_key(quote))
    return (False, when.day, when.moment or dt.datetime.min, quote_key(quote))


def in_date_order(members: Iterable[Quote]) -> list[Quote]:
    return sorted(members, key=date_order_key)


def first_sources(members: Iterable[Quote]) -> tuple[str, ...]:
    """The sources that published these quotes first, in date order; none when no source is dated."""
    dated = [(when, quote.source) for quote in in_date_order(members) if (when := published(quote.meta.date))]
    if not dated:
        return ()
    day = dated[0][0].day
    first = [(when, source) for when, source in dated if when.day == day]
    moments = [when.moment for when, _ in first]
    if all(moment is not None for moment in moments):
        first = [(when, source) for when, source in first if when.moment == moments[0]]
    return tuple(dict.fromkeys(source for _, source in first))
