"""The context sentence around a quote (`quotes.output.context`)."""

from __future__ import annotations

from quotes.output.context import MAX_SIDE_CHARS, context_sentence


def around(text: str, quoted: str) -> str:
    start = text.index(quoted)
    return context_sentence(text, start, start + len(quoted))


def test_a_direct_quote_keeps_its_attribution_and_leaves_the_sentences_beside_it() -> None:
    text = 'Falk spoke on Monday. "The cranes will run again by June," Falk said. Then she left.'
    assert around(text, "The cranes will run again by June,") == '"The cranes will run again by June," Falk said.'


def test_the_context_never_leaves_the_quotes_paragraph() -> None:
    text = "Falk spoke on Monday\n\nshe said the cranes would run again by June\n\nand then she left"
    assert around(text, "the cranes would run again by June") == "she said the cranes would run again by June"


def test_a_question_mark_before_a_lower_case_word_does_not_end_the_sentence() -> None:
    text = 'Reporters pressed her. "Why now?" she asked. Nobody answered.'
    assert around(text, "Why now?") == '"Why now?" she asked.'


def test_a_single_capital_before_a_stop_is_an_abbreviation() -> None:
    text = "It rained. The U.S. envoy said the talks would resume. They did not."
    assert around(text, "the talks would resume") == "The U.S. envoy said the talks would resume."


def test_hard_wrapped_lines_come_out_on_one_line() -> None:
    text = 'Putin said the\noperation was\n"another provocation" by Kyiv.'
    assert around(text, "another provocation") == 'Putin said the operation was "another provocation" by Kyiv.'


def test_a_paragraph_without_sentence_ends_is_cut_near_the_quote() -> None:
    text = "word " * 1000 + "the harbour will reopen " + "word " * 1000
    assert len(around(text, "the harbour will reopen")) <= 2 * MAX_SIDE_CHARS + len("the harbour will reopen")
