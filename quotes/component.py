"""The spaCy pipeline component `quotes`: the stages of `quotes extract`, inside your pipeline.

    nlp = spacy.load("en_core_web_sm")
    nlp.add_pipe("quotes")
    doc = nlp(text)
    for span in doc.spans["quotes"]:
        print(span.label_, span._.quote_speaker, span.text)

A thin adapter over the stage functions the CLI runs (`quotes.extraction.pipeline`): the plan of
the Doc's text (layout, datelines, quote marks, embeds, the paragraphs worth parsing), those
paragraphs parsed by this pipeline's own pipes that come before the component (less `ner`,
which runs alone on the few names in doubt: `quotes.extraction.ner`), cues, speakers and
reported content, and each quote's character offsets made a
span of the Doc, labelled with its kind (widened to whole tokens where the Doc's tokens cross a
quote's edge, which the seeds never do).

The incoming Doc's own parse is not reused. The CLI parses paragraph by paragraph, a title-case
headline in sentence case, a dateline blanked out and a long paragraph in chunks; a parse of the
whole article as one Doc runs a headline into the next paragraph ("Medvedev Advocates" as a
speaker), and other trees make the same rules find other quotes. Parsing the planned paragraphs
again costs a second parse of the speech paragraphs, and buys the CLI's results item for item.
The one step the component cannot take is the CLI's linking of speakers across articles.

The rules (a patterns folder, the built-in one by default) and extra speakers files are read at
the first Doc, so a saved pipeline loads on a machine without the files named in its config:
`to_disk` saves them with the pipeline and `from_disk` loads them back, as spaCy's SpanRuler
does with its patterns. Registered through the `spacy_factories` entry point, so
`add_pipe("quotes")` works once the package is installed. Results travel with the Doc (a span
group, and extension values of plain strings), so `nlp.pipe(texts, n_process=2)` works too.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import regex
from spacy import util
from spacy.language import Language
from spacy.tokens import Doc, Span

from quotes.extraction.parse import SKIPPED_COMPONENTS
from quotes.extraction.pipeline import Pipeline, extract_document, pipeline_of
from quotes.models import Document, Quote
from quotes.rules import patterns_dir
from quotes.sources.files import title_of

SPAN_KEY = "quotes"
DOC_SOURCE = "<doc>"  # the `source` of the Document made of a Doc's text
# span._.<name> -> the Quote field it holds; the span's label is the quote's kind
SPAN_EXTENSIONS = (
    ("quote_speaker", "speaker"),
    ("quote_speaker_mention", "speaker_mention"),
    ("quote_speaker_kind", "speaker_kind"),
    ("quote_speaker_id", "speaker_id"),
    ("quote_cue", "cue"),
    ("quote_via", "via"),
    ("quote_rule", "rule"),
)
# What the stages read from a parse; the component parses with the pipes before it, so they must set it.
REQUIRES = ("token.dep", "token.head", "token.is_sent_start", "token.lemma", "token.pos", "token.tag")
RULE_FILES = ("*.toml", "*.jsonl", "*.tsv")
PATTERNS_FOLDER = "patterns"  # inside the component's folder of a saved pipeline
SPEAKERS_FOLDER = "speakers"
FolderIO = Callable[[Path], None]  # writes or reads one folder of the component's saved folder
SAVED_NUMBER = regex.compile(r"^\d+-")  # a saved speakers file's place in the order


def register_extensions() -> None:
    """The span extensions, each once per process."""
    for name, _ in SPAN_EXTENSIONS:
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)


class QuotesComponent:
    """Quotes and reported speech as a span group, with their speakers in `span._.quote_*`."""

    def __init__(self, nlp: Language, name: str, span_key: str, speakers: Sequence[str], patterns: str | None) -> None:
        self.nlp = nlp
        self.name = name
        self.span_key = span_key
        self.speakers = tuple(Path(path) for path in speakers)
        self.patterns = Path(patterns) if patterns else None
        self._pipeline: Pipeline | None = None
        register_extensions()

    @property
    def pipeline(self) -> Pipeline:
        """The rules and speakers, read (and checked) at the first use."""
        if self._pipeline is None:
            self._pipeline = pipeline_of(self.nlp, self.speakers, self.patterns)
        return self._pipeline

    def __call__(self, doc: Doc) -> Doc:
        document = Document(source=DOC_SOURCE, text=doc.text, title=title_of(doc.text))
        found = extract_document(document, self.pipeline, self.left_out())
        doc.spans[self.span_key] = [span for quote in found if (span := _span(doc, quote)) is not None]
        return doc

    def left_out(self) -> list[str]:
        """The pipes the paragraphs are not parsed with: this one, those after it, and those no stage reads."""
        names = self.nlp.pipe_names
        from_here = names[names.index(self.name) :] if self.name in names else [self.name]
        return list(dict.fromkeys((*from_here, *SKIPPED_COMPONENTS)))

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = util.SimpleFrozenList()) -> None:
        """Save the patterns folder and the speakers files in `path`."""
        writers: dict[str, FolderIO] = {PATTERNS_FOLDER: self._write_patterns, SPEAKERS_FOLDER: self._write_speakers}
        util.to_disk(path, writers, exclude)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = util.SimpleFrozenList()) -> QuotesComponent:
        """Load the rules and speakers that `to_disk` saved (and check them now)."""
        readers: dict[str, FolderIO] = {PATTERNS_FOLDER: self._read_patterns, SPEAKERS_FOLDER: self._read_speakers}
        util.from_disk(path, readers, exclude)
        self._pipeline = None
        _ = self.pipeline
        return self

    def _write_patterns(self, folder: Path) -> None:
        source = self.patterns or patterns_dir()
        files = {file.name: file.read_bytes() for pattern in RULE_FILES for file in source.glob(pattern)}
        folder.mkdir(exist_ok=True)
        for name, data in files.items():
            (folder / name).write_bytes(data)

    def _write_speakers(self, folder: Path) -> None:
        """Numbered, as the later file wins on a shared alias; read first, as they may be in `folder`."""
        files = [(SAVED_NUMBER.sub("", path.name), path.read_bytes()) for path in self.speakers]
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir()
        for number, (name, data) in enumerate(files):
            (folder / f"{number}-{name}").write_bytes(data)

    def _read_patterns(self, folder: Path) -> None:
        if folder.is_dir():
            self.patterns = folder

    def _read_speakers(self, folder: Path) -> None:
        if folder.is_dir():
            self.speakers = tuple(sorted(folder.glob("*.toml"), key=lambda p: int(p.name.split("-", 1)[0])))


def _span(doc: Doc, quote: Quote) -> Span | None:
    span = doc.char_span(quote.start, quote.end, label=quote.kind, alignment_mode="expand")
    if span is None:
        return None
    for name, field in SPAN_EXTENSIONS:
        span._.set(name, getattr(quote, field))
    return span


@Language.factory(
    "quotes",
    assigns=["doc.spans", *(f"span._.{name}" for name, _ in SPAN_EXTENSIONS)],
    requires=list(REQUIRES),
    default_config={"span_key": SPAN_KEY, "speakers": [], "patterns": None},
)
def make_quotes_component(nlp: Language, name: str, span_key: str, speakers: list[str], patterns: str | None) -> QuotesComponent:
    return QuotesComponent(nlp, name, span_key, speakers, patterns)
