"""Speakers of quoted speech, from the dependency parse. Sentences written for these tests."""

from __future__ import annotations

import pytest

from quotes.extraction.attribution import RULE_COLON_LABEL
from quotes.extraction.pipeline import extract

pytestmark = pytest.mark.model


def quoted(quotes):
    return [q for q in quotes if q.kind in ("direct", "partial")]


def direct_speakers(quotes):
    return [q.speaker for q in quotes if q.kind == "direct"]


def only(quotes):
    found = quoted(quotes)
    assert len(found) == 1, [(q.text, q.kind) for q in found]
    return found[0]


def test_attribution_after_the_quote(quotes_of):
    quote = only(quotes_of('Mayor Clara Voss opened the bridge.\n\n"The river will not divide us again," she said.'))
    assert quote.speaker == "Clara Voss"
    assert quote.speaker_mention == "she"
    assert quote.kind == "direct"


def test_attribution_before_the_quote_with_a_colon(quotes_of):
    quote = only(quotes_of('Fire chief Omar Haddad said: "Nobody was hurt in the blaze."'))
    assert quote.speaker == "Omar Haddad"
    assert quote.cue == "said"


def test_inverted_attribution(quotes_of):
    quote = only(quotes_of('"The schools reopen on Monday," said Mayor Lena Ortiz.'))
    assert quote.speaker == "Lena Ortiz"


def test_split_quote_pieces_share_the_speaker(quotes_of):
    found = quoted(quotes_of('"We will rebuild," Governor Ana Lima said, "and we will do it this year."'))
    assert [q.speaker for q in found] == ["Ana Lima", "Ana Lima"]
    assert [q.kind for q in found] == ["direct", "direct"]


def test_according_to_names_the_speaker(quotes_of):
    quote = only(quotes_of('The dam is "structurally sound and safe for years," according to engineer Paul Brandt.'))
    assert quote.speaker == "Paul Brandt"
    assert quote.kind == "partial"


def test_told_reporters(quotes_of):
    quote = only(quotes_of('Coach Mia Berg told reporters: "The team gave everything tonight."'))
    assert quote.speaker == "Mia Berg"


def test_was_quoted_as_saying(quotes_of):
    quote = only(quotes_of('"Prices will fall by winter," banker Ivo Stein was quoted as saying by the local paper.'))
    assert quote.speaker == "Ivo Stein"


def test_in_a_statement_speaker_said(quotes_of):
    quote = only(quotes_of('In a statement, the company director Rosa Delgado said: "We regret the delay."'))
    assert quote.speaker == "Rosa Delgado"


def test_adding_that_keeps_the_speaker(quotes_of):
    text = 'Senator Hal Morton said the vote was fair, adding that "nothing in the count was unusual."'
    quote = only(quotes_of(text))
    assert quote.speaker == "Hal Morton"
    assert quote.kind == "partial"


def test_unattributed_paragraph_continues_the_previous_speaker(quotes_of):
    text = '"The harvest failed twice," farmer Jon Pike said.\n\n"We have nothing left to sell this autumn."'
    found = quoted(quotes_of(text))
    assert [q.speaker for q in found] == ["Jon Pike", "Jon Pike"]


def test_multi_paragraph_quote_keeps_one_speaker(quotes_of):
    text = 'Nurse Ella Grant said: "The ward was full by midnight.\n\n"By morning we had run out of beds."'
    found = quoted(quotes_of(text))
    assert len(found) == 2
    assert {q.speaker for q in found} == {"Ella Grant"}


def test_pronoun_resolves_to_the_last_named_person(quotes_of):
    text = 'Ada Brenner runs the shelter.\n\nShe said the winter was "the hardest in a decade."'
    assert only(quotes_of(text)).speaker == "Ada Brenner"


def test_she_skips_a_man_named_after_her_by_his_first_name(quotes_of):
    text = 'Nadia Okafor chaired the meeting and councillor Peter Haines opened it. "We need the money now," she said.'
    assert only(quotes_of(text)).speaker == "Nadia Okafor"


def test_she_skips_a_man_called_mr(quotes_of):
    text = 'Mr Berg spoke after Alex Lund. "It was a fair deal," she said.'
    assert only(quotes_of(text)).speaker == "Alex Lund"


def test_she_skips_a_subject_who_speaks_of_his_own_staff(quotes_of):
    text = 'Robin Hale took questions after the vote. Taylor Brooks thanked his staff. "We start again tomorrow," she said.'
    assert only(quotes_of(text)).speaker == "Robin Hale"


def test_a_name_beside_the_subject_is_a_subject_for_a_later_pronoun(quotes_of):
    text = 'Sam Cole chaired the meeting. The club\'s treasurer, Robin Ward, opened the books. "Nothing is hidden," she said.'
    assert only(quotes_of(text)).speaker == "Robin Ward"


def test_a_surname_opening_a_sentence_resolves_to_the_full_name(quotes_of):
    # the tagger makes "Haines" a common noun here
    found = quotes_of("Councillor Peter Haines chairs the committee.\n\nHaines, however, said the budget was tight.")
    assert [(q.text, q.speaker) for q in found] == [("the budget was tight", "Peter Haines")]


def test_a_surname_opening_a_sentence_is_a_subject_for_a_later_pronoun(quotes_of):
    text = (
        "Dr Robin Voss led the research. Sam Jones took part in the study.\n\n"
        'Voss, for her part, still goes to concerts. "I wear earplugs," she said.'
    )
    assert only(quotes_of(text)).speaker == "Robin Voss"


def test_a_name_given_by_calls_is_not_speech(quotes_of):
    assert quoted(quotes_of('It answers questions through a voice assistant the company calls "Echo."')) == []


def test_words_a_person_called_something_are_that_persons_verdict(quotes_of):
    text = 'Counsel Ravi Menon said his client would appeal the order, which he called "reckless and premature".'
    assert [(q.text, q.speaker) for q in quoted(quotes_of(text))] == [("reckless and premature", "Ravi Menon")]


def test_a_long_quote_after_called_is_speech(quotes_of):
    text = 'The mayor called "for everyone to remain calm and stay indoors until the storm passes," officials said.'
    assert [(q.kind, q.speaker) for q in quoted(quotes_of(text))] == [("partial", "mayor")]


def test_each_quote_knows_its_paragraph(quotes_of):
    text = 'Mayor Lena Ortiz spoke first.\n\n"The bridge will open in May," she said.\n\nOrtiz said the ferry would stop.'
    assert [(q.kind, q.paragraph) for q in quotes_of(text)] == [("direct", 1), ("indirect", 2)]


def test_surname_resolves_to_the_full_name_given_earlier(quotes_of):
    text = 'Rail union leader Tomas Kral called the strike.\n\n"We will not back down," Kral said.'
    quote = only(quotes_of(text))
    assert quote.speaker == "Tomas Kral"
    assert quote.speaker_mention == "Kral"


def test_title_resolves_to_the_organisation_named_earlier(quotes_of):
    text = (
        "The Harbour Safety Ministry published its findings on Tuesday.\n\n"
        '"The ferry was overloaded by forty people," the ministry said.'
    )
    assert only(quotes_of(text)).speaker == "Harbour Safety Ministry"


def test_outlet_that_relays_is_not_the_speaker(quotes_of):
    text = 'Minister Karl Aho said the plan was "dead on arrival," the Northern Herald newspaper reported.'
    quote = only(quotes_of(text))
    assert quote.speaker == "Karl Aho"


def test_scare_quotes_are_not_speech(quotes_of):
    assert quoted(quotes_of('Critics mocked the "smart" fence that the council built.')) == []


def test_a_short_quote_that_is_a_sentence_of_its_own_is_speech(quotes_of):
    text = 'Strike\n\nCommuters were angry.\n\n"I\'m with the drivers," Ortega said. "But I\'m tired."\n'
    assert [(q.text, q.speaker) for q in quoted(quotes_of(text))][-1] == ("But I'm tired.", "Ortega")


def test_a_quote_in_what_someone_is_accused_of_saying_is_the_accused_ones(quotes_of):
    text = 'Debate\n\nKessler accused Whitaker of telling donors that "everything has to be on the table."\n'
    assert [q.speaker for q in quoted(quotes_of(text))] == ["Whitaker"]


def test_a_charge_with_no_words_in_it_is_no_speech_of_the_accused(quotes_of):
    text = "Water\n\nThe agency has cited Brentwood twice for reporting water-quality test results late.\n"
    assert [q.speaker for q in quotes_of(text)] == []


def test_names_in_marks_are_not_speech(quotes_of):
    assert quoted(quotes_of('The film "Silver Lake" opened on Friday, according to the studio.')) == []


def test_a_quoted_name_as_subject_is_not_speech(quotes_of):
    assert quoted(quotes_of('"Northwatch" reported that the pass was closed.')) == []


def test_fragment_inside_reporting_sentence_is_partial(quotes_of):
    quote = only(quotes_of('The inspector said the kitchen was "a serious hazard to guests."'))
    assert quote.kind == "partial"
    assert quote.speaker == "inspector" or quote.speaker_mention == "The inspector"


