"""Entity resolution in an article: titles, cataphora, units and transcript turns."""

from __future__ import annotations

import pytest

from quotes.models import Document

pytestmark = pytest.mark.model


def _speakers(pipeline, text):
    from quotes.extraction.pipeline import extract

    return {q.text: q.speaker for q in extract(Document("story.txt", text), pipeline=pipeline)}


def test_a_title_before_the_name_stands_for_the_person_named_next(pipeline):
    text = (
        "Police pledge\n\n"
        "THE Home Secretary last night promised to put 3,000 more officers on the beat.\n\n"
        "Rachel Danvers said the money would come from the reserves.\n"
    )
    assert _speakers(pipeline, text)["to put 3,000 more officers on the beat"] == "Rachel Danvers"


def test_a_pronoun_never_reaches_into_a_later_live_blog_entry(pipeline):
    text = (
        "Floods live\n\n"
        "13:10 GMT\n\n"
        '"The wall is holding," she said.\n\n'
        "14:32 GMT\n\n"
        'Fire chief Joanne Tilley said crews were out all night. "Stay off the bridge," Tilley said.\n'
    )
    assert _speakers(pipeline, text)["The wall is holding,"] != "Joanne Tilley"


def test_a_transcript_turn_speaks_as_its_label(pipeline):
    text = (
        "Hearing transcript\n\n"
        "Testifying was Maria Delgado, administrator of the agency. Questioning was Sen. Ellen Carver.\n\n"
        "SEN. CARVER: What did the company tell you?\n\n"
        "MS. DELGADO: The company told us it would fix the defects. I said that we would check.\n\n"
        "SEN. CARVER: Thank you.\n"
    )
    assert _speakers(pipeline, text)["we would check"] == "Maria Delgado"


def test_a_transcript_turn_is_reported_speech_of_its_speaker(pipeline):
    from quotes.extraction.pipeline import extract

    text = (
        "Hearing transcript\n\n"
        "Testifying was Maria Delgado, administrator of the agency. Questioning was Sen. Ellen Carver.\n\n"
        "SEN. CARVER: What did the company tell you?\n\n"
        "MS. DELGADO: The company promised repairs. We checked every bridge.\n\n"
        "SEN. CARVER: Thank you.\n"
    )
    turns = [(q.kind, q.text, q.speaker) for q in extract(Document("story.txt", text), pipeline=pipeline)]
    assert turns == [
        ("indirect", "What did the company tell you?", "Ellen Carver"),
        ("indirect", "The company promised repairs. We checked every bridge", "Maria Delgado"),
        ("indirect", "Thank you", "Ellen Carver"),
    ]


def test_a_turn_labelled_with_a_title_and_a_surname_named_nowhere_else_speaks(pipeline):
    text = (
        "Estimates\n\n"
        "Senator DRUMMOND: Who wrote the email?\n\n"
        "Mr Lindqvist: I wrote that email, Senator.\n\n"
        "Senator DRUMMOND: Thank you.\n"
    )
    assert _speakers(pipeline, text)["I wrote that email, Senator"] == "Lindqvist"


def test_a_turn_paragraph_in_the_first_person_reporting_someone_else_stays_in_the_turn(pipeline):
    from quotes.extraction.pipeline import extract

    text = (
        "Hearing transcript\n\n"
        "Testifying was Maria Delgado, administrator of the agency. Questioning was Sen. Ellen Carver.\n\n"
        "SEN. CARVER: What did the review find?\n\n"
        "MS. DELGADO: I will read a short statement.\n\n"
        'The review by Justice Elaine Moorcroft described our coordination as "a failure", and I accept that.\n\n'
        "SEN. CARVER: Thank you.\n"
    )
    found = extract(Document("story.txt", text), pipeline=pipeline)
    assert [(q.kind, q.speaker) for q in found if q.text.startswith("The review")] == [("indirect", "Maria Delgado")]


def test_the_reporter_s_narration_after_a_transcript_closes_the_last_turn(pipeline):
    from quotes.extraction.pipeline import extract

    text = (
        "Hearing transcript\n\n"
        "Testifying was Maria Delgado, administrator of the agency. Questioning was Sen. Ellen Carver.\n\n"
        "SEN. CARVER: What did the company tell you?\n\n"
        "MS. DELGADO: The company promised repairs.\n\n"
        "SEN. CARVER: Thank you.\n\n"
        "Outside the hearing, Delgado told reporters the agency would publish its report in May.\n\n"
        "The hearing resumes on Monday.\n"
    )
    said = [(q.text, q.speaker) for q in extract(Document("story.txt", text), pipeline=pipeline)]
    assert said[-1] == ("the agency would publish its report in May", "Maria Delgado")
    assert "Ellen Carver" not in {speaker for words, speaker in said if "Monday" in words or "May" in words}


def test_a_body_s_initials_in_the_article_are_the_body(pipeline):
    text = (
        "Road\n\nThe minister said the government had paid China Huaxin Road and Bridge Corporation (CHRBC) its bill.\n\n"
        "CHRBC said it had never abandoned the project.\n"
    )
    assert _speakers(pipeline, text)["it had never abandoned the project"] == "China Huaxin Road and Bridge Corporation"


def test_a_body_named_with_a_plural_possessive_keeps_its_whole_name(pipeline):
    text = (
        "Hospital\n\nThe Public Health and Allied Workers' Union (Phawu) said the hospital had been without water for 19 days.\n"
    )
    assert set(_speakers(pipeline, text).values()) == {"Public Health and Allied Workers' Union"}


def test_a_nickname_the_article_gives_someone_is_that_person(pipeline):
    text = (
        "Lagoon\n\nMayor Joaquim Benedito Ferraz Arruda, known as Quinzinho, declared an emergency.\n\n"
        "Quinzinho said the town would pay the fishermen.\n"
    )
    assert _speakers(pipeline, text)["the town would pay the fishermen"] == "Joaquim Benedito Ferraz Arruda"


def test_a_defined_term_in_brackets_is_the_bodys_name_from_then_on(pipeline):
    text = (
        'Results\n\nHalden Holdings plc\n("Halden" or the "Group")\n\n'
        "Halden Holdings plc, the maker of marine pumps, announces its annual results.\n\n"
        "- The Group reports that revenue fell by a tenth in the year.\n"
    )
    assert _speakers(pipeline, text)["revenue fell by a tenth in the year"] == "Halden Holdings plc"


def test_a_nickname_met_alone_before_the_article_gives_it_is_merged_into_the_person(pipeline):
    text = (
        "Lagoon\n\nThe fisherman José Raimundo dos Santos Filho, known to everyone in town as Zé Galego, said "
        "the fish had died overnight.\n\n"
        "Back on the sand, Zé Galego threw the last of the fish into a wheelbarrow.\n\n"
        '"My son went to São Paulo. I stayed," he said.\n'
    )
    assert set(_speakers(pipeline, text).values()) == {"José Raimundo dos Santos Filho"}


def test_a_stage_name_the_article_gives_someone_is_that_person(pipeline):
    text = (
        "Bakery\n\nHis son, Oleksandr Zhuravskyi, a comedian who has lived in London since 2009 and performs "
        "there as Sasha Juravsky, said the bakery would open on Saturday.\n\n"
        "Sasha Juravsky said most of the money came from eleven charity gigs.\n"
    )
    assert set(_speakers(pipeline, text).values()) == {"Oleksandr Zhuravskyi"}


def test_the_person_someone_calls_a_name_in_marks_is_not_a_nickname_of_the_caller(pipeline):
    text = (
        "Derby\n\nTakumi Mori scored late. Shoichi Kawabata watched from the stand.\n\n"
        "Mori told reporters that the goal was for his grandmother.\n\n"
        'Kawabata, speaking to reporters outside the ground, called Mori "the pride of Japan" and said '
        "he had shown what a young player can do.\n"
    )
    assert _speakers(pipeline, text)["the goal was for his grandmother"] == "Takumi Mori"


def test_a_description_inside_someone_s_reported_speech_is_not_the_reporter(pipeline):
    text = (
        "Derby report\n\nLewis Amankwah was taken off late after a clash of heads.\n\n"
        "Javier Lozano said the defender had told the medical staff he wanted to stay on.\n"
    )
    assert _speakers(pipeline, text)["he wanted to stay on"] == "Lewis Amankwah"


def test_the_same_minister_is_never_a_minister_named_later(pipeline):
    text = (
        "Debate\n\nRAO: Anand Kulkarni said it very clearly on Monday.\n\n"
        'MENON: But the same minister promised in 2023 that "no seafarer will ever again be abandoned".\n\n'
        "RAO: External Affairs Minister Meera Sahni spoke to her Kenyan counterpart this afternoon.\n"
    )
    assert _speakers(pipeline, text)["no seafarer will ever again be abandoned"] != "Meera Sahni"


def test_a_name_set_off_after_an_office_s_for_phrase_is_the_office_holder(pipeline):
    text = (
        "Demolition\n\nThe state Commissioner for Physical Planning and Urban Development, Engr. Babatunde Alade, "
        "however, said the structures were illegal.\n\n"
        "The state Commissioner for Information, Mr Segun Ajala, had yet to respond.\n"
    )
    assert _speakers(pipeline, text)["the structures were illegal"] == "Babatunde Alade"


def test_a_capitalised_title_used_alone_is_the_person_the_story_gave_it(pipeline):
    text = (
        "Market\n\nThe Iyaloja of Oja Tuntun, Chief (Mrs) Adunni Ogunleye, denied that any notice was served.\n\n"
        "Blessing Okon, a trader, said she lost her goods.\n\n"
        "The Iyaloja, however, said the traders would not leave the site.\n"
    )
    assert _speakers(pipeline, text)["the traders would not leave the site"] == "Adunni Ogunleye"


def test_a_subject_inside_someone_s_reported_words_does_not_take_the_next_she(pipeline):
    text = (
        "Apology\n\nTánaiste Gráinne Nic Giolla Phádraig met the board of the alliance.\n\n"
        "She later told reporters that Ireland would contribute 4 million euros toward rebuilding the alliance's systems. "
        '"Ireland sells itself as a safe home for the world\'s data," she said.\n\n'
        "Its tracking servers were housed at a data center in Kilbrannagh, County Kildare, run by Nordvane Ireland, "
        "a subsidiary of Nordvane Group of Denmark.\n"
    )
    assert _speakers(pipeline, text)["Ireland sells itself as a safe home for the world's data,"] == "Gráinne Nic Giolla Phádraig"


def test_the_subject_of_a_content_clause_before_its_cue_is_the_story_s(pipeline):
    text = (
        "Lil Tavo postpones tour\n\nThe 27-year-old's arena run moves to the fall. Tickets remain valid, promoter "
        "Skyline Live says.\n\n"
        "Lil Tavo has postponed his entire Casa Llena arena tour after surgery, the singer told fans on Instagram.\n"
    )
    assert _speakers(pipeline, text)["Lil Tavo has postponed his entire Casa Llena arena tour after surgery"] == "Lil Tavo"


def test_the_subject_of_what_i_note_is_the_story_s(pipeline):
    text = (
        "Briefing\n\nMS. ALVAREZ: The FEMA Administrator, Paul Ngata, told the President yesterday that crews were ready.\n\n"
        "And I'd note that Senator Roger Marsh himself praised the response on Tuesday, when he called the rescues "
        '"nothing short of heroic" in a post on X.\n'
    )
    assert _speakers(pipeline, text)["nothing short of heroic"] == "Roger Marsh"


def test_a_relative_named_by_given_name_alone_shares_the_family_name(pipeline):
    text = (
        "Sentencing\n\nSecurity guard Tomás Breathnach spent eleven days in intensive care. In a statement read "
        "to the court by his sister, Siobhán, Mr Breathnach said he had not slept since.\n\n"
        'Speaking outside the court, Ms Breathnach said her brother was "a quiet man who did his job".\n'
    )
    assert _speakers(pipeline, text)["a quiet man who did his job"] == "Siobhán Breathnach"


def test_a_body_s_initials_used_as_a_title_before_a_name_are_still_the_body(pipeline):
    text = (
        "Hydrogen\n\nThe deal between Ukraine's state-owned Pivden Hydrogen Company (PHC), Germany's Veltrup Energie "
        "and Britain's Calder Tidewater was signed in the presence of Energy Minister Oleksiy Zabolotskyy.\n\n"
        "PHC head Iryna Tkachuk said in the same statement that the corridor \"turns Ukraine's sun and wind into "
        "Europe's energy security.\" According to Tkachuk, construction alone will create around 3,000 jobs.\n\n"
        "PHC said in a statement to the Kyiv Herald that water supply for the electrolysers would come from a new "
        'desalination facility on the coast and "not from a single liter of the city\'s drinking water."\n'
    )
    assert _speakers(pipeline, text)["not from a single liter of the city's drinking water."] != "Iryna Tkachuk"


def test_a_source_no_one_owns_speaks_as_the_source_described(pipeline):
    text = (
        "Split\n\nSienna Marlowe and Jax Everly have split.\n\n"
        'A source close to the couple told The Daily Glint: "They barely saw each other last year."\n'
    )
    assert _speakers(pipeline, text)["They barely saw each other last year."] == "source close to the couple"


def test_an_outlet_s_sources_are_no_unnamed_speaker(pipeline):
    text = "Related\n\nRussia Shared Intelligence With Iran That Could Aid Attacks, AP Sources Say\n"
    assert "AP sources" not in set(_speakers(pipeline, text).values())


def test_the_insider_after_a_source_is_that_source(pipeline):
    text = (
        "Split\n\nSienna Marlowe and Jax Everly have split.\n\n"
        'A source close to the couple told The Daily Glint: "They barely saw each other last year."\n\n'
        'The insider added: "There is no drama."\n'
    )
    assert _speakers(pipeline, text)["There is no drama."] == "source close to the couple"


def test_the_rep_after_a_representative_is_that_representative(pipeline):
    text = (
        "Split\n\nA representative for Sienna and Jax confirmed the news in a statement.\n\n"
        'The rep added that there was "no truth whatsoever" to online claims.\n'
    )
    assert _speakers(pipeline, text)["no truth whatsoever"] == "representative for Sienna and Jax"


def test_a_title_in_lower_case_before_a_name_in_a_paragraph_without_speech_is_its_title(pipeline):
    text = (
        "Test\n\nThe left-hander walked off to a standing ovation with captain Lachlan Brereton.\n\n"
        "Kettering faced 251 balls.\n\n"
        '"He\'s got ice in his veins," the captain said.\n'
    )
    assert _speakers(pipeline, text)["He's got ice in his veins,"] == "Lachlan Brereton"


def test_the_skipper_is_the_captain(pipeline):
    text = (
        "Test\n\nThe left-hander walked off with captain Lachlan Brereton, whose 64 anchored the chase.\n\n"
        "\"That's the best Test win I've been part of,\" Brereton said.\n\n"
        "Kettering faced 251 balls.\n\n"
        '"He\'s got ice in his veins, that kid," the skipper said.\n'
    )
    assert _speakers(pipeline, text)["He's got ice in his veins, that kid,"] == "Lachlan Brereton"


def _roles(pipeline, text):
    from quotes.extraction.pipeline import extract

    return {q.text: q.speaker_role for q in extract(Document("story.txt", text), pipeline=pipeline)}


def test_the_titles_before_a_name_are_the_speaker_s_role_as_written(pipeline):
    text = 'Fed\n\nFed Chair Janet L. Yellen said rates would rise.\n\n"Enough," Yellen said later.\n'
    assert set(_roles(pipeline, text).values()) == {"Fed Chair"}


def test_a_party_label_is_a_role(pipeline):
    text = "Rally\n\nRepublican Donald Trump said the deal was a disgrace.\n"
    assert _roles(pipeline, text)["the deal was a disgrace"] == "Republican"


def test_a_description_that_stands_for_the_speaker_is_a_role(pipeline):
    text = 'Rally\n\nDonald Trump spoke in Raleigh. "We will win," said the GOP nominee.\n'
    assert _roles(pipeline, text)["We will win,"] == "GOP nominee"


def test_a_form_of_address_is_no_role(pipeline):
    text = "Court\n\nMr Alvaro Reyes said the ruling was unfair.\n"
    assert _roles(pipeline, text)["the ruling was unfair"] is None


def test_a_turn_labelled_with_a_title_speaks_as_its_holder(pipeline):
    text = (
        "Minutes of the meeting\n\n"
        "The mayor, Ruth Adeyemi, said the meeting was quorate.\n\n"
        "Councillor Jan Smith (Labour): I move the motion.\n\n"
        "The Mayor: I said that the vote would be recorded by name.\n\n"
        "Councillor Jan Smith (Labour): Thank you.\n"
    )
    assert _speakers(pipeline, text)["the vote would be recorded by name"] == "Ruth Adeyemi"


