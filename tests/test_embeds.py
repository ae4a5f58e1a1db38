"""Embedded social-media posts (no model)."""

from __future__ import annotations

import pytest

from quotes.extraction.embeds import clean_display_name, find_embeds


def test_embed_on_one_paragraph():
    text = "Intro.\n\nFerry service resumes at dawn. pic.twitter.com/abc123 — Harbour News (@harbournews) March 3, 2023\n\nMore."
    [post] = find_embeds(text)
    assert post.text == "Ferry service resumes at dawn. pic.twitter.com/abc123"
    assert post.embed_author == "Harbour News"
    assert post.embed_handle == "harbournews"


def test_embed_over_paragraphs_separated_by_wide_gaps():
    text = "Reporting paragraph.\n\nFirst line of the post\n\n\n\nSecond line of the post — Jane Roe (@janeroe) 4 May 2022"
    [post] = find_embeds(text)
    assert post.text == "First line of the post\n\n\n\nSecond line of the post"


def test_two_embeds_do_not_merge():
    text = "One post — A (@a) May 1, 2021\n\n\n\nOther post — B (@b) May 2, 2021"
    posts = find_embeds(text)
    assert [p.text for p in posts] == ["One post", "Other post"]


def test_display_name_drops_emoji_placeholders():
    assert clean_display_name("CITY DESK ???? ????") == "CITY DESK"


def test_signature_on_a_line_of_its_own_closes_the_post_above():
    post_text = "Ferry service resumes at dawn. pic.twitter.com/abc123"
    text = f"She posted:\n\n{post_text}\n— Harbour News (@harbournews) March 3, 2023\n\nMore."
    [post] = find_embeds(text)
    assert post.text == "Ferry service resumes at dawn. pic.twitter.com/abc123"
    assert post.embed_author == "Harbour News"


def test_a_handle_with_dots_signs_an_embedded_post():
    text = "Day 94 of living in a caravan on our own drive, still no builder.\n— Kerry Smith (@kerry.builds.home) March 3, 2024\n"
    [post] = find_embeds(text)
    assert (post.embed_author, post.embed_handle) == ("Kerry Smith", "kerry.builds.home")


def test_a_handle_with_hyphens_signs_an_embedded_post():
    text = "Huge thanks to everyone who helped.\n— Nadia Okafor-Reid (@nadia-okafor-reid) 11 March 2025 · LinkedIn\n"
    [post] = find_embeds(text)
    assert (post.embed_author, post.embed_handle) == ("Nadia Okafor-Reid", "nadia-okafor-reid")


def test_an_instagram_post_is_signed_by_the_line_after_it():
    text = (
        "The singer posted on Instagram.\n\n"
        "The tour is off for now. Thank you all. — D\n\n"
        "A post shared by Lena Moss (@lenamoss)\n\nMore."
    )
    [post] = find_embeds(text)
    assert post.text == "The tour is off for now. Thank you all. — D"
    assert (post.embed_author, post.embed_handle) == ("Lena Moss", "lenamoss")


def test_a_tiktok_caption_is_signed_by_its_original_sound():
    text = "He shared a clip.\n\n@olly.f\n\nthe crowd sang it for her #tour\n\n♬ original sound - Olly Ford\n\nMore."
    [post] = find_embeds(text)
    assert post.text == "the crowd sang it for her #tour"
    assert post.embed_author == "Olly Ford"


def test_a_tiktok_song_credit_signs_nothing():
    text = "He shared a clip.\n\nthe crowd sang it for her\n\n♬ Undertow - Lena Moss\n\nMore."
    assert find_embeds(text) == []


def test_a_blockquote_signed_on_its_last_line_is_the_signers_words():
    from quotes.extraction.embeds import find_signed_blockquotes

    text = (
        "## The pitch\n\n"
        "> Every one of the eleven serious crashes involved someone who wasn't in a car.\n"
        ">\n"
        "> — Priya Nandakumar, transportation director\n\n"
        "> A plain blockquote with no signature.\n"
    )
    [signed] = find_signed_blockquotes(text)
    assert signed.text == "Every one of the eleven serious crashes involved someone who wasn't in a car."
    assert signed.embed_author == "Priya Nandakumar"