def test_a_whole_sentence_after_said_and_a_comma_is_direct(quotes_of):
    quote = only(quotes_of('A porter came up and said, "There is water in the lift shaft."'))
    assert quote.kind == "direct"


def test_a_verb_introduces_the_quote_paragraph_not_a_statement_noun_in_its_object(quotes_of):
    text = (
        "Northway Rail's chief operating officer, Declan Furlong, has responded to the union's announcement "
        "that it would not put the offer to members:\n\n"
        '"This strike is entirely avoidable. We have put a fair offer on the table."'
    )
    [quote] = [q for q in quotes_of(text) if q.kind == "direct"]
    assert quote.speaker == "Declan Furlong"


def test_the_main_verb_of_an_introduction_speaks_not_a_cue_in_its_clause(quotes_of):
    text = (
        "The wolf adviser, Torsten Rehbein, inspected the carcasses. Anke Poppinga recounts what he told her:\n\n"
        '"He looked at the bite marks and went quiet. I had known it already."'
    )
    [quote] = [q for q in quotes_of(text) if q.kind == "direct"]
    assert quote.speaker == "Anke Poppinga"


def test_a_paragraph_ending_in_its_subjects_speech_verb_introduces_the_quote_paragraph(quotes_of):
    text = (
        "Marta Quill, the keeper, was at the far post. Years later the club sold the ground to a developer.\n\n"
        "Quill tells the story slowly, sitting in the empty stand.\n\n"
        "\u201cThe ball hit the bar and came down on the line. Nobody saw it but me.\u201d\n"
    )
    [quote] = [q for q in quotes_of(text) if q.kind == "direct"]
    assert quote.speaker == "Marta Quill"


def test_the_speaker_named_at_a_quotes_end_outweighs_the_narration_before_it(quotes_of):
    text = (
        "Ines Varga tells the story of the flood in her book.\n\n"
        "\u201cThe water came up the stairs in an hour.\n\n"
        "\u201cWe lost everything on the ground floor,\u201d said Tomas Brandl, her neighbour.\n"
    )
    assert direct_speakers(quotes_of(text)) == ["Tomas Brandl", "Tomas Brandl"]


def test_the_last_sentence_of_a_quote_paragraph_introduces_no_one(quotes_of):
    text = (
        "The inquiry sat for a week.\n\n"
        "\u201cWe walked the line at dawn. It was a fine day. It carried a post from the depot.\n\n"
        "\u201cNobody told us the bridge had moved.\u201d\n"
    )
    assert direct_speakers(quotes_of(text)) == [None, None]


def test_a_clause_ending_in_a_colon_before_a_quote_is_its_subjects(quotes_of):
    text = (
        "Marisa Holcomb built her best moment around water: "
        '"When a mom has to think twice about mixing formula with tap water, something has gone wrong."'
    )
    [quote] = [q for q in quotes_of(text) if q.kind == "direct"]
    assert quote.speaker == "Marisa Holcomb"


def test_a_name_someone_called_me_is_no_speech(quotes_of):
    text = (
        "Roofer jailed\n\nLorraine Mabry, 78, told the judge she had paid him $14,800.\n\n"
        '"He sat at my kitchen table," she said. "He called me \'Miss Lorraine.\' And then he stopped answering the phone."\n'
    )
    assert [q.text for q in quotes_of(text) if q.text.startswith("Miss Lorraine")] == []


def test_a_headline_label_speaks_a_short_quote_after_a_short_topic(quotes_of):
    text = "Rail strike\n\nNorthway Rail boss: strike 'entirely avoidable'\n\nDeclan Furlong runs the railway.\n"
    [quote] = [q for q in quotes_of(text) if q.text == "entirely avoidable"]
    assert quote.rule == RULE_COLON_LABEL


def test_a_title_case_heading_keeps_the_capital_of_a_first_name(quotes_of):
    text = "Councillor Tom Brennan Says Council Has No Plans To Sell Lido\n\nThe lido has been shut since March.\n"
    assert [q.speaker for q in quotes_of(text) if q.kind == "indirect"] == ["Tom Brennan"]


def test_a_verbless_response_from_someone_heading_introduces_their_quote(quotes_of):
    text = (
        "Minutes\n\n"
        "Response from Councillor Tom Brennan (Labour), Cabinet Member for Leisure and Culture:\n\n"
        '"The Council has no plans to sell the site, and I want to be clear about that tonight."\n'
    )
    [quote] = [q for q in quotes_of(text) if q.kind == "direct"]
    assert quote.speaker == "Tom Brennan"


def test_a_colon_clause_speaks_even_when_the_parse_hangs_it_on_the_quote(quotes_of):
    text = (
        "Corvane\n\n"
        '"We are protecting the balance sheet," chief executive Rachel Imbert said. Analyst Priyanka Desai was '
        'unconvinced: "Management is guiding to a recovery that none of the suppliers are seeing."'
    )
    [quote] = [q for q in quotes_of(text) if q.text.startswith("Management")]
    assert quote.speaker == "Priyanka Desai"


def test_whoever_remembers_someone_as_the_quoted_words_speaks_them(quotes_of):
    text = (
        "Obituary\n\n"
        '"People keep calling it an icon," Margaret Aske said in 1994. Her colleague Felix Brandt remembered '
        'her as "the most stubborn person I ever met, and usually the rightest".'
    )
    [quote] = [q for q in quotes_of(text) if q.text.startswith("the most stubborn")]
    assert quote.speaker == "Felix Brandt"


def test_embedded_post_is_attributed_to_its_display_name(quotes_of):
    text = "Officials confirmed the closure.\n\nThe road is shut until Friday. — Road Watch (@roadwatch) June 2, 2024"
    [post] = [q for q in quotes_of(text) if q.kind == "embed"]
    assert post.speaker == "Road Watch"


@pytest.mark.model
def test_he_said_skips_a_country_named_since_the_speaker(quotes_of):
    text = (
        "Foreign minister Kim Lind said on Monday that Norway had stopped the talks.\n\n"
        '"The pressure on Norway is growing," he said.\n'
    )
    quoted = [q for q in quotes_of(text) if q.kind == "direct"]
    assert [q.speaker for q in quoted] == ["Kim Lind"]


@pytest.mark.model
def test_a_shortened_group_name_resolves_to_the_group_named_before(quotes_of):
    text = (
        "Russian military bloggers said the bridge had been hit twice.\n\n"
        "The military bloggers also said the ferry had stopped running.\n"
    )
    assert {q.speaker for q in quotes_of(text) if q.kind == "indirect"} == {"Russian military bloggers"}


def test_dateline_in_capitals_is_not_the_speaker(quotes_of):
    found = quotes_of(
        "OSLO — Harbour master Ingrid Dahl, who has run the port since 2019, said on Monday that the ferries would resume."
    )
    assert [(q.text, q.speaker) for q in found] == [("the ferries would resume", "Ingrid Dahl")]


def test_paragraph_ending_with_said_colon_attributes_the_quote_that_opens_the_next(quotes_of):
    text = (
        'Coach Lisa Crane, whose side played a man short, said:\n\n"I asked them to stay compact, and they did that all game.'
        '\n\n"We will be fine if we keep playing like that."'
    )
    assert [q.speaker for q in quoted(quotes_of(text))] == ["Lisa Crane", "Lisa Crane"]


def test_organisation_name_with_a_plural_possessive_is_whole(quotes_of):
    found = quotes_of("The National Farmers' Union says it is not opposed to the scheme.")
    assert [q.speaker for q in found] == ["National Farmers' Union"]


def test_name_with_a_which_clause_is_an_organisation_for_a_later_it(quotes_of):
    text = (
        "Tom Pengelly spoke first. Natural England, which issued the licence, said the release was closely watched."
        " Animals could be moved if they caused problems, it added."
    )
    added = [q for q in quotes_of(text) if q.cue == "added"]
    assert [(q.speaker, q.speaker_kind) for q in added] == [("Natural England", "organisation")]


def test_the_company_is_the_organisation_named_last(quotes_of):
    text = "Brightway Electronics said profit rose. Revenue rose 6 percent to $9.8 billion, the company said."
    found = [(q.text, q.speaker) for q in quotes_of(text)]
    assert ("Revenue rose 6 percent to $9.8 billion", "Brightway Electronics") in found


def test_a_spokesperson_for_a_named_body_speaks_for_it(quotes_of):
    found = quotes_of("A spokesperson for the charity RNID said venues should hand out free earplugs.")
    assert [q.speaker for q in found] == ["RNID"]


def test_content_of_a_data_source_is_not_speech(quotes_of):
    text = "Shares fell 4 percent in early trading, according to LSEG data. Agency records show the plant was cited twice."
    assert [q for q in quotes_of(text) if q.kind == "indirect"] == []


