"""quotes: who said what, and where each source reported it.

    import quotes
    found = quotes.extract("saved/")             # files, folders, URLs: quotes with cluster ids
    found = quotes.extract_text(text, source="note.txt")
    clusters = quotes.cluster(found)             # one per utterance, as `quotes extract` gives them

The names below are loaded on first use, so `import quotes.models` (or `quotes --help`) does not
pay for importing spaCy.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS = {
    "Pipeline": "quotes.extraction.pipeline",
    "cluster": "quotes.library",
    "extract": "quotes.library",
    "extract_text": "quotes.library",
    "extract_documents": "quotes.extraction.pipeline",
    "make_pipeline": "quotes.extraction.pipeline",
    "cluster_summary": "quotes.corpus.clusters",
    "Cluster": "quotes.models",
    "Document": "quotes.models",
    "Quote": "quotes.models",
    "QuoteSpan": "quotes.models",
    "Speaker": "quotes.models",
    "SourceMeta": "quotes.models",
}

__all__ = [
    "Cluster",
    "Document",
    "Pipeline",
    "Quote",
    "QuoteSpan",
    "SourceMeta",
    "Speaker",
    "cluster",
    "cluster_summary",
    "extract",
    "extract_documents",
    "extract_text",
    "make_pipeline",
]

if TYPE_CHECKING:
    from quotes.corpus.clusters import cluster_summary
    from quotes.extraction.pipeline import Pipeline, extract_documents, make_pipeline
    from quotes.library import cluster, extract, extract_text
    from quotes.models import Cluster, Document, Quote, QuoteSpan, SourceMeta, Speaker


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'quotes' has no attribute {name!r}")
    value = getattr(import_module(_EXPORTS[name]), name)
    globals()[name] = value
    return value
