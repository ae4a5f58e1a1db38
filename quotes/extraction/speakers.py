"""Speakers: names as written in the parse, and what they resolve to within one article.

A `Mention` is what the text says ("he", "the ministry", "Medvedev", "Russian bloggers"), found
in the parse (`mention_at`, `names_in`) or, in paragraphs that were not parsed, by regex
(`names_by_regex`). `quotes.extraction.entities` turns mentions into the article's people and bodies.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace

import regex
from spacy.tokens import Token

from quotes.extraction.parse import comma_before
from quotes.models import SpeakerKind
from quotes.rules import Rules
from quotes.text.names import INITIAL, fold

SUBJECT_DEPS = {"nsubj", "nsubjpass"}
CLAUSE_DEPS = {"relcl", "acl", "advcl", "ccomp", "xcomp"}  # a clause qualifying a noun or a verb
AFTER_EVERY_MENTION = 2**62  # an offset past the end of any text
MAX_GLOSS_WORDS = 3  # "Burgemeester (mayor)", "Wethouder (deputy mayor)": a title's translation is short
LOOKBACK_MENTIONS = 1000  # a pronoun or title refers to someone named recently; keeps long texts linear
PLACE_ENTITIES = frozenset({"GPE", "LOC"})  # what the recogniser calls a country, a city or a region
NAME_DEPS = {"compound", "amod", "flat", "nmod", "nummod", "poss", "case", "punct"}
GREETING_CHARS = 12  # how far back a greeting ("Dear", "Hello") before a name is looked for
WHICH_ONES_WORDS = 6  # "on the river's east bank"; a longer phrase is more than a name for the group
DESCRIPTION_DEPS = {"compound", "amod", "nmod", "poss", "case", "punct", "npadvmod", "advmod", "nummod"}


@dataclass(frozen=True)
class Mention:
    """A speaker as written: `form` is "name", "pronoun", "description", "group" or "document" (a
    writing whose owner was named before: "the statement said")."""

    text: str
    start: int  # offset in the document text
    form: str
    kind: SpeakerKind
    head: str  # lower-case lemma of the head word
    titles: tuple[str, ...] = ()
    subject: bool = False  # the subject of a verb: someone who acts or speaks, not a place or a date
    gender: str | None = None  # "female" or "male" when a pronoun, title or role word says so
    body: Mention | None = None  # whom an unnamed spokesperson speaks for, when the text says
    definite: bool = False  # "the nominee", not "a nominee": someone the reader already knows
    owner: Mention | None = None  # "her campaign", "the senator's aides": who they speak for
    owned: str = ""  # and what of theirs speaks: "campaign", "aides"
    age: int | None = None  # "Kerry Dobbs, 34, from Rotherham": for "the 34-year-old" later
    seniority: str = ""  # "elder" or "younger": "the elder Pruitt", of two who share a surname
    qualified: tuple[str, ...] = ()  # "visiting manager": a title with the words that tell its holder apart
    alias_of: Mention | None = None  # "Joaquim Ferraz Arruda, known as Quinzinho": whom a nickname names


def _is_capitalised(token: Token) -> bool:
    return token.text[:1].isupper() or token.pos_ == "PROPN"


def _name_run(head: Token, rules: Rules) -> list[Token]:
    """The capitalised words (and titles) in front of a proper noun that belong to its phrase."""
    run = [head]
    i = head.i - 1
    subtree = {t.i for t in head.subtree}
    while i >= head.sent.start and i in subtree:
        token = head.doc[i]
        if token.is_space and i - 1 >= head.sent.start and _is_capitalised(head.doc[i - 1]) and i - 1 in subtree:
            i -= 1  # a nickname read as blanks: 'Ramon "Monching" Dela Paz'
            continue
        if token.dep_ not in NAME_DEPS and token.head.i not in {t.i for t in run}:
            break
        after_plural = token.i > 0 and token.doc[token.i - 1].text.endswith("s")
        plural_possessive = token.text in ("'", "’") and (token.dep_ == "case" or after_plural)  # National Farmers' Union
        stray_punctuation = token.is_punct and token.text not in ("-", ".", "'s", "’s") and not plural_possessive
        if token.is_space or token.pos_ in ("DET", "PRON") or stray_punctuation or _unit_of_a_number(token):
            break
        lower_case_word = not _is_capitalised(token) and token.text not in ("-", "'s", "’s", "of") and not plural_possessive
        particle = token.lower_ in rules.words("speakers.name_particles")  # "Ruiz de Alarcón", "dos Anjos"
        if lower_case_word and token.lower_ not in rules.title_words and not particle:
            break
        run.insert(0, token)
        i -= 1
    while len(run) > 1 and run[0].is_punct:  # "- Ben Sato" in a list: the bullet is no part of the name
        run.pop(0)
    # "And Valadares said", "On Thursday Priya Raman said": a conjunction or a day opening the
    # sentence is no part of the name
    days = {w for w in rules.words("speakers.date_words") if w.endswith("day")}  # not "Mar" of "Mar Vivo"
    # "Elsewhere Varga has described ...": an adverb opening the sentence is no part of the name
    openers = days | {"and", "but", "so", "then", "yet", "or"} | rules.words("speakers.sentence_adverbs")
    while len(run) > 1 and run[0].lower_ in openers:
        run.pop(0)
    particles = rules.words("speakers.name_particles")
    doc = head.doc
    first = run[0].i

    # "Raimunda Conceição dos Anjos", "Pieter van der Wal", parsed as two names or with the given
    # name as a noun: the given names before the particles join
    def given_name(i: int) -> bool:
        return (
            0 <= i < len(doc)
            and doc[i].pos_ in ("PROPN", "NOUN")
            and doc[i].text[:1].isupper()
            and doc[i].lower_ not in particles
        )

    before = first
    while before >= 1 and doc[before - 1].lower_ in particles:
        before -= 1
    # "councillor Hendrik du Toit", parsed as two appositions: the run opens with its particle
    opens_with_particle = doc[first].lower_ in particles and doc[first].text.islower()
    if (before < first or opens_with_particle) and given_name(before - 1):
        first = before - 1
        while given_name(first - 1) and not doc[first].is_sent_start:
            first -= 1
    # "van der Wal" parsed with "der" as the head: the surname after the particles joins
    last = head.i
    if head.lower_ in particles and given_name(last + 1):  # a name never ends with a particle
        last += 1
    # "Rosalind Achterberg" parsed with the surname as an object of the given name
    while last + 1 < len(doc) and doc[last + 1].pos_ == "PROPN" and doc[last + 1].head.i == last and given_name(last + 1):
        last += 1
    # "Leon Osei-Bright" parsed with the name's head before its hyphen: the name runs on through it
    while last + 2 < len(doc) and doc[last + 1].text == "-" and not doc[last].whitespace_ and not doc[last + 1].whitespace_:
        if not (given_name(last + 2) and doc[last + 2].head.i in (last, last + 1, head.i)):
            break
        last += 2
    return [*doc[first : run[0].i], *run, *doc[head.i + 1 : last + 1]]


def _of_extension(head: Token, roles: frozenset[str] = frozenset(), posted: frozenset[str] = frozenset()) -> list[Token]:
    """Ministry of Defense of Russia, Center for American Progress, Department of Health and Social
    Care: capitalised `of` and `for` phrases (and their capitalised conjuncts) after an
    organisation's head word; "in" too after a body `posted` abroad ("the Chinese Embassy in
    Kenya"). "A Department of Health and Social Care spokesperson", parsed with the spokesperson
    (one of `roles`) as the object of "of": the capitalised words before it."""
    extra: list[Token] = []
    current = head
    while True:
        linking = ("of", "for", "in") if current.lemma_.lower() in posted else ("of", "for")
        # "Tolliver, of Alden:" is about Alden; a name's own "of" follows it with no comma
        preps = [c for c in current.rights if c.lower_ in linking and c.dep_ == "prep" and c.nbor(-1).text != ","]
        objects = [o for p in preps for o in p.children if o.dep_ == "pobj" and o.pos_ == "PROPN"]
        role = next((o for p in preps for o in p.children if o.dep_ == "pobj" and o.lower_ in roles), None)
        if not objects and role is not None:
            words = current.doc[preps[0].i + 1 : role.i]
            if words and all(_is_capitalised(t) or t.dep_ == "cc" for t in words):
                extra.extend(current.doc[preps[0].i : role.i])
            return extra
        if not objects:
            return extra
        target = last = objects[0]
        while (conj := next((c for c in last.rights if c.dep_ == "conj" and c.pos_ == "PROPN"), None)) is not None:
            last = conj  # "Housing, Communities and Local Government"
        extra.extend(current.doc[preps[0].i : last.i + 1])
        current = target


def _unit_of_a_number(token: Token) -> bool:
    """ "m." of "$48m. Ilse Marchetti ...": written onto a number, a unit, not the title "M." that
    the parser joins to the name opening the next sentence."""
    return token.i > 0 and not token.doc[token.i - 1].whitespace_ and token.doc[token.i - 1].like_num


def _joined_words_before(run: list[Token]) -> list[Token]:
    """ "Maritime and Coastguard" before "Agency": capitalised words, joined by "and" or "&" (and
    a plural possessive), that the parser hung apart from a body's head word."""
    doc, first = run[0].doc, run[0].i
    sentence = run[0].sent.start

    def capitalised(i: int) -> bool:
        return i >= sentence and doc[i].pos_ == "PROPN" and doc[i].text[:1].isupper()

    start = first
    if doc[start - 1].text in ("'", "’") and capitalised(start - 2) and doc[start - 2].text.endswith("s"):
        start -= 1  # "Public Health and Allied Workers' Union", parsed with "Workers'" apart
    while capitalised(start - 1) or (doc[start - 1].lower_ in ("and", "&") and capitalised(start - 2) and start - 1 > sentence):
        start -= 1
    return list(doc[start:first]) if start < first and doc[start].lower_ not in ("and", "&") else []


