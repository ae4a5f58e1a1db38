"""Speaker identities: the directory, in-article resolution and linking across articles."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from quotes.config import ConfigError
from quotes.corpus.identities import (
    is_spelling_of,
    link_corpus,
    load_directory,
    read_speakers,
    same_person,
    speaks_for,
    summarise_speakers,
    surname_and_initial_of,
)
from quotes.models import Quote
from quotes.rules import load_rules
from quotes.text.names import identity_key

REPO = Path(__file__).resolve().parents[1]


def quote(speaker: str | None, source: str = "a.txt", kind: str = "person", mention: str | None = None) -> Quote:
    return Quote(source, 0, 5, "words", "direct", speaker=speaker, speaker_mention=mention or speaker, speaker_kind=kind)  # type: ignore[arg-type]


def write(tmp_path, text: str, name: str = "mine.toml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# --- keys ------------------------------------------------------------------------------------


@pytest.mark.parametrize("spelling", ["Volodymyr Zelensky", "Volodymyr Zelenskiy", "Volodymyr Zelenskyy"])
def test_transliterations_share_one_identity_key(spelling):
    assert identity_key(spelling) == identity_key("Volodymyr Zelensky")


@pytest.mark.parametrize("first", ["Alexei", "Aleksei", "Alexey", "Aleksey"])
def test_first_name_transliterations_share_one_key(first):
    assert identity_key(f"{first} Petrenko") == identity_key("Alexei Petrenko")


def test_a_german_umlaut_and_its_written_out_form_share_one_key():
    assert identity_key("Jonas Kälin") == identity_key("Jonas Kaelin")


def test_slavic_yk_and_ik_endings_share_one_key():
    assert identity_key("Dale Kowalczik") == identity_key("Dale Kowalczyk")


def test_an_arabic_article_glued_to_a_surname_keeps_one_key():
    assert same_person("Faisal bin Nasser Al-Marzouqi", "al-Marzooqi") and same_person("Marzooqi", "Al-Marzouqi")


def test_an_initial_and_the_first_name_it_stands_for_are_one_person():
    assert same_person("A. Chaturvedi", "Anil Chaturvedi") and not same_person("R. Chaturvedi", "Anil Chaturvedi")


def test_a_bodys_initials_are_the_body():
    assert same_person("NWS", "NordWest Schienennetz") and same_person("MCA", "Maritime and Coastguard Agency")


def test_initials_that_are_not_the_names_are_another_body():
    assert not same_person("BBC", "Ben Sato") and not same_person("NWS", "National Rail Service")


def test_initials_written_in_mixed_or_title_case_are_the_body():
    assert same_person("KeNHA", "Kenya National Highways Authority")
    assert same_person("Phawu", "Public Health and Allied Workers' Union")


def test_a_short_word_in_title_case_is_no_initials():
    assert not same_person("Tom", "The Other Man")


def test_y_and_i_elsewhere_keep_names_apart():
    assert identity_key("Jane Smyth") != identity_key("Jane Smith")


def test_different_first_names_give_different_keys():
    assert identity_key("Anna Kowalski") != identity_key("John Kowalski")


@pytest.mark.parametrize(
    ("body", "person"), [("Elaine Marsh campaign", "Elaine Marsh"), ("Clinton Foundation", "Hillary Clinton")]
)
def test_a_body_named_after_a_person_speaks_for_them(body, person):
    assert speaks_for(body, person)


def test_a_relative_who_shares_a_surname_does_not_speak_for_the_other():
    assert not speaks_for("Bill Clinton", "Hillary Clinton")


def test_a_different_surname_is_not_a_transliteration():
    assert identity_key("Mueller") != identity_key("Miller")


@pytest.mark.parametrize(
    ("mention", "is_name"),
    [("Matthew Mueller", True), ("He", False), ("His", False), ("the ministry", False), ("Ministry of Defense", True)],
)
def test_written_names_are_told_from_pronouns_and_descriptions(mention, is_name):
    assert load_rules().is_written_name(mention) is is_name


# --- the built-in directory ----------------------------------------------------------------------


@pytest.mark.parametrize("written", ["Zelenskiy", "Zelenskyy", "Volodymyr Zelenskiy"])
def test_directory_links_every_spelling_of_zelensky(written):
    assert load_directory().find(written).name == "Volodymyr Zelensky"


@pytest.mark.parametrize("written", ["Aleksei Smirnov", "Alexey Smirnov", "Alexei Smirnov"])
def test_directory_links_every_spelling_of_smirnov(written):
    assert load_directory().find(written).name == "Alexei Smirnov"


@pytest.mark.parametrize("written", ["Russian Ministry of Defense", "Russian Defence Ministry", "Ministry of Defense of Russia"])
def test_directory_links_names_of_the_defense_ministry(written):
    assert load_directory().find(written).name == "Russian Defense Ministry"


def test_moscow_speaks_for_the_russian_government():
    assert load_directory().find("Moscow").name == "Russian government"


def test_a_title_alone_links_to_its_holder():
    assert load_directory().find("the State Department spokesman").name == "Matthew Miller"


def test_another_person_with_a_known_surname_is_not_linked():
    assert load_directory().find("Stephen Miller") is None


def test_link_gives_the_canonical_name_kind_and_id():
    linked = load_directory().link(quote("Zelenskyy", kind="unknown"))
    assert (linked.speaker, linked.speaker_kind, linked.speaker_id) == ("Volodymyr Zelensky", "person", "Q3874799")


# --- the user's speakers files -------------------------------------------------------------------


def test_user_entries_win_over_builtin_ones(tmp_path):
    path = write(tmp_path, '[[speaker]]\nname = "Stephen Miller"\naliases = ["Miller"]\n')
    assert load_directory((path,)).find("Miller").name == "Stephen Miller"


def test_an_alias_claimed_twice_warns_naming_both(tmp_path):
    path = write(
        tmp_path, '[[speaker]]\nname = "Ada Byrne"\naliases = ["Byrne"]\n\n[[speaker]]\nname = "Tom Byrne"\naliases = ["Byrne"]\n'
    )
    [warning] = load_directory((path,)).warnings
    assert "'Byrne'" in warning and "'Ada Byrne'" in warning and "'Tom Byrne'" in warning


def test_malformed_speakers_file_names_file_and_line(tmp_path):
    path = write(tmp_path, '[[speaker]]\nname = "Ada Byrne"\naliases = ["Byrne"\n')
    with pytest.raises(ConfigError, match=rf"^{path}:3: "):
        load_directory((path,))


def test_entry_without_a_name_names_the_line_of_its_header(tmp_path):
    path = write(tmp_path, '[[speaker]]\nname = "Ada Byrne"\n\n[[speaker]]\naliases = ["Byrne"]\n')
    with pytest.raises(ConfigError, match=rf"^{path}:4: .*needs a name"):
        load_directory((path,))


def test_a_speakers_file_of_10000_entries_loads_without_hanging(tmp_path):
    """Each entry's header line was looked up from the top of the file again: 10,000 entries took minutes."""
    entries = (f'[[speaker]]\nname = "Person{i} Surname{i}"\naliases = ["P{i} Surname{i}"]\n\n' for i in range(10_000))
    path = write(tmp_path, "".join(entries))
    script = f"from pathlib import Path; import quotes.corpus.identities as i; i.load_directory((Path({str(path)!r}),))"
    environ = {**os.environ, "PYTHONPATH": str(REPO)}
    subprocess.run([sys.executable, "-c", script], env=environ, check=True, timeout=60)


