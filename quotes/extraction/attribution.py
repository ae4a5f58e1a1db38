"""Who said a quote: speech cues and their speakers, from the dependency parse.

The patterns live in `patterns/attribution.jsonl` (cue -> speaker); this module runs them
with spaCy's DependencyMatcher and applies the few decisions that are not patterns:
which cue governs a quote, inheritance of a subject along "..., adding that", and
whether a short quote is speech at all.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from dataclasses import dataclass

import regex
from spacy.tokens import Doc, Span, Token

from quotes.extraction.matchers import RuleMatcher
from quotes.extraction.parse import comma_before, word_before
from quotes.extraction.speakers import Mention, agents_of, behalf_owner, is_channel, mention_at
from quotes.models import QuoteKind, QuoteSpan
from quotes.rules import Rules

INHERIT_DEPS = {"conj", "advcl", "xcomp", "pcomp", "prep", "acl", "ccomp", "relcl", "parataxis"}
SENTENCE_END = set(".!?:;—–\n")
MODALS = {"may", "might", "could", "would", "should"}
PAST_TENSE_TAGS = {"VBD", "VBN"}
RULE_COLON_INTRODUCTION = "subject of a sentence ending ':' before a quote"
RULE_STATEMENT_INTRODUCTION = "subject of a sentence that reads or issues a statement, before a quote"
RULE_NARRATED_INTRODUCTION = "speaker of the speech verb that ends the paragraph before"
RULE_DASH_LABEL = "'\"quote\" -- Speaker' label"
RULE_COLON_LABEL = "'Speaker: \"quote\"' label"
RULE_COLON_AFTER = "'\"quote\": Speaker' heading"
RULE_NAMING = "subject of a verb that describes its object in the quote's words"
RULE_OPENING_NAME = "name opening the sentence, before a cue the parse left no subject"
RULE_GOVERNING_SUBJECT = "subject of the governing verb"
LABEL_MAX_TOKENS = 16  # "Gloria Benitez, who owns Benitez Hardware:" is a label; a longer run is a sentence
NICKNAME_MAX_WORDS = 3
TERM_CONTEXT_CHARS = 40  # a naming word ("titled", "known as") stands within a few words of its term


@dataclass(frozen=True)
class Cue:
    """A speech cue and, where the parse gives one, its speaker."""

    token: Token
    speaker: Mention | None
    speaker_token: Token | None
    rule: str


def find_cues(doc: Doc, matcher: RuleMatcher, rules: Rules, excluded: set[int]) -> dict[int, Cue]:
    """Every cue token with its speaker; tokens in `excluded` (inside quotes) never speak."""
    best: dict[int, tuple[int, str, Token]] = {}
    for match in matcher(doc):
        cue_i, speaker_i = match.nodes["cue"], match.nodes["speaker"]
        if speaker_i in excluded or cue_i in excluded:
            continue
        # the best-ranked rule; of two subjects it finds for one verb, the nearer
        # ('AT&T — "We will win," said Volodymyr Zelensky': Zelensky)
        known = best.get(cue_i)
        nearer = known is not None and abs(speaker_i - cue_i) < abs(known[2].i - cue_i)
        if known is None or match.rank < known[0] or (match.rank == known[0] and nearer):
            best[cue_i] = (match.rank, match.rule.label, doc[speaker_i])
    cues: dict[int, Cue] = {}
    for cue_i, (_, label, speaker_token) in best.items():
        if _expletive(speaker_token):
            continue  # "It's a far cry from 2023, when Jax told ..., and said ...": "it" says nothing
        if speaker_token.tag_ in ("WDT", "WP") and doc[cue_i].dep_ == "relcl":
            speaker_token = doc[cue_i].head  # "the ministry, which claimed ...": the ministry
            if speaker_token.lower_ != "which" and speaker_token.dep_ == "pobj":
                speaker_token = _person_before_a_place(speaker_token)
        speaker_token = _past_a_vocative(_named_after_a_topic(speaker_token), rules)
        mention = mention_at(speaker_token, rules)
        cues[cue_i] = Cue(doc[cue_i], mention, speaker_token, label)
    # cues without a speaker of their own: "..., adding that", "stating that"
    for token in doc:
        if token.i in cues or token.i in excluded or not is_cue_word(token, rules):
            continue
        cues[token.i] = Cue(token, None, None, "no subject")
    for cue_i, cue in list(cues.items()):
        if cue.speaker is None and cue.token.lemma_.lower() in rules.words("nouns.according"):
            cues[cue_i] = _according_by_position(cue, rules, excluded)
    for cue_i, cue in list(cues.items()):
        if cue.speaker is None and (opening := _name_opening_the_sentence(cue.token, excluded)) is not None:
            mention = mention_at(opening, rules)
            cues[cue_i] = Cue(cue.token, mention, opening, RULE_OPENING_NAME) if mention is not None else cue
    for cue_i, cue in list(cues.items()):
        if cue.speaker is None and cue.token.lemma_.lower() not in rules.words("nouns.according"):
            inherited = _inherited_speaker(cue.token, cues, rules, excluded)
            if inherited is not None:
                cues[cue_i] = Cue(cue.token, inherited.speaker, inherited.speaker_token, f"{inherited.rule} (inherited)")
    return cues


def _name_opening_the_sentence(cue: Token, excluded: set[int]) -> Token | None:
    """ "Dr Nadia Okafor-Reid, a lecturer ... and lead author of the study, said:", where the parse
    takes "lead" for the verb and leaves "said" no subject: the name that opens the sentence, set
    off by a comma, right before a cue that follows a comma."""
    doc = cue.doc
    if cue.i < 2 or not comma_before(cue) or cue.dep_ not in ("ROOT", "conj") or cue.i in excluded:
        return None
    start = doc[cue.i - 1].sent.start  # the parse may even start a sentence at the cue
    end = start
    while end < cue.i and doc[end].pos_ in ("PROPN", "PUNCT") and doc[end].text != ",":
        end += 1
    names = [t for t in doc[start:end] if t.pos_ == "PROPN"]
    return names[-1] if names and end < cue.i and doc[end].text == "," else None


def _expletive(subject: Token) -> bool:
    """ "It" of "It's a far cry from ...": the subject of a copula that says what something is."""
    verb = subject.head
    return subject.lower_ == "it" and verb.lemma_ == "be" and any(c.dep_ in ("attr", "acomp") for c in verb.children)


def _named_after_a_topic(subject: Token) -> Token:
    """ "Australia: the union's Tilly Roanoke told ...": a topic and a colon, then the name the
    parser hangs on it as an appositive, who speaks."""
    colon = subject.i + 1 < len(subject.doc) and subject.doc[subject.i + 1].text == ":"
    named = [c for c in subject.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i > subject.i + 1]
    return named[0] if colon and named else subject


def _past_a_vocative(subject: Token, rules: Rules) -> Token:
    """ "And Julia, the river authority, the Tormera Hydrographic Confederation, says ...": a first
    name addressed at the sentence's start, then the body that speaks, which the parser hangs on
    the name as an appositive ("Maria, the shop's owner, said" is Maria: an owner is a person)."""
    doc = subject.doc
    marker = subject.lower_ in rules.words("speakers.discourse_markers")
    if marker and subject.i + 1 < len(doc) and doc[subject.i + 1].text == ",":  # "Also FYI, Kyle Brandt ... told"
        return next((c for c in subject.children if c.dep_ == "appos" and c.pos_ == "PROPN"), subject)
    opening = all(t.dep_ in ("cc", "intj", "punct") for t in doc[subject.sent.start : subject.i])
    alone = subject.pos_ == "PROPN" and not any(c.dep_ == "compound" for c in subject.children)
    addressed = opening and alone and subject.i + 1 < len(doc) and doc[subject.i + 1].text == ","
    if not addressed or rules.first_name_gender(subject.text) is None:
        return subject
    body = next((c for c in subject.children if c.dep_ == "appos" and c.lower_ not in rules.title_words), None)
    if body is None or body.pos_ != "NOUN" or body.lemma_.lower() in rules.title_words:
        return subject
    return next((c for c in body.children if c.dep_ in ("appos", "conj") and c.pos_ == "PROPN"), body)


PLACE_PREPOSITIONS = ("from", "in", "at")


def _person_before_a_place(place: Token) -> Token:
    """ "Margaret Doane, a retired teacher from Bow who said ...": "who" is a person, not the
    place the parse hung the clause on; the noun the place's preposition qualifies."""
    preposition = place.head
    if place.pos_ != "PROPN" or preposition.dep_ != "prep" or preposition.lower_ not in PLACE_PREPOSITIONS:
        return place
    return preposition.head if preposition.head.pos_ in ("NOUN", "PROPN") else place


