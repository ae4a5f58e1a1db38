"""Reported speech: what people said without quote marks ("X said that ...").

The patterns in `patterns/reported.jsonl` tie a cue to its content; this module turns each
match into a character span, cut the way the annotation conventions say: the content
clause without its "that", without the cue and the speaker, and without a final full stop.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex
from spacy.tokens import Doc, Token

from quotes.extraction.attribution import Cue, is_negated_or_hypothetical, source_outranks_subject
from quotes.extraction.layout import load_layout_rules
from quotes.extraction.matchers import RuleMatcher
from quotes.extraction.speakers import Mention, is_organisation, mention_at
from quotes.rules import Rules

LEADING_MARKS = {"that", "while", "whilst", "although", "though"}
QUESTION_MARKS = {"whether", "if"}
HYPHENS = {"-", "‐", "‑"}
CONCESSIVE_MARKS = {"while", "whilst", "although", "though", "whereas"}
FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
# A "sentence" this short with no verb, inside a paragraph, is a piece the parser split off
# ("weapons supplied by the U.S., except against ..." written "supplied by it. US, except ...").
MAX_FRAGMENT_TOKENS = 25
HEADLINE_MAX_WORDS = 25  # a line with a colon longer than this is a sentence, not a "Speaker: claim" headline
COLON_HEADLINE = regex.compile(r"^(?P<speaker>[\p{Lu}][\w'’.-]*(?: [\w'’.-]+){0,3}): (?P<content>.+)$")
# "Government to extend fuel subsidies: Chief Cabinet Secretary", "Will not resign: CM": the
# speaker after the colon, in South and East Asian headline style
COLON_HEADLINE_AFTER = regex.compile(r"^(?P<content>[^:]+): (?P<speaker>[\p{Lu}][\w'’.-]*(?: [\p{Lu}][\w'’.-]*){0,3})\.?$")


@dataclass(frozen=True)
class ReportedItem:
    """Reported content in a parsed text: token range [start, end) and its cue."""

    start: int  # token indices in the parsed Doc
    end: int
    cue: Token
    label: str
    speaker: Mention | None = None  # set when the content names its speaker another way


def _content_tokens(doc: Doc, roots: list[Token], cue: Token, nested_cues: set[int]) -> list[Token]:
    """The subtrees of `roots` in the cue's clause, leaving out nested speech acts.

    The clause is the cue's sentence, or the part of it between two semicolons: a parser often
    hangs the clauses on either side of a semicolon on one another.
    """
    start, end = _semicolon_clause(cue)
    keep: set[int] = set()
    for word in [piece for root in roots for piece in _glued(root)]:
        for token in word.subtree:
            if start <= token.i < end:
                keep.add(token.i)
    for i in nested_cues:
        nested = doc[i]
        if nested.i in keep and nested not in roots and nested.dep_ in ("advcl", "conj") and not _part_of_the_content(nested):
            keep -= {t.i for t in nested.subtree}
    inside = any(cue in root.subtree for root in roots)
    if inside:  # "Revenue rose 6 percent, the company said, ...": the cue hangs inside
        keep -= {t.i for t in cue.subtree}
    keep.discard(cue.i)
    if not keep:
        return []
    # the longest contiguous run that holds the first root
    anchor = roots[0].i if roots[0].i in keep else min(keep)
    start = end = anchor
    while start - 1 in keep:
        start -= 1
    while end + 1 in keep:
        end += 1
    if inside:
        start, end = _across_parenthetical(doc, keep, cue, start, end)
    return list(doc[start : end + 1])


def _glued(root: Token) -> list[Token]:
    """A root and the rest of its word: "co-operated", which the tokenizer splits at its hyphen
    and the parser hangs on the cue as three clauses."""
    word = [root]
    while not word[-1].whitespace_ and word[-1].i + 1 < root.sent.end:
        following = root.doc[word[-1].i + 1]
        if following.is_punct and following.text not in HYPHENS:
            break
        word.append(following)
    return word if any(t.text in HYPHENS for t in word) else [root]


def _part_of_the_content(verb: Token) -> bool:
    """A speech verb inside reported content that is part of what was said, not a new statement:
    a second content clause ("said that the summary raises questions and that the region had
    asked for the data"), or a participle with no clause of its own and no comma before it that
    says what the content's action does ("would table a motion calling on the council to act",
    where ", calling the closure ..." is what the speaker said next)."""
    if verb.dep_ == "conj" and any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children):
        return True
    if verb.tag_ != "VBG" or verb.dep_ != "advcl" or verb.i < verb.head.i:
        return False
    own_clause = any(c.dep_ in ("ccomp", "nsubj", "nsubjpass") for c in verb.children)
    return not own_clause and not verb.nbor(-1).is_punct


def _across_parenthetical(doc: Doc, keep: set[int], cue: Token, start: int, end: int) -> tuple[int, int]:
    """ "Politics, she insists, was never the plan", "The plan was sound, she says, and the bus never
    came": a cue set off by commas inside its content does not cut it, when the content's subject
    comes before the cue or a clause of its own comes after it."""
    left, right = cue.left_edge.i, cue.right_edge.i
    if doc[left].text != ",":
        left -= 1
    if doc[right].text not in (",", ":"):
        right += 1
    if left < 1 or right + 1 >= len(doc) or doc[left].text != "," or doc[right].text not in (",", ":"):
        return start, end
    if any(t.is_quote for t in doc[left - 1 : right + 2]):
        return start, end  # '"We will win," he said, "this war."': a quote split by its attribution
    if end in (left - 1, left) and right + 1 in keep and _coordinated_clause(doc[right + 1]):
        end = right
        while end + 1 in keep:
            end += 1
        return start, end
    if start in (right, right + 1) and left - 1 in keep:
        first = left - 1
        while first - 1 in keep:
            first -= 1
        if any(t.is_alpha and t.dep_ not in ("mark", "cc") for t in doc[first:left]):
            return first, end
    return start, end


def _coordinated_clause(token: Token) -> bool:
    """ "and the bus never came": a conjunction, then a clause with a subject of its own."""
    clause = token.head
    return token.dep_ == "cc" and clause.dep_ == "conj" and clause.pos_ in ("VERB", "AUX") and _has_subject(clause)


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)


def _semicolon_clause(token: Token) -> tuple[int, int]:
    """The token range of the sentence part around `token` that no semicolon cuts."""
    sentence = token.sent
    start, end = sentence.start, sentence.end
    for other in sentence:
        if other.text == ";":
            if other.i < token.i:
                start = other.i + 1
            else:
                end = other.i
                break
    return start, end


def _is_leading_mark(token: Token) -> bool:
    return token.lower_ in LEADING_MARKS and token.dep_ == "mark"


def _is_stray(token: Token) -> bool:
    """Punctuation other than a quote mark or a per cent sign ("around 60%"), or space (a blanked
    dateline parses as space)."""
    return token.is_space or (token.is_punct and not token.is_quote and token.text not in ("%", "‰"))


def _trim(tokens: list[Token], skip_first: bool) -> list[Token]:
    if skip_first and tokens:
        tokens = tokens[1:]
    while tokens and (_is_leading_mark(tokens[0]) or _is_stray(tokens[0])):
        tokens = tokens[1:]
    while tokens and (_is_stray(tokens[-1]) or tokens[-1].dep_ in ("cc", "mark", "prep")):
        tokens = tokens[:-1]  # "the vote would pass, and": both the "and" and the comma go
    return tokens


def _split_concessive(tokens: list[Token], skip_first: bool) -> list[list[Token]]:
    """ "that while the EU does not comment, it believes ..." -> two contents, each trimmed."""
    leading = tokens[int(skip_first) :][:2]
    mark = next((t for t in leading if t.lower_ in CONCESSIVE_MARKS and t.dep_ == "mark"), None)
    if mark is None:
        return [_trim(tokens, skip_first)]
    ids = {t.i for t in mark.head.subtree}
    first = [t for t in tokens if t.i in ids]
    rest = [t for t in tokens if t.i not in ids and t.i > mark.i]
    return [_trim(first, False), _trim(rest, False)]


def _before_a_comment_on_the_quote(tokens: list[Token]) -> list[Token]:
    """'He said to me "it's VAR's call, not ours", which tells you everything': a content that is a
    quote ends at its closing mark; the "which" clause after it is the speaker's comment on it."""
    doc = tokens[0].doc if tokens else None
    opened = doc is not None and (tokens[0].is_quote or (tokens[0].i > 0 and doc[tokens[0].i - 1].is_quote))
    if not opened:
        return tokens
    for k, token in enumerate(tokens[:-2]):
        if token.is_quote and tokens[k + 1].text == "," and tokens[k + 2].lower_ == "which":
            return tokens[: k + 1]
    return tokens