def test_a_body_described_is_not_the_person_holding_a_post_in_it(pipeline):
    text = (
        "Strike ends\n\n"
        'Union chair Aino Virtanen spoke first. "We have a deal," Virtanen said.\n\n'
        "The transport union said on Monday that the strike was over.\n"
    )
    assert _speakers(pipeline, text)["the strike was over"] != "Aino Virtanen"


def test_the_age_epithet_is_the_person_given_that_age(pipeline):
    text = (
        "Gnomes binned\n\n"
        'Kerry Dobbs, 34, from Rotherham, said: "They were all gone."\n\n'
        'Her husband Gary Dobbs, 37, added: "It is a disgrace."\n\n'
        "The 34-year-old said she had been promised compensation.\n"
    )
    assert _speakers(pipeline, text)["she had been promised compensation"] == "Kerry Dobbs"


def test_a_she_quoted_inside_her_quote_is_not_the_speaker_herself(pipeline):
    text = (
        "Gnomes binned\n\n"
        "Kerry Dobbs said her daughter Lily was in tears.\n\n"
        "\"She kept asking, 'Where is Mr Whiskers?'\" Kerry Dobbs said.\n"
    )
    assert _speakers(pipeline, text)["Where is Mr Whiskers?"] == "Lily"


def test_a_name_ending_in_a_place_word_is_no_person_for_an_epithet(pipeline):
    text = (
        "Stadium row\n\n"
        "The club's captain, Danny Okoro, said the players had been kept in the dark.\n\n"
        "Mill Lane has hosted the club since 1896 and holds 9,000 fans.\n\n"
        "The 34-year-old told BBC Radio Oxford that the squad would concentrate on Saturday.\n"
    )
    assert _speakers(pipeline, text)["the squad would concentrate on Saturday"] == "Danny Okoro"


def test_an_age_epithet_resolved_once_is_an_age_not_a_title(pipeline):
    text = (
        "Stadium row\n\n"
        "Graham Pettifer, the chairman, said the club could not stay.\n\n"
        "The 58-year-old said the roof needed work.\n\n"
        "The club's captain, Danny Okoro, said the players had been kept in the dark.\n\n"
        "The 34-year-old said the squad would concentrate on Saturday.\n"
    )
    assert _speakers(pipeline, text)["the squad would concentrate on Saturday"] == "Danny Okoro"


def test_a_he_inside_a_quote_is_whom_the_speaker_just_talked_about(pipeline):
    text = (
        "Cable cut\n\n"
        '"We cannot rule it out," Detective Heikki Vainikainen said. "The anchor was not there," he said.\n\n'
        "His lawyer confirmed that the captain is Oleksandr Tkachuk.\n\n"
        "Tkachuk's lawyer, Minna Aaltola, said her client denied any wrongdoing.\n\n"
        "\"He told me: 'I was on the bridge the whole night.' I believe him,\" Aaltola said.\n"
    )
    assert _speakers(pipeline, text)["I was on the bridge the whole night."] == "Oleksandr Tkachuk"


def test_an_i_told_him_quote_inside_a_quote_is_the_outer_speakers(pipeline):
    text = (
        "Roofer jailed\n\n"
        "The elder Pruitt testified that he had warned his son.\n\n"
        "\"I told him, 'Kyle, we've got four guys and a trailer,'\" Gerald Pruitt said on the stand.\n"
    )
    assert _speakers(pipeline, text)["Kyle, we've got four guys and a trailer,"] == "Gerald Pruitt"


def test_a_subject_inside_someones_quote_is_not_what_a_later_she_stands_for(pipeline):
    text = (
        "Grape\n\n"
        "Kelly Dawson, 34, said her son had choked at his party. Sandra Dawson, 61, had cut up the food.\n\n"
        'Kelly Dawson insisted nobody was to blame. "Sandra has nothing to feel bad about," she said.\n'
    )
    assert _speakers(pipeline, text)["Sandra has nothing to feel bad about,"] == "Kelly Dawson"


def test_a_first_name_alone_is_the_person_given_an_age_with_it(pipeline):
    text = (
        "Grape\n\n"
        "Kelly Dawson, 34, said her son had choked. His grandmother Sandra Dawson, 61, had cut up the food.\n\n"
        'Kelly insisted nobody was to blame. "It could have happened to anyone," she said.\n'
    )
    assert _speakers(pipeline, text)["It could have happened to anyone,"] == "Kelly Dawson"


def test_a_name_with_an_of_phrase_is_a_body_whole(pipeline):
    text = "Bridge shut\n\nThe Cologne Chamber of Commerce said in a statement that footfall had fallen.\n"
    assert _speakers(pipeline, text)["footfall had fallen"] == "Cologne Chamber of Commerce"


def test_a_plural_possessive_stays_inside_an_organisation_name(pipeline):
    text = "Fish kill\n\nThe Vindel River Anglers’ Association said in a statement that copper levels had risen.\n"
    assert _speakers(pipeline, text)["copper levels had risen"] == "Vindel River Anglers’ Association"


def test_an_alliance_is_a_body_named_whole(pipeline):
    text = "Strike\n\nThe Transport Workers’ Alliance has confirmed that the 24-hour strike will go ahead.\n"
    assert _speakers(pipeline, text)["the 24-hour strike will go ahead"] == "Transport Workers’ Alliance"


def test_capitalised_role_words_before_a_first_name_are_no_part_of_the_name(pipeline):
    text = "Wolves\n\nDistrict Administrator Jürgen Habermehl said the patience of farmers was exhausted.\n"
    assert _speakers(pipeline, text)["the patience of farmers was exhausted"] == "Jürgen Habermehl"


def test_an_unnamed_spokeswoman_speaks_for_the_body_that_acted_not_a_place_in_passing(pipeline):
    text = (
        "Wolves\n\n"
        "The Lower Saxony Ministry for the Environment in Hanover rejected the criticism. "
        "A spokeswoman said the ministry was examining the case with urgency.\n"
    )
    speaker = _speakers(pipeline, text)["the ministry was examining the case with urgency"]
    assert speaker == "Lower Saxony Ministry for the Environment"


def test_a_company_named_with_inc_is_the_company_not_inc(pipeline):
    text = (
        "Plant\n\n"
        "Voltaris Energy, Inc. (NASDAQ: VLTS), a developer of lithium iron phosphate (LFP) battery cells, "
        "today announced a plant.\n\n"
        "The company said it expects to begin production in 2028.\n"
    )
    assert _speakers(pipeline, text)["it expects to begin production in 2028"] == "Voltaris Energy"


def test_a_kin_word_before_a_name_is_no_part_of_it(pipeline):
    text = "Grape\n\nDad Lee Dawson said the family had been so relieved that they laughed.\n"
    assert _speakers(pipeline, text)["the family had been so relieved that they laughed"] == "Lee Dawson"


def test_a_party_label_is_not_part_of_the_name(pipeline):
    text = "Race\n\nRepublican Glenn Tolliver said the cities should not pick the senator.\n"
    assert _speakers(pipeline, text)["the cities should not pick the senator"] == "Glenn Tolliver"


def test_she_skips_a_man_whose_first_name_the_census_table_knows(pipeline):
    text = (
        "Debate\n\n"
        "Renee Okonkwo said the plan would fail. Garrett Lindqvist disagreed.\n\n"
        '"Those are not my numbers," she said.\n'
    )
    assert _speakers(pipeline, text)["Those are not my numbers,"] == "Renee Okonkwo"


def test_he_never_stands_for_a_place_the_recogniser_names(pipeline):
    text = (
        "Race tightens\n\n"
        "Governor Dale Harlan spoke in Raleigh on Tuesday.\n\n"
        "Voters across North Carolina have heard the same message for months.\n\n"
        '"North Carolina is working," he said.\n'
    )
    assert _speakers(pipeline, text)["North Carolina is working,"] == "Dale Harlan"


def test_he_never_stands_for_a_two_word_body_the_recogniser_always_calls_one(pipeline):
    text = (
        "Northgate Water chief: we let our customers down\n\n"
        "Alan Fairweather took over as chief executive of Northgate Water in 2022.\n\n"
        "Northgate Water was fined last year. He said bills would not rise faster than inflation.\n"
    )
    assert _speakers(pipeline, text)["bills would not rise faster than inflation"] == "Alan Fairweather"


def test_a_place_named_as_a_speaker_speaks_as_an_organisation(pipeline):
    from quotes.extraction.pipeline import extract

    text = "Talks\n\nWashington said on Monday that the sanctions would stay in place.\n"
    [quote] = extract(Document("story.txt", text), pipeline=pipeline)
    assert (quote.speaker, quote.speaker_kind) == ("Washington", "organisation")


def test_mr_and_ms_pick_the_holder_of_a_shared_surname_by_gender(pipeline):
    text = (
        "Bakery row\n\n"
        "Rafael Alvarez opened the shop at dawn, and his wife, Marisol Alvarez, stopped by later.\n\n"
        '"I am not selling," Mr. Alvarez said.\n\n'
        '"We should sell," Mrs. Alvarez said.\n'
    )
    speakers = _speakers(pipeline, text)
    assert speakers["I am not selling,"] == "Rafael Alvarez"
    assert speakers["We should sell,"] == "Marisol Alvarez"


def test_an_age_epithet_stands_for_the_person_just_named(pipeline):
    text = (
        "Match report\n\n"
        "Carlos Ibarra, signed in the summer, now has nine goals in eleven games.\n\n"
        '"I feel at home," said the 29-year-old.\n'
    )
    assert _speakers(pipeline, text)["I feel at home,"] == "Carlos Ibarra"


def test_a_singular_nationality_stands_for_the_person_just_named(pipeline):
    text = (
        "Match report\n\n"
        "Kofi Boateng, back from injury, said the dressing room was hurting.\n\n"
        '"We let the manager down," the Ghanaian said.\n'
    )
    assert _speakers(pipeline, text)["We let the manager down,"] == "Kofi Boateng"


def test_an_epithet_with_no_one_named_before_stays_unnamed(pipeline):
    text = 'Poll\n\nOn Nov. 5 voters choose.\n\n"We will win," the nominee said.\n'
    from quotes.extraction.pipeline import extract

    [quote] = extract(Document("story.txt", text), pipeline=pipeline)
    assert quote.speaker_kind == "unnamed"


def test_a_title_picks_the_holder_of_a_shared_surname_who_was_given_it(pipeline):
    text = (
        "Bakery row\n\n"
        "Rafael Alvarez runs the shop, and his wife, Dr. Marisol Alvarez, runs a clinic.\n\n"
        "Mr. Alvarez said he would not sell. Mr. Alvarez said it twice.\n\n"
        '"He has been practicing that line," Dr. Alvarez said.\n'
    )
    assert _speakers(pipeline, text)["He has been practicing that line,"] == "Marisol Alvarez"


def test_a_bare_surname_goes_to_the_most_mentioned_holder(pipeline):
    text = (
        "Bakery row\n\n"
        "Rafael Alvarez said he would not sell. Alvarez said it twice, and Alvarez said it again.\n\n"
        "Their son, Daniel Alvarez, keeps the books.\n\n"
        '"I am not selling," Alvarez said.\n'
    )
    assert _speakers(pipeline, text)["I am not selling,"] == "Rafael Alvarez"


def test_a_bare_surname_is_not_the_relative_introduced_by_kinship(pipeline):
    text = (
        "Okafor vs. Reyes: the debate\n\n"
        "Spotted in the hall: Daniel Reyes, the candidate's husband, who said the night went well.\n\n"
        'Reyes on schools: "Every classroom will have a teacher by September."\n\n'
        "Marta Reyes (@MartaForMayor) thanked her volunteers.\n"
    )
    assert _speakers(pipeline, text)["Every classroom will have a teacher by September."] == "Marta Reyes"


def test_the_elder_of_two_who_share_a_surname_is_the_older_by_age(pipeline):
    text = (
        "Court report\n\n"
        "Kyle Brandt, 29, was jailed on Friday. Ray Brandt, 61, pleaded guilty in March.\n\n"
        'The elder Brandt said he had warned the company "more than once" about the workload.\n\n'
        'The younger Brandt said he was "sorry for everything" as he was led away.\n'
    )
    speakers = _speakers(pipeline, text)
    assert speakers["more than once"] == "Ray Brandt"
    assert speakers["sorry for everything"] == "Kyle Brandt"


def test_the_elder_of_two_who_share_a_surname_is_the_one_introduced_as_a_parent(pipeline):
    text = (
        "Court report\n\n"
        "Kyle Brandt was jailed on Friday. His father, Ray Brandt, pleaded guilty in March.\n\n"
        'The elder Brandt said he had warned his son "more than once" about the workload.\n'
    )
    assert _speakers(pipeline, text)["more than once"] == "Ray Brandt"


def test_a_title_with_another_club_is_not_the_coach_of_this_one(pipeline):
    text = (
        "Match report\n\n"
        "Cascade FC beat Harbor City SC 2-1 on Saturday. Cascade coach Rosa Delgado praised her defence.\n\n"
        '"We gave away a cheap free kick," the Harbor City coach said.\n'
    )
    assert _speakers(pipeline, text)["We gave away a cheap free kick,"] != "Rosa Delgado"


def test_a_generic_body_word_with_a_name_before_it_is_that_body_not_the_last_one(pipeline):
    text = (
        "Water fine\n\n"
        "Severnmoor Water was fined a record sum on Thursday.\n\n"
        "Severnmoor's chief executive, Richard Hallam, said the company would not appeal.\n\n"
        'The Clean Arle group called the fine "a start, not an ending."\n'
    )
    assert _speakers(pipeline, text)["a start, not an ending."] == "Clean Arle group"


def test_the_full_form_of_a_title_stands_for_whoever_had_its_short_form(pipeline):
    text = (
        "Debate\n\n"
        "Gov. Dale Harlan and Renee Whitfield met on Tuesday.\n\n"
        'Whitfield spoke first. The governor asked voters to "stay the course" at the end.\n'
    )
    assert _speakers(pipeline, text)["stay the course"] == "Dale Harlan"


def test_an_unnamed_spokesman_speaks_for_the_body_named_just_before(pipeline):
    text = (
        "Builder vanishes\n\n"
        "Harbour City Council confirmed it had received four complaints about the firm.\n\n"
        "A spokesman said officers were 'actively investigating' the claims.\n"
    )
    assert _speakers(pipeline, text)["officers were 'actively investigating' the claims"] == "Harbour City Council"


def test_an_unnamed_spokesman_with_no_body_nearby_stays_unnamed(pipeline):
    text = "Builder vanishes\n\nThe couple paid in three instalments.\n\nA spokesman said the claims were being examined.\n"
    assert _speakers(pipeline, text)["the claims were being examined"] == "spokesman"


def test_a_pronoun_with_no_one_before_it_in_its_entry_is_the_person_named_after_it(pipeline):
    text = (
        "Wildfire live\n\n"
        "6:05 p.m.\n\n"
        "Evacuation centre full\n\n"
        '"It came over the ridge like a freight train," he said. Kyle Mercer, a volunteer firefighter, had just come off shift.\n'
    )
    assert _speakers(pipeline, text)["It came over the ridge like a freight train,"] == "Kyle Mercer"


def test_a_sub_head_quote_takes_the_speaker_of_the_body_quote_that_repeats_it(pipeline):
    text = (
        "Wildfire\n\n"
        "'Not out of the woods'\n\n"
        '"We are not out of the woods, and I want to be clear," Fire Commissioner Ruth Halvorsen said.\n'
    )
    assert _speakers(pipeline, text)["Not out of the woods"] == "Ruth Halvorsen"


def test_a_sub_head_quote_under_another_speakers_paragraph_takes_the_speaker_of_the_quote_it_repeats(pipeline):
    text = (
        "Wildfire\n\n"
        'Deputy chief Tom Ashby said crews had been "stretched thin for a week" and added that more were coming.\n\n'
        "'Not out of the woods'\n\n"
        "Fire Commissioner Ruth Halvorsen visited the evacuation centre on Tuesday.\n\n"
        '"We are not out of the woods, and I want to be clear about that," Halvorsen said.\n'
    )
    assert _speakers(pipeline, text)["Not out of the woods"] == "Ruth Halvorsen"


def test_a_headline_quote_takes_the_author_of_the_post_that_repeats_it(pipeline):
    text = (
        "\u201cKeep off the sea wall\u201d: how the storm unfolded online\n\n"
        "The first warnings came on social media, hours before the water arrived.\n\n"
        "The sea has reached the top of the wall at Harbour Road. Keep off the sea wall and do not drive through floodwater.\n\n"
        "\u2014 Coastguard North (@CoastguardNorth) October 14, 2025\n"
    )
    assert _speakers(pipeline, text)["Keep off the sea wall"] == "Coastguard North"