def _hyphenated(token: Token) -> bool:
    """ "-" in "Jean-Pierre": a hyphen with no space around it, inside a name."""
    return token.text == "-" and not token.whitespace_ and token.i > 0 and not token.doc[token.i - 1].whitespace_


def _strip_titles(run: list[Token], rules: Rules) -> tuple[list[Token], list[str]]:
    """Split "Russian President Vladimir Putin" into (Vladimir Putin, [russian, president])."""
    last_title = -1
    for index, token in enumerate(run[:-1]):
        is_title = token.lower_ in rules.title_words or token.lemma_.lower() in rules.title_words
        # "Thiru M. Arumugasamy": a letter after an honorific is an initial, not French "M."
        is_title = is_title and not (last_title >= 0 and _initial(token))
        if is_title or token.pos_ == "ADJ" or token.text in ("'s", "’s") or token.dep_ == "poss":
            last_title = index
    # "her father's Harbor City": the words before a possessive are the owner's, not the name's titles
    owned_from = max((k + 1 for k, t in enumerate(run[: last_title + 1]) if t.text in ("'s", "’s")), default=0)
    titles = [t.lower_ for t in run[owned_from : last_title + 1] if any(c.isalpha() for c in t.text)]  # "mr." too
    titles += [word for t in run[owned_from : last_title + 1] if (word := _hyphenated_word(t)) != t.lower_]
    name = run[last_title + 1 :]
    while len(name) > 1 and name[0].is_punct:  # "MR. K. QUARSHIE", where "MR" and "." are two tokens
        name = name[1:]
    while (
        len(name) > 2
        and name[-1].text.isupper()
        and name[-1].lower_ in rules.title_words - rules.words("speakers.offices_of_places")
    ):
        titles.append(name[-1].lower_)  # letters after a name: "Rachel Dunmore MP", "Fiachra Mac Carthaigh TD"
        name = name[:-1]
    while len(name) > 1 and name[-1].lower_ in rules.words("speakers.after_name_honorifics"):
        titles.append(name[-1].lower_)  # "Bhalwal Sahib"
        name = name[:-1]
    # "District Administrator Jürgen Habermehl": capitalised words before a known first name are a
    # role, unless the name opens with a first name of its own ("Mary Ann Cole")
    particles = rules.words("speakers.name_particles")  # "Fiachra Mac Carthaigh": "Mac" is no first name there
    given = next(
        (
            k
            for k, t in enumerate(name[:-1])
            if k > 0 and rules.first_name_gender(t.text) and not _hyphenated(name[k - 1]) and t.lower_ not in particles
        ),
        None,
    )
    # "Imtiaz Ali Khan", "Rana Shahid Iqbal": names of their own before a known first name stay,
    # unless one of the words is a role
    role_before = given is not None and any(t.lower_ in rules.title_words or t.pos_ != "PROPN" for t in name[:given])
    if given is not None and role_before and rules.first_name_gender(name[0].text) is None and name[0].lower_ not in particles:
        titles += [t.lower_ for t in name[:given]]
        name = name[given:]
    return name, titles


def _initial(token: Token) -> bool:
    return INITIAL.fullmatch(token.text) is not None


def _span_text(tokens: list[Token]) -> str:
    """The words from the first token to the last, one space between (blanks read inside a name)."""
    if not tokens:
        return ""
    doc = tokens[0].doc
    return " ".join(doc[tokens[0].i : tokens[-1].i + 1].text.split())


def is_organisation(tokens: list[Token], rules: Rules) -> bool:
    org_words = rules.words("speakers.organisation_words") | rules.words("speakers.corporate_suffixes")  # "Rhenwald Chemie AG"
    return any(t.lower_ in org_words or t.lemma_.lower() in org_words for t in tokens)


def _appositive_name(token: Token, rules: Rules) -> Token | None:
    """ "The former president ..., Dmitry Medvedev, said": the name set off by commas, or at the
    end of a title's "of" phrase ("Leader of the opposition group Cllr Graham Sutcliffe said")."""
    # "The District Chief Executive (DCE) for Bosomkyi, Hon. Comfort Adjoa Boakye": the bracketed
    # word is the title's abbreviation, not the holder's name (a body's is its name: "the Kenyan
    # coastal safety authority (KCSA)")
    titled = token.lower_ in rules.title_words
    names = [c for c in token.children if c.dep_ == "appos" and c.pos_ == "PROPN" and not (titled and _initials_in_brackets(c))]
    if names:
        # "The Port Manager, Ilakoro Port, Engr. Chinedu Okonkwo-Eze, said": the person, not the place
        return next((n for n in names if _personal_name(n, rules)), names[0])
    if token.lemma_.lower() in rules.title_words and (named := _name_beside_title(token, rules)) is not None:
        return named
    for candidate in token.subtree:
        if candidate.dep_ == "appos" and candidate.pos_ == "PROPN" and not _in_a_clause_of(candidate, token):
            first = _name_run(candidate, rules)[0]
            if comma_before(first):
                return candidate
    return None


def _bracketed(token: Token) -> bool:
    """Whether a word stands in brackets opened at its phrase ("(Derech)", "(DCE)"; not "(Mrs) Hauwa
    Tsoho", whose brackets close before the name)."""
    before = token.doc[max(token.left_edge.i - 1, 0) : token.i]
    opened = [t.i for t in before if t.text == "("]
    return bool(opened) and not any(t.text == ")" for t in token.doc[opened[-1] : token.i])


def _gloss_after(word: Token) -> tuple[str, ...]:
    """The lower-case words in brackets between a word and a name: a translation of a title in
    another language ("Wethouder (alderman) Pieter de Graaf"); () for none."""
    doc = word.doc
    if word.i + 2 >= len(doc) or doc[word.i + 1].text != "(":
        return ()
    inside: list[str] = []
    for token in doc[word.i + 2 : word.i + 2 + MAX_GLOSS_WORDS + 1]:
        if token.text == ")":
            named = token.i + 1 < len(doc) and doc[token.i + 1].pos_ == "PROPN"
            return tuple(inside) if named else ()
        if not (token.is_alpha and token.is_lower):
            return ()
        inside.append(token.lower_)
    return ()


def _gloss_before(first: Token, head: Token) -> tuple[str, ...]:
    """The gloss of a foreign title in brackets just before a name that it qualifies: "Schepen
    (alderman) Bart Claes", parsed with the name's last word as the head; () for none."""
    doc = first.doc
    if first.i < 1 or doc[first.i - 1].text != ")":
        return ()
    for opening in doc[max(first.i - MAX_GLOSS_WORDS - 2, 1) : first.i - 1]:
        if opening.text == "(" and doc[opening.i - 1].head == head:
            return _gloss_after(doc[opening.i - 1])
    return ()


def _initials_in_brackets(token: Token) -> bool:
    """Whether a word is a title's initials in brackets ("The District Chief Executive (DCE)")."""
    return token.text.isupper() and _bracketed(token)


def bracketed_initials(initials: str) -> str:
    """How a title's initials given in brackets stand among its holder's titles: "(dce)", kept
    apart from a word of the title itself ("CLM chief executive Olivier Farge": "clm")."""
    return f"({initials.lower()})"


def _title_initials(head: Token, run: list[Token]) -> tuple[str, ...]:
    """The initials a title is given in brackets, so that "the DCE said" is its holder: "The
    District Chief Executive (DCE) for Bosomkyi", "The Inspector General of Police (IGP)". Not a
    body's ("chief executive of Compagnie Lavergne Maritime (CLM)"): the letters spell the title's
    own capitalised words, its head among them."""
    for initials in (c for c in head.subtree if c.i > head.i and c.dep_ == "appos" and _initials_in_brackets(c)):
        words = [t for t in head.doc[run[0].i : initials.i] if t.text[:1].isupper() and t.pos_ != "DET" and t.is_alpha]
        if head in words and "".join(w.text[0] for w in words).upper() == initials.text:
            return (bracketed_initials(initials.text),)
    return ()


def _personal_name(name: Token, rules: Rules) -> bool:
    """Whether a name's words hold an honorific or a known first name ("Engr. Chinedu Okonkwo-Eze")."""
    words = _name_run(name, rules)
    before = [name.doc[words[0].i - 1]] if words[0].i > 0 else []  # "Engr." the parse left outside the name
    return any(w.lower_ in rules.title_words or rules.first_name_gender(w.text) for w in [*before, *words])


def _in_a_clause_of(word: Token, noun: Token) -> bool:
    """Whether `word` sits in a clause that qualifies `noun` ("The governor, who spoke through his
    press secretary, Mr Kolawole Adesuyi, said": the name is the secretary's, not the governor's)."""
    for ancestor in word.ancestors:
        if ancestor == noun:
            return False
        if ancestor.dep_ in CLAUSE_DEPS:
            return True
    return False


