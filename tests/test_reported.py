"""Reported speech (kind `indirect`): one test per pattern family, and the "not speech" list.

Sentences written for these tests.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def reported(quotes):
    return [(q.text, q.speaker) for q in quotes if q.kind == "indirect"]


def test_content_clause_after_said_that(quotes_of):
    found = reported(quotes_of("Mayor Lena Ortiz said that the bridge would reopen in May."))
    assert found == [("the bridge would reopen in May", "Lena Ortiz")]


def test_a_hyphenated_verb_keeps_the_whole_content_clause(quotes_of):
    text = "Fire\n\nNordvane Ireland said it had co-operated fully with gardaí and the courts.\n"
    assert reported(quotes_of(text)) == [("it had co-operated fully with gardaí and the courts", "Nordvane Ireland")]


def test_the_speaker_s_own_description_is_not_what_they_said(quotes_of):
    text = (
        "Gate\n\nKambi Mbili MCA Beatrice Oduya, whose niece Mercy Atieno is one of the injured choir members, "
        "said families wanted to know why the arena's gates had stayed shut.\n"
    )
    assert reported(quotes_of(text)) == [("families wanted to know why the arena's gates had stayed shut", "Beatrice Oduya")]


def test_a_day_after_according_to_a_report_is_no_speaker(quotes_of):
    text = (
        "Syrup\n\nMore than a third of the syrup makers did not test each drum, according to a report released "
        "on Wednesday, weeks after two children died.\n"
    )
    assert "Wednesday" not in {speaker for _, speaker in reported(quotes_of(text))}


def test_content_clause_with_told_and_an_addressee(quotes_of):
    found = reported(quotes_of("Captain Ivo Marsh told reporters the ship had lost power twice."))
    assert found == [("the ship had lost power twice", "Ivo Marsh")]


def test_opined_introduces_a_content_clause(quotes_of):
    found = reported(quotes_of("Political analyst Dr. Meera Kurian opined that the case could reshape the election."))
    assert found == [("the case could reshape the election", "Meera Kurian")]


def test_inverted_clause_before_the_cue(quotes_of):
    found = reported(quotes_of("The pumps had failed overnight, engineer Dana Cole said."))
    assert found == [("The pumps had failed overnight", "Dana Cole")]


def test_object_and_infinitive_after_urged(quotes_of):
    found = reported(quotes_of("Senator Hal Morton urged the council to delay the vote."))
    assert found == [("the council to delay the vote", "Hal Morton")]


def test_called_on_someone_to(quotes_of):
    found = reported(quotes_of("Union leader Rosa Vega called on workers to return to the plant."))
    assert found == [("workers to return to the plant", "Rosa Vega")]


def test_infinitive_after_promised(quotes_of):
    found = reported(quotes_of("The governor promised to rebuild the school before winter."))
    assert found == [("to rebuild the school before winter", "governor")]


def test_prepositional_call_for(quotes_of):
    found = reported(quotes_of("Doctor Amir Said called for an inquiry into the outbreak."))
    assert found == [("an inquiry into the outbreak", "Amir Said")]


def test_accused_someone_of(quotes_of):
    found = reported(quotes_of("Minister Karl Aho accused the rebels of shelling the market."))
    assert found == [("shelling the market", "Karl Aho")]


def test_noun_object_of_a_statement_verb(quotes_of):
    found = reported(quotes_of("The Health Ministry reported 12 new cases in the north."))
    assert found == [("12 new cases in the north", "Health Ministry")]


def test_according_to_a_named_source(quotes_of):
    found = reported(quotes_of("According to police chief Anna Roth, the suspect fled on foot."))
    assert found == [("the suspect fled on foot", "Anna Roth")]


def test_statement_noun_with_owner(quotes_of):
    found = reported(quotes_of("Nobody believed the company's claim that the leak was minor."))
    assert found == [("the leak was minor", "company")]


def test_participle_inherits_the_speaker(quotes_of):
    text = "Coach Mia Berg praised the squad, adding that the final would be harder."
    assert ("the final would be harder", "Mia Berg") in reported(quotes_of(text))


def test_outlet_is_the_channel_not_the_speaker(quotes_of):
    text = "Mayor Jo Park said the dam was safe, the Daily Courier newspaper reported."
    [quote] = [q for q in quotes_of(text) if q.kind == "indirect"]
    assert quote.speaker == "Jo Park"


def test_unnamed_group_stays_as_written(quotes_of):
    found = reported(quotes_of("Local officials said the road would stay closed."))
    assert found == [("the road would stay closed", "Local officials")]


def test_said_in_a_statement_that_parsed_as_a_relative_clause_is_reported(quotes_of):
    text = "Stadium\n\nThe club's chief executive, Paul Verity, said in a separate statement that work would start in March.\n"
    assert reported(quotes_of(text)) == [("work would start in March", "Paul Verity")]


def test_a_that_clause_parsed_as_a_relative_clause_of_the_addressee_is_the_content(quotes_of):
    text = (
        "Road\n\nRoads and Transport Cabinet Secretary Gladys Wairimu Mwangi has warned the Chinese contractor "
        "building the stalled Katito-Sondu expressway that it has until March 1 to return to site or lose the contract.\n"
    )
    assert reported(quotes_of(text)) == [("it has until March 1 to return to site or lose the contract", "Gladys Wairimu Mwangi")]


def test_a_content_clause_parsed_as_a_clause_of_the_addressee_is_the_content(quotes_of):
    text = "Port\n\nThe harbour master, Ewan Lockhart, told councillors it had been one of the worst winters the port had seen.\n"
    assert reported(quotes_of(text)) == [("it had been one of the worst winters the port had seen", "Ewan Lockhart")]


def test_statement_that_in_a_statement_speaks_with_the_verbs_subject(quotes_of):
    # the parser hangs the clause on "statement", not on "said"
    found = reported(quotes_of("Harbor officials said in a written statement that the crane had been inspected in March."))
    assert found == [("the crane had been inspected in March", "Harbor officials")]


def test_noun_object_of_forecast(quotes_of):
    found = reported(quotes_of("The retailer forecast weaker sales for the holiday quarter."))
    assert found == [("weaker sales for the holiday quarter", "retailer")]


def test_noun_object_of_promised(quotes_of):
    found = reported(quotes_of("Mayor Lena Ortiz promised a referendum on the stadium."))
    assert found == [("a referendum on the stadium", "Lena Ortiz")]


def test_noun_object_of_affirmed(quotes_of):
    found = reported(quotes_of("Foreign Minister Omar Haddad affirmed the kingdom's support for the talks."))
    assert found == [("the kingdom's support for the talks", "Omar Haddad")]


def test_agreeing_to_do_something_is_a_decision_not_speech(quotes_of):
    assert reported(quotes_of("Harbor commissioners agreed to raise the docking fees.")) == []


def test_pushing_for_a_vote_is_campaigning_not_speech(quotes_of):
    assert reported(quotes_of("Councillor Ada Brink, who pushed for the vote, left early.")) == []


def test_a_passive_report_inside_the_content_is_no_speech_act_of_its_own(quotes_of):
    found = reported(quotes_of("Chief Ana Ruiz said the fire had burned 800 acres since it was reported on Monday."))
    assert found == [("the fire had burned 800 acres since it was reported on Monday", "Ana Ruiz")]


def test_a_list_the_parser_cuts_short_stays_in_the_content(quotes_of):
    text = (
        "Mayor Lena Ortiz told reporters that the gap would be closed through a hiring freeze, "
        "the sale of two vacant lots and a transfer from the reserve fund."
    )
    expected = "the gap would be closed through a hiring freeze, the sale of two vacant lots and a transfer from the reserve fund"
    assert reported(quotes_of(text)) == [(expected, "Lena Ortiz")]


def test_content_ends_before_a_trailing_comma_and_conjunction(quotes_of):
    found = reported(quotes_of("Mayor Lena Ortiz told reporters the vote would pass, and told the council nothing else."))
    assert found == [("the vote would pass", "Lena Ortiz")]


def test_call_for_someone_to_with_the_infinitive_on_the_verb(quotes_of):
    found = reported(quotes_of("The Harlow Nurses Association called for trainees to be exempted from the freeze."))
    assert found == [("trainees to be exempted from the freeze", "Harlow Nurses Association")]


def test_headline_claim_before_police_say(quotes_of):
    found = reported(quotes_of("Two held after shots fired at gas station, Lindale police say"))
    assert found == [("Two held after shots fired at gas station", "Lindale police")]


def test_a_role_before_a_colon_heads_a_verbless_headline_claim(quotes_of):
    found = reported(quotes_of("Mayor: No property tax increase in 2026 budget\n\nMayor Lorna Castellanos presented the budget."))
    assert found == [("No property tax increase in 2026 budget", "Lorna Castellanos")]


def test_a_line_with_a_colon_inside_an_embedded_post_is_no_headline_claim(quotes_of):
    text = (
        "Round-up\n\nOver on LinkedIn, the lead author was in a professional mood:\n\n"
        "Some personal news: our paper on the gaming board is out today!\n\n"
        "Huge thanks to everyone at Caldermoor.\n"
        "— Nadia Okafor-Reid (@nadia-okafor-reid) 11 March 2025 · LinkedIn\n"
    )
    assert reported(quotes_of(text)) == []


def test_a_title_after_a_colon_speaks_the_headline_claim_before_it(quotes_of):
    text = (
        "Government to extend fuel subsidies: Chief Cabinet Secretary\n\n"
        "Chief Cabinet Secretary Sato Kenji spoke to reporters in Tokyo on Tuesday."
    )
    assert reported(quotes_of(text)) == [("Government to extend fuel subsidies", "Sato Kenji")]


def test_a_label_after_a_colon_with_no_claim_before_it_is_no_attribution(quotes_of):
    assert reported(quotes_of("Pictured: Prime Minister\n\nThe minister visited the school.")) == []


def test_a_question_put_to_the_subject_is_no_speech_of_theirs(quotes_of):
    text = "Summit\n\nAsked how many lives the Reserve would save, Lindqvist said the vials would reach every clinic.\n"
    assert reported(quotes_of(text)) == [("the vials would reach every clinic", "Lindqvist")]


def test_a_word_that_names_no_speaker_before_a_colon_is_no_attribution(quotes_of):
    assert reported(quotes_of("Update: Road closures for the weekend\n\nThe council met on Monday.")) == []


def test_an_interview_question_label_is_no_attribution(quotes_of):
    text = (
        "# A nurse on the flood\n\nStaff nurse Grace Ilunga spoke to us about the night of the flood.\n\n"
        "Q: Did management warn you?\n\nNo. We were never told the drains had failed before."
    )
    assert [r for r in reported(quotes_of(text)) if "warn" in r[0]] == []


def test_a_free_relative_what_clause_is_no_reported_content(quotes_of):
    assert reported(quotes_of("The minister explained what the plan would cost taxpayers next year.")) == []


def test_what_follows_he_said_describes_him_and_is_no_content(quotes_of):
    text = 'Sentenced\n\n"I let a lot of people down, and I am sorry," he said, his voice breaking.'
    assert [r for r in reported(quotes_of(text)) if "voice" in r[0]] == []


def test_a_content_around_a_parenthetical_says_is_kept(quotes_of):
    text = "Diner\n\nHer mother, Teodora Vasquez says, had rules, and most of them were about money."
    assert any("had rules" in r[0] for r in reported(quotes_of(text)))


def test_a_phrasal_cue_takes_a_content_clause(quotes_of):
    text = "Debate\n\nThe governor shot back that state aid to schools had risen every year of his term."
    assert any("had risen every year" in r[0] for r in reported(quotes_of(text)))


def test_a_comment_after_the_content_is_not_part_of_it(quotes_of):
    found = reported(quotes_of("Senator Ann Smith told the committee that the budget was balanced, a claim others disputed."))
    assert found == [("the budget was balanced", "Ann Smith")]


def test_calling_for_years_is_no_call_for_someone_to(quotes_of):
    assert reported(quotes_of("The senator called for years to reform the tax code before she retired.")) == []


def test_a_label_with_a_name_after_a_colon_is_no_attribution(quotes_of):
    assert reported(quotes_of("Driver: Max Verstappen (Red Bull Racing)\n\nThe race starts at noon.")) == []


def test_said_to_be_is_not_speech(quotes_of):
    assert reported(quotes_of("The painting is said to be worth millions.")) == []


def test_the_said_agreement_is_not_speech(quotes_of):
    assert reported(quotes_of("The said agreement expired in March.")) == []


def test_reportedly_without_a_speaker_is_not_speech(quotes_of):
    assert reported(quotes_of("The convoy reportedly reached the border at dawn.")) == []


def test_belief_verbs_are_not_speech(quotes_of):
    assert reported(quotes_of("Farmer Jon Pike believes the drought will end soon.")) == []


def test_hypothetical_may_say_is_not_speech(quotes_of):
    assert reported(quotes_of("Analysts may say the market has peaked.")) == []


def test_negated_cue_is_not_speech(quotes_of):
    assert reported(quotes_of("The ministry did not say whether the talks would resume.")) == []


def test_topic_of_a_comment_is_not_content(quotes_of):
    assert reported(quotes_of("Officials declined to comment on the investigation.")) == []


def test_concessive_clause_after_that_while_is_content_of_its_own(quotes_of):
    text = "Spokeswoman Ada Byrne said that while the agency does not comment on audits, it welcomes the review."
    found = reported(quotes_of(text))
    assert ("the agency does not comment on audits", "Ada Byrne") in found
    assert ("it welcomes the review", "Ada Byrne") in found


def test_content_with_its_own_words_around_a_quote_is_kept(quotes_of):
    text = 'Spokeswoman Ada Byrne said it considers that "the audit was fair and complete."'
    by_kind = {q.kind: q.text for q in quotes_of(text)}
    assert by_kind["partial"] == "the audit was fair and complete."
    assert by_kind["indirect"].startswith("it considers that")


def test_call_for_someone_to_parsed_as_a_clause(quotes_of):
    found = reported(quotes_of("Governor Tom Reyes has called for local troops to intensify their patrols in the north."))
    assert found == [("local troops to intensify their patrols in the north", "Tom Reyes")]


def test_statement_noun_owned_by_a_possessive_pronoun(quotes_of):
    found = reported(quotes_of("Mayor Lena Ortiz repeated her claim that the fire was an accident."))
    assert found == [("the fire was an accident", "Lena Ortiz")]


def test_title_case_headline_is_parsed_in_sentence_case(quotes_of):
    text = "City Council Warns of Longer Delays on Northern Bridge\n\nThe council met in Riga on Monday.\n"
    found = reported(quotes_of(text))
    assert [t for t, _ in found] == ["Longer Delays on Northern Bridge"]


def test_past_tense_conjunct_of_a_content_clause_speaks_with_the_cue_subject(quotes_of):
    found = reported(
        quotes_of(
            "Governor Elsa Brandt said that the county should widen roads that the state considers its own"
            " and called for new funding for rural bus lines."
        )
    )
    assert ("new funding for rural bus lines", "Elsa Brandt") in found


def test_clause_after_a_semicolon_is_a_second_reported_content(quotes_of):
    found = reported(
        quotes_of("Coach Ben Ruiz said the club would sign no new players this summer; the budget is already spent.")
    )
    assert found == [("the club would sign no new players this summer", "Ben Ruiz"), ("the budget is already spent", "Ben Ruiz")]


def test_clause_after_a_semicolon_with_its_own_speaker_is_not_the_first_speakers(quotes_of):
    found = reported(quotes_of("Coach Ben Ruiz said the club would sign no new players; critics said otherwise."))
    assert found == [("the club would sign no new players", "Ben Ruiz")]


def test_text_ending_in_a_semicolon_after_reported_speech_is_read(quotes_of):
    assert reported(quotes_of("Residents said the patrols were not enough;")) == [("the patrols were not enough", "Residents")]


def test_content_runs_on_over_a_verbless_piece_split_off_as_a_sentence(quotes_of):
    text = "Chief engineer Lars Holm said the repairs would cover every bridge built by it. Council, except in an emergency."
    assert reported(quotes_of(text)) == [
        ("the repairs would cover every bridge built by it. Council, except in an emergency", "Lars Holm")
    ]


def test_content_does_not_run_on_into_the_next_full_sentence(quotes_of):
    text = "Chief engineer Lars Holm said the repairs would cover every bridge. It was a long day for the crews."
    assert reported(quotes_of(text)) == [("the repairs would cover every bridge", "Lars Holm")]


def test_content_introduced_by_whether_is_a_question_not_a_statement(quotes_of):
    found = reported(quotes_of("Minister Sofia Marchetti declined to say whether she would resign if the charge failed."))
    assert found == []


def test_a_question_asked_whether_is_the_askers(quotes_of):
    found = reported(quotes_of("Councillor Ruth Okafor asked whether the pool would reopen before the summer."))
    assert found == [("whether the pool would reopen before the summer", "Ruth Okafor")]


def test_the_writers_own_question_asked_whether_is_no_item(quotes_of):
    assert reported(quotes_of("On Monday I asked the council whether the pool would reopen before the summer.")) == []


def test_pledged_to_with_the_infinitive_parsed_as_an_adverbial_clause(quotes_of):
    text = "Prime minister Abdulhamid Qaddour pledged on Sunday to hold national elections before the end of the year."
    assert ("to hold national elections before the end of the year", "Abdulhamid Qaddour") in reported(quotes_of(text))


def test_a_reported_noun_phrase_ends_before_a_clause_that_says_why(quotes_of):
    found = reported(
        quotes_of(
            "Meridale Group reported a 14 percent fall in first-half operating profit on Wednesday, as weaker "
            "bookings at its regional hotels outweighed strong trading at its bowling and cinema venues."
        )
    )
    assert found == [("a 14 percent fall in first-half operating profit on Wednesday", "Meridale Group")]


def test_a_cue_between_the_subject_and_its_verb_does_not_cut_the_content(quotes_of):
    text = "Harbour master Ines Kovac spoke on Friday. The dredgers, she said, would be back in the channel by June."
    found = reported(quotes_of(text))
    assert found == [("The dredgers, she said, would be back in the channel by June", "Ines Kovac")]


def test_content_runs_on_over_a_cue_to_a_coordinated_clause_with_its_own_subject(quotes_of):
    text = "Ines Kovac met the pilots. The channel is open, she insists, but the big ships will wait for the tide."
    found = reported(quotes_of(text))
    assert found == [("The channel is open, she insists, but the big ships will wait for the tide", "Ines Kovac")]


def test_content_does_not_run_on_over_a_cue_to_a_phrase_without_a_clause(quotes_of):
    found = reported(quotes_of("Sales rose 4 percent to $2.1 billion, Harwick Foods said, just ahead of forecasts."))
    assert found == [("Sales rose 4 percent to $2.1 billion", "Harwick Foods")]


def test_a_quote_split_by_its_attribution_is_not_bridged_into_reported_speech(quotes_of):
    found = reported(quotes_of('"The dredgers will be back," Ines Kovac said, "and the channel will be deep again."'))
    assert found == []


def test_a_for_phrase_before_the_cue_is_no_content_of_it(quotes_of):
    found = reported(quotes_of("Councillor Bram Tuck, for his part, criticized the delay."))
    assert ("his part", "Bram Tuck") not in found


def test_a_span_of_time_after_the_cues_object_is_no_content(quotes_of):
    found = reported(quotes_of("Ines Kovac said a broker had called her every day for a week."))
    assert found == [("a broker had called her every day for a week", "Ines Kovac")]


def test_a_span_of_time_asked_for_is_the_content(quotes_of):
    found = reported(quotes_of("Prosecutor Ines Kovac asked for eight years."))
    assert found == [("eight years", "Ines Kovac")]


def test_thanking_someone_for_something_reports_no_content(quotes_of):
    found = reported(quotes_of("Mayor Ines Kovac thanked the volunteers for their patience."))
    assert found == []


def test_what_someone_declined_to_say_is_no_content(quotes_of):
    found = reported(quotes_of("Harbour master Ines Kovac declined to say when the dredgers would return."))
    assert found == []


def test_a_participle_qualifying_the_content_stays_in_it(quotes_of):
    text = "Councillor Ondrej Vasko said his party would table a motion at the next assembly calling on the council to act."
    found = reported(quotes_of(text))
    assert found == [("his party would table a motion at the next assembly calling on the council to act", "Ondrej Vasko")]


def test_a_participle_after_a_comma_is_a_statement_of_its_own(quotes_of):
    text = 'Councillor Ondrej Vasko said the council would try again, calling the vote "a farce".'
    assert ("the council would try again", "Ondrej Vasko") in reported(quotes_of(text))


def test_a_second_that_clause_with_a_speech_verb_is_part_of_the_content(quotes_of):
    text = "Councillor Lenka Horak said that the summary was thin and that the region had asked for the data twice."
    assert reported(quotes_of(text)) == [("the summary was thin and that the region had asked for the data twice", "Lenka Horak")]


def test_what_someone_reminded_others_to_do_is_reported(quotes_of):
    found = quotes_of("Jury\n\nJudge Harriet Quill reminded the jurors that they must not research the case online.\n")
    assert [(q.text, q.speaker) for q in found] == [("they must not research the case online", "Harriet Quill")]


def test_according_to_the_fire_brigade_is_the_brigade_not_the_person_named_before(quotes_of):
    text = (
        "Plant fire\n\nDr. Anna Vogt, a chemist at the university, said the smoke was not toxic.\n\n"
        "According to a statement from the fire brigade, 40 firefighters were at the scene.\n"
    )
    assert reported(quotes_of(text))[-1] == ("40 firefighters were at the scene", "fire brigade")


def test_a_statement_signed_by_someone_is_theirs(quotes_of):
    text = (
        "Strike\n\nThe union met on Monday.\n\n"
        "The statement, signed by general secretary Ruth Anand, said members had run out of patience.\n"
    )
    assert reported(quotes_of(text)) == [("members had run out of patience", "Ruth Anand")]


def test_the_report_says_is_the_body_that_published_it(quotes_of):
    text = (
        "Report\n\nThe charity Clean Rivers Trust published its annual report on Monday.\n\n"
        "The report says sewage was released into rivers 3,000 times last year.\n"
    )
    assert reported(quotes_of(text)) == [("sewage was released into rivers 3,000 times last year", "Clean Rivers Trust")]


def test_documents_reviewed_by_an_outlet_are_not_the_outlets_words(quotes_of):
    text = (
        "Grants\n\nIn an email, Deputy Administrator Trent Oyelaran told staff that the grants were on hold, "
        "according to documents reviewed by the Meridian Ledger.\n"
    )
    assert {speaker for _, speaker in reported(quotes_of(text))} == {"Trent Oyelaran"}


def test_said_according_to_a_statement_issued_by_an_office_stays_the_speakers(quotes_of):
    text = "Toll\n\nMinister Rosa Lind said 40 people had died, according to a statement issued by her office.\n"
    assert reported(quotes_of(text)) == [("40 people had died", "Rosa Lind")]


def test_according_to_reports_keeps_its_clause_when_a_call_inside_it_has_a_speaker_of_its_own(quotes_of):
    text = (
        "Front\n\nAccording to reports from military bloggers, the units are moving towards the town, "
        "where residents have called for an evacuation.\n"
    )
    assert reported(quotes_of(text))[0][1] == "military bloggers"


def test_according_to_a_statement_the_minister_directed_is_the_statements_owners(quotes_of):
    text = (
        "Floods\n\nThe Agriculture Ministry issued a statement on Monday.\n\n"
        "According to the statement, the minister has directed officials to finish the survey by September.\n"
    )
    assert reported(quotes_of(text)) == [("officials to finish the survey by September", "Agriculture Ministry")]


def test_an_infinitive_parsed_inside_the_addressees_relative_clause_is_the_content(quotes_of):
    text = "Jobs\n\nMayor Jane Holt urged young people who travel abroad for work to register with the mission.\n"
    assert [q.text for q in quotes_of(text)] == ["young people who travel abroad for work to register with the mission"]


def test_an_infinitive_inside_the_addressee_is_no_content_before_a_that_clause(quotes_of):
    text = "Plan\n\nMayor Jane Holt told reporters who had gathered to hear her that the plan was dead.\n"
    assert not any(q.text.startswith("reporters") for q in quotes_of(text))


def test_a_yell_introduces_a_quote(quotes_of):
    text = 'Fire\n\nTamika Rowe got out first.\n\nHer neighbour Devonte Hill was banging on the door, yelling, "Get out, now!"\n'
    assert [q.speaker for q in quotes_of(text) if q.kind == "direct"] == ["Devonte Hill"]


def test_a_which_clause_after_a_quoted_content_is_no_part_of_it(quotes_of):
    text = (
        "Match\n\nHalloran was angry about the fourth official.\n\n"
        'He said to me "it is the VAR call, not ours", which tells you everything.\n'
    )
    assert not [q for q in quotes_of(text) if q.kind == "indirect" and "which tells" in q.text]
