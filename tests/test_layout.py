"""The layout stage: paragraphs, roles and units, on text written for each case."""

from __future__ import annotations

from dataclasses import replace

import pytest

from quotes.extraction.layout import layout, paragraphs
from quotes.rules import load_rules


def _texts(text):
    return [text[p.start : p.end] for p in paragraphs(text)]


def _roles(text):
    return [(text[p.start : p.end][:20], p.role) for p in layout(text, load_rules().dateline).paragraphs]


WRAPPED = (
    "The mayor said on Monday that the bridge would stay closed until the\n"
    "engineers had finished their survey of the cables and the deck.\n"
    "\n"
    '"We will not take risks with people\'s lives," she told reporters at\n'
    "the town hall, adding that a ferry would run in the meantime for\n"
    "commuters who cross the river every morning.\n"
)


def test_hard_wrapped_lines_are_joined_into_their_paragraph():
    texts = _texts(WRAPPED)
    assert len(texts) == 2
    assert texts[1].startswith('"We will not') and texts[1].endswith("every morning.")


def test_one_article_wrapped_without_blank_lines_is_one_paragraph():
    text = (
        "RALEIGH, N.C. - Sen. Jane Doe said on Tuesday that her rival had\n"
        "misled voters about the budget, and that she would not debate him\n"
        'until he apologised. "He knows what he did," she told reporters at\n'
        "a rally in the state capital.\n"
    )
    assert len(_texts(text)) == 1


def test_lines_that_each_end_a_sentence_without_blank_lines_stay_paragraphs():
    text = (
        "The storm reached the coast on Sunday night and tore roofs off homes.\n"
        "Forecasters said the tornado stayed on the ground for about six miles.\n"
        "The Red Cross said it was helping six families with shelter and food.\n"
    )
    assert len(_texts(text)) == 3


def test_joined_paragraph_offsets_point_into_the_text_as_read():
    para = paragraphs(WRAPPED)[1]
    assert WRAPPED[para.start : para.end].count("\n") == 2


def test_short_lines_are_not_joined():
    text = "Headline here\n\nMedia contact:\nJane Doe\njane@example.org\n"
    assert _texts(text) == ["Headline here", "Media contact:", "Jane Doe", "jane@example.org"]


def test_carriage_return_line_endings_make_paragraphs():
    text = "First paragraph.\r\rSecond one.\rThird."
    assert _texts(text) == ["First paragraph.", "Second one.", "Third."]


def test_a_section_line_over_the_headline_is_boilerplate_and_the_headline_follows():
    text = "CNÉ News | Politics\n\nTaoiseach says fire 'must be a turning point'\n\nThe Taoiseach told the Dáil.\n"
    assert [p.role for p in layout(text).paragraphs] == ["boilerplate", "headline", "body"]


def test_a_byline_with_the_outlet_after_a_bar_is_no_section_line():
    text = "Nkosi on dance\n\n**Interview by Lerato Mahlangu** | *Meridian Review*, April 2026\n\nThandiwe Nkosi was 24.\n"
    assert layout(text).paragraphs[1].role != "boilerplate"


def test_an_editor_s_note_is_no_boilerplate():
    text = "Letters\n\nEditor's note: Cllr Pryor says she \"fully supports\" the library's staff.\n"
    assert layout(text).paragraphs[1].role == "body"


def test_the_writers_note_at_the_foot_of_a_story_is_boilerplate():
    text = "Harbour deal\n\nThe mayor signed the deal.\n\nImogen Farrow writes about law and justice for The Ledger.\n"
    assert layout(text).paragraphs[-1].role == "boilerplate"


def test_live_blog_time_stamps_start_units():
    text = "Floods live\n\n14:32 GMT\n\nShe said the wall held.\n\n13:10 GMT\n\nThe mayor spoke.\n"
    paras = layout(text).paragraphs
    assert [p.role for p in paras] == ["headline", "timestamp", "body", "timestamp", "body"]
    assert paras[2].unit != paras[4].unit and paras[1].unit == paras[2].unit


def test_transcript_labels_are_turns_with_their_label():
    text = "Hearing\n\nSEN. CARVER: Come to order.\n\nMS. DELGADO: They found problems.\n\nSEN. CARVER: Thank you.\n"
    paras = layout(text).paragraphs
    assert [p.label for p in paras if p.role == "turn"] == ["SEN. CARVER", "MS. DELGADO", "SEN. CARVER"]
    assert text[paras[2].text_start : paras[2].end] == "They found problems."


def test_a_label_in_capitals_may_keep_the_small_c_of_mc_and_mac():
    text = "Debate\n\nCLLR McDONALD: The fares must fall.\n\nCLLR MacLEOD: They cannot.\n\nCLLR McDONALD: Then say so.\n"
    assert [p.label for p in layout(text).paragraphs if p.role == "turn"] == ["CLLR McDONALD", "CLLR MacLEOD", "CLLR McDONALD"]


def test_a_label_may_give_roles_after_commas_and_then_a_translator_in_brackets():
    text = (
        "Evening news\n\nANCHOR: Good evening.\n\n"
        "MARIA SOTO, MAYOR OF RIVERTON (through translator): We will rebuild.\n\n"
        "PEDRO VEGA, PRESIDENT, EASTERN REGIONAL GOVERNMENT (through translator): The alert was sent in time.\n"
    )
    assert [p.label for p in layout(text).paragraphs if p.role == "turn"] == ["ANCHOR", "MARIA SOTO", "PEDRO VEGA"]


def test_podcast_turns_after_a_time_code_are_turns():
    text = (
        "Episode 12\n\n"
        "[00:00:04] MARTA OKONJO: Welcome back.\n\n"
        "[00:00:09] DEV PILLAI: Good to be here.\n\n"
        "[00:00:15] MARTA OKONJO: Our guest is here.\n"
    )
    paras = layout(text).paragraphs
    assert [p.label for p in paras if p.role == "turn"] == ["MARTA OKONJO", "DEV PILLAI", "MARTA OKONJO"]
    assert text[paras[2].text_start : paras[2].end] == "Good to be here."


def test_minutes_labels_in_title_case_leave_the_party_out_of_the_label():
    text = (
        "Minutes of the meeting\n\n"
        "Councillor Jan Smith (Labour): I move the motion.\n\n"
        "Councillor Priya Patel (Conservative): I second it.\n\n"
        "The Mayor: The point is noted.\n"
    )
    paras = layout(text).paragraphs
    assert [p.label for p in paras if p.role == "turn"] == ["Councillor Jan Smith", "Councillor Priya Patel", "The Mayor"]
    assert text[paras[1].text_start : paras[1].end] == "I move the motion."


def test_a_headline_with_a_colon_is_no_turn():
    text = "Harwick Council: minutes\n\nJAN SMITH: I move.\n\nPRIYA PATEL: I second.\n\nJAN SMITH: Thank you.\n"
    assert layout(text).paragraphs[0].role == "headline"


def test_a_single_capitalised_colon_is_a_dateline_not_a_turn():
    text = "Story\n\nLONDON: The minister said the plan would go ahead.\n"
    para = layout(text, load_rules().dateline).paragraphs[1]
    assert para.role == "body" and text[para.text_start :].startswith("The minister")


def test_dateline_glued_to_a_name_is_cut_off():
    text = "Race tightens\n\nRALEIGH, N.C.—Republican Dana Whitfield said on Tuesday she would win.\n"
    para = layout(text, load_rules().dateline).paragraphs[1]
    assert text[para.text_start :].startswith("Republican Dana Whitfield")


def test_boilerplate_and_bylines_hold_no_speech():
    text = (
        "Doctors strike\n\nBy Ana Petrović\n\n4,512 views 12 comments\n\n"
        'The minister said "talks will go on."\n\nRead also: Hospitals brace for strike\n\nTags: health, strikes\n'
    )
    assert [role for _, role in _roles(text)] == ["headline", "byline", "boilerplate", "body", "boilerplate", "boilerplate"]


def test_a_name_and_a_reporters_role_alone_on_a_line_is_a_byline():
    text = "Fuel duty\n\nPippa Crane Political correspondent\n\nBy Liam Prosser at the Meadow Lane Stadium\n\nHe spoke.\n"
    assert [role for _, role in _roles(text)] == ["headline", "byline", "byline", "body"]


