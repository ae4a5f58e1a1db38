"""Quote marks found by regex alone (no model)."""

from __future__ import annotations

import time
from dataclasses import replace

import pytest

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


def test_nested_quote_comes_after_its_outer_quote_with_its_depth(rules):
    text = "“She told me ‘never again’ and left,” the witness said."
    spans = find_quote_spans(text, rules)
    assert [(s.text, s.depth) for s in spans] == [("She told me ‘never again’ and left,", 0), ("never again", 1)]


def test_british_single_marks_nest_double_marks(rules):
    text = "‘When Hebden told me “we cannot cope”, I listened,’ she said. It’s the chiefs’ view."
    spans = find_quote_spans(text, rules)
    assert [(s.text, s.depth) for s in spans] == [("When Hebden told me “we cannot cope”, I listened,", 0), ("we cannot cope", 1)]


def test_spaced_french_guillemets(rules):
    text = "« Nous ne lâcherons rien », a-t-elle dit, « jamais »."
    assert texts(text, rules) == ["Nous ne lâcherons rien", "jamais"]


def test_reversed_guillemets(rules):
    assert texts("Er sagte: »Wir bauen neu.« Dann ging er.", rules) == ["Wir bauen neu."]


def test_typewriter_quotes(rules):
    text = "``We will not wait,'' he said, and ''the markets know it.''"
    assert texts(text, rules) == ["We will not wait,", "the markets know it."]


def test_swedish_marks_open_and_close_with_one_character(rules):
    text = "”Vi överklagar”, sa han. Hon sa: ”Han sa ’aldrig’ till mig.”"
    spans = find_quote_spans(text, rules)
    assert [(s.text, s.depth) for s in spans] == [("Vi överklagar", 0), ("Han sa ’aldrig’ till mig.", 0), ("aldrig", 1)]


def test_a_closing_mark_opens_nothing_where_the_document_uses_curly_pairs(rules):
    text = "“We will rebuild,” she said. He added ” nothing more."
    assert texts(text, rules) == ["We will rebuild,"]


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


def test_a_single_marked_quote_left_open_mid_paragraph_runs_on_into_the_paragraph_that_reopens_it(rules):
    text = "‘I never sewed,’ she says. ‘I learnt to look. She was always right.\n\n‘I cried for an hour.’\n"
    assert texts(text, rules) == ["I never sewed,", "I learnt to look. She was always right.", "I cried for an hour."]


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


def test_dialogue_dashes_give_the_speech_around_the_narrators_aside(rules):
    text = "The vote was done.\n\n—We will not leave this town —said the mayor, after the count—. Never. Not one of us.\n"
    assert texts(text, rules) == ["We will not leave this town", "Never. Not one of us."]


def test_a_dialogue_aside_at_the_end_of_the_paragraph_ends_the_speech(rules):
    text = "—Nobody asked us. Nobody —she said.\n"
    assert texts(text, rules) == ["Nobody asked us. Nobody"]


def test_a_dash_and_a_space_opening_a_paragraph_is_no_dialogue(rules):
    text = "Every crash involved someone outside a car.\n\n— Priya Nandakumar, transport director\n"
    assert texts(text, rules) == []


def test_a_spaced_dialogue_dash_gives_the_speech_before_the_narrators_aside(rules):
    rules = replace(rules, verb_forms=frozenset({"said"}))
    text = "The captain reached the mixed zone.\n\n– I didn't even see it go in, said Östberg. It just happened.\n"
    assert texts(text, rules) == ["I didn't even see it go in,", "It just happened."]


def test_a_spaced_dialogue_aside_between_dashes_runs_to_the_next_dash(rules):
    rules = replace(rules, verb_forms=frozenset({"said"}))
    text = (
        "The lagoon.\n\n— We are tired — said the fisherman, 61, as he dragged a net onto the sand. — Every year "
        "it is the same story.\n\n— It fed my father — said Cida, pointing at the water —, and now it feeds no one.\n"
    )
    spoken = ["We are tired", "Every year it is the same story.", "It fed my father", "and now it feeds no one."]
    assert texts(text, rules) == spoken


def test_a_spaced_dialogue_aside_between_dashes_may_open_with_the_speakers_name(rules):
    rules = replace(rules, verb_forms=frozenset({"said"}))
    text = "Water cuts.\n\n— We will not lie to people. The reservoir is low — Paredes said at a news conference.\n"
    assert texts(text, rules) == ["We will not lie to people. The reservoir is low"]


def test_an_attribution_set_inside_the_marks_parts_the_quote_in_two(rules):
    rules = replace(rules, verb_forms=frozenset({"declared", "said"}))
    text = (
        "Port.\n\n\u00ab It is not the sailors who should pay, declared Yannick Le Goff, to the crowd. "
        "It is the shipowner alone. \u00bb\n"
    )
    assert texts(text, rules) == ["It is not the sailors who should pay", "It is the shipowner alone."]


