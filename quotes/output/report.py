"""The HTML report (`quotes extract --format html`): one self-contained page a journalist can share.

One row per utterance (cluster), grouped by speaker: the agreed wording, its kind and flags, and
every source that carries it with the words that source printed, the differences from the agreed
wording and the sentence around it. A header says what was read, and a speaker index jumps to
each speaker's rows. Styles and a few lines of script are inline; the script only filters rows,
and the page reads without it.

The page is built by the jinja2 template `templates/report.html.j2` with autoescape on, so every
string from an article is escaped. A Content-Security-Policy allows no network and no script but
the page's own (by its hash): if anything from an article ever reached the page unescaped, it
still would not run.
"""

from __future__ import annotations

import base64
import hashlib
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

import jinja2

from quotes.check.match import diff_runs as word_runs
from quotes.corpus.clusters import (
    CONFLICT_FLAGS,
    cluster_summary,
    differs_from,
    in_date_order,
    marked_first,
    reference_places,
    word_diff,
)
from quotes.corpus.identities import SpeakerDirectory, summarise_speakers
from quotes.models import QUOTE_KINDS, VERBATIM_KINDS, Cluster, ClusterSummary, Document, Quote
from quotes.output.context import Context, context_sentence
from quotes.sources.common import shown_name
from quotes.sources.urls import is_url

TEMPLATE = "report.html.j2"
SCRIPT = "report.js"
KIND_LABELS = {"direct": "quote", "partial": "partial quote", "embed": "post", "indirect": "paraphrase"}
UNATTRIBUTED = "(unattributed)"
CONTEXT_CHARS = 240  # the most characters of context shown on either side of a quote
EQUAL_RUN_SHOWN = 3  # in a list of changes, a run of equal words keeps this many words on each side


# --- the sentence around a quote --------------------------------------------------------------


def shown_context(text: str, start: int, end: int) -> Context:
    """The context sentence of `text[start:end]` (`quotes.output.context`), each side cut to
    `CONTEXT_CHARS` with an ellipsis."""
    context = context_sentence(text, start, end)
    before, after = context.before, context.after
    if len(before) > CONTEXT_CHARS:
        before = "…" + before[-CONTEXT_CHARS:].split(" ", 1)[-1]
    if len(after) > CONTEXT_CHARS:
        after = after[:CONTEXT_CHARS].rsplit(" ", 1)[0] + "…"
    return Context(before, context.quote, after)


# --- what the template shows ------------------------------------------------------------------


@dataclass(frozen=True)
class Occurrence:
    """One source's report of the utterance."""

    source: str
    outlet: str
    date: str | None
    title: str | None
    link: str | None
    line: int
    kind: str
    verbatim: bool
    mention: str | None  # the speaker as this source wrote them, when that differs from the name shown
    text: str  # exactly as printed
    changes: tuple[tuple[str, str], ...]  # the word diff against the agreed wording, as runs; empty when it agrees
    context: Context | None
    first: bool  # its source published the utterance first, among several (`marked_first`)


@dataclass(frozen=True)
class Row:
    """One utterance: a cluster as the report shows it."""

    id: str
    speaker: str
    kind: str
    verbatim: bool
    text: str
    flags: tuple[str, ...]
    conflict: bool
    kinds: tuple[str, ...]
    occurrences: tuple[Occurrence, ...]
    references: int  # distinct `source:line`s (`ClusterSummary.references`)
    outlets: tuple[str, ...]
    search: str  # folded words of every wording, speaker and outlet, for the search box
    speakers: str  # folded names and spellings of its speakers, for a search by speaker


@dataclass(frozen=True)
class SpeakerGroup:
    """A speaker's rows, with what the index says of them."""

    anchor: str
    name: str
    role: str | None
    spellings: tuple[str, ...]
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class Overview:
    """What was read: the header of the report."""

    sources: int
    outlets: int
    first_date: str | None
    last_date: str | None
    utterances: int
    references: int  # each utterance's distinct `source:line`s, added up
    by_kind: tuple[tuple[str, int, int], ...]  # (kind, utterances of that kind, references of that kind)