def test_what_a_study_or_trial_suggests_is_not_speech(quotes_of):
    text = (
        "Green walks cut blood pressure in older adults, trial suggests\n\n"
        "A daily walk in a park lowered blood pressure, according to a randomised trial published on Wednesday.\n"
    )
    assert [q for q in quotes_of(text) if q.kind == "indirect"] == []


def test_long_title_in_title_case_after_titled_is_not_speech(quotes_of):
    text = 'A study titled "Cumulative Noise Exposure and Hidden Hearing Loss in Adult Concertgoers" followed 2,400 people.'
    assert quoted(quotes_of(text)) == []


def test_each_quote_keeps_the_label_of_the_rule_that_gave_its_speaker(quotes_of):
    (quote,) = quotes_of('"We will rebuild the bridge," the mayor said.')
    assert quote.rule == "subject"
    assert quote.to_record()["rule"] == "subject"


def test_a_quote_that_takes_the_speaker_before_says_so_in_its_rule(quotes_of):
    first, second = quotes_of('"We will rebuild the bridge," the mayor said. "It will take two years."')
    assert (first.rule, second.rule) == ("subject", "continues the quote before")
    assert second.speaker == first.speaker


@pytest.mark.model
def test_a_sentence_ending_in_a_colon_gives_its_subject_to_the_quote_that_opens_the_next_paragraph(quotes_of):
    text = (
        "Obituary\n\n"
        "Celia Ramos, who played alto saxophone in the band, described his rehearsals:\n\n"
        "“He never shouted. He would hum the phrase right in your ear.\n\n"
        "“Nobody made me better than Ignacio.”\n"
    )
    found = {q.text: q.speaker for q in quotes_of(text)}
    assert found["He never shouted. He would hum the phrase right in your ear."] == "Celia Ramos"
    assert found["Nobody made me better than Ignacio."] == "Celia Ramos"


@pytest.mark.model
def test_a_name_and_a_colon_before_a_quote_speak_it(quotes_of):
    text = 'Floods\n\nPriya Ramsden: "Nobody will be left behind"\n\nMore rain is due.\n'
    assert only(quotes_of(text)).speaker == "Priya Ramsden"


def _speakers_of_markdown(folder, pipeline, text: str) -> list[str | None]:
    """The speakers `quotes` gives a Markdown file of `text`, read as a .md file is (its syntax blanked)."""
    page = folder / "page.md"
    page.write_text(text, encoding="utf-8")
    return [q.speaker for q in extract(page, pipeline=pipeline)]


@pytest.mark.model
def test_a_list_items_topic_before_the_name_and_colon_is_no_part_of_the_label(tmp_path, pipeline):
    text = (
        "# Explainer\n\nWhat the study's author says:\n\n"
        '- On the headline number, [Claire Boisvert](https://example.org/cb): "We found fibres in nine of ten fish."\n'
        '- On what it means for your dinner: "This is not a reason to stop eating fish."\n'
    )
    assert _speakers_of_markdown(tmp_path, pipeline, text) == ["Claire Boisvert", "Claire Boisvert"]


@pytest.mark.model
def test_a_show_notes_bullet_with_a_time_stamp_and_a_name_on_a_topic_speaks_its_quote(tmp_path, pipeline):
    text = (
        "# Episode 212\n\nIn this episode:\n\n"
        "- **[04:50]** Ana on why the hold was hawkish: 'The statement didn't just hold. It slammed the door.'\n"
        "- **[09:05]** Governor Marchand's press conference, and what markets made of it.\n"
    )
    assert _speakers_of_markdown(tmp_path, pipeline, text) == ["Ana"]


@pytest.mark.model
def test_a_list_item_labelled_with_a_name_and_description_speaks_its_quote(quotes_of):
    text = (
        "Meeting\n\nPublic comment ran long. A sampling:\n\n"
        '- Gloria Benitez, who owns a hardware shop: "Half my customers drive in."\n'
        '- Ben Sato: "Build it."\n'
    )
    assert {q.text: q.speaker for q in quotes_of(text)} == {
        "Half my customers drive in.": "Gloria Benitez",
        "Build it.": "Ben Sato",
    }


@pytest.mark.model
def test_a_sentence_before_a_colon_is_no_label(quotes_of):
    text = 'Floods\n\nThe council put one line on its website: "All our schools will be open as usual tomorrow."\n'
    assert only(quotes_of(text)).speaker is None


@pytest.mark.model
def test_a_name_after_a_dash_that_follows_the_quote_speaks_it(quotes_of):
    text = (
        "Release\n\nWhat partners are saying:\n"
        '- "This agreement lets us keep rates stable for our members." -- Walt Hendricks, General Manager, Tri-County Electric\n'
        '- "Storage is how Texas keeps the lights on." -- Dr. Raymond Liu, Director, Gulf Coast Energy Institute\n'
    )
    speakers = [q.speaker for q in quotes_of(text)]
    assert speakers == ["Walt Hendricks", "Raymond Liu"]


@pytest.mark.model
def test_whoever_reads_a_statement_speaks_the_quote_paragraphs_after_it(quotes_of):
    text = (
        "Strike\n\nUnion president Carl Desrosiers read a statement to members outside the hall.\n\n"
        '"Nobody in this hall is against modern equipment. We have driven every crane.\n\n'
        '"If the company wants to talk, we will be at the table."\n'
    )
    assert {q.speaker for q in quotes_of(text)} == {"Carl Desrosiers"}


@pytest.mark.model
def test_an_organisation_name_keeps_its_of_phrase_with_and(quotes_of):
    text = "Cladding\n\nThe Ministry of Housing, Communities and Local Government said it was in close contact.\n"
    [quote] = quotes_of(text)
    assert quote.speaker == "Ministry of Housing, Communities and Local Government"


@pytest.mark.model
def test_a_spokesperson_for_a_named_platform_speaks_for_it_whatever_the_parse(quotes_of):
    text = 'Rentals\n\nA spokesperson for the rental platform Nestly said the company was "deeply disappointed" by the vote.\n'
    assert {q.speaker for q in quotes_of(text)} == {"Nestly"}


@pytest.mark.model
def test_of_two_subjects_of_one_speech_verb_the_nearer_speaks(quotes_of):
    text = "War\n\nAT&T — “We will win this war,” said Volodymyr Zelensky.\n"
    assert only(quotes_of(text)).speaker == "Volodymyr Zelensky"


def test_the_opening_paragraph_of_a_multi_paragraph_quote_takes_the_speaker_named_at_its_end(quotes_of):
    text = (
        "Water rates rise\n\n"
        "The authority voted on Monday night to raise rates by 11 percent.\n\n"
        '"Nobody on this board wants to raise rates. But the alternative is worse.\n\n'
        '"We have families whose children have tested above the action level," said board chair Ruth Oyelaran.\n'
    )
    speakers = {q.text: q.speaker for q in quotes_of(text)}
    assert speakers["Nobody on this board wants to raise rates. But the alternative is worse."] == "Ruth Oyelaran"


def test_a_role_with_a_name_in_apposition_is_the_subject_of_the_verb_after_it(quotes_of):
    text = (
        "Fuel row\n\n"
        "The Liberal Democrats’ Treasury spokesperson, Priya Nandakumar, called on the chancellor to "
        "‘come clean’ about who would pay for the freeze.\n"
    )
    assert {q.text: q.speaker for q in quotes_of(text)}["come clean"] == "Priya Nandakumar"


def test_with_someone_saying_is_that_persons_statement(quotes_of):
    text = (
        "Rail talks\n\n"
        "Talks broke down shortly after 14:30, with the union’s general secretary, Kevin Malloy, "
        "saying members had been “insulted” by the pay offer.\n"
    )
    assert {q.text: q.speaker for q in quotes_of(text)}["insulted"] == "Kevin Malloy"


def test_someone_a_verb_leaves_to_explain_says_the_words(quotes_of):
    text = (
        "Briefing\n\nFiona Callaghan told reporters the design was never lodged, leaving her chief surveyor, "
        "Raj Menon, to explain that \u201cunder the current rules it did not have to be\u201d.\n"
    )
    assert {q.text: q.speaker for q in quotes_of(text)}["under the current rules it did not have to be"] == "Raj Menon"


def test_someone_asked_to_explain_does_not_say_the_words(quotes_of):
    text = "Briefing\n\nFiona Callaghan asked Raj Menon to explain that \u201cthe rules had changed\u201d.\n"
    assert {q.text: q.speaker for q in quotes_of(text)}["the rules had changed"] != "Raj Menon"


def test_a_naming_verb_with_two_subjects_is_the_nearer_ones(quotes_of):
    text = (
        "Sentencing\n\nSentencing Rafferty yesterday, Judge Eoghan Kilcullen described the attack as "
        '"an act of calculated spite" by a man who had lost a contract.\n'
    )
    assert {q.text: q.speaker for q in quotes_of(text)}["an act of calculated spite"] == "Eoghan Kilcullen"


