"""Layout: what each paragraph of an article is, before any quote is looked for.

    text -> paragraphs (hard wraps joined) -> a role for each -> discourse units

A paragraph is a line, or for hard-wrapped text the lines between two blank lines. Its role says
whether it can hold speech (boilerplate, bylines and time stamps cannot), and where its own text
starts (after a dateline, a time stamp or a transcript label). A unit is a live-blog entry or a
transcript turn: later stages never let a pronoun or an unattributed quote take its speaker from
another unit. The rules are data, in `patterns/layout.toml`. Pure string work, no spaCy.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Any, Literal

import regex

from quotes.extraction.casing import is_title_case
from quotes.rules import RulesError, patterns_dir, read_toml
from quotes.rules.validate import check_toml_keys

Role = Literal["headline", "byline", "timestamp", "turn", "list_item", "boilerplate", "body"]
SILENT_ROLES: frozenset[Role] = frozenset({"byline", "timestamp", "boilerplate"})  # paragraphs that hold no speech
LINE = regex.compile(r"[^\r\n]+")
LINE_BREAK = regex.compile(r"\r\n|\r|\n")
LABEL_MAX_CHARS = 160  # a name, a role and an affiliation in brackets, and the colon
HEADLINE_PARAGRAPHS = 3  # a masthead, a kicker and the headline
WIDTH_QUANTILE = 0.9  # of the lines' lengths, ascending: the width of a hard-wrapped column
DOT_LEADER = regex.compile(r"\s*\.{4,}")
QUOTE_LIKE = frozenset('"“”„«»‹›「」『』')
# What may stand before a quote sheet's quote: a bullet and the question in brackets ('• (On the
# defense) "We gave up 62 ..."', "(Asked whether he knew) ...")
PROMPTED_QUOTE = regex.compile(r"\s*(?:[-*•·▪‣◦][ \t]+)?(?:\([^()\n]{1,120}\)[ \t]*)?")
SENTENCE_ENDS = frozenset(".!?:;\"'”’»)")  # a line ending in one of these may end its paragraph
MID_SENTENCE_SHARE = 0.5  # a block of lines is one wrapped paragraph when this share breaks mid-sentence
REPEAT_MAX_CHARS = 300  # a caption repeated word for word is boilerplate; a long paragraph never repeats by accident


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of the text as read: offsets into it, and what the layout made of it."""

    start: int
    end: int
    gap_before: int  # line breaks between this paragraph and the one before it
    role: Role = "body"
    unit: int = 0  # the live-blog entry or transcript turn it belongs to; 0 before the first
    lead_end: int = -1  # where its own text starts, after a dateline, time stamp or label (-1: at `start`)
    label: str | None = None  # a transcript turn's speaker label as written ("MS. ORTIZ", "Q")

    @property
    def text_start(self) -> int:
        return self.start if self.lead_end < 0 else self.lead_end

    @property
    def silent(self) -> bool:
        return self.role in SILENT_ROLES


@dataclass(frozen=True)
class LayoutRules:
    max_width: int
    min_fill: float
    min_wrapped_lines: int
    timestamp: regex.Pattern[str]
    turn: regex.Pattern[str]
    min_turns: int
    speaker_heading: regex.Pattern[str]
    titled_heading: regex.Pattern[str]
    bulleted_label: regex.Pattern[str]
    answer_heading: regex.Pattern[str]
    prompt: regex.Pattern[str]
    examiner: regex.Pattern[str]
    aside_name: regex.Pattern[str]
    cast_line: regex.Pattern[str]
    cast_line_words: int
    handle_named: regex.Pattern[str]
    named_label: regex.Pattern[str]
    one_word_label: regex.Pattern[str]
    status_labels: frozenset[str]
    witness: regex.Pattern[str]
    proceedings: regex.Pattern[str]
    question_labels: frozenset[str]
    answer_labels: frozenset[str]
    anonymous_labels: frozenset[str]
    journalist_labels: frozenset[str]
    generic_label: regex.Pattern[str]
    self_naming: regex.Pattern[str]
    interview_note: regex.Pattern[str]
    min_interview_questions: int
    question_max_words: int
    interviewer: regex.Pattern[str]
    chair_line: regex.Pattern[str]
    attendance_role: regex.Pattern[str]
    presenters: regex.Pattern[str]
    host_labels: frozenset[str]
    cohost_labels: frozenset[str]
    bench_labels: frozenset[str]
    bench_holder: regex.Pattern[str]
    comment_heading: regex.Pattern[str]
    letter_signature: regex.Pattern[str]
    operator_labels: frozenset[str]
    byline: regex.Pattern[str]
    name_line: regex.Pattern[str]
    date_line: regex.Pattern[str]
    masthead: regex.Pattern[str]
    capitals_masthead: regex.Pattern[str]
    masthead_date: regex.Pattern[str]
    list_item: regex.Pattern[str]
    boilerplate: tuple[regex.Pattern[str], ...]
    closing_sections: tuple[regex.Pattern[str], ...]
    closing_sections_after: float


def _compile(path: Path, where: str, pattern: Any) -> regex.Pattern[str]:
    if not isinstance(pattern, str):
        raise RulesError(f"{path}: {where} must be a string pattern")
    try:
        return regex.compile(pattern)
    except regex.error as err:
        raise RulesError(f"{path}: {where} is not a valid pattern ({err})") from err


