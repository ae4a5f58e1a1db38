"""Which text the parser reads: pieces cut at sentence ends, never one endless sentence."""

from __future__ import annotations

from dataclasses import replace

import pytest

from quotes.extraction.parse import MAX_CHUNK_CHARS, MAX_SENTENCE_CHARS, chunks, irregular_forms, parse, word_before


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


@pytest.mark.model
def test_irregular_forms_of_cue_verbs_come_from_the_models_lemmatizer(pipeline):
    forms = irregular_forms(pipeline.nlp, {"say", "forbid", "state"})
    assert {"said", "forbade"} <= forms
    assert "stated" not in forms  # found from the stem "stat" already


@pytest.mark.model
def test_a_paragraph_with_only_an_irregular_cue_form_is_parsed(pipeline):
    rules = pipeline.matchers.rules
    assert rules.may_hold_speech("The mayor told reporters the bridge would close.")
    assert not rules.may_hold_speech("The bridge closed at noon.")


def test_the_irregular_forms_the_model_gives_feed_the_pre_parse_filter(rules):
    assert not rules.may_hold_speech("The court forbade it.")
    assert replace(rules, verb_forms=frozenset({"forbade"})).may_hold_speech("The court forbade it.")


@pytest.mark.parametrize("name", ["os", "json", "spacy"])
def test_a_model_name_that_is_no_spacy_pipeline_is_refused_without_importing_it(name):
    from quotes.extraction.parse import ModelNotFound, load_model

    with pytest.raises(ModelNotFound, match="not an installed spaCy pipeline package"):
        load_model(name)


def test_a_folder_that_is_no_pipeline_is_refused_with_what_it_lacks(tmp_path):
    from quotes.extraction.parse import ModelNotFound, load_model

    with pytest.raises(ModelNotFound, match=r"needs config\.cfg and meta\.json"):
        load_model(str(tmp_path))


def test_a_broken_pipeline_config_is_one_line(tmp_path):
    from quotes.extraction.parse import ModelNotFound, load_model

    (tmp_path / "config.cfg").write_text("[nlp\n", encoding="utf-8")
    (tmp_path / "meta.json").write_text("{}", encoding="utf-8")
    with pytest.raises(ModelNotFound, match="cannot load this spaCy pipeline"):
        load_model(str(tmp_path))


def test_a_blank_pipeline_is_refused_with_spacys_e155_named(tmp_path):
    import spacy

    from quotes.extraction.parse import ModelNotFound, load_model

    spacy.blank("en").to_disk(tmp_path / "blank")
    with pytest.raises(ModelNotFound, match="no parser or tagger"):
        load_model(str(tmp_path / "blank"))


def test_a_parse_of_text_with_runs_of_blanks_keeps_every_word_at_its_offset(pipeline):
    text = "  Minister  Ana Ruiz      said   it.  "
    [(doc, _)] = list(parse(pipeline.nlp, [(text, 0)]))
    words = [(t.text, t.idx) for t in doc if not t.is_space]
    assert doc.text == text and words[:3] == [("Minister", 2), ("Ana", 12), ("Ruiz", 16)]


def test_the_word_before_a_token_is_found_past_blanks_and_what_the_caller_passes(pipeline):
    [(doc, _)] = list(parse(pipeline.nlp, [('"We will," ,   said Ana.', 0)]))
    said = next(t for t in doc if t.text == "said")
    assert word_before(doc, said.i).text == ","
    assert word_before(doc, said.i, lambda t: t.is_space or t.text == ",").text == '"'
    assert word_before(doc, 0) is None


def test_a_name_whose_link_was_blanked_is_parsed_as_the_subject(quotes_of):
    text = (
        "Engineers are crawling under the crossings. Transport and Works Minister"
        " Lloyd Barrington-Clarke                                   has staked his name on a deadline:"
        ' "Every bridge will be inspected within thirty days."\n'
    )
    assert [q.speaker for q in quotes_of(text)] == ["Lloyd Barrington-Clarke"]


def test_a_name_set_off_by_a_comma_and_blanked_emphasis_speaks(quotes_of):
    text = (
        "A reader in Marlow Heights,   Denise Achterberg  , writes:\n\n"
        '"I ran HR at a 200-person company for eleven years. Every founder I worked for believed in bad news early."\n'
    )
    assert [q.speaker for q in quotes_of(text)] == ["Denise Achterberg"]