def test_a_name_opening_the_sentence_speaks_when_the_parse_leaves_the_cue_no_subject(quotes_of):
    text = (
        "Board\n\nDr Nadia Okafor-Reid, a lecturer in medieval archaeology at Caldermoor and lead author of the study, "
        "said: \u201cThis is a small object with a very big footprint.\u201d\n"
    )
    assert {q.text: q.speaker for q in quotes_of(text)}[
        "This is a small object with a very big footprint."
    ] == "Nadia Okafor-Reid"


def test_a_discourse_marker_before_a_name_is_no_speaker(quotes_of):
    text = (
        "Digest\n\nAlso FYI, Kyle Brandt from PHRT media relations told Channel 9 at six that the authority "
        '"remains at the table" and that service would run.\n'
    )
    assert {q.text: q.speaker for q in quotes_of(text)}["remains at the table"] == "Kyle Brandt"


def test_an_expletive_it_is_no_speaker_of_a_verb_coordinated_with_its_copula(quotes_of):
    text = (
        "Split\n\nIt's a far cry from 2023, when Jax Everly told Soundcheck magazine he could not imagine life "
        "without her, and said he had written most of the last album.\n"
    )
    speakers = {q.text: q.speaker for q in quotes_of(text)}
    assert speakers["he had written most of the last album"] == "Jax Everly"


def test_the_he_who_speaks_in_a_reported_clause_is_the_reporter(quotes_of):
    text = (
        "SIENNA AND JAX SPLIT: Harbour Lights star and rocker call time on four-year romance\n\n"
        "It's a far cry from 2023, when Jax told Soundcheck magazine he \"couldn't imagine\" life without "
        'Sienna, and said he had written "half the last album" about her.\n'
    )
    assert {q.text: q.speaker for q in quotes_of(text)}["half the last album"] == "Jax"


def test_a_naming_verb_the_parse_left_no_subject_is_the_opening_name_s(quotes_of):
    text = (
        "Mill\n\nMayor Chantal Gervais, who was told of the closure in a phone call from the company 30 minutes "
        'before it was made public, described it as "a sledgehammer blow for the whole region."\n'
    )
    speakers = {q.text: q.speaker for q in quotes_of(text)}
    assert speakers["a sledgehammer blow for the whole region."] == "Chantal Gervais"


def test_the_she_of_a_question_someone_asks_is_not_the_asker(quotes_of):
    text = (
        "AMA\n\nDr. Annika Thorsrud, a glaciologist, answered questions on Tuesday.\n\n"
        "In one of the longest exchanges, u/NordlysNils asked why her team still drills by hand. Her answer, in full:\n\n"
        '"Because the drill that fits in a helicopter is the drill you get."\n'
    )
    speakers = {q.text: q.speaker for q in quotes_of(text)}
    assert speakers["Because the drill that fits in a helicopter is the drill you get."] == "Annika Thorsrud"


def test_a_past_tense_after_a_negated_verb_keeps_the_subject(quotes_of):
    text = (
        "Firms\n\nMinister Tan Kah Meng spoke on Monday. He did not name the firms, but said two of them were "
        "listed in Singapore.\n"
    )
    assert {q.text: q.speaker for q in quotes_of(text)}["two of them were listed in Singapore"] == "Tan Kah Meng"


def test_the_words_someone_used_are_theirs(quotes_of):
    text = (
        "Court\n\nJUSTICE OKAFOR: Counsel, your friend says the ordinance tells a vessel how to operate. Congress "
        'used the words "design or operation of a vessel." What work is the word doing?\n'
    )
    assert {q.text: q.speaker for q in quotes_of(text)}["design or operation of a vessel."] == "Congress"


def test_met_with_someone_then_instructing_is_the_subjects_statement(quotes_of):
    text = "Kursk\n\nVladimir Putin met with Governor Alexey Smirnov, instructing agencies to assist the region’s citizens.\n"
    assert {q.text: q.speaker for q in quotes_of(text)}["agencies to assist the region’s citizens"] == "Vladimir Putin"


def test_a_name_between_two_pieces_of_a_split_quote_speaks_both(quotes_of):
    text = (
        "Sleep study\n\n"
        "“The results,” said Dr. Adaeze Okonjo, a sleep scientist at the University of Colorado Anschutz Medical Campus, "
        "“surprised even those of us who expected a benefit.”\n"
    )
    assert [q.speaker for q in quotes_of(text)] == ["Adaeze Okonjo", "Adaeze Okonjo"]


def test_a_verbless_heading_with_a_colon_names_who_speaks_the_quote_after_it(quotes_of):
    text = (
        "Wings rally\n\n"
        "Tamika Rowe declined to criticize the officiating. “We had our chances,” Rowe said.\n\n"
        "Caldwell on the rally, at her postgame news conference:\n\n"
        "“I told them at the three-minute timeout to get one stop. And they listened.”\n"
    )
    speakers = {q.text: q.speaker for q in quotes_of(text)}
    assert speakers["I told them at the three-minute timeout to get one stop. And they listened."] == "Caldwell"


def test_a_question_in_marks_is_attributed_by_the_short_sentence_after_it(quotes_of):
    text = "Levy\n\nArlene Voss, 81, spoke first. “Where else am I going to get that?” Voss asked.\n"
    assert [q.speaker for q in quotes_of(text)] == ["Arlene Voss"]


def test_a_phrasal_verb_of_reply_is_a_cue(quotes_of):
    text = (
        'Mayor Clara Voss defended the budget.\n\n"It is a fair settlement," she said.\n\n'
        '"It is a giveaway," Councillor Aaron Pike fired back.'
    )
    assert quoted(quotes_of(text))[-1].speaker == "Aaron Pike"


def test_a_surname_the_parser_took_for_an_adverb_after_a_quote_is_the_subject(quotes_of):
    text = (
        'Councillor Aaron Pike questioned the mayor.\n\n"The budget is sound," Mayor Clara Voss said.\n\n'
        '"I did not ask whether it was sound," Pike shot back.'
    )
    assert quoted(quotes_of(text))[-1].speaker == "Aaron Pike"


def test_the_subject_of_a_naming_verb_speaks_the_words_in_its_object(quotes_of):
    text = 'Budget\n\nSenator Maria Alvarez described the plan as "reckless and cruel" on Tuesday.\n'
    assert [(q.kind, q.speaker) for q in quotes_of(text)] == [("partial", "Maria Alvarez")]


def test_words_a_naming_verb_gives_inside_reported_speech_are_its_subjects(quotes_of):
    text = 'Budget\n\nThe mayor, Clara Voss, said that critics had dismissed the budget as "a fantasy."\n'
    assert [(q.kind, q.speaker) for q in quotes_of(text)] == [("indirect", "Clara Voss"), ("partial", "critics")]


def test_a_possessive_campaign_speaks_as_its_owners_campaign(quotes_of):
    text = "Race\n\nSenator Elaine Marsh toured Raleigh. Her campaign said that the plan would hurt families.\n"
    assert [q.speaker for q in quotes_of(text)] == ["Elaine Marsh campaign"]


def test_a_possessive_aides_resolve_their_owner_across_paragraphs(quotes_of):
    text = 'Race\n\nGovernor Tom Reed spoke. "We will win," he said.\n\nHis aides said that he would travel on Friday.\n'
    assert [q.speaker for q in quotes_of(text)] == ["Tom Reed", "Tom Reed aides"]


def test_a_headline_role_stands_for_the_person_the_story_names_with_it(quotes_of):
    text = (
        "Closure 'a betrayal', says Shrewsford MP\n\n"
        "The maternity unit at Shrewsford General Hospital will close in March, the trust said.\n\n"
        "Births will move to Telford, 30 miles away, from the spring.\n\n"
        "Rachel Dunmore, the Labour MP for Shrewsford, told the BBC: 'I have had mothers in tears in my surgery.'\n"
    )
    in_headline = [q.speaker for q in quotes_of(text) if q.paragraph == 0]
    assert in_headline and set(in_headline) == {"Rachel Dunmore"}


def test_a_bodys_forecasters_speak_as_that_body(quotes_of):
    text = (
        "Storm\n\nThe National Hurricane Center issued a warning at 5 a.m.\n\n"
        'The center\'s forecasters said the surge would be "life-threatening" along the coast.\n'
    )
    assert {q.speaker for q in quotes_of(text)} == {"National Hurricane Center forecasters"}


def test_an_unnamed_spokesperson_is_not_a_spokesperson_named_before(quotes_of):
    text = (
        "Fuel\n\nThe Liberal Democrats’ Treasury spokesperson, Priya Nandakumar, called on the chancellor "
        "to ‘come clean’. She said drivers had been ‘taken for granted’ for a decade.\n\n"
        "A No 10 spokesperson said the prime minister had ‘full confidence’ in the chancellor.\n"
    )
    assert quotes_of(text)[-1].speaker != "Priya Nandakumar"