@lru_cache(maxsize=4)  # one patterns folder in practice
def load_layout_rules(folder: Path | None = None) -> LayoutRules:
    path = (folder or patterns_dir()) / "layout.toml"
    data = read_toml(path)
    check_toml_keys(path.parent, {path.name: data})
    try:
        wrapping, units, roles = data["wrapping"], data["units"], data["roles"]
        return LayoutRules(
            max_width=int(wrapping["max_width"]),
            min_fill=float(wrapping["min_fill"]),
            min_wrapped_lines=int(wrapping["min_wrapped_lines"]),
            timestamp=_compile(path, "[units] timestamp", units["timestamp"]),
            turn=_compile(path, "[units] turn", units["turn"]),
            min_turns=int(units["min_turns"]),
            speaker_heading=_compile(path, "[units] speaker_heading", units["speaker_heading"]),
            titled_heading=_compile(path, "[units] titled_heading", units["titled_heading"]),
            bulleted_label=_compile(path, "[units] bulleted_label", units["bulleted_label"]),
            answer_heading=_compile(path, "[units] answer_heading", units["answer_heading"]),
            prompt=_compile(path, "[units] prompt", units["prompt"]),
            examiner=_compile(path, "[units] examiner", units["examiner"]),
            aside_name=_compile(path, "[units] aside_name", units["aside_name"]),
            cast_line=_compile(path, "[units] cast_line", units["cast_line"]),
            cast_line_words=int(units["cast_line_words"]),
            handle_named=_compile(path, "[units] handle_named", units["handle_named"]),
            named_label=_compile(path, "[units] named_label", units["named_label"]),
            one_word_label=_compile(path, "[units] one_word_label", units["one_word_label"]),
            status_labels=frozenset(w.lower() for w in units["status_labels"]),
            witness=_compile(path, "[units] witness", units["witness"]),
            proceedings=_compile(path, "[units] proceedings", units["proceedings"]),
            question_labels=frozenset(units["question_labels"]),
            answer_labels=frozenset(units["answer_labels"]),
            anonymous_labels=frozenset(w.lower() for w in units["anonymous_labels"]),
            journalist_labels=frozenset(w.lower() for w in units["journalist_labels"]),
            generic_label=_compile(path, "[units] generic_label", units["generic_label"]),
            self_naming=_compile(path, "[units] self_naming", units["self_naming"]),
            interview_note=_compile(path, "[units] interview_note", units["interview_note"]),
            min_interview_questions=int(units["min_interview_questions"]),
            question_max_words=int(units["question_max_words"]),
            interviewer=_compile(path, "[units] interviewer", units["interviewer"]),
            chair_line=_compile(path, "[units] chair_line", units["chair_line"]),
            attendance_role=_compile(path, "[units] attendance_role", units["attendance_role"]),
            presenters=_compile(path, "[units] presenters", units["presenters"]),
            host_labels=frozenset(units["host_labels"]),
            cohost_labels=frozenset(units["cohost_labels"]),
            bench_labels=frozenset(units["bench_labels"]),
            bench_holder=_compile(path, "[units] bench_holder", units["bench_holder"]),
            comment_heading=_compile(path, "[units] comment_heading", units["comment_heading"]),
            letter_signature=_compile(path, "[units] letter_signature", units["letter_signature"]),
            operator_labels=frozenset(w.lower() for w in units["operator_labels"]),
            byline=_compile(path, "[roles] byline", roles["byline"]),
            name_line=_compile(path, "[roles] name_line", roles["name_line"]),
            date_line=_compile(path, "[roles] date_line", roles["date_line"]),
            masthead=_compile(path, "[roles] masthead", roles["masthead"]),
            capitals_masthead=_compile(path, "[roles] capitals_masthead", roles["capitals_masthead"]),
            masthead_date=_compile(path, "[roles] masthead_date", roles["masthead_date"]),
            list_item=_compile(path, "[roles] list_item", roles["list_item"]),
            boilerplate=tuple(_compile(path, "[roles] boilerplate", p) for p in roles["boilerplate"]),
            closing_sections=tuple(_compile(path, "[roles] closing_sections", p) for p in roles["closing_sections"]),
            closing_sections_after=float(roles["closing_sections_after"]),
        )
    except KeyError as err:
        raise RulesError(f"{path}: missing key {err}") from err
    except (TypeError, ValueError) as err:
        raise RulesError(f"{path}: {err}") from err


def _lines(text: str) -> list[Paragraph]:
    """Every non-blank line, trimmed, with the line breaks before it (\\n, \\r\\n or a lone \\r)."""
    found: list[Paragraph] = []
    last_end = 0
    for match in LINE.finditer(text):
        line = match.group()
        if not line.strip():
            continue
        gap = len(LINE_BREAK.findall(text, last_end, match.start()))
        start = match.start() + (len(line) - len(line.lstrip()))
        end = match.end() - (len(line) - len(line.rstrip()))
        found.append(Paragraph(start, end, gap))
        last_end = match.end()
    return found


def _starts_a_block(text: str, line: Paragraph, rules: LayoutRules) -> bool:
    """A line that never continues the line above: a list item, a time stamp, a transcript label,
    a stage direction ("[APPLAUSE]")."""
    head = text[line.start : min(line.end, line.start + 80)]  # patterns anchor with ^: match a slice
    return any(p.match(head) for p in (rules.list_item, rules.timestamp, rules.turn, rules.proceedings))


def _is_hard_wrapped(text: str, lines: list[Paragraph], rules: LayoutRules) -> tuple[bool, int]:
    """(wrapped, width): a fixed width no wider than max_width, with lines that run on into the next."""
    if not lines:
        return False, 0
    width = _width(lines)
    if width > rules.max_width:
        return False, width
    if not any(line.gap_before >= 2 for line in lines) and not _breaks_mid_sentence(text, lines, width, rules):
        return False, width  # one block of lines, each its own paragraph
    running_on = sum(
        1 for line, following in pairwise(lines) if following.gap_before == 1 and line.end - line.start >= rules.min_fill * width
    )
    return running_on >= rules.min_wrapped_lines, width


def _width(lines: list[Paragraph]) -> int:
    """The text's line width: the length most full lines reach (a masthead or a URL wider than the
    column is no measure of it: "THE HARMON FALLS SENTINEL   Thursday, October 17, 1996")."""
    lengths = sorted(line.end - line.start for line in lines)
    return lengths[int(WIDTH_QUANTILE * (len(lengths) - 1))]