def _according_by_position(cue: Cue, rules: Rules, excluded: set[int]) -> Cue:
    """ "according to engineer Paul Brandt" misparsed: the first name after "to" speaks."""
    sentence_end = cue.token.sent.end
    shown = rules.words("speakers.data_sources")
    dates = rules.words("speakers.date_words")
    for token in cue.token.doc[cue.token.i + 2 : sentence_end]:
        if token.is_punct or token.i in excluded or token.lemma_.lower() in shown:
            break  # "according to documents reviewed by The Meridian Ledger": documents, which show
        if token.pos_ == "PROPN" and token.lower_ in dates:
            break  # "according to a report released on Wednesday": a day, no one's name
        if token.pos_ == "PROPN":
            while token.i + 1 < sentence_end and token.doc[token.i + 1].pos_ == "PROPN":
                token = token.doc[token.i + 1]
            mention = mention_at(token, rules)
            if mention is not None:
                return Cue(cue.token, mention, token, "according to (by position)")
    return cue


def is_cue_word(token: Token, rules: Rules) -> bool:
    lemma = token.lemma_.lower()
    if token.pos_ in ("VERB", "AUX") and (lemma in rules.cue_verbs or lemma in rules.words("verbs.quoted_as")):
        return token.dep_ != "amod"  # "the said agreement"
    if _participle_taken_for_a_noun(token, rules):
        return True
    return token.pos_ == "VERB" and lemma in rules.words("nouns.according")


def _participle_taken_for_a_noun(token: Token, rules: Rules) -> bool:
    """ "Rio shared a photo ..., writing, '...'": a cue's -ing form the tagger made a noun, though
    it qualifies a verb (no noun is an adverbial clause)."""
    if token.pos_ != "NOUN" or token.dep_ != "advcl" or not token.lower_.endswith("ing"):
        return False
    base = token.lower_[:-3]
    return any(form in rules.cue_verbs for form in (base, base + "e", base[:-1]))


def _inherited_speaker(token: Token, cues: dict[int, Cue], rules: Rules, quoted: AbstractSet[int] = frozenset()) -> Cue | None:
    """Walk up "adding that", "stating that", "and warned" to a verb that has a speaker:
    "Putin echoed ..., accusing Ukraine of ..." is Putin's accusation. A verb inside quote marks
    (`quoted`) is the quote's, so its reporting verb speaks instead: '"Supplies will resume," the
    minister said, before adding: ...', with "before adding" hung on "resume"."""
    if any(c.dep_ == "auxpass" for c in token.children):
        return None  # "since it was reported near the campground": no one speaks
    with_subject = _with_subject(token, rules) or _object_of_a_charge(token, rules) or _made_to_speak(token, rules)
    if with_subject is not None:
        return with_subject
    chain: list[Token] = []
    current = _coordinated_verb(token)
    if current is not token:
        chain.append(current)
    while len(chain) < 4 and current.dep_ in INHERIT_DEPS and current.head is not current:
        current = current.head
        chain.append(current)
    # "Sheikh Jaber ... affirmed Kuwait's keenness to '...', reported the agency": an outlet relays,
    # so the speaker is the subject of the verb it reports
    speaking = [
        c for c in (cues.get(a.i) for a in chain) if c is not None and c.speaker is not None and not is_channel(c.speaker, rules)
    ]
    if speaking:  # a speaking cue up the chain comes first
        # "He maintained that the government had warned residents, adding that ...": a participle
        # in reported content adds to the report, so its speaker is the reporter's
        return speaking[-1] if token.tag_ == "VBG" else speaking[0]
    for ancestor in chain:
        if ancestor.i in quoted:
            reporting = [c for c in (cues.get(t.i) for t in ancestor.children if t.i not in quoted) if c and c.speaker]
            return reporting[0] if reporting else None
        subject = _nearer_subject(ancestor)
        if subject is not None and ancestor.pos_ in ("VERB", "AUX"):
            mention = mention_at(subject, rules)
            return Cue(ancestor, mention, subject, RULE_GOVERNING_SUBJECT) if mention else None
    return None


