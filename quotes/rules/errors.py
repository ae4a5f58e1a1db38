"""The one error the rules raise."""

from __future__ import annotations


class RulesError(ValueError):
    """A pattern file is malformed; the message names the file (and line where known)."""
