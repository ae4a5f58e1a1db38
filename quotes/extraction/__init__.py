"""Extraction, in the order the data flows: marks and embeds (regex), parse (spaCy), cues and
speakers (attribution), reported content, speakers in the article, and the pipeline that joins them.
"""