def _breaks_mid_sentence(text: str, lines: list[Paragraph], width: int, rules: LayoutRules) -> bool:
    """Whether most full lines of a text without blank lines end mid-sentence: one paragraph
    wrapped ("fold -w 72" of an article on one line), not a paragraph a line."""
    full = [line for line in lines if line.end - line.start >= rules.min_fill * width]
    mid = sum(1 for line in full if text[line.end - 1] not in SENTENCE_ENDS)
    return len(full) >= rules.min_wrapped_lines and mid >= MID_SENTENCE_SHARE * len(full)


def paragraphs(text: str, rules: LayoutRules | None = None) -> list[Paragraph]:
    """The paragraphs of `text`: each line, or in hard-wrapped text the lines a blank line ends.

    Offsets point into `text` as given; a joined paragraph keeps its line breaks inside it.
    """
    rules = rules or load_layout_rules()
    lines = _lines(text)
    wrapped, width = _is_hard_wrapped(text, lines, rules)
    if not wrapped:
        return lines
    joined: list[Paragraph] = []
    last_line_start = 0  # where the last line of the paragraph being built starts, after its line break
    for line in lines:
        previous = joined[-1] if joined else None
        runs_on = (
            previous is not None
            and line.gap_before == 1
            and previous.end - last_line_start >= rules.min_fill * width
            and not _starts_a_block(text, line, rules)
            and not _boilerplate(text[previous.start : previous.end], rules)  # a subtitle's timing line
        )
        if runs_on and previous is not None:
            last_line_start = _after_last_break(text, previous.end, line.start)
            joined[-1] = replace(previous, end=line.end)
        else:
            last_line_start = line.start
            joined.append(line)
    return joined


def _after_last_break(text: str, start: int, end: int) -> int:
    """The position just after the last line break in text[start:end]: where a line's indent starts."""
    breaks = [m.end() for m in LINE_BREAK.finditer(text, start, end)]
    return breaks[-1] if breaks else start


@dataclass(frozen=True)
class Layout:
    paragraphs: list[Paragraph]
    transcript: bool  # turns with speaker labels
    newest_first: bool = False  # a live blog whose time stamps run back in time down the page
    masthead: str | None = None  # the outlet the page's first line names

    def silent_ranges(self) -> list[tuple[int, int]]:
        return [(p.start, p.end) for p in self.paragraphs if p.silent]