def test_unknown_kind_is_an_error(tmp_path):
    path = write(tmp_path, '[[speaker]]\nname = "Ada Byrne"\nkind = "robot"\n')
    with pytest.raises(ConfigError, match="kind 'robot'"):
        load_directory((path,))


# --- across articles -----------------------------------------------------------------------------


def test_unknown_spellings_of_one_person_join_under_the_most_common():
    quotes = [quote("Aleksandr Petrenko", "a.txt"), quote("Alexandr Petrenko", "b.txt"), quote("Alexandr Petrenko", "c.txt")]
    assert {q.speaker for q in link_corpus(quotes, load_directory())} == {"Alexandr Petrenko"}


def test_a_surname_alone_joins_the_only_full_name_with_it():
    quotes = [quote("Ines Falk", "a.txt"), quote("Falk", "b.txt")]
    assert [q.speaker for q in link_corpus(quotes, load_directory())] == ["Ines Falk", "Ines Falk"]


def test_two_people_sharing_a_surname_stay_apart_and_the_bare_surname_stays_ambiguous():
    quotes = [quote("Anna Kowalski", "a.txt"), quote("John Kowalski", "b.txt"), quote("Kowalski", "c.txt")]
    assert [q.speaker for q in link_corpus(quotes, load_directory())] == ["Anna Kowalski", "John Kowalski", "Kowalski"]


