"""What the user sees: terminal tables, data files, atomic writes."""