def layout(
    text: str,
    dateline: regex.Pattern[str] | None = None,
    rules: LayoutRules | None = None,
    given_name: Callable[[str], object] = lambda _: None,
    first_person: frozenset[str] = frozenset(),
) -> Layout:
    """Roles and units for every paragraph of `text`; `dateline` is the dateline pattern in use,
    `given_name` says whether a word is a first name, `first_person` holds "I", "my", "we" ..."""
    rules = rules or load_layout_rules()
    paras = paragraphs(text, rules)
    quote_headlines = [
        _quote_headline(text, p, i) and not rules.list_item.match(text[p.start : p.end]) for i, p in enumerate(paras)
    ]
    labelled = [None if headline else _turn(text, p, rules) for p, headline in zip(paras, quote_headlines, strict=True)]
    silent = [
        _boilerplate(text[p.start : p.end], rules) or rules.interview_note.match(text[p.start : p.end].strip()) is not None
        for p in paras
    ]
    labels = [m.group("label") for p in paras if (m := rules.one_word_label.match(text[p.start : p.end])) is not None]
    labels = [label for label in labels if label.lower() not in rules.status_labels]
    repeated = frozenset(label for label in labels if labels.count(label) > 1)
    turns = sum(1 for turn, quiet in zip(labelled, silent, strict=True) if turn is not None and not quiet)
    # "Question: ..." and "Spokesperson: ..." taking turns: two one-word labels, each used again
    one_word_turns = sum(label in repeated for label in labels) if len(repeated) > 1 else 0
    sheet = _speaker_sections(text, paras, rules, given_name)
    headed = sum(
        1
        for i, p in enumerate(paras)
        if _labels_a_turn(text[p.start : p.end].strip(), rules)
        and sheet.get(i, ("body",))[0] == "boilerplate"
        and sheet.get(i + 1, ("body",))[0] == "turn"
    )
    transcript = max(turns + headed, one_word_turns) >= rules.min_turns
    letters = _signed_letters(text, paras, silent, rules)
    interview = {} if transcript or letters else _unlabelled_interview(text, paras, rules, first_person)
    comments = _comment_headers(text, paras, rules)
    commenter: str | None = None  # the user whose comment the paragraphs are, in a thread
    headline_at = next((i for i, quiet in enumerate(silent) if not quiet), 0)  # the headline, under a section line
    # "Q: ..." turns and no one else's: each answer is the unlabelled paragraph after its question
    # (a headline such as "IN FULL: Rourke and Brennan after the defeat" is no one's turn)
    asked = {
        _exchange_label(turn[1].group("label"), rules) for i, turn in enumerate(labelled) if turn is not None and i != headline_at
    }
    bare_answers = transcript and bool(asked) and asked <= rules.question_labels and not repeated
    closing_from = _closing_section(text, paras, rules)
    seen: set[str] = set()
    unit = 0
    examination: tuple[str | None, str | None] = (None, None)  # (examining lawyer, witness) of "Q." and "A."
    result: list[Paragraph] = []
    # a label -> the name a cast line (or the write-up of a chat log) gave it; the write-up is
    # searched only for a transcript: the search costs a quarter of a second a megabyte
    cast = _named_handles(text, rules) if transcript else {}
    stamps: list[str] = []  # the live blog's time-stamped lines, in text order
    for index, para in enumerate(paras):
        line = text[para.start : para.end]
        role, lead_end, label = _role(
            text, para, max(0, index - headline_at), rules, transcript, dateline, labelled[index], silent[index], given_name
        )
        # "Q (Ben Muir, Ledger): ..." then "Menon: No. ...": a one-word label answering a question is a turn
        answering = (
            index > 0 and (asked_by := labelled[index - 1]) is not None and asked_by[1].group("label") in rules.question_labels
        )
        one_word = None if quote_headlines[index] else _one_word_turn(text, para, rules, repeated, answering)
        if transcript and role == "body" and one_word is not None:
            role, lead_end, label = one_word
        if index in sheet and role in ("body", "list_item"):  # a quote sheet's answers may be bulleted
            role, lead_end, label = sheet[index]
            unit += role != "turn"  # a heading, a prompt or the line that closes a section: a new unit
        elif index in interview and role == "body":
            role, lead_end, label = interview[index]
            unit += role == "body"  # the reporter's narration between answers: no one's turn
        if transcript and role == "turn" and label is not None:
            label = _exchange_label(label, rules)
            if label in rules.answer_labels and (member := _answer_named(text, lead_end, para, rules)) is not None:
                label, lead_end = member  # "Answer: Hon LOUISE BANBURY (Heritage—Kaimarama): Yes."
                examination = (examination[0], label)  # and the bare "Answer:" turns after it are hers
        if transcript:
            role, label, examination = _examination(line, role, label, examination, rules)
        if bare_answers and role == "body" and result and result[-1].role == "turn" and result[-1].label in rules.question_labels:
            role, lead_end, label = "turn", para.start, "A"
        # "*How do you switch off?*" above "NB: Badly.": the interviewer's question, unlabelled
        asks = index + 1 < len(paras) and labelled[index + 1] is not None and _bare_question(line.strip(), rules)
        # not the words under a label alone on its line ("Priya Raman   0:21", then "Thanks, Grant. ...?")
        asks = asks and not (result and result[-1].role == "turn" and not text[result[-1].lead_end : result[-1].end].strip())
        if transcript and role == "body" and asks and not bare_answers:
            role, lead_end, label = "turn", para.start, "Q"
        if role == "turn" and not any(p.role == "turn" for p in result) and _topic_heading(text, para, lead_end, labelled):
            role, label = "boilerplate", None  # "Dunmarrow Bridge Collapse: Statements" above a debate's first turn
        # "QUESTIONS TAKEN ON NOTICE", a short title after the turns ("Links from this episode"),
        # or the reporter bringing in what comes next ("After the session Ms Paraone posted:"):
        # what follows is no one's turn
        brings_in = line.rstrip().endswith(":") and not _in_the_first_person(line, first_person)  # not "She writes:"
        # "**15:52 · The race is stopped**", a chat log's time-stamped heading: a new unit too
        bare = line.strip().strip("*_").strip()
        titled = _sub_head(bare) or rules.timestamp.match(bare) is not None
        after_turns = (titled or brings_in) and any(p.role == "turn" for p in result)
        # a chat message is one line: what follows it unlabelled is the reporter's ("“dana.k” is Dana Kowalczyk, ...")
        after_message = bool(result) and result[-1].role == "turn" and _chat_message(labelled[index - 1])
        if transcript and role == "body" and index not in sheet and (_section_heading(line) or after_turns or after_message):
            unit += 1
        # a cast line heads the transcript; later, "HIS HONOUR: Mr Achterberg." calls on counsel
        opening = not any(p.role == "turn" for p in result)
        if transcript and role == "body" and opening and (present := list(rules.attendance_role.finditer(line))):
            cast.update({" ".join(held.group("label").upper().split()): held.group("name") for held in present})
            role = "boilerplate"
        elif transcript and role in ("body", "turn") and opening and (named := _cast_line(line, rules)) is not None:
            cast[named[0]] = named[1]  # "Moderator: Eleanor Vance, Head of Communications": who the label is
            role, label = "boilerplate", None
        elif transcript and role == "body" and (chair := rules.chair_line.match(line.strip())) is not None:
            cast[chair.group("label").upper()] = chair.group("name").strip()
            role = "boilerplate"
        elif transcript and role in ("body", "headline") and opening and (credit := rules.presenters.match(line.strip())):
            cast.update(dict.fromkeys(rules.host_labels, credit.group("host")))
            if credit.group("cohost"):
                cast.update(dict.fromkeys(rules.cohost_labels, credit.group("cohost")))
            role = "boilerplate"
        elif role == "turn" and label is not None:
            label = cast.get(label.upper(), cast.get(label.upper().removeprefix("THE "), label))  # "The PRESIDENT"
            cast.update(_role_named_in_brackets(labelled[index], label, rules))  # "CHAIR (Senator Macready):", then "CHAIR:"
        if index > 0 and role == "body" and (_dated_name(text, paras, index, rules) or _under_a_byline(line, result, rules)):
            role = "byline"
        if index in letters and role == "body":
            role, lead_end, label = letters[index]
            unit += role != "turn"  # a title or a signature: what follows is no one's letter yet
        if index in comments:
            role, lead_end, label = "turn", para.end, comments[index]  # a thread's comment: the user's turn
            commenter = comments[index]
        elif comments and role == "body" and commenter is not None:
            role, lead_end, label = "turn", para.start, commenter  # the comment's own paragraphs
        if role == "turn" and (heading := _named_heading(text, lead_end, para)) is not None:
            label, lead_end = heading, para.end  # "A: HELENA STRAND" over her answer: the name speaks below
        if index >= closing_from or (line in seen and _repeatable(line) and role != "turn"):
            role = "boilerplate"
        seen.add(line)
        # a paragraph after a round-up's bulleted turns is the reporter's again, no turn's continuation
        after_bullets = role == "body" and bool(result) and _bulleted_turn(text, result[-1], rules)
        stamped = role == "timestamp" or (lead_end >= 0 and rules.timestamp.match(line) is not None)
        if stamped:
            stamps.append(line)
        if stamped or role == "turn" or after_bullets:
            unit += 1
        label = _exchange_label(label, rules) if label else label  # "Question:" is a "QUESTION:" turn
        result.append(replace(para, role=role, unit=unit, lead_end=lead_end, label=label))
    turns = (
        transcript
        or bool(comments)
        or bool(letters)
        or any(role == "turn" for role, _, _ in (*sheet.values(), *interview.values()))
    )
    return Layout(result, turns, _newest_first(stamps), _masthead(text, paras, rules))


