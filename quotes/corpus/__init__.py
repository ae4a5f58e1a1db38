"""Across articles: one identity per person (identities) and one row per utterance (clusters)."""