@pytest.mark.parametrize(
    ("first_line", "outlet"),
    [("THE BRANNOCK ROUND-UP", "BRANNOCK ROUND-UP"), ("Steppe Courier", "Steppe Courier"), ("Zelensky vows to fight on", None)],
)
def test_a_first_line_that_names_a_paper_is_its_masthead(first_line, outlet):
    assert layout(f"{first_line}\nSociety · 16.07.2024\n\nThe channel posts in Russian.\n").masthead == outlet


@pytest.mark.parametrize(
    ("top", "outlet"),
    [
        ("ZORYA VECHERA\nIncidents · 10 February 2025, 14:20", "ZORYA VECHERA"),
        ("KELETI HÍRADÓ\nWorld | 10 February 2025, Monday, 09:41", "KELETI HÍRADÓ"),
        ("ASTRAPI VOLOS FC\nOfficial website > News > Club", None),
        ("HARBOUR COUNCIL\nMINUTES of the meeting held on 20 March 2025", None),
    ],
)
def test_a_first_line_in_capitals_over_the_pages_section_and_date_is_its_masthead(top, outlet):
    assert layout(f"{top}\n\nThe cable car stopped at dusk.\n").masthead == outlet


def test_a_sentence_opening_by_a_day_is_no_byline():
    text = "Bridge\n\nBy Monday, officials said the bridge would reopen\n"
    assert [role for _, role in _roles(text)] == ["headline", "body"]


def test_a_caption_repeated_word_for_word_is_boilerplate():
    text = "Title\n\nDamaged buildings in Kursk\n\nThe army said it advanced.\n\nDamaged buildings in Kursk\n"
    assert [role for _, role in _roles(text)][-1] == "boilerplate"


def test_press_release_closing_sections_run_to_the_end():
    body = "".join(f"Paragraph {i} of the release says something.\n\n" for i in range(6))
    text = "Launch\n\n" + body + "About Veltrix Systems\n\nVeltrix makes chips.\n\nMedia contact: Jo Bell\n"
    roles = [role for _, role in _roles(text)]
    assert roles[-3:] == ["boilerplate"] * 3 and roles[1] == "body"


def test_bullets_are_list_items():
    text = "Key points\n\n- The wall was breached\n- 200 homes evacuated\n"
    assert [role for _, role in _roles(text)][1:] == ["list_item", "list_item"]


def test_a_bullet_is_blanked_for_the_parser():
    text = "Key points\n\n• Transport secretary: 'The door remains open'\n"
    para = layout(text).paragraphs[1]
    assert text[para.text_start :].startswith("Transport secretary")


@pytest.mark.parametrize(
    ("names", "date"),
    [("Yle News", "1.12.2026 14:32 | updated 17:05"), ("Marcus Leung and Ivy Tam", "Published: 8:15pm, 23 Oct 2025")],
)
def test_a_name_or_two_alone_above_the_date_line_is_a_byline(names, date):
    text = f"Cable broke\n\n{names}\n{date}\n\nThe bureau said the ship dragged its anchor.\n"
    assert [role for _, role in _roles(text)][1] == "byline"


def test_a_name_alone_above_a_sentence_is_no_byline():
    text = "Cable broke\n\nHelsinki Harbour\nThe bureau said on Tuesday the ship dragged its anchor.\n"
    assert "byline" not in [role for _, role in _roles(text)]


def test_q_and_a_with_full_stops_are_transcript_turns():
    text = "Interview\n\nQ. Why now?\n\nA. My doctor told me to.\n\nQ. And then?\n\nA. I retired.\n"
    paras = layout(text, load_rules().dateline).paragraphs
    assert [p.label for p in paras if p.role == "turn"] == ["Q", "A", "Q", "A"]


def test_a_bare_q_before_a_question_is_a_briefing_turn():
    text = (
        "Press briefing\n\n"
        "MS. ALVAREZ: Good afternoon.\n\n"
        "Q Thanks, Teresa. Will he act?\n\n"
        "MS. ALVAREZ: Not at this stage.\n\n"
        "Q -- is that an exaggeration?\n"
    )
    paras = layout(text, load_rules().dateline).paragraphs
    assert [p.label for p in paras if p.role == "turn"] == ["MS. ALVAREZ", "Q", "MS. ALVAREZ", "Q"]


def test_a_role_after_a_comma_is_no_part_of_a_turn_label():
    text = (
        "Evening brief\n\n"
        "DANA HALVERSON, NNC ANCHOR: Good evening.\n\n"
        "MAYA ORTEGA, NNC SENIOR NATIONAL CORRESPONDENT: Dana, the mood is defiant.\n\n"
        "HALVERSON: Thank you.\n"
    )
    paras = layout(text, load_rules().dateline).paragraphs
    assert [p.label for p in paras if p.role == "turn"] == ["DANA HALVERSON", "MAYA ORTEGA", "HALVERSON"]


def test_a_role_in_lower_case_after_a_comma_is_no_part_of_a_turn_label():
    text = (
        "Reaction\n\n"
        "Janet Oyelaran, Harbour Café owner: Footfall keeps us open.\n\n"
        "Brian Lott, Conservative group leader: We will hold them to it.\n\n"
        "Aisha Rahman, Mill Lane resident: Nobody knocked on my door.\n"
    )
    paras = layout(text).paragraphs
    assert [p.label for p in paras if p.role == "turn"] == ["Janet Oyelaran", "Brian Lott", "Aisha Rahman"]


def test_a_list_item_of_a_reaction_round_up_is_a_turn_after_its_bullet():
    text = (
        "What they said\n\n"
        "- Dermot Quill (St Anne's parish): The car park will be open on match days.\n"
        "- Janet Oyelaran (café owner): Footfall keeps my café open.\n"
        "- Aisha Rahman (resident): Nobody knocked on my door.\n"
    )
    paras = layout(text).paragraphs
    assert [p.label for p in paras if p.role == "turn"] == ["Dermot Quill", "Janet Oyelaran", "Aisha Rahman"]
    assert text[paras[2].text_start : paras[2].end] == "Footfall keeps my café open."


def test_a_paragraph_after_a_round_up_s_bulleted_turns_is_no_turn_of_the_last_speaker():
    text = (
        "What they said\n\n"
        "- Dermot Quill (parish priest): The car park will be open on match days.\n"
        "- Janet Oyelaran (café owner): Footfall keeps my café open.\n"
        "- Aisha Rahman (resident): Nobody knocked on my door.\n\n"
        "The club's chief executive said work would start in March.\n"
    )
    paras = layout(text).paragraphs
    assert paras[-1].role == "body" and paras[-1].unit != paras[-2].unit


def test_hansard_labels_give_a_minister_s_name_in_brackets_and_no_seat():
    text = (
        "Question time\n\n"
        "Mr PRENDERGAST (Kowhai Bay): My question is to the Minister for Housing.\n\n"
        "The Minister for Housing (Ms Mereana Tipene): I thank the member for his question.\n\n"
        "Ms OKONJO interjecting:\n\n"
        "Mr SPEAKER: Order!\n"
    )
    paras = layout(text).paragraphs
    assert [p.label for p in paras if p.role == "turn"] == ["Mr PRENDERGAST", "Ms Mereana Tipene", "Mr SPEAKER"]
    assert paras[3].silent


def test_hansard_procedure_lines_are_silent():
    text = (
        "Debate\n\n"
        "Ms Carrow: I beg to move.\n\n"
        "Mark Ferrier (Dunhallow) (LR) rose—\n\n"
        "Mr Tallis: I will not give way.\n\n"
        "Ms Carrow: Then I press on.\n\n"
        "Question put and agreed to.\n\n"
        "Resolved,\n"
    )
    procedure = ("Mark Ferrier (Dunhallow) (LR) rose—", "Question put and agreed to.", "Resolved,")
    assert all(p.silent for p in layout(text).paragraphs if text[p.start : p.end] in procedure)


def test_a_labels_name_in_brackets_after_its_office_and_department_is_the_speaker():
    text = (
        "Debate\n\n"
        "The Minister of State, Department for Transport (Mr Owen Tallis): This has been a serious debate.\n\n"
        "Ms Carrow: I beg to move.\n\n"
        "Mr Tallis: I will not give way.\n"
    )
    assert next(p.label for p in layout(text).paragraphs if p.role == "turn") == "Mr Owen Tallis"


def test_a_cast_line_names_the_role_label_of_later_turns_and_is_silent():
    text = (
        "Transcript\n\n"
        "Moderator: Eleanor Vance, Head of Communications, GAR.\n\n"
        "MODERATOR: Good afternoon, everyone.\n\n"
        "MINISTER OKAFOR: Thank you, Eleanor.\n\n"
        "MODERATOR: We have time for one more.\n"
    )
    paras = layout(text).paragraphs
    assert paras[1].silent
    assert [p.label for p in paras if p.role == "turn"] == ["Eleanor Vance", "MINISTER OKAFOR", "Eleanor Vance"]