def test_a_dialogue_dash_paragraph_is_spoken_by_the_person_its_aside_names(quotes_of):
    text = (
        "Village votes\n\n"
        "Her neighbour Teodoro Gil, 83, followed the vote from a folding chair.\n\n"
        "—The water will come up to the church steps —he explained, pointing at the tower.\n"
    )
    [quote] = [q for q in quotes_of(text) if q.kind != "indirect"]
    assert (quote.text, quote.speaker) == ("The water will come up to the church steps", "Teodoro Gil")


def test_a_name_in_a_dialogue_aside_outweighs_the_speech_verb_of_the_paragraph_before(quotes_of):
    text = (
        "Floods\n\nThe river authority said in a statement that the wall had held.\n\n"
        "—Tell that to my father —replied Tomás Ibarra, 51, as he dragged a sofa into the street—. We all knew.\n"
    )
    assert [q.speaker for q in quotes_of(text) if q.kind == "direct"] == ["Tomás Ibarra", "Tomás Ibarra"]


def test_a_dialogue_aside_opened_by_a_name_and_a_speech_verb_splits_the_speech(quotes_of):
    text = (
        "Floods\n\nThe river authority said in a statement that the wall had held.\n\n"
        "—Tell that to my father —Ibarra said at the door of his shop—. We all knew.\n"
    )
    direct = [(q.text, q.speaker) for q in quotes_of(text) if q.kind == "direct"]
    assert direct == [("Tell that to my father", "Ibarra"), ("We all knew.", "Ibarra")]


def test_a_relative_clause_on_a_description_set_after_a_name_is_the_names(quotes_of):
    text = (
        "Ferry\n\nHer call was taken up at Holyrood by Gregor Lamont MSP, the party's transport spokesman, "
        'who said the minister could not "hide behind an inquiry run from London".\n'
    )
    assert {q.speaker for q in quotes_of(text)} == {"Gregor Lamont"}


def test_whom_the_writer_asked_is_the_she_who_answers(quotes_of):
    text = (
        "Newsletter\n\nNadia Ferrell, who studies subsidies, posted a long thread on Wednesday.\n\n"
        "I asked the firm's spokeswoman, Kelsey Arden, about the money. She said the firm would repay every cent.\n"
    )
    assert quotes_of(text)[-1].speaker == "Kelsey Arden"


def test_whose_verdict_was_that_speaks_the_quote_in_it(quotes_of):
    text = (
        'Cup\n\nDario Fenn said the defeat was "on me". '
        'Jess Calloway\'s verdict was that Castlebrook "did not turn up in the second half".\n'
    )
    assert quotes_of(text)[-1].speaker == "Jess Calloway"


def test_a_pull_quote_repeating_an_earlier_quote_is_its_speakers(quotes_of):
    text = (
        "Meeting\n\n"
        '"We will fight for every single job in this valley," Cllr Siân Mathias said.\n\n'
        '"If the terms do not improve, we will ballot," Donna Pritchard said.\n\n'
        '> **"We will fight for every single job in this valley."**\n'
    )
    assert quotes_of(text)[-1].speaker == "Siân Mathias"


def test_a_pull_quote_set_above_the_quote_it_repeats_is_its_speakers(quotes_of):
    text = (
        "Profile\n\n"
        '"We do not prepare for a race in an oven," coach Gideon Rop says.\n\n'
        '> "The heat does not care who you are."\n\n'
        '"The heat does not care who you are: Kenyan, Dutch, champion," Faith Kirwa says.\n'
    )
    assert quotes_of(text)[1].speaker == "Faith Kirwa"


def test_a_dialogue_dash_paragraph_after_a_colon_is_the_introducers(quotes_of):
    text = (
        "Village votes\n\n"
        "Pilar Anso answered the minister from the balcony of the town hall:\n\n"
        "—He says he understands our pain. He does not.\n"
    )
    [quote] = quotes_of(text)
    assert quote.speaker == "Pilar Anso"


def test_a_headline_clause_before_a_colon_quote_is_spoken_by_its_subject(quotes_of):
    text = (
        "Della Marin postpones Saltwater tour for vocal surgery: 'I'm not giving up, I'm just pressing pause'\n\n"
        "The singer shared the news on Thursday.\n"
    )
    [quote] = [q for q in quotes_of(text) if q.kind != "indirect"]
    assert quote.speaker == "Della Marin"


def test_a_speaker_after_guillemets_with_no_break_spaces_speaks_the_quote(quotes_of):
    text = (
        "Market hall\n\nJean-Luc Ferrand remembered the architect's first visit. «\u00a0The first day he came, he put his hand"
        " on a beam and said, “This one is still good.” Nobody believed him. He was right,\u00a0» Ferrand said. The beam is"
        " still there.\n"
    )
    assert quotes_of(text)[0].speaker == "Jean-Luc Ferrand"


def test_a_title_inside_a_quote_is_not_the_quotes_speaker(quotes_of):
    text = (
        "Harbour\n\nSiobhan Kerr was in the café when her phone rang. ‘When the harbourmaster rang me and said "
        "“we have no tug that can hold her”, I knew,’ she said.\n\nThe harbourmaster, Iain Mathieson, put it more bluntly.\n"
    )
    assert {q.text: q.speaker for q in quotes_of(text)}["we have no tug that can hold her"] == "Iain Mathieson"


def test_a_pronoun_in_a_turn_stands_for_the_person_named_in_the_turn_before(quotes_of):
    text = (
        "Nightwatch\n\nDEREK SOLANO, HOST: Joining me now, strategist Nadia Fairweather.\n\n"
        "SOLANO: Nadia, Halvorsen has accepted three debates. Has Wes Brantley accepted any?\n\n"
        'FAIRWEATHER: He has not. He said "anytime, anywhere," and then it turned out anytime meant July.\n'
    )
    assert {q.text: q.speaker for q in quotes_of(text)}["anytime, anywhere,"] == "Wes Brantley"


def test_a_pronoun_opening_a_live_blog_entry_stands_for_the_person_named_next(quotes_of):
    text = (
        "Floods live\n\n15:20 AEDT\n\n"
        '"We\'ve opened a second centre at the high school," he said a short time ago.\n\n'
        "The town's mayor, Bruce Kellaway, also asked residents not to bring pets.\n\n15:02 AEDT\n\n"
        "Premier Kate Ellery told reporters the night would be long.\n"
    )
    assert direct_speakers(quotes_of(text)) == ["Bruce Kellaway"]


def test_a_nickname_in_marks_inside_a_name_is_no_quote(quotes_of):
    text = 'Probe\n\nSenator Ramon "Monching" Dela Paz said on Monday that he would file a bill next week.\n'
    assert [q.kind for q in quotes_of(text)] == ["indirect"]


def test_a_nickname_in_marks_inside_a_name_leaves_the_name_whole(quotes_of):
    text = 'Probe\n\nSenator Ramon "Monching" Dela Paz said the bureau had seized 40 containers.\n'
    assert [q.speaker for q in quotes_of(text)] == ["Ramon Dela Paz"]


def test_an_outlets_name_in_guillemets_after_told_or_in_is_no_quote(quotes_of):
    text = (
        "Rescue\n\nThe pilot, Arkady Semyonov, told «Zvezda» by telephone that the crew was safe.\n\n"
        "Earlier in «Zvezda»: the storm closed two airports.\n"
    )
    assert [q.kind for q in quotes_of(text)] == ["indirect"]


def test_a_question_followed_by_its_asker_is_not_the_topics_before_a_colon(quotes_of):
    text = (
        "Harbour row: 'Who will pay for the sea wall?' Briggs asks the council\n\n"
        "Chief Tamuno Briggs, who chairs the residents' committee, spoke at the meeting on Monday.\n"
    )
    assert direct_speakers(quotes_of(text)) == ["Tamuno Briggs"]


def test_an_exclamation_followed_by_he_shouted_and_more_is_his_not_the_quote_befores(quotes_of):
    text = (
        'Market\n\n"Nothing is left," said Mrs Grace Udoh, a fish seller.\n\n'
        'A youth leader, Comrade Tam Briggs, was blunter. "Dem dey lie! Na lie!" he shouted, which translates as: '
        '"They are lying! It is a lie!"\n'
    )
    assert direct_speakers(quotes_of(text)) == ["Grace Udoh", "Tam Briggs", "Tam Briggs"]


def test_a_multi_paragraph_quote_signed_after_a_blank_line_is_all_the_signers(quotes_of):
    text = (
        "# The Ferry Bulletin\n\n## Talks resume\n\nMinister Ruth Alder urged both sides to meet again.\n\n"
        "## A word from the chair\n\n"
        '"Friends, we have waited nine months for a fair offer.\n\n'
        '"We will give notice before any action. Keep your phones on."\n\n'
        "— Paul Okafor, Chair\n"
    )
    assert direct_speakers(quotes_of(text)) == ["Paul Okafor", "Paul Okafor"]


