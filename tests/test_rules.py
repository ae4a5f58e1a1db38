"""The rules in patterns/ are checked when they load: each problem is one line naming the file and line."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from quotes.rules import RulesError, load_rules, patterns_dir
from quotes.rules.check import check_folder


@pytest.fixture
def patterns(tmp_path: Path) -> Path:
    """A copy of the built-in patterns folder to break."""
    folder = tmp_path / "patterns"
    shutil.copytree(patterns_dir(), folder)
    return folder


def _replace_line(path: Path, number: int, new: str) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[number - 1] = new
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _first_rule_line(path: Path) -> tuple[int, str]:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.startswith("{"):
            return number, line
    raise AssertionError(f"no rule in {path}")


def _error(folder: Path) -> str:
    with pytest.raises(RulesError) as caught:
        load_rules(folder)
    message = str(caught.value)
    assert "\n" not in message
    return message


def test_the_built_in_patterns_pass_their_own_checks() -> None:
    assert "cues.toml" in check_folder(patterns_dir())


def test_a_pattern_without_a_speaker_node_is_refused_with_its_line(patterns: Path) -> None:
    path = patterns / "attribution.jsonl"
    number, line = _first_rule_line(path)
    _replace_line(
        path,
        number,
        line.replace('"RIGHT_ID": "speaker"', '"RIGHT_ID": "talker"').replace('"LEFT_ID": "speaker"', '"LEFT_ID": "talker"'),
    )
    assert _error(patterns) == f"{path}:{number}: the pattern needs a node named 'speaker' (RIGHT_ID)"


def test_a_misspelt_token_attribute_is_refused_by_spacy_validation(patterns: Path) -> None:
    path = patterns / "reported.jsonl"
    number, line = _first_rule_line(path)
    _replace_line(path, number, line.replace('"DEP"', '"DEPP"', 1))
    message = _error(patterns)
    assert message.startswith(f"{path}:{number}: ")
    assert "DEPP" in message


def test_an_unknown_word_list_reference_names_the_list(patterns: Path) -> None:
    path = patterns / "attribution.jsonl"
    number, line = _first_rule_line(path)
    _replace_line(path, number, re.sub(r"\$verbs\.\w+", "$verbs.typo", line, count=1))
    assert _error(patterns) == f"{path}:{number}: unknown word list '$verbs.typo'"


def test_a_word_list_no_code_and_no_pattern_reads_is_refused(patterns: Path) -> None:
    path = patterns / "cues.toml"
    path.write_text(path.read_text(encoding="utf-8").replace("[nouns]\n", '[nouns]\nforgotten = ["memo"]\n', 1), encoding="utf-8")
    message = _error(patterns)
    assert "cues.toml:" in message
    assert "'nouns.forgotten'" in message


def test_a_word_list_the_code_reads_cannot_be_removed(patterns: Path) -> None:
    path = patterns / "cues.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('thing_pronouns = ["it", "its"]', ""), encoding="utf-8")
    assert _error(patterns).endswith("missing word list 'speakers.thing_pronouns' ([speakers] thing_pronouns = [...])")


def test_asking_the_rules_for_a_list_they_lack_is_an_error() -> None:
    with pytest.raises(RulesError, match="no word list 'typo'"):
        load_rules().words("typo")


def test_a_toml_syntax_error_names_the_file_and_line(patterns: Path) -> None:
    path = patterns / "quote_marks.toml"
    path.write_text(path.read_text(encoding="utf-8") + "\n[broken\n", encoding="utf-8")
    line = len(path.read_text(encoding="utf-8").splitlines())
    assert _error(patterns).startswith(f"{path}:{line}: ")


def test_an_unknown_key_in_a_quote_mark_pair_is_refused(patterns: Path) -> None:
    path = patterns / "quote_marks.toml"
    path.write_text(path.read_text(encoding="utf-8").replace("spaced = true", "spaceed = true", 1), encoding="utf-8")
    assert "unknown key 'spaceed' in [pair]" in _error(patterns)


def test_two_rules_with_one_label_are_refused(patterns: Path) -> None:
    path = patterns / "reported.jsonl"
    _, line = _first_rule_line(path)
    path.write_text(path.read_text(encoding="utf-8") + line + "\n", encoding="utf-8")
    assert "is already used at" in _error(patterns)


def test_a_reported_span_must_name_a_node_of_its_pattern(patterns: Path) -> None:
    path = patterns / "reported.jsonl"
    number, line = _first_rule_line(path)
    _replace_line(path, number, line.rstrip("}") + ', "span": ["nowhere"]}')
    assert _error(patterns) == f"{path}:{number}: \"span\" names 'nowhere', which is not a node of the pattern"


def test_check_folder_also_checks_the_layout_rules(patterns: Path) -> None:
    path = patterns / "layout.toml"
    path.write_text(path.read_text(encoding="utf-8") + '\n[surprise]\nkey = "x"\n', encoding="utf-8")
    with pytest.raises(RulesError, match=r"layout\.toml"):
        check_folder(patterns)


def test_rules_check_prints_a_one_line_error_and_exits_1(patterns: Path) -> None:
    path = patterns / "reported.jsonl"
    number, line = _first_rule_line(path)
    _replace_line(path, number, line.replace('"DEP"', '"DEPP"', 1))
    done = subprocess.run([sys.executable, "-m", "quotes.cli", "rules", "check", str(patterns)], capture_output=True, text=True)
    assert done.returncode == 1
    assert done.stderr.startswith(f"quotes: error: {path}:{number}: ")
    assert done.stderr.count("\n") == 1


def test_a_malformed_first_names_line_names_the_file_and_line(patterns: Path) -> None:
    path = patterns / "first_names.tsv"
    path.write_text(path.read_text(encoding="utf-8") + "dale male\n", encoding="utf-8")
    line = len(path.read_text(encoding="utf-8").splitlines())
    assert _error(patterns).startswith(f"{path}:{line}: expected a name, a tab and female or male")


def test_the_census_first_names_give_thousands_of_genders_and_the_curated_list_wins(patterns: Path) -> None:
    path = patterns / "first_names.tsv"
    path.write_text(path.read_text(encoding="utf-8") + "anna\tmale\n", encoding="utf-8")  # anna is curated as female
    rules = load_rules(patterns)
    assert len(rules.words("first_names.female") | rules.words("first_names.male")) > 2000
    assert {"renee", "anna"} <= rules.words("first_names.female") and "anna" not in rules.words("first_names.male")
    assert "dale" in rules.words("first_names.male")


def test_an_unknown_entity_label_kind_is_refused(patterns: Path) -> None:
    path = patterns / "entities.toml"
    path.write_text(path.read_text(encoding="utf-8").replace("group = [", "crowd = [", 1), encoding="utf-8")
    assert "unknown key 'crowd' in [labels]" in _error(patterns)


def test_a_unisex_name_has_no_gender_whatever_the_census_says() -> None:
    rules = load_rules()
    census = Path(patterns_dir() / "first_names.tsv").read_text(encoding="utf-8")
    assert "alex\tmale" in census
    assert "alex" not in rules.words("first_names.male") | rules.words("first_names.female")