def test_a_role_label_with_a_name_in_brackets_names_the_role_label_of_later_turns():
    text = (
        "Estimates\n\n"
        "CHAIR (Senator Macready): I welcome the officers.\n\n"
        "Ms Okafor: Thank you, Chair.\n\n"
        "CHAIR: Senator Drummond has the call.\n"
    )
    assert [p.label for p in layout(text).paragraphs if p.role == "turn"] == ["Senator Macready", "Ms Okafor", "Senator Macready"]


def test_a_paragraph_opening_with_a_q_word_is_no_turn():
    text = "Quiz night\n\nQ Street residents voted on Monday.\n\nThe vote was close.\n"
    assert "turn" not in [role for _, role in _roles(text)]


def test_a_bbc_image_source_line_is_boilerplate():
    text = "Winter warning\n\nImage source, Getty Images\n\nThe head of the trust said the winter would be hard.\n"
    assert [role for _, role in _roles(text)] == ["headline", "boilerplate", "body"]


SHEET = (
    "ROVERS 1-2 CITY\n\n"
    "POST-MATCH QUOTES\n"
    "Rovers manager Teo Hallam spoke to the media after the game.\n\n"
    "TEO HALLAM (Rovers manager)\n\n"
    "On the penalty:\n"
    '"That penalty is a nonsense."\n'
    "I've watched it back four times.\n\n"
    "ALSO SPEAKING\n"
    "The captain said the team was gutted.\n"
)


def test_a_quote_sheet_heading_makes_the_lines_under_it_turns_of_that_speaker():
    found = layout(SHEET)
    roles = [(p.role, p.label) for p in found.paragraphs if SHEET[p.start : p.end].startswith(('"', "I've", "On the"))]
    assert roles == [("boilerplate", None), ("turn", "TEO HALLAM"), ("turn", "TEO HALLAM")]


def test_a_line_in_capitals_closes_a_quote_sheet_section():
    found = layout(SHEET)
    [last] = [p for p in found.paragraphs if SHEET[p.start : p.end].startswith("The captain")]
    assert last.role == "body" and last.unit != found.paragraphs[-3].unit


EARNINGS_CALL = (
    "Halden Foods Q2 Earnings Call Transcript\n\n"
    "Call Participants\n\n"
    "Ines Barros -- Chief Executive Officer\n"
    "Tomas Wylde -- Chief Financial Officer\n"
    "Kofi Mensah -- Alder Partners -- Analyst\n\n"
    "Operator: Good morning and welcome. I will now hand over to Ines Barros.\n\n"
    "Ines Barros -- Chief Executive Officer\n\n"
    "Thank you. It was a hard quarter for the whole company.\n\n"
    "We have closed two plants.\n\n"
    "Operator: Our first question comes from Kofi Mensah.\n\n"
    "Kofi Mensah (Alder Partners): Good morning. Tomas, you said margins would recover. When?\n\n"
    "Tomas Wylde -- Chief Financial Officer\n\n"
    "By the fourth quarter.\n"
)


CALL_NAMES = {"Ines", "Tomas", "Kofi"}.__contains__


def _starting(found, text, opening):
    [para] = [p for p in found.paragraphs if text[p.start : p.end].startswith(opening)]
    return para


def test_a_speaker_line_with_a_role_after_two_dashes_makes_the_paragraphs_under_it_turns():
    found = layout(EARNINGS_CALL, given_name=CALL_NAMES)
    labels = [
        (_starting(found, EARNINGS_CALL, o).role, _starting(found, EARNINGS_CALL, o).label)
        for o in ("Thank you", "We have", "By the")
    ]
    assert labels == [("turn", "Ines Barros"), ("turn", "Ines Barros"), ("turn", "Tomas Wylde")]


def test_a_list_of_speaker_lines_opens_no_turn():
    found = layout(EARNINGS_CALL, given_name=CALL_NAMES)
    listed = _starting(found, EARNINGS_CALL, "Kofi Mensah -- Alder Partners")
    assert (listed.role, _starting(found, EARNINGS_CALL, "Operator: Good morning").label) != ("turn", "Kofi Mensah")
    assert listed.role != "turn"


def test_a_labelled_turn_closes_a_speaker_lines_section():
    found = layout(EARNINGS_CALL, given_name=CALL_NAMES)
    assert _starting(found, EARNINGS_CALL, "Operator: Our first").label != "Ines Barros"


def test_a_speaker_line_whose_first_name_is_unknown_opens_turns_when_the_participants_list_it():
    found = layout(EARNINGS_CALL, given_name=lambda _: None)
    assert _starting(found, EARNINGS_CALL, "By the").label == "Tomas Wylde"


def test_a_running_foot_with_a_dash_on_every_page_opens_no_turn():
    foot = "CVWA Media Release – Orlan Creek Dam"
    text = f"Release\n\nThe dam is safe, the Authority said.\n\n{foot}\n\nCrews worked all night.\n\n{foot}\n\nMore.\n"
    assert "turn" not in [p.role for p in layout(text, given_name=lambda _: None).paragraphs]


def test_a_page_number_of_pages_line_is_boilerplate():
    text = "Release\n\nThe dam is safe.\n\nCVWA Media Release – Orlan Creek Dam          Page 1 of 3\n\nMore.\n"
    assert layout(text).paragraphs[2].role == "boilerplate"


def test_an_outlets_name_and_section_after_a_dash_opens_no_turn():
    text = "HELVETIC DISPATCH – Economy\n\nHalden will close its plant, the company said.\n\nThe union said it would fight.\n"
    assert [p.role for p in layout(text, given_name=CALL_NAMES).paragraphs][1:] == ["body", "body"]


def test_a_turn_label_that_is_a_persons_name_keeps_it_before_the_firm_in_brackets():
    found = layout(EARNINGS_CALL, given_name=CALL_NAMES)
    assert _starting(found, EARNINGS_CALL, "Kofi Mensah (Alder").label == "Kofi Mensah"


TV_SCRIPT = (
    "KTRV NEWS AT 6 -- SCRIPT\n\n"
    "ANCHOR: The county will close its birthing unit.\n\n"
    "[SOT FULL]\n"
    "SOT: JOLENE SAUCEDO, LABOR AND DELIVERY NURSE\n"
    '"Nobody asked the nurses what it would take to stay."\n\n'
    "(VO)\n\n"
    "CLIP – FIACHRA MAC CARTHAIGH TD, HOUSING SPOKESPERSON: Every one of those children is in a hotel.\n\n"
    "ANCHOR TAG: The board meets again in January.\n"
)


RADIO_SCRIPT = (
    "VALLEY FM NEWS\nBULLETIN: 0800 MONDAY\n\n"
    "READER:\nThe harbour board says ferry fares to the islands will rise by a fifth in April, the first rise "
    "since the new timetable began, and councillors on the transport committee have backed it.\n"
    "ACT: CLLR ANNA FERGUS, TRANSPORT CONVENER (SPOKE TO VALLEY FM)\n"
    '"Nobody wants to pay more, but the boats are forty years old."\n'
    "IN: Nobody wants\nOUT: forty years old.\nDUR: 0:07\n\n"
    "READER:\nThe board's chair, Ewan Lockhart, told reporters the rise was unavoidable after two years of "
    "rising fuel costs and repairs to the older of the two boats on the route.\n"
    "ACT: EWAN LOCKHART, HARBOUR BOARD CHAIR\n"
    '"We held fares for six years. We cannot hold them for a seventh."\n'
    "IN: We held\nOUT: for a seventh.\nDUR: 0:06\n\n"
    "READER:\nThe A82 at Glen Arrin will close overnight from tonight for resurfacing, with a signed diversion "
    "through the village and delays of up to twenty minutes expected at peak times.\n\n"
    "READER:\nAnd in sport, Arrin Thistle were beaten three-nil at home on Saturday, their fourth defeat in five "
    "games, and they travel to the league leaders next weekend.\n\n"
    "SOC: Mairi Reid, Valley FM News.\n"
)


@pytest.mark.parametrize(
    ("script", "opening", "label"),
    [(TV_SCRIPT, '"Nobody asked', "JOLENE SAUCEDO"), (RADIO_SCRIPT, '"Nobody wants', "CLLR ANNA FERGUS")],
)
def test_a_clip_cue_before_a_name_and_role_line_makes_the_quote_under_it_a_turn(script, opening, label):
    assert _starting(layout(script), script, opening).label == label