CLOCK = regex.compile(r"(\d{1,2})[:.](\d{2})(?:\s*([ap])\.?m)?|(\d{1,2})\s*([ap])\.?m", regex.IGNORECASE)


def _minutes(stamp: str) -> int | None:
    """The time of day a time stamp gives, in minutes ("5:02 p.m." -> 1022, "21:40" -> 1300)."""
    found = CLOCK.search(stamp)
    if found is None:
        return None
    hour = int(found.group(1) or found.group(4))
    minute = int(found.group(2) or 0)
    half = (found.group(3) or found.group(5) or "").lower()
    if half:
        hour = hour % 12 + (12 if half == "p" else 0)
    return hour * 60 + minute


def _masthead(text: str, paras: list[Paragraph], rules: LayoutRules) -> str | None:
    """The outlet's name, when the page's first line is its masthead ("THE BRANNOCK ROUND-UP", or
    "DUNAMENTI HÍRLAP" over "World | 10 February 2025, Monday")."""
    first = LINE.match(text, paras[0].start, paras[0].end) if paras else None  # not every line of a long text
    if first is None:
        return None
    line = first.group().strip()
    found = rules.masthead.fullmatch(line)
    if found is None and (capitals := rules.capitals_masthead.fullmatch(line)) is not None:
        second = LINE.search(text, first.end(), min(len(text), first.end() + LABEL_MAX_CHARS))
        dated = second is not None and rules.masthead_date.search(second.group()) is not None
        found = capitals if dated else None
    return found.group("name") if found else None


def _newest_first(stamps: list[str]) -> bool:
    """Whether the live blog's entries run newest first: more of its time stamps go back in time
    than forward."""
    times = [t for stamp in stamps if (t := _minutes(stamp)) is not None]
    steps = [later - earlier for earlier, later in pairwise(times) if later != earlier]
    return sum(step < 0 for step in steps) > sum(step > 0 for step in steps)


def _answer_named(text: str, lead_end: int, para: Paragraph, rules: LayoutRules) -> tuple[str, int] | None:
    """(name, where the words start) of the member's label an answer label opens with
    ("Answer: Hon LOUISE BANBURY (Heritage—Kaimarama): Yes."), or None."""
    found = rules.turn.match(text[lead_end : para.end]) if lead_end >= 0 else None
    if found is None or _exchange_label(found.group("label"), rules) != found.group("label"):
        return None
    return found.group("label"), lead_end + found.end()


def _exchange_label(label: str, rules: LayoutRules) -> str:
    """A question or answer label as the rules write it ("Question" -> "QUESTION"); any other as is."""
    upper = label.upper()
    return upper if upper in rules.question_labels or upper in rules.answer_labels else label


def _one_word_turn(
    text: str, para: Paragraph, rules: LayoutRules, repeated: frozenset[str], answering: bool = False
) -> tuple[Role, int, str] | None:
    """An interview's "Alden: ..." (a one-word label that opens two paragraphs or more, or one
    that answers a question turn) as a turn."""
    found = rules.one_word_label.match(text[para.start : para.end])
    if found is None or found.group("label").lower() in rules.status_labels:  # "Update: ..."
        return None
    if found.group("label") not in repeated and not answering:
        return None
    return "turn", para.start + found.end(), found.group("label")


def _role_named_in_brackets(labelled: tuple[int, regex.Match[str]] | None, label: str, rules: LayoutRules) -> dict[str, str]:
    """{"CHAIR": "Senator Macready"} for a turn labelled "CHAIR (Senator Macready):" (`labelled`,
    its `_turn`): the role label stands for that name in the turns after."""
    aside = labelled[1].groupdict().get("aside") if labelled is not None else None
    if labelled is None or aside is None or aside.strip() != label:
        return {}
    role = labelled[1].group("label").upper()
    asking = role in rules.question_labels or role in rules.answer_labels  # each "Q (Outlet):" names its own
    return {} if asking else {role: label}


def _boilerplate(line: str, rules: LayoutRules) -> bool:
    return any(p.match(line) for p in rules.boilerplate)


def _section_heading(line: str) -> bool:
    """A line of two words or more, in capitals but for a few abbreviations, that says nothing
    ("QUESTIONS TAKEN ON NOTICE", "STATEMENT OF THEODORA KWARTENG, Ph.D., FIRE ECOLOGIST")."""
    words = [w for w in line.split() if any(c.isalpha() for c in w)]
    capitals = sum(w.isupper() for w in words)
    mostly = capitals > 1 and capitals >= HEADING_CAPITALS * len(words)
    return mostly and not line.rstrip().endswith((":", ".", "?", "!"))


HEADING_CAPITALS = 0.8  # the share of a section heading's words in capitals


def _topic_heading(text: str, para: Paragraph, lead_end: int, labelled: list[tuple[int, regex.Match[str]] | None]) -> bool:
    """Whether a labelled line is a heading: a label no other turn has, then a short title with
    no sentence end ("Dunmarrow Bridge Collapse: Statements"); a chat line's time stamp is no
    part of its label ("[15:36] grimpeur_gab: TVEDTEN GOES. nobody follows")."""
    label = _untimed_label(text[para.start : lead_end])
    others = [_untimed_label(turn[1].group(0)) for turn in labelled if turn is not None]
    return others.count(label) <= 1 and _sub_head(text[lead_end : para.end].strip())


LEADING_TIME = regex.compile(r"^[\[(]?\d{1,2}(?::\d{2}){1,2}[\])]?\s*")


def _chat_message(turn: tuple[int, regex.Match[str]] | None) -> bool:
    """Whether a turn is a chat log's message: a handle in lower case after a time stamp ("[15:36] grimpeur_gab:")."""
    if turn is None or LEADING_TIME.match(turn[1].group(0).lstrip("↳└ \t")) is None:
        return False
    return (turn[1].group("label") or "")[:1].islower()


def _untimed_label(lead: str) -> str:
    return LEADING_TIME.sub("", lead.strip()).rstrip().rstrip(":").strip()