def test_a_markdown_sub_head_quote_takes_the_speaker_of_the_quote_it_repeats(pipeline):
    text = (
        "# Captain takes questions\n\n"
        "u/tidewater_kay, who said she worked for a charity, urged users to give through registered groups.\n\n"
        '## "We are not asking for charity"\n\n'
        "Asked by another user how the crew felt, Captain Joel Ibarra was blunt. "
        '"We are not asking for charity. We are asking for what we earned," he wrote.\n'
    )
    assert _speakers(pipeline, text)["We are not asking for charity"] == "Joel Ibarra"


def test_a_quote_a_post_quotes_in_marks_is_not_the_posts_authors(quotes_of):
    text = (
        "What the hearing missed\n\nThe chief executive, Russell Hale, opened with an apology. His line, that the system "
        "\u201cdid not fail on the night\u201d, will turn up in every sales deck.\n\n"
        'Hale told the Senate his system "did not fail on the night". I was at gate 6 for forty minutes. It failed.\n\n'
        "\u2014 Sam Okoro (@samokoro) October 15, 2025\n"
    )
    first = next(q for q in quotes_of(text) if q.text == "did not fail on the night")
    assert first.speaker == "Russell Hale"


def test_a_sub_head_given_only_a_role_takes_the_named_speaker_of_the_quote_it_repeats(pipeline):
    text = (
        "Rail strike live\n\n"
        "21:47 BST\n\n"
        "The union's general secretary, Bernadette Kinsella, said the strike would go ahead.\n\n"
        "20:31 BST\n\n"
        "Transport secretary: 'The door to my office remains open'\n\n"
        "Gareth Mabey spoke to broadcasters on Wednesday.\n\n"
        '"The door to my office remains open," he said.\n'
    )
    assert _speakers(pipeline, text)["The door to my office remains open"] == "Gareth Mabey"


def test_an_organiser_named_only_by_that_role_in_a_standfirst_is_the_one_the_story_quotes(pipeline):
    text = (
        "Inquiry into heat marathon\n\n"
        "Forty-one runners treated. Organiser: 'We followed the protocol to the letter'\n\n"
        "Race director Marieke van Dalsum defended the start time.\n\n"
        "'We followed the protocol to the letter,' Van Dalsum said.\n"
    )
    assert _speakers(pipeline, text)["We followed the protocol to the letter"] == "Marieke van Dalsum"


def test_a_key_point_quote_does_not_run_on_from_the_key_point_before(pipeline):
    text = (
        "Rail strike live\n\n"
        "Key points\n\n"
        "- Union chief Bernadette Kinsella: 'We have been left with no choice'\n"
        "- 'It is chaos every time': commuters react\n"
    )
    assert _speakers(pipeline, text).get("It is chaos every time") != "Bernadette Kinsella"


def test_a_name_with_particles_and_two_surnames_is_one_person(pipeline):
    text = (
        "Wind pact\n\n"
        "Opposition lawmaker Francisco Javier Ruiz de Alarcón criticised the deal on Tuesday.\n\n"
        "Raimunda Conceição dos Anjos, president of the fishermen’s association, said they were not consulted.\n\n"
        "“Spanish families are paying for Brazilian wind,” Ruiz de Alarcón wrote.\n\n"
        "“They decide everything in an office,” dos Anjos said.\n"
    )
    speakers = _speakers(pipeline, text)
    assert speakers["Spanish families are paying for Brazilian wind,"] == "Francisco Javier Ruiz de Alarcón"
    assert speakers["They decide everything in an office,"] in ("Raimunda Conceição dos Anjos", "Conceição dos Anjos")


def test_marks_inside_a_transcript_turn_hold_the_words_of_the_person_it_names(pipeline):
    text = (
        "City Desk podcast\n\n"
        "[00:03:15] Dana Whitfield: Welcome back. With me is our reporter, Marcus Bell.\n\n"
        "[00:03:27] Marcus Bell: On Monday the mayor said she would stop the money.\n\n"
        "[00:03:40] Dana: Was that a surprise?\n\n"
        "[00:03:54] Marcus: Yes. The board chair, Linda Faulkner, spoke to me on Wednesday. "
        "Her exact words were, “If we lose the city money, we are looking at two years.”\n\n"
        "[00:04:10] Dana: Thanks, Marcus.\n"
    )
    assert _speakers(pipeline, text)["If we lose the city money, we are looking at two years."] == "Linda Faulkner"


def test_a_known_first_name_alone_is_the_person_named_with_it(pipeline):
    text = (
        "Podcast\n\n"
        "Marcus Bell covers transport. Abby Sorensen covers the council.\n\n"
        'Marcus said the vote was close. "It will come down to one seat," Marcus said.\n'
    )
    assert _speakers(pipeline, text)["It will come down to one seat,"] == "Marcus Bell"


def test_a_which_clause_after_a_womans_appositive_leaves_her_a_person(pipeline):
    text = (
        "Board welcomes ruling\n\n"
        "Anna Sjoberg, a spokesperson for the County Board of Vasterbotten, which reported the company "
        "to the police, said the board welcomed the ruling.\n\n"
        '"This sends a clear signal," she said.\n'
    )
    assert _speakers(pipeline, text)["This sends a clear signal,"] == "Anna Sjoberg"


def test_he_skips_a_woman_whose_first_name_only_the_world_table_knows(pipeline):
    text = (
        "Sawmill fined\n\n"
        "Göran Lindberg and Katarina Marchuk gave evidence on Tuesday.\n\n"
        'Marchuk said the basin had leaked for years. "I did not want to poison the river," he said.\n'
    )
    assert _speakers(pipeline, text)["I did not want to poison the river,"] == "Göran Lindberg"


def test_she_skips_a_man_whose_first_name_is_too_rare_in_the_census_to_tell(pipeline):
    text = (
        "Ferry cancelled\n\n"
        "Siobhan Keane said the crossing was unsafe. Neville Orme, the harbour master, agreed.\n\n"
        '"We could not risk it," she said.\n'
    )
    assert _speakers(pipeline, text)["We could not risk it,"] == "Siobhan Keane"


def test_he_skips_a_woman_whose_first_name_is_also_an_english_word(pipeline):
    text = 'Choking scare\n\nLee Dawson was at work.\n\nGemma Dawson rang 999.\n\n"I drove straight home," he said.\n'
    assert _speakers(pipeline, text)["I drove straight home,"] == "Lee Dawson"


def test_he_is_the_subject_before_him_not_a_name_in_the_object(pipeline):
    text = (
        "Ashford win\n\n"
        "Sam Okafor scored twice.\n\n"
        "Daniel Moreno defended Tom Vidal, whose fumble gifted Okafor the equaliser. "
        'He said the keeper had "saved us all season".\n'
    )
    assert _speakers(pipeline, text)["saved us all season"] == "Daniel Moreno"


def test_the_statement_speaks_for_whoever_made_it_just_before(pipeline):
    text = (
        "Rail strike\n\n"
        "Britrail Network said in a statement that it expected to run one in five services.\n\n"
        '"We are sorry for the disruption our passengers will face," the statement said.\n'
    )
    assert _speakers(pipeline, text)["We are sorry for the disruption our passengers will face,"] == "Britrail Network"


def test_the_ruling_speaks_for_the_judge_who_wrote_it(pipeline):
    text = (
        "Sawmill fined\n\n"
        'In her ruling, Judge Karin Lindqvist wrote that the pollution had been "neither sudden nor unforeseeable".\n\n'
        '"The court regards this as an admission," the ruling says.\n'
    )
    assert _speakers(pipeline, text)["The court regards this as an admission,"] == "Karin Lindqvist"


def test_a_statement_with_no_one_before_it_has_no_speaker(pipeline):
    text = 'Rail strike\n\n"We are sorry for the disruption," the statement said.\n'
    assert _speakers(pipeline, text)["We are sorry for the disruption,"] is None


def test_a_body_named_short_is_the_body_named_in_full_before(pipeline):
    text = (
        "Drones hit depot\n\n"
        "Ukraine's General Staff said on Tuesday its drones had struck a fuel depot.\n\n"
        'The General Staff said in a statement that the strike had caused "a large fire" at the depot.\n'
    )
    assert _speakers(pipeline, text)["a large fire"] == "Ukraine's General Staff"


def test_a_body_named_by_the_last_word_of_its_name_is_the_body(pipeline):
    text = (
        "Reserve launched\n\n"
        "The World Snakebite Alliance said in a statement that the fund was overdue.\n\n"
        '"We will judge this fund by one number," the Alliance said.\n'
    )
    assert _speakers(pipeline, text)["We will judge this fund by one number,"] == "World Snakebite Alliance"


def test_a_last_word_shared_by_two_bodies_names_neither(pipeline):
    text = (
        "Strike\n\n"
        "The Rail Workers Union and the Bus Drivers Union said in a joint letter that talks had failed.\n\n"
        '"We are ready to talk," the Union said.\n'
    )
    assert _speakers(pipeline, text)["We are ready to talk,"] == "Union"


def test_a_name_written_family_name_first_and_last_is_one_person(pipeline):
    text = (
        "Subsidies\n\nChief Cabinet Secretary Sato Kenji said the subsidies would run until March.\n\n"
        "Kenji Sato, 58, took office in October.\n\n"
        '"We cannot let households carry this alone," Sato said.\n'
    )
    speakers = _speakers(pipeline, text)
    assert speakers["We cannot let households carry this alone,"] == speakers["the subsidies would run until March"]


def test_a_french_honorific_is_a_title_of_the_person_named_in_full(pipeline):
    text = (
        "Hail in Burgundy\n\n"
        "« The vines will recover », said Hélène de Villiers, who runs an estate in Pommard.\n\n"
        "Mme de Villiers told AFP that her losses were around 60%. "
        "She said she had never seen hailstones « the size of walnuts » in August.\n"
    )
    speakers = _speakers(pipeline, text)
    assert speakers["her losses were around 60%"] == "Hélène de Villiers"
    assert speakers["the size of walnuts"] == "Hélène de Villiers"


def test_a_description_goes_to_the_person_whose_title_it_matches_best(pipeline):
    text = (
        "Brightwater shares slide\n\n"
        'Shares fell after the company\'s finance chief warned that volumes would remain "soft".\n\n'
        '"We are not happy," Chief Executive Marcus Lindqvist said.\n\n'
        "Chief Financial Officer Dana Whitfield told analysts that the cuts would save $85 million.\n"
    )
    assert _speakers(pipeline, text)["soft"] == "Dana Whitfield"


def test_his_mother_is_the_woman_of_the_family_named_before(pipeline):
    text = (
        "Family rides out tornado\n\n"
        "Maria Delgado, her husband Luis and their son Mateo huddled in the hallway.\n\n"
        '"I kept yelling for the dog," Mateo said.\n\n'
        'His mother said the boy had been "braver than both of us".\n'
    )
    assert _speakers(pipeline, text)["braver than both of us"] == "Maria Delgado"


def test_a_kin_word_with_an_article_and_no_possessive_is_no_epithet(pipeline):
    text = 'Storm\n\nJohn Reed lost his roof.\n\n"We will rebuild," a mother said.\n'
    assert _speakers(pipeline, text)["We will rebuild,"] != "John Reed"


def test_a_child_named_by_first_name_then_in_full_is_one_person(pipeline):
    text = (
        "Oak falls on home\n\n"
        "Tom and Linda Mercer were watching television when the tree fell.\n\n"
        'Their daughter, Ava, 9, was asleep upstairs. "I heard a crack," said Ava Mercer.\n\n'
        "Linda Mercer said the family is staying with her sister.\n\n"
        "Ava said she mostly wants her stuffed rabbit back.\n\n"
        '"He\'s still in my room," she said.\n'
    )
    assert _speakers(pipeline, text)["He's still in my room,"] == "Ava Mercer"


def test_a_name_ending_a_sentence_that_was_not_parsed_leaves_the_full_stop(pipeline):
    text = "Hearing\n\nSen. Wade Tolliver questioned Corinne Haldane.\n\n“Senator, I am deeply sorry,” Haldane replied.\n"
    assert _speakers(pipeline, text)["Senator, I am deeply sorry,"] == "Corinne Haldane"


def test_the_company_is_the_body_that_acted_not_one_named_in_a_list(pipeline):
    text = (
        "Air fryers recalled\n\n"
        "Brightwell Home Products is recalling about 1.3 million air fryers.\n\n"
        "The fryers were sold at Walmart, Target and Amazon for $70 to $130.\n\n"
        "“We are acting out of an abundance of caution,” the company said.\n"
    )
    assert _speakers(pipeline, text)["We are acting out of an abundance of caution,"] == "Brightwell Home Products"


@pytest.mark.parametrize("word", ["operator", "airline", "utility"])
def test_the_operator_airline_or_utility_is_the_body_named_before(pipeline, word):
    text = (
        "Storm\n\nHarbour Link Ferries Ltd says no sailings will leave before Monday.\n\n"
        "Hannah Greer, the local MP, says she has asked ministers to visit.\n\n"
        f"In a statement, the {word} said: \u201cWe will not put passengers at risk.\u201d\n"
    )
    assert _speakers(pipeline, text)["We will not put passengers at risk."] == "Harbour Link Ferries Ltd"


@pytest.mark.parametrize("name", ["Central Iowa Water Works", "Harbour Link Ferries", "Northway Trains", "Mutiara Strait Lines"])
def test_a_utility_or_operator_named_by_its_last_word_is_the_company(pipeline, name):
    text = (
        f"Storm\n\n{name} says no services will run before Monday.\n\n"
        "Hannah Greer, the local MP, says she has asked ministers to visit.\n\n"
        "In a statement, the company said: \u201cWe will not put passengers at risk.\u201d\n"
    )
    assert _speakers(pipeline, text)["We will not put passengers at risk."] == name


def test_the_capitalised_last_word_of_a_body_named_with_a_corporate_suffix_is_that_body(pipeline):
    text = (
        "Results\n\nLONDON, 22 October -- Tidewater Ports Group plc today reported its results.\n\n"
        "The Group employs 9,000 people. Kestrel Ocean Lines collapsed in September.\n\n"
        "In a notice to customers, the Group said it would release cargo only against original bills of lading.\n"
    )
    speakers = _speakers(pipeline, text)
    assert speakers["it would release cargo only against original bills of lading"] == "Tidewater Ports Group plc"


def test_a_definite_role_no_one_holds_stands_for_the_person_just_named(pipeline):
    text = (
        "Glyphosate row\n\n"
        "German Agriculture Minister Friederike von Aschenbach said her government would not support an extension. "
        "„We cannot explain this to our citizens“, the Green politician said.\n"
    )
    assert _speakers(pipeline, text)["We cannot explain this to our citizens"] == "Friederike von Aschenbach"


def test_the_spokesperson_is_not_taken_for_the_person_named_before(pipeline):
    text = (
        "Winter\n\n"
        "Gary Whitlock of the union said paramedics were exhausted.\n\n"
        "A Department of Health and Social Care spokesperson said the money was there. "
        "The spokesperson added that the government expected trusts to ‘make full use’ of it.\n"
    )
    assert _speakers(pipeline, text)["make full use"] == "Department of Health and Social Care"


def test_a_day_or_month_name_is_a_date_without_asking_the_recogniser(pipeline):
    from dataclasses import replace

    from quotes.extraction.pipeline import extract

    read: list[str] = []

    def recognise(texts):
        read.extend(texts)
        return pipeline.recognise(texts)

    text = "Flood defences\n\nDr. Anya Koval said on Thursday that the wall would hold.\n"
    found = extract(Document("story.txt", text), pipeline=replace(pipeline, recognise=recognise))
    assert [q.speaker for q in found] == ["Anya Koval"] and read == []


def test_a_name_never_runs_across_the_end_of_a_sentence(pipeline):
    text = (
        'Flood defences\n\nEngineers inspected the wall at Harwick. Dana Price toured the site.\n\n"It will hold," Price said.\n'
    )
    assert _speakers(pipeline, text)["It will hold,"] == "Dana Price"


def test_a_name_after_a_short_noun_phrase_opening_the_sentence_is_its_subject(pipeline):
    text = (
        "Village votes\n\n"
        "Minister Jorge Lacasa defended the dam on Friday.\n\n"
        "Her neighbour Teodoro Quiroga followed the vote from a folding chair.\n\n"
        '"They would be under water," he said.\n'
    )
    assert _speakers(pipeline, text)["They would be under water,"] == "Teodoro Quiroga"


def test_a_surname_opening_a_sentence_before_an_aside_is_its_subject(pipeline):
    text = (
        "Port strike\n\n"
        "I spoke with Ray Dombrowski, the president of the union.\n\n"
        "Glenn Sato, the retailers' chief, warned that shelves could empty. Sato told me he had asked "
        "the White House to step in.\n\n"
        "But Dombrowski, when I put that to him, was unmoved. He said the retailers "
        '"had three years to care."\n'
    )
    assert _speakers(pipeline, text)["had three years to care."] == "Ray Dombrowski"