def fold_for_search(text: str) -> str:
    """Lower case without accents, as the page's script folds what is typed."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def _link(quote: Quote) -> str | None:
    """An http(s) address, or a file's own URI; never another scheme (a `javascript:` URL from a page's metadata)."""
    for candidate in (quote.meta.url, quote.source):
        if candidate and candidate.lower().startswith(("http://", "https://")):
            return candidate
    path = Path(quote.source)
    return path.resolve().as_uri() if path.is_file() else None


def _source_label(source: str) -> str:
    """A URL as is, a file by its name alone (the link holds the whole path)."""
    return shown_name(source if is_url(source) else Path(source).name or source)


def _changes(agreed: str, quote: Quote) -> tuple[tuple[str, str], ...]:
    """The word diff of a quoted member that is neither the agreed wording nor a fragment of it."""
    return tuple(word_diff(agreed, quote.text)) if differs_from(agreed, quote) else ()


def diff_runs(diff: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """A word diff as runs (`quotes.check.match.diff_runs`: the words of one kind in a row joined),
    a long run of equal words cut to the words next to a change, around an ellipsis."""
    runs = word_runs(list(diff))
    shown: list[tuple[str, str]] = []
    for i, (op, text) in enumerate(runs):
        words = text.split(" ")
        if op == "equal" and len(words) > 2 * EQUAL_RUN_SHOWN + 1:
            head = words[:EQUAL_RUN_SHOWN] if i > 0 else []
            tail = words[-EQUAL_RUN_SHOWN:] if i < len(runs) - 1 else []
            text = " ".join([*head, "…", *tail])
        shown.append((op, text))
    return shown


def _occurrence(quote: Quote, summary: ClusterSummary, speaker: str, documents: Mapping[str, Document]) -> Occurrence:
    document = documents.get(quote.source)
    context = shown_context(document.text, quote.start, quote.end) if document is not None else None
    mention = quote.speaker_mention if quote.speaker_mention not in (None, speaker) else None
    if quote.speaker and quote.speaker != speaker:
        mention = quote.speaker if mention is None else f"{quote.speaker} ({mention})"
    return Occurrence(
        source=_source_label(quote.source),
        outlet=quote.meta.outlet or _source_label(quote.source),
        date=quote.meta.date,
        title=quote.meta.title or (document.title if document is not None else None) or None,
        link=_link(quote),
        line=quote.line,
        kind=quote.kind,
        verbatim=quote.kind in VERBATIM_KINDS,
        mention=mention,
        text=quote.text,
        changes=tuple(diff_runs(_changes(summary.text, quote))),
        context=context,
        first=quote.source in marked_first(summary),
    )


def _row(cluster: Cluster, documents: Mapping[str, Document]) -> Row:
    summary = cluster_summary(cluster)
    speaker = summary.speaker or UNATTRIBUTED
    members = in_date_order(cluster.members)
    kind = next((m.kind for m in members if m.text == summary.text), "indirect")
    names = {m.speaker for m in members if m.speaker} | {m.speaker_mention for m in members if m.speaker_mention}
    outlets = tuple(dict.fromkeys(m.meta.outlet or _source_label(m.source) for m in members))
    return Row(
        id=cluster.id,
        speaker=speaker,
        kind=kind,
        verbatim=kind in VERBATIM_KINDS,
        text=summary.text,
        flags=summary.flags,
        conflict=bool(CONFLICT_FLAGS & set(summary.flags)),
        kinds=tuple(k for k in QUOTE_KINDS if any(m.kind == k for m in members)),
        occurrences=tuple(_occurrence(m, summary, speaker, documents) for m in members),
        references=summary.references,
        outlets=outlets,
        search=fold_for_search(" ".join([speaker, *names, *outlets, *(m.text for m in members)])),
        speakers=fold_for_search(" | ".join(sorted(names | {speaker}))),
    )


def _role(name: str, directory: SpeakerDirectory, kinds: Counter[str]) -> str | None:
    """The speaker's first title in the speakers files, else what kind of speaker it is (not "person")."""
    known = directory.find(name) if name != UNATTRIBUTED else None
    if known is not None and known.titles:
        return known.titles[0]
    kind = kinds.most_common(1)[0][0] if kinds else "unknown"
    return None if kind in ("person", "unknown") else kind


