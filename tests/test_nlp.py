"""Which text the parser reads: pieces cut at sentence ends, never one endless sentence."""

from __future__ import annotations

from quotes.extraction.parse import MAX_CHUNK_CHARS, MAX_SENTENCE_CHARS, chunks


def test_a_run_without_sentence_ends_is_parsed_in_pieces_cut_at_spaces():
    text = " ".join(["word"] * 5000)
    pieces = list(chunks(text, 0, len(text)))
    assert all(end - start <= MAX_SENTENCE_CHARS for start, end in pieces)
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    assert all(text[end - 1] == " " for _, end in pieces[:-1])


def test_sentences_are_packed_into_pieces_that_end_at_a_sentence_end():
    text = "The mayor spoke. " * 3000
    pieces = list(chunks(text, 0, len(text)))
    assert len(pieces) > 1 and all(end - start <= MAX_CHUNK_CHARS for start, end in pieces)
    assert all(text[start:end].endswith(". ") for start, end in pieces[:-1])
