"""The spaCy pipeline component `quotes`: the same rules as the CLI, inside your pipeline.

    nlp = spacy.load("en_core_web_sm")
    nlp.add_pipe("quotes")
    doc = nlp(text)
    for span in doc.spans["quotes"]:
        print(span.label_, span._.speaker, span.text)

Registered through the `spacy_factories` entry point, so `add_pipe("quotes")` works once
the package is installed. Results travel with the Doc (span group + user data), so
`nlp.pipe(texts, n_process=2)` works too.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from quotes.extraction.pipeline import Matchers, make_matchers, plan, quotes_from_parses
from quotes.models import Document

SPAN_KEY = "quotes"
SPAN_EXTENSIONS = ("speaker", "speaker_mention", "cue", "via")

for _name in SPAN_EXTENSIONS:
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)


class QuotesComponent:
    def __init__(self, nlp: Language, name: str, span_key: str) -> None:
        self.name = name
        self.span_key = span_key
        self.matchers: Matchers = make_matchers(nlp.vocab)

    def __call__(self, doc: Doc) -> Doc:
        document = Document(source="<doc>", text=doc.text)
        found = plan(document, self.matchers.rules)
        spans: list[Span] = []
        for quote in quotes_from_parses(document, found, [(0, doc)], self.matchers):
            span = doc.char_span(quote.start, quote.end, label=quote.kind, alignment_mode="expand")
            if span is None:
                continue
            span._.speaker = quote.speaker
            span._.speaker_mention = quote.speaker_mention
            span._.cue = quote.cue
            span._.via = quote.via
            spans.append(span)
        doc.spans[self.span_key] = spans
        return doc


@Language.factory("quotes", default_config={"span_key": SPAN_KEY})
def make_quotes_component(nlp: Language, name: str, span_key: str) -> QuotesComponent:
    return QuotesComponent(nlp, name, span_key)