def test_a_colon_introduction_takes_the_subject_of_the_clause_nearest_the_colon(quotes_of):
    text = (
        "Cup\n\nThe Harriers beat Dunmore 3-1 on Friday, and Nell Carver made clear who the win was for: "
        '"This one is for the volunteers."\n'
    )
    assert direct_speakers(quotes_of(text)) == ["Nell Carver"]


def test_posed_after_a_question_attributes_it_as_east_african_copy_writes(quotes_of):
    text = 'Road\n\nThe CS dismissed the claim.\n\n"Where is the certificate for Sh600 million?" Mwangi posed.\n'
    assert direct_speakers(quotes_of(text)) == ["Mwangi"]


def test_the_person_a_speaker_quotes_before_a_colon_speaks_the_quote(quotes_of):
    text = (
        "Summit\n\nLindqvist would not give a figure. Instead she quoted a Kenyan doctor, Ruth Mwangi: "
        '"The vials were in Nairobi and we were not."\n'
    )
    assert direct_speakers(quotes_of(text)) == ["Ruth Mwangi"]


def test_a_party_label_between_commas_leaves_the_name_the_subject(quotes_of):
    text = 'Race\n\n"Nobody needs a lecture on jobs from a lawyer," Lindahl, R-Kess., said Tuesday night in Pelham Falls.\n'
    assert direct_speakers(quotes_of(text)) == ["Lindahl"]


def test_a_party_label_with_a_county_leaves_the_name_the_subject(quotes_of):
    text = (
        "Rail\n\nIt passed the House 64-51 last month. Its sponsor, Rep. Curtis Babb, R-Johnston, has said "
        'the counties should be free to "spend their own money on their own roads."\n'
    )
    assert [q.speaker for q in quotes_of(text) if q.kind == "partial"] == ["Curtis Babb"]


def test_the_democrat_is_the_person_named_before_whatever_their_office(quotes_of):
    text = (
        "Race\n\nSen. Garrett Lindahl attacked his rival on Tuesday.\n\n"
        'State Attorney General Renata Falk answered him Wednesday. "I have met a payroll," the Democrat said.\n'
    )
    assert direct_speakers(quotes_of(text)) == ["Renata Falk"]


def test_a_headline_speech_verb_tagged_as_a_noun_gives_its_subject_the_quote(quotes_of):
    text = "Falk fires back at Lindahl: 'We will win'\n\nAttorney General Renata Falk spoke in Renfrew on Wednesday.\n"
    assert quotes_of(text)[0].speaker == "Renata Falk"


def test_an_aside_on_the_quote_after_its_cue_does_not_take_it(quotes_of):
    text = (
        "Race\n\nSen. Garrett Lindahl spoke in Pelham Falls.\n\n"
        'Last night, the senator said, and I wrote it down, "Nobody needs a lecture on jobs from a lawyer."\n'
    )
    assert direct_speakers(quotes_of(text)) == ["Garrett Lindahl"]


def test_a_quote_paragraph_is_spoken_by_whom_the_next_paragraph_says_it_was(quotes_of):
    text = (
        "Floods live\n\n16:25 AEDT\n\n"
        '"We had a metre of water through the house in twenty minutes."\n\n'
        "That was Nadia Farrell, who was pulled from her home on Creek Street this afternoon.\n"
    )
    assert direct_speakers(quotes_of(text)) == ["Nadia Farrell"]


def test_the_paragraph_after_a_quote_naming_its_speaker_outweighs_the_narration_before(quotes_of):
    text = (
        "Relief review\n\nA land ministry official said the ministry was leaning toward auction prices.\n\n"
        '"I signed the contract in good faith. Now I am told the house belongs to the bank."\n\n'
        "That is how Baek Na-rae, who leads a group of fraud victims, describes the past year.\n"
    )
    assert direct_speakers(quotes_of(text)) == ["Baek Na-rae"]


def test_a_participle_adding_to_reported_content_is_the_reporters(quotes_of):
    text = (
        "Flood\n\nGovernor Adebayo Akinsete maintained that the state government had warned residents to "
        'relocate in July, adding that "many of our people refused to leave."\n'
    )
    assert [q.speaker for q in quotes_of(text) if q.kind == "partial"] == ["Adebayo Akinsete"]


def test_a_quote_after_reported_speech_in_its_paragraph_is_that_speakers(quotes_of):
    text = (
        "Dike\n\nAnouk de Wit chairs the residents' group.\n\n"
        '"We will fight this," said Pieter van der Berg.\n\n'
        'De Wit, a teacher, said several of her neighbours were elderly. "My neighbour is ninety-one."\n'
    )
    assert direct_speakers(quotes_of(text)) == ["Pieter van der Berg", "Anouk de Wit"]


def test_a_bare_nouns_verb_inside_a_report_is_no_speaker_of_its_own(quotes_of):
    text = 'Results\n\nInsurance claims "typically take months" to settle, the finance chief, Leonie Barsamian, said.\n'
    assert [q.speaker for q in quotes_of(text) if q.kind == "partial"] == ["Leonie Barsamian"]


def test_a_label_naming_someones_reply_gives_them_the_quote(quotes_of):
    text = 'Debate\n\nNadia Fairweather spoke on the show.\n\nFairweather\'s challenge: "Then let him pick a date."\n'
    assert direct_speakers(quotes_of(text)) == ["Nadia Fairweather"]


def test_a_clause_before_a_colon_is_no_label_of_the_name_in_its_apposition(quotes_of):
    text = (
        "Preview\n\nThe diner. Gil Harrow, who runs a diner with his wife, Nadia, put it starkly: "
        '"If this goes ten weeks, we won\'t make it to summer."\n'
    )
    assert direct_speakers(quotes_of(text)) == ["Gil Harrow"]


def test_a_topic_before_a_colon_is_no_speaker_of_the_sentence_that_names_one(quotes_of):
    text = (
        "Crews\n\nWhat the crews face elsewhere:\n\n"
        "- Canada: the seafarers' union's Marta Oyelaran told the transport minister that the crews were "
        '"running out of food".\n'
    )
    assert {(q.kind, q.speaker) for q in quotes_of(text)} == {("indirect", "Marta Oyelaran"), ("partial", "Marta Oyelaran")}


def test_as_someone_put_it_attributes_the_quote_after_it(quotes_of):
    text = (
        "Round-up\n\nThe budget drew sharp reactions.\n\n"
        '"This is a budget for nobody," writes Jane Doering in The Harbour Review.\n\n'
        'As Sam Okafor put it in the Evening Post, "the numbers simply do not add up."\n'
    )
    assert [q.speaker for q in quotes_of(text)] == ["Jane Doering", "Sam Okafor"]


def test_a_for_name_opening_gives_the_quote_to_that_person(quotes_of):
    text = (
        "Round-up\n\nThe budget drew sharp reactions.\n\n"
        'In the Daily Ledger, Priya Raman argues that the cuts "will fall hardest on the towns."\n\n'
        'For Tom Becker at the Courier, the plan is "timid where it should be bold."\n\n'
        'For the third year running, the scheme is "on hold".\n'
    )
    assert [(q.text, q.speaker) for q in quotes_of(text) if q.kind == "partial"][1:] == [
        ("timid where it should be bold.", "Tom Becker")
    ]


@pytest.mark.parametrize("heading", ["", "# "])
def test_a_heading_quote_before_a_clause_is_spoken_by_the_clauses_subject(quotes_of, heading):
    text = (
        f'{heading}"Our fuel runs out on Friday": stranded ferry captain takes questions online\n\n'
        "Captain Ines Duarte has commanded the ferry since March.\n"
    )
    assert [q.speaker for q in quotes_of(text, "story.md")] == ["Ines Duarte"]


def test_a_heading_quote_before_a_clause_about_a_thing_is_not_the_things(quotes_of):
    text = '"Nobody was hurt": Harlow Street Bridge closed after inspectors find a cracked girder\n\nThe city said on Monday.\n'
    assert "Harlow Street Bridge" not in {q.speaker for q in quotes_of(text)}


def test_a_first_name_addressed_before_the_body_that_speaks_is_no_speaker(quotes_of):
    text = (
        "Floods\n\nAnd Julia, the water board, the Eastern Rivers Authority, says the wall performed as designed.\n\n"
        "Maria, the shop owner, said the water came fast.\n"
    )
    assert [q.speaker for q in quotes_of(text)] == ["Eastern Rivers Authority", "Maria"]


def test_a_papers_editorial_is_the_papers_words(quotes_of):
    text = (
        "Debate\n\nThe minister pointed to Tuesday's Kessaway Gazette. Its editorial said, and I quote, "
        "'The council has mistaken a national problem for a local one.'\n"
    )
    assert direct_speakers(quotes_of(text)) == ["Kessaway Gazette"]


def test_words_read_out_before_a_colon_are_their_owners(quotes_of):
    text = (
        "Debate\n\nWes Brantley spoke at a rally.\n\nHost Derek Solano read out Brantley's line to the local paper: "
        '"You don\'t fix a health care problem by pretending a broken-down building is a hospital."\n'
    )
    assert direct_speakers(quotes_of(text)) == ["Wes Brantley"]