WEB_SCRIPT = (
    "Editor's note: This story was adapted from the script of our 6 p.m. broadcast.\n\n"
    "(VO)\nCrews spent a third day at the bridge, where a tanker rolled onto its side.\n\n"
    "(SOT - Marisol Vega, Bexley Ferry resident)\n"
    "I've got a six-month-old. I'm mixing her formula with bottled water.\n\n"
    "TAKE VO\nThe county will hand out bottled water at three sites.\n\n"
    "(STANDUP - Kayla Brennan, WBXT 7 News)\nInvestigators are expected back at the bridge Thursday.\n"
)


def test_a_bracketed_sound_bite_line_makes_the_bite_under_it_a_turn_even_without_marks():
    assert _starting(layout(WEB_SCRIPT), WEB_SCRIPT, "I've got").label == "Marisol Vega"


def test_a_sound_bite_turn_ends_at_the_next_script_cue():
    assert _starting(layout(WEB_SCRIPT), WEB_SCRIPT, "The county will").role == "body"


def test_a_reporters_standup_line_opens_no_turn():
    assert _starting(layout(WEB_SCRIPT), WEB_SCRIPT, "Investigators are").role == "body"


def test_a_clip_cue_before_a_turn_label_is_no_part_of_the_label():
    found = layout(TV_SCRIPT)
    assert _starting(found, TV_SCRIPT, "CLIP –").label == "FIACHRA MAC CARTHAIGH TD"


def test_a_radio_scripts_in_out_and_duration_cues_are_boilerplate():
    found = layout(RADIO_SCRIPT)
    cues = [p for p in found.paragraphs if RADIO_SCRIPT[p.start : p.end].startswith(("IN:", "OUT:", "DUR:", "SOC:"))]
    assert len(cues) == 7
    assert {p.role for p in cues} == {"boilerplate"}


def test_the_newsreaders_link_after_a_clip_is_no_part_of_the_clips_turn(quotes_of):
    assert {q.speaker for q in quotes_of(RADIO_SCRIPT) if "unavoidable" in q.text} == {"Ewan Lockhart"}


COURT = (
    "TRANSCRIPT OF PROCEEDINGS\n\n"
    "THE COURT: Mr. Okafor, call your witness.\n"
    "MR. OKAFOR: I call Mrs. Ruth Vance.\n\n"
    "                RUTH VANCE, sworn\n"
    "            Examination by MR. OKAFOR\n\n"
    "BY MR. OKAFOR:\n"
    "Q. What is your position?\n"
    "A. I am the head of the school.\n"
    "MR. OKAFOR: Thank you.\n"
)


def test_an_examination_gives_q_turns_to_the_lawyer_and_a_turns_to_the_witness():
    found = layout(COURT)
    labels = [p.label for p in found.paragraphs if COURT[p.start : p.end].startswith(("Q.", "A."))]
    assert labels == ["MR. OKAFOR", "RUTH VANCE"]


def test_the_lines_that_open_an_examination_hold_no_speech():
    found = layout(COURT)
    silent = [COURT[p.start : p.end].strip() for p in found.paragraphs if p.role == "boilerplate"]
    assert silent == ["RUTH VANCE, sworn", "Examination by MR. OKAFOR", "BY MR. OKAFOR:"]


def test_a_party_label_in_brackets_is_read_as_blanks(rules):
    from quotes.extraction.plan import plan
    from quotes.models import Document

    text = "Hearing\n\nSEN. HAROLD BRANDT (R-OHIO): Thank you. Cllr Joan Pybus (Lab, Eastfield) said no.\n"
    document = Document("hearing.txt", text)
    found = plan(document, replace(rules, verb_forms=frozenset({"said"})))  # the model's irregular forms
    read = "".join(found.text_of(document, start, end) for start, end in found.parts)
    assert "OHIO" not in read and "Eastfield" not in read and "Pybus" in read


def test_a_stage_direction_with_its_time_stamp_is_silent_and_no_part_of_a_turn():
    text = (
        "Podcast\n\n[00:14:02] DEEPA: Welcome back.\n\n[00:14:20] TOM: It was packed.\n\n"
        "[00:16:38] DEEPA: More after this.\n\n[00:16:42] [AD BREAK]\n\n[00:18:50] DEEPA: We are back.\n"
    )
    roles = dict(_roles(text))
    assert roles["[00:16:42] [AD BREAK"] == "boilerplate"


def test_a_suspension_of_the_proceedings_is_silent():
    text = (
        "Estimates\n\n"
        "CHAIR: The committee will suspend.\n\n"
        "Senator DRUMMOND: Thank you.\n\n"
        "Ms Okafor: Thank you, Chair.\n\n"
        "Proceedings suspended from 10:31 to 10:45\n"
    )
    assert layout(text).paragraphs[-1].silent


def test_a_heading_in_capitals_in_a_transcript_ends_the_turn_before_it():
    text = (
        "Estimates\n\n"
        "CHAIR: The committee will suspend.\n\n"
        "Senator DRUMMOND: Thank you.\n\n"
        "Ms Okafor: Thank you, Chair.\n\n"
        "QUESTIONS TAKEN ON NOTICE\n\n"
        "1. Date the agency first assessed the target (Senator Drummond)\n"
    )
    paras = layout(text).paragraphs
    assert paras[-1].unit != paras[-3].unit


def test_the_fields_of_a_cms_export_are_boilerplate_and_no_transcript():
    text = (
        "SLUG: HARLOW-TWP-CROSSING-GUARD\n"
        "CATEGORY: NEWS / LOCAL\n"
        "UPDATED: 6:52 PM EST FEB 17 2026\n\n"
        "Family of crossing guard: 'Bernie would want you to come forward'\n\n"
        "A crossing guard was struck on Tuesday, police said.\n"
    )
    found = layout(text)
    assert not found.transcript and all(p.role in ("boilerplate", "headline", "body") for p in found.paragraphs)


def test_a_one_word_label_that_opens_several_paragraphs_of_an_interview_is_a_turn():
    text = (
        "Six questions\n\n"
        "We spoke by phone on Friday.\n\n"
        "Q: Why water?\n\n"
        "Alden: Because I kept getting the same phone call.\n\n"
        "Q: What changed?\n\n"
        "Alden: The bill is paid for.\n\n"
        "Q: Will the governor sign it?\n\n"
        "Update: The House votes on Tuesday.\n"
    )
    assert [p.label for p in layout(text).paragraphs if p.role == "turn"] == ["Q", "Alden", "Q", "Alden", "Q"]


def test_football_minutes_are_live_blog_time_stamps():
    text = "Live\n\n89'\n\nGOAL! Mathias heads in.\n\n90+3'\n\nA free kick goes over.\n"
    assert [p.role for p in layout(text).paragraphs] == ["headline", "timestamp", "body", "timestamp", "body"]


def test_a_status_label_is_no_turn():
    text = (
        "Live\n\n"
        "FULL TIME: Llanfeiriol 2-1 Caergwyn.\n\n"
        "HALF TIME: Llanfeiriol 0-1 Caergwyn.\n\n"
        "KICK-OFF: We are under way.\n\n"
        "BREAKING: The floodlights fail.\n"
    )
    found = layout(text)
    assert not found.transcript and not any(p.role == "turn" for p in found.paragraphs)


SUBTITLES = (
    "1\n00:00:01,000 --> 00:00:04,200\n♪ THEME MUSIC ♪\n\n"
    "2\n00:00:05,100 --> 00:00:09,800\n[ISLA MACRAE] Good evening, and welcome\nto Lochaber Live.\n\n"
    "3\n00:00:10,000 --> 00:00:12,000\n[APPLAUSE]\n\n"
    "4\n00:00:12,500 --> 00:00:14,600\n[PROVOST DUNCAN] Thank you, Isla.\n\n"
    "5\n00:00:15,000 --> 00:00:17,200\n[ISLA MACRAE] Our first question.\n"
)


def test_a_subtitle_files_bracketed_speaker_tags_are_turns():
    paras = layout(SUBTITLES).paragraphs
    assert [p.label for p in paras if p.role == "turn"] == ["ISLA MACRAE", "PROVOST DUNCAN", "ISLA MACRAE"]


def test_a_subtitle_files_cue_numbers_timings_and_music_hold_no_speech():
    paras = layout(SUBTITLES).paragraphs
    speaking = [SUBTITLES[p.start : p.end] for p in paras if not p.silent]
    assert all(text.startswith("[") and not text.startswith("[APPLAUSE]") for text in speaking)