NAME_IN_CAPITALS = regex.compile(r"\p{Lu}[\p{Lu}'’.-]+(?:[ \t]+\p{Lu}[\p{Lu}'’.-]+){1,3}")


MIN_COMMENTS = 2  # comment headers that make a forum thread
MIN_LETTERS = 2  # signed letters that make a letters page
LETTER_TITLE_WORDS = 10  # a letter's title is a line this short


def _comment_headers(text: str, paras: list[Paragraph], rules: LayoutRules) -> dict[int, str]:
    """A forum thread's comment headers, by paragraph index: the user name of each; none when
    the comments under them are quoted."""
    headers = ((i, rules.comment_heading.match(text[p.start : p.end].strip())) for i, p in enumerate(paras))
    found = {i: m.group("label") for i, m in headers if m is not None}
    # a story that quotes the comments ('@mkovacs commented on Mar 3' over '"After upgrading ..."')
    # attributes its quotes itself, and its narration between them is no comment
    quoted = any(text[paras[i + 1].start : paras[i + 1].end].lstrip()[:1] in QUOTE_LIKE for i in found if i + 1 < len(paras))
    return found if len(found) >= MIN_COMMENTS and not quoted else {}


def _signed_letters(
    text: str, paras: list[Paragraph], silent: list[bool], rules: LayoutRules
) -> dict[int, tuple[Role, int, str | None]]:
    """A letters page's paragraphs, by index: each letter's own paragraphs are turns of the name
    that signs it, its title and its signature hold no speech. A letter runs up from its
    signature to its title: a line that ends no sentence, or a short one that ends without a full
    stop ("Buses are not 'fine'", "What about speed?"), or to the signature before."""
    lines = [text[p.start : p.end].strip() for p in paras]
    signed = [(i, m.group("label")) for i, line in enumerate(lines) if (m := rules.letter_signature.match(line)) is not None]
    if len(signed) < MIN_LETTERS:
        return {}
    found: dict[int, tuple[Role, int, str | None]] = {}
    for index, name in signed:
        found[index] = ("boilerplate", -1, None)
        top = index
        while top > 0 and top - 1 not in found and not silent[top - 1]:
            line = lines[top - 1]
            if line[-1:] not in SENTENCE_ENDS or (not line.endswith(".") and len(line.split()) <= LETTER_TITLE_WORDS):
                found[top - 1] = ("boilerplate", -1, None)  # the letter's title
                break
            top -= 1
        for above in range(top, index):
            found[above] = ("turn", paras[above].start, name)
    return found


def _named_heading(text: str, lead_end: int, para: Paragraph) -> str | None:
    """The name in capitals that is all a turn's line holds ("A: HELENA STRAND"), in title case."""
    rest = text[lead_end : para.end].strip() if lead_end >= 0 else ""
    if not NAME_IN_CAPITALS.fullmatch(rest):
        return None
    return " ".join(w.capitalize() if w.isalpha() else w for w in rest.split())


def _bulleted_turn(text: str, para: Paragraph, rules: LayoutRules) -> bool:
    """Whether a paragraph is a turn in a list item ("- Janet Oyelaran (café owner): ...")."""
    return para.role == "turn" and rules.list_item.match(text[para.start : para.end]) is not None


def _named_handles(text: str, rules: LayoutRules) -> dict[str, str]:
    """{"ROSITA.MQ": "Rosa Mamani Quispe"} of "One regular in the channel, rosita.mq, is Rosa
    Mamani Quispe": a chat log's handles, as the write-up names them anywhere in the text."""
    return {found.group("label").upper(): found.group("name") for found in rules.handle_named.finditer(text)}


def _cast_line(line: str, rules: LayoutRules) -> tuple[str, str] | None:
    """(the label in capitals, the name) of a line that gives a role label one name and a role
    after a comma, and says nothing: "Moderator: Eleanor Vance, Head of Communications, GAR." at
    the top of a transcript."""
    found = rules.cast_line.match(line.strip())
    if found is None or len(line.split()) > rules.cast_line_words or line.rstrip()[-1:] in "?!":
        return None
    # "President:  Mr. Lucien Ferrand ........ (France)": a record's dot leader and what follows it
    name, _, role = DOT_LEADER.split(found.group("rest"), maxsplit=1)[0].partition(",")
    name = name.strip().rstrip(".")
    if rules.aside_name.match(name) is None or not (role.strip() == "" or role.strip()[:1].isupper()):
        return None  # "THE COURT: Mr. Okafor, call your witness." speaks
    return found.group("label").upper(), name


def _examination(
    line: str, role: Role, label: str | None, examination: tuple[str | None, str | None], rules: LayoutRules
) -> tuple[Role, str | None, tuple[str | None, str | None]]:
    """A court transcript's "BY MR. X:" and "NAME, sworn" lines name who asks the "Q." turns and
    who answers the "A." turns after them; they and the headings of the proceedings are silent."""
    examiner, witness = examination
    if (found := rules.examiner.match(line)) is not None:
        return "boilerplate", None, (found.group("label"), witness)
    if (found := rules.witness.match(line)) is not None:
        return "boilerplate", None, (examiner, found.group("label"))
    if rules.proceedings.match(line) is not None:
        return "boilerplate", None, examination
    if role == "turn" and label in rules.question_labels and examiner is not None:
        return role, examiner, examination
    if role == "turn" and label in rules.answer_labels and witness is not None:
        return role, witness, examination
    return role, label, examination


def after_prompt(line: str) -> str:
    """A line without the bullet and bracketed question a quote sheet puts before its quote."""
    found = PROMPTED_QUOTE.match(line)
    return line[found.end() :] if found else line