def test_a_title_left_unnamed_is_its_one_holder_elsewhere_in_the_corpus():
    named = replace(quote("Ciarán Ó Súilleabháin", "rte.txt"), speaker_role="Taoiseach")
    unnamed = quote("Taoiseach", "podcast.txt", kind="unnamed")
    assert [q.speaker for q in link_corpus([named, unnamed], load_directory())] == ["Ciarán Ó Súilleabháin"] * 2


def test_a_title_two_people_hold_in_the_corpus_stays_as_written():
    ministers = [replace(quote(name, f"{i}.txt"), speaker_role="minister") for i, name in enumerate(["Ana Ruiz", "Tom Berg"])]
    unnamed = quote("minister", "c.txt", kind="unnamed")
    assert link_corpus([*ministers, unnamed], load_directory())[-1].speaker == "minister"


def test_an_organisation_joins_the_only_longer_name_that_ends_in_it():
    quotes = [quote("American Red Cross", "a.txt", kind="organisation"), quote("Red Cross", "b.txt", kind="organisation")]
    assert [q.speaker for q in link_corpus(quotes, load_directory())] == ["American Red Cross", "American Red Cross"]


def test_a_name_two_longer_names_end_in_stays_as_written():
    quotes = [
        quote("Russian Border Guard Service", "a.txt", kind="organisation"),
        quote("Ukrainian Border Guard Service", "b.txt", kind="organisation"),
        quote("Border Guard Service", "c.txt", kind="organisation"),
    ]
    assert [q.speaker for q in link_corpus(quotes, load_directory())][2] == "Border Guard Service"


def test_a_generic_name_joins_no_longer_name():
    quotes = [quote("Israeli Health Ministry", "a.txt", kind="organisation"), quote("Health Ministry", kind="organisation")]
    assert [q.speaker for q in link_corpus(quotes, load_directory())][1] == "Health Ministry"


def test_a_person_does_not_join_a_longer_name_that_ends_in_theirs():
    quotes = [quote("Ana Maria Garcia", "a.txt"), quote("Maria Garcia", "b.txt")]
    assert [q.speaker for q in link_corpus(quotes, load_directory())][1] == "Maria Garcia"


def test_groups_keep_their_words_and_never_join_a_person():
    quotes = [
        quote("Ines Falk", "a.txt"),
        quote("military bloggers", "b.txt", kind="group"),
        quote("Military bloggers", "c.txt", kind="group"),
    ]
    linked = link_corpus(quotes, load_directory())
    assert [q.speaker for q in linked] == ["Ines Falk", "military bloggers", "military bloggers"]
    assert [q.speaker_kind for q in linked][1:] == ["group", "group"]


# --- the speakers table ----------------------------------------------------------------------------


def test_summary_counts_quotes_and_sources_per_identity():
    quotes = [quote("Ines Falk", "a.txt"), quote("Ines Falk", "a.txt"), quote("Ines Falk", "b.txt"), quote("Tom Ure", "b.txt")]
    [falk, ure] = summarise_speakers(quotes, load_directory())
    assert (falk.name, falk.quotes, len(falk.sources)) == ("Ines Falk", 3, 2)
    assert (ure.name, ure.quotes) == ("Tom Ure", 1)


