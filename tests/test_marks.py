"""Quote marks found by regex alone (no model)."""

from __future__ import annotations

import time

from quotes.extraction.marks import find_quote_spans


def texts(text: str, rules) -> list[str]:
    return [s.text for s in find_quote_spans(text, rules)]


def test_straight_double_marks_give_the_text_inside(rules):
    text = 'The mayor said "the bridge opens in May" at noon.'
    spans = find_quote_spans(text, rules)
    assert [s.text for s in spans] == ["the bridge opens in May"]
    assert text[spans[0].start : spans[0].end] == "the bridge opens in May"


def test_curly_double_marks(rules):
    assert texts("“We are ready,” the coach said.", rules) == ["We are ready,"]


def test_guillemets_both_directions(rules):
    assert texts("Il a dit «nous gagnerons» hier. Er sagte »wir kommen« heute.", rules) == ["nous gagnerons", "wir kommen"]


def test_german_low_high_pairs(rules):
    assert texts("Sie sagte „Wir bleiben hier“ am Montag.", rules) == ["Wir bleiben hier"]
    assert texts("Er sagte ‚nein‘ dazu.", rules) == ["nein"]


def test_single_curly_and_straight_marks(rules):
    assert texts("‘The harvest was poor,’ the farmer said.", rules) == ["The harvest was poor,"]
    assert texts("'The harvest was poor,' the farmer said.", rules) == ["The harvest was poor,"]


def test_single_angle_marks(rules):
    assert texts("Elle a dit ‹oui› enfin.", rules) == ["oui"]


def test_nested_quote_stays_inside_the_outer_one(rules):
    text = "“She told me ‘never again’ and left,” the witness said."
    assert texts(text, rules) == ["She told me ‘never again’ and left,"]


def test_apostrophes_are_not_quote_marks(rules):
    text = "Canada's mayors in the '90s loved rock 'n' roll and didn't say so."
    assert texts(text, rules) == []


def test_contraction_inside_single_quoted_quote(rules):
    assert texts("'We don't know yet,' the captain said.", rules) == ["We don't know yet,"]


def test_plural_possessive_inside_single_quotes(rules):
    text = "'The farmers' union will strike,' the leader said."
    assert texts(text, rules) == ["The farmers' union will strike,"]


def test_split_quote_gives_two_pieces(rules):
    assert texts('"We will," she said, "win this."', rules) == ["We will,", "win this."]


def test_multi_paragraph_quote_continues(rules):
    text = '"The first part of the speech ran long.\n\n"The second part closed it," the chair said.'
    spans = find_quote_spans(text, rules)
    assert [s.text for s in spans] == ["The first part of the speech ran long.", "The second part closed it,"]
    assert [s.continues for s in spans] == [False, True]


def test_unclosed_mark_ends_at_its_paragraph(rules):
    text = 'He said "this never ends\n\nThe next paragraph is plain reporting with no marks.'
    spans = find_quote_spans(text, rules)
    assert [s.text for s in spans] == ["this never ends"]
    assert spans[0].closed is False


def test_unbalanced_marks_in_a_large_text_finish(rules):
    text = ("He said \" and then ' and « more " * 20000) + "\n"
    started = time.perf_counter()
    find_quote_spans(text, rules)
    assert time.perf_counter() - started < 10


def test_empty_text_has_no_quotes(rules):
    assert find_quote_spans("", rules) == []


def test_pairing_many_unclosed_marks_finds_the_dangling_quote(rules):
    text = "“a " * 20000
    spans = find_quote_spans(text, rules)
    assert len(spans) == 1 and not spans[0].closed


def test_pairing_many_possessives_keeps_every_quote(rules):
    text = "“x” ‘y’ soldiers’ rifles " * 5000
    spans = find_quote_spans(text, rules)
    assert [s.text for s in spans[:3]] == ["x", "y", "x"]
    assert len(spans) == 10000
