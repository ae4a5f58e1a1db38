"""Title-case headlines get sentence case before parsing; names keep their capitals."""

from __future__ import annotations

from quotes.extraction.casing import is_title_case, names_in_running_text, sentence_case


def test_a_title_case_headline_is_recognised():
    assert is_title_case("Kyiv Denies Intent to Occupy Russian Territory")


def test_a_sentence_is_not_title_case():
    assert not is_title_case("The mayor said the bridge in Riga would reopen.")


def test_a_line_introducing_a_quote_with_a_colon_is_not_title_case():
    assert not is_title_case("Tomasz Brennan, Chief Financial Officer, added:")


def test_names_are_words_capitalised_inside_sentences():
    text = "The mayor of Riga spoke. Officials in Riga agreed."
    assert names_in_running_text(text, [(0, len(text))]) == {"Riga"}


def test_sentence_case_lowers_all_but_names_first_word_and_acronyms():
    assert sentence_case("Riga Mayor Denies NATO Plan", frozenset({"Riga"})) == "Riga mayor denies NATO plan"


def test_sentence_case_keeps_the_length():
    line = "Escalating Tensions: Mayor Warns of Delays"
    assert len(sentence_case(line, frozenset())) == len(line)