def speaker_groups(clusters: list[Cluster], documents: Mapping[str, Document], directory: SpeakerDirectory) -> list[SpeakerGroup]:
    """The rows grouped by speaker, the most utterances first (the unattributed last)."""
    by_speaker: dict[str, list[Row]] = {}
    kinds: dict[str, Counter[str]] = {}
    for cluster in clusters:
        row = _row(cluster, documents)
        by_speaker.setdefault(row.speaker, []).append(row)
        kinds.setdefault(row.speaker, Counter()).update(m.speaker_kind for m in cluster.members if m.speaker == row.speaker)
    spellings = {
        s.name: tuple(s.to_record()["spellings"]) for s in summarise_speakers((m for c in clusters for m in c.members), directory)
    }
    order = sorted(by_speaker, key=lambda name: (name == UNATTRIBUTED, -len(by_speaker[name]), name))
    return [
        SpeakerGroup(
            anchor=f"speaker-{i}",
            name=name,
            role=_role(name, directory, kinds[name]),
            spellings=spellings.get(name, ()),
            rows=tuple(by_speaker[name]),
        )
        for i, name in enumerate(order, 1)
    ]


def overview(clusters: list[Cluster], documents: Mapping[str, Document], groups: list[SpeakerGroup]) -> Overview:
    members = [m for c in clusters for m in c.members]
    sources = set(documents) | {m.source for m in members}
    outlets = {m.meta.outlet for m in members if m.meta.outlet} | {d.meta.outlet for d in documents.values() if d.meta.outlet}
    dates = sorted(
        {m.meta.date[:10] for m in members if m.meta.date} | {d.meta.date[:10] for d in documents.values() if d.meta.date}
    )
    rows = [row for group in groups for row in group.rows]
    row_kinds = Counter(row.kind for row in rows)
    references = {
        kind: sum(len(reference_places(m for m in c.members if m.kind == kind)) for c in clusters) for kind in QUOTE_KINDS
    }
    return Overview(
        sources=len(sources),
        outlets=len(outlets),
        first_date=dates[0] if dates else None,
        last_date=dates[-1] if dates else None,
        utterances=len(clusters),
        references=sum(row.references for row in rows),
        by_kind=tuple((kind, row_kinds[kind], references[kind]) for kind in QUOTE_KINDS),
    )


# --- the page ---------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("quotes.output", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.globals["kind_labels"] = KIND_LABELS
    return environment


@lru_cache(maxsize=1)
def _script() -> tuple[str, str]:
    """The page's script and its CSP source (`'sha256-…'`), which lets it, and nothing else, run."""
    script = (files("quotes.output") / "templates" / SCRIPT).read_text(encoding="utf-8")
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    return script, f"'sha256-{digest}'"


def render_report(clusters: list[Cluster], directory: SpeakerDirectory, documents: Mapping[str, Document] | None = None) -> str:
    """The report page for `clusters`. `documents` (by source) give each occurrence its context
    sentence and the header the sources read; without them the page has neither."""
    documents = documents or {}
    groups = speaker_groups(clusters, documents, directory)
    script, script_hash = _script()
    return (
        _environment()
        .get_template(TEMPLATE)
        .render(
            overview=overview(clusters, documents, groups),
            groups=groups,
            kinds=QUOTE_KINDS,
            script=script,
            script_hash=script_hash,
        )
    )