def _speaker_sections(
    text: str, paras: list[Paragraph], rules: LayoutRules, given_name: Callable[[str], object] = lambda _: None
) -> dict[int, tuple[Role, int, str | None]]:
    """The paragraphs of a quote sheet's speaker sections, by index: (role, text start, label). A
    section opens at a name in capitals followed by a prompt or a quote, and runs to the next
    line in capitals (a body paragraph of a unit of its own); its prompts are boilerplate and every
    other line a turn of the name's."""
    found: dict[int, tuple[Role, int, str | None]] = {}
    label: str | None = None
    listed = _listed_twice(text, paras, rules)
    for index, para in enumerate(paras):
        line = text[para.start : para.end].strip()
        following = text[paras[index + 1].start : paras[index + 1].end].strip() if index + 1 < len(paras) else ""
        heading = rules.speaker_heading.match(line)
        titled = _speaker_line(line, rules, given_name, listed) or rules.answer_heading.match(line)
        if titled is not None:
            opens = bool(following) and not _labels_a_turn(following, rules)
            found[index] = ("boilerplate", -1, None)
            label = titled.group("label") if opens else None
        elif heading is not None or (line.isupper() and len(line) > 1):
            opens = heading is not None and (
                heading.group("bite") is not None
                or rules.prompt.match(following) is not None
                or after_prompt(following)[:1] in QUOTE_LIKE
            )
            if label is not None or opens:
                found[index] = ("boilerplate", -1, None) if opens else ("body", -1, None)
            label = heading.group("label") if heading is not None and opens else None
        elif label is not None and _labels_a_turn(line, rules):
            label = None  # "Operator: Our next question comes from ...": the section is over
        elif label is not None and _sub_head(line):
            found[index] = ("body", -1, None)  # a "Comment" sub-head: the reporter's again, in a unit of its own
            label = None
        elif label is not None and rules.list_item.match(line) and after_prompt(line)[:1] not in QUOTE_LIKE:
            continue  # a numbered finding under "RESERVED JUDGMENT", not a bulleted quote
        elif label is not None:
            found[index] = ("boilerplate", -1, None) if rules.prompt.match(line) else ("turn", para.start, label)
    return found


def _unlabelled_interview(
    text: str, paras: list[Paragraph], rules: LayoutRules, first_person: frozenset[str] = frozenset()
) -> dict[int, tuple[Role, int, str | None]]:
    """The paragraphs of an interview printed as bare questions and answers, by index: (role, text
    start, label). The section runs from the article's note that it is one ("edited for length and
    clarity", itself boilerplate) to the end, or from the first question to a note that closes
    the article. A question is a "Q" turn, the paragraph after it an "A" turn, and the
    paragraphs after that are the same answer; a paragraph after a question that holds a quote
    ("He laughs. 'Next question,' he says.") is the reporter's narration, unless it speaks in the
    first person outside its quotes ("She said, 'Every door ...' I think about that")."""
    lines = [text[p.start : p.end].strip() for p in paras]
    notes = [i for i, line in enumerate(lines) if rules.interview_note.match(line)]
    if not notes:
        return {}
    asks = [i for i, line in enumerate(lines) if _bare_question(line, rules)]
    after = [i for i in asks if i > notes[0]]
    if len(after) >= rules.min_interview_questions:
        first, last = after[0], len(paras)
    elif len(asks) >= rules.min_interview_questions and notes[-1] > asks[-1]:
        first, last = asks[0], notes[-1]
    else:
        return {}
    found: dict[int, tuple[Role, int, str | None]] = {}
    asked = False
    for index in range(first, last):
        if index in notes or not lines[index]:
            continue
        if index in asks:
            found[index] = ("turn", paras[index].start, "Q")
        elif asked and any(c in QUOTE_LIKE for c in lines[index]) and not _in_the_first_person(lines[index], first_person):
            found[index] = ("body", -1, None)
        elif asked:
            found[index] = ("turn", paras[index].start, "A")
        asked = index in asks
    return found


QUOTED = regex.compile(r"[\"“„«‹「『][^\"“”„«»‹›「」『』]*[\"”“»›」』]")


def _in_the_first_person(line: str, first_person: frozenset[str]) -> bool:
    """Whether a paragraph's own words, outside its quotes, speak as "I" or "we"."""
    return in_the_first_person(QUOTED.sub(" ", line), first_person)


def in_the_first_person(words: str, first_person: frozenset[str]) -> bool:
    """Whether words speak as "I" or "we" (`first_person`: "i", "we", "my", "our" ...)."""
    return any(w in first_person for w in regex.findall(r"\p{L}+", words.lower()))


def _bare_question(line: str, rules: LayoutRules) -> bool:
    """A paragraph that is a question and nothing else: its text ends in "?" (after any markup)."""
    words = line.split()
    return 0 < len(words) <= rules.question_max_words and line.rstrip("*_ \t").endswith("?")


def _speaker_line(
    line: str, rules: LayoutRules, given_name: Callable[[str], object], listed: frozenset[str]
) -> regex.Match[str] | None:
    """An earnings call's "Maria Okafor -- Chief Executive Officer": a person's name, by its first
    name or by standing on two such lines (the call's list of participants and the turn);
    "Helvetic Dispatch – Economy" is an outlet's."""
    found = rules.titled_heading.match(line)
    if found is None:
        return None
    label = found.group("label")
    return found if given_name(label.split()[0]) or label in listed else None


def _listed_twice(text: str, paras: list[Paragraph], rules: LayoutRules) -> frozenset[str]:
    """The names that stand on two speaker lines or more, one of them in a list of such lines
    (the call's participants), not a page's running foot."""
    lines = [rules.titled_heading.match(text[p.start : p.end].strip()) for p in paras]
    labels = [m.group("label") if m else None for m in lines]
    listed = {
        label
        for i, label in enumerate(labels)
        if label is not None and any(0 <= j < len(labels) and labels[j] is not None for j in (i - 1, i + 1))
    }
    return frozenset(label for label in listed if labels.count(label) > 1)


SUB_HEAD_WORDS = 6


def _sub_head(line: str) -> bool:
    """A short title line with no sentence end: "Comment", "What happens next"."""
    words = line.split()
    return (
        0 < len(words) <= SUB_HEAD_WORDS and line[:1].isupper() and line[-1:].isalnum() and not any(c in QUOTE_LIKE for c in line)
    )


