"""The context sentence around a quote (`quotes.output.context`)."""

from __future__ import annotations

from quotes.output.context import MAX_SIDE_CHARS, context_sentence


def around(text: str, quoted: str) -> str:
    start = text.index(quoted)
    return context_sentence(text, start, start + len(quoted)).line


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


def test_a_title_s_short_form_does_not_end_a_sentence() -> None:
    text = 'It rained. Mr. Falk and Dr. Ines Obi said the port would "reopen by June." They left.'
    assert around(text, "reopen by June.") == 'Mr. Falk and Dr. Ines Obi said the port would "reopen by June."'


def test_each_line_of_unwrapped_text_is_a_paragraph() -> None:
    text = "Falk spoke on Monday\nshe said the cranes would run again by June\nand then she left"
    assert around(text, "the cranes would run again by June") == "she said the cranes would run again by June"


WRAPPED = (
    "The port director spoke to reporters on Monday about the state of the\n"
    "harbour. Putin said on the same day that the operation in the Kursk region was\n"
    '"another provocation" by Kyiv and that the army would answer it in its own time\n'
    "and in its own way, as it always had done before.\n"
    "\n"
    "The cranes at the northern quay have stood idle since the strike began in the\n"
    "spring, and the director said they would run again by the end of June at the\n"
    "latest, once the unions had agreed to the new shifts that the port had offered.\n"
)


def test_hard_wrapped_lines_come_out_on_one_line() -> None:
    assert around(WRAPPED, "another provocation") == (
        'Putin said on the same day that the operation in the Kursk region was "another provocation" by Kyiv'
        " and that the army would answer it in its own time and in its own way, as it always had done before."
    )


def test_a_paragraph_without_sentence_ends_is_cut_near_the_quote() -> None:
    text = "word " * 1000 + "the harbour will reopen " + "word " * 1000
    assert len(around(text, "the harbour will reopen")) <= 2 * MAX_SIDE_CHARS + len("the harbour will reopen")