def _made_to_speak(token: Token, rules: Rules) -> Cue | None:
    """ "..., leaving her surveyor, Raj Menon, to explain that ...": the object of a verb that
    makes someone speak (`verbs.made_to`) says the infinitive's words."""
    verb = token.head
    infinitive = token.dep_ in ("xcomp", "advcl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
    if not infinitive or verb.lemma_.lower() not in rules.words("verbs.made_to"):
        return None
    made = next((c for c in verb.children if c.dep_ == "dobj" and c.i < token.i), None)
    mention = mention_at(made, rules) if made is not None else None
    return Cue(verb, mention, made, "object of a verb that makes it speak") if mention is not None else None


def _object_of_a_charge(token: Token, rules: Rules) -> Cue | None:
    """ "Kessler accused Whitaker of telling donors that '...'", "criticized Marsh for saying '...'":
    the one accused or criticised is who (reportedly) said the words, not the accuser ("cited
    Brentwood for reporting results late" says no words)."""
    prep = token.head
    if token.tag_ != "VBG" or token.dep_ != "pcomp" or prep.lower_ not in ("of", "for"):
        return None
    if not any(c.dep_ == "ccomp" or c.is_quote for c in token.subtree):
        return None
    accused = next((c for c in prep.head.children if c.dep_ == "dobj" and c.i < prep.i), None)
    mention = mention_at(accused, rules) if accused is not None else None
    return Cue(prep.head, mention, accused, RULE_GOVERNING_SUBJECT) if mention is not None else None


def _with_subject(token: Token, rules: Rules) -> Cue | None:
    """ "Talks broke down, with the union's general secretary, Kevin Malloy, saying ...": the object
    of the "with" just before a gerund is who says it, not the sentence's subject. Such a "with"
    opens its clause after a comma ("met with Smirnov, instructing ..." is Putin's)."""
    if token.tag_ != "VBG":
        return None
    for prep in token.head.children:
        if prep.dep_ != "prep" or prep.lower_ != "with" or not prep.i < token.i:
            continue
        if not (prep.is_sent_start or comma_before(prep)):
            continue
        between = token.doc[prep.right_edge.i + 1 : token.i]
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is not None and all(t.is_punct for t in between):
            mention = mention_at(obj, rules)
            return Cue(token, mention, obj, "with ... saying") if mention else None
    return None


def _coordinated_verb(token: Token) -> Token:
    """The verb a past-tense conjunct really coordinates with: the nearest past-tense ancestor.

    "said that Moscow should aim beyond what Russia considers its own and called for ...": the
    parser hangs "called" on "considers", but a past tense cannot join a present one; it joins
    "said", whose subject calls.
    """
    if token.dep_ != "conj" or token.tag_ != "VBD" or token.head.tag_ in PAST_TENSE_TAGS:
        return token
    for ancestor in token.ancestors:
        if ancestor.tag_ == "VBD":
            return ancestor
    # "It's a far cry from 2023, when Jax told ... and said ...": the past tense before it
    return next((t for t in reversed(token.doc[token.sent.start : token.i]) if t.tag_ == "VBD" and t.pos_ == "VERB"), token)


def is_negated_or_hypothetical(token: Token) -> bool:
    return any(c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in MODALS) for c in token.children)