def _over_fragment(tokens: list[Token]) -> list[Token]:
    """Content that ends its sentence runs on over a verbless fragment split off after it."""
    doc, sentence = tokens[0].doc, tokens[-1].sent
    if sentence.end >= len(doc) or not all(t.is_punct or t.is_space for t in doc[tokens[-1].i + 1 : sentence.end]):
        return tokens
    following = doc[sentence.end].sent
    between = doc[tokens[-1].i : following.start].text
    if "\n" in between or len(following) > MAX_FRAGMENT_TOKENS or any(t.pos_ in ("VERB", "AUX") for t in following):
        return tokens
    return _trim([*tokens, *doc[tokens[-1].i + 1 : following.end]], False)


def _over_stray_object(tokens: list[Token], cue: Token) -> list[Token]:
    """ "told reporters that the gap would be closed through a hiring freeze, the sale of two lots
    and a transfer": a second object of the cue after its content clause is the parser cutting a
    list short; the content runs on over it."""
    doc = tokens[0].doc
    for child in cue.rights:
        if child.dep_ != "dobj" or child.i <= tokens[-1].i:
            continue
        between = doc[tokens[-1].i + 1 : child.left_edge.i]
        continues_a_list = any(t.dep_ == "cc" for t in child.subtree) and tokens[-1].pos_ in ("NOUN", "PROPN")
        if all(t.is_punct for t in between) and continues_a_list:  # not "..., a claim the auditor disputed"
            return _trim([*tokens, *between, *doc[child.left_edge.i : child.right_edge.i + 1]], False)
    return tokens