def test_a_misspelt_name_is_kept_as_a_spelling_seen():
    quotes = [
        quote("Matthew Miller", mention="Matthew Mueller"),
        quote("Matthew Miller", mention="Miller"),
        quote("Matthew Miller", mention="he"),
    ]
    [summary] = summarise_speakers(quotes, load_directory())
    assert set(summary.spellings) == {"Matthew Mueller", "Miller"}


def test_another_persons_name_is_not_a_spelling():
    assert not is_spelling_of("Anna Kowalski", "Ines Falk", load_directory())


# --- in one article (needs the parser) ------------------------------------------------------------


@pytest.mark.model
def test_two_people_sharing_a_surname_in_one_article_stay_apart(quotes_of):
    text = (
        'Anna Kowalski, a nurse at the clinic, said: "We ran out of beds at noon."\n\n'
        'Her brother John Kowalski, the town mayor, said: "The road will reopen on Friday."\n'
    )
    assert [q.speaker for q in quotes_of(text)] == ["Anna Kowalski", "John Kowalski"]


@pytest.mark.model
def test_a_surname_alone_resolves_to_the_latest_person_with_it(quotes_of):
    text = (
        "Anna Kowalski runs the clinic. Her brother John Kowalski is the mayor.\n\n"
        '"The road will reopen on Friday," Kowalski said.\n'
    )
    assert [q.speaker for q in quotes_of(text)] == ["John Kowalski"]


@pytest.mark.model
def test_the_ministry_resolves_to_the_ministry_the_article_named(quotes_of):
    text = (
        "The Ministry of Health of Freedonia published new figures on Monday.\n\n"
        '"The outbreak is now under control," the ministry said in a statement.\n'
    )
    [found] = quotes_of(text)
    assert found.speaker == "Ministry of Health of Freedonia"
    assert found.speaker_kind == "organisation"


@pytest.mark.model
def test_a_speaker_described_without_a_name_is_marked_unnamed(quotes_of):
    [found] = quotes_of('"The pumps failed at midnight," a spokesman for the port said.\n')
    assert (found.speaker, found.speaker_kind) == ("spokesman for the port", "unnamed")


def test_a_misspelt_table_in_a_speakers_file_is_an_error(tmp_path):
    path = write(tmp_path, '[[speakers]]\nname = "Ada Byrne"\n')
    with pytest.raises(ConfigError, match=rf"^{path}:1: unknown table or key 'speakers'"):
        load_directory((path,))


def test_an_unknown_key_in_an_entry_is_an_error(tmp_path):
    path = write(tmp_path, '[[speaker]]\nname = "Ada Byrne"\nalias = ["Byrne"]\n')
    with pytest.raises(ConfigError, match="unknown key 'alias'"):
        load_directory((path,))


def test_arabic_transliterations_share_one_identity_key():
    assert identity_key("Qadhafi") == identity_key("Gaddafi")
    assert identity_key("Qaddour") == identity_key("Gaddour")


def test_one_name_written_with_and_without_a_word_break_links_across_articles():
    quotes = [quote("Abdulhamid Qaddour", "a.txt"), quote("Abdul Hamid Gaddour", "b.txt"), quote("Abdul Hamid Gaddour", "b.txt")]
    assert {q.speaker for q in link_corpus(quotes, load_directory())} == {"Abdul Hamid Gaddour"}


