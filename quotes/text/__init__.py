"""Text helpers shared by every stage: name keys and folding."""