def test_a_description_of_a_body_goes_to_the_body_whose_name_it_shares_most_with(pipeline):
    text = (
        "Port strike\n\n"
        "The President spoke with the Atlantic Maritime Employers Council on Monday. Later the Council "
        "of Economic Advisers briefed him on the costs.\n\n"
        "The employers' council said the union walked away on Monday.\n"
    )
    assert _speakers(pipeline, text)["the union walked away on Monday"] == "Atlantic Maritime Employers Council"


def test_a_name_inside_a_body_s_name_is_no_entity_of_its_own(pipeline):
    text = (
        "Port strike\n\n"
        "The Council of Economic Advisers briefed the President this morning, and they told him "
        'the effects so far are "limited but growing."\n'
    )
    assert _speakers(pipeline, text)["limited but growing."] == "Council of Economic Advisers"


def test_an_interjection_opening_a_turn_is_no_speaker(pipeline):
    text = (
        "Press briefing\n\n"
        "MS. ALVAREZ: Good afternoon.\n\n"
        "Q Does the President side with the union?\n\n"
        "MS. ALVAREZ: Look, the President has been talking about this for a long time. "
        'He said it in Toledo in June: "Technology should make a job safer."\n'
    )
    assert _speakers(pipeline, text)["Technology should make a job safer."] not in ("Look", "Look, the President")


def test_an_indian_honorific_and_the_mla_title_make_the_four_time_mla_the_person(pipeline):
    text = (
        "Bridge collapse: MLA says contractor used substandard material\n\n"
        "Local MLA Shri Harinarayan Yadav, who visited the site on Sunday, alleged that the contractor "
        "had cut corners.\n\n"
        '"I had written to the department twice," the four-time MLA told PTI.\n'
    )
    speakers = _speakers(pipeline, text)
    assert speakers["I had written to the department twice,"] == "Harinarayan Yadav"
    assert speakers["contractor used substandard material"] == "Harinarayan Yadav"


def test_a_spokesperson_of_a_body_speaks_for_it(pipeline):
    text = (
        "Bridge collapse\n\n"
        "The district magistrate ordered an inquiry.\n\n"
        "A spokesperson of the Union Ministry of Rural Connectivity said the ministry had sought a report.\n"
    )
    assert _speakers(pipeline, text)["the ministry had sought a report"] == "Union Ministry of Rural Connectivity"


def test_a_capitalised_nationality_epithet_is_the_person_named_before(pipeline):
    text = (
        "Late equaliser\n\n"
        "Millbrook manager Gareth Pryce admitted his side had ridden their luck. "
        '"We showed character," the Welshman said.\n'
    )
    assert _speakers(pipeline, text)["We showed character,"] == "Gareth Pryce"


def test_an_epithet_is_not_a_title_holder_named_only_much_later(pipeline):
    filler = "The tour was to visit thirty cities across Europe and North America over the spring and summer. " * 4
    text = (
        "Tour postponed\n\n"
        "Della Marin has postponed the rest of her world tour, the singer announced on Thursday.\n\n"
        f"{filler}\n\n"
        'Singer June Okada wrote: "Rest that voice, angel."\n'
    )
    assert _speakers(pipeline, text)["Della Marin has postponed the rest of her world tour"] == "Della Marin"


def test_a_square_named_in_another_language_is_a_place(rules):
    from quotes.extraction.entities import ArticleSpeakers
    from quotes.extraction.ner import type_places
    from quotes.extraction.speakers import Mention

    registry = ArticleSpeakers()
    registry.add(Mention("Piazza dei Tintori", 40, "name", "person", "tintori", subject=True))
    type_places(registry, rules)
    [square] = registry.entities
    assert (square.kind, square.named_only) == ("organisation", True)


def test_a_nickname_that_shares_the_holder_s_surname_merges_into_one_person():
    from quotes.extraction.entities import ArticleSpeakers
    from quotes.extraction.speakers import Mention

    registry = ArticleSpeakers()
    holder = Mention("Maria Souza", 10, "name", "person", "souza")
    registry.add(Mention("Cida Souza", 200, "name", "person", "souza"))
    registry.add(holder)
    registry.add(Mention("Cida Souza", 40, "name", "person", "souza", alias_of=holder))
    [person] = registry.entities
    assert person.name == "Maria Souza" and [people for people in registry.by_surname.values() if people] == [[person]]


def test_a_quote_sheet_answer_is_the_words_of_the_speaker_named_above_it(pipeline):
    from quotes.extraction.pipeline import extract

    text = (
        "Press conference notes\n\n"
        "Head coach Mira Castellanos met reporters on Tuesday.\n\n"
        "MIRA CASTELLANOS\n\n"
        "On the injury list:\n"
        "Three players are back in training.\n"
        '"We will be at full strength on Sunday."\n'
    )
    found = [(q.kind, q.text, q.speaker) for q in extract(Document("notes.txt", text), pipeline=pipeline)]
    assert found == [
        ("indirect", "Three players are back in training", "Mira Castellanos"),
        ("direct", "We will be at full strength on Sunday.", "Mira Castellanos"),
    ]


def test_a_role_label_with_a_name_in_brackets_speaks_as_that_name(pipeline):
    from quotes.extraction.pipeline import extract

    text = (
        "The Far Post, episode 212\n\n"
        "[00:00:03] HOST (Wren Adeyemi-Clarke): Welcome back. I'm Wren, and Tom is here as ever.\n\n"
        "[00:00:11] CO-HOST (Tom Ashby-Greer): Good to be back.\n\n"
        "[00:00:14] HOST (Wren Adeyemi-Clarke): Let's start with the penalty.\n"
    )
    speakers = {q.text: q.speaker for q in extract(Document("ep212.txt", text), pipeline=pipeline)}
    assert (speakers["Good to be back"], speakers["Let's start with the penalty"]) == ("Tom Ashby-Greer", "Wren Adeyemi-Clarke")


def test_a_club_label_over_a_list_item_is_no_person(pipeline):
    text = (
        "Week in review\n\n"
        "Harbor City: The coach stayed calm after the loss.\n\n"
        "Port Alder: The strike went into its third day.\n\n"
        'Cascade FC: Maya Lindqvist scored late. "OK, I looked once," she admitted.\n'
    )
    assert _speakers(pipeline, text)["OK, I looked once,"] == "Maya Lindqvist"


def test_a_labelled_paragraph_that_attributes_its_own_quote_is_no_turn_item(pipeline):
    from quotes.extraction.pipeline import extract

    text = (
        "What they're saying\n\n"
        'Sen. Marisol Quennell (D-Wess.): "Every old dam needs a federal inspection."\n\n'
        'Rep. Bram Tuckett (R-Wess.): "This is what deferred maintenance looks like," he said on the House floor.\n\n'
        'Gov. Callum Verhoeven (D): "Nobody will be left behind."\n'
    )
    found = [(q.kind, q.speaker) for q in extract(Document("saying.txt", text), pipeline=pipeline) if "deferred" in q.text]
    assert found == [("direct", "Bram Tuckett")]


def test_a_turn_sentence_inside_an_item_that_opened_many_items_before_is_left_out(rules):
    import re

    from quotes.extraction.plan import plan
    from quotes.extraction.resolve import Turn, turn_quotes
    from quotes.models import Quote

    text = (
        "Hearing\n\nThe panel met.\n\n"
        "MS. FALK: One two three four five six seven eight nine ten. The cranes run.\n\n"
        "MR. ROY: Yes.\n\nMS. FALK: No.\n"
    )
    found = plan(Document("hearing.txt", text), rules)
    para = next(p for p in found.paragraphs if p.label == "MS. FALK")
    words = list(re.finditer(r"\w+", text[para.text_start : para.end]))
    outer = Quote("hearing.txt", para.text_start, para.end, "", "indirect", "Roy Tanner")  # the whole turn, reported by another
    at = para.text_start
    inner = [Quote("hearing.txt", at + m.start(), at + m.end(), "", "partial", "Ines Falk") for m in words[:10]]
    turns = {para.unit: Turn(("Ines Falk", "person"), None)}
    found_turns = turn_quotes(Document("hearing.txt", text), found, turns, [outer, *inner], lambda _: True, rules)
    assert [q.text for q in found_turns if q.kind == "turn"] == []


VISITING_COACH = 'Cup semi-final\n\nThe visiting coach, Arno Vellinga, was calm. "We had a plan," Vellinga said.\n\n'
HOME_COACH = '"I take the blame for all of it," the home coach said.\n'


def test_a_title_qualified_otherwise_is_not_the_holder_of_the_qualified_title(pipeline):
    text = VISITING_COACH + "Lena Marsh watched from the dugout as the fans left early.\n\n" + HOME_COACH
    assert _speakers(pipeline, text)["I take the blame for all of it,"] != "Arno Vellinga"


def test_a_title_no_one_holds_is_the_untitled_person_who_just_acted(pipeline):
    acted = "For the home coach, the night ended in boos. Lena Marsh did not hide from it.\n\n"
    text = VISITING_COACH + acted + HOME_COACH + '\n"The result is fair," Pim Doorn said later.\n'
    assert _speakers(pipeline, text)["I take the blame for all of it,"] == "Lena Marsh"


def test_the_cm_is_the_chief_minister_named_before(quotes_of):
    text = (
        "Bridge inquiry\n\nChief Minister Anjali Raghavan opened the bridge in 2021.\n\n"
        'Addressing reporters on Wednesday, the CM said, "Nobody is above the law."\n'
    )
    assert [q.speaker for q in quotes_of(text) if q.kind == "direct"] == ["Anjali Raghavan"]


MAYOR_AND_DEPUTY = (
    "Market hall\n\nMayor Hélène Castagnède proposed the change.\n\n"
    "The deputy mayor, Karim Belkacem, said the council would hold a ceremony in June.\n\n"
    'The mayor said there was "room for both names".\n'
)
PROVOST_AND_DEPUTE = (
    "Meeting of the Council\n\nPresent: Provost Morag Dunnett (in the Chair); Depute Provost Iain Lennox; "
    "Councillor Shona Baird.\n\nPROVOST: Thank you, colleagues. I have agreed to hear a deputation.\n\n"
    "COUNCILLOR BAIRD: Thank you, Provost. The report is clear.\n\n"
    "PROVOST: Order, please. I will not have applause from the gallery.\n\n"
    "COUNCILLOR BAIRD: We will vote for the motion.\n"
)


@pytest.mark.parametrize(
    ("text", "words", "holder"),
    [(MAYOR_AND_DEPUTY, "room", "Hélène Castagnède"), (PROVOST_AND_DEPUTE, "deputation", "Morag Dunnett")],
    ids=["deputy mayor", "depute provost"],
)
def test_an_office_is_not_the_deputy_named_after_its_holder(quotes_of, text, words, holder):
    assert {q.speaker for q in quotes_of(text) if words in q.text} == {holder}


def test_a_bailie_and_a_convener_are_titles_before_a_name(quotes_of):
    text = (
        "Council\n\nBailie Agnes Rowan and convener Iain Struthers met parents on Friday.\n\n"
        'Bailie Rowan said the route was "not safe for a five-year-old".\n\n'
        'Convener Struthers said officers would "look again".\n'
    )
    assert [q.speaker for q in quotes_of(text) if q.kind == "partial"] == ["Agnes Rowan", "Iain Struthers"]


def test_an_untitled_description_in_a_transcript_turn_is_never_the_turns_speaker(quotes_of):
    text = (
        "News\n\nANCHOR: Good evening.\n\n"
        "ROSA PINTO, RESIDENT: The man from the council told us the bridge would hold. By midnight it was gone.\n\n"
        "ANCHOR: Thank you.\n\nMARIA SOTO, MAYOR: We will rebuild.\n"
    )
    assert [q.speaker for q in quotes_of(text) if q.text == "the bridge would hold"] == ["man from the council"]


def test_a_chat_label_with_an_initial_after_the_name_is_that_person(quotes_of):
    text = (
        "Chat\n\nThe messages were posted in a group chat.\n\n"
        "[11:03] Halina W.: The buses are not coming tonight.\n[11:05] Piotr Nowak: Who told you that?\n"
        "[11:06] Halina W.: The depot manager, just now.\n"
    )
    assert [q.speaker for q in quotes_of(text) if q.kind == "indirect"] == ["Halina W.", "Piotr Nowak", "Halina W."]


def _turn_items(pipeline, text: str, speaker: str) -> list[str]:
    from dataclasses import replace

    from quotes.extraction.pipeline import extract_documents

    found = extract_documents([Document("show.txt", text)], replace(pipeline, turns=True))
    return [q.text for _, quotes in found for q in quotes if q.kind == "turn" and q.speaker == speaker]


NIGHTWATCH = (
    "Nightwatch\n\nDEREK SOLANO, HOST: Welcome back. Joining me now, strategist Nadia Fairweather and former "
    "chairman Grant Tillotson.\n\nFAIRWEATHER: Then let him pick a date. Tonight. On your show.\n\n"
    "SOLANO: Grant, is he going to pick a date?\n\nTILLOTSON: I am not his scheduler. But I will tell you what I "
    "told him this afternoon: the voters want to see the two of them on one stage.\n"
)


def test_a_turns_clean_sentences_are_one_verbatim_item(pipeline):
    assert _turn_items(pipeline, NIGHTWATCH, "Nadia Fairweather") == ["Then let him pick a date. Tonight. On your show."]


def test_a_turn_sentence_with_the_speakers_own_reported_words_is_verbatim(pipeline):
    turns = _turn_items(pipeline, NIGHTWATCH, "Grant Tillotson")
    assert any("the voters want to see the two of them on one stage" in t for t in turns)


def test_a_surname_with_a_capitalised_particle_opening_a_sentence_is_the_full_name(quotes_of):
    text = "Dike\n\nPieter van der Berg leads the residents' group.\n\nVan der Berg said the homes had stood for a century.\n"
    assert [q.speaker for q in quotes_of(text)] == ["Pieter van der Berg"]


def test_a_long_particle_opening_a_name_is_a_first_name(quotes_of):
    text = "Tour\n\nDella Marin postponed her tour.\n\nCarla Marin said her daughter needed rest.\n"
    assert [q.speaker for q in quotes_of(text)] == ["Carla Marin"]


def test_a_name_ending_in_a_corporate_suffix_is_a_body(quotes_of):
    text = 'Markets\n\nRhenwald Chemie AG will close its plant.\n\n"The decision follows a review," the company said.\n'
    assert [q.speaker for q in quotes_of(text) if q.kind == "direct"] == ["Rhenwald Chemie AG"]


def test_a_capitalised_plural_opening_a_sentence_is_no_company(quotes_of):
    text = (
        "Markets\n\nRhenwald Chemie AG will close its plant.\n\nAnalysts called the closure overdue.\n\n"
        '"The decision follows a review," the company said.\n'
    )
    assert [q.speaker for q in quotes_of(text) if q.kind == "direct"] == ["Rhenwald Chemie AG"]


def test_a_british_police_rank_written_without_stops_is_no_part_of_the_name(pipeline):
    text = "Storm\n\nAt a briefing, Ch Supt Alison Barr said the evacuation had been calm.\n"
    assert _speakers(pipeline, text)["the evacuation had been calm"] == "Alison Barr"


def test_a_she_opening_an_entry_of_a_newest_first_live_blog_is_the_woman_of_the_entry_below(pipeline):
    text = (
        "Storm live\n\n"
        "21:40\n\n"
        '"We were lucky tonight," she added.\n\n'
        "21:32\n\n"
        "Tomas Rees reports from the command post.\n\n"
        "At a briefing, Chief Superintendent Alison Barr said the evacuation had been calm.\n\n"
        "21:10\n\n"
        "Forecaster Nadia Osei said the wind would ease by dawn.\n"
    )
    assert _speakers(pipeline, text)["We were lucky tonight,"] == "Alison Barr"


def test_a_she_opening_an_entry_of_a_live_blog_is_the_woman_of_the_entry_above(pipeline):
    text = (
        "Summit live\n\n"
        "11:34\n\n"
        "Asked about lives saved, Annika Lindqvist would not give a figure.\n\n"
        "11:38\n\n"
        'She also warned that "an antivenom made for the wrong snake does nothing".\n'
    )
    assert _speakers(pipeline, text)["an antivenom made for the wrong snake does nothing"] == "Annika Lindqvist"


def test_the_family_of_a_named_person_speaks_as_that_persons_family(pipeline):
    text = (
        "Driver jailed\n\n"
        "Koen de Groot of the haulage association said the case should be a warning.\n\n"
        'Outside the court, the family of Philippa Rowe said she had "held us all together".\n'
    )
    assert _speakers(pipeline, text)["held us all together"] == "Philippa Rowe family"