def _after_semicolon(tokens: list[Token], speech_acts: set[int]) -> list[Token]:
    """ "affirmed that the policy has not changed; the strikes do not violate it": the clause
    after the semicolon is said too, when it has a subject and a finite verb and no cue of its own."""
    doc = tokens[0].doc
    semicolon = tokens[-1].i + 1
    if semicolon + 1 >= tokens[-1].sent.end or doc[semicolon].text != ";":  # a list item ends in one
        return []
    clause = _trim(list(doc[slice(*_semicolon_clause(doc[semicolon + 1]))]), False)
    has_subject = any(t.dep_ in ("nsubj", "nsubjpass") and t.head.pos_ in ("VERB", "AUX") for t in clause)
    finite = any(t.tag_ in FINITE_TAGS for t in clause)
    return clause if has_subject and finite and not any(t.i in speech_acts for t in clause) else []


def _over_a_clause_after_the_cue(tokens: list[Token], cue: Token, speech_acts: set[int]) -> list[Token]:
    """ "Calder had been in the Senate for a decade, he told the crowd, and in that decade prices
    had fallen": a clause with a subject of its own that goes on after a cue set off in the middle
    is said too, unless it is a speech act of its own."""
    doc = tokens[0].doc
    if tokens[-1].i >= cue.i or cue.sent != tokens[-1].sent:
        return tokens
    own = _cue_phrase(cue)
    between = doc[tokens[-1].i + 1 : cue.i]
    if not all(t.is_punct or t.i in own for t in between) or not any(t.text == "," for t in between):
        return tokens
    if any(t.is_quote for t in doc[tokens[-1].i : cue.right_edge.i + 2]):
        return tokens  # '"We need a bigger board," he said, and nobody laughed': the quote has its own item
    after = [c for c in cue.rights if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]
    if cue.dep_ == "parataxis" and cue.head.i > cue.i:
        after.append(cue.head)
    for clause in after:
        if clause.i in speech_acts or not _has_subject(clause):
            continue
        words = [t.i for t in clause.subtree if t.i > cue.i and t.i not in own and not t.is_punct and t.dep_ != "cc"]
        first = min(words, default=None)
        if first is None or doc[first].is_quote:
            continue
        gap = doc[cue.i + 1 : first]
        if all(t.is_punct or t.dep_ == "cc" or t.i in own for t in gap) and any(t.text in (",", ":") for t in gap):
            return _trim(list(doc[tokens[0].i : min(clause.right_edge.i + 1, cue.sent.end)]), False)
    return tokens


