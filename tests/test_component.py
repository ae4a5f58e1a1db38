"""The spaCy pipeline component `quotes`."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

import quotes.component  # noqa: F401  (registers the factory when the package is not installed)
from quotes.component import SPAN_EXTENSIONS
from quotes.extraction.pipeline import extract
from quotes.models import Document
from quotes.rules import RulesError, patterns_dir, seeds_dir
from quotes.sources.files import Skipped, expand, read_documents

pytestmark = pytest.mark.model

ROOT = Path(__file__).resolve().parents[1]
TEXT = 'Harbour master Eva Lund spoke at dawn.\n\n"The storm has passed," Lund said.'
NEWSROOM_SPEAKERS = '[[speaker]]\nname = "Eva Lund-Berg"\naliases = ["Eva Lund"]\n'

Item = tuple[str, int, int, str | None]


@contextmanager
def with_component(nlp: Language, **config: object) -> Iterator[Language]:
    """`nlp` with the component last, taken out again afterwards (the model is shared by the session)."""
    nlp.add_pipe("quotes", config=config)
    try:
        yield nlp
    finally:
        nlp.remove_pipe("quotes")


@pytest.fixture
def nlp(pipeline):
    with with_component(pipeline.nlp) as nlp:
        yield nlp


def items(doc: Doc) -> list[Item]:
    return [(span.label_, span.start_char, span.end_char, span._.quote_speaker) for span in doc.spans["quotes"]]


def seed_documents() -> list[Document]:
    return [d for d in read_documents(expand([str(seeds_dir())])) if not isinstance(d, Skipped)]


def test_add_pipe_leaves_quotes_in_a_span_group(nlp):
    doc = nlp(TEXT)
    [span] = doc.spans["quotes"]
    assert (span.label_, span.text, span._.quote_speaker, span._.quote_cue) == (
        "direct",
        "The storm has passed,",
        "Eva Lund",
        "said",
    )


def test_span_extensions_hold_the_quote_fields(pipeline, quotes_of):
    [quote] = quotes_of(TEXT)
    with with_component(pipeline.nlp) as nlp:
        doc = nlp(TEXT)
    [span] = doc.spans["quotes"]
    expected = {name: getattr(quote, field) for name, field in SPAN_EXTENSIONS}
    assert {name: span._.get(name) for name, _ in SPAN_EXTENSIONS} == expected


@pytest.mark.parametrize("text", ["", " ", "\n\n\n"])
def test_empty_texts_give_no_quotes(nlp, text):
    empty, story = nlp.pipe([text, TEXT])
    assert list(empty.spans["quotes"]) == [] and len(story.spans["quotes"]) == 1


def test_spans_equal_the_cli_quotes_on_the_seeds(pipeline):
    """Item for item, per source, against the CLI's library path (which also links speakers across
    the seeds: that changes none of them, and is the one step a component on one Doc cannot take)."""
    expected: dict[str, list[Item]] = defaultdict(list)
    for quote in extract(seeds_dir(), pipeline=pipeline):
        expected[quote.source].append((quote.kind, quote.start, quote.end, quote.speaker))
    documents = seed_documents()
    with with_component(pipeline.nlp) as nlp:
        docs = nlp.pipe(document.text for document in documents)
        found = {document.source: items(doc) for document, doc in zip(documents, docs, strict=True)}
    assert found == dict(expected)


def test_a_saved_pipeline_loads_with_the_same_spans(nlp, tmp_path):
    [document, *_] = seed_documents()
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert items(loaded(document.text)) == items(nlp(document.text))


def test_a_speakers_file_in_the_config_names_the_speaker(pipeline, tmp_path):
    speakers = tmp_path / "newsroom.toml"
    speakers.write_text(NEWSROOM_SPEAKERS, encoding="utf-8")
    with with_component(pipeline.nlp, speakers=[str(speakers)]) as nlp:
        [(_, _, _, speaker)] = items(nlp(TEXT))
    assert speaker == "Eva Lund-Berg"


def test_a_saved_pipeline_keeps_its_speakers_file(pipeline, tmp_path):
    speakers = tmp_path / "newsroom.toml"
    speakers.write_text(NEWSROOM_SPEAKERS, encoding="utf-8")
    with with_component(pipeline.nlp, speakers=[str(speakers)]) as nlp:
        nlp.to_disk(tmp_path / "pipeline")
    speakers.unlink()
    [(_, _, _, speaker)] = items(spacy.load(tmp_path / "pipeline")(TEXT))
    assert speaker == "Eva Lund-Berg"


def test_a_malformed_patterns_folder_names_its_file_and_line(pipeline, tmp_path):
    folder = shutil.copytree(patterns_dir(), tmp_path / "patterns")
    lines = (folder / "reported.jsonl").read_text(encoding="utf-8").splitlines()
    (folder / "reported.jsonl").write_text("\n".join([*lines, "not json"]) + "\n", encoding="utf-8")
    line = rf"reported\.jsonl:{len(lines) + 1}: "
    with with_component(pipeline.nlp, patterns=str(folder)) as nlp, pytest.raises(RulesError, match=line):
        nlp(TEXT)


def test_span_extensions_are_registered_by_the_component_not_at_import():
    code = "import quotes.component; from spacy.tokens import Span; print(Span.has_extension('quote_speaker'))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert result.stdout.strip() == "False"