def _titled_conjunct(role: Token, rules: Rules) -> Token | None:
    """ "Goalkeeper and captain Frederik Sølvhøj said": two roles of one named person, parsed as a
    bare role noun joined to the titled name."""
    if any(c.dep_ == "det" for c in role.children) or role.lemma_.lower() not in rules.title_words:
        return None
    for name in role.children:
        titled = any(c.dep_ == "compound" and c.lemma_.lower() in rules.title_words for c in name.children)
        if name.dep_ == "conj" and name.pos_ == "PROPN" and titled:
            return name
    return None


def _name_beside_title(title: Token, rules: Rules) -> Token | None:
    """The name in apposition to a title or to the end of its "of"/"for" phrase ("The Minister of
    State for Rural Affairs, Fergal Brennan"), never one inside a clause ("The Minister, who met
    the chairman, John Smith, ...")."""
    current: Token | None = title
    while current is not None:
        # "The mayor of Bowman, Loretta Gaines, who ...": a name after a comma that the parse made a
        # conjunct (no "and" before it) is an apposition too
        beside = [c for c in current.rights if c.dep_ == "appos" or (c.dep_ == "conj" and _comma_conjunct(current, c))]
        # "His Excellency the Minister of Water Resources ..., Dr. Qasim Abu Shamma": a capitalised
        # title in apposition is one more description, not the name
        names = [c for c in beside if c.pos_ == "PROPN" and c.lower_ not in rules.title_words and not _initials_in_brackets(c)]
        if names:  # "The Port Manager, Ilakoro Port, Engr. Chinedu Okonkwo-Eze": the person, not the place
            return next((n for n in names if _personal_name(n, rules)), names[0])
        # "Minister, the opposition leader, Bola Adeyinka, said": the name ends a chain of appositions
        described = next((c for c in beside if c.pos_ == "NOUN" or c.lower_ in rules.title_words), None)
        if described is not None:
            current = described
            continue
        # "The Member of Parliament for Akwaboa Central, Hon. Kofi Asamoah-Boateng": the name
        # follows the last phrase of the office
        objects = _of_objects(current)
        current = objects[-1] if objects else None
        if current is not None and _set_off_name(current, rules):
            return current  # "Commissioner for Physical Planning, Engr. Babatunde Alade,", parsed as a second object
    return None


def _set_off_name(name: Token, rules: Rules) -> bool:
    """Whether a proper noun is a person's name set off by a comma before it (", Engr. Babatunde Alade")."""
    first = _name_run(name, rules)[0]
    return name.pos_ == "PROPN" and comma_before(first) and _personal_name(name, rules)


def _name_hung_on_title(title: Token, rules: Rules) -> list[Token]:
    """ "Postmistress Joan Whitely, 71, said": the capitalised words right after a title that the
    parse hung on it as modifiers are the name it heads."""
    words: list[Token] = []
    for token in title.doc[title.i + 1 : title.sent.end]:
        hung = token.head.i == title.i or (words and token.head.i in {w.i for w in words})
        if token.pos_ != "PROPN" or not token.text[:1].isupper() or token.lower_ in rules.title_words or not hung:
            break
        words.append(token)
    return words


def _comma_conjunct(head: Token, conjunct: Token) -> bool:
    """A full name after a comma that no "and" joins to a list ("Ministry of Housing, Communities
    and Local Government" is a list)."""
    between = head.doc[head.i + 1 : conjunct.left_edge.i]
    listed = any(t.dep_ == "cc" for t in (*between, *head.children, *conjunct.children))
    full_name = any(c.dep_ in ("compound", "flat") and c.pos_ == "PROPN" for c in conjunct.lefts)
    return bool(between) and between[-1].text == "," and not listed and full_name


def _of_objects(noun: Token) -> list[Token]:
    """The objects of the "of" and "for" phrases after a noun, in order ("Minister of State for
    Rural Affairs": State, Affairs' head)."""
    preps = [c for c in noun.rights if c.dep_ == "prep" and c.lower_ in ("of", "for")]
    return [o for p in preps for o in p.children if o.dep_ == "pobj"]


def _name_ending_office(title: Token, rules: Rules) -> Token | None:
    """ "Federal Minister for National Food Security and Research Chaudhry Nadeem Akhtar Warraich
    said", parsed with the person's name as the end of the office's "for" phrase: that name, when
    a known first name is among its words."""
    ending = next((o for o in _of_objects(title) if o.pos_ == "PROPN"), None)
    if ending is None:
        return None
    words = [t for t in ending.subtree if t.i <= ending.i and t.dep_ in ("compound", "pobj")]
    return ending if any(rules.first_name_gender(t.text) for t in words) else None


def _misparsed_name(token: Token) -> bool:
    """A capitalised singular noun mid-sentence with no determiner, or an acronym ("the RNID"),
    is a name the tagger missed."""
    if token.pos_ != "NOUN" or token.is_sent_start:
        return False
    if token.is_alpha and len(token.text) >= 2 and token.text.isupper():
        return True
    return token.tag_ == "NN" and token.text[:1].isupper() and not any(c.dep_ == "det" for c in token.children)


def _description_titles(token: Token, rules: Rules) -> list[str]:
    """Words that describe a speaker in apposition: "Medvedev, the former president" -> president,
    "Rachel Dunmore, the Labour MP for Shrewsford" -> mp, "the mayor, Ruth Adeyemi," -> mayor."""
    titles: list[str] = []

    # "the mayor, Ruth Adeyemi", "The then delegate of the government in Soria, Arturo Pedraza",
    # "his son, Oleksandr"
    def a_title(word: Token) -> bool:
        return word.pos_ == "NOUN" and word.lemma_.lower() in rules.title_words | rules.words("speakers.kin")

    holder = token.head if token.dep_ == "appos" else None
    while holder is not None and not a_title(holder) and holder.dep_ == "pobj" and holder.head.dep_ == "prep":
        holder = holder.head.head
    if holder is not None and a_title(holder):
        titles.append(holder.lemma_.lower())
    for child in token.children:
        if child.dep_ == "appos" and (child.pos_ == "NOUN" or (child.pos_ == "PROPN" and child.lower_ in rules.title_words)):
            titles.append(child.lemma_.lower())
            titles.extend(c.lemma_.lower() for c in child.conjuncts if c.pos_ == "NOUN")
    return titles