def test_a_host_introduced_by_her_role_speaks_the_host_turns(pipeline):
    text = (
        "Episode 47\n\n"
        "Host Jess Albright sits down with Rep. Carl Medford.\n\n"
        "[00:41] HOST: Welcome back to The Ledger Line.\n\n"
        "[00:52] MEDFORD: Glad to be here, Jess.\n\n"
        "[01:10] HOST: Let's start with the tariff bill.\n"
    )
    assert _speakers(pipeline, text)["Let's start with the tariff bill"] == "Jess Albright"


def test_tamil_honorifics_are_titles_that_tell_a_gender(pipeline):
    text = (
        "Water protest\n\n"
        "Ward councillor Tmt. R. Kalaiselvi said that the supply had been disrupted.\n\n"
        'Ward residents met on Monday. "We have been given only promises," she said.\n'
    )
    speakers = _speakers(pipeline, text)
    assert (speakers["the supply had been disrupted"], speakers["We have been given only promises,"]) == ("R. Kalaiselvi",) * 2


def test_ethiopian_honorifics_are_titles(pipeline):
    text = (
        "Coffee\n\n"
        "The cooperative's chairman, Ato Tesfaye Wolde, said the union owed them money.\n\n"
        '"Our members are not rich people," Ato Tesfaye said.\n'
    )
    assert _speakers(pipeline, text)["Our members are not rich people,"] == "Tesfaye Wolde"


def test_a_letter_after_an_honorific_is_an_initial_of_the_name(pipeline):
    text = "Water\n\nMLA Thiru M. Arumugasamy said that the pipeline repair would be completed by Wednesday.\n"
    assert _speakers(pipeline, text)["the pipeline repair would be completed by Wednesday"] == "M. Arumugasamy"


def test_a_constituency_before_a_titled_name_is_no_speaker(pipeline):
    text = "Water\n\nAddressing a press meet, Tiruppur (North) MLA Thiru M. Arumugasamy said that the repair would be done.\n"
    assert _speakers(pipeline, text)["the repair would be done"] == "M. Arumugasamy"


def test_an_initial_or_an_age_makes_a_person_whatever_of_phrase_follows(pipeline):
    text = (
        "Water\n\n"
        "P. Ponnammal (62) of Kamaraj Nagar, who sat on the road with a pot, said, "
        "\u201cWe have waited twelve days for water.\u201d\n"
    )
    assert _speakers(pipeline, text)["We have waited twelve days for water."] == "P. Ponnammal"


def test_a_charge_d_affaires_named_in_apposition_speaks(pipeline):
    text = (
        "Expulsions\n\n"
        "Poland's chargé d'affaires in Moscow, Marta Kowalczyk, who was summoned on Thursday, told the Kurier "
        "that she had \u201elistened to the Russian position\u201d.\n"
    )
    assert _speakers(pipeline, text)["listened to the Russian position"] == "Marta Kowalczyk"


def test_a_postmistress_before_her_name_is_her_title(pipeline):
    text = 'Raid\n\nPostmistress Joan Whitely, 71, said: "We will be open again on Monday."\n'
    assert _speakers(pipeline, text)["We will be open again on Monday."] == "Joan Whitely"


def test_a_she_said_of_a_person_of_no_known_gender_keeps_a_later_he_from_her(pipeline):
    text = (
        "Tariff\n\n"
        "Rep. Carl Medford brought his campaign to a furniture plant on Tuesday.\n\n"
        "His opponent, state Sen. Dana Whitfield, spoke in Durham a few hours later.\n\n"
        '"He ran his business into Mexico," Whitfield said. "This is a jobs bill," she told reporters.\n\n'
        'Whitfield\'s campaign manager, Rosa Delgado, said the study was "paid for by the importers." '
        'Asked about the claim, he said he had "never heard of a study that nobody paid for."\n'
    )
    assert _speakers(pipeline, text)["never heard of a study that nobody paid for."] == "Carl Medford"


def test_an_embassy_is_named_with_where_it_sits(pipeline):
    text = "Expulsion\n\nThe Russian Embassy in Warsaw said that it had not received any official explanation.\n"
    assert _speakers(pipeline, text)["it had not received any official explanation"] == "Russian Embassy in Warsaw"


def test_a_spokesperson_for_the_force_speaks_for_the_police_named(pipeline):
    text = (
        "Crash\n\n"
        "Northmoor Police appealed for witnesses after the crash on Hollins Road.\n\n"
        "The driver was flown to Northmoor General Hospital, which said he was stable.\n\n"
        'A spokesperson for the force said: "We will be running extra speed checks all winter."\n'
    )
    assert _speakers(pipeline, text)["We will be running extra speed checks all winter."] == "Northmoor Police"


def test_a_title_in_apposition_to_an_honorific_is_passed_for_the_name_after_it(pipeline):
    text = (
        "Summit\n\n"
        "His Excellency Sheikh Mansour bin Khalid said the summit had agreed a committee.\n\n"
        "His Excellency the Minister of Water Resources of the brotherly Republic of Iraq, Dr. Qasim Hadi Abu "
        "Shamma, said in his address to the summit: \u201cIraq cannot live on promises.\u201d\n"
    )
    assert _speakers(pipeline, text)["Iraq cannot live on promises."] == "Qasim Hadi Abu Shamma"


def test_a_name_after_a_comma_parsed_as_a_conjunct_of_a_titles_place_is_its_holder(pipeline):
    text = (
        "Water\n\n"
        "The mayor of Bowman, Loretta Gaines, who drove to the Statehouse for the vote, said her town had been "
        "under a boil-water notice for 14 months.\n"
    )
    assert _speakers(pipeline, text)["her town had been under a boil-water notice for 14 months"] == "Loretta Gaines"


def test_an_mk_before_a_name_is_a_title(pipeline):
    text = 'Knesset\n\n"She wants a vote? She will get one," MK Eliyahu Dror said.\n'
    assert _speakers(pipeline, text)["She wants a vote? She will get one,"] == "Eliyahu Dror"


def test_a_name_written_family_name_first_before_of_is_a_person(pipeline):
    text = (
        "Referendum\n\n"
        'Feh\u00e9r D\u00f3ra of Tiszta V\u00edz Kisb\u00e9red said the company was "threatening a village with its own jobs".\n'
    )
    assert _speakers(pipeline, text)["threatening a village with its own jobs"] == "Feh\u00e9r D\u00f3ra"


def test_ranks_and_honorifics_without_stops_are_titles(pipeline):
    text = (
        "Raid\n\n"
        "Pol Lt Col Krit Anusorn said the commander had ordered checks on 19 bank accounts.\n\n"
        "Khun Somchai Rattanakul said staff had been trained to ask elderly customers.\n"
    )
    speakers = _speakers(pipeline, text)
    assert (
        speakers["the commander had ordered checks on 19 bank accounts"],
        speakers["staff had been trained to ask elderly customers"],
    ) == (
        "Krit Anusorn",
        "Somchai Rattanakul",
    )


def test_his_son_is_the_man_introduced_as_a_son_not_the_father(pipeline):
    text = (
        "Mykola Petrovych, 71, rebuilt the bakery. Most of the money came from his son, Oleksandr Zhuravskyi, 38.\n\n"
        '"People want bread that tastes like 1985," Mykola Petrovych said.\n\n'
        '"Dad, in 1985 you were making sourdough," his son replied.\n'
    )
    assert _speakers(pipeline, text)["Dad, in 1985 you were making sourdough,"] == "Oleksandr Zhuravskyi"


def test_a_son_named_in_a_parsed_paragraph_is_his_son(pipeline):
    text = (
        '"We bake at four," Mykola Petrovych told us, beside his son, Oleksandr Zhuravskyi.\n\n'
        '"People want bread that tastes like 1985," Mykola Petrovych said.\n\n'
        '"Dad, in 1985 you were making sourdough," his son replied.\n'
    )
    assert _speakers(pipeline, text)["Dad, in 1985 you were making sourdough,"] == "Oleksandr Zhuravskyi"


def test_a_family_named_by_its_surname_speaks_as_the_family_not_the_person(pipeline):
    text = (
        "River search ends\n\n"
        "The body of Tomas Reyes, 34, was recovered on Tuesday.\n\n"
        'In a statement released through police, the Reyes family said: "We are heartbroken."\n'
    )
    assert _speakers(pipeline, text)["We are heartbroken."] == "Reyes family"


def test_it_after_a_statement_from_a_family_is_the_family(pipeline):
    text = (
        "River search ends\n\n"
        "The body of Tomas Reyes, 34, was recovered on Tuesday.\n\n"
        'Chief Dara Okonjo read a statement from the Reyes family. "Tomas was a proud father," it said.\n'
    )
    assert _speakers(pipeline, text)["Tomas was a proud father,"] == "Reyes family"


def test_the_family_alone_is_the_family_named_before(pipeline):
    text = (
        "River search ends\n\n"
        "The Okafor family thanked volunteers on Tuesday.\n\n"
        'Police Chief Dara Okonjo spoke after them. "He loved this river," the family said.\n'
    )
    assert _speakers(pipeline, text)["He loved this river,"] == "Okafor family"


def test_the_family_alone_is_not_a_body_named_after_the_family(pipeline):
    text = (
        "River search ends\n\n"
        "The Okafor family thanked volunteers on Tuesday. Kell Valley Police said the search was over.\n\n"
        '"He loved this river," the family said.\n'
    )
    assert _speakers(pipeline, text)["He loved this river,"] == "Okafor family"


PRESS_CONFERENCE = (
    "Police update\n\n"
    "Transcript of a news conference held Tuesday.\n\n"
    "CHIEF DARA OKONJO: Our dive team recovered the body of Tomas Reyes this morning.\n\n"
    'I want to read a statement from the Reyes family. "Tomas was a gentle son. We ask for privacy."\n\n'
    "REPORTER: Chief, is there any sign of foul play?\n\n"
    "CHIEF DARA OKONJO: At this point, no.\n\n"
    "UNIDENTIFIED REPORTER: When will the bridge reopen?\n\n"
    "SERGEANT: The bridge reopens at 5 p.m. tonight.\n\n"
    "REPORTER: Will the divers go back in tomorrow?\n"
)


def test_a_statement_read_out_in_a_turn_is_its_writers(pipeline):
    assert _speakers(pipeline, PRESS_CONFERENCE)["Tomas was a gentle son. We ask for privacy."] == "Reyes family"


def test_a_turn_labelled_only_by_a_role_nobody_holds_speaks_as_the_role(pipeline):
    assert _speakers(pipeline, PRESS_CONFERENCE)["The bridge reopens at 5 p.m. tonight"] == "sergeant"


def test_an_unidentified_label_speaks_as_written(pipeline):
    text = PRESS_CONFERENCE.replace("UNIDENTIFIED REPORTER:", "UNIDENTIFIED MALE:")
    assert _speakers(pipeline, text)["When will the bridge reopen?"] == "unidentified male"


def test_questions_of_journalists_nobody_names_are_no_speech(pipeline):
    speakers = _speakers(pipeline, PRESS_CONFERENCE)
    assert "Chief, is there any sign of foul play?" not in speakers
    assert "When will the bridge reopen?" not in speakers


def test_a_journalists_turn_gives_no_speech_to_the_paragraphs_it_holds(pipeline):
    text = (
        "Morning news\n\n"
        "PRESENTER: Good morning. Our correspondent reports.\n\n"
        "REPORTER (VOICEOVER): It began with a number.\n\n"
        "Clip of a speech. Every one of those children will sleep tonight in a room that is not a home.\n\n"
        "PRESENTER: Thank you.\n"
    )
    assert "reporter" not in _speakers(pipeline, text).values()


def test_a_quote_after_a_statement_from_someone_is_theirs_not_the_readers(pipeline):
    text = 'Search ends\n\nChief Dara Okonjo read out a statement from the Reyes family on Tuesday. "We ask for privacy."\n'
    assert _speakers(pipeline, text)["We ask for privacy."] == "Reyes family"


def test_a_title_after_a_or_an_is_someone_new_not_the_person_before(pipeline):
    text = (
        "Water cuts\n\n"
        "Governor María José Paredes Lozano defended the cuts on Monday.\n\n"
        "— We are not going to lie to people. The reservoir is at 18 percent — Paredes said.\n\n"
        "— And when will it end? — a reporter asked.\n\n"
        "— When it rains — the governor replied.\n"
    )
    assert _speakers(pipeline, text)["And when will it end?"] == "reporter"


def test_a_colon_after_when_someone_asked_introduces_the_one_who_answered(pipeline):
    text = (
        "Water cuts\n\n"
        "Clara Ruiz, the head of government, spoke on Monday. When a reporter from Iztapalapa asked whether "
        "the borough would face new cuts, the head of government answered in Spanish:\n\n"
        "—No vamos a ceder —dijo Ruiz—. Las pipas seguirán llegando.\n"
    )
    assert _speakers(pipeline, text)["No vamos a ceder"] == "Clara Ruiz"


def test_you_in_a_turn_is_the_one_it_calls_by_first_name_in_a_later_sentence(pipeline):
    text = (
        "Halden Foods call\n\n"
        "Dev Raman, the chief technology officer, and Priya Nandakumar, an analyst, spoke on the call.\n\n"
        "PRIYA NANDAKUMAR: Good morning. Dev, you said the safeguards should have stopped the change. Why?\n\n"
        "DEV RAMAN: It was a process failure.\n\n"
        "PRIYA NANDAKUMAR: Thank you.\n"
    )
    said = {t: s for t, s in _speakers(pipeline, text).items() if t.startswith("the safeguards")}
    assert list(said.values()) == ["Dev Raman"]


def test_a_label_of_only_an_anchors_cues_is_the_outlets_copy(pipeline):
    text = (
        "KTRV NEWS AT 6\n\n"
        "ANCHOR: The county will close its birthing unit.\n\n"
        "NURSE JOLENE SAUCEDO: Nobody asked the nurses.\n\n"
        "COMMISSIONER RAY DELGADO: We put money on the table.\n\n"
        "ANCHOR TAG: The board meets again in January.\n"
    )
    assert "The board meets again in January" not in _speakers(pipeline, text)


def test_a_website_or_account_speaks_for_its_owner(pipeline):
    text = (
        "Road closures\n\n"
        "Harwick Council closed the bridge on Monday. The council's website says that the road will reopen in March.\n"
    )
    assert _speakers(pipeline, text)["the road will reopen in March"] == "Harwick Council"


def test_words_someone_reads_out_are_the_writers_of_the_statement(pipeline):
    text = (
        "Sentencing\n\n"
        "Daniel's sister, Kiri Fitzgerald, read a victim impact statement written by their mother, Marama Fitzgerald.\n\n"
        '"Our family has been broken," she read. "No sentence can fix it."\n'
    )
    assert _speakers(pipeline, text)["Our family has been broken,"] == "Marama Fitzgerald"


def test_words_read_out_of_someone_s_own_statement_are_theirs(pipeline):
    text = (
        "Sentencing\n\nSecurity guard Tomás Breathnach spent 11 days in intensive care.\n\n"
        "Mr Breathnach's victim impact statement was read to the court by his sister, Siobhán Breathnach.\n\n"
        '"I used to like the night shift," she read.\n'
    )
    assert _speakers(pipeline, text)["I used to like the night shift,"] == "Tomás Breathnach"


def test_his_honour_is_the_judge_the_story_styled_so(pipeline):
    text = (
        "Sentencing\n\nPassing sentence, His Honour Judge Eoghan Kilcullen read from text messages Rafferty had sent "
        "to his brother, Gerard, in the hours before the fire.\n\n"
        '"These are not the words of a man in crisis," His Honour said.\n'
    )
    assert _speakers(pipeline, text)["These are not the words of a man in crisis,"] == "Eoghan Kilcullen"


def test_the_report_says_is_its_producer_named_paragraphs_before(pipeline):
    text = (
        "Syrup\n\nThe report, Bitter Syrup, was produced by the Medicines Integrity Forum (MIF), a non-profit.\n\n"
        "Health Minister Kavita Raghavan called the findings sweeping.\n\n"
        "Harish Chaudhary demanded her resignation.\n\n"
        "State inspectors visited fewer than one in five syrup makers last year, the report says.\n"
    )
    speakers = _speakers(pipeline, text)
    assert speakers["State inspectors visited fewer than one in five syrup makers last year"] == "Medicines Integrity Forum"


def test_the_release_said_is_the_body_that_said_in_a_release(pipeline):
    text = (
        "Fuel\n\nGhana's energy ministry said in a release last week that 300 tankers were on the road.\n\n"
        "In a press release signed by its Commissioner for Information, Mr Olawale Ajibola-Coker, the Ogun State "
        'Government said it had set up a task force. The release said the task force would "work round the clock".\n'
    )
    assert _speakers(pipeline, text)["work round the clock"] == "Ogun State Government"