def test_a_statement_quoted_from_its_maker_in_the_paragraph_after_is_the_makers(quotes_of):
    text = (
        "Inquiry\n\nIn her ruling, Judge Clara Venn found the company had been warned.\n\n"
        "She also quoted a statement made in parliament last week by Health Minister Tomas Reyes:\n\n"
        '"No hospital will be asked to choose between its patients and its budget."\n'
    )
    assert [q.speaker for q in quotes_of(text) if q.kind == "direct"] == ["Tomas Reyes"]


def test_the_statement_said_is_the_statements_writer_named_before(quotes_of):
    text = (
        "Trial\n\nRupert Kilbride KC, for Colbeck, told jurors his client had been kept in the dark.\n\n"
        "The jury was read a statement from Dinesh Pallath, a former site engineer.\n\n"
        "'Mr Colbeck came to the Kallur site in March 2019,' the statement said.\n"
    )
    assert direct_speakers(quotes_of(text)) == ["Dinesh Pallath"]


def test_a_heading_that_opens_with_a_quote_names_its_speaker_after_a_colon(quotes_of):
    text = "«Everyone saw it except one person»: Zhuravskyy after cup exit\n\nBy Taras Holub\n\nFK Verkhnodar are out.\n"
    assert [q.speaker for q in quotes_of(text)] == ["Zhuravskyy"]


def test_a_translation_in_brackets_after_a_quote_in_another_language_is_the_speakers_quote(quotes_of):
    text = (
        "Water protest\n\n"
        "P. Ponnammal, who sat on the road with a pot in her lap, said, "
        "\u201cThanni vandhu pannendu naal aachu. Naanga enna kudikkaradhu?\u201d "
        "(It has been twelve days since the water came. What are we to drink?)\n"
    )
    found = [(q.kind, q.text, q.speaker) for q in quotes_of(text)]
    assert ("direct", "It has been twelve days since the water came. What are we to drink?", "P. Ponnammal") in found


def test_a_translation_in_square_brackets_after_the_attribution_is_the_speakers_quote(quotes_of):
    text = (
        "Expressway\n\n"
        "Roads CS Gladys Mwangi visited the site on Monday.\n\n"
        "\u201cHatutakubali mkandarasi yeyote kuwachezea wananchi wa Nyando,\u201d she added. "
        "[We will not allow any contractor to toy with the people of Nyando.]\n"
    )
    found = {q.text: q.speaker for q in quotes_of(text)}
    assert found["We will not allow any contractor to toy with the people of Nyando."] == "Gladys Mwangi"


def test_a_bracket_after_a_quote_in_english_is_no_translation(quotes_of):
    text = 'Budget\n\n"We will not cut a single school," (Mayor Hale repeated the pledge twice) the mayor said.\n'
    assert [q.text for q in quotes_of(text) if q.text.startswith("Mayor Hale")] == []


def test_a_name_in_another_language_with_its_translation_is_no_quote(quotes_of):
    text = (
        "Bridge ruling\n\n"
        "The citizens' initiative \u201eBr\u00fccke bleibt\u201c (The bridge stays), which sued, said it was relieved.\n"
    )
    assert [q.text for q in quotes_of(text) if q.text == "The bridge stays"] == []


def test_a_quote_under_a_cue_that_did_not_happen_is_the_reporting_speakers(quotes_of):
    text = (
        "Expulsions\n\n"
        "Deputy Foreign Minister Agnieszka Przybylska said Warsaw would not answer the expulsions "
        "in kind \u201efor the time being\u201d.\n"
    )
    assert {q.text: q.speaker for q in quotes_of(text)}["for the time being"] == "Agnieszka Przybylska"


def test_a_given_name_tagged_a_preposition_after_says_is_the_speakers(quotes_of):
    text = (
        "Ski school\n\n"
        "\u2013 We will not close the ski gymnasium. Not this year and not next year, says Per Lindgren, "
        "chairman of the municipal executive board.\n"
    )
    assert [q.speaker for q in quotes_of(text) if q.kind == "direct"] == ["Per Lindgren"]


def test_a_quote_opening_the_paragraph_after_reported_speech_is_that_speakers(quotes_of):
    text = (
        "Ski school\n\n"
        "\u2013 Words are cheap in an election year, says Anna Sj\u00f6berg.\n\n"
        "At the school, headmaster G\u00f6ran Ekstr\u00f6m says the uncertainty has cost two applicants.\n\n"
        "\u2013 Families call me and ask whether the school will exist in three years.\n\n"
        "\u2013 What I can say is that we have twenty-four pupils, says Ekstr\u00f6m.\n"
    )
    found = {q.text: q.speaker for q in quotes_of(text)}
    assert found["Families call me and ask whether the school will exist in three years."] == "G\u00f6ran Ekstr\u00f6m"


def test_a_surname_opening_a_sentence_before_a_participle_clause_is_the_subject(quotes_of):
    text = (
        "Derby\n\n"
        "Pike, speaking at Rovers' own press conference on Thursday, said his side would travel to the Quarry "
        '"without fear".\n'
    )
    assert [(q.kind, q.speaker) for q in quotes_of(text)] == [("indirect", "Pike"), ("partial", "Pike")]


def test_an_adverb_opening_a_sentence_before_a_comma_is_no_subject(quotes_of):
    text = 'Debate\n\nTom Whitaker spoke last.\n\nThen, grinning at the crowd, "Janelle does her homework," said Whitaker.\n'
    assert [q.speaker for q in quotes_of(text) if q.kind == "direct"] != ["Then"]


def test_who_after_a_place_is_the_person_the_place_qualifies(quotes_of):
    text = (
        "Campaign\n\n"
        "He was pressed on the number by Margaret Doane, a retired teacher from Bow who said she had not "
        "decided between the two candidates.\n"
    )
    assert [q.speaker for q in quotes_of(text)] == ["Margaret Doane"]


def test_words_an_agency_reports_are_the_subject_of_the_verb_it_reports(quotes_of):
    text = (
        "Summit\n\n"
        "Earlier in the day, HH the Crown Prince Sheikh Jaber received the heads of the delegations and affirmed "
        "Kuwait\u2019s keenness to \u201csupport every effort that gathers brothers around the table,\u201d "
        "reported the agency.\n"
    )
    assert [q.speaker for q in quotes_of(text) if q.kind != "indirect"] == ["Jaber"]


def test_a_cue_participle_tagged_a_noun_still_introduces_the_quote(quotes_of):
    text = (
        "Hiatus\n\n"
        '"I will rest well," Seojin wrote.\n\n'
        "Fellow member Rio shared a photo of the five members\u2019 matching rings via an Instagram story, "
        "writing, \u201cFive is always five... we\u2019ll be waiting \u2661\u201d\n"
    )
    assert {q.text: q.speaker for q in quotes_of(text)}["Five is always five... we\u2019ll be waiting \u2661"] == "Rio"


def test_an_office_ending_in_a_colon_introduces_the_quote_after_it(quotes_of):
    text = (
        "Water deal\n\n"
        'Opposition MK Noa Shitrit said a deal of fifteen years "deserves more than a two-hour session". '
        "The chairman of the Knesset's Economic Affairs Committee was blunter: "
        '"She wants a vote? She will get one, and she will lose it."\n'
    )
    found = {q.text: q for q in quotes_of(text)}
    assert found["She wants a vote? She will get one, and she will lose it."].speaker != "Noa Shitrit"


def test_a_second_label_in_a_paragraph_speaks_its_own_quote(quotes_of):
    text = (
        "Reaction\n\n"
        'Matchwinner Rhys Mathias, 19: "Best night of my life." And Eirlys Pritchard, a fan since 1957: '
        '"I cried when the lights came on."\n'
    )
    assert {q.text: q.speaker for q in quotes_of(text)}["I cried when the lights came on."] == "Eirlys Pritchard"


def test_a_surname_tagged_an_adverb_right_before_said_is_its_subject(quotes_of):
    text = (
        "Water\n\n"
        "Rep. Marcus Tolliver has called the figure a down payment at best.\n\n"
        "Tolliver said he expected a House vote before the session ends in June.\n"
    )
    found = {q.text: q.speaker for q in quotes_of(text)}
    assert found["he expected a House vote before the session ends in June"] == "Marcus Tolliver"


def test_one_letter_words_do_not_make_a_quote_english(quotes_of):
    text = (
        "Lights\n\n"
        "Speaking in Welsh before kick-off, council leader Bethan Morgan-Hughes added: "
        "'Mae heno\u2019n perthyn i\u2019r gwirfoddolwyr a gododd bob ceiniog.' (Tonight belongs to the volunteers "
        "who raised every penny.)\n"
    )
    found = {q.text: q.speaker for q in quotes_of(text)}
    assert found.get("Tonight belongs to the volunteers who raised every penny.") == "Bethan Morgan-Hughes"