def test_congressional_record_labels_with_a_full_stop_are_turns():
    text = (
        "HEARING\n\nThe Subcommittee met at 10:02 a.m.\n\n"
        "The CHAIR. The Subcommittee will come to order.\n\n"
        "Ms. CALDER. Thank you, Mr. Chair. It is strange to sit at this end of the table.\n\n"
        "Mr. DELGADO. Thank you, Mr. Chair, and welcome, Senator.\n"
    )
    paras = layout(text).paragraphs
    assert [p.label for p in paras if p.role == "turn"] == ["The CHAIR", "Ms. CALDER", "Mr. DELGADO"]


def test_a_headline_of_a_name_and_a_quote_is_no_turn():
    text = (
        "HARBOUR SPORT\n\n"
        "Mendes: 'We were robbed in the last minute'\n\n"
        "United drew 1-1 with City on Sunday.\n\n"
        "Q: Was it a penalty?\n\n"
        "Mendes: I have seen it once.\n\n"
        "Q: And the corners?\n\n"
        "Mendes: We must defend them better.\n\n"
        "Q: Is the squad tired?\n\n"
        "Mendes: No, they are young.\n"
    )
    found = layout(text, load_rules().dateline).paragraphs
    assert [p.role for p in found[:3]] == ["headline", "body", "body"]
    assert found[2].unit == 0


def _labels(*turns: str) -> list[str | None]:
    """The turn labels layout finds in paragraphs after a heading."""
    text = "Heading\n\n" + "\n\n".join(turns) + "\n"
    return [p.label for p in layout(text, load_rules().dateline).paragraphs[1:]]


def test_two_one_word_labels_taking_turns_make_a_transcript():
    found = _labels(
        "Question: Is the minister worried about the haze?",
        "Spokesperson: She is following it closely.",
        "Question: Will she travel there?",
        "Spokesperson: Not this week.",
    )
    assert found == ["QUESTION", "Spokesperson", "QUESTION", "Spokesperson"]


def test_a_witness_label_with_a_long_affiliation_in_brackets_opens_a_turn():
    witness = "Dr. Ingrid Solheim (Director General, Ecosystem Science, Department of Fisheries and Oceans): It was."
    found = _labels("The Chair (Mr. Luc Arsenault): Order.", witness, "Ms. Priya Hundal: Was it?", "Dr. Ingrid Solheim: Yes.")
    assert found[1] == "Dr. Ingrid Solheim"


def test_an_outlet_on_the_line_under_a_byline_is_part_of_it():
    text = "Factory town\n\nBy TESSA GRAYBILL\nUnited Wire Press\n\nMARLOW FALLS, Ohio — The plant will close, Halden said.\n"
    assert [role for _, role in _roles(text)][1:3] == ["byline", "byline"]


def test_a_printed_pages_running_head_and_foot_are_boilerplate():
    text = (
        "Story\n\nThe crews did what they should have done.\n\n"
        "4 | THE UPLAND GAZETTE | TUESDAY, OCTOBER 28, 2025\n\nPage 5 | The Upland Gazette | Tuesday\n\nMore.\n"
    )
    assert [p.role for p in layout(text).paragraphs][2:4] == ["boilerplate", "boilerplate"]


def test_a_contributors_credit_after_a_dash_is_boilerplate():
    text = "Dike\n\nThe senator said the hearing would be held on November 11.\n\n—With a report from Carmina Dizon\n"
    assert layout(text).paragraphs[-1].role == "boilerplate"


PRESS_BRIEFING = (
    "PORT ADAIR POLICE DEPARTMENT\n\n"
    "TRANSCRIPT: Media briefing on the Highway 9 bus collision\n"
    "Participants: Chief Ada Reyes; Sgt. Luis Ortega\n\n"
    "CHIEF ADA REYES: Good afternoon, everyone.\n\n"
    "SGT. LUIS ORTEGA: Thank you, Chief.\n\n"
    "CHIEF ADA REYES: That's all for today.\n\n"
    "Morning Line is broadcast weekdays from 6AM. Transcripts are produced from the audio and may contain errors.\n"
)


def test_a_transcripts_header_label_is_no_turn():
    found = layout(PRESS_BRIEFING)
    assert _starting(found, PRESS_BRIEFING, "TRANSCRIPT:").role != "turn"


def test_a_transcripts_note_on_how_it_was_produced_is_boilerplate():
    found = layout(PRESS_BRIEFING)
    assert _starting(found, PRESS_BRIEFING, "Morning Line").role == "boilerplate"


def test_a_narrow_column_under_a_wide_masthead_is_joined_into_paragraphs():
    text = (
        "THE HARMON FALLS SENTINEL   Thursday, October 17, 1996   25 CENTS\n\n"
        "Plant manager Leonard Voss said\n"
        "the mill, which opened in 1911,\n"
        "could no longer compete with\n"
        "newer, larger plants in the South.\n\n"
        '"I know what this mill means to\n'
        'this town," Voss said at a news\n'
        "conference in the company cafe-\n"
        'teria. "It was not a decision\n'
        'anyone here wanted to make."\n'
    )
    assert len(paragraphs(text)) == 3


def test_a_round_up_bullet_opening_with_a_name_and_who_they_are_is_their_turn():
    text = (
        "WHAT THEY SAID\n\n"
        "Here is what people said:\n\n"
        "- NEIL ASHDOWN, outgoing manager, in a statement issued through his agent: 'I gave this club everything.'\n\n"
        "- Pauline Birtwistle, chair of the supporters' trust, on X: 'Fans deserve answers.'\n\n"
        "- GRAHAM TULLY, Harfield Town manager, after the match: 'He is a good coach.'\n"
    )
    assert [p.label for p in layout(text).paragraphs if p.role == "turn"] == [
        "NEIL ASHDOWN",
        "Pauline Birtwistle",
        "GRAHAM TULLY",
    ]


def test_a_chat_exports_lines_are_turns_of_their_senders():
    text = (
        "Leaked chat\n\n"
        "[10:42, 03/03/2026] Greg Hartley: Numbers are locked in for Thursday.\n"
        "[10:44, 03/03/2026] Bev Okonjo-Reid: I said I'd think about it Greg.\n"
        "03/03/2026, 10:45 - Tony Lisle: Has anyone read the traffic report?\n"
    )
    assert [p.label for p in layout(text).paragraphs if p.role == "turn"] == ["Greg Hartley", "Bev Okonjo-Reid", "Tony Lisle"]


def test_a_chat_export_stamped_date_first_in_brackets_is_turns_of_its_senders():
    text = (
        "Leaked chat\n\n"
        "[03/03/2026, 10:42] Greg Hartley: Numbers are locked in for Thursday.\n"
        "[03/03/2026, 10:44:09] Bev Okonjo-Reid: I said I'd think about it Greg.\n"
        "[3/3/26, 10:45 PM] Tony Lisle: Has anyone read the traffic report?\n"
    )
    assert [p.label for p in layout(text).paragraphs if p.role == "turn"] == ["Greg Hartley", "Bev Okonjo-Reid", "Tony Lisle"]


def test_an_automatic_transcripts_speaker_numbers_are_turn_labels():
    text = "Episode\n\n[00:00:03] Speaker 1: Hi, everybody.\n\n[00:00:11] Speaker 3: Hey.\n\n[00:00:20] SPEAKER_02: Thanks.\n"
    assert [p.label for p in layout(text).paragraphs if p.role == "turn"] == ["Speaker 1", "Speaker 3", "SPEAKER_02"]


WRITTEN_ANSWERS = (
    "WRITTEN ANSWERS\n\n"
    "Asked by Baroness Pelham of Moorfoot (Heritage)\n\n"
    "To ask His Majesty's Government what contingency arrangements are in place.\n\n"
    "Answered by Lord Ferrier on 3 March 2026\n\n"
    '"The Government regrets the decision of the union."\n\n'
    '"The offer is fair and affordable."\n\n'
    "Comment\n\n"
    "Baroness Pelham said the plan was thin.\n"
)


def test_a_written_answers_headings_make_the_paragraphs_under_them_turns():
    found = layout(WRITTEN_ANSWERS)
    labels = [_starting(found, WRITTEN_ANSWERS, o).label for o in ("To ask", '"The Government', '"The offer')]
    assert labels == ["Baroness Pelham of Moorfoot", "Lord Ferrier", "Lord Ferrier"]


