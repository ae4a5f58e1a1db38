"""Settings from `[tool.quotes]` in pyproject.toml or `.quotes.toml`."""

from __future__ import annotations

import pytest

from quotes.config import ConfigError, find_config, load_config


def test_settings_come_from_tool_quotes_in_pyproject(tmp_path):
    settings = '[project]\nname = "desk"\n\n[tool.quotes]\nsources = ["sources/"]\n'
    (tmp_path / "pyproject.toml").write_text(settings, encoding="utf-8")
    config = load_config(start=tmp_path)
    assert config.sources == (tmp_path / "sources/",)


def test_paths_are_relative_to_the_settings_file_not_the_working_folder(tmp_path):
    (tmp_path / ".quotes.toml").write_text('speakers = ["people.toml"]\n', encoding="utf-8")
    (tmp_path / "drafts").mkdir()
    assert load_config(start=tmp_path / "drafts").speakers == (tmp_path / "people.toml",)


def test_a_pyproject_without_tool_quotes_is_passed_over(tmp_path):
    (tmp_path / ".quotes.toml").write_text('model = "my_model"\n', encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "pyproject.toml").write_text('[project]\nname = "other"\n', encoding="utf-8")
    assert find_config(tmp_path / "sub") == tmp_path / ".quotes.toml"


def test_no_settings_file_gives_empty_settings(tmp_path):
    config = load_config(start=tmp_path)
    assert (config.sources, config.speakers, config.model, config.strict) == ((), (), None, False)


def test_a_misspelt_setting_is_an_error_naming_file_and_line(tmp_path):
    path = tmp_path / ".quotes.toml"
    path.write_text('model = "x"\nsorces = ["a"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=rf"^{path}:2: unknown setting 'sorces'"):
        load_config(start=tmp_path)


def test_broken_toml_is_an_error_naming_file_and_line(tmp_path):
    path = tmp_path / ".quotes.toml"
    path.write_text('model = "x"\n[broken\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=rf"^{path}:2: "):
        load_config(start=tmp_path)


def test_a_setting_of_the_wrong_type_is_an_error(tmp_path):
    (tmp_path / ".quotes.toml").write_text('sources = "a"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="'sources' must be a list"):
        load_config(start=tmp_path)


def test_an_unknown_settings_table_is_reported_at_its_header_line(tmp_path):
    path = tmp_path / "pyproject.toml"
    path.write_text('[project]\nname = "x"\n\n[tool.quotes]\nstrict = true\n\n[tool.quotes.extra]\nx = 1\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"pyproject.toml:7: unknown setting 'extra'"):
        load_config(path)


def test_a_byte_order_mark_in_quotes_toml_is_not_a_syntax_error(tmp_path):
    path = tmp_path / ".quotes.toml"
    path.write_bytes("\ufeffstrict = true\n".encode())
    assert load_config(path).strict is True


def test_ignore_takes_a_list_of_check_codes(tmp_path):
    path = tmp_path / ".quotes.toml"
    path.write_text('ignore = ["QC104"]\n', encoding="utf-8")
    assert load_config(path).ignore == frozenset({"QC104"})
    path.write_text('ignore = ["unsourced"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="'ignore' must be a list of codes"):
        load_config(path)


def test_a_url_in_sources_stays_a_url_beside_relative_paths(tmp_path):
    (tmp_path / ".quotes.toml").write_text('sources = ["saved/", "https://example.org/story"]\n', encoding="utf-8")
    assert load_config(start=tmp_path).sources == (tmp_path / "saved", "https://example.org/story")