@pytest.mark.parametrize("titles", ["[titles]\nwords = 3\n", 'titles = "abc"\n', "[titles]\nwrods = []\n"])
def test_a_speakers_file_with_malformed_titles_is_refused_with_its_line(tmp_path, titles):
    path = tmp_path / "speakers.toml"
    path.write_text(titles + '\n[[speaker]]\nname = "Ana Lind"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=rf"{path}:1: "):
        read_speakers(path)


def test_a_surname_with_its_particles_is_the_person_of_the_full_name():
    assert same_person("Van der Berg", "Pieter van der Berg") and same_person("De Wit", "Anouk de Wit")


def test_a_name_transliterated_otherwise_in_both_words_is_the_same_person():
    assert same_person("Demetri Costakis", "Dimitris Kostakis")


def test_a_long_surname_spelt_one_letter_apart_with_one_first_name_is_the_same_person():
    assert same_person("Denise Arceneaux", "Denise Arseneaux") and same_person("Maria Fernandes", "Maria Fernandez")


def test_short_surnames_one_letter_apart_or_other_first_names_are_two_people():
    assert not same_person("Tom Hale", "Tom Hall") and not same_person("Ann Smithson", "Bob Smithsen")


def test_first_names_of_two_genders_with_one_surname_are_two_people():
    assert not same_person("Daniel Smith", "Daniela Smith")


def test_a_short_form_of_the_first_name_is_the_same_person():
    assert same_person("Don Kessler", "Donald Kessler") and same_person("Alex Moor", "Alexander Moor")


def test_a_first_name_that_is_not_the_start_of_the_other_is_another_person():
    assert not same_person("Bill Clinton", "Hillary Clinton") and not same_person("Al Kessler", "Alan Kessler")


def test_a_name_without_its_patronymic_or_middle_name_is_the_same_person():
    assert same_person("Arkady Belyaev", "Arkady Yuryevich Belyaev") and same_person("Gladys Mwangi", "Gladys Wairimu Mwangi")


def test_a_given_name_and_the_first_of_two_surnames_is_the_same_person():
    assert same_person("Lucía Esteban", "Lucía Esteban Ródenas")
    assert not same_person("Lucía Esteban", "Lucía Ródenas Esteban Mora")
    assert not same_person("Ines Falk", "Ines Falk campaign")


def test_a_name_with_another_first_word_and_the_same_last_is_not_joined_by_the_middle_rule():
    assert not same_person("Irina Belyaeva", "Arkady Yuryevich Belyaev")


def test_a_name_is_one_however_its_parts_are_joined():
    assert same_person("Hisham Abdel Rahman", "Hisham Abdel-Rahman") and same_person("Abdelrahman", "Abdel Rahman")


def test_a_one_word_label_is_the_outlet_whose_name_it_opens(quotes_of):
    text = (
        "# Nkosi: 'I stopped asking'\n\n"
        "Meridian Review met Thandiwe Nkosi in her rehearsal studio.\n\n"
        "MERIDIAN: Have you spoken to him since?\n\n"
        "Nkosi: Once, at an awards dinner.\n\n"
        "MERIDIAN: What comes next?\n\n"
        "Nkosi: A solo, and then a long rest.\n\n"
        "MERIDIAN: Where will it open?\n\n"
        "Nkosi: At the Civic Playhouse.\n"
    )
    asked = [q.speaker for q in quotes_of(text, "qa.md") if q.kind == "indirect" and q.text.endswith("?")]
    assert asked == ["Meridian Review"] * 3


def test_a_name_in_a_recased_headline_keeps_its_capitals(quotes_of):
    text = (
        "Press Briefing by Press Secretary Karina Alvarez\n\n"
        "MS. ALVAREZ: Good afternoon, everybody. I have a couple of things at the top.\n\n"
        "Q: Will the President travel?\n\n"
        "MS. ALVAREZ: I don't have any travel to announce at this time.\n\n"
        "Q: And the Fed?\n\n"
        "MS. ALVAREZ: The President respects the independence of the Fed.\n"
    )
    assert {q.speaker for q in quotes_of(text) if q.speaker_mention == "MS. ALVAREZ"} == {"Karina Alvarez"}


def test_an_initial_and_a_family_name_given_first_may_be_one_person():
    assert surname_and_initial_of("H. Liao", "Liao Hsin-yi")


def test_an_initial_that_differs_from_the_given_name_after_a_family_name_is_no_sign():
    assert not surname_and_initial_of("K. Liao", "Liao Hsin-yi")