def quote_tokens(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def _roots(span: Span) -> list[Token]:
    inside = {t.i for t in span}
    return [t for t in span if t.head.i not in inside or t.head is t]


def governing_cue(span: Span, cues: dict[int, Cue], excluded: set[int]) -> Cue | None:
    """The cue that introduces a quote: an ancestor first, then one hanging off the quote,
    then the nearest cue of the sentence."""
    speaking = {i: c for i, c in cues.items() if i not in excluded and c.speaker is not None}
    before_colon = _cue_before_colon(span, speaking)
    if before_colon is not None:
        return before_colon
    for root in _roots(span):
        for ancestor in root.ancestors:
            if (
                ancestor.i in speaking
                and not _aside_on_the_quote(ancestor, speaking)
                and not _bare_noun_under_a_cue(ancestor, speaking)
                and not _unspoken_under_a_cue(ancestor, speaking)
                and not _joined_to_a_cue_under_a_cue(root, ancestor, speaking)
            ):
                return speaking[ancestor.i]
    inside = {t.i for t in span}
    for cue in speaking.values():
        if cue.token.head.i in inside and cue.speaker is not None:
            return cue
    sentences = {t.sent.start for t in span}
    same_sentence = [c for c in speaking.values() if c.token.sent.start in sentences and c.speaker is not None]
    if same_sentence:
        return min(same_sentence, key=lambda c: min(abs(c.token.i - span.start), abs(c.token.i - span.end)))
    return None


def _cue_before_colon(span: Span, speaking: dict[int, Cue]) -> Cue | None:
    """ "Fraser reminded the hall that Calder had promised: '...'": a cue right before the colon
    that opens the quote speaks it, whatever cue above it the parse hangs the quote on."""
    colon = word_before(span.doc, span.start, lambda token: token.is_quote or token.is_space)
    if colon is None or colon.i < 1 or colon.text != ":":
        return None
    return speaking.get(colon.i - 1)


def _aside_on_the_quote(verb: Token, speaking: dict[int, Cue]) -> bool:
    """ "the senator said, and I wrote it down, '...'": a cue joined to another cue, whose object
    "it" is the quote, only comments on the words of the cue before it."""
    about_it = any(c.dep_ == "dobj" and c.lower_ in ("it", "this") for c in verb.children)
    return about_it and verb.dep_ == "conj" and verb.head.i in speaking


def _bare_noun_under_a_cue(verb: Token, speaking: dict[int, Cue]) -> bool:
    """ "Insurance claims 'typically take months' to settle, the finance chief said": a cue whose
    subject is a bare common noun, with no article, inside what another cue reports, is a noun's
    verb ("claims") in someone's words, not a speaker of its own."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    bare = subject is not None and subject.tag_ == "NN" and not any(c.dep_ in ("det", "poss") for c in subject.children)
    return bare and any(a.i in speaking for a in verb.ancestors)


def _unspoken_under_a_cue(verb: Token, speaking: dict[int, Cue]) -> bool:
    """ "Przybylska said Warsaw would not answer in kind 'for the time being'": a cue negated or
    in the future, inside what another cue reports, is no speech; the words are the reporter's
    source's."""
    return is_negated_or_hypothetical(verb) and any(a.i in speaking for a in verb.ancestors)


def _joined_to_a_cue_under_a_cue(root: Token, verb: Token, speaking: dict[int, Cue]) -> bool:
    """ "Whitford said Australia had offered aircraft and 'stands ready to help'": a quote joined
    to a verb inside what another cue reports goes on with that report; the words are the
    reporting speaker's, not the subject's of the verb it is joined to."""
    return root.dep_ == "conj" and root.head.i == verb.i and any(a.i in speaking for a in verb.ancestors)


def according_override(cue: Cue, cues: dict[int, Cue], rules: Rules) -> Cue:
    """ "Russia called on X "to ...", according to Zakharova": the words are the named source's."""
    according = rules.words("nouns.according")
    for other in cues.values():
        if other.speaker is not None and other.token.head.i == cue.token.i and other.token.lemma_.lower() in according:
            return other if source_outranks_subject(cue.speaker, other.speaker, rules, reworded=False) else cue
    return cue


def source_outranks_subject(subject: Mention | None, source: Mention, rules: Rules, reworded: bool) -> bool:
    """Whether "according to X" names the speaker rather than the verb's subject: "Russia called
    on ..., according to Zakharova" does; "he told reporters, according to the team's notes" (a
    person speaks, a thing only records it) does not. Reported in the reporter's words
    (`reworded`), a statement's owner speaks through it: "According to the statement, Shri Yadav
    has directed officials to ..."; a person's own quoted words stay theirs."""
    role = source.head in rules.title_words or source.head in rules.words("speakers.kin")
    someone = (reworded and source.form == "document") or (
        source.kind == "person" and (source.form in ("name", "pronoun") or role)
    )
    return subject is None or subject.kind != "person" or someone


def naming_cue(span: Span, cue: Cue | None, rules: Rules) -> Cue | None:
    """'Pettigrew introduced him as "a builder, not a talker"': a naming verb above the quote,
    with a subject of its own, speaks it, unless a speech cue stands nearer the quote. Inside
    reported speech the words are the naming verb's subject's: 'he said critics dismissed it as "..."'."""
    naming = rules.words("verbs.naming")
    for root in _roots(span):
        for ancestor in root.ancestors:
            if cue is not None and ancestor.i == cue.token.i:
                return cue
            if ancestor.pos_ != "VERB" or (ancestor.lemma_.lower() not in naming and not _wording(ancestor, rules)):
                continue
            subject = _nearer_subject(ancestor)
            # "Mayor Chantal Gervais, who was told ... before it was made public, described it as
            # '...'", with the name parsed as the subject of the clause before
            subject = subject or _name_opening_the_sentence(ancestor, set())
            mention = mention_at(subject, rules) if subject is not None else None
            return Cue(ancestor, mention, subject, RULE_NAMING) if mention is not None else cue
    return cue


def _nearer_subject(verb: Token) -> Token | None:
    """A verb's subject; of two the parse gives it ("HH the Crown Prince Sheikh Jaber", "Sentencing
    Rafferty yesterday, Judge Eoghan Kilcullen described ..."), the name nearer it."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    names = [c for c in subjects if c.pos_ == "PROPN"]
    return names[-1] if names else next(iter(subjects), None)


def _wording(verb: Token, rules: Rules) -> bool:
    """ "Congress used the words 'design or operation of a vessel'": a verb of choosing words,
    with a word for words as its object."""
    nouns = rules.words("verbs.wording_nouns")
    return verb.lemma_.lower() in rules.words("verbs.wording") and any(
        c.dep_ == "dobj" and c.lemma_.lower() in nouns for c in verb.children
    )


def introducing_cue(span: Span, cues: dict[int, Cue]) -> Cue | None:
    """He said: "..." over a sentence break: a cue in the sentence just before, ending in a colon."""
    first_sentence = span[0].sent
    if first_sentence.start == 0:
        return None
    previous = span.doc[first_sentence.start - 1].sent
    if not previous.text.rstrip().endswith((":", ",")):
        return None
    candidates = [c for c in cues.values() if previous.start <= c.token.i < previous.end and c.speaker is not None]
    return candidates[-1] if candidates else None


def _on_behalf_of(sentence: Span, rules: Rules) -> Mention | None:
    """Whose statement a reader reads: "on behalf of the Reyes family"; "on their behalf" after
    "Ms Gathoni's relatives", the Gathoni family."""
    for token in sentence:
        if token.lower_ != "behalf" or token.head.lower_ != "on":
            continue
        owner = behalf_owner(token.head)
        if owner is not None:
            return mention_at(owner, rules)
        if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in token.children):
            return _family_of(sentence, rules)
    return None


def _family_of(sentence: Span, rules: Rules) -> Mention | None:
    """ "Ms Gathoni's relatives" in the sentence: the Gathoni family."""
    for token in sentence:
        if token.lemma_.lower() not in rules.words("speakers.family_members"):
            continue
        owner = next((c for c in token.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
        if owner is not None:
            return Mention(f"{owner.text} family", owner.idx, "name", "organisation", "family")
    return None


def _writer_by(sentence: Span, subject: Token | None, rules: Rules) -> Token | None:
    """ "The following statement is published at the request of the family. It was written by his
    daughter, Kerry Ashdown.": the writer a passive writing verb names after "by"."""
    root = sentence.root
    if subject is None or subject.dep_ != "nsubjpass" or root.lower_ not in rules.words("verbs.writing_forms"):
        return None
    writings = rules.words("nouns.statement") | rules.words("nouns.document") | rules.words("nouns.owned_writings")
    if subject.lower_ not in ("it", "this") and subject.lemma_.lower() not in writings:
        return None
    agent = next((c for c in root.children if c.dep_ == "agent"), None)
    return None if agent is None else next((c for c in agent.children if c.dep_ == "pobj"), None)


def closing_introduction(doc: Doc, cues: dict[int, Cue], rules: Rules, quoted: AbstractSet[int] = frozenset()) -> Cue | None:
    """Who speaks the quote that opens the next paragraph: a paragraph that ends "..., said:"; with
    no cue in its last sentence ("Celia Ramos described his rehearsals:"), its subject, or the name
    a verbless one is about ("Caldwell on the rally:"); and a last
    sentence whose subject reads or issues a statement ("Carl Desrosiers read a statement to
    members."), that subject; a last sentence whose main verb is a speech cue of its subject
    ("Stroud tells the story slowly."), that subject. A last sentence inside quote marks (`quoted`, token indices) is the
    quote's own words ("It hit the post."), which introduce no one."""
    if len(doc) == 0:
        return None
    last = doc[len(doc) - 1].sent
    if last.root.i in quoted:
        return None
    subject = next((t for t in last.root.children if t.dep_ in ("nsubj", "nsubjpass")), None)
    if (writer := _writer_by(last, subject, rules)) is not None and (mention := mention_at(writer, rules)) is not None:
        return Cue(last.root, mention, writer, RULE_STATEMENT_INTRODUCTION)
    statement = any(t.dep_ == "dobj" and t.lemma_.lower() in rules.words("nouns.statement") for t in last.root.children)
    if not doc.text.rstrip().endswith(":"):
        if statement and subject is not None:
            mention = _on_behalf_of(last, rules) or mention_at(subject, rules)
            return None if mention is None else Cue(last.root, mention, subject, RULE_STATEMENT_INTRODUCTION)
        # "Stroud tells the story slowly, and in order." before a quote paragraph with no speaker
        cue = cues.get(last.root.i)
        if cue is None or cue.speaker is None or subject is None or cue.speaker_token != subject:
            return None
        return Cue(last.root, cue.speaker, subject, RULE_NARRATED_INTRODUCTION)
    candidates = [c for c in cues.values() if last.start <= c.token.i < last.end and c.speaker is not None]
    # a verb introduces, not a statement noun in its object ("Furlong has responded to the union's
    # announcement that it would not ...:" is Furlong's introduction)
    verbs = [c for c in candidates if c.token.pos_ in ("VERB", "AUX")]
    # "When a reporter asked ..., the mayor answered:": the answer introduces, the question does not
    subordinate = [c for c in verbs if _opens_a_subordinate_clause(c.token, rules)]
    verbs = [c for c in verbs if c not in subordinate] or verbs
    candidates = [c for c in candidates if c not in subordinate] or candidates
    main = [c for c in verbs if c.token == last.root]  # "Poppinga recounts what he told her:" is Poppinga's
    if verbs or candidates:
        return (main or verbs or candidates)[-1]
    if subject is None and last.root.pos_ == "PROPN":
        subject = last.root  # a verbless heading: "Caldwell on the rally, at her news conference:"
    if subject is None and not any(t.pos_ in ("VERB", "AUX") for t in last):
        # "Response from Councillor Tom Brennan (Labour), Cabinet Member for Leisure:"
        subject = next((t for t in last if t.pos_ == "PROPN" and t.dep_ == "pobj" and t.head.lower_ in ("from", "by")), None)
    if last.root.lemma_.lower() in rules.words("verbs.voicing"):
        # "She quoted a statement made ... by Transport Minister Hamzah Idris:": the owner's words
        objects = (c for c in last.root.children if c.dep_ == "dobj")
        subject = next((o for w in objects if (o := _owner_of_words(w)) is not None), subject)
    mention = mention_at(subject, rules) if subject is not None else None
    return None if mention is None else Cue(last.root, mention, subject, RULE_COLON_INTRODUCTION)


def _opens_a_subordinate_clause(verb: Token, rules: Rules) -> bool:
    subordinators = rules.words("verbs.subordinators")
    return any(c.dep_ in ("advmod", "mark") and c.lower_ in subordinators and c.i < verb.i for c in verb.children)


# '"Who will pay?" the mayor asked.', '"Na lie!" he shouted, which translates as ...': speaker and verb this near
TRAILING_ATTRIBUTION_TOKENS = 8


def trailing_cue(doc: Doc, quote_end: int, cues: dict[int, Cue]) -> Cue | None:
    """'"Where else am I going to get that?" Voss asked.': a question or an exclamation ends the
    quote's sentence, and a speaker and cue in the few words just after the closing mark
    (`quote_end`, a character offset in `doc`) attribute it, also where the parser ran them on
    into the rest of a headline ("'Who will clean our river?' Alabraba asks Coralline's board")."""
    after = next((t for t in doc if t.idx >= quote_end and not t.is_space), None)
    if after is None:
        return None
    near = range(after.i, min(after.sent.end, after.i + TRAILING_ATTRIBUTION_TOKENS))
    return next(
        (c for c in cues.values() if c.token.i in near and c.speaker_token is not None and c.speaker_token.i in near),
        None,
    )


DASH_LABEL_CHARS = 200  # a signature after a dash is a name and a title, never a paragraph
DASH_LABEL = regex.compile(r"\s*(?:—|–|―|--?)\s*(?=\p{Lu})")


def dash_label(doc: Doc, quote_end: int, rules: Rules) -> Cue | None:
    """ "\"We keep rates stable.\" -- Walt Hendricks, General Manager": the name after a dash that
    follows the closing mark speaks the quote. `quote_end` is just past the closing mark."""
    dash = DASH_LABEL.match(doc.text, quote_end)
    return _label_at(doc, dash.end(), rules, RULE_DASH_LABEL) if dash is not None else None


DASH_ASIDE = regex.compile(r"\s*(?:—|–|―)\s*(?P<verb>\p{Ll}+)\s+(?=\S)")
DASH_ASIDE_NAMED = regex.compile(
    r"\s*(?:—|–|―)\s*(?P<name>\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3})\s+(?P<verb>\p{Ll}+)\b"
)
RULE_DASH_ASIDE = "speaker of the aside between dashes after the speech ('—replied Joaquín Peña, 44—')"


def dash_aside(doc: Doc, speech_end: int, rules: Rules) -> Cue | None:
    """Spanish dialogue: "—Tell that to my mother —replied Joaquín Peña, 44, as he carried ...—."
    The name after the speech verb that opens the aside speaks, however the parse hangs it; in
    translation the name may come first ("—Benjumea said at the door—")."""
    aside = DASH_ASIDE.match(doc.text, speech_end)
    if aside is not None and aside.group("verb") in rules.cue_verb_forms:
        return _label_at(doc, aside.end(), rules, RULE_DASH_ASIDE)
    named = DASH_ASIDE_NAMED.match(doc.text, speech_end)
    if named is None or named.group("verb") not in rules.cue_verb_forms:
        return None
    name = doc.char_span(named.start("name"), named.end("name"), alignment_mode="expand")
    head = name.root if name is not None and len(name) else None
    mention = mention_at(head, rules) if head is not None else None
    return Cue(head, mention, head, RULE_DASH_ASIDE) if head is not None and mention is not None else None


RULE_VIEWPOINT = "the person a 'For X,' opening gives the view of"


def viewpoint_opener(doc: Doc, quote_start: int, rules: Rules) -> Cue | None:
    """ "For Tom Becker at the Courier, the plan is 'timid where it should be bold'": a sentence
    opened by "For" and a name, then a comma, gives that person's view."""
    inside = doc.char_span(quote_start, quote_start + 1, alignment_mode="expand")
    if inside is None or len(inside) == 0:
        return None
    sentence = inside[0].sent
    opener = sentence[0]
    if opener.lower_ != "for" or opener.dep_ != "prep" or opener.head != sentence.root:
        return None
    named = next((c for c in opener.children if c.dep_ == "pobj" and c.pos_ == "PROPN"), None)
    comma = named is not None and any(t.text == "," for t in doc[named.right_edge.i + 1 : named.right_edge.i + 2])
    mention = mention_at(named, rules) if named is not None and comma else None
    if mention is None or mention.form != "name" or mention.kind not in ("person", "organisation"):
        return None
    return Cue(opener, mention, named, RULE_VIEWPOINT)


COLON_AFTER = regex.compile(r"\s*:\s*(?=\S)")


def colon_after(doc: Doc, quote_start: int, quote_end: int, rules: Rules) -> Cue | None:
    """ "«Everyone saw it except one person»: Zhuravskyy after cup exit", "'Guilty will not be
    spared': CM on UK bribery trial": a heading that opens with the quote names its speaker after
    a colon. `quote_start` is where the opening mark is."""
    colon = COLON_AFTER.match(doc.text, quote_end)
    if colon is None or doc.text[:quote_start].strip(" \t#*_"):  # a Markdown heading's "#" may open it
        return None
    label = _label_at(doc, colon.end(), rules, RULE_COLON_AFTER) if doc.text[colon.end() :][:1].isupper() else None
    return label or _subject_after(doc, colon.end(), rules)


def _subject_after(doc: Doc, start: int, rules: Rules) -> Cue | None:
    """ "'We have nine days of water left': stranded captain takes questions on Reddit": a clause
    after the colon whose subject is a person."""
    after = doc.char_span(start, len(doc.text), alignment_mode="expand")
    subject = next((t for t in after or () if t.dep_ == "nsubj" and t.head.pos_ == "VERB"), None) if after else None
    mention = mention_at(subject, rules) if subject is not None else None
    # a role ("stranded captain") or a name that is surely a person's ("Captain Joel Macaraeg"), not
    # a bridge's or an AMA's
    titled = mention is not None and mention.form == "description" and mention.head in rules.title_words
    personal = mention is not None and mention.form == "name" and bool(mention.titles or mention.gender)
    if subject is None or mention is None or mention.kind != "person" or not (titled or personal):
        return None
    return Cue(subject.head, mention, subject, RULE_COLON_AFTER)


def _label_at(doc: Doc, start: int, rules: Rules, rule: str) -> Cue | None:
    """The name phrase at `start` (up to a comma, a bracket or a sentence end) as a label's speaker."""
    after = doc.char_span(start, min(len(doc.text), start + DASH_LABEL_CHARS), alignment_mode="expand")
    if after is None or len(after) == 0:
        return None
    phrase = []
    for token in after:
        if token.text in (",", "(", ";", "—", "–", "―") or token.is_quote or (token.is_punct and token.text in ".!?"):
            break
        phrase.append(token)
    if any(t.lower_ == "by" for t in phrase):
        return None  # a credit, not a speaker: "— Translation by La Voz del Altiplano", "— Photo by ..."
    inside = {t.i for t in phrase}
    head = next((t for t in phrase if t.head.i not in inside or t.head == t), None)
    mention = mention_at(head, rules) if head is not None and len(phrase) <= LABEL_MAX_TOKENS else None
    if mention is not None and mention.start < phrase[0].idx:
        # a name phrase the parse ran back over the quote ("'Deeply sorry' — Sable Crest apologises"):
        # the label's own last proper noun of its first name run
        head = next((t for t in phrase if t.pos_ == "PROPN" and (t.i + 1 == len(doc) or doc[t.i + 1].pos_ != "PROPN")), None)
        mention = mention_at(head, rules) if head is not None else None
        mention = mention if mention is not None and mention.start >= phrase[0].idx else None
    if mention is None or mention.form == "pronoun":
        return None
    return Cue(head or after[0], mention, head, rule)


def _colon_before(doc: Doc, quote_start: int) -> Token | None:
    """The colon just before a quote's opening mark (at `quote_start`, in `doc`'s characters)."""
    text = doc.text
    i = quote_start - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    colon_span = doc.char_span(i, i + 1, alignment_mode="expand") if i >= 0 and text[i] == ":" else None
    return colon_span[0] if colon_span is not None and len(colon_span) == 1 else None


def colon_clause(doc: Doc, quote_start: int, rules: Rules) -> Cue | None:
    """ "Holcomb built her best moment around them: \"When a mom ...\"": a clause with no speech
    verb ends in a colon that the quote follows; its subject, when a name or a "he"/"she", speaks."""
    colon = _colon_before(doc, quote_start)
    if colon is None:
        return None
    clause = range(colon.sent.start, colon.i)
    # the verb nearest the colon with a person for subject, else the clause's own root, wherever
    # the parse hangs it (often on the quote's verb after the colon)
    verb = _nearest_speaking_verb(doc, colon, clause, rules) or next(
        (t for t in doc[clause.start : clause.stop] if t.head.i not in clause or t.head == t), None
    )
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return None
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < colon.i), None)
    # "The host read out Brantley's line to the paper:": the owner of the words read
    voiced = verb.lemma_.lower() in rules.words("verbs.voicing")
    statements = rules.words("nouns.statement")
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.i < colon.i]
    words = next((c for c in objects if voiced or c.lemma_.lower() in statements), None)
    owner = _owner_of_words(words) if words is not None else None
    subject = owner or subject
    mention = mention_at(subject, rules) if subject is not None else None
    # "she quoted a Kenyan doctor, Ruth Mwangi:": the person quoted, not the one quoting
    quoted = mention_at(words, rules) if voiced and words is not None and owner is None else None
    if quoted is not None and quoted.kind == "person" and quoted.form == "name":
        mention, subject = quoted, words
    # "The chairman of the committee was blunter:": an office introduces as a name does
    office = subject is not None and any(c.dep_ == "prep" and c.lower_ in ("of", "for") for c in subject.children)
    titled = office and mention is not None and mention.form == "description" and mention.head in rules.title_words
    if mention is None or mention.kind != "person" or (mention.form not in ("name", "pronoun") and not titled):
        return None
    return Cue(verb, mention, subject, RULE_COLON_INTRODUCTION)