def _qualified_titles(token: Token, rules: Rules) -> tuple[str, ...]:
    """ "Iker Salaberri, the visiting manager" -> "visiting manager": a title in apposition with
    the lower-case words in front of it that tell one holder from another (not an age)."""
    nouns = [token.head] if token.dep_ == "appos" and token.head.pos_ == "NOUN" else []
    nouns += [c for c in token.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
    qualified = []
    for noun in nouns:
        words = qualifiers(noun)
        if noun.lemma_.lower() in rules.title_words and words:
            qualified.append(" ".join((*words, noun.lemma_.lower())))
    return tuple(qualified)


def qualifiers(noun: Token) -> tuple[str, ...]:
    """The lower-case modifiers in front of a title noun: "home" of "the home manager"; not a
    name, a possessive or an age ("the club's manager", "the 52-year-old manager")."""
    return tuple(c.lower_ for c in noun.lefts if c.dep_ in ("amod", "compound") and c.text.islower() and c.is_alpha)


def _said_to_be_a_thing(name: Token, rules: Rules) -> bool:
    """ "Natural England, which issued the licence, ...": "which", not "who", so not a person;
    "La Estrella, a 38-seat diner" and "drone maker Helvexa": set beside a word for a body or a
    place; and the subject of "will close its plant"."""
    things = rules.words("speakers.organisation_words") | rules.words("speakers.place_words")
    for child in name.children:
        if child.dep_ == "relcl" and any(t.lower_ == "which" and t.dep_ in SUBJECT_DEPS | {"dobj"} for t in child.children):
            return True
        # "DaShawn Whitlock, center, is mobbed": a bare word set beside a name is a caption's place or role
        bare = child.dep_ == "appos" and not any(c.dep_ in ("det", "amod", "compound", "nummod", "poss") for c in child.children)
        if child.dep_ in ("appos", "compound") and child.pos_ == "NOUN" and child.lemma_.lower() in things and not bare:
            return True  # "La Estrella, a 38-seat diner"; "Swiss drone maker Helvexa"
    words = [t for t in name.lefts if t.dep_ in ("compound", "flat")] + [name]
    first_name = rules.first_name_gender(words[0].text) is not None and len(words) > 1  # "Jane Doe ... its website"
    return name.dep_ == "nsubj" and not first_name and _owns_with_its(name.head)  # not "X will be moved to its yard"


def _owns_with_its(verb: Token) -> bool:
    """ "Halden Mechatronik will close its plant", "Halden said in a statement from its
    headquarters": a subject whose verb's object, or the object of a phrase on it, is "its" something."""
    phrases = [verb, *(c for c in verb.children if c.dep_ == "prep")]
    phrases += [p for phrase in phrases[1:] for o in phrase.children if o.dep_ == "pobj" for p in o.children if p.dep_ == "prep"]
    objects = [c for p in phrases for c in p.children if c.dep_ in ("dobj", "attr", "pobj")]
    return any(c.lower_ == "its" and c.dep_ == "poss" for o in objects for c in o.children)


GENDERS = ("female", "male")
REFLEXIVES = ("herself", "himself")


def gender_of(words: Iterable[str], rules: Rules) -> str | None:
    """ "female" or "male" when the words (pronouns, titles, role words) say one and not the other."""
    words = list(words)
    # "Lord Mayor Fiona Callaghan": "lord" in the name of an office says nothing of its holder
    offices = {tuple(office.split()) for office in rules.words("speakers.neutral_offices")}
    words = [
        w for i, w in enumerate(words) if tuple(words[i : i + 2]) not in offices and tuple(words[i - 1 : i + 1]) not in offices
    ]
    found = {
        g
        for g in GENDERS
        if any(w in rules.words(f"speakers.{g}_words") or w in rules.words(f"speakers.{g}_pronouns") for w in words)
    }
    return found.pop() if len(found) == 1 else None


def first_name_gender(name: str, rules: Rules) -> str | None:
    """The gender `patterns/first_names.toml` gives the first word of a name of two words or more."""
    words = name.split()
    if len(words) < 2:
        return None
    return rules.first_name_gender(words[0])


def _in_own_clause(pronoun: Token, verb: Token) -> bool:
    """Whether a pronoun belongs to the clause of `verb` itself, not to its subject or to a clause
    with a subject of its own that names someone ("Voss, for her part, goes" but not "the
    petition dumped on her steps ... Cutler called")."""
    for ancestor in pronoun.ancestors:
        if ancestor == verb:
            return True
        if ancestor.dep_ in SUBJECT_DEPS or any(c.dep_ in SUBJECT_DEPS for c in ancestor.children):
            return False
    return False


def _fronted_topic(name: Token) -> bool:
    """ "For Mary Akinyi, a fish trader, the dust has become part of her day": the person a
    sentence opens on with "For" is its topic, as its subject would be."""
    opener = name.head
    return name.dep_ == "pobj" and opener.lower_ == "for" and opener.i == name.sent.start and opener.head.dep_ == "ROOT"


def _bound_pronoun_gender(name: Token, rules: Rules) -> str | None:
    """The gender of "her"/"his"/"herself" after a subject name (or a fronted topic) in its own clause."""
    if name.dep_ not in SUBJECT_DEPS and not _fronted_topic(name):
        return None
    verb = name.head if name.dep_ in SUBJECT_DEPS else name.head.head
    unnamed = rules.words("speakers.unnamed")

    def names_someone(word: Token) -> bool:
        return word.pos_ == "PROPN" or word.lemma_.lower() in rules.title_words or word.lemma_.lower() in unnamed

    pronouns = []
    for t in verb.subtree:
        if t.i <= name.i or t.pos_ != "PRON" or not (t.dep_ == "poss" or t.lower_ in REFLEXIVES) or not _in_own_clause(t, verb):
            continue
        if any(names_someone(w) for w in name.doc[name.i + 1 : t.i] if w.head != name):
            continue  # "criticised the minister for his handling": his is the minister's
        pronouns.append(t.lower_)
    return gender_of(pronouns, rules)


def mention_at(token: Token, rules: Rules, statement_owner: bool = True) -> Mention | None:
    """The speaker phrase headed by `token` (a subject, an object of "according to", ...); a
    handle ("@mkovacs commented") without its "@"."""
    mention = _mention_at(token, rules, statement_owner)
    if mention is not None and mention.text.startswith("@") and len(mention.text) > 1:
        return replace(mention, text=mention.text[1:], start=mention.start + 1)
    return mention


def _mention_at(token: Token, rules: Rules, statement_owner: bool) -> Mention | None:
    owned_nouns = rules.words("nouns.statement") | rules.words("nouns.owned") | rules.words("nouns.document")
    if statement_owner and token.lemma_.lower() in owned_nouns and token.pos_ == "NOUN":
        owner = _statement_owner(token, rules)
        outlets = rules.words("channels.outlets")
        relayed = any(c.dep_ == "compound" and c.lower_ in outlets for c in token.children)  # "AP sources say"
        if owner is not None or relayed or token.lemma_.lower() not in rules.words("speakers.unnamed"):
            return owner  # "a source close to the couple", owned by no one named, is an unnamed person

    if statement_owner and token.lemma_.lower() in rules.words("nouns.accounts") and token.pos_ == "NOUN":
        owner = _statement_owner(token, rules)
        if owner is not None and owner.form != "document":
            return owner  # "the council's website says"; "several accounts posted" speak themselves
    if token.pos_ == "PRON":
        return _pronoun(token, rules)
    joint = _jointly_named(token, rules) if token.pos_ == "NOUN" else None
    if joint is not None:
        return joint
    family = _surnamed_family(token, rules)
    if family is not None:
        return family
    if _rank(token, rules):
        return None
    head = token if token.pos_ == "PROPN" or _misparsed_name(token) else _appositive_name(token, rules)
    if head is None and token.dep_ == "appos" and token.head.pos_ == "PROPN" and token.head.i < token.i:
        head = token.head  # "Gregor Lamont MSP, the party's transport spokesman, who said": the name
    head = head or _titled_conjunct(token, rules)
    if head is not None:
        return _named(head, token, rules)
    if token.pos_ not in ("NOUN", "PROPN", "ADJ"):
        return None
    return _described(token, rules)


def _rank(token: Token, rules: Rules) -> bool:
    """ "No." of "said the world No. 41": a place in a ranking, no name."""
    after = [t for t in token.doc[token.i + 1 : token.i + 3] if t.text != "."]  # "No" "." "41", or "No." "41"
    return token.lower_.rstrip(".") in rules.words("speakers.rank_abbreviations") and bool(after) and after[0].like_num


def _surnamed_family(token: Token, rules: Rules) -> Mention | None:
    """ "The Okafor family said": the family, as written, not the person of that surname."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in rules.words("speakers.kin_groups"):
        return None
    names = [c for c in token.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
    if not names:
        return None
    words = list(token.doc[names[0].left_edge.i : token.i + 1])
    return Mention(_span_text(words), words[0].idx, "name", "organisation", token.lemma_.lower())


def _jointly_named(token: Token, rules: Rules) -> Mention | None:
    """ "two MPs from rural seats, Priya Nandakumar and Gareth Lowe, said": the people the
    description names together, set off by commas at its end, speak as one."""
    span = token.doc[token.i + 1 : token.right_edge.i + 1]
    comma = next((t for t in span if t.text == ","), None)
    if comma is None:
        return None
    tail = [t for t in token.doc[comma.i + 1 : token.right_edge.i + 1] if not (t.is_punct and t.i == token.right_edge.i)]
    names: list[list[Token]] = [[]]
    for word in tail:
        if word.lower_ == "and" and names[-1]:
            names.append([])
        elif word.pos_ == "PROPN" and _is_capitalised(word):
            names[-1].append(word)
        else:
            return None
    if len(names) < 2 or not all(len(n) >= 2 for n in names):
        return None  # full names only: "the couple, Tom and Linda" is no pair of speakers
    text = " and ".join(_span_text(n) for n in names)
    return Mention(text, names[0][0].idx, "name", "group", token.lemma_.lower(), subject=True)


def _statement_owner(token: Token, rules: Rules) -> Mention | None:
    """ "a statement from the ministry", "reports from Russian bloggers": the owner speaks."""
    for child in token.children:
        if child.dep_ == "poss" and child.lower_ not in rules.words("speakers.date_words"):  # not "Wednesday's statement"
            return mention_at(child, rules, statement_owner=False)
        if child.lower_ in ("from", "by") and child.dep_ == "prep":
            owner = next((o for o in child.children if o.dep_ == "pobj"), None)
            if owner is not None:
                return mention_at(owner, rules, statement_owner=False)
        owner = behalf_owner(child)  # "a statement on behalf of the family"
        if owner is not None:
            return mention_at(owner, rules, statement_owner=False)
        # "The statement, signed by general secretary Ruth Anand, said": who signed or issued it
        if child.dep_ == "acl" and child.lower_ in rules.words("verbs.writing_forms"):  # not "documents reviewed by"
            owner = next(agents_of(child), None) or next(filter(None, map(behalf_owner, child.children)), None)
            if owner is not None:
                return mention_at(owner, rules, statement_owner=False)
    holder = _holder_of_writing(token)
    if holder is not None:
        return mention_at(holder, rules, statement_owner=False)
    if any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):  # "the statement said": its owner, named before
        return Mention(f"the {token.text}", token.idx, "document", "unknown", token.lemma_.lower(), definite=True)
    return None


def behalf_owner(prep: Token) -> Token | None:
    """ "the family", of "on behalf of the family"."""
    if prep.lower_ != "on":
        return None
    behalf = next((o for o in prep.children if o.dep_ == "pobj" and o.lower_ == "behalf"), None)
    of = next((c for c in behalf.children if c.dep_ == "prep" and c.lower_ == "of"), None) if behalf is not None else None
    return next((o for o in of.children if o.dep_ == "pobj"), None) if of is not None else None


def agents_of(participle: Token) -> Iterator[Token]:
    """Who did it, for a participle with a "by" agent ("a statement made ... by Hamzah Idris")."""
    return (o for a in participle.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj")


def _hyphenated_word(head: Token) -> str:
    """ "secretary-general" for the "General" of "Secretary-General", which the tokenizer splits:
    the title is the whole word, not the general of an army."""
    doc, start = head.doc, head.i
    while start >= 2 and _hyphenated(doc[start - 1]):
        start -= 2
    return doc[start : head.i + 1].text.lower()


def _holder_of_writing(token: Token) -> Token | None:
    """ "She sent a bottle of whiskey and a card that said ...": the subject of the verb whose
    object the writing is (or a conjunct of that object)."""
    thing = token
    while thing.dep_ == "conj":
        thing = thing.head
    if thing.dep_ != "dobj" or thing.head.pos_ != "VERB":
        return None
    return next((c for c in thing.head.children if c.dep_ == "nsubj"), None)


def _pronoun(token: Token, rules: Rules) -> Mention | None:
    lower = token.lower_
    if lower in rules.words("speakers.person_pronouns"):
        return Mention(token.text, token.idx, "pronoun", "person", lower, gender=gender_of([lower], rules))
    if lower in rules.words("speakers.group_pronouns"):
        return Mention(token.text, token.idx, "pronoun", "group", lower)
    if lower in rules.words("speakers.thing_pronouns"):
        return Mention(token.text, token.idx, "pronoun", "organisation", lower)
    if lower in rules.words("speakers.first_person_pronouns") or lower in rules.words("speakers.second_person_pronouns"):
        return Mention(token.text, token.idx, "pronoun", "person", lower)
    return None


def _firm_partners(head: Token, rules: Rules) -> list[Token]:
    """The name joined to `head` as part of one body's name: after "&" ("Tarrow & Penn
    Infrastructure", "Marks & Spencer"), or after "and" when it ends with an organisation word
    and `head` names no person ("Vendhara Vigilance and Anti-Corruption Bureau")."""
    joiner = next((c for c in head.children if c.dep_ == "cc" and c.text in ("&", "and")), None)
    partner = next((c for c in head.children if c.dep_ == "conj" and c.i > head.i), None)
    if joiner is None or partner is None or not _is_capitalised(partner) or partner.pos_ != "PROPN":
        return []
    run = _name_run(partner, rules)
    if joiner.text == "&":
        return run
    org_words = rules.words("speakers.organisation_words")
    joined = run[0].i == joiner.i + 1 and all(_is_capitalised(t) or t.text == "-" for t in run)
    person = first_name_gender(_span_text(_name_run(head, rules)), rules) is not None
    return run if joined and partner.lower_ in org_words and not person and head.lower_ not in org_words else []


def _called_by_title(head: Token, run: list[Token]) -> Token | None:
    """ "Lord Mayor, councillor Ana Petrakis said you should resign": a bare title opening the
    sentence, then a comma and a name with no comma closing it, addresses someone; the name after
    it (returned) holds no such title."""
    after = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else None
    if not run[0].is_sent_start or after is None or after.text != ",":
        return None
    named = next((c for c in head.rights if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    closing = named.right_edge.i + 1 if named is not None else len(head.doc)
    return named if named is not None and (closing >= len(head.doc) or head.doc[closing].text != ",") else None


def _office_before(head: Token, run: list[Token], rules: Rules) -> list[str]:
    """ "Federal Minister for Overseas Pakistanis Chaudhry Nadeem Bhalwal", parsed with the title
    as a modifier of the name and its portfolio between them: the title's words."""
    for child in head.lefts:
        office = list(child.subtree)
        titled = child.lower_ in rules.title_words and not _unit_of_a_number(child)
        if child.dep_ in ("nmod", "compound") and titled and office[-1].i + 1 == run[0].i:
            return [t.lower_ for t in office if t.i <= child.i and t.lower_ in rules.title_words]
    return []


def _shared_surname(head: Token, rules: Rules) -> Mention | None:
    """ "Rebecca and Tomas Lindqvist", "Bill and Hillary Clinton": two first names joined by "and"
    before one surname; each first name (and the surname, as the second one's) names a person of
    that surname."""
    doc = head.doc

    def given(i: int) -> bool:
        return 0 <= i < len(doc) and doc[i].pos_ == "PROPN" and bool(rules.first_name_gender(doc[i].text))

    def surname(i: int) -> bool:
        after = doc[i + 1] if i + 1 < len(doc) else None
        last = after is None or after.pos_ != "PROPN"
        return 0 <= i < len(doc) and doc[i].pos_ == "PROPN" and doc[i].text[:1].isupper() and last  # "Clinton" too

    i = head.i
    alone = i == 0 or doc[i - 1].pos_ != "PROPN"  # "Rebecca", not the "Hale" of "Tom Hale and Sarah Jones"
    if alone and given(i) and i + 3 < len(doc) and doc[i + 1].lower_ == "and" and given(i + 2) and surname(i + 3):
        first, family = doc[i], doc[i + 3]  # "Rebecca" of "Rebecca and Tomas Lindqvist"
    elif given(i) and surname(i + 1) and i >= 2 and doc[i - 1].lower_ == "and" and given(i - 2):
        first, family = doc[i], doc[i + 1]  # "Tomas"
    elif surname(i) and given(i - 1) and i >= 3 and doc[i - 2].lower_ == "and" and given(i - 3):
        first, family = doc[i - 1], doc[i]  # "Lindqvist", the second first name's surname
    else:
        return None
    name = f"{first.text} {family.text}"
    gender = first_name_gender(first.text, rules)
    return Mention(name, first.idx, "name", "person", family.lemma_.lower(), gender=gender)


def _after_a_topic_label(head: Token, rules: Rules) -> Token | None:
    """ "Italy: Mother of Italian worker says ...", parsed with the label as the subject and what
    follows the colon in apposition to it: a place, or a label before a person's role, names the
    topic, and the apposition acts ("MP Nurgaliyeva: people ... 'deserve answers'" is hers)."""
    after = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else None
    if after is None or after.text != ":" or head.dep_ not in ("nsubj", "nsubjpass"):
        return None
    labelled = next((c for c in head.rights if c.dep_ == "appos" and c.i > after.i), None)
    role = labelled is not None and labelled.lower_ in rules.title_words | rules.words("speakers.kin")
    return labelled if head.ent_type_ in PLACE_ENTITIES or (role and not list(head.lefts)) else None


def _in_an_office_before_a_name(head: Token, rules: Rules) -> bool:
    """Whether a name is the portfolio of a title that heads a person's name ("Overseas Pakistanis"
    in "Federal Minister for Overseas Pakistanis Chaudhry Nadeem Bhalwal")."""
    prep = head.head if head.dep_ == "pobj" else None
    title = prep.head if prep is not None and prep.lower_ in ("for", "of") else None
    return (
        title is not None
        and title.lower_ in rules.title_words
        and title.dep_ in ("nmod", "compound")
        and title.head.pos_ == "PROPN"
        and title.head.i > head.i
    )


def _named(head: Token, token: Token, rules: Rules) -> Mention | None:
    """The mention of the name run around `head`: a body, a title, or a person (with titles and gender)."""
    if _in_an_office_before_a_name(head, rules):
        return None
    if (labelled := _after_a_topic_label(head, rules)) is not None:
        return mention_at(labelled, rules)
    if (couple := _shared_surname(head, rules)) is not None:
        return couple
    run = _name_run(head, rules)
    partners = _firm_partners(head, rules)
    if partners:
        firm = [t for t in run if t.lower_ not in rules.title_words]
        firm = list(head.doc[firm[0].i : partners[-1].i + 1]) if firm else partners
        return Mention(_span_text(firm), firm[0].idx, "name", "organisation", partners[-1].lemma_.lower())
    if (beside := _titled_appositive(head, run, rules)) is not None:
        return beside
    suffixes = rules.words("speakers.corporate_suffixes")
    if head.lower_ in suffixes and _suffix_of(head.head, head):
        return None  # the "Inc." of "Voltaris Energy, Inc.": the company is found at its name
    # "The Minister of State for Rural Affairs, Fergal Brennan, told ...", "The Baale of Oke-Odo,
    # Chief Samuel Olatunji, told ...": a title, or a definite name of an office, beside a person's name
    the_head = any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)  # "the Democrat said"
    office = the_head and not is_organisation([head], rules)
    owner = {t.i for c in head.children if c.dep_ == "poss" for t in c.subtree}  # "Nigeria's Minister of State"
    gloss = _gloss_after(head)  # "Wethouder (alderman) Pieter de Graaf": a title glossed in brackets
    after_name = rules.words("speakers.after_name_honorifics")
    titled = all(t.lower_ in rules.title_words or t.lower_ in after_name for t in run if t.i not in owner) or bool(gloss)
    if (office or titled) and (called := _called_by_title(head, run)) is not None:
        return mention_at(called, rules, statement_owner=False)  # the name after the title is who acts
    named = _name_beside_title(head, rules) if office or titled else None
    if named is None and titled:
        named = _name_ending_office(head, rules)
    if named is not None:
        person = mention_at(named, rules, statement_owner=False)
        full_name = person is not None and person.kind == "person" and len(person.text.split()) > 1
        if person is not None and person.form == "name" and (full_name or not office):
            return replace(person, titles=(*person.titles, *(t.lower_ for t in run), *_title_initials(head, run), *gloss))
    if named is None and head.lower_ in rules.title_words and (hung := _name_hung_on_title(head, rules)):
        hung_titles = tuple(t.lower_ for t in run if t.lower_ in rules.title_words)
        hung_name = _span_text(hung)
        gender = gender_of(hung_titles, rules) or first_name_gender(hung_name, rules)
        return Mention(hung_name, hung[0].idx, "name", "person", hung[-1].lower_, hung_titles, gender=gender)
    first_named = any(rules.first_name_gender(t.text) for t in run if t.i < head.i)  # "Barangay captain Eduardo Magsino"
    # "P. Ponnammal (62) of Kamaraj Nagar": an initial or an age makes a person, whatever "of" follows
    personal = any(_initial(t) for t in run[:-1]) or _age_beside(head) is not None
    # "Dr Mwaka Sikazwe of the Centre for Fiscal Policy Dialogue", "Ato Dereje Wolde of Sheger Green
    # Bean Exporters": an honorific makes a person too
    forms, honorifics = rules.title_forms, rules.words("speakers.honorifics")
    personal = personal or any(t.lower_ in forms or t.lower_ in forms.values() or t.lower_ in honorifics for t in run[:-1])
    # "Fehér Dóra of Tiszta Víz": a known first name after the family name, as Hungarian puts it
    personal = personal or (len(run) > 1 and run[-2].pos_ == "PROPN" and bool(rules.first_name_gender(head.text)))
    named_body = (
        head.lower_ not in rules.title_words  # "Minister of State" is a title
        and bool(_of_extension(head))
        and not first_named
        and not personal
    ) or any(c.lower_ in suffixes and _suffix_of(head, c) for c in head.children)
    if is_organisation([head], rules) or named_body:  # "Cologne Chamber of Commerce" names a body
        extension = _of_extension(head, rules.words("speakers.representatives"), rules.words("speakers.posted_bodies"))
        run = [t for t in run if t.lower_ not in ("'s", "’s")] + extension
        while run and run[0].pos_ == "DET":
            run = run[1:]
        run = _joined_words_before(run) + run
        return Mention(_span_text(run), run[0].idx, "name", "organisation", head.lemma_.lower())
    # "Fiachra Mac Carthaigh TD": letters after a name are no title heading the run
    named_before = [t for t in run[:-1] if t.pos_ == "PROPN" and t.lower_ not in rules.title_words]
    # not "Shrewsford MP", nor "Vindhya Pradesh CM" (the state's chief minister)
    post_nominal = head.text.isupper() and len(named_before) > 1 and head.lower_ not in rules.words("speakers.offices_of_places")
    # "Cllr Amira Sheikh": a surname that is also a title ends a name when a first name comes before it
    titled_run = head.lower_ in rules.title_words and not first_named and not post_nominal
    if titled or titled_run:  # "Minister: ...", "the Home Secretary"
        run_titles = tuple(t.lower_ for t in run)
        gender = gender_of(run_titles, rules)
        text = _span_text(run)
        # "Haji Sahib", the honorific after a name with no name before it: the haji
        word = _hyphenated_word(next((t for t in reversed(run) if t.lower_ not in after_name), head))
        return Mention(text, run[0].idx, "description", "person", word, (*run_titles, word), gender=gender, definite=the_head)
    name, titles = _strip_titles(run, rules)
    titles += _gloss_before(run[0], head)
    titles += _description_titles(head, rules)
    titles += _office_before(head, run, rules)
    if head is not token:
        titles.append(token.lemma_.lower())
    gender = gender_of(titles, rules)
    if not name:
        return Mention(_span_text(run), run[0].idx, "description", "person", head.lower_, tuple(titles), gender=gender)
    text = _span_text(name)
    # "Rachel Danvers", "Mme de Villiers" and "Dr Meers" are people, whatever the tagger says of "Danvers";
    # a "which" clause after a person's appositive ("Anna Roth, a spokesperson for the board,
    # which ...") is often hung on the name: a gendered first name or title outweighs both
    gender = gender or first_name_gender(text, rules)
    personal = any(t in rules.title_forms or t in rules.title_forms.values() for t in titles)  # "Dr Meers"
    honorifics = rules.title_words | rules.words("speakers.after_name_honorifics")
    titled_person = any(t in honorifics for t in titles)  # "Federal Minister ... Bhalwal", "Bhalwal Sahib"
    plural = head.tag_ == "NNPS" and gender is None and not personal and not titled_person
    after_the = name[0].i > 0 and name[0].doc[name[0].i - 1].lower_ == "the"
    # two words or more: "the Ghanaian" is an epithet, "the Harlan administration" not a name
    untitled = name[0].i == run[0].i
    definite = after_the and len(name) > 1 and untitled and head.dep_ not in ("compound", "poss", "amod")
    thing = gender is None and (_said_to_be_a_thing(head, rules) or definite)  # "the Volna Star", "the Harbour Bar"
    kind: SpeakerKind = "group" if plural else "organisation" if thing else "person"
    surname = head if name[-1].i >= head.i else name[-1]  # "Bhalwal Sahib": Bhalwal
    mention = Mention(text, name[0].idx, "name", kind, surname.lemma_.lower(), tuple(titles), gender=gender)
    if kind != "person":
        return mention
    return replace(mention, seniority=_seniority(head, rules), qualified=_qualified_titles(head, rules))


