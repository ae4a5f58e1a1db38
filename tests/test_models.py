"""The concepts the stages share, defined once in quotes.models."""

from __future__ import annotations

from quotes.models import Quote, resumes_split_quote


def _piece(text: str, start: int, paragraph: int = 3, kind: str = "direct") -> Quote:
    return Quote(source="a.txt", start=start, end=start + len(text), text=text, kind=kind, line=1, paragraph=paragraph)  # type: ignore[arg-type]


def test_a_piece_ending_in_a_comma_is_resumed_by_the_next_piece_a_few_characters_on() -> None:
    assert resumes_split_quote(_piece("After that,", 0), _piece("I guess we're done.", 25))


def test_a_piece_ending_a_sentence_is_not_resumed() -> None:
    assert not resumes_split_quote(_piece("We are done.", 0), _piece("and it hurts.", 25))


def test_pieces_in_two_paragraphs_are_two_quotes() -> None:
    assert not resumes_split_quote(_piece("After that,", 0), _piece("we go home.", 25, paragraph=4))


def test_pieces_far_apart_are_two_quotes() -> None:
    assert not resumes_split_quote(_piece("After that,", 0), _piece("we go home.", 500))


def test_reported_speech_is_never_a_piece_of_a_split_quote() -> None:
    assert not resumes_split_quote(_piece("After that,", 0), _piece("they would go home", 25, kind="indirect"))