def test_a_credit_after_a_dash_is_no_speaker(quotes_of):
    text = (
        "Mayor María Ruiz answered in Spanish.\n\n"
        "[«We are not going to give in,» Ruiz said. «The trucks will keep arriving.» — Translation by La Voz.]\n"
    )
    assert {q.speaker for q in quotes_of(text) if q.kind == "direct"} == {"María Ruiz"}


def test_the_subject_of_the_sentence_before_a_quote_in_its_paragraph_speaks_it(quotes_of):
    text = (
        'The First Minister, Alasdair MacNeacail, replied: "I will tell them what I told them last week."\n\n'
        'Ms Morven Grant-Sutherland pressed him. "With respect, which of them should the nurses believe?"\n'
    )
    speakers = [q.speaker for q in quotes_of(text) if q.kind == "direct"]
    assert speakers == ["Alasdair MacNeacail", "Morven Grant-Sutherland"]


def test_a_name_in_a_clause_opening_the_paragraph_does_not_speak_the_quote(quotes_of):
    text = (
        '"He trained like a man possessed," Steve Harrow said.\n\n'
        'Asked whether Danny Whelan had earned a recall, the Ashford manager smiled. "That\'s not my call."\n'
    )
    assert "Danny Whelan" not in {q.speaker for q in quotes_of(text)}


def test_a_gerund_hung_on_a_verb_inside_the_quote_takes_the_reporting_verbs_speaker(quotes_of):
    text = (
        'Deal\n\nFrom Abuja, Minister Abubakar Sadiq Yelwa answered him directly. "Supplies will resume the moment'
        ' the arrears are cleared," the minister said, before adding: "Nobody is blackmailing anybody."\n'
    )
    assert [q.speaker for q in quotes_of(text) if q.kind == "direct"] == ["Abubakar Sadiq Yelwa"] * 2


def test_a_naming_verb_inside_a_quote_gives_the_nested_quote_its_own_speaker(quotes_of):
    text = (
        "Ruling\n\nThe panel rejected his reasoning. \"The district court described the ordinance as 'a reasonable"
        " response to a genuine housing shortage,'\" the panel wrote.\n"
    )
    nested = [q for q in quotes_of(text) if q.text.startswith("a reasonable response")]
    assert [q.speaker for q in nested] == ["district court"]


def test_a_pronoun_no_one_fits_leaves_the_speaker_unknown(quotes_of):
    [quote] = quotes_of('Bridge\n\n"We will reopen the bridge in June," he said.\n')
    assert (quote.speaker, quote.speaker_mention) == (None, "he")


def test_a_document_that_quotes_someone_as_saying_is_not_the_speaker(quotes_of):
    text = (
        "Food Security Minister Nadeem Warraich met millers on Monday.\n\n"
        '"We will not be held hostage by artificial shortages," the press release quoted the minister as saying.\n'
    )
    (quote,) = [q for q in quotes_of(text) if q.kind == "direct"]
    assert quote.speaker == "Nadeem Warraich"


def test_a_quote_joined_to_a_verb_inside_a_report_is_the_reporters(quotes_of):
    text = 'Foreign Minister Claire Whitford said Australia had offered aircraft and "stands ready to help at short notice".'
    (quote,) = [q for q in quotes_of(text) if q.kind == "partial"]
    assert quote.speaker == "Claire Whitford"


def test_a_card_someone_sent_speaks_for_its_sender(quotes_of):
    text = 'Skipper Eileen Hurley sent a bottle of whiskey and a card that said, "For the man who shouted at the generator."'
    (quote,) = [q for q in quotes_of(text) if q.kind == "direct"]
    assert quote.speaker == "Eileen Hurley"


def test_a_quote_someone_interjected_is_theirs_not_the_next_speakers(quotes_of):
    opening = "Hearing\n\nDale Kowalchuk and Luc Arsenault met MPs on Thursday.\n\n"
    later = '"That is the problem," Kowalchuk interjected, before the chair, Luc Arsenault, told him to wait.\n'
    found = quotes_of(opening + later)
    assert [q.speaker for q in found if q.kind == "direct"] == ["Dale Kowalchuk"]


def test_a_cue_right_before_the_colon_speaks_the_quote_inside_another_report(quotes_of):
    text = (
        "Title\n\nThe Provost, Ewan Duncan, offered the council's land: \"If the Cabinet\n"
        'Secretary wants the land, she can have the keys on Monday."\n\n'
        'The health board now says the letter was issued in error and that "no\n'
        'decision on Ward 3 had been taken".\n\n'
        "Patients have heard promises before. Kirsty Fraser reminded the hall\n"
        'that Hamish Calder had promised: "Glenmorven is safe for a generation."\n'
    )
    assert [q.speaker for q in quotes_of(text) if "generation" in q.text] == ["Hamish Calder"]


def test_a_quote_someone_texted_is_theirs_not_the_recipients(quotes_of):
    text = (
        "Trial\n\nShane Doyle was jailed on Friday.\n\n"
        '"Relax, nobody reads the report," he texted his partner, Tanya Reeves, who replied: "Are you sure?"\n'
    )
    assert [q.speaker for q in quotes_of(text)] == ["Shane Doyle", "Tanya Reeves"]


def test_a_quote_in_a_colon_headlines_words_is_the_labels_speaker(quotes_of):
    text = 'Digest\n\nMP Nurgaliyeva: people who spent the night at minus 38 "deserve answers, not excuses"\n'
    assert [(q.text, q.speaker) for q in quoted(quotes_of(text))] == [("deserve answers, not excuses", "Nurgaliyeva")]


def test_said_colon_over_bulleted_quotes_gives_every_quote_bullet_to_the_speaker(quotes_of):
    text = (
        "Release\n\nGeneral Secretary Grace Adeyemi said:\n\n"
        "• “Nobody should have to choose between a safe crane and a hungry child.”\n\n"
        "• “Our members have unloaded food for this region for twenty years.”\n\n"
        "The union's regional secretary, Celestino Macuácua, said:\n\n• “We are not against the ships.”\n"
    )
    assert direct_speakers(quotes_of(text)) == ["Grace Adeyemi", "Grace Adeyemi", "Celestino Macuácua"]


def test_a_statement_read_on_behalf_of_a_family_is_the_familys(quotes_of):
    text = 'Inquest\n\nTom Rowe read a statement on behalf of the Okafor family.\n\n"She was the light of our lives."\n'
    assert direct_speakers(quotes_of(text)) == ["Okafor family"]


def test_a_statement_issued_on_behalf_of_someone_is_theirs_and_so_is_the_statement_after(quotes_of):
    text = (
        "Mill\n\nForeman Joe Tapp, 61, said he cried in the car park.\n\n"
        "A statement issued on behalf of the family of the late Ada Wrenfield, who founded the mill, said they were "
        "heartbroken.\n\n"
        '"We built this place together," the statement said.\n'
    )
    assert direct_speakers(quotes_of(text)) == ["Ada Wrenfield family"]


def test_a_writing_written_by_someone_before_a_quote_paragraph_is_the_writers(quotes_of):
    text = (
        "Outage\n\nThe following statement is published at the request of the family. It was written by his "
        "daughter, Kerry Ashdown.\n\n"
        '"Dad trusted that hospital."\n'
    )
    assert direct_speakers(quotes_of(text)) == ["Kerry Ashdown"]


def test_a_statement_read_on_their_behalf_is_the_family_of_the_relatives_named(quotes_of):
    text = (
        "Crush\n\nDet Sgt Priya Nandra, supporting Ms Gathoni's relatives, read a statement on their behalf.\n\n"
        '"We are proud of her and we are broken."\n'
    )
    assert direct_speakers(quotes_of(text)) == ["Gathoni family"]


def test_a_label_after_a_posts_number_and_time_speaks_the_quote(quotes_of):
    text = (
        "Trial\n\n1/ 10.04am: Engineer Dr Helen Marsh is back in the witness box.\n\n"
        '9/ 10.42am: Marsh: "I was engaged to find out why a balcony fell. That is what I did."\n'
    )
    said = {q.text: q.speaker for q in quotes_of(text)}
    assert said["I was engaged to find out why a balcony fell. That is what I did."] == "Helen Marsh"


def test_a_label_naming_whom_the_words_are_for_gives_them_to_the_speaker(quotes_of):
    text = (
        "Trial\n\nJudge Catherine Ashby warned the builder Dale Prentice twice.\n\n"
        'Judge Ashby to Prentice: "Sit down, Mr Prentice." He stays on his feet.\n'
    )
    said = {q.text: q.speaker for q in quotes_of(text)}
    assert said["Sit down, Mr Prentice."] == "Catherine Ashby"


def test_whom_a_lawyer_asks_answers_the_question(quotes_of):
    text = (
        "Trial\n\nJudge Catherine Ashby allowed the question.\n\n"
        'Crown prosecutor Ruth Okafor asks Dr Helen Marsh whether she has any doubt. "None," she says.\n'
    )
    said = {q.text: q.speaker for q in quotes_of(text)}
    assert said["None,"] == "Helen Marsh"
