"""Reading sources: files, folders, standard input, pages (HTML), .docx and URLs into `Document`s,
with where each comes from (front matter, manifests, a page's own metadata).

The only package that reads bytes; `extract`, `check` and the spaCy component all read through it.
"""
