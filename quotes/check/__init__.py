"""`quotes check`: drafts against their sources."""