def test_a_short_sub_head_ends_a_headed_section():
    found = layout(WRITTEN_ANSWERS)
    assert _starting(found, WRITTEN_ANSWERS, "Comment").role != "turn"
    assert _starting(found, WRITTEN_ANSWERS, "Baroness Pelham said").unit != _starting(found, WRITTEN_ANSWERS, '"The offer').unit


INTERVIEW = (
    "Ten minutes with the harbourmaster\n\n"
    "Captain Ines Varga runs the busiest port on the coast. She tells Tom Reddy about the new quay.\n\n"
    "This interview has been edited for length and clarity.\n\n"
    "When will the quay open?\n\n"
    "In March, if the weather holds. The cranes arrive next month.\n\n"
    "We will run two shifts from the first week.\n\n"
    "And the fishermen?\n\n"
    "They have their own berths, and nobody is moving them.\n"
)


def test_an_unlabelled_interview_after_its_editing_note_is_question_and_answer_turns():
    paras = layout(INTERVIEW).paragraphs
    assert [(p.role, p.label) for p in paras[2:]] == [
        ("boilerplate", None),
        ("turn", "Q"),
        ("turn", "A"),
        ("body", None),
        ("turn", "Q"),
        ("turn", "A"),
    ]
    assert paras[4].unit == paras[5].unit != paras[3].unit


def test_questions_without_an_editing_note_make_no_turns():
    text = INTERVIEW.replace("This interview has been edited for length and clarity.\n\n", "")
    assert [p.role for p in layout(text).paragraphs if p.role == "turn"] == []


def test_a_paragraph_with_a_quote_after_a_bare_question_is_the_reporters_narration():
    text = INTERVIEW.replace("They have their own berths", 'She laughs. "Next question," she says. They have')
    last = layout(text).paragraphs[-1]
    assert (last.role, last.label) == ("body", None)


def test_an_answer_in_the_first_person_that_quotes_someone_is_still_the_answer():
    text = INTERVIEW.replace("They have their own berths", 'One skipper said, "Leave us be." I think about that. They have')
    last = layout(text, first_person=load_rules().first_person).paragraphs[-1]
    assert (last.role, last.label) == ("turn", "A")


def test_the_unlabelled_paragraph_after_a_q_turn_is_the_answer():
    text = (
        "Interview\n\n"
        "Q: When will the quay open?\n\nIn March, if the weather holds.\n\n"
        "Q: And the fishermen?\n\nThey keep their berths.\n\n"
        "Q: And the ferry?\n\nIt stays.\n"
    )
    assert [p.label for p in layout(text).paragraphs if p.role == "turn"] == ["Q", "A", "Q", "A", "Q", "A"]


def test_a_headline_with_a_colon_leaves_the_bare_answers_after_q_turns():
    text = (
        "IN FULL: Ward after the cup defeat\n\n"
        "Q: How do you sum it up?\n\nGutted.\n\n"
        "Q: And the penalty?\n\nNever a penalty.\n\n"
        "Q: What next?\n\nWe go again on Wednesday.\n"
    )
    assert [p.label for p in layout(text).paragraphs if p.role == "turn"] == ["Q", "A", "Q", "A", "Q", "A"]


PODCAST = (
    "Supply Lines, Episode 87\n\n"
    "[00:11:48] Owen Mallory: Tomás, let's start with the ship.\n\n"
    "[00:12:02] Tomás Ilunga: More easily than you'd think.\n\n"
    "[00:12:58] Owen: Because the satellite link was down.\n\n"
    "[00:13:01] Tomás: Because the link was down, and nobody had designed for it.\n\n"
    "[00:13:03] Tomás: Every time.\n\n"
    "[00:13:06] Owen: We'll take a short break.\n\n"
    "Links from this episode\n\n"
    "Meridale recall notice\n"
)


def test_a_one_word_label_after_a_time_stamp_opens_a_turn():
    labels = [p.label for p in layout(PODCAST).paragraphs if p.role == "turn"]
    assert labels == ["Owen Mallory", "Tomás Ilunga", "Owen", "Tomás", "Tomás", "Owen"]


def test_a_short_title_after_a_transcripts_last_turn_is_no_part_of_it():
    found = layout(PODCAST).paragraphs
    last_turn = [p for p in found if p.role == "turn"][-1]
    links = next(p for p in found if PODCAST[p.start : p.end] == "Links from this episode")
    assert links.unit != last_turn.unit


MEETING = (
    "Owners meeting\n\nTranscript generated automatically.\n\n"
    "Grant Hollis   0:04\nOK, I think we are recording. Welcome, everyone.\n\n"
    "Priya Raman   0:21\nThanks, Grant. Can everyone hear me?\n\n"
    "Deb Nguyen   0:25\nYep, loud and clear.\n\n"
    "Priya Raman   0:29\nGreat. A quick update on the court case first.\n"
)


def test_a_name_and_a_time_on_a_line_of_their_own_head_a_turn():
    labels = [p.label for p in layout(MEETING).paragraphs if p.role == "turn"]
    assert labels == ["Grant Hollis", "Priya Raman", "Deb Nguyen", "Priya Raman"]


def test_a_question_under_a_label_alone_on_its_line_is_that_speakers_turn():
    found = layout(MEETING).paragraphs
    asked = next(p for p in found if MEETING[p.start : p.end].startswith("Thanks, Grant"))
    heading = next(p for p in found if MEETING[p.start : p.end].startswith("Priya Raman   0:21"))
    assert (asked.role, asked.unit) == ("body", heading.unit)


QUESTION_TIME = (
    "Parliament digest\n\nQUESTION 1: Rural water\n\n"
    "Hon MERE PARAONE (Progressive—Te Awa South) to the Minister of Local Government\n\n"
    "Question: Does she stand by her statement of 4 March?\n\n"
    "Answer: Hon LOUISE BANBURY (Heritage—Kaimarama): Yes. Every scheme will be funded.\n\n"
    "Supplementary, Hon MERE PARAONE: Then why has the trust been told otherwise?\n\n"
    "Answer: Because every grant is reviewed every year.\n\n"
    "Point of order, Hon DAVID KERSLAKE (Heritage—Rangitoto East): The member is quoting a letter.\n\n"
    "QUESTION 2: Pacific water\n\n"
    "SIONE LAUINA (Progressive—Manukau Harbour) to the Minister for Pacific Peoples\n\n"
    "Question: What is the Government doing to support water security?\n\n"
    "Answer: Hon REBECCA THORNE (Heritage—Ōtaki Plains): Today I can confirm a new fund.\n\n"
    "After the session Ms Paraone posted:\n\n"
    "Kaimarama has a letter saying its grant is under review.\n"
)


def _turn_labels(text):
    return [(text[p.lead_end : p.end][:12], p.label) for p in layout(text).paragraphs if p.role == "turn"]


def test_question_times_heading_names_who_asks_the_question_turns():
    assert _turn_labels(QUESTION_TIME)[0] == ("Does she sta", "Hon MERE PARAONE")


def test_an_answer_label_that_names_the_member_gives_the_answers_after_it_to_them():
    labels = _turn_labels(QUESTION_TIME)
    assert (labels[1], labels[3]) == (("Yes. Every s", "Hon LOUISE BANBURY"), ("Because ever", "Hon LOUISE BANBURY"))


def test_a_procedural_prefix_before_a_members_name_opens_their_turn():
    labels = [label for _, label in _turn_labels(QUESTION_TIME)]
    assert labels[2] == "Hon MERE PARAONE" and labels[4] == "Hon DAVID KERSLAKE"


def test_a_paragraph_bringing_in_what_comes_next_is_no_part_of_the_last_turn():
    found = layout(QUESTION_TIME).paragraphs
    last_turn = [p for p in found if p.role == "turn"][-1]
    post = next(p for p in found if QUESTION_TIME[p.start : p.end].startswith("Kaimarama has"))
    assert post.unit != last_turn.unit


def test_the_speakers_own_words_bringing_in_a_letter_stay_in_their_turn():
    text = (
        "Senate\n\nMr. HALVORSEN. Mr. President, the money has not arrived.\n\n"
        "Mr. PENNOCK. The Senator may proceed.\n\nMr. HALVORSEN. Thank you.\n\n"
        "Last week I received a letter from a school nurse. She writes:\n\n"
        "We are still waiting.\n"
    )
    found = layout(text, first_person=load_rules().first_person).paragraphs
    last_turn = [p for p in found if p.role == "turn"][-1]
    letter = next(p for p in found if text[p.start : p.end].startswith("Last week"))
    assert letter.unit == last_turn.unit