def _labels_a_turn(line: str, rules: LayoutRules) -> bool:
    """Whether a line is a speaker line or opens with a turn's label ("Operator: ...")."""
    patterns = (rules.titled_heading, rules.answer_heading, rules.turn, rules.one_word_label)
    return any(pattern.match(line) is not None for pattern in patterns)


def _dated_name(text: str, paras: list[Paragraph], index: int, rules: LayoutRules) -> bool:
    """ "Owen Gilchrist" or "Yle News" alone on a line, with the story's date on the next."""
    following = paras[index + 1] if index + 1 < len(paras) else None
    return (
        following is not None
        and rules.name_line.match(text[paras[index].start : paras[index].end].strip()) is not None
        and rules.date_line.match(text[following.start : following.end]) is not None
    )


def _under_a_byline(line: str, before: list[Paragraph], rules: LayoutRules) -> bool:
    """ "United Wire Press" on the line after "By TESSA GRAYBILL": the reporter's agency or outlet."""
    return bool(before) and before[-1].role == "byline" and rules.name_line.match(line.strip()) is not None


def _repeatable(line: str) -> bool:
    """A paragraph that repeats word for word without being speech: a caption, a credit, a teaser
    (a repeated quote is a pull quote, and stays)."""
    return len(line) <= REPEAT_MAX_CHARS and not any(c in QUOTE_LIKE for c in line)


def _turn(text: str, para: Paragraph, rules: LayoutRules) -> tuple[int, regex.Match[str]] | None:
    """A turn's label at the start of a paragraph, after a list item's bullet if there is one:
    (where the label starts in the paragraph, the label's match)."""
    head = text[para.start : min(para.end, para.start + LABEL_MAX_CHARS)]
    bullet = rules.list_item.match(head)
    skip = bullet.end() if bullet is not None else 0
    found = rules.turn.match(head[skip:])
    if found is None and bullet is not None:
        found = rules.bulleted_label.match(head[skip:])  # "- NEIL ASHDOWN, outgoing manager, in a statement: '...'"
    if found is None or found.group("label").lower() in rules.status_labels:  # "FULL TIME: 2-1"
        return None
    return skip, found


def _quote_headline(text: str, para: Paragraph, index: int) -> bool:
    """A headline's "Arrieta: 'We deserved more'" (among the first paragraphs, a name, a colon and
    one quotation): a quote and its speaker, not a turn that the story after it continues."""
    if index >= HEADLINE_PARAGRAPHS:
        return False
    _, colon, rest = text[para.start : para.end].partition(":")
    rest = rest.strip()
    return bool(colon) and len(rest) > 1 and rest[0] in QUOTE_LIKE | {"'", "‘"} and rest[-1] in QUOTE_LIKE | {"'", "’"}


def _closing_section(text: str, paras: list[Paragraph], rules: LayoutRules) -> int:
    """The index of the paragraph that opens a press release's closing boilerplate, or past the end."""
    first = int(len(paras) * rules.closing_sections_after)
    for index in range(first, len(paras)):
        line = text[paras[index].start : paras[index].end]
        if any(p.match(line) for p in rules.closing_sections):
            return index
    return len(paras)


MEMBERS_SEAT = regex.compile(r"\s*\([^()\n]*\)\s*$")


def _aside_name(aside: str | None, rules: LayoutRules, given_name: Callable[[str], object]) -> str | None:
    """The person a label's brackets name: "(Senator Macready)", or before a comma the name of
    a caller or a reporter and then where or whom they are from ("CALLER (Dave, Hexley)", "Q (Ben
    Muir, The Coastal Ledger)"); None for "(Labour)" or "(speaking through an interpreter)"."""
    if aside is None:
        return None
    aside = MEMBERS_SEAT.sub("", aside)  # "The Chair (Mr. Raymond Thibodeau (Thornbury—Lake Marten, Lib.)):"
    whole, before_comma = aside.strip(), aside.split(",")[0].strip()
    if rules.aside_name.match(whole) is not None:
        return whole
    one_name = len(before_comma.split()) == 1 and bool(given_name(before_comma))
    return before_comma if "," in aside and (rules.aside_name.match(before_comma) is not None or one_name) else None


def _role(
    text: str,
    para: Paragraph,
    index: int,
    rules: LayoutRules,
    transcript: bool,
    dateline: regex.Pattern[str] | None,
    labelled: tuple[int, regex.Match[str]] | None,
    boilerplate: bool,
    given_name: Callable[[str], object] = lambda _: None,
) -> tuple[Role, int, str | None]:
    """(role, where the paragraph's own text starts or -1, a turn's label); `labelled` is the
    paragraph's `_turn`, `boilerplate` whether it is boilerplate."""
    line = text[para.start : para.end]
    if boilerplate:
        return "boilerplate", -1, None
    if rules.byline.match(line):
        return "byline", -1, None
    if transcript and index > 0 and labelled is not None:  # a headline is no turn
        skip, turn = labelled
        aside = _aside_name(turn.groupdict().get("aside"), rules, given_name)
        named = aside is not None and rules.named_label.match(turn.group("label")) is None
        # "Priya Nandakumar (Halloway Securities):" is a person and her firm, not a role and its holder
        named = named and not given_name(turn.group("label").split()[0])
        return "turn", para.start + skip + turn.end(), aside if aside and named else turn.group("label")
    if (stamp := rules.timestamp.match(line)) is not None:
        rest = line[stamp.end() :].lstrip(" \t—–:-")
        if not rest:
            return "timestamp", -1, None
        return "body", para.end - len(rest), None
    if (bullet := rules.list_item.match(line)) is not None:
        return "list_item", para.start + bullet.end(), None  # the bullet is blanked for the parser
    found = dateline.match(line) if dateline is not None and not is_title_case(line) else None
    # a place in mixed case ("Berlin – ") is no name before a dash ("Maria Lopez – The council ...")
    if found is not None and (found.group()[:2].isupper() or not given_name(found.group().split()[0].split("/")[0])):
        return ("headline" if index == 0 else "body"), para.start + found.end(), None
    return ("headline" if index == 0 else "body"), -1, None