def _clause_beyond_the_addressee(content: Token, addressee: Token) -> bool:
    """Whether a content found inside the addressee's own words ("urged people who work abroad to
    register") is in a "that" clause there ("warned the contractor building the road that it has
    until March to return"), so no content of the cue's."""
    path = [content, *(a for a in content.ancestors if addressee.is_ancestor(a))]
    return any(c.dep_ == "ccomp" or (c.dep_ == "mark" and c.lower_ == "that") for word in path for c in word.children)


def _cue_phrase(cue: Token) -> set[int]:
    """The cue's speaker and its other words that are no clause: "he told the crowd", "she said
    on Tuesday"."""
    words = {cue.i}
    for child in cue.children:
        if child.dep_ in ("nsubj", "nsubjpass", "dobj", "dative", "npadvmod", "advmod", "prep", "aux", "neg", "punct"):
            words |= {t.i for t in child.subtree}
    return words


def find_reported(doc: Doc, matcher: RuleMatcher, rules: Rules, cues: dict[int, Cue]) -> list[ReportedItem]:
    """Reported contents in `doc`, one per cue and clause."""
    # a negated verb is no speech act: "while the EU does not comment on ..." stays in the content
    nested_cues = {i for i, c in cues.items() if c.speaker is not None and not is_negated_or_hypothetical(c.token)}
    by_cue: dict[int, list[ReportedItem]] = {}
    for match in matcher(doc):
        rule, nodes = match.rule, match.nodes
        cue = doc[nodes["cue"]]
        if is_negated_or_hypothetical(cue) or _question_put_to_the_subject(cue, rules) or _refused(cue, rules):
            continue
        if _part_of_the_content(cue) and any(a.i in nested_cues for a in cue.ancestors):
            continue  # "said his party would table a motion calling on the council to act": the motion calls
        has_own_content = any(c.dep_ == "ccomp" for c in cue.children)
        infinitive_in_the_addressee = "object" in nodes and "to" in nodes  # "urged people who work abroad to register"
        # "told reporters who had gathered to hear her that ...": the cue's own "that" clause is what she said
        if infinitive_in_the_addressee and (
            has_own_content or _clause_beyond_the_addressee(doc[nodes["content"]], doc[nodes["object"]])
        ):
            continue
        roots = [doc[nodes[name]] for name in rule.span if name in nodes]
        if roots[0].dep_ == "prep" and (roots[0].i < cue.i or _spans_time(roots[0], rules)):
            continue  # "Benn, for the second time, asked ...", "called her every day for a week"
        if "cue_preps" in rule.span:  # "expressed concern over the situation", "estimate X at Y"
            dates = rules.words("speakers.date_words")
            roots += [c for c in cue.rights if c.dep_ in ("prep", "advcl") and c.i > roots[-1].i and not _circumstance(c, dates)]
        if cue.pos_ == "NOUN" and "prep" in nodes:
            roots = [doc[nodes["content"]]] if "content" in nodes else roots
            skip_first = False
        else:
            skip_first = rule.skip_first
        asks = cue.lemma_.lower() in rules.words("verbs.put_to")  # "asked whether ...": the asker's question
        question = any(c.dep_ == "mark" and c.lower_ in QUESTION_MARKS for c in roots[-1].children)
        if question and (not asks or _asked_by_the_writer(cue, rules)):
            continue  # "declined to say whether she would resign": a question, not a statement
        free_relative = roots[-1].lower_ == "what" or any(
            c.lower_ == "what" and c.i < roots[-1].i and c.dep_ in ("dobj", "dative", "nsubj") for c in roots[-1].children
        )
        if free_relative:
            continue  # "recounts what he told her": which words, not what they said
        pieces = _split_concessive(_content_tokens(doc, roots, cue, nested_cues), skip_first)
        if cue.dep_ == "parataxis" and cue.head == roots[-1] and roots[-1].i > cue.i and has_own_content:
            continue  # '"...," he said, his voice breaking': "he said" has its quote; what follows describes him
        if pieces[-1]:
            pieces[-1] = _before_a_comment_on_the_quote(pieces[-1])
        if pieces[-1]:
            pieces[-1] = _over_fragment(_over_a_clause_after_the_cue(_over_stray_object(pieces[-1], cue), cue, nested_cues))
            pieces.append(_after_semicolon(pieces[-1], nested_cues))
        for piece in pieces:
            if sum(t.is_alpha for t in piece) < 2:
                continue
            item = ReportedItem(piece[0].i, piece[-1].i + 1, cue, rule.label)
            by_cue.setdefault(cue.i, []).append(item)
    items: list[ReportedItem] = []
    for cue_items in by_cue.values():
        # several patterns may fit one cue: keep the longest of overlapping contents
        for item in sorted(cue_items, key=lambda it: it.start - it.end):
            if not any(item.start < kept.end and kept.start < item.end for kept in items if kept.cue == item.cue):
                items.append(item)
    items.extend(according_to(doc, rules, cues, items))
    return sorted(items, key=lambda it: it.start)