def test_a_blockquote_signed_with_a_typed_dash_is_signed():
    from quotes.extraction.embeds import find_signed_blockquotes

    [signed] = find_signed_blockquotes("> The port opens in June.\n> -- Ines Falk, port director\n")
    assert signed.text == "The port opens in June." and signed.embed_author == "Ines Falk"


def test_a_signed_blockquote_in_quote_marks_is_one_quote_without_its_marks(rules):
    from quotes.extraction.plan import plan
    from quotes.models import Document

    text = 'War\n\n> "We will never trade our land for a ceasefire that lasts a season,"\n>\n> — Volodymyr Zelensky\n'
    found = plan(Document("story.md", text), rules)
    assert [s.text for s in found.signed] == ["We will never trade our land for a ceasefire that lasts a season,"]
    assert found.spans == []


EMAIL = (
    "Her reply, in full:\n\n"
    "> Hi Dan,\n>\n> The board has not scheduled a vote.\n>\n> Best,\n> Marisol Vega\n> Communications Director\n>\n"
    "> > On Tue, Feb 10, 2026 at 4:12 PM, Dan Ferris <dan@example.org> wrote:\n"
    "> > Hi Marisol, is the board planning a vote?\n"
)


def test_a_pasted_email_is_a_post_by_the_name_under_its_sign_off():
    from quotes.extraction.embeds import find_pasted_emails

    first = find_pasted_emails(EMAIL)[0]
    assert (first.embed_author, first.text) == ("Marisol Vega", "Hi Dan,\n>\n> The board has not scheduled a vote.")


def test_a_message_quoted_in_a_pasted_email_is_its_writers():
    from quotes.extraction.embeds import find_pasted_emails

    second = find_pasted_emails(EMAIL)[1]
    assert (second.embed_author, second.text) == ("Dan Ferris", "Hi Marisol, is the board planning a vote?")


def test_a_blockquote_with_no_sign_off_or_header_is_no_email():
    from quotes.extraction.embeds import find_pasted_emails

    assert find_pasted_emails("Notes:\n\n> The board has not scheduled a vote.\n> It meets in April.\n") == []


def test_a_mastodon_handle_with_its_server_signs_an_embedded_post():
    text = "Intro.\n\nThe project is no longer open source.\n\n— Dana Ruiz (@dana@fosstodon.social) March 3, 2026\n"
    [post] = find_embeds(text)
    assert (post.embed_author, post.embed_handle) == ("Dana Ruiz", "dana@fosstodon.social")


def test_a_signature_with_a_separator_platform_and_time_before_the_date_signs_a_post():
    text = "Intro.\n\nPolls are closed. Thank you, Ward 4.\n— Mira Castell (@miracastell) on Threads · 10:42 PM · Mar 3, 2026\n"
    [post] = find_embeds(text)
    assert post.text == "Polls are closed. Thank you, Ward 4."
    assert (post.embed_author, post.embed_handle) == ("Mira Castell", "miracastell")


def test_an_author_line_without_a_dash_signs_the_post_above():
    text = "Intro.\n\nWe will not concede tonight.\n\nOwen Falk (@owenfalk.bsky.social) · 3 March 2026 at 23:41\n\nMore."
    [post] = find_embeds(text)
    assert post.text == "We will not concede tonight."
    assert (post.embed_author, post.embed_handle) == ("Owen Falk", "owenfalk.bsky.social")


def test_a_handle_alone_with_a_date_signs_the_post_above():
    text = "Intro.\n\nThe bridge is closed until further notice.\n@oblast_admin · Telegram · 2026-03-03 09:15\n"
    [post] = find_embeds(text)
    assert post.text == "The bridge is closed until further notice."
    assert post.embed_handle == "oblast_admin"


def test_a_sentence_naming_a_handle_and_a_date_signs_nothing():
    text = "Intro.\n\nCastell (@miracastell) posted on March 3, 2026 that the count was over.\n"
    assert find_embeds(text) == []