@pytest.mark.parametrize(
    ("inside", "pieces"),
    [
        ("This is not a reason, she said, to stop eating fish.", ["This is not a reason", "to stop eating fish."]),
        ("We will not wait, the minister added, for Ottawa to act.", ["We will not wait", "for Ottawa to act."]),
        (
            "If buyers read this wrongly, warns Gaétan Pelletier, head of l'Association des pêcheurs, it is we who pay.",
            ["If buyers read this wrongly", "it is we who pay."],
        ),
    ],
)
def test_an_attribution_set_between_commas_inside_the_marks_parts_the_quote_in_two(rules, inside, pieces):
    rules = replace(rules, verb_forms=frozenset({"said", "added", "warns"}))
    assert texts(f"Estuary.\n\n\u00ab {inside} \u00bb\n", rules) == pieces


def test_an_attribution_between_spaced_dashes_inside_the_marks_parts_the_quote_in_two(rules):
    rules = replace(rules, verb_forms=frozenset({"told", "said"}))
    text = (
        "Ward.\n\n\u201eNobody is closing anything - the voivode told our newspaper. - We are moving births "
        "to a larger hospital.\u201d\n"
    )
    assert texts(text, rules) == ["Nobody is closing anything", "We are moving births to a larger hospital."]


def test_a_comma_and_a_word_that_is_no_cue_inside_the_marks_parts_nothing(rules):
    rules = replace(rules, verb_forms=frozenset({"said"}))
    text = "Port.\n\n\u00ab We will pay for it, whatever Paris decides. Then we go home. \u00bb\n"
    assert texts(text, rules) == ["We will pay for it, whatever Paris decides. Then we go home."]


def test_a_speaker_telling_what_someone_told_them_inside_the_marks_is_one_quote(rules):
    rules = replace(rules, verb_forms=frozenset({"told", "said"}))
    text = "Match.\n\n\u201eWhen I asked the referee, she told me \u201aI had a clear view\u2018. A clear view of what?\u201c\n"
    assert texts(text, rules)[0] == "When I asked the referee, she told me \u201aI had a clear view\u2018. A clear view of what?"


def test_a_spaced_dash_paragraph_right_after_dialogue_continues_the_speech(rules):
    rules = replace(rules, verb_forms=frozenset({"said"}))
    text = "– We suffered for 88 minutes, said the coach.\n\n– Tonight the whole town can dream.\n"
    assert texts(text, rules) == ["We suffered for 88 minutes,", "Tonight the whole town can dream."]


def test_a_spaced_dialogue_aside_starts_at_the_comma_before_its_cue(rules):
    rules = replace(rules, verb_forms=frozenset({"said"}))
    text = "– Don't write that. Well, write it, said her father.\n"
    assert texts(text, rules) == ["Don't write that. Well, write it,"]


def test_spaced_dash_list_items_with_no_aside_are_no_dialogue(rules):
    text = "The plan has three parts.\n\n– New pumps at the lido.\n\n– A second changing block, paid by the council.\n"
    assert texts(text, rules) == []


def test_a_dash_paragraph_with_no_aside_before_one_with_an_aside_is_speech(quotes_of):
    text = (
        "Ski school\n\n"
        "At the school, headmaster G\u00f6ran Ekstr\u00f6m says the uncertainty has cost two applicants.\n\n"
        "\u2013 Families call me and ask whether the school will exist in three years.\n\n"
        "\u2013 What I can say is that we have twenty-four pupils, says Ekstr\u00f6m.\n"
    )
    assert [q.text for q in quotes_of(text) if q.kind == "direct"] == [
        "Families call me and ask whether the school will exist in three years.",
        "What I can say is that we have twenty-four pupils,",
    ]


def test_a_single_mark_after_s_before_and_closes_the_quote(quotes_of):
    text = (
        "Lights\n\n"
        "Town manager Dai Prosser said his players had 'grown a yard under those lights' and praised a crowd "
        "he described as 'the loudest I have heard here in twenty years'.\n"
    )
    assert [q.text for q in quotes_of(text) if q.kind == "partial"] == [
        "grown a yard under those lights",
        "the loudest I have heard here in twenty years",
    ]


def test_a_numbered_paragraph_after_a_single_mark_opens_a_quote_not_an_elided_year(rules):
    text = "The judgment reads:\n\n'41. The case is a Swedish one.\n\n'42. The evidence is not merely documentary.'\n"
    assert texts(text, rules) == ["41. The case is a Swedish one.", "42. The evidence is not merely documentary."]


def test_a_dash_paragraph_after_one_paragraph_of_narration_resumes_the_dialogue(rules):
    text = (
        "– It is a relief, above all for the families, says Karin Ålund.\n\n"
        "She stresses that the board has no role in the case.\n\n"
        "– They have waited more than a year, and that is far too long.\n"
    )
    assert "They have waited more than a year, and that is far too long." in texts(text, rules)
