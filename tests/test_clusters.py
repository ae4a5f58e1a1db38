"""Clustering quotes that report one utterance: matching rules, stable ids, flags, diffs."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from quotes.corpus.clusters import cluster_quotes, cluster_summary, differs_from, load_synonyms, with_clusters, word_diff
from quotes.models import Quote, SourceMeta
from quotes.rules import RulesError
from quotes.text.stem import stem

SPEAKER = "Maria Fontaine"
OTHER_SPEAKER = "Tomas Berg"


def quote(
    text: str,
    source: str = "a.txt",
    start: int = 0,
    kind: str = "direct",
    speaker: str | None = SPEAKER,
    line: int = 5,
    mention: str | None = None,
    paragraph: int | None = 0,
) -> Quote:
    end = start + len(text)
    return Quote(source, start, end, text, kind, speaker=speaker, speaker_mention=mention, line=line, paragraph=paragraph)  # type: ignore[arg-type]


def together(*quotes: Quote) -> bool:
    return len({q.cluster for q in quotes}) == 1 and quotes[0].cluster is not None


# --- what joins ----------------------------------------------------------------------------------


def test_identical_wording_joins_across_sources_whatever_the_marks_case_and_punctuation() -> None:
    a = quote("We will rebuild every bridge before the first snow,", "a.txt")
    b = quote("“we will rebuild every bridge before the first snow.”", "b.txt")
    a, b = with_clusters([a, b])[0]
    assert together(a, b)


def test_partial_quote_inside_a_direct_quote_joins_it() -> None:
    direct = quote("The port will reopen to grain ships by the end of March.", "a.txt")
    partial = quote("reopen to grain ships", "b.txt", kind="partial")
    direct, partial = with_clusters([direct, partial])[0]
    assert together(direct, partial)


def test_partial_quote_inside_a_reported_content_joins_it() -> None:
    reported = quote("the port would reopen to grain ships by the end of March", "a.txt", kind="indirect")
    partial = quote("by the end of March", "b.txt", kind="partial")
    longer = quote("reopen to grain ships by the end of March", "c.txt", kind="partial")
    reported, partial, longer = with_clusters([reported, partial, longer])[0]
    assert together(reported, longer)


def test_near_identical_wording_with_a_changed_word_joins() -> None:
    a = quote("Our farmers have lost more than half of this year's harvest to the floods.", "a.txt")
    b = quote("Our farmers have lost more than half of this season's harvest to the floods.", "b.txt")
    a, b = with_clusters([a, b])[0]
    assert together(a, b)


def test_near_identical_wording_with_a_dropped_word_joins() -> None:
    a = quote("Our farmers have lost more than half of this year's harvest to the floods.", "a.txt")
    b = quote("Our farmers have lost more than half of this year's harvest to floods.", "b.txt")
    a, b = with_clusters([a, b])[0]
    assert together(a, b)


@pytest.mark.parametrize(
    ("said", "reported"),
    [
        (
            "The longer the blockade lasts, the higher bread prices will climb,",
            "the longer the blockade continued, the more bread prices would rise",
        ),
        ("Our troops will push further into the eastern provinces.", "troops to widen their offensive in the eastern provinces"),
        ("Every intercepted drone saves a hospital.", "intercepting drones was saving hospitals"),
    ],
)
def test_reported_paraphrase_joins_the_quote(said: str, reported: str) -> None:
    a = quote(said, "a.txt")
    b = quote(reported, "b.txt", kind="indirect")
    a, b = with_clusters([a, b])[0]
    assert together(a, b)


def test_repeats_within_one_article_join() -> None:
    first = quote("No ship will leave the harbour without an escort.", "a.txt", start=100, line=3)
    headline = quote("No ship will leave the harbour without an escort", "a.txt", start=0, kind="indirect")
    again = quote("No ship will leave the harbour without an escort.", "a.txt", start=900, line=14)
    first, headline, again = with_clusters([first, headline, again])[0]
    assert together(first, headline, again)


def test_the_pieces_of_a_quoted_sentence_split_by_its_attribution_join() -> None:
    first = quote("We were slow,", "a.txt", start=100, paragraph=2)
    second = quote("and we paid for it.", "a.txt", start=130, paragraph=2)
    first, second = with_clusters([first, second])[0]
    assert together(first, second)


def test_a_piece_whose_wording_two_articles_quote_joins_no_other_piece() -> None:
    look_a = quote("Look,", "a.txt", start=100, paragraph=2)
    taxes = quote("we are not going to raise taxes.", "a.txt", start=120, paragraph=2)
    look_b = quote("Look,", "b.txt", start=100, paragraph=2)
    stadium = quote("the stadium deal is dead.", "b.txt", start=120, paragraph=2)
    look_a, taxes, look_b, stadium = with_clusters([look_a, taxes, look_b, stadium])[0]
    assert not together(taxes, stadium)


def test_partial_quote_nested_in_a_reported_content_of_its_article_joins_it() -> None:
    reported = quote('the talks had been "a waste of everyone\'s afternoon"', "a.txt", start=200, kind="indirect")
    partial = quote("a waste of everyone's afternoon", "a.txt", start=220, kind="partial")
    reported, partial = with_clusters([reported, partial])[0]
    assert together(reported, partial)


def test_near_identical_quote_given_to_two_speakers_joins_with_speaker_differs_flag() -> None:
    a = quote("Nobody in this government has ever promised a quick victory.", "a.txt", speaker=SPEAKER)
    b = quote("Nobody in this government has ever promised a quick victory.", "b.txt", speaker=OTHER_SPEAKER)
    (cluster,) = cluster_quotes([a, b])
    assert together(*cluster.members)
    assert "speaker differs" in cluster.flags


def test_speaker_spellings_are_one_identity() -> None:
    a = quote("Fuel subsidies for farmers will continue through the winter.", "a.txt", speaker="Alexei Danylenko")
    b = quote("subsidies for farmers would continue all winter", "b.txt", kind="indirect", speaker="Aleksei Danylenko")
    (cluster,) = cluster_quotes([a, b])
    assert together(*cluster.members)
    assert "speaker differs" not in cluster.flags


def test_synonyms_join_a_reported_paraphrase() -> None:
    said = quote("We have no intention of occupying the villages on the far bank.", "a.txt")
    reported = quote("the army did not intend to seize villages on the other bank", "b.txt", kind="indirect")
    said, reported = with_clusters([said, reported])[0]
    assert together(said, reported)


def test_a_synonym_phrase_matches_its_one_word_synonym_in_any_inflection() -> None:
    a = quote("the mayor played down the risk of blackouts", "a.txt", kind="indirect")
    b = quote("downplaying the risk of blackouts", "b.txt", kind="indirect")
    a, b = with_clusters([a, b])[0]
    assert together(a, b)


def test_a_short_item_joins_the_statement_that_holds_its_words_nearly_verbatim() -> None:
    statement = quote("The shelling of the port was another deliberate provocation by the regime.", "a.txt")
    short = quote("another provocation", "b.txt", kind="indirect")
    short, statement = with_clusters([short, statement])[0]
    assert together(statement, short)


def test_a_headline_restating_a_longer_statement_of_its_article_joins_it() -> None:
    headline = quote("no intention of closing the northern bridge", "a.txt", start=0, kind="indirect")
    body = quote(
        "the council did not intend closing the northern bridge, only diverting lorries from the old town "
        "while the tram lines along the river are repaired next spring",
        "a.txt",
        start=400,
        kind="indirect",
    )
    headline, body = with_clusters([headline, body])[0]
    assert together(headline, body)


def test_headline_joins_the_statement_of_its_article_whose_members_hold_all_its_words() -> None:
    headline = quote("Deeper Port Dredging", "a.txt", kind="indirect", line=1)
    body = quote("the city to dredge the harbour deeper this spring", "a.txt", start=80, kind="indirect", line=3)
    elsewhere = quote("port dredging must start before the grain harvest", "b.txt", kind="indirect", line=5)
    body_elsewhere = quote("the city to dredge the harbour deeper this spring", "b.txt", start=300, kind="indirect", line=9)
    headline, body, elsewhere, body_elsewhere = with_clusters([headline, body, elsewhere, body_elsewhere])[0]
    assert not together(body, elsewhere)  # two statements; only their words together cover the headline
    assert not together(headline, elsewhere)


def test_headline_words_spread_over_one_cluster_join_it() -> None:
    speech = quote("Our brigades must push deeper and widen the offensive before winter.", "b.txt", line=7)
    fragment = quote("widen the offensive", "a.txt", start=200, kind="partial", line=5)
    headline = quote("Deeper Offensive", "a.txt", kind="indirect", line=1)
    headline, fragment, speech = with_clusters([headline, fragment, speech])[0]
    assert together(headline, fragment, speech)


def test_headline_of_a_government_joins_its_spokespersons_statement() -> None:
    headline = Quote(
        "a.txt",
        40,
        70,
        "Intent to Close the Border",
        "indirect",
        speaker="Latvian government",
        speaker_kind="organisation",
        line=1,
    )
    body = quote("Riga has no intention of closing the border to freight", "a.txt", start=300, kind="indirect", line=3)
    headline, body = with_clusters([headline, body])[0]
    assert together(headline, body)


def test_headline_of_one_person_does_not_join_another_persons_statement() -> None:
    headline = quote("Intent to Close the Border", "a.txt", kind="indirect", line=1, speaker=OTHER_SPEAKER)
    body = quote("Riga has no intention of closing the border to freight", "a.txt", start=300, kind="indirect", line=3)
    headline, body = with_clusters([headline, body])[0]
    assert not together(headline, body)


def test_headline_joins_only_a_statement_quoted_in_its_own_article() -> None:
    speech = quote("Our brigades must push deeper and widen the offensive before winter.", "b.txt", line=7)
    fragment = quote("widen the offensive", "a.txt", start=200, kind="partial", line=5)
    headline = quote("Deeper Offensive", "c.txt", kind="indirect", line=1)
    headline, fragment, speech = with_clusters([headline, fragment, speech])[0]
    assert together(fragment, speech) and not together(headline, speech)


def test_headline_whose_words_two_statements_hold_stays_alone() -> None:
    headline = quote("Border to Close", "a.txt", kind="indirect", line=1)
    first = quote("the border crossings at Valka and Ainazi will close on Monday", "a.txt", start=100, kind="indirect", line=3)
    second = quote(
        "trucks already queue at the border because the posts close at night", "a.txt", start=300, kind="indirect", line=5
    )
    headline, first, second = with_clusters([headline, first, second])[0]
    assert not together(headline, first) and not together(headline, second)


def test_a_paraphrase_and_the_quote_next_to_it_sharing_only_topic_words_stay_apart() -> None:
    paraphrase = quote(
        "Ukrainian forces now control 74 settlements and several villages in the Kursk region after a week of fighting",
        "a.txt",
        start=400,
        kind="indirect",
        paragraph=3,
    )
    said = quote(
        "Our artillery destroyed two bridges over the Seym river in the Kursk region and pushed the Ukrainian forces back.",
        "a.txt",
        start=600,
        paragraph=4,
    )
    paraphrase, said = with_clusters([paraphrase, said])[0]
    assert not together(paraphrase, said)


def test_a_lede_reporting_two_quotes_at_once_does_not_join_them() -> None:
    lede = quote("the bridge would reopen next spring and the ferry would stop running next spring", "a.txt", kind="indirect")
    first = quote("The bridge will reopen next spring after the repairs.", "a.txt", start=300, paragraph=3)
    second = quote("The ferry will stop running next spring.", "a.txt", start=400, paragraph=4)
    lede, first, second = with_clusters([lede, first, second])[0]
    assert not together(first, second)


STATEMENT_OF_PROVOCATION = "The fire at the depot was a deliberate provocation by the rebels."
OTHER_STATEMENT = "The depot will be rebuilt within a month and the trains will run again."


def test_a_short_item_joins_the_statement_whose_keyword_two_sources_carry() -> None:
    said = quote(STATEMENT_OF_PROVOCATION, "a.txt")
    partial = quote("a deliberate provocation", "b.txt", kind="partial")
    other = quote(OTHER_STATEMENT, "a.txt", start=300)
    short = quote("it was a provocation or an accident", "c.txt", kind="indirect")
    said, partial, other, short = with_clusters([said, partial, other, short])[0]
    assert together(said, partial, short)
    assert not together(short, other)


def test_a_short_item_sharing_a_word_that_one_source_carries_stays_alone() -> None:
    said = quote(STATEMENT_OF_PROVOCATION, "a.txt")
    short = quote("it was a provocation or an accident", "c.txt", kind="indirect")
    said, short = with_clusters([said, short])[0]
    assert not together(said, short)


def test_a_short_item_whose_distinctive_words_are_keywords_of_two_statements_stays_alone() -> None:
    first, first_again = quote(STATEMENT_OF_PROVOCATION, "a.txt"), quote("a deliberate provocation", "b.txt", kind="partial")
    second = quote("The rebels' claim about the depot is an outright lie.", "a.txt", start=300)
    second_again = quote("an outright lie", "b.txt", start=300, kind="partial")
    short = quote("a provocation and a lie", "c.txt", kind="indirect")
    first, first_again, second, second_again, short = with_clusters([first, first_again, second, second_again, short])[0]
    assert not together(short, first) and not together(short, second)


def test_a_one_word_direct_quote_does_not_join_the_statement_whose_word_it_repeats() -> None:
    said = quote("At some point you have to stop patching and replace.", "a.txt")
    again = quote("At some point you have to stop patching and replace,", "b.txt")
    repeated = quote("We have been patching, patching, patching,", "c.txt")
    said, again, repeated = with_clusters([said, again, repeated])[0]
    assert together(said, again) and not together(said, repeated)


def test_a_short_item_sharing_only_a_word_common_to_the_corpus_stays_alone() -> None:
    said = quote("The harbour will reopen to grain ships on Monday.", "a.txt")
    partial = quote("reopen to grain ships", "b.txt", kind="partial")
    short = quote("the grain or the fuel", "c.txt", kind="indirect")
    others = [quote(f"Grain prices rose again in week {n}.", f"other{n}.txt", speaker=f"Trader {n}") for n in range(5)]
    said, partial, short, *others = with_clusters([said, partial, short, *others])[0]
    assert together(said, partial) and not together(said, short)


FULL_STATEMENT_ON_DIKES = "It is vital to continue repairing the dikes as quickly as our crews can manage."


def test_a_piece_of_a_statement_split_in_one_paragraph_joins_the_piece_beside_it() -> None:
    said = quote(FULL_STATEMENT_ON_DIKES, "a.txt")
    beside = quote("speed in repairing the dikes is essential", "b.txt", start=500, kind="indirect", paragraph=5)
    piece = quote("the need for continued work on the flood defences", "b.txt", start=400, kind="indirect", paragraph=5)
    said, beside, piece = with_clusters([said, beside, piece])[0]
    assert together(said, beside, piece)


def test_a_piece_in_another_paragraph_than_the_piece_that_joined_stays_alone() -> None:
    said = quote(FULL_STATEMENT_ON_DIKES, "a.txt")
    beside = quote("speed in repairing the dikes is essential", "b.txt", start=500, kind="indirect", paragraph=5)
    piece = quote("the need for continued work on the flood defences", "b.txt", start=900, kind="indirect", paragraph=7)
    said, beside, piece = with_clusters([said, beside, piece])[0]
    assert together(said, beside)
    assert not together(said, piece)


def test_a_piece_whose_word_its_own_source_already_reports_stays_alone() -> None:
    said = quote(FULL_STATEMENT_ON_DIKES, "a.txt")
    beside = quote("continuing to repair the dikes quickly is essential", "b.txt", start=500, kind="indirect", paragraph=5)
    piece = quote("the need for continued work on the flood defences", "b.txt", start=400, kind="indirect", paragraph=5)
    said, beside, piece = with_clusters([said, beside, piece])[0]
    assert together(said, beside)
    assert not together(said, piece)


def test_items_whose_paragraph_is_not_known_are_never_pieces() -> None:
    said = quote(FULL_STATEMENT_ON_DIKES, "a.txt")
    beside = quote("speed in repairing the dikes is essential", "b.txt", start=500, kind="indirect", paragraph=None)
    piece = quote("the need for continued work on the flood defences", "b.txt", start=400, kind="indirect", paragraph=None)
    said, beside, piece = with_clusters([said, beside, piece])[0]
    assert together(said, beside)
    assert not together(said, piece)


def test_a_second_statement_that_another_source_reports_in_the_same_sentence_stays_apart() -> None:
    both = quote(
        "the council should repair the dikes this spring and rebuild the pumping stations along the river",
        "a.txt",
        kind="indirect",
    )
    first = quote("the council should repair the dikes this spring", "b.txt", start=100, kind="indirect", paragraph=2)
    second = quote("the pumping stations along the river must be rebuilt", "b.txt", start=200, kind="indirect", paragraph=2)
    both, first, second = with_clusters([both, first, second])[0]
    assert together(both, first)
    assert not together(both, second)


# --- what stays apart ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "The blockade of our ports has cost farmers four billion euros this year.",
            "Farmers will keep the grain in storage until the blockade of the ports ends.",
        ),
        (
            "The longer the blockade lasts, the higher bread prices will climb,",
            "Bread for everyone, ships for everyone. I thank the sailors.",
        ),
        ("the raiders had been driven back", "any further push into the southern district has been stopped"),
        ("Kyiv should look beyond the lines it holds today", "further gains in the Zaporizhzhia, Kherson and Luhansk regions"),
    ],
)
def test_one_speakers_different_statements_on_one_topic_stay_apart(first: str, second: str) -> None:
    a = quote(first, "a.txt", kind="indirect")
    b = quote(second, "b.txt", kind="indirect")
    a, b = with_clusters([a, b])[0]
    assert not together(a, b)


def test_across_articles_a_short_claim_does_not_join_a_long_account_sharing_its_words() -> None:
    claim = quote("no intention of closing the northern bridge", "a.txt", kind="indirect")
    account = quote(
        "the council did not intend closing the northern bridge, only diverting lorries from the old town "
        "while the tram lines along the river are repaired next spring",
        "b.txt",
        kind="indirect",
    )
    claim, account = with_clusters([claim, account])[0]
    assert not together(claim, account)


def test_adjacent_statements_of_one_speaker_sharing_topic_words_and_synonyms_stay_apart() -> None:
    damage = quote("The dam was shelled again overnight and the water level is falling.", "a.txt", start=100)
    repair = quote("Engineers will need three weeks to repair the dam once the bombardment stops.", "a.txt", start=190)
    damage, repair = with_clusters([damage, repair])[0]
    assert not together(damage, repair)


def test_a_short_item_whose_words_two_statements_hold_joins_neither() -> None:
    port = quote("The shelling of the port was another deliberate provocation by the regime.", "a.txt")
    threat = quote("We will answer another such provocation with force.", "b.txt")
    short = quote("another provocation", "c.txt", kind="indirect")
    port, threat, short = with_clusters([port, threat, short])[0]
    assert not together(short, port)
    assert not together(short, threat)


def test_a_short_item_joins_no_statement_with_its_words_out_of_order() -> None:
    statement = quote("The provocation failed, and another will not follow soon.", "a.txt")
    short = quote("another provocation", "b.txt", kind="indirect")
    statement, short = with_clusters([statement, short])[0]
    assert not together(statement, short)


def test_a_short_item_joins_no_statement_of_another_speaker() -> None:
    statement = quote("The shelling of the port was another deliberate provocation by the regime.", "a.txt", speaker=SPEAKER)
    short = quote("another provocation", "b.txt", kind="indirect", speaker=OTHER_SPEAKER)
    statement, short = with_clusters([statement, short])[0]
    assert not together(statement, short)


def test_two_sentences_one_source_quotes_whole_stay_apart_however_alike() -> None:
    first = quote("We played 20 good minutes,", "a.txt", start=100, paragraph=2)
    second = quote("You can't win in this league with 20 good minutes.", "a.txt", start=140, paragraph=2)
    first, second = with_clusters([first, second])[0]
    assert not together(first, second)


def test_different_speakers_on_a_similar_topic_stay_apart() -> None:
    a = quote("The blockade of our ports must end before the harvest rots.", "a.txt", speaker=SPEAKER)
    b = quote("The blockade of the ports will end when the harvest is in.", "b.txt", speaker=OTHER_SPEAKER)
    a, b = with_clusters([a, b])[0]
    assert not together(a, b)


def test_different_speakers_with_one_short_phrase_stay_apart() -> None:
    a = quote("We will not give up.", "a.txt", speaker=SPEAKER)
    b = quote("We will not give up.", "b.txt", speaker=OTHER_SPEAKER)
    a, b = with_clusters([a, b])[0]
    assert not together(a, b)


def test_quotes_without_a_speaker_join_only_on_near_identical_wording() -> None:
    direct = quote("The port will reopen to grain ships by the end of March.", "a.txt")
    fragment = quote("reopen to grain ships", "b.txt", kind="partial", speaker=None)
    copy = quote("The port will reopen to grain ships by the end of March.", "c.txt", speaker=None)
    direct, fragment, copy = with_clusters([direct, fragment, copy])[0]
    assert together(direct, copy)
    assert not together(direct, fragment)


def test_a_report_of_two_statements_does_not_chain_them() -> None:
    exports = quote("Grain exports through the southern ports will double by autumn.", "a.txt", start=0)
    subsidies = quote("Farmers in the south will receive fuel subsidies by autumn.", "a.txt", start=300)
    both = quote(
        "grain exports through southern ports would double and farmers in the south would receive fuel subsidies by autumn",
        "b.txt",
        kind="indirect",
    )
    exports, subsidies, both = with_clusters([exports, subsidies, both])[0]
    assert not together(exports, subsidies)
    assert together(exports, both) or together(subsidies, both)


def test_a_short_fragment_joins_only_one_of_two_statements() -> None:
    farmers = quote("Farmers will receive fuel subsidies before the spring sowing.", "a.txt")
    airlines = quote("We cut fuel subsidies for airlines last year.", "b.txt")
    fragment = quote("fuel subsidies", "c.txt", kind="partial")
    farmers, airlines, fragment = with_clusters([farmers, airlines, fragment])[0]
    assert not together(farmers, airlines)


# --- ids and order -------------------------------------------------------------------------------


def sample() -> list[Quote]:
    return [
        quote("We will rebuild every bridge before the first snow.", "a.txt", start=10),
        quote("The port will reopen to grain ships by the end of March.", "a.txt", start=200),
        quote("we will rebuild every bridge before the first snow", "b.txt", start=40, kind="indirect"),
        quote("reopen to grain ships", "c.txt", start=5, kind="partial"),
        quote("A statement nobody else reported.", "c.txt", start=90, speaker=OTHER_SPEAKER),
    ]


def ids_by_place(quotes: list[Quote]) -> dict[tuple[str, int], str | None]:
    return {(q.source, q.start): q.cluster for q in quotes}


def test_every_quote_gets_a_cluster_id_singletons_too() -> None:
    quotes, clusters = with_clusters(sample())
    assert all(q.cluster and re.fullmatch(r"c-[0-9a-f]{8}", q.cluster) for q in quotes)
    assert len(clusters) == 3
    assert sorted(len(c.members) for c in clusters) == [1, 2, 2]


def test_clustering_leaves_its_input_quotes_unchanged() -> None:
    quotes = sample()
    clusters = cluster_quotes(quotes)
    assert all(q.cluster is None for q in quotes)
    assert all(m.cluster == c.id for c in clusters for m in c.members)


def test_ids_are_the_same_across_runs() -> None:
    first, second = sample(), sample()
    first = with_clusters(first)[0]
    second = with_clusters(second)[0]
    assert ids_by_place(first) == ids_by_place(second)


def test_ids_do_not_depend_on_input_order() -> None:
    forward, backward = sample(), sample()[::-1]
    forward = with_clusters(forward)[0]
    backward = with_clusters(backward)[0]
    assert ids_by_place(forward) == ids_by_place(backward)


def sample_of_distinctive_words() -> list[Quote]:
    return [
        quote(FULL_STATEMENT_ON_DIKES, "a.txt"),
        quote("speed in repairing the dikes is essential", "b.txt", start=500, kind="indirect", paragraph=5),
        quote("the need for continued work on the flood defences", "b.txt", start=400, kind="indirect", paragraph=5),
        quote(STATEMENT_OF_PROVOCATION, "a.txt", start=900),
        quote("a deliberate provocation", "b.txt", start=900, kind="partial"),
        quote("it was a provocation or an accident", "c.txt", kind="indirect"),
    ]


def test_pieces_and_keywords_join_whatever_the_input_order() -> None:
    forward, backward = sample_of_distinctive_words(), sample_of_distinctive_words()[::-1]
    forward = with_clusters(forward)[0]
    backward = with_clusters(backward)[0]
    assert ids_by_place(forward) == ids_by_place(backward)
    assert len(set(ids_by_place(forward).values())) == 2


def test_clusters_come_in_order_of_first_appearance() -> None:
    quotes, clusters = with_clusters(sample())
    assert [c.members[0] for c in clusters] == [quotes[0], quotes[1], quotes[4]]


# --- flags ---------------------------------------------------------------------------------------


def test_flag_wording_differs_when_quoted_members_disagree() -> None:
    a = quote("Our farmers have lost more than half of this year's harvest to the floods.", "a.txt")
    b = quote("Our farmers have lost more than half of this season's harvest to the floods.", "b.txt")
    (cluster,) = cluster_quotes([a, b])
    assert cluster.flags == ["wording differs"]


def test_no_wording_flag_when_a_partial_quote_is_a_fragment_of_the_full_quote() -> None:
    direct = quote("The port will reopen to grain ships by the end of March.", "a.txt")
    partial = quote("reopen to grain ships", "b.txt", kind="partial")
    (cluster,) = cluster_quotes([direct, partial])
    assert cluster.flags == []


def test_flag_partial_when_no_full_quote_was_seen() -> None:
    reported = quote("the port would reopen to grain ships by the end of March", "a.txt", kind="indirect")
    partial = quote("reopen to grain ships", "b.txt", kind="partial")
    (cluster,) = cluster_quotes([reported, partial])
    assert cluster.flags == ["partial"]


def test_flag_paraphrase_only_when_every_member_is_reported_speech() -> None:
    a = quote("the port would reopen to grain ships by the end of March", "a.txt", kind="indirect")
    b = quote("the port would reopen to grain ships by the end of March", "b.txt", kind="indirect")
    (cluster,) = cluster_quotes([a, b])
    assert cluster.flags == ["paraphrase only"]


@pytest.mark.parametrize(
    ("first", "second", "flagged"),
    [
        ("Matthew Mueller", "Matthew Miller", True),  # one speaker, two spellings of the surname
        ("Volodymyr Zelenskiy", "Zelensky", False),  # transliterations of one name
        ("Matthew Miller", "Miller", False),  # the surname alone
        ("Matthew Miller", "He", False),  # a pronoun is no written name
        ("Matthew Miller", "Spokesman", False),  # nor a title
    ],
)
def test_flag_speaker_differs_when_sources_spell_one_speakers_name_differently(first: str, second: str, flagged: bool) -> None:
    speaker = "Volodymyr Zelensky" if "Zelensk" in first else "Matthew Miller"
    a = quote("The bridge will reopen to lorries in the first week of May.", "a.txt", speaker=speaker, mention=first)
    b = quote("The bridge will reopen to lorries in the first week of May.", "b.txt", speaker=speaker, mention=second)
    (cluster,) = cluster_quotes([a, b])
    assert ("speaker differs" in cluster.flags) is flagged


# --- for renderers -------------------------------------------------------------------------------


def test_a_fragment_or_a_paraphrase_does_not_differ_from_the_wording() -> None:
    wording = "There will be no ceasefire until the last soldier leaves."
    assert not differs_from(wording, quote("THERE WILL be no ceasefire until the last soldier leaves"))
    assert not differs_from(wording, quote("no ceasefire", kind="partial"))
    assert not differs_from(wording, quote("there would be no truce", kind="indirect"))
    assert differs_from(wording, quote("There will be no truce until the last soldier leaves."))
    assert differs_from(wording, quote("no cease", kind="partial"))  # a word cut is not a fragment


def test_word_diff_marks_deleted_and_inserted_words() -> None:
    assert word_diff("no ceasefire until May", "no truce until May") == [
        ("equal", "no"),
        ("delete", "ceasefire"),
        ("insert", "truce"),
        ("equal", "until"),
        ("equal", "May"),
    ]


def test_word_diff_ignores_case_and_punctuation() -> None:
    assert word_diff("Peace, now.", "peace now") == [("equal", "Peace,"), ("equal", "now.")]


def test_cluster_summary_prefers_the_longest_direct_quote_and_lists_sources() -> None:
    direct = quote("The port will reopen to grain ships by the end of March.", "b.txt", line=7)
    partial = quote("reopen to grain ships", "a.txt", kind="partial", line=2)
    reported = quote("the port would reopen to grain ships within weeks", "a.txt", start=300, kind="indirect", line=9)
    (cluster,) = cluster_quotes([partial, direct, reported])
    summary = cluster_summary(cluster)
    assert summary.speaker == SPEAKER
    assert summary.text == direct.text
    assert summary.sources == ("a.txt:2", "a.txt:9", "b.txt:7")
    assert summary.sources_count == 2
    assert summary.id == cluster.id


# --- date order and first publisher --------------------------------------------------------------

STATEMENT = "The port will reopen to grain ships by the end of March."


def dated(source: str, date: str | None, start: int = 0) -> Quote:
    return replace(quote(STATEMENT, source, start=start), meta=SourceMeta(outlet=source, date=date))


def test_members_are_listed_in_the_date_order_of_their_sources_undated_last() -> None:
    quotes = [dated("a.txt", None), dated("b.txt", "2024-08-09"), dated("c.txt", "2024-08-07"), dated("d.txt", "2024-08-08")]
    (cluster,) = cluster_quotes(quotes)
    assert [m.source for m in cluster.members] == ["c.txt", "d.txt", "b.txt", "a.txt"]
    assert cluster_summary(cluster).sources == ("c.txt:5", "d.txt:5", "b.txt:5", "a.txt:5")


def test_members_of_one_date_go_by_source_name_and_offset_whatever_the_input_order() -> None:
    quotes = [dated("b.txt", "2024-08-07"), dated("a.txt", "2024-08-07", start=400), dated("a.txt", "2024-08-07")]
    orders = [[(m.source, m.start) for m in cluster_quotes(q)[0].members] for q in (quotes, quotes[::-1])]
    assert orders[0] == orders[1] == [("a.txt", 0), ("a.txt", 400), ("b.txt", 0)]


def test_the_source_of_the_earliest_date_published_first() -> None:
    (cluster,) = cluster_quotes([dated("late.txt", "2024-08-09"), dated("early.txt", "2024-08-07"), dated("none.txt", None)])
    assert cluster_summary(cluster).first_sources == ("early.txt",)


def test_two_sources_of_the_same_day_without_times_both_published_first() -> None:
    quotes = [dated("a.txt", "2024-08-07"), dated("b.txt", "2024-08-07T09:30:00"), dated("c.txt", "2024-08-08")]
    (cluster,) = cluster_quotes(quotes)
    assert cluster_summary(cluster).first_sources == ("a.txt", "b.txt")


def test_times_decide_the_first_publisher_when_every_source_of_the_day_gives_one() -> None:
    # 10:00 in Kyiv (UTC+3) is 07:00 UTC, before 08:00 UTC
    quotes = [dated("utc.txt", "2024-08-07T08:00:00+00:00"), dated("kyiv.txt", "2024-08-07T10:00:00+03:00")]
    (cluster,) = cluster_quotes(quotes)
    assert [m.source for m in cluster.members] == ["kyiv.txt", "utc.txt"]
    assert cluster_summary(cluster).first_sources == ("kyiv.txt",)


def test_no_first_publisher_when_no_source_is_dated() -> None:
    (cluster,) = cluster_quotes([dated("a.txt", None), dated("b.txt", None)])
    assert cluster_summary(cluster).first_sources == ()


# --- synonyms file -------------------------------------------------------------------------------


def test_synonyms_file_maps_inflected_members_and_phrases_to_one_key(tmp_path) -> None:
    path = tmp_path / "synonyms.toml"
    path.write_text('groups = [["truce", "ceasefire"], ["play down", "downplay"]]\n', encoding="utf-8")
    synonyms = load_synonyms(path)
    assert synonyms.senses[stem("ceasefire")] == synonyms.senses[stem("truce")]
    assert [key for _, key in synonyms.phrases[stem("play")]] == [synonyms.senses[stem("downplay")]]


def test_synonyms_file_with_a_word_in_two_groups_is_an_error(tmp_path) -> None:
    path = tmp_path / "synonyms.toml"
    path.write_text('groups = [["truce", "ceasefire"], ["armistice", "truces"]]\n', encoding="utf-8")
    with pytest.raises(RulesError, match="truces"):
        load_synonyms(path)


@pytest.mark.model
def test_clusters_do_not_depend_on_the_hash_seed(run_quotes) -> None:
    folder = str(Path(__file__).resolve().parent / "data" / "blind1")
    runs = [run_quotes("extract", folder, "--format", "jsonl", "-o", "-", env={"PYTHONHASHSEED": seed}) for seed in ("1", "4")]
    assert runs[0].returncode == 0 and runs[0].stdout == runs[1].stdout