def test_a_name_in_what_a_statement_said_is_not_its_owner(pipeline):
    text = (
        "Recall\n\nIn a statement issued Wednesday, Velocore said the expanded recall covers packs with serial "
        'numbers beginning TH5-23, TH7-23 and TH7-24A. "Owners should stop charging the packs," the statement said.\n'
    )
    assert _speakers(pipeline, text)["Owners should stop charging the packs,"] == "Velocore"


def test_the_press_release_said_is_the_body_named_in_a_press_release(pipeline):
    text = (
        "Erosion\n\nThe Water Development Board said in a release that the bank had been reinforced.\n\n"
        "Meanwhile, the Ministry of Water Resources in a press release yesterday said that a project had been "
        "placed before the Planning Commission. The press release said the project would protect 14 kilometres "
        "of the riverbank.\n"
    )
    assert _speakers(pipeline, text)["the project would protect 14 kilometres of the riverbank"] == "Ministry of Water Resources"


def test_a_possessive_before_any_word_is_no_writer_of_the_report(pipeline):
    text = (
        "Syrup\n\nHealth Minister Kavita Raghavan's comments came on Tuesday.\n\n"
        "State inspectors visited fewer than one in five syrup makers last year, the report says.\n"
    )
    speakers = _speakers(pipeline, text)
    assert speakers["State inspectors visited fewer than one in five syrup makers last year"] != "Kavita Raghavan"


REPORT_STORY = (
    "Syrup\n\nThe report, Bitter Syrup, was produced by the Medicines Integrity Forum (MIF), a non-profit.\n\n"
    "State inspectors visited fewer than one in five syrup makers last year, the report says.\n\n"
    + "".join(f"Paragraph {i}: Health Minister Kavita Raghavan said the ministry had acted.\n\n" for i in range(7))
    + "The report also criticises state drug controllers for failing to share inspection data. It says no single "
    "authority has a full picture of which plants have been inspected.\n"
)


def test_a_writing_whose_owner_the_article_gave_keeps_it_paragraphs_later(pipeline):
    assert _speakers(pipeline, REPORT_STORY)["failing to share inspection data"] == "Medicines Integrity Forum"


def test_it_after_a_writing_that_spoke_is_that_writing(pipeline):
    speakers = _speakers(pipeline, REPORT_STORY)
    assert speakers["no single authority has a full picture of which plants have been inspected"] == "Medicines Integrity Forum"


def test_a_line_read_out_of_a_letter_is_its_writers(pipeline):
    text = (
        "Call\n\n"
        "MARIA OKAFOR: Good morning.\n\n"
        "DEV RAMAN: Thank you, Maria.\n\n"
        "MARIA OKAFOR: On Tuesday I received a letter from Hélène Dufort, who chairs the commission. "
        'I\'ll read you one line of it: "Canadians are owed a full accounting." She is right.\n'
    )
    assert _speakers(pipeline, text)["Canadians are owed a full accounting."] == "Hélène Dufort"


def test_the_letter_said_after_a_letter_someone_wrote_is_the_writers(pipeline):
    text = (
        "Sentencing\n\n"
        "Defence lawyer Sam Whitiora read parts of a letter Jacob Henare wrote to the family from prison.\n\n"
        '"I think about Daniel every day," the letter said.\n'
    )
    assert _speakers(pipeline, text)["I think about Daniel every day,"] == "Jacob Henare"


def test_a_company_named_with_a_foreign_ltd_is_no_he(pipeline):
    text = (
        "Ferry\n\n"
        "Peadar Ó Tuathail told the Dáil that the operator, Bád Farraige Teoranta, had written to islanders.\n\n"
        "'It's November. There's no contract,' he said.\n"
    )
    assert _speakers(pipeline, text)["It's November. There's no contract,"] == "Peadar Ó Tuathail"


def test_a_spokesman_for_a_person_is_written_with_whom_he_speaks_for(pipeline):
    text = "Ferry\n\nA spokesman for the Taoiseach said the new contract would cost more.\n"
    assert _speakers(pipeline, text)["the new contract would cost more"] == "spokesman for the Taoiseach"


def test_his_excellency_abbreviated_is_a_title_not_a_name(pipeline):
    text = (
        "Outage\n\n"
        "Telecoms minister Sheikh Rashid bin Saqr al-Mansouri ordered an inquiry.\n\n"
        "The authority opened it on the instructions of H.E. the Minister. Emergency lines work.\n\n"
        'On Tuesday the minister said: "No hospital should lose its communications again."\n'
    )
    assert _speakers(pipeline, text)["No hospital should lose its communications again."] == "Rashid bin Saqr al-Mansouri"


def test_a_quote_running_on_over_a_page_break_keeps_its_speaker(pipeline):
    text = (
        "Outage\n\n"
        "Fire Chief Tom Haverty said the first walk-in came at 7:15 a.m.\n\n"
        "\u201cWe had 11 people walk in off the street. My crews did exactly what they should have done.\n\n"
        "4 | THE UPLAND GAZETTE | TUESDAY, OCTOBER 28, 2025\n\n"
        "Page 5 | The Upland Gazette | Tuesday, October 28, 2025\n\n"
        "\u201cBut nobody should have to run to a fire hall to report a fire.\u201d\n"
    )
    assert _speakers(pipeline, text)["But nobody should have to run to a fire hall to report a fire."] == "Tom Haverty"


def test_coun_before_a_name_is_a_title(pipeline):
    text = "Outage\n\n\u201cWe got treated like a rounding error,\u201d Coun. Rita Szabo said.\n"
    assert _speakers(pipeline, text)["We got treated like a rounding error,"] == "Rita Szabo"


def test_accounts_with_no_owner_speak_as_themselves(pipeline):
    text = 'AMA\n\nThe tone turned sour when several accounts posted that the core data had been "faked" by the team.\n'
    assert _speakers(pipeline, text)['the core data had been "faked" by the team'] == "several accounts"


def test_a_headlines_quote_does_not_run_on_past_the_byline_into_the_story(pipeline):
    text = (
        "OAKENTHORPE ECHO\n\n"
        "Council votes to shut baths\n\n"
        "\u2018A sad day but the right day,\u2019 says leader\n\n"
        "By Tom Hesketh, Local Democracy Reporting Service\n\n"
        "Thursday, 6 March 2025\n\n"
        "\u2018We learned to swim there. Now nobody will.\u2019\n\n"
        "So said 78-year-old Margaret Hollingworth as she stood on the steps of the baths.\n"
    )
    assert _speakers(pipeline, text)["We learned to swim there. Now nobody will."] == "Margaret Hollingworth"


def test_a_real_name_after_a_stage_name_is_the_same_person_with_its_gender(pipeline):
    text = (
        "Tour\n\n"
        "Lil Tavo, the rapper, said on Thursday that his tour was off.\n\n"
        "Nova Reign, whose real name is Danielle Okoro, told fans that she would still release her record.\n\n"
        "This is not the first health scare for the singer. In 2024 he told an interviewer that he had "
        '"never taken a single day off" in his career.\n'
    )
    assert _speakers(pipeline, text)["never taken a single day off"] == "Lil Tavo"


def test_a_stage_name_stays_the_name_when_the_real_name_is_longer(pipeline):
    text = (
        "Tour\n\n"
        "Lil Tavo, whose real name is Octavio Rentería Salas, postponed his tour on Thursday.\n\n"
        '"I\'m not done proving people wrong," he said.\n'
    )
    assert _speakers(pipeline, text)["I'm not done proving people wrong,"] == "Lil Tavo"


def test_he_after_i_asked_someone_is_the_one_asked(pipeline):
    text = (
        "The quay\n\n"
        "Calder Tidewater's own release promises local hiring. "
        'I asked Tom Askew what he made of it. "Put it in a contract," he said.\n'
    )
    assert _speakers(pipeline, text)["Put it in a contract,"] == "Tom Askew"


def test_a_round_up_bullet_of_a_body_gives_it_the_quote(pipeline):
    text = (
        "WHAT THEY SAID\n\n"
        "Here is what people said:\n\n"
        "- NEIL ASHDOWN, outgoing manager, in a statement: 'I gave this club everything.'\n\n"
        "- VICTOR HALE, club chairman, in the club's statement: 'We wish him every success.'\n\n"
        "- SECOND DIVISION MANAGERS' ASSOCIATION, in a statement: 'Neil is a respected colleague.'\n"
    )
    assert _speakers(pipeline, text)["Neil is a respected colleague."] == "Second Division Managers' Association"


def test_a_retired_ranks_label_speaks_as_the_name_after_it(pipeline):
    text = (
        "Debate\n\n"
        "Anchor: Vikram Sahgal\n\n"
        "ANCHOR: Commodore Bhatia, you have commanded ships.\n\n"
        "CMDE (RETD) ARUN BHATIA: Vikram, a coastal state may detain a ship that has polluted its waters.\n\n"
        "ANCHOR: Thank you.\n\n"
        "CMDE (RETD) ARUN BHATIA: Thank you, Vikram.\n"
    )
    said = {t: s for t, s in _speakers(pipeline, text).items() if t.startswith("Vikram, a coastal")}
    assert list(said.values()) == ["Arun Bhatia"]


def test_pcso_before_a_name_is_a_title_and_his_he_is_the_officer(pipeline):
    text = (
        "Minutes\n\n"
        "PRESENT: Councillors Robert Pemberton (Chair) and Janet Hughes\n\n"
        "IN ATTENDANCE: Sarah Fenwick (Town Clerk), PCSO Martin Greaves (Neighbourhood Policing Team)\n\n"
        "The Chair welcomed members.\n\n"
        "PCSO Greaves reported 14 incidents since the last meeting. "
        "He said patrols had been increased on Friday evenings.\n"
    )
    assert _speakers(pipeline, text)["patrols had been increased on Friday evenings"] == "Martin Greaves"


LOW_TIDE = (
    "LOW TIDE, Episode 112\n\n"
    "[00:00:03] Speaker 1: Hi, everybody, and welcome to Low Tide. I'm Dana Whitcombe. With me as always is Felix Ambrose.\n\n"
    "[00:00:11] Speaker 3: Hey, everybody.\n\n"
    "[00:00:12] Speaker 1: And today we have Marguerite Osei, who covers insurance. Marguerite, thanks for coming in.\n\n"
    "[00:00:20] Speaker 2: Thanks, Dana. Glad to be here.\n\n"
    "[00:00:26] Speaker 3: Not one dollar has arrived.\n"
)


def test_an_automatic_speaker_label_is_the_name_its_turn_gives_itself(pipeline):
    assert _speakers(pipeline, LOW_TIDE)[
        "Hi, everybody, and welcome to Low Tide. I'm Dana Whitcombe. With me as always is Felix Ambrose"
    ] == ("Dana Whitcombe")


def test_an_automatic_speaker_label_is_whom_the_turn_before_calls_or_brings_in(pipeline):
    speakers = _speakers(pipeline, LOW_TIDE)
    assert (speakers["Thanks, Dana. Glad to be here"], speakers["Not one dollar has arrived"]) == (
        "Marguerite Osei",
        "Felix Ambrose",
    )


def test_cr_before_a_name_is_a_councillors_title(pipeline):
    text = 'Chat\n\nCr Greg Hartley chairs the committee.\n\n"That is a Tuesday," Cr Hartley said.\n'
    assert _speakers(pipeline, text)["That is a Tuesday,"] == "Greg Hartley"


def test_counsels_submission_is_reported_speech(pipeline):
    text = (
        "Judgment\n\n"
        "[27] Counsel for the applicant, Mr Brookfield, submitted that the requirement of written notice is mandatory.\n"
    )
    assert _speakers(pipeline, text)["the requirement of written notice is mandatory"] == "Brookfield"


def test_according_to_documents_reviewed_by_an_outlet_names_no_speaker(pipeline):
    text = (
        "Grants\n\n"
        "In a Dec. 3 email, Deputy Administrator Trent Oyelaran instructed regional directors to hold the grants "
        '"until the topline is settled," according to documents reviewed by The Meridian Ledger.\n'
    )
    assert _speakers(pipeline, text)["until the topline is settled,"] == "Trent Oyelaran"


def test_the_subject_of_gave_evidence_that_speaks_its_content(pipeline):
    text = "Court\n\nMr Rangi Tane, the harbourmaster, gave evidence that he inspected the vessel on 3 September.\n"
    assert _speakers(pipeline, text)["he inspected the vessel on 3 September"] == "Rangi Tane"


def test_the_subject_of_rejected_claims_that_does_not_speak_them(pipeline):
    text = "Court\n\nMs Ellery rejected claims that she had been warned about the chain.\n"
    assert _speakers(pipeline, text).get("she had been warned about the chain") != "Ellery"


def test_a_translation_labelled_meaning_in_brackets_is_the_speakers_before_it(pipeline):
    text = 'Market\n\nAdunni Ogunleye stood by her stall. "We no go comot here," she said. (Meaning: "We will not leave here.")\n'
    assert _speakers(pipeline, text)["We will not leave here."] == "Adunni Ogunleye"


def test_a_translation_labelled_in_english_under_a_post_is_the_posts_words(pipeline):
    text = (
        "Heat\n\nThe federation said it would review its protocol. On X it wrote:\n\n"
        "We zijn geschokt door de beelden uit Zeeveld. Beterschap, Denis.\n— Loopsportbond NL (@loopsportbond) 1 Sep 2024\n\n"
        'In English: "We are shocked by the images from Zeeveld. Get well soon, Denis."\n'
    )
    assert _speakers(pipeline, text)["We are shocked by the images from Zeeveld. Get well soon, Denis."] == "Loopsportbond NL"


def test_the_outlet_its_masthead_names_is_no_one_a_description_stands_for(pipeline):
    text = (
        "THE BRANNOCK ROUND-UP\nIssue 112 | Friday 15 March 2024\n\nThe generator warning\n\n"
        "The trust said it could not comment on an individual employment matter.\n"
    )
    assert _speakers(pipeline, text)["it could not comment on an individual employment matter"] != "BRANNOCK ROUND-UP"


def test_a_title_no_one_fits_is_not_someone_named_after_a_kin_word_speaks_between(pipeline):
    text = (
        "Debate\n\nI have spoken to his daughter, Kerry Ashdown, and his son, Martin Howell.\n\n"
        "Mr Howell was 71. The trust's chief executive has said she is deeply sorry. His daughter has said that "
        "her father was left in the dark. His son, Martin, told me that the family want the truth.\n"
    )
    assert _speakers(pipeline, text)["she is deeply sorry"] not in ("Kerry Ashdown", "Martin Howell")


def test_a_title_named_later_stands_for_the_next_subject_not_a_name_in_a_phrase(pipeline):
    text = (
        "Battery rules\n\nAoife Brannigan bought the scooter second-hand in September.\n\n"
        "The Taoiseach has said the Government will bring forward rules within weeks, following the inquest into "
        "the death of nursing student Aoife Brannigan.\n\n"
        'Speaking in the Dáil yesterday, Declan Furlong said the findings had been "a hard thing to hear".\n'
    )
    said = next(speaker for words, speaker in _speakers(pipeline, text).items() if words.startswith("the Government"))
    assert said == "Declan Furlong"


def test_the_claimant_is_the_person_the_judgment_names_so(pipeline):
    text = (
        "Judgment\n\n1. The claimant, Mr Graham Pellow, was employed by the respondent as an engineer.\n\n"
        "2. Ms Jennifer Coyle, Head of Human Resources, said the dismissal was fair.\n\n"
        "3. The claimant said that he first raised concerns in September 2023.\n"
    )
    assert _speakers(pipeline, text)["he first raised concerns in September 2023"] == "Graham Pellow"


NOTES = (
    "PORT ALDER OTTERS — POSTGAME NOTES\n\n"
    "PLAYER NOTES\n"
    "• Andre St. Bernard scored a season-high 31 points.\n\n"
    "POSTGAME QUOTES\n\n"
    "HEAD COACH DAWN MACKEY\n"
    '• (On St. Bernard) "He played like a man with his mind at peace."\n'
    '• "We gave up 62 in the first half."\n\n'
    "ANDRE ST. BERNARD\n"
    '• (On his second half) "Honestly, I played free."\n\n'
    "COMETS HEAD COACH PHIL ABERNATHY\n"
    '• "Their guy was terrific."\n'
)


def test_a_name_heading_over_bulleted_quotes_speaks_them_past_the_bracketed_question(pipeline):
    speakers = _speakers(pipeline, NOTES)
    assert speakers["He played like a man with his mind at peace."] == "Dawn Mackey"
    assert speakers["We gave up 62 in the first half."] == "Dawn Mackey"


def test_a_headings_name_drops_what_qualifies_its_title_and_keeps_st_inside_it(pipeline):
    speakers = _speakers(pipeline, NOTES)
    assert (speakers["Honestly, I played free."], speakers["Their guy was terrific."]) == ("Andre St. Bernard", "Phil Abernathy")


