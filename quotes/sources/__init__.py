"""Reading sources: files, folders, standard input (and, later, HTML, .docx and URLs) into `Document`s.

The only package that reads bytes; `extract`, `check` and the spaCy component all read through it.
"""