def _nearest_speaking_verb(doc: Doc, colon: Token, clause: range, rules: Rules) -> Token | None:
    """The verb nearest the colon, up the parse from the word before it, whose subject is a named
    person or a "he"/"she": "Wexcombe won, and Dana Whitlock made clear who the win was for:"."""
    token = doc[colon.i - 1] if colon.i - 1 in clause else None
    while token is not None and token.i in clause:
        subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < colon.i), None)
        mention = mention_at(subject, rules) if subject is not None and token.pos_ in ("VERB", "AUX") else None
        if mention is not None and mention.kind == "person" and mention.form in ("name", "pronoun"):
            return token
        token = None if token.head == token else token.head
    return None


def _owner_of_words(words: Token) -> Token | None:
    """Whose words are read out: "Brantley's line", "a statement made ... by Minister Hamzah Idris"."""
    owner = next((c for c in words.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
    made = (c for c in words.children if c.dep_ == "acl" and c.tag_ == "VBN")
    return owner or next((t for c in made for t in agents_of(c) if t.pos_ == "PROPN"), None)


HEADLINE_TOPIC_TOKENS = 3  # "Northway Rail boss: strike 'entirely avoidable'": a topic this short before the quote


def _headline_colon(doc: Doc, quote_start: int) -> Token | None:
    """The colon of a headline-style label with a short topic between it and the quote."""
    opening = doc.char_span(quote_start, quote_start + 1, alignment_mode="expand")
    if opening is None or len(opening) == 0:
        return None
    first = opening[0]
    between: list[Token] = []
    for token in reversed(doc[first.sent.start : first.i]):
        if token.text == ":":
            return token if 0 < len(between) <= HEADLINE_TOPIC_TOKENS else None
        between.append(token)
    return None


def _speech_verb_taken_for_a_noun(token: Token, rules: Rules) -> bool:
    """ "fires" of "Falk fires back", "warns" of "Mayor warns": a headline's speech verb tagged as a plural noun."""
    if token.tag_ != "NNS" or token.i == 0:
        return False
    following = token.doc[token.i + 1].lower_ if token.i + 1 < len(token.doc) else ""
    phrasal = f"{token.lemma_.lower()} {following}" in rules.words("verbs.phrasal")
    return phrasal or token.lower_ in rules.cue_verb_forms


CLOCK = regex.compile(r"\d{1,2}[:.]\d{2}(?::\d{2})?")


def colon_label(doc: Doc, quote_start: int, rules: Rules) -> Cue | None:
    """ "Priya Ramsden: \"Nobody will be left behind\"", "- Ben Sato: \"Build it.\"": a short
    name or title phrase, alone before a colon that the quote follows, speaks the quote.
    `quote_start` is where the quote's opening mark is, in `doc`'s characters."""
    colon = _colon_before(doc, quote_start) or _headline_colon(doc, quote_start)
    if colon is None:
        return None
    # '... my life." And Eirlys Pritchard, a fan since 1957: "..."': the label starts after the
    # quote before it closes, and after a conjunction
    start = colon.sent.start
    # "9/ 10.42am: Marsh: '...'": a colon before the label's ends what comes before it (a post's time)
    start = max([start, *(t.i + 1 for t in doc[start : colon.i] if t.text == ":")])
    # "- **[04:50]** Ana on why ...:": a time stamp before the label is no part of it
    while start < colon.i and (
        doc[start].is_punct or doc[start].is_space or doc[start].dep_ == "cc" or CLOCK.fullmatch(doc[start].text)
    ):
        start += 1
    topics = rules.words("speakers.topic_prepositions")
    if doc[start].lower_ in topics:  # "On the headline number, Claire Boisvert:"
        commas = [t.i for t in doc[start : colon.i] if t.text == ","]
        if not commas:
            return None  # "On what it means for your dinner:": a topic alone, the speaker named before
        start = commas[-1] + 1
    label = [t for t in doc[start : colon.i] if not t.is_punct and not t.is_space]
    if not label or len(label) > LABEL_MAX_TOKENS or any(t.is_quote for t in doc[start : colon.i]):
        return None
    # "Judge Ashby to Prentice:": the speaker, not whom the words are addressed to
    # ("Villaraza to probe collapsed P180-M dike; Dela Cruz:" is no such label: words in lower case follow)
    capitalised = [w.text[:1].isupper() for w in label]
    addressed = (k for k, t in enumerate(label) if k > 0 and t.lower_ == "to" and all(capitalised[k + 1 :]))
    label = label[: next(addressed, len(label))]
    # "Ana on why the hold was hawkish:", "Caldwell on the rally:": the name before its topic
    topic = (k for k, t in enumerate(label) if k > 0 and t.lower_ in topics and all(capitalised[:k]))
    label = label[: next(topic, len(label))]
    inside = {t.i for t in label}
    head = next((t for t in label if t.head.i not in inside or t.head == t), None)
    if any(t.pos_ == "VERB" and t.dep_ in ("compound", "amod") for t in label):
        # "Della Marin postpones Saltwater tour:", a clause the parser ran into one noun: its subject
        head = next((t for t in label if t.dep_ == "nsubj" and t.pos_ == "PROPN"), None)
    elif head is not None and _speech_verb_taken_for_a_noun(head, rules):
        # "Falk fires back at Lindahl:", "Mayor warns:": the capitalised words before the verb
        head = next((t for t in reversed(label) if t.i < head.i and t.text[:1].isupper()), None)
    if head is not None and head.pos_ in ("VERB", "AUX"):
        return None  # "Gil Harrow, who runs the diner with his wife, Nadia, put it starkly:": a clause, not a label
    mention = mention_at(head, rules) if head is not None else None
    if mention is None or mention.form == "pronoun":
        return None
    return Cue(colon, mention, head, RULE_COLON_LABEL)


def _skippable_before_quote(char: str) -> bool:
    """Spaces, quote marks and brackets between a quote and what precedes it."""
    return char.isspace() or (not char.isalnum() and char not in SENTENCE_END and char != ",")


def _char_before_quote(text: str, position: int, paragraph_start: int) -> str:
    """The first character before the quote that opens just before `position`, past spaces,
    marks and brackets; "" when the quote opens its paragraph."""
    i = position - 1
    while i >= paragraph_start and _skippable_before_quote(text[i]):
        i -= 1
    return text[i] if i >= paragraph_start else ""


def is_sentence_start(text: str, position: int, paragraph_start: int) -> bool:
    """Does the quote that opens just before `position` start a sentence?"""
    before = _char_before_quote(text, position, paragraph_start)
    return before == "" or before in SENTENCE_END


def quote_kind(text: str, quote: QuoteSpan, paragraph_start: int) -> QuoteKind:
    """direct: a sentence of its own; partial: a fragment inside the reporter's sentence."""
    first = quote.text.lstrip("([…. ")[:1]
    if not (first.isupper() or first.isdigit()):
        return "partial"
    before = _char_before_quote(text, quote.start, paragraph_start)
    if before == "" or before in SENTENCE_END:
        return "direct"
    # 'A porter came up and said, "There's water in the lift shaft."': a whole sentence after a comma
    return "direct" if before == "," and quote.text.rstrip()[-1:] in ".!?" else "partial"


def looks_like_term(text: str, quote: QuoteSpan, rules: Rules) -> bool:
    """Scare quotes, titles and names: a quote right after a naming word ("titled"), a short one
    right before one, a title in title case ("Hidden Hearing Loss in Adult Concertgoers"), or a
    short capitalised one right after "told" or a preposition ('told «Panorama» by telephone')."""
    words = quote.text.split()
    before = text[max(0, quote.start - TERM_CONTEXT_CHARS) : quote.start - len(quote.open_mark)].lower().split()
    after_text = text[quote.end + len(quote.close_mark) : quote.end + TERM_CONTEXT_CHARS].lower()
    after = after_text.split()
    previous = " ".join(before[-2:])
    if before and (before[-1] in rules.naming_words or previous in rules.naming_words):
        return True
    sentence_like = quote.text.rstrip()[-1:] in ".!?,"
    if _is_title_case(words) and not sentence_like:
        return True
    if _nickname(text, quote, words, before, rules) and not sentence_like:
        return True
    if len(words) > rules.term_max_words:
        return False
    if before and before[-1] in rules.before_names and all(w[:1].isupper() for w in words) and not sentence_like:
        return True
    if before and (before[-1] in rules.short_naming_words or previous in rules.short_naming_words):
        # "which he called 'disproportionate'": a person's verdict, words of theirs; "a group called 'X'" names
        speakers = rules.words("speakers.person_pronouns") | rules.words("speakers.first_person_pronouns") | {"they"}
        return not (len(before) >= 2 and before[-1] in ("called", "calls") and before[-2] in speakers)
    return bool(after) and after[0].strip(",.;:") in rules.naming_words and not after_text.startswith((",", "."))


def _nickname(text: str, quote: QuoteSpan, words: list[str], before: list[str], rules: Rules) -> bool:
    """'Senator Ramon "Monching" Dela Paz': a word or three in capitals, in marks, between a first
    name and the rest of the name, with no comma ("Bill Would 'Strand' Commuters" is no name)."""
    after = text[quote.end + len(quote.close_mark) : quote.end + len(quote.close_mark) + 2]
    capitalised = all(w[:1].isupper() for w in words)
    first_name = bool(before) and rules.first_name_gender(before[-1]) is not None
    run_on = len(after) == 2 and after[0] == " " and after[1].isupper()
    return 1 <= len(words) <= NICKNAME_MAX_WORDS and capitalised and first_name and run_on


def _is_title_case(words: list[str]) -> bool:
    """Two words or more, every longer word capitalised: "Blue Harbor", "Noise and Hearing Loss in Adults"."""
    alphabetic = [w for w in words if w[:1].isalpha()]
    longer = [w for w in alphabetic if len(w) > 3] or alphabetic
    return len(words) > 1 and bool(longer) and all(w[:1].isupper() for w in longer) and alphabetic[0][:1].isupper()


def is_speaker_of_cue(span: Span, cues: dict[int, Cue]) -> bool:
    """ "Z-channels" specify that ...: the quote names who speaks, it is not speech."""
    inside = {t.i for t in span}
    for cue in cues.values():
        subjects = [c for c in cue.token.children if c.dep_ in ("nsubj", "nsubjpass") and c.i in inside]
        has_content = any(c.dep_ in ("ccomp", "dobj", "xcomp") and c.i not in inside for c in cue.token.children)
        if subjects and has_content:
            return True
    return False


def channel_and_speaker(cue: Cue, cues: dict[int, Cue], rules: Rules) -> tuple[Cue, str | None]:
    """ "X said ..., Reuters reported": the outlet is the channel, X the speaker."""
    if cue.speaker is None or not is_channel(cue.speaker, rules):
        return cue, None
    sentence = cue.token.sent
    for other in cues.values():
        if other.speaker is None or is_channel(other.speaker, rules) or other is cue:
            continue
        if other.token.sent.start == sentence.start:
            return other, cue.speaker.text
    return cue, None