SHEET = (
    "HARTWELL COLLEGE ATHLETICS\n"
    "Men's Hockey | Postgame Quotes\n\n"
    "NORTHGATE STATE HEAD COACH ORLA VANCE\n\n"
    "(On the power play)\n"
    '"We moved the puck well and it finally went in."\n\n'
    "(Opening statement)\n"
    '"Proud of the group tonight."\n\n'
    "HARTWELL SOPHOMORE DEFENSEMAN TEO MARKS\n\n"
    "(On his first goal)\n"
    '"I just shot it and closed my eyes."\n'
)


def test_a_name_heading_over_quotes_each_after_its_question_on_a_line_of_its_own_speaks_them(pipeline):
    speakers = _speakers(pipeline, SHEET)
    assert speakers["We moved the puck well and it finally went in."] == "Orla Vance"
    assert speakers["Proud of the group tonight."] == "Orla Vance"


def test_a_players_position_before_a_headings_name_is_a_title(pipeline):
    assert _speakers(pipeline, SHEET)["I just shot it and closed my eyes."] == "Teo Marks"


def test_a_titled_family_name_in_the_headline_is_the_person_named_family_name_first_below(pipeline):
    text = (
        "Rep. Han reads leaked message aloud\n\n"
        "Rep. Han Seung-hee of the People's Renewal Party read out a message.\n\n"
        '"Who decided to gamble?" Rep. Han said.\n'
    )
    assert _speakers(pipeline, text)["Who decided to gamble?"] == "Han Seung-hee"


def test_whom_a_letter_greets_is_no_one_a_pronoun_stands_for(pipeline):
    text = (
        "# Hillside Newsletter\n\nDear Parents and Carers,\n\nWhat a week it has been.\n\n"
        "Year 5 were visited by the poet Ruth Kemble, whose poems we read this term. "
        "She wrote to the class afterwards:\n\n‘Keep writing, all of you.’\n"
    )
    assert _speakers(pipeline, text)["Keep writing, all of you."] == "Ruth Kemble"


def test_according_to_a_recording_leaves_the_words_to_the_person_who_said_them(pipeline):
    text = (
        "Dam row\n\nChief Tamuno Briggs, 68, flew to Perth for the meeting.\n\n"
        'The 68-year-old told shareholders that he had "crossed the world for one answer", '
        "according to a video of the meeting seen by the Harbour Post.\n"
    )
    assert _speakers(pipeline, text)["crossed the world for one answer"] == "Tamuno Briggs"


def test_according_to_leaked_messages_a_person_who_wrote_the_quoted_words_keeps_them(pipeline):
    text = (
        "Plant outage\n\nThe Harbour Securities Authority confirmed on Monday that it was "
        '"examining trading activity" in Keldon shares, but declined to say whether an investigation had been opened.\n\n'
        "'Months, not days'\n\n"
        "According to the messages, published on Sunday by the investigative website The Lantern, Keldon CEO "
        "Dalia Raban – who signs her name Dahlia in the company's US filings – wrote to colleagues at 14:02 "
        'on Thursday: "This will take months, not days."\n'
    )
    assert _speakers(pipeline, text)["This will take months, not days."] == "Dalia Raban"


def test_a_name_after_what_the_person_does_and_before_a_verb_is_a_subject_a_pronoun_takes(pipeline):
    text = (
        "Market\n\nAmaka Obi opened the cold store at dawn.\n\n"
        "At the harbour market on Tuesday, fish seller Mrs Grace Udoh pointed at her empty trays.\n\n"
        '"Nothing is left," she said.\n'
    )
    assert _speakers(pipeline, text)["Nothing is left,"] == "Grace Udoh"


def test_a_day_that_owns_a_statement_is_no_speaker(pipeline):
    text = "Rates\n\nThe central bank held rates. Wednesday's statement said inflation remains too high.\n"
    assert _speakers(pipeline, text).get("inflation remains too high") != "Wednesday"


def test_bare_interview_questions_are_the_interviewers_and_answers_the_interviewees(pipeline):
    text = (
        "Ten minutes with the harbourmaster\n\n"
        "Captain Ines Varga runs the busiest port on the coast. She tells Tom Reddy about the new quay.\n\n"
        "This interview has been edited for length and clarity.\n\n"
        "When will the quay open?\n\n"
        "In March, if the weather holds. The cranes arrive next month.\n\n"
        "And the fishermen?\n\n"
        "They have their own berths, and nobody is moving them.\n"
    )
    speakers = _speakers(pipeline, text)
    assert speakers["When will the quay open?"] == "Tom Reddy"
    assert speakers["In March, if the weather holds. The cranes arrive next month"] == "Ines Varga"
    assert speakers["They have their own berths, and nobody is moving them"] == "Ines Varga"


def test_an_interviewer_with_a_name_given_to_women_and_men_asks_the_questions(pipeline):
    text = (
        "Ten minutes with the harbourmaster\n\n"
        "Captain Ines Varga runs the busiest port on the coast. She tells Sam Okafor about the new quay.\n\n"
        "This interview has been edited for length and clarity.\n\n"
        "When will the quay open?\n\n"
        "In March, if the weather holds. The cranes arrive next month.\n\n"
        "And the fishermen?\n\n"
        "They have their own berths, and nobody is moving them.\n"
    )
    assert _speakers(pipeline, text)["When will the quay open?"] == "Sam Okafor"


def test_a_chat_exports_media_placeholder_is_no_ones_words(pipeline):
    text = (
        "Leaked chat\n\n"
        "[03/03/2026, 10:42] Greg Hartley: Numbers are locked in for Thursday.\n"
        "[03/03/2026, 10:43] Greg Hartley: <Media omitted>\n"
        "[03/03/2026, 10:44] Bev Okonjo-Reid: I said I'd think about it.\n"
        "[03/03/2026, 10:45] Tony Lisle: Has anyone read the traffic report?\n"
    )
    speakers = _speakers(pipeline, text)
    assert speakers["Numbers are locked in for Thursday"] == "Greg Hartley"
    assert not any("Media omitted" in said for said in speakers)


JUDGMENT = (
    "Appeal\n\n"
    "Judge Rhian Morrow presided over the first hearing.\n\n"
    "Judge Amara Holt, with whom Judge Kit Lane and Judge Rhian Morrow agreed, allowed the appeal.\n\n"
    "She noted that the lease had expired before the notice was served.\n"
)


def test_a_pronoun_is_not_a_subject_named_in_a_relative_clause(pipeline):
    assert _speakers(pipeline, JUDGMENT)["the lease had expired before the notice was served"] == "Amara Holt"


def test_the_company_is_no_public_body_that_spoke_last(pipeline):
    text = (
        "Platform\n\nCorvane Energy shut its offshore platform after a fire on Thursday.\n\n"
        "The Securities Authority confirmed it was examining trades in the shares.\n\n"
        "Two hours later, the company told the exchange that production had been suspended.\n"
    )
    assert _speakers(pipeline, text)["production had been suspended"] == "Corvane Energy"


def test_a_party_in_brackets_after_a_name_is_not_the_sentences_subject(pipeline):
    text = (
        "Platform\n\nCorvane Energy shut its offshore platform after a fire on Thursday.\n\n"
        "MK Dalia Shemer (Derech) told the committee that shares were sold early.\n\n"
        "Two hours later, the company told the exchange that production had been suspended.\n"
    )
    assert _speakers(pipeline, text)["production had been suspended"] == "Corvane Energy"


def test_the_office_is_not_its_shadow_named_later(pipeline):
    text = (
        "Budget\n\nChancellor Helen Marsh unveiled the freeze on Monday. "
        "The shadow chancellor, Daniel Whitcombe, called it a gimmick.\n\n"
        '"It will pay for itself," the chancellor said.\n'
    )
    assert _speakers(pipeline, text)["It will pay for itself,"] == "Helen Marsh"


def test_the_name_after_a_custos_and_the_honourable_speaks(pipeline):
    text = (
        "Flood\n\nThe Custos of St Ambrose, the Honourable Winston Grizzle, who toured the shelter yesterday, "
        "said food had been delivered to 23 families.\n"
    )
    assert _speakers(pipeline, text)["food had been delivered to 23 families"] == "Winston Grizzle"


def test_a_headline_quote_repeating_a_chat_message_is_its_senders(pipeline):
    text = (
        "'Realistically we are down for months': leaked chat shows bosses knew\n\n"
        "The extract below is reproduced as exported.\n\n"
        "[12/03/2026, 12:07] Yoav Tal: Fire on the compression deck is out.\n"
        "[12/03/2026, 14:02] Itzik Avidar: This is not a 72 hour thing. Realistically we are down for months.\n"
        "[12/03/2026, 14:05] Shira Bar-Lev: Do we say that in the statement?\n"
    )
    assert _speakers(pipeline, text)["Realistically we are down for months"] == "Itzik Avidar"


RADIO_INTERVIEW = (
    "MORNING DESK\n\n"
    "TRANSCRIPT\n\n"
    "The presenter, Lowri Penhale, spoke to Dominic Threlfall, chief executive of Tarn Buses, after the "
    "company cut its evening routes.\n\n"
    "INTERVIEWER: Why cut the last buses out of the valley?\n\n"
    "GUEST: Because almost nobody rides them, and each one costs us more than a day route.\n\n"
    "INTERVIEWER: The night-shift workers ride them.\n\n"
    "GUEST: We will talk to their employers about a shuttle.\n"
)


def test_a_presenter_the_introduction_names_asks_the_interviewer_turns(pipeline):
    speakers = _speakers(pipeline, RADIO_INTERVIEW)
    assert speakers["Why cut the last buses out of the valley?"] == "Lowri Penhale"
    assert speakers["The night-shift workers ride them"] == "Lowri Penhale"


def test_guest_turns_are_the_person_the_presenter_spoke_to(pipeline):
    speakers = _speakers(pipeline, RADIO_INTERVIEW)
    assert speakers["We will talk to their employers about a shuttle"] == "Dominic Threlfall"


QA_SECTIONS = (
    "Callander: we have earned the right to dream\n\n"
    "Kieran Asante scored twice. Millbeck manager Stevie Garrow told Radio Harbridge the penalty was soft. "
    "Rory Callander was more measured, and Asante thanked his mother. Asante, 22, is the club's top scorer.\n\n"
    "Here is what Callander and Asante said in the post-match press conference.\n\n"
    "RORY CALLANDER\n\n"
    "Q. Rory, how big a win is that?\n\n"
    "A. I think we have earned the right to dream now.\n\n"
    "KIERAN ASANTE\n\n"
    "Q. Talk us through the winner.\n\n"
    "A. I did not see it go in, I just heard the noise.\n"
)


def test_a_name_in_capitals_over_q_and_a_turns_names_who_answers_there(pipeline):
    speakers = _speakers(pipeline, QA_SECTIONS)
    assert speakers["I think we have earned the right to dream now"].lower() == "rory callander"
    assert speakers["I did not see it go in, I just heard the noise"] == "Kieran Asante"


def test_a_name_in_capitals_with_a_role_over_q_turns_names_who_answers_there(pipeline):
    text = (
        "Press conference\n\n"
        "Harbourside manager Declan Rourke and captain Aoife Brennan spoke after the defeat.\n\n"
        "DECLAN ROURKE, MANAGER\n\n"
        "Q: Declan, how do you sum that up?\n\nIt's a sore one, and we have come away with nothing.\n\n"
        "AOIFE BRENNAN, CAPTAIN\n\n"
        "Q: Aoife, how are you feeling?\n\nGutted, to be honest, because we switched off.\n\n"
        "Q: And the title?\n\nNobody in that dressing room thinks it is over.\n"
    )
    speakers = _speakers(pipeline, text)
    assert speakers["It's a sore one, and we have come away with nothing"] == "Declan Rourke"
    assert speakers["Gutted, to be honest, because we switched off"] == "Aoife Brennan"


def test_an_outlet_someone_told_is_not_who_asks_the_questions(pipeline):
    assert "Rory, how big a win is that?" not in _speakers(pipeline, QA_SECTIONS)


def test_a_person_someone_told_that_something_is_not_who_asks_the_questions(pipeline):
    text = QA_SECTIONS.replace("told Radio Harbridge the penalty", "told Ben Pike that the penalty")
    assert "Rory, how big a win is that?" not in _speakers(pipeline, text)


def test_a_title_a_podcast_s_guests_talk_about_is_none_of_the_guests(pipeline):
    text = (
        "Uptime, episode 41\n\n[00:00:21] GUEST (Fiona Claffey): Thanks, Dana. Delighted to be here.\n\n"
        "[00:01:02] HOST (Dana Whitcombe): On Wednesday the Taoiseach stood up in the Dáil and said, "
        '"What happened in Kilbrannagh must be a turning point." Fiona, is it?\n\n'
        "[00:01:17] GUEST (Fiona Claffey): I've heard that after every fire I've investigated.\n"
    )
    speaker = _speakers(pipeline, text)["What happened in Kilbrannagh must be a turning point."]
    assert speaker not in ("Fiona Claffey", "Dana Whitcombe")


QA_INTERVIEW = (
    "Ines Varga on the new quay\n\n"
    "The harbourmaster has been called 'a menace' by the fishermen's leader, Paul Dunne. She talks to Tom Reddy.\n\n"
    "Ines Varga has run the port since 2019. Ines Varga does not own a boat.\n\n"
    "Q: When will the quay open?\n\n"
    "In March, if the weather holds.\n\n"
    '> "Nobody is moving the fishermen."\n>\n> — Ines Varga\n\n'
    "Q: And the fishermen?\n\n"
    "They keep their berths.\n\n"
    "Q: And the ferry?\n\n"
    "It stays.\n"
)


def test_an_interviews_answers_are_the_person_its_introduction_names_most(pipeline):
    speakers = _speakers(pipeline, QA_INTERVIEW)
    assert speakers["In March, if the weather holds"] == "Ines Varga"
    assert speakers["When will the quay open?"] == "Tom Reddy"


def test_a_pull_quotes_signature_line_in_an_answer_is_no_words_of_the_turn(pipeline):
    assert "— Ines Varga" not in _speakers(pipeline, QA_INTERVIEW)


INITIALLED = (
    "Living under a moving mountain\n\n"
    "Interview by Tobias Reinhardt, June 2025\n\n"
    "Nadia Berger leads the slope-monitoring group.\n\n"
    "Did that shape your choice of career?\n\n"
    "NADIA BERGER: Completely. My father drove the snowplough in our valley.\n\n"
    "When did you realise the slope was different?\n\n"
    "NB: In the autumn of 2022. The radar showed the east flank speeding up.\n\n"
    "How do you switch off?\n\n"
    "NB: Badly. I run, and on Sundays I bake bread.\n"
)


def test_a_turn_labelled_with_initials_is_the_person_they_stand_for(pipeline):
    assert _speakers(pipeline, INITIALLED)["Badly. I run, and on Sundays I bake bread"] == "Nadia Berger"


def test_an_unlabelled_question_above_a_turn_is_the_interviewers(pipeline):
    assert _speakers(pipeline, INITIALLED)["How do you switch off?"] == "Tobias Reinhardt"


def test_police_is_the_force_the_article_names_under_another_body_word(pipeline):
    text = (
        "Floods\n\nBRINDLEFORD, England, March 11 (Meridian) - Floods have killed four people, police said on Tuesday.\n\n"
        "Vale Constabulary said the body of a man had been recovered.\n"
    )
    assert _speakers(pipeline, text)["Floods have killed four people"] == "Vale Constabulary"


def test_the_bench_label_of_a_court_transcript_is_the_judge_it_names(pipeline):
    text = (
        "COUNTY COURT\n\nBEFORE HIS HONOUR JUDGE G.R. TOLHURST\n\n"
        "HIS HONOUR: Yes, Ms Lee. I understand there is one more statement.\n\n"
        "MS LEE: There is, Your Honour.\n\n"
        "HIS HONOUR: Please go ahead.\n"
    )
    assert _speakers(pipeline, text)["Please go ahead"] == "G.R. Tolhurst"


def test_a_court_of_justice_above_its_division_names_no_judge(pipeline):
    text = (
        "IN THE HIGH COURT OF JUSTICE\nKING'S BENCH DIVISION\n\nBefore: THE HONOURABLE MRS JUSTICE PENHALIGON\n\n"
        "THE COURT: Mr. Quarshie, you wanted to call your witness.\n\n"
        "MR. QUARSHIE: I do, my Lady.\n\n"
        "THE COURT: Thank you both.\n"
    )
    assert _speakers(pipeline, text)["Thank you both"] == "Penhaligon"