def test_a_platform_between_separators_without_on_signs_a_post():
    text = "Intro.\n\nUse a landline tonight.\n\n— Brenda Kowalczyk (@mayor.kowalczyk) · Threads · Oct 20, 2025\n"
    [post] = find_embeds(text)
    assert (post.text, post.embed_author) == ("Use a landline tonight.", "Brenda Kowalczyk")


def test_a_signed_blockquote_of_two_paragraphs_is_a_quote_for_each():
    from quotes.extraction.embeds import find_signed_blockquotes

    text = "Letters\n\n> My mother is 91.\n> She lives alone.\n>\n> Nobody thought about her.\n> — Ken Abernathy, Upland\n"
    found = find_signed_blockquotes(text)
    assert [(q.text, q.embed_author, q.continues) for q in found] == [
        ("My mother is 91.\n> She lives alone.", "Ken Abernathy", False),
        ("Nobody thought about her.", "Ken Abernathy", True),
    ]


def test_a_dash_name_and_platform_without_a_handle_sign_a_post():
    text = "Intro.\n\nThe water will be back on by Friday.\n— Oleksii Kravets, Telegram, 3 March 2026\n\nMore.\n"
    [post] = find_embeds(text)
    assert (post.text, post.embed_author) == ("The water will be back on by Friday.", "Oleksii Kravets")


def test_a_typed_double_dash_and_a_date_without_its_year_sign_a_post():
    text = "Intro.\n\nWe start hiring on Monday.\n-- Dana Ruiz (@danaruiz) on Threads, 19 March\n"
    [post] = find_embeds(text)
    assert (post.text, post.embed_author) == ("We start hiring on Monday.", "Dana Ruiz")


def test_a_numeric_date_with_a_two_digit_year_signs_a_post():
    text = "Intro.\n\nWe start hiring on Monday.\n\n— Dana Ruiz (@danaruiz) • Threads • 03/19/26\n"
    [post] = find_embeds(text)
    assert post.embed_handle == "danaruiz"


@pytest.mark.parametrize("date", ["20 listopada 2025", "1 september 2024", "15. März 2024"])
def test_a_date_with_its_month_in_another_language_signs_a_post(date):
    text = f"Intro.\n\nKasia is in Africa! A world record.\n\n— Klekot Society (@klekot.bociany) {date}\n"
    [post] = find_embeds(text)
    assert (post.text, post.embed_author) == ("Kasia is in Africa! A world record.", "Klekot Society")


def test_an_instagram_credit_with_its_date_signs_the_post_above():
    text = "Intro.\n\nThe tour is off for now.\n\nA post shared by Lena Moss (@lenamoss) on Mar 5, 2026 at 7:48pm PST\n"
    [post] = find_embeds(text)
    assert (post.text, post.embed_author) == ("The tour is off for now.", "Lena Moss")


def test_an_author_line_with_a_view_count_and_a_short_iso_date_signs_a_post():
    text = (
        "Intro.\n\nThe pumps are back on.\n\nOlena Savchuk | City Council (@savchuk_kmr) · 👁 21.4K · 16:05, 03.03.2026\n\n"
        "Next.\n\nsee u soon #tour\n\nLena Moss (@lenamoss) · 2026-3-5 · ♬ original sound - Lena Moss\n"
    )
    posts = find_embeds(text)
    assert [(p.text, p.embed_handle) for p in posts] == [
        ("The pumps are back on.", "savchuk_kmr"),
        ("see u soon #tour", "lenamoss"),
    ]


def test_a_dash_name_and_handle_alone_on_a_line_sign_a_post():
    text = "Intro.\n\nWe start hiring on Monday.\n\n— Dana Ruiz (@danaruiz)\n\nMore.\n"
    [post] = find_embeds(text)
    assert (post.text, post.embed_author) == ("We start hiring on Monday.", "Dana Ruiz")


def test_a_dash_name_and_bare_handle_with_a_date_sign_a_post():
    text = "Intro.\n\nWe start hiring on Monday.\n— Dana Ruiz @danaruiz · Mar 3, 2026\n"
    [post] = find_embeds(text)
    assert post.embed_handle == "danaruiz"