def _titled_appositive(head: Token, run: list[Token], rules: Rules) -> Mention | None:
    """ "Tiruppur (North) MLA Thiru M. Arumugasamy said": a bare name the parse made the subject,
    with a titled person in apposition after it, is the constituency; the person speaks."""
    if any(t.lower_ in rules.title_words or rules.first_name_gender(t.text) for t in run) or is_organisation(run, rules):
        return None
    for child in head.rights:
        if child.dep_ == "appos" and child.pos_ == "PROPN":
            person = mention_at(child, rules, statement_owner=False)
            named = person is not None and person.form == "name" and len(person.text.split()) > 1
            if named and person is not None and person.kind == "person" and person.titles:
                return person
    return None


def _suffix_of(name: Token, suffix: Token) -> bool:
    """ "Voltaris Energy, Inc.": the suffix right after the name and its comma, not a firm's
    "Co." the parse hung on a person named before it."""
    after_comma = suffix.i == name.i + 2 and name.doc[name.i + 1].text == ","
    return suffix.dep_ in ("appos", "conj") and suffix.head == name and name.pos_ == "PROPN" and after_comma


def _seniority(head: Token, rules: Rules) -> str:
    """ "elder" for "the elder Pruitt", "younger" for "the younger Pruitt", else ""."""
    for child in head.children:
        if child.dep_ == "amod":
            for seniority in ("elder", "younger"):
                if child.lower_ in rules.words(f"speakers.{seniority}"):
                    return seniority
    return ""