def _circumstance(phrase: Token, dates: frozenset[str]) -> bool:
    """ "reported a fall in profit on Wednesday, as weaker bookings ...": a date or a clause with a
    conjunction after a statement verb says when or why, not what was stated."""
    if phrase.dep_ == "advcl":
        return any(c.dep_ == "mark" for c in phrase.children)
    return any(o.dep_ == "pobj" and o.lower_ in dates for o in phrase.children)


def _refused(cue: Token, rules: Rules) -> bool:
    """ "declined to say when the operation would take place": a refusal says nothing."""
    return cue.dep_ == "xcomp" and cue.head.lemma_.lower() in rules.words("verbs.refusing")


def _spans_time(phrase: Token, rules: Rules) -> bool:
    """ "called her every day for a week": a span of time after the cue's object says how long, where
    "asked for eight years" (a sentence) asks for the span itself."""
    durations = rules.words("speakers.duration_words")
    has_object = any(c.dep_ == "dobj" for c in phrase.head.children)
    return has_object and any(o.dep_ == "pobj" and o.lemma_.lower() in durations for o in phrase.children)


def _asked_by_the_writer(cue: Token, rules: Rules) -> bool:
    """ "On Tuesday I asked the district whether ...": the reporter's own question."""
    first_person = rules.words("speakers.first_person_pronouns")
    return any(c.dep_ == "nsubj" and c.lower_ in first_person for c in cue.children)


def _question_put_to_the_subject(cue: Token, rules: Rules) -> bool:
    """ "Asked how many lives the Reserve would save, Lindqvist would not give a figure": a bare
    participle of a question verb with no subject of its own puts the question to the subject."""
    bare = cue.tag_ == "VBN" and cue.dep_ == "advcl" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.children)
    return bare and cue.lemma_.lower() in rules.words("verbs.put_to")


def according_to(doc: Doc, rules: Rules, cues: dict[int, Cue], items: list[ReportedItem]) -> list[ReportedItem]:
    """ "According to X, <clause>" and "<clause>, according to X": the clause is X's."""
    found: list[ReportedItem] = []
    for cue in cues.values():
        if cue.token.lemma_.lower() not in rules.words("nouns.according") or cue.speaker is None:
            continue
        head = cue.token.head
        if head is cue.token:
            continue
        governed = [it for it in items if it.cue.i == head.i]
        said = [it for it in governed if head.lemma_.lower() in rules.words("verbs.clause")]
        if said and _carried_by_writing(cue.token, rules):
            continue  # "The minister said ..., according to a statement issued by his office": his words
        subject = cues[head.i].speaker if head.i in cues else None
        if governed and not source_outranks_subject(subject, cue.speaker, rules, reworded=True):
            continue  # "The 71-year-old told shareholders that ..., according to a livestream": his words
        if governed:  # "Russia has called on ... to ..., according to Zakharova": her words
            for item in governed:
                items[items.index(item)] = ReportedItem(item.start, item.end, item.cue, item.label, cue.speaker)
            continue
        phrase = {t.i for t in cue.token.subtree}
        kept = [t for t in head.subtree if t.i not in phrase and head.sent.start <= t.i < head.sent.end]
        tokens = _trim(_contiguous_around(kept, head), False)
        # "Tripathi said the success was '...', according to a statement issued by his office": the
        # statement carries what he said; it is no second item
        covered = bool(tokens) and any(2 * _overlap(it, tokens[0].i, tokens[-1].i + 1) >= len(tokens) for it in items)
        if sum(t.is_alpha for t in tokens) >= 2 and not covered:
            found.append(ReportedItem(tokens[0].i, tokens[-1].i + 1, cue.token, "according to", cue.speaker))
    return found


def _overlap(item: ReportedItem, start: int, end: int) -> int:
    return max(0, min(item.end, end) - max(item.start, start))