def test_a_facebook_posted_by_line_signs_the_post_above():
    text = (
        "Intro.\n\nCrews responded to a garage fire.\nPosted by Cedar Bluff Fire Department on Sunday, March 2, 2025\n\nMore.\n"
    )
    [post] = find_embeds(text)
    assert (post.text, post.embed_author) == ("Crews responded to a garage fire.", "Cedar Bluff Fire Department")


def test_a_linkedin_author_line_signs_the_post_above_on_one_line_or_three():
    one = "Intro.\n\nWe got this wrong.\n\nDana Whitfield • Chief Executive Officer at Velocore • 3d\n\nMore.\n"
    three = "Intro.\n\nI raised this in 2023.\n\nMarcus Oyelaran\nFormer Battery Engineer at Velocore\n2d • Edited\n\nMore.\n"
    assert [(p.text, p.embed_author) for p in find_embeds(one) + find_embeds(three)] == [
        ("We got this wrong.", "Dana Whitfield"),
        ("I raised this in 2023.", "Marcus Oyelaran"),
    ]


def test_an_indented_reddit_signature_signs_the_comment_above():
    text = "Intro.\n\nAm I in the recall or not?\n \n  — u/VC_PriyaR (AMA host) · 2,871 points\n\nMore.\n"
    [post] = find_embeds(text)
    assert (post.text, post.embed_handle) == ("Am I in the recall or not?", "VC_PriyaR")


def test_a_post_of_several_paragraphs_runs_from_the_line_that_introduces_it():
    text = (
        "Whitfield made the admission in a post on Tuesday:\n\n"
        "Two years ago we decided against a recall.\n\n"
        "Today we are expanding it.\n\n"
        "Dana Whitfield • Chief Executive Officer at Velocore • 3d\n"
    )
    [post] = find_embeds(text)
    assert post.text == "Two years ago we decided against a recall.\n\nToday we are expanding it."


QUOTES_BOX = (
    "Quotes of the day\n\n"
    "“We will open the port in June, whatever the weather.”\n"
    "— Ines Falk, port director, at a briefing in Kiel\n\n"
    "“Nobody asked the fishermen.” (tr.)\n"
    "— Jan Mohr, head of the fishermen’s cooperative\n"
)


def test_a_quote_alone_on_its_line_is_the_words_of_the_signature_line_under_it(rules):
    from quotes.extraction.plan import plan
    from quotes.models import Document

    found = plan(Document("box.txt", QUOTES_BOX), rules)
    assert [(s.text, s.embed_author) for s in found.signed] == [
        ("We will open the port in June, whatever the weather.", "Ines Falk"),
        ("Nobody asked the fishermen.", "Jan Mohr"),
    ]


def test_the_signature_line_of_a_quote_opens_no_dialogue_quote(rules):
    from quotes.extraction.plan import plan
    from quotes.models import Document

    assert plan(Document("box.txt", QUOTES_BOX), rules).spans == []


def test_a_quote_inside_a_sentence_is_not_signed_by_a_dash_line_under_it(rules):
    from quotes.extraction.plan import plan
    from quotes.models import Document

    text = "Port\n\nShe called it “a good day” and left.\n— Ines Falk\n"
    assert plan(Document("story.txt", text), rules).signed == []


TELEGRAM = (
    "What the channels said.\n\n"
    "Akim of Akzhar | Yerlan Bekturov\n"
    "I apologise to every family that spent last night in the cold.\n"
    "👁 91.7K · 07:52\n\n"
    "The ministry posted at noon.\n\n"
    "Energy Ministry | Official\n"
    "Heat supply has been restored to 62% of residential buildings.\n"
    "Energy Ministry | Official, 3 March 2026\n"
)


def test_a_telegram_post_is_signed_by_its_channel_name_above_and_views_below():
    first, _ = find_embeds(TELEGRAM)
    assert (first.text, first.embed_author) == (
        "I apologise to every family that spent last night in the cold.",
        "Yerlan Bekturov",
    )