ESTIMATES = (
    "THE SENATE\n\nEstimates\n\n"
    "Members in attendance: Senators Alistair Crewe, Bronwyn McTaggart, Joanne Pettigrew (Chair).\n\n"
    "CHAIR: We will resume with the department. Senator McTaggart, you have the call.\n\n"
    "Senator McTAGGART: Thank you, Chair. Where is the money?\n\n"
    "CHAIR: Briefly, please.\n"
)


def test_a_role_in_brackets_on_an_attendance_line_names_the_role_label_in_the_turns_after():
    labels = [p.label for p in layout(ESTIMATES).paragraphs if p.role == "turn"]
    assert labels == ["Joanne Pettigrew", "Senator McTAGGART", "Joanne Pettigrew"]


DEBATE = (
    "Dáil debate\n\n"
    "Harbour Bill: Statements\n\n"
    "An Ceann Comhairle (Deputy Nora Keane) took the Chair at 2 p.m.\n\n"
    "An Ceann Comhairle: I call the Minister.\n\n"
    "Deputy Liam Walsh: I move that the Bill be read a second time.\n\n"
    "Deputy Aoife Ryan: We oppose it.\n\n"
    "An Ceann Comhairle: The Deputy has one minute.\n"
)


def test_a_chair_line_names_the_chairs_label_in_the_turns_after_and_is_silent():
    paras = layout(DEBATE).paragraphs
    assert paras[2].silent
    assert [p.label for p in paras if p.role == "turn"] == [
        "Deputy Nora Keane",
        "Deputy Liam Walsh",
        "Deputy Aoife Ryan",
        "Deputy Nora Keane",
    ]


def test_a_labelled_title_above_the_first_turn_is_a_heading_and_no_turn():
    heading = layout(DEBATE).paragraphs[1]
    assert (heading.role, heading.label) == ("boilerplate", None)


PHONE_IN = (
    "HALDEN SPORT - TERRACE TALK\n\n"
    "Presented by Mick Darnell, with Lorna Pike\n\n"
    "HOST: Right, let's go to the phones. Dave's in Hexley.\n\n"
    "CALLER (Dave, Hexley): Evening Mick. The manager is out of order.\n\n"
    "CO-HOST: He did say that.\n\n"
    "Q (Ben Muir, The Coastal Ledger): Will you resign?\n"
)


def test_a_name_before_a_comma_in_a_labels_brackets_is_the_speaker():
    labels = [p.label for p in layout(PHONE_IN, given_name=load_rules().first_name_gender).paragraphs if p.role == "turn"]
    assert labels[1] == "Dave" and labels[3] == "Ben Muir"


def test_a_presenters_credit_line_names_the_host_labels_and_is_silent():
    paras = layout(PHONE_IN, given_name=load_rules().first_name_gender).paragraphs
    assert paras[1].silent
    assert [p.label for p in paras if p.role == "turn"][0::2] == ["Mick Darnell", "Lorna Pike"]


def test_a_show_title_with_its_presenters_name_names_the_host_label():
    credits = "HALDEN SPORT - TERRACE TALK\n\nPresented by Mick Darnell, with Lorna Pike"
    text = PHONE_IN.replace(credits, "TERRACE TALK WITH MICK DARNELL")
    paras = layout(text, given_name=load_rules().first_name_gender).paragraphs
    assert next(p.label for p in paras if p.role == "turn") == "MICK DARNELL"


def test_initials_in_brackets_after_names_above_the_turns_name_the_initial_labels():
    text = (
        "THE LONG HAUL\n\nHosts: Nadia Fenwick (NF), Callum Birtles (CB)\n"
        "Guests: Prof. Helen Marchetti (HM), Aldermoor University\n\n"
        "[00:12:03] NF: Helen, is that still how you feel?\n\n[00:12:14] HM: More than ever.\n\n"
        "[00:12:22] CB: The landfill birds.\n\n[00:12:24] HM: The landfill birds.\n"
    )
    paras = layout(text, given_name=load_rules().first_name_gender).paragraphs
    labels = [p.label for p in paras if p.role == "turn"]
    assert labels == ["Nadia Fenwick", "Helen Marchetti", "Callum Birtles", "Helen Marchetti"]


def test_a_role_calling_a_name_after_the_first_turn_is_no_cast_line():
    text = (
        "Transcript\n\n"
        "HIS HONOUR: Yes, Ms Lee.\n\n"
        "MS LEE: Thank you, Your Honour.\n\n"
        "HIS HONOUR: Mr Achterberg.\n\n"
        "MR ACHTERBERG: Your Honour, my client pleaded guilty.\n\n"
        "HIS HONOUR: Take your time.\n"
    )
    assert [p.label for p in layout(text).paragraphs if p.role == "turn"][-1] == "HIS HONOUR"


def test_a_one_word_label_answering_a_question_turn_is_a_turn():
    text = (
        "Live\n\n"
        "Q (Ben Muir, The Coastal Ledger): Mr Menon, did the council see the design?\n\n"
        "Menon: No. The permit was issued on the structural drawings.\n\n"
        "Q (Sofia Bruni, Il Corriere): Lord Mayor, will you resign?\n\n"
        "Callaghan: No.\n\n"
        "Q (Aisha Grant, 7HR News): Should the council have stopped it?\n\n"
        "Callaghan: I intend to finish the job.\n"
    )
    paras = layout(text, given_name=load_rules().first_name_gender).paragraphs
    assert [p.label for p in paras if p.role == "turn"][:2] == ["Ben Muir", "Menon"]


UN_RECORD = (
    "Security Council\n\n"
    "President:  Mr. Lucien Ferrand ........................ (France)\n\n"
    "The PRESIDENT (spoke in French): The agenda is adopted.\n\n"
    "Ms. Meissner: I thank the Council.\n\n"
    "Mr. Zhou Weiming (China) (spoke in Chinese): China thanks Ms. Meissner.\n\n"
    "The PRESIDENT (spoke in French): There are no more names on the list.\n"
)


def test_a_label_may_carry_a_delegation_and_a_language_in_brackets():
    labels = [p.label for p in layout(UN_RECORD).paragraphs if p.role == "turn"]
    assert "Mr. Zhou Weiming" in labels


def test_a_cast_line_with_a_dot_leader_names_the_president_of_the_turns():
    labels = [p.label for p in layout(UN_RECORD).paragraphs if p.role == "turn"]
    assert labels[0] == labels[-1] == "Mr. Lucien Ferrand"


def test_a_turn_line_that_is_only_a_name_heads_the_answer_under_it():
    text = (
        "Call\n\nOperator: Our first question comes from Priya Raman.\n\n"
        "Q: How many customers were affected?\n\n"
        "A: HELENA STRAND\nRoughly 9% of our customers saw errors.\n\n"
        "Operator: Our next question comes from Tomás Ibarra.\n\n"
        "Q: And the credits?\n\n"
        "A: HELENA STRAND\nAbout $14 million.\n"
    )
    paras = layout(text).paragraphs
    labels = ["Operator", "Q", "Helena Strand", "Operator", "Q", "Helena Strand"]
    assert [p.label for p in paras if p.role == "turn"] == labels


THREAD = (
    "# Thread of the week\n\n"
    "kestrel_ops 9 hours ago | 164 points\n\n"
    "Submitter here. Worth reading the whole thing.\n\n"
    "mvoss_sre 2 hours ago | 188 points\n\n"
    "I work on the storage control plane.\n\n"
    "We have since split the emergency path in two.\n"
)


def test_a_forum_threads_comment_headers_make_their_paragraphs_the_users_turns():
    paras = layout(THREAD).paragraphs
    assert [(p.label, THREAD[p.text_start : p.end][:12]) for p in paras if p.role == "turn" and p.text_start < p.end] == [
        ("kestrel_ops", "Submitter he"),
        ("mvoss_sre", "I work on th"),
        ("mvoss_sre", "We have sinc"),
    ]


REDDIT_THREAD = (
    "# The AMA\n\n"
    "u/MayorAnnPryce · Verified · 6h\n\n"
    "Hi everyone. Ask me anything about the plant.\n\n"
    "u/rivet_and_rust · 5h\n\n"
    "Did the city know before Tuesday?\n\n"
    "[deleted] · 3h\n\n"
    "[removed by moderator]\n"
)