def _carried_by_writing(according: Token, rules: Rules) -> bool:
    """ "according to a statement issued by his office": the source is a writing, not a person."""
    writings = rules.words("nouns.statement") | rules.words("nouns.document")
    to = next((c for c in according.children if c.lower_ == "to"), None)
    source = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    return source is not None and source.lemma_.lower() in writings


def _speaker_after_colon(doc: Doc, rules: Rules) -> tuple[Mention, int, int] | None:
    """ "Government to extend fuel subsidies: Chief Cabinet Secretary": a claim with a verb, then a
    name, a title or a body in capitals and nothing else after the colon."""
    match = COLON_HEADLINE_AFTER.match(doc.text.rstrip())
    if match is None:
        return None
    content = doc.char_span(match.start("content"), match.end("content"), alignment_mode="contract")
    speaker = doc.char_span(match.start("speaker"), len(doc.text.rstrip().rstrip(".")), alignment_mode="contract")
    if content is None or speaker is None or len(content) < 3:
        return None
    if any(t.pos_ in ("VERB", "AUX") for t in speaker) or not any(t.pos_ in ("VERB", "AUX") for t in content):
        return None
    head = speaker.root
    known_roles = rules.title_words | rules.words("speakers.organisation_words") | rules.words("speakers.unnamed")
    if not (head.pos_ == "PROPN" or head.lower_ in known_roles or head.lemma_.lower() in known_roles):
        return None
    mention = mention_at(head, rules)
    if mention is None or mention.form == "pronoun":
        return None
    return mention, content.start_char, content.end_char


def _contiguous_around(tokens: list[Token], anchor: Token) -> list[Token]:
    ids = {t.i for t in tokens}
    start = end = anchor.i
    while start - 1 in ids:
        start -= 1
    while end + 1 in ids:
        end += 1
    return list(anchor.doc[start : end + 1])


def _speaks_with_own_subject(token: Token, rules: Rules) -> bool:
    """A speech verb with a named subject of its own ("... Tilly Roanoke told the minister")."""
    return (
        token.pos_ == "VERB"
        and token.lemma_.lower() in rules.words("verbs.clause")
        and any(c.dep_ == "nsubj" and c.pos_ == "PROPN" for c in token.children)
    )


def colon_headline(doc: Doc, rules: Rules) -> tuple[Mention, int, int] | None:
    """ "Governor: Thousands have fled" -> (speaker, content start, content end) in characters.

    Only for short lines (headlines, sub-heads) whose left side names a speaker: a name,
    a title, an organisation or a group, never "Disclaimer:" or "Date:".
    """
    text = doc.text
    if len(text.split()) > HEADLINE_MAX_WORDS:
        return None
    match = COLON_HEADLINE.match(text)
    if match is None:
        return _speaker_after_colon(doc, rules)
    left = doc.char_span(0, match.end("speaker"), alignment_mode="contract")
    right = doc.char_span(match.start("content"), len(text.rstrip(". ")), alignment_mode="contract")
    if left is None or right is None or len(right) < 3:
        return None
    layout_rules = load_layout_rules()
    if left.text.strip("*_ ").upper() in {*layout_rules.question_labels, *layout_rules.answer_labels}:
        return None  # "**Q: Did management warn you?**": an interview's question, no one's claim
    head = left.root
    known_roles = rules.title_words | rules.words("speakers.organisation_words") | rules.words("speakers.unnamed")
    # a name needs a finite verb on the right ("Zelensky: We will win"); a person's role may head a
    # verbless claim ("Mayor: No property tax increase in 2026 budget"), but not a label with a
    # name or a number after it ("Driver: Max Verstappen", "Team: ..."), and "Update: ..." never
    finite = any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in right)
    if any(_speaks_with_own_subject(t, rules) for t in right):
        return None  # "Australia: the union's Tilly Roanoke told the minister that ...": a topic, then who speaks
    person_role = head.lower_ in rules.title_words | rules.words("speakers.unnamed") and not is_organisation([head], rules)
    claim = person_role and right.root.pos_ == "NOUN" and not any(t.pos_ in ("PROPN", "NUM") for t in right[:2])
    if any(t.pos_ in ("VERB", "AUX") for t in left) or not (finite or claim):
        return None
    role = head.lemma_.lower() in known_roles or head.lower_ in known_roles
    if not (head.pos_ == "PROPN" or role or head.tag_ in ("NNS", "NNPS")):
        return None
    mention = mention_at(head, rules)
    if mention is None:
        return None
    return mention, right.start_char, right.end_char