def test_a_telegram_post_is_signed_by_its_channel_name_above_and_again_below_with_a_date():
    _, second = find_embeds(TELEGRAM)
    assert (second.text, second.embed_author) == (
        "Heat supply has been restored to 62% of residential buildings.",
        "Energy Ministry",
    )


def test_a_display_names_bar_parts_a_name_from_an_office_either_side():
    assert clean_display_name("Vitalii Hordiienko | Solonivka RMA") == "Vitalii Hordiienko"
    assert clean_display_name("Akim of Akzhar | Yerlan Bekturov") == "Yerlan Bekturov"
    assert clean_display_name("MoTC Spokesman | Yousef Abu Haidar") == "Yousef Abu Haidar"


@pytest.mark.parametrize(
    ("signature", "name"), [("Superintendent Warren Feld", "Warren Feld"), ("Jane Arkwright MSP", "Jane Arkwright")]
)
def test_a_blockquotes_signer_is_named_without_titles_or_the_letters_after_the_name(quotes_of, signature, name):
    text = f"Board\n\n> No school will close this year.\n>\n> — {signature}\n"
    assert [(q.text, q.speaker) for q in quotes_of(text)] == [("No school will close this year.", name)]


def test_a_posts_display_name_is_the_name_without_the_letters_after_it(quotes_of):
    text = (
        "Storm\n\nThe local member has been in town all afternoon.\n\n"
        "Spent the afternoon with the fire crews on Mill Lane. Water is through sixty homes.\n\n"
        "— Owen Pryce MP (@owenprycemp) March 15, 2025\n"
    )
    assert [(q.kind, q.speaker) for q in quotes_of(text) if q.kind == "embed"] == [("embed", "Owen Pryce")]


def test_a_post_quoting_another_gives_each_post_to_its_own_author():
    text = (
        "The mayor shared the warning with a message of her own:\n\n"
        "Every family will have a roof tonight. Please stay away from the river.\n\n"
        "Quote\nRiver Authority East @RiverEast · Oct 14\n"
        "The river has reached 6.4 m at the old bridge gauge. Do not try to move vehicles.\n\n"
        "— Ana Ortega (@AnaOrtegaMayor) October 14, 2025\n"
    )
    posts = [(p.embed_author, p.text) for p in find_embeds(text)]
    assert posts == [
        ("Ana Ortega", "Every family will have a roof tonight. Please stay away from the river."),
        ("River Authority East", "The river has reached 6.4 m at the old bridge gauge. Do not try to move vehicles."),
    ]


def test_a_post_signed_with_a_day_and_month_without_the_year_is_an_embed():
    text = (
        "Live\n\n21:47\nStrike on the city\n\n"
        "A guided bomb hit an apartment building on Shevchenka Street. Stay in shelters!\n"
        "— Oleh Moroz | City Military Administration (@moroz_cma) 13.03 · 21:34 · 👁 41.2K\n"
    )
    [post] = find_embeds(text)
    assert (post.embed_author, post.text) == (
        "Oleh Moroz",
        "A guided bomb hit an apartment building on Shevchenka Street. Stay in shelters!",
    )


CHAT = (
    "The messages were posted in the team's channel:\n\n"
    "sofi — Today at 14:02\n"
    "they're stacking B on every pistol\n\n"
    "hexe — Today at 14:02\n"
    "copy\n\n"
    "krait — Yesterday at 9:15 PM\n"
    "so the coach is calling strats in a tech pause??\n\n"
    "The league said it had verified the messages.\n"
)


def test_pasted_chat_messages_under_a_name_and_time_line_are_posts_by_that_name():
    from quotes.extraction.embeds import find_chat_messages

    posts = [(p.embed_author, p.text) for p in find_chat_messages(CHAT)]
    assert posts == [
        ("sofi", "they're stacking B on every pistol"),
        ("hexe", "copy"),
        ("krait", "so the coach is calling strats in a tech pause??"),
    ]


def test_one_name_and_time_line_alone_makes_no_chat():
    from quotes.extraction.embeds import find_chat_messages

    assert find_chat_messages("Notes\n\nsofi — Today at 14:02\nback in five\n") == []