def _described(token: Token, rules: Rules) -> Mention:
    """A common-noun speaker: a group ("Israeli authorities"), a body ("police") or a role ("the spokesman")."""
    entourage = _entourage(token, rules)
    if entourage is not None:
        return entourage
    quantifiers = rules.words("speakers.quantifiers")
    left = [c for c in token.lefts if c.dep_ in DESCRIPTION_DEPS and c.pos_ != "DET" and c.lower_ not in quantifiers]
    first = min([t.left_edge for t in left] + [token], key=lambda t: t.i)
    words = [t for t in token.doc[first.i : token.i + 1] if t.pos_ != "DET" and not t.is_space]
    text = _span_text(words)
    # "police" or "the police" is a body; "Israeli authorities" and "police in Ohio" stay a group
    bare = len(words) == 1 and not any(c.dep_ == "prep" for c in token.children)
    if token.tag_ in ("NNS", "NNPS") and not (bare and is_organisation([token], rules)):
        of_a_body = _of_a_body(token, text, rules)
        if of_a_body == text:
            words = _counted(token, words, quantifiers)
            of_a_body = _span_text(words + _which_ones(token, rules))
        return Mention(of_a_body, words[0].idx, "group", "group", token.lemma_.lower())
    role = token.lemma_.lower()
    collective = is_organisation([token], rules) or role in rules.words("speakers.kin_groups")  # "the family said"
    kind: SpeakerKind = "organisation" if collective else "person"
    body = _represented(token, rules) if role in rules.words("speakers.unnamed") else None
    if body is None:
        text = _span_text(words + (_which_ones(token, rules) or _whose_spokesperson(token, rules)))
    # "the nominee", "his mother" and "the party's national spokesperson": someone the reader already knows
    definite = any(
        (c.dep_ == "det" and c.lower_ in ("the", "this", "that"))
        or (c.dep_ == "poss" and (c.pos_ == "PRON" or any(g.dep_ == "det" and g.lower_ == "the" for g in c.children)))
        for c in token.children
    )
    gender = gender_of([role], rules)
    qualified = (" ".join((*qualifiers(token), role)),) if qualifiers(token) else ()
    return Mention(
        text, words[0].idx, "description", kind, role, (role,), gender=gender, body=body, definite=definite, qualified=qualified
    )


