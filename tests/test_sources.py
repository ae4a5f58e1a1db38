"""Reading files, folders and odd bytes (no model)."""

from __future__ import annotations

import pytest

from quotes.sources.files import Skipped, SourceError, decode, expand, looks_binary, read_documents, title_of


def test_utf8_with_bom_decodes_without_the_bom():
    text, warnings = decode("\ufeffHello".encode())
    assert text == "Hello" and warnings == ()


def test_non_utf8_falls_back_with_a_warning():
    text, warnings = decode("caf\xe9 “ok”".encode("cp1252"))
    assert text == "café “ok”"
    assert warnings and "not UTF-8" in warnings[0]


def test_binary_file_in_a_folder_is_skipped(tmp_path):
    (tmp_path / "junk.txt").write_bytes(b"\x00\x01\x02binary\x00")
    (tmp_path / "story.txt").write_text("A headline\n\nBody.", encoding="utf-8")
    results = list(read_documents(expand([str(tmp_path)])))
    assert [type(r).__name__ for r in results] == ["Skipped", "Document"]
    assert isinstance(results[0], Skipped) and results[0].reason == "binary file"


def test_folders_are_walked_for_text_pages_and_word_files_only(tmp_path):
    (tmp_path / "sub").mkdir()
    for name in ("sub/a.md", "b.txt", "c.pdf", "sub/d.html", "e.HTM", "f.docx", "g.json"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    found = sorted(p.rsplit("/", 1)[-1] for p in expand([str(tmp_path)]))
    assert found == ["a.md", "b.txt", "d.html", "e.HTM", "f.docx"]


def test_missing_path_raises_a_source_error(tmp_path):
    with pytest.raises(SourceError, match="no such file"):
        expand([str(tmp_path / "nope.txt")])


def test_title_is_the_first_non_empty_line():
    assert title_of("\n\n  Storm hits coast \nBody") == "Storm hits coast"


def test_newlines_are_kept_as_in_the_file(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"Title\r\n\r\nBody")
    [document] = list(read_documents([str(path)]))
    assert document.text == "Title\r\n\r\nBody"


def test_a_few_bad_bytes_in_utf8_are_replaced_not_a_reason_to_decode_the_file_as_cp1252():
    good = "Ministry spokesman: « Nous restons ». “We stay,” the minister said. " * 30
    data = good.encode()[:200] + b"\xff" + good.encode()[200:]
    text, warnings = decode(data)
    assert "\ufffd" in text and text.count("“We stay,”") >= 29
    assert warnings and "bad byte" in warnings[0] and "replaced" in warnings[0]


def test_a_file_that_is_not_utf8_is_decoded_by_its_charset():
    text, warnings = decode("Der Bürgermeister sagte: „Wir bleiben“. Café, naïve.".encode("cp1252"))
    assert "„Wir bleiben“" in text and "Bürgermeister" in text
    assert warnings and "not UTF-8" in warnings[0]


def test_utf16_with_a_byte_order_mark_is_text():
    data = "“We stay,” the minister said.".encode("utf-16")
    assert not looks_binary(data)
    assert decode(data) == ("“We stay,” the minister said.", ())


def test_a_utf8_byte_order_mark_is_not_part_of_the_text_offsets_index():
    assert decode(b"\xef\xbb\xbfabc") == ("abc", ())


def test_a_cp1252_file_with_an_undefined_byte_keeps_its_quotes():
    data = "“We will stay open,” said caf\xe9 owner Rui Sousa.".encode("cp1252") + b"\x81"
    text, warnings = decode(data)
    assert text.startswith("“We will stay open,”") and warnings


def test_a_looping_symlink_is_named_as_such(tmp_path):
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    with pytest.raises(SourceError, match="symbolic link to nothing"):
        expand([str(tmp_path / "a")])