def test_an_earnings_call_question_is_the_analyst_the_operator_brings_in(pipeline):
    text = (
        "Call\n\nCorporate participants: Helena Strand, Chief Executive Officer\n\n"
        "Operator: Our next question comes from Tomás Ibarra with Keel Street Partners.\n\n"
        "Q: Thanks. Helena, how much of that is power?\n\n"
        "A: HELENA STRAND\nAbout two-thirds is power.\n\n"
        "Q: And any change to capital returns?\n\n"
        "A: HELENA STRAND\nNo change.\n\n"
        "Operator: That concludes the question-and-answer session.\n"
    )
    speakers = _speakers(pipeline, text)
    assert speakers["Thanks. Helena, how much of that is power?"] == "Tomás Ibarra"
    assert speakers["And any change to capital returns?"] == "Tomás Ibarra"


def test_a_forum_user_name_speaks_the_comment_under_it(pipeline):
    text = (
        "# Thread of the week\n\nkestrel_ops 9 hours ago | 164 points\n\nSubmitter here. Worth reading the whole thing.\n\n"
        "mvoss_sre 2 hours ago | 188 points\n\nI work on the storage control plane.\n"
    )
    assert _speakers(pipeline, text)["Submitter here. Worth reading the whole thing"] == "kestrel_ops"


def test_a_user_name_that_spells_a_persons_name_is_that_person(pipeline):
    text = (
        "# The AMA\n\nMayor Ann Pryce answered questions on Sunday.\n\n"
        "u/MayorAnnPryce · Verified · 6h\n\nHi everyone. Ask me anything about the plant.\n\n"
        "u/Line4Lifer · 5h\n\nIs the senator right about the jobs?\n"
    )
    speakers = _speakers(pipeline, text)
    assert speakers["Hi everyone. Ask me anything about the plant"] == "Ann Pryce"
    assert speakers["Is the senator right about the jobs?"] == "u/Line4Lifer"


def test_a_person_named_in_an_answer_does_not_ask_the_next_question(pipeline):
    text = (
        "Ten minutes with the harbourmaster\n\nCaptain Ines Varga talks to Tom Reddy about the quay.\n\n"
        "Q: When will the quay open?\n\nA: In March. Paul Dunne, who leads the fishermen, agrees.\n\n"
        "Q: And the fishermen?\n\nA: They keep their berths.\n\nQ: And the ferry?\n\nA: It stays.\n"
    )
    assert _speakers(pipeline, text)["And the fishermen?"] == "Tom Reddy"


def test_a_letter_is_its_writers_when_the_sentence_before_says_whom_they_wrote_to(quotes_of):
    text = (
        "Evidence\n\nOn 18 February the Chair, Moira Kelso MP, wrote to the Minister for Energy, Alan Reith MP. "
        'The letter stated:\n\n"The Committee is not persuaded that the checks work."\n'
    )
    assert [q.speaker for q in quotes_of(text) if q.kind == "direct"] == ["Moira Kelso"]


def test_their_mother_in_a_lead_in_is_the_woman_of_the_familys_surname(quotes_of):
    text = (
        "Brothers\n\nGwen Vaughan points to the lawn. Her sons Idris Vaughan and Owen Vaughan learnt to play there.\n\n"
        "Nerys Lloyd, the club's physiotherapist, says Owen is the harder of the two to treat.\n\n"
        "Their mother is less diplomatic.\n\n‘If one of them goes, the other one goes,’ she says.\n"
    )
    assert [q.speaker for q in quotes_of(text) if q.kind == "direct"] == ["Gwen Vaughan"]


def test_it_stands_for_the_body_that_spoke_not_one_named_inside_its_quote(quotes_of):
    text = (
        "Ruling\n\nA spokesperson for Northcrest said the company was 'considering its options, including an "
        "application to the Supreme Court'. It said it 'continues to extend its deepest sympathy'.\n"
    )
    said = {q.text: q.speaker for q in quotes_of(text)}
    assert said["continues to extend its deepest sympathy"] == "Northcrest"


def test_it_stands_for_the_body_that_was_the_subject_before_a_body_in_its_object(quotes_of):
    text = "Ruling\n\nKestrel Cold Chain filed an appeal with the Harbour Authority on Monday.\n\nIt said the ruling was wrong.\n"
    said = {q.text: q.speaker for q in quotes_of(text)}
    assert said["the ruling was wrong"] == "Kestrel Cold Chain"


def test_the_mother_of_someone_is_not_the_woman_named_last(quotes_of):
    text = (
        "Ski lift\n\nElla Harlan was one of nine people hurt when a chair fell from a lift.\n\n"
        "The mother of a Lake Orrin teenager who was hurt in the accident says a court ruling has finally given "
        "her family a path to answers.\n"
    )
    said = {q.text: q.speaker for q in quotes_of(text)}
    assert said["a court ruling has finally given her family a path to answers"] != "Ella Harlan"


CITY_DESK = (
    "City Desk Podcast\n\n"
    "[00:03:15] Dana Whitfield: Welcome back. With me is our transport reporter, Marcus Bell.\n\n"
    "[00:03:27] Marcus Bell: It really has, Dana. On Monday the mayor, Gloria Estrada, stood up at a press "
    "conference about the rail line.\n\n"
    "[00:03:49] Dana: And that was a surprise, because she has been the project's biggest champion.\n\n"
    "[00:03:54] Marcus: Huge surprise. Two years ago she called the line "
    "\u201cthe most important thing this city will build.\u201d\n\n"
    "[00:04:16] Dana: So what did the agency say?\n\n"
    "[00:04:19] Marcus: Its chief executive put out a statement that afternoon.\n"
)


def test_a_first_name_label_is_the_earlier_turns_speaker_of_that_name(pipeline):
    speakers = _speakers(pipeline, CITY_DESK)
    assert speakers["So what did the agency say?"] == "Dana Whitfield"


def test_a_pronoun_in_a_turn_stands_for_someone_named_turns_before(pipeline):
    speakers = _speakers(pipeline, CITY_DESK)
    assert speakers["the most important thing this city will build."] == "Gloria Estrada"


def test_a_dash_quote_after_a_sentence_bringing_in_someone_new_is_theirs(quotes_of):
    text = (
        "Blockade\n\nJulio César Huamán, president of the irrigators, checks the knots on the rope every hour.\n\n"
        "— We are not against the mine — he says —. We are against drinking what the mine leaves in the river.\n\n"
        "Beside him, Felicitas Ccama Torres, who sells soup to the protesters, is less diplomatic.\n\n"
        "— They say the water is clean. Then let the manager come here and drink it.\n"
    )
    said = {q.text: q.speaker for q in quotes_of(text)}
    assert said["They say the water is clean. Then let the manager come here and drink it."] == "Felicitas Ccama Torres"


def test_a_pronoun_in_an_answer_reaches_back_past_objections_to_whom_the_question_named(pipeline):
    text = (
        "Deposition\n\nDana Whitlock testified that her supervisor, Rick Maddox, pressured her to sign the audits.\n\n"
        "BY MR. HALVERSON:\n\n"
        "Q. And what did Mr. Maddox tell you about the audits?\n\n"
        "A. I told him the logs did not match.\n\n"
        "Q. And what was his response?\n\n"
        "MS. ORTEGA: Same objection.\n\n"
        "Q. You can answer.\n\n"
        "MS. ORTEGA: I object to the form of the question.\n\n"
        "Q. Go ahead.\n\n"
        'A. He said, "Just sign it. Nobody upstairs reads these."\n'
    )
    assert _speakers(pipeline, text)["Just sign it. Nobody upstairs reads these."] == "Rick Maddox"


def test_a_quote_sheets_prompt_names_whom_the_answer_under_it_talks_about(quotes_of):
    text = (
        "Quotes\n\nTEODOR HALLORAN (Castlebrook Rovers manager)\n\n"
        'On the result:\n"We deserved more than a point tonight."\n\n'
        "On the referee:\nI am not going to hang Pauline Merriweather out to dry.\n\n"
        "On the fourth official, Dean Portillo-Marsh:\n"
        'He said to me "it is the VAR call, not ours", which tells you everything.\n'
    )
    said = {q.text: q.speaker for q in quotes_of(text) if q.kind == "partial"}
    assert said["it is the VAR call, not ours"] == "Dean Portillo-Marsh"


def test_rt_hon_before_a_name_is_a_title(pipeline):
    text = (
        "Parliament\n\nThe SPEAKER (Rt Hon ADRIAN MALLORY): Members may refer to a document that has not been tabled.\n\n"
        "The SPEAKER: I would remind members that questions are not speeches.\n\n"
        "Hon DAVID KERSLAKE: I accept the ruling.\n"
    )
    assert _speakers(pipeline, text)["I would remind members that questions are not speeches"] == "Adrian Mallory"


def test_a_unit_written_onto_a_number_is_no_title_of_the_name_after_it(pipeline):
    text = (
        "Refinery reopens\n\n"
        'Nadia Perez, the regulator, said the checks were done. "We found nothing," she said.\n\n'
        "The repairs cost €12m. Greta Holm, the plant manager, reopened the site on Monday. Her promise "
        'that "every tank will be checked twice" was painted on the gates.\n'
    )
    assert _speakers(pipeline, text)["every tank will be checked twice"] == "Greta Holm"


def test_a_gendered_title_passes_over_a_holder_of_the_other_gender_for_a_given_name(pipeline):
    text = (
        "Swimmer breaks record\n\n"
        "Farah Yusof set a national record in the 200m butterfly on Sunday.\n\n"
        '"I did not expect it," said Ms Farah.\n\n'
        "Her coach is her father, Mr Yusof Karim, who swam for the national team in the 1990s.\n\n"
        '"She trained twice a day for a year," said Mr Yusof.\n'
    )
    assert _speakers(pipeline, text)["She trained twice a day for a year,"] == "Yusof Karim"


def test_a_bride_or_a_groom_is_a_woman_or_a_man(pipeline):
    text = (
        "Weddings\n\n"
        "Paul Stone and Anna Berg were married on Saturday in Ely.\n\n"
        "The bride's sister, Mia Berg, read a poem at the ceremony.\n\n"
        '"I forgot the rings at home," the groom said.\n'
    )
    assert _speakers(pipeline, text)["I forgot the rings at home,"] == "Paul Stone"


def test_a_label_may_name_its_member_in_brackets_with_the_seat_in_brackets_inside(pipeline):
    text = (
        "Standing Committee on Fisheries\n\nEVIDENCE\n\n"
        "The Chair (Ms. Louise Kerr (Bayview—Cape Rennie, Lib.)): I call this meeting to order. "
        "We begin with the minister.\n\n"
        "Hon. Arjun Mehta (Minister of Fisheries): Thank you, Madam Chair. The quota stays as it is.\n\n"
        "The Chair: Thank you, Minister.\n"
    )
    assert _speakers(pipeline, text)["I call this meeting to order. We begin with the minister"] == "Louise Kerr"


def test_a_paragraph_of_a_turn_without_words_is_no_speech(pipeline):
    from quotes.extraction.pipeline import extract

    text = (
        "Standing Committee on Fisheries\n\nEVIDENCE\n\n"
        "The Chair: With us today is the Minister of Fisheries, Arjun Mehta.\n\n"
        "Hon. Arjun Mehta (Minister of Fisheries): Thank you, Madam Chair. The quota stays as it is.\n\n"
        "We will review it next spring.\n\n"
        "● (1545)\n\n"
        "The Chair: Thank you, Minister.\n"
    )
    assert [q.text for q in extract(Document("story.txt", text), pipeline=pipeline) if "1545" in q.text] == []


def test_a_name_in_capitals_with_an_initial_is_given_in_its_own_case(pipeline):
    text = (
        "IN THE SUPREME COURT OF THE STATE\n\n"
        "APPEARANCES:\nJOHN T. MARSH, ESQ., Dover; on behalf of the Petitioner.\n\n"
        "CHIEF JUSTICE REYES: We will hear argument first this morning. Mr. Marsh.\n\n"
        "MR. MARSH: Thank you. The county never asked the tenants before it sold the land.\n"
    )
    assert _speakers(pipeline, text)["Thank you. The county never asked the tenants before it sold the land"] == "John T. Marsh"


def test_a_role_label_after_the_is_no_name(pipeline):
    from quotes.extraction.pipeline import extract

    text = (
        "CITY OPEN\nPress Conference\n\n"
        "THE MODERATOR: Questions, please.\n\n"
        "Q. How did the final set feel?\n\n"
        "MARTA KOWALCZYK: It was hard. My legs were gone after the second hour.\n\n"
        "THE MODERATOR: Thank you, Marta.\n"
    )
    assert "The" not in {q.speaker for q in extract(Document("story.txt", text), pipeline=pipeline)}


CHAT_LOG = (
    "# From the server: #harbour-watch\n\n"
    "*Every week we write up one channel of our Discord. Usernames are as they appear.*\n\n"
    "**10:02 · The bridge**\n\n"
    "[10:02] river_fan: BRIDGE CLOSED. no buses\n\n"
    "[10:04] k.mwangi: the ferry is still running, my aunt just got on it\n\n"
    "[10:05] river_fan: good to know\n\n"
    "**11:30 · Later**\n\n"
    "[11:31] k.mwangi: the council says the bridge opens again at six\n\n"
    "[11:32] modbot_sam: the council just posted this:\n\n"
    "> Harbour Bridge reopens at 18:00 after inspection.\n\n"
    "— Harbour Council (@harbourcouncil) 3 May 2025\n"
)


def _items(pipeline, text):
    from quotes.extraction.pipeline import extract

    return [(q.kind, q.speaker, q.text) for q in extract(Document("log.md", text), pipeline=pipeline)]


def test_a_chat_line_after_a_time_stamp_is_its_handles_turn(pipeline):
    assert ("indirect", "k.mwangi", "the ferry is still running, my aunt just got on it") in _items(pipeline, CHAT_LOG)


def test_a_chat_lines_time_stamp_is_no_part_of_its_label(pipeline):
    assert ("indirect", "river_fan", "BRIDGE CLOSED. no buses") in _items(pipeline, CHAT_LOG)


def test_a_time_stamped_heading_after_turns_is_no_ones_turn(pipeline):
    assert [item for item in _items(pipeline, CHAT_LOG) if "Later" in item[2]] == []


def test_a_post_shown_in_a_turn_is_not_the_turns_words(pipeline):
    assert [s for kind, s, text in _items(pipeline, CHAT_LOG) if "reopens at 18:00" in text] == ["Harbour Council"]


def test_potus_is_the_president_the_report_names(pipeline):
    text = (
        "Subject: Travel Pool Report #2 -- flood visit\n\n"
        "President Helen Marsh's visit to Dunmore after the floods.\n\n"
        "10:05 -- The motorcade arrived at the shelter, where Mayor Tom Reid met it.\n\n"
        'POTUS said: "We will rebuild every house on this street."\n'
    )
    assert _speakers(pipeline, text)["We will rebuild every house on this street."] == "Helen Marsh"


SLACK_LOG = (
    "# The leaked thread\n\n"
    "The messages below were posted in the firm's #finance channel on 3 March.\n\n"
    "[9:14 AM] jo.p: the auditors start on monday\n"
    "[9:16 AM] sam.k: can we move the invoices before then\n"
    "    ↳ [9:20 AM] jo.p: not without a paper trail\n"
    "[9:31 AM] sam.k: then we talk by phone\n\n"
    "“jo.p” is Joanna Park, the firm’s finance director; “sam.k” is Samir Khan, its founder.\n"
)


def test_a_chat_handle_is_the_person_the_write_up_says_it_is(pipeline):
    assert ("indirect", "Samir Khan", "can we move the invoices before then") in _items(pipeline, SLACK_LOG)


def test_a_reply_marked_with_an_arrow_is_a_chat_message_too(pipeline):
    assert ("indirect", "Joanna Park", "not without a paper trail") in _items(pipeline, SLACK_LOG)


def test_the_reporters_line_after_a_chat_log_is_no_message(pipeline):
    assert [item for item in _items(pipeline, SLACK_LOG) if "finance director" in item[2]] == []


def test_a_place_in_a_ranking_is_no_name(pipeline):
    text = (
        "Kowal out in the semi-final\n\n"
        "Marta Kowal, 24, who was playing her first semi-final, did not hide her anger.\n\n"
        '"The umpire took the match from me, not my opponent," said the world No. 8 after the semi-final.\n'
    )
    assert _speakers(pipeline, text)["The umpire took the match from me, not my opponent,"] == "Marta Kowal"


def test_a_family_name_alone_is_the_person_named_family_name_first_with_a_two_syllable_given_name(pipeline):
    text = (
        "Park out in the semi-finals\n\n"
        "Park Ji-woo lost 6-4, 7-5 to Mara Lind in the semi-finals yesterday. Lind, the top seed, will play "
        "for the title on Sunday.\n\n"
        'At the press conference, Park said: "I was tired in the second set."\n\n'
        'Speaking to reporters afterwards, the 24-year-old said she felt "completely robbed" by the line call.\n'
    )
    assert _speakers(pipeline, text)["I was tired in the second set."] == "Park Ji-woo"