def _whose_spokesperson(noun: Token, rules: Rules) -> list[Token]:
    """ "A spokesman for the Taoiseach": the person a spokesperson speaks for, as written (a body
    they speak for is the speaker itself: `_represented`)."""
    if noun.lemma_.lower() not in rules.words("speakers.representatives"):
        return []
    prep = next((c for c in noun.rights if c.dep_ == "prep" and c.lower_ == "for" and c.i == noun.i + 1), None)
    phrase = list(prep.subtree) if prep is not None else []
    plain = all(t.pos_ not in ("VERB", "AUX", "PUNCT", "PRON") for t in phrase)
    return phrase if plain and len(phrase) <= WHICH_ONES_WORDS else []


def _counted(noun: Token, words: list[Token], quantifiers: frozenset[str]) -> list[Token]:
    """A group's words with the words in front that count it, as written: "most victims",
    "several accounts", "a dozen towns", "two officials"."""
    counting = [c for c in noun.lefts if c.lower_ in quantifiers or c.dep_ == "nummod"]
    start = words[0].i if words else noun.i
    first = min((c.left_edge.i for c in counting), default=start)
    lead = [
        t
        for t in noun.doc[first:start]
        if not t.is_space and not (t.dep_ == "det" and t.head == noun and t.lower_ not in quantifiers)
    ]
    return lead + words


def _which_ones(noun: Token, rules: Rules) -> list[Token]:
    """The short phrase right after an unnamed group's or person's noun that says which ones, as
    written: "Residents on Harbour Row", "leaders of fishing communities", "an official familiar
    with the talks". Not a clause, nor a phrase with a comma or a quote in it."""
    after = next((c for c in noun.rights if c.i == noun.i + 1), None)
    # "Whitaker on the teacher exodus: '...'" names her: a capitalised noun is a common one only
    # when it opens the sentence as a plural ("Residents on ...") or after "a"/"the"
    determined = noun.tag_ in ("NNS", "NNPS") or any(c.dep_ == "det" for c in noun.lefts)
    misread_name = noun.ent_type_ in ("PERSON", "ORG") or (noun.text[:1].isupper() and not (noun.is_sent_start and determined))
    if after is None or misread_name:
        return []
    which = after.dep_ == "prep" and after.lower_ in rules.words("speakers.which_ones_prepositions")
    described = after.dep_ == "amod" and any(c.dep_ == "prep" for c in after.children)  # "familiar with the talks"
    phrase = list(after.subtree)
    plain = all(t.pos_ not in ("VERB", "AUX", "PUNCT", "PRON") for t in phrase)
    return phrase if (which or described) and plain and len(phrase) <= WHICH_ONES_WORDS else []


def _of_a_body(token: Token, text: str, rules: Rules) -> str:
    """ "Campaigners from the Clean Arle group" are Clean Arle campaigners, and "analysts at Baer &
    Frey" Baer & Frey analysts: a group named by the body its members come from."""
    if not any(p.lower_ in rules.words("speakers.employer_prepositions") for p in token.rights):
        return text
    body = _represented(token, rules)
    # "analysts at Harcourt Bell": a name with no first name or title is where they work, unless
    # it names a place ("residents of Mill Lane")
    someone = body is not None and body.kind == "person" and (body.gender is not None or bool(body.titles))
    place = body is not None and body.kind == "person" and body.head in rules.words("speakers.place_words")
    name = body.text.split() if body is not None and not someone and not place else []
    if body is None or not name or not (body.form == "name" or any(w[:1].isupper() for w in name[:-1])):
        return text
    while len(name) > 1 and name[-1].lower() in rules.words("speakers.generic_organisation"):
        name.pop()  # "the Clean Arle group": Clean Arle
    own = text.lower() if len(text.split()) == 1 else text  # "Campaigners" opening the sentence
    return f"{' '.join(name)} {own}"


def _entourage(token: Token, rules: Rules) -> Mention | None:
    """ "Her campaign", "the senator's aides", "the family of Philippa Rowe": a body or group that
    speaks for its owner."""
    owner_token = next((c for c in token.children if c.dep_ == "poss"), None) or _named_of_object(token)
    if owner_token is None or token.lemma_.lower() not in rules.words("nouns.entourage"):
        return None
    owner = mention_at(owner_token, rules, statement_owner=False)
    if owner is None:
        return None
    if owner_token.i > token.i:  # "the family of Philippa Rowe" speaks as "Philippa Rowe family"
        owned = [token]
    else:
        owned = [t for t in token.doc[owner_token.right_edge.i + 1 : token.i + 1] if t.text not in ("'s", "’s", "'", "’")]
    kind: SpeakerKind = "group" if token.tag_ in ("NNS", "NNPS") else "organisation"
    text = _span_text([*token.doc[owner_token.left_edge.i : owner_token.right_edge.i + 1], *owned])
    start = min(owner_token.left_edge.idx, token.left_edge.idx)
    return Mention(text, start, "description", kind, token.lemma_.lower(), owner=owner, owned=_span_text(owned))


def _named_of_object(noun: Token) -> Token | None:
    """The name in "the family of Philippa Rowe": the object of the noun's "of", when a name."""
    return next((o for o in _of_objects(noun) if o.pos_ == "PROPN"), None)


AGE_EPITHET = regex.compile(r"^(\d+)-year-old$")
MAX_AGE = 120


def _age_beside(name: Token) -> int | None:
    """ "Kerry Dobbs, 34, from Rotherham", "Gary Dobbs (37)": the age news gives after a name."""
    doc = name.doc
    after = [t.text for t in doc[name.i + 1 : name.i + 4]]
    if len(after) == 3 and after[0] in (",", "(") and after[1].isdigit() and after[2] in (",", ")", ".", ";"):
        age = int(after[1])
        return age if 0 < age <= MAX_AGE and (after[0] == "(") == (after[2] == ")") else None
    return None


def epithet_age(mention: Mention) -> int | None:
    """ "the 34-year-old" -> 34."""
    found = AGE_EPITHET.match(mention.text) if mention.form == "description" else None
    return int(found.group(1)) if found else None


def is_epithet(mention: Mention, epithets: frozenset[str]) -> bool:
    """ "the nominee", "the 29-year-old": a description that stands for someone already named
    (`epithets`: cues.toml [speakers] epithets)."""
    if mention.form != "description" or mention.kind != "person" or not mention.definite:
        return False
    return mention.head in epithets or AGE_EPITHET.match(mention.text) is not None


def _represented(role: Token, rules: Rules) -> Mention | None:
    """The body an unnamed spokesperson speaks for: "a spokesperson for (or of) the charity RNID", "a Lindale
    Police Department spokeswoman", "a police spokesman"."""
    prepositions = rules.words("speakers.employer_prepositions")
    employer = next((o for p in role.rights if p.lower_ in prepositions for o in p.children if o.dep_ == "pobj"), None)
    if employer is None:
        employer = next((c for c in reversed(list(role.lefts)) if c.dep_ == "compound"), None)
    if employer is None:
        return None
    after = employer.doc[employer.i + 1] if employer.i + 1 < len(employer.doc) else None
    if employer.pos_ == "NOUN" and after is not None and after.text[:1].isupper() and after.is_alpha:
        # "a spokesperson for the rental platform Nestly", "analysts at the bank Baer & Frey",
        # whatever the parser made of the name
        doc, last = employer.doc, after.i

        def name_word(i: int) -> bool:
            return i < len(doc) and doc[i].is_alpha and doc[i].text[:1].isupper()

        while name_word(last + 1) or (last + 2 < len(doc) and doc[last + 1].text == "&" and name_word(last + 2)):
            last += 2 if doc[last + 1].text == "&" else 1
        name = doc[after.i : last + 1]
        return Mention(name.text, after.idx, "name", "organisation", doc[last].lower_)
    represented = mention_at(employer, rules, statement_owner=False)
    if represented is None or (represented.kind not in ("organisation", "group") and represented.form != "name"):
        return None
    if represented.kind == "person" and len(represented.text.split()) == 1:
        # "a Microsoft spokeswoman": the company; "a spokesman for the Senate Republican Caucus": the
        # caucus, its name whole (no senator called Caucus)
        whole = [t for t in _name_run(employer, rules) if t.pos_ != "DET"] if represented.titles else []
        return replace(represented, text=_span_text(whole) if whole else represented.text, kind="organisation", titles=())
    return represented


def is_channel(mention: Mention, rules: Rules) -> bool:
    """A news outlet or agency that relays what someone else said."""
    if mention.text in rules.outlets or fold(mention.text) in {fold(o) for o in rules.outlets}:
        return True
    others = fold(mention.text).split()[:-1]
    named_body = mention.form == "name" and mention.head in rules.words("channels.bodies_when_named")
    if named_body and others and not any(w in rules.channel_words for w in others):
        return False  # "the Maritime and Coastguard Agency", not "Xinhua News Agency"
    return mention.head in rules.channel_words


def _known_surname_opening_a_sentence(token: Token, known: Callable[[str], bool]) -> bool:
    """ "Voss, for her part, still goes to concerts": the tagger makes a sentence's first word a
    common noun, but it is the surname of a person named before."""
    return token.pos_ == "NOUN" and bool(token.is_sent_start) and token.is_alpha and token.text.istitle() and known(token.text)


