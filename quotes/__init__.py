"""quotes: who said what, and where each source reported it.

The names below are loaded on first use, so `import quotes.models` (or `quotes --help`) does not
pay for importing spaCy.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS = {
    "Pipeline": "quotes.extraction.pipeline",
    "extract": "quotes.extraction.pipeline",
    "extract_documents": "quotes.extraction.pipeline",
    "make_pipeline": "quotes.extraction.pipeline",
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
    "extract",
    "extract_documents",
    "make_pipeline",
]

if TYPE_CHECKING:
    from quotes.extraction.pipeline import Pipeline, extract, extract_documents, make_pipeline
    from quotes.models import Cluster, Document, Quote, QuoteSpan, SourceMeta, Speaker


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'quotes' has no attribute {name!r}")
    value = getattr(import_module(_EXPORTS[name]), name)
    globals()[name] = value
    return value
