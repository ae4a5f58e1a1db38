"""quotes: who said what, and where each source reported it."""

from quotes.extract import Pipeline, extract, extract_documents, make_pipeline
from quotes.models import Cluster, Document, Quote, QuoteSpan, Speaker

__version__ = "0.1.0"

__all__ = ["Cluster", "Document", "Pipeline", "Quote", "QuoteSpan", "Speaker", "extract", "extract_documents", "make_pipeline"]