def names_in(tokens: list[Token], rules: Rules, known: Callable[[str], bool] = lambda _: False) -> list[Mention]:
    """Every named person or organisation in the parsed text, for later resolution; `known` says
    whether a word is the name of someone already named."""
    found: list[Mention] = []
    for token in tokens:
        if _known_surname_opening_a_sentence(token, known):
            mention: Mention | None = Mention(token.text, token.idx, "name", "person", token.lower_)
        elif token.pos_ != "PROPN" or _inside_a_name(token) or _placing(token, rules):
            continue
        elif token.dep_ == "compound" and token.head.lemma_.lower() in rules.words("speakers.kin_groups"):
            mention = _surnamed_family(token.head, rules)
        else:
            mention = mention_at(token, rules)
        if (
            mention is not None
            and mention.form == "name"
            and mention.text.split()[-1].lower() in rules.words("speakers.name_particles")
        ):
            continue  # "Pieter van" of "Pieter van der Wal", cut by the parse: the whole name is found at its surname
        if mention is not None and greeted(token.doc.text, mention.start, mention.text, rules):
            continue
        if mention is not None and mention.form == "name":
            # "The charity's finance manager, Joanne Pryce, gave evidence": the name is the subject too
            # (not "MK Orly Ben-Zion (Derech) told the committee": a party in brackets, no subject)
            subject = _in_subject(token) or (token.dep_ == "appos" and _in_subject(token.head) and not _bracketed(token))
            # "Carbery, with whom Pennock agreed, allowed the appeal. She noted": a relative clause's subject is no topic
            subject = subject and not _in_relative_clause(token)
            subject = (subject and not _in_reported_content(token, rules)) or _fronted_topic(token)
            subject = subject or _addressed_by_the_writer(token, rules)
            gender = mention.gender or (_bound_pronoun_gender(token, rules) if mention.kind == "person" else None)
            age = _age_beside(token) if mention.kind == "person" else None
            holder = _alias_holder(token)
            alias_of = mention_at(holder, rules) if holder is not None else None
            found.append(replace(mention, subject=subject, gender=gender, age=age, alias_of=alias_of))
    return [m for m in found if not any(_inside(m, other) for other in found)]


def _in_subject(token: Token) -> bool:
    """A verb's subject, or a conjunct of one: "A community of 600 people, his mother, Justina
    Quispe Huamán, 61, listened", parsed with "mother" joined to "community" by a comma."""
    return token.dep_ in SUBJECT_DEPS or (token.dep_ == "conj" and token.head.dep_ in SUBJECT_DEPS)


def greeted(text: str, start: int, name: str, rules: Rules, floor: int = 0) -> bool:
    """ "Dear Parents and Carers,", "Hi Tom,": whom a letter greets, not a speaker. `name` is
    written at `start` in `text`; the greeting is looked for back to `floor` at most."""
    salutations = rules.words("speakers.salutations")
    before = text[max(floor, start - GREETING_CHARS) : start].split()
    return (bool(before) and before[-1].lower() in salutations) or name.split()[0].lower() in salutations


def roles_as_subjects(tokens: list[Token], rules: Rules) -> list[Mention]:
    """Every "the mayor" or "their mother" that is a verb's subject ("The mayor rejects the
    criticism. She says"): someone named before, who a pronoun after it most likely stands for."""
    found = []
    after_name = rules.words("speakers.after_name_honorifics")
    roles = rules.title_words | rules.words("speakers.kin") | after_name
    for token in tokens:
        # "The Lord Mayor opened with a statement": a capitalised title, tagged a proper noun, too
        if token.pos_ not in ("NOUN", "PROPN") or token.dep_ not in SUBJECT_DEPS or token.lemma_.lower() not in roles:
            continue
        if not _main_clause(token.head):
            continue  # "She will not apply until the judge has ruled": the story is not about the judge
        mention = mention_at(token, rules, statement_owner=False)  # "The deputy mayor, Karim Belkacem": a name
        if mention is None:
            continue
        # "Haji Sahib was calm": honorifics alone address someone known, as "the" does
        known = mention.definite or (token.lower_ in after_name and mention.head not in after_name)
        if mention.form == "description" and mention.kind == "person" and known and mention.body is None:
            found.append(replace(mention, subject=True))
    return found


def _main_clause(verb: Token) -> bool:
    """Whether a verb heads its sentence, or is joined by "and" to the verb that does."""
    return _first_conjunct(verb).dep_ == "ROOT"


def _first_conjunct(verb: Token) -> Token:
    """The verb that a chain of "and"s joins `verb` to: the one whose clause it shares."""
    while verb.dep_ == "conj":
        verb = verb.head
    return verb


def _addressed_by_the_writer(token: Token, rules: Rules) -> bool:
    """ "I asked Corvane's spokeswoman, Kelsey Arden, about it. She said": whom the writer asked,
    called or spoke to is the topic a "she" after it stands for, as a subject is."""
    node = token.head if token.dep_ == "appos" else token
    verb = node.head
    if node.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head  # "I spoke to ..."
    elif node.dep_ != "dobj":
        return False
    first_person = rules.words("speakers.first_person_pronouns")
    return verb.pos_ == "VERB" and any(c.dep_ == "nsubj" and c.lower_ in first_person for c in verb.children)


def _in_relative_clause(subject: Token) -> bool:
    while subject.dep_ in ("appos", "conj") and subject.head is not subject:  # "with whom Pennock and Adeyemi-Ward agreed"
        subject = subject.head
    return _first_conjunct(subject.head).dep_ == "relcl"


def _inside_a_name(token: Token) -> bool:
    return token.dep_ in ("compound", "flat") and token.head.pos_ == "PROPN"


LOCATIVE = frozenset({"in", "at", "near", "outside"})


def _placing(token: Token, rules: Rules) -> bool:
    """ "the London-based charity", "the Lausanne, Switzerland-based maker", "has been speaking in
    Aldermoor": a place named to say where something is, not a speaker (the parse often sets
    "Lausanne" beside the company)."""
    single = token.dep_ == "pobj" and not any(c.dep_ == "compound" for c in token.children)
    if single and token.head.lower_ in LOCATIVE and token.head.head.pos_ in ("VERB", "AUX"):
        return first_name_gender(token.text, rules) is None  # "in Aldermoor"; not "met in London with Anna"
    doc, i = token.doc, token.i + 1
    determined = token.i > 0 and doc[token.i - 1].dep_ == "det"
    if determined and i + 1 < len(doc) and doc[i].text == "," and doc[i + 1].pos_ == "PROPN":
        i += 2  # "the Austin, Texas-based firm"
    return i + 1 < len(doc) and doc[i].text == "-" and doc[i + 1].lower_ in rules.words("speakers.place_hyphen_words")


ALIAS_VERBS = frozenset({"know", "nickname", "dub", "call", "perform", "write"})


def _in_reported_content(token: Token, rules: Rules) -> bool:
    """Whether a word sits in what someone is reported to have said ("She told reporters that
    Ireland would contribute"): its subject is the speaker's topic, not the story's, so a "she"
    after it stands for the speaker."""
    # a content clause before its cue ("Lil Tavo has postponed his tour, the singer told fans") is
    # the story's own sentence, which the cue's epithet then refers back to; so is what "I" note
    first_person = rules.words("speakers.first_person_pronouns")

    def reported(clause: Token) -> bool:
        cue = clause.head
        own = any(c.dep_ == "nsubj" and c.lower_ in first_person for c in cue.children)
        return clause.dep_ == "ccomp" and clause.i > cue.i and cue.lemma_.lower() in rules.cue_verbs and not own

    return any(reported(a) for a in token.ancestors)


def _alias_holder(name: Token) -> Token | None:
    """The name a nickname or a stage name belongs to: "Joaquim Ferraz Arruda, known (to everyone)
    as Quinzinho", "Oleksandr Zhuravskyi, a comedian who ... performs there as Sasha Juravsky",
    "Lil Tavo, whose real name is Octavio Rentería Salas"; None when `name` is no such name."""
    verb = name.head
    if name.dep_ == "attr" and verb.lemma_ == "be" and verb.dep_ == "relcl" and verb.head.pos_ == "PROPN":
        # "Lil Tavo, whose real name is Octavio Rentería Salas, said": the stage name's holder
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        whose = subject is not None and subject.lemma_ == "name" and any(c.lower_ == "whose" for c in subject.children)
        return verb.head if whose else None
    if name.dep_ == "pobj":
        if verb.lower_ != "as":
            return None
        while verb.dep_ in ("prep", "pobj") and verb.lemma_.lower() not in ALIAS_VERBS:
            verb = verb.head  # "known to everyone in town as Zé Galego"
    if verb.lemma_.lower() not in ALIAS_VERBS:
        return None
    if name.dep_ != "pobj" and any(c.i > name.i and c.dep_ in ("appos", "oprd") for c in (*name.children, *verb.children)):
        return None  # 'called Mori "the pride of Japan"': Mori is who is called, the words after are the name
    while verb.dep_ == "conj":
        verb = verb.head  # "who has lived in London since 2009 and performs there as ..."
    if verb.dep_ not in ("acl", "relcl"):
        return None
    holder = verb.head.head if verb.head.pos_ == "NOUN" and verb.head.dep_ == "appos" else verb.head
    return holder if holder.pos_ == "PROPN" else None


def _inside(mention: Mention, other: Mention) -> bool:
    """ "Economic Advisers" inside "Council of Economic Advisers": a name within a longer one."""
    end, other_end = mention.start + len(mention.text), other.start + len(other.text)
    return other.start <= mention.start and end <= other_end and (other.start, other_end) != (mention.start, end)