def test_reddit_comment_headers_with_a_flair_and_a_short_age_make_turns():
    paras = layout(REDDIT_THREAD).paragraphs
    turns = [(p.label, REDDIT_THREAD[p.text_start : p.end][:12]) for p in paras if p.role == "turn" and p.text_start < p.end]
    assert turns[:2] == [("u/MayorAnnPryce", "Hi everyone."), ("u/rivet_and_rust", "Did the city")]


def test_a_deleted_comments_header_ends_the_comment_before_it():
    paras = layout(REDDIT_THREAD).paragraphs
    removed = next(p for p in paras if REDDIT_THREAD[p.start : p.end].startswith("[removed"))
    assert removed.label == "[deleted]"  # no one's: not the comment before it


DIGEST = (
    "Today's Topics:\n"
    "\n"
    "   1. Harbour crane outage - details? (Marek Wolanski)\n"
    "   2. Re: Harbour crane outage - details? (Joy Ekwueme)\n"
    "\n"
    "----------------------------------------------------------------------\n"
    "\n"
    "Message: 1\n"
    "Date: Tue, 3 Mar 2026 09:14:52 +0100\n"
    "From: Marek Wolanski <m.wolanski@example.org>\n"
    "To: harbour-list@example.org\n"
    "Subject: Harbour crane outage - details?\n"
    "\n"
    "Hi all,\n"
    "\n"
    "The operator put out a notice this morning about the crane that was\n"
    "down at the container terminal in February. Their notice says the\n"
    "crane lost power for most of a shift. The contractor says the backup\n"
    "generator started but a faulty breaker kept it off the crane circuit.\n"
    "\n"
    "Has anyone seen the switchboard arrangement on that terminal? I would\n"
    "have expected the crane bus to have its own feed from the emergency\n"
    "side of the board, as every newer terminal has.\n"
    "\n"
    "Marek\n"
    "\n"
    "------------------------------\n"
    "\n"
    "Message: 2\n"
    "Date: Tue, 3 Mar 2026 11:02:37 +0000\n"
    "From: Joy Ekwueme <joy@example.org>\n"
    "To: harbour-list@example.org\n"
    "Subject: Re: Harbour crane outage - details?\n"
    "\n"
    "The crew told the surveyor that the alarms showed on the console\n"
    "from the first hour, and nobody on shift knew what they meant. That\n"
    "is a training problem as much as a design problem, and the operator\n"
    "should say so in its report rather than blame one breaker for it.\n"
    "\n"
    "Joy\n"
)


def test_a_mailing_list_digests_header_lines_are_no_turns():
    assert [p.label for p in layout(DIGEST).paragraphs if p.role == "turn"] == []


REDDIT_PAGE = (
    "**r/Harbourton** · Posted by u/HarbourtonWater · Mar 5, 2026 · Verified by moderators\n\n"
    "Hi r/Harbourton. I run the water authority. Ask me anything.\n\n"
    "---\n\n"
    "**u/BoroughMods** · MOD · 📌 Pinned\n\n"
    "Be civil.\n\n"
    "**u/kettle_mum** · 412 points\n\n"
    "Do I need to throw out the ice?\n\n"
    "**↳ u/HarbourtonWater** (Ana Whitlock) · OP · 388 points\n\n"
    "Yes, any ice made since Monday.\n"
)


def _turns_of(text: str) -> list[tuple[str | None, str]]:
    turns = [p for p in layout(text).paragraphs if p.role == "turn"]
    return [(p.label, text[p.text_start : p.end][:12]) for p in turns if text[p.text_start : p.end].strip() not in ("", "---")]


def test_a_reddit_posts_header_names_its_poster():
    assert _turns_of(REDDIT_PAGE)[0] == ("u/HarbourtonWater", "Hi r/Harbour")


def test_reddit_comment_headers_in_bold_with_flair_between_dots_make_turns():
    assert ("u/BoroughMods", "Be civil.") in _turns_of(REDDIT_PAGE) and ("u/kettle_mum", "Do I need to") in _turns_of(REDDIT_PAGE)


def test_a_reply_header_with_a_real_name_in_brackets_gives_the_turn_to_the_name():
    assert _turns_of(REDDIT_PAGE)[-1] == ("Ana Whitlock", "Yes, any ice")


def test_comment_headers_over_quoted_comments_make_no_thread():
    text = (
        "# The telemetry row\n\n"
        "@mkovacs commented on Mar 1\n\n"
        '"After upgrading, every instance calls home."\n\n'
        "Within hours the issue had sixty reactions.\n\n"
        "@tinpot-dev commented on Mar 2\n\n"
        '"Same here."\n'
    )
    assert [p for p in layout(text).paragraphs if p.role == "turn"] == []


def test_a_hearings_title_and_name_with_a_full_stop_open_a_turn():
    text = (
        "HEARING\n\n"
        "Chair Whitfield. The subcommittee will come to order.\n\n"
        "Senator Dunmore. Thank you, Madam Chair.\n\n"
        "Mr. Halvorsen. Thank you. I am sorry.\n"
    )
    labels = [p.label for p in layout(text).paragraphs if p.role == "turn"]
    assert labels == ["Chair Whitfield", "Senator Dunmore", "Mr. Halvorsen"]


CONGRESSIONAL_RECORD = (
    "HEARING\n\n"
    "    The CHAIRMAN. The subcommittee will come to order.\n"
    "    Chief QUINTERO. Thank you, Mr. Chairman.\n"
    "    We had three engines on the ridge.\n\n"
    "   STATEMENT OF THEODORA KWARTENG, Ph.D., FIRE ECOLOGIST, HIGH DESERT\n\n"
    "    Dr. KWARTENG. Thank you, Chairman.\n"
)


def test_a_rank_and_a_name_in_capitals_with_a_full_stop_open_a_turn():
    labels = [p.label for p in layout(CONGRESSIONAL_RECORD).paragraphs if p.role == "turn"]
    assert labels[:2] == ["The CHAIRMAN", "Chief QUINTERO"]


def test_a_heading_in_capitals_with_an_abbreviation_is_no_part_of_the_turn_before():
    paras = layout(CONGRESSIONAL_RECORD).paragraphs
    heading = next(p for p in paras if "STATEMENT OF" in CONGRESSIONAL_RECORD[p.start : p.end])
    engines = next(p for p in paras if "three engines" in CONGRESSIONAL_RECORD[p.start : p.end])
    assert heading.unit != engines.unit


def test_a_place_in_mixed_case_before_a_spaced_dash_is_a_dateline():
    text = "Chemicals\n\nWesselbach/London – The chief executive of Hallinger Chemie, Dr. Ulrike Manthey, conceded failings.\n"
    paras = layout(text, load_rules().dateline).paragraphs
    assert text[paras[1].text_start : paras[1].end].startswith("The chief executive")


def test_a_numbered_role_with_a_name_in_brackets_opens_a_turn():
    text = (
        "Morning show\n\nANCHOR 1 (Rachel Stein): Good morning.\n\n"
        "ANCHOR 2 (Dev Khanna): Four people were hurt.\n\nANCHOR 1 (Rachel Stein): Thank you.\n"
    )
    assert [p.label for p in layout(text).paragraphs if p.role == "turn"] == ["Rachel Stein", "Dev Khanna", "Rachel Stein"]


LETTERS = (
    "THE KESTON ECHO\n\n"
    "LETTERS\n\n"
    "Write to: Letters, The Keston Echo, 1 Mill Street, or email letters@keston.example.\n\n"
    "Buses are not 'fine'\n\n"
    "The councillor tells us the new timetable is working. It is not.\n\n"
    "My daughter waited forty minutes on Tuesday.\n\n"
    "Anne Whitlow, Orchard Rise, Keston\n\n"
    "Why the hurry?\n\n"
    "Nobody asked the people of Lowe End before the route was cut.\n\n"
    "Cllr Ravi Mehta, Lowe End Ward, Keston\n\n"
    "CORRECTION: Last week we gave the wrong date for the fair.\n"
)


def test_a_letters_page_gives_each_letters_paragraphs_to_the_name_that_signs_it():
    paras = layout(LETTERS).paragraphs
    assert [(p.label, LETTERS[p.text_start : p.end][:12]) for p in paras if p.role == "turn"] == [
        ("Anne Whitlow", "The councill"),
        ("Anne Whitlow", "My daughter "),
        ("Cllr Ravi Mehta", "Nobody asked"),
    ]


def test_a_letters_title_and_signature_hold_no_speech():
    roles = dict(_roles(LETTERS))
    assert (roles["Buses are not 'fine'"], roles["Why the hurry?"], roles["Anne Whitlow, Orchar"]) == ("boilerplate",) * 3
