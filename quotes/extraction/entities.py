"""Entities: the people and bodies of one article, built from its mentions in text order.

`ArticleSpeakers` remembers the named people and organisations an article has mentioned, in
order, with their titles and gender, so later mentions resolve: pronoun -> the last compatible
name (by gender, and preferring subjects), title or description -> the entity it describes,
surname -> the full name.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass, field, replace

import regex
from spacy.tokens import Doc

from quotes.extraction.drafts import shift
from quotes.extraction.plan import Plan
from quotes.extraction.regex_names import names_by_regex
from quotes.extraction.speakers import (
    AFTER_EVERY_MENTION,
    LOOKBACK_MENTIONS,
    Mention,
    bracketed_initials,
    epithet_age,
    is_epithet,
    names_in,
    roles_as_subjects,
)
from quotes.models import SpeakerKind
from quotes.rules import Rules
from quotes.text.names import fold, initials_of, name_key
from quotes.text.stem import stem

MIN_TITLE_WORD = 4  # shorter words of a description ("the", "of", "us") say nothing of a title
CATAPHORA_CHARS = 400  # an epithet may stand for someone named this soon after it ("my father" ... "Marcel Berthoud, 71")


@dataclass
class Entity:
    name: str
    kind: SpeakerKind
    first_seen: int
    titles: set[str] = field(default_factory=set)
    subject: bool = False
    offsets: list[int] = field(default_factory=list)  # where it is mentioned, in text order
    genders: set[str] = field(default_factory=set)  # every gender a mention gave it
    named_only: bool = False  # only its name stands for it, no pronoun or description (a place, a date)
    ages: set[int] = field(default_factory=set)  # "Kerry Dobbs, 34," is "the 34-year-old"
    qualified: set[str] = field(default_factory=set)  # "visiting manager": not "the home manager"
    aliases: set[str] = field(default_factory=set)  # "Octavio Rentería Salas" of "Lil Tavo": never its name

    @property
    def gender(self) -> str | None:
        """ "female" or "male" when its mentions agree on one, else None."""
        return next(iter(self.genders)) if len(self.genders) == 1 else None

    @property
    def looks_like_a_person(self) -> bool:
        """A first name and a surname, or a title: "Anna Roth", "Governor Roth"; not "Russia"."""
        return len(self.name.split()) >= 2 or bool(self.titles)

    def mentions_before(self, offset: int) -> int:
        return bisect.bisect_left(self.offsets, offset)

    def last_before(self, offset: int) -> int:
        """Its latest mention before `offset`, or -1."""
        i = bisect.bisect_left(self.offsets, offset)
        return self.offsets[i - 1] if i else -1


SHORT_PARTICLE = 3  # "Van", "De", "Von" opening a name are particles; "Della", "Dos" may be first names


GIVEN_NAME_IN_TWO_SYLLABLES = regex.compile(r"\p{Lu}\p{Ll}+-\p{Ll}+")  # "Hsin-yi", "Seung-hee"


def _given_name_last(name: str) -> bool:
    """ "Liao Hsin-yi", "Oh Seung-hee": a romanised given name of two syllables after the family
    name, which "Liao said" then stands for."""
    words = name.split()
    return len(words) == 2 and GIVEN_NAME_IN_TWO_SYLLABLES.fullmatch(words[-1]) is not None


def _keys(name: str, particles: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """The name's words as keys, without particles ("dos Anjos" -> anjos; "Van der Berg", opening
    a sentence, -> berg, as "Pieter van der Berg"; but "Della" of "Della Marin" is a first name)."""
    words = name.split()

    def particle(i: int, word: str) -> bool:
        return word.lower() in particles and (word.islower() or (i < len(words) - 1 and len(word) <= SHORT_PARTICLE))

    return tuple(name_key(w) for i, w in enumerate(words) if not particle(i, w))


@dataclass
class ArticleSpeakers:
    """Named entities of one article in order of mention, for resolving later mentions.

    Names are indexed by their keys (whole name, and surname for people), so a long article
    costs a lookup per mention, not a scan of everything mentioned before.
    """

    generic_organisations: frozenset[str] = frozenset()  # "the company": the organisation named last
    epithets: frozenset[str] = frozenset()  # "the nominee": the person a "he" there would be
    title_forms: dict[str, str] = field(default_factory=dict)  # "gov." -> "governor"
    particles: frozenset[str] = frozenset()  # "de", "dos", "van": not compared as name words
    first_names: frozenset[str] = frozenset()  # a known first name used alone is the person named with it
    role_words: frozenset[str] = frozenset()  # titles and unnamed roles: resolved as such, never as an epithet
    unnamed_roles: frozenset[str] = frozenset()  # "a spokesperson", "an official": someone new, not a person named before
    kin: frozenset[str] = frozenset()  # "husband", "son": whoever is introduced so is not the bare surname's holder
    parent_kin: frozenset[str] = frozenset()  # "father", "mother": the elder of two who share a surname
    ranks: frozenset[str] = frozenset()  # "deputy", "vice": "the mayor" is not the deputy mayor
    body_words: dict[str, str] = field(default_factory=dict)  # "force" -> "police": "the force" is the police named
    counting_words: frozenset[str] = frozenset()  # "various", "most": "various bloggers" are the bloggers named before
    corporate_suffixes: frozenset[str] = frozenset()  # "plc", "Inc.": "the Group" is "Brightwater Terminals Group plc"
    anaphoric: frozenset[str] = frozenset()  # "same": "the same minister" is someone named before
    business_words: frozenset[str] = frozenset()  # "the company", "the firm": no public body
    public_bodies: frozenset[str] = frozenset()  # "authority", "ministry": a public body's last name word
    person_pronouns: frozenset[str] = frozenset()  # "his", "her": "his mother" is the kin of one person
    entities: list[Entity] = field(default_factory=list)
    mentions: list[tuple[int, Entity]] = field(default_factory=list)  # (offset, entity), sorted by offset
    subject_at: set[int] = field(default_factory=set)  # offsets of the mentions that are a verb's subject
    quoted_at: set[int] = field(default_factory=set)  # offsets of the mentions inside someone's quote
    described_at: set[int] = field(default_factory=set)  # offsets of a title or kin word that stands for someone named
    by_keys: dict[tuple[str, ...], Entity] = field(default_factory=dict)
    by_surname: dict[str, list[Entity]] = field(default_factory=dict)  # people only

    def add(self, mention: Mention) -> Entity:
        entity = self._find_by_name(mention, mention.start) if mention.form == "name" else None
        holder = self._find_by_name(mention.alias_of, mention.start + 1) if mention.alias_of is not None else None
        if holder is not None and holder.kind == "person" and holder is not entity:
            if entity is not None and entity.kind == "person":
                self._merge(entity, holder)  # "Zé Galego" found alone first, in a paragraph read by regex
            entity = holder  # "Joaquim Ferraz Arruda, known as Quinzinho": "Quinzinho said" is the mayor
            self._index(entity, mention.text, alias=True)
            entity.aliases.add(mention.text)
        if entity is None and (relative := self._relative_by_given_name(mention)) is not None:
            entity = relative  # "his sister, Siobhán", then "Ms Breathnach": Siobhán Breathnach
            entity.name = f"{entity.name} {mention.text}"
            self._index(entity)
        if entity is None:
            entity = Entity(mention.text, mention.kind, mention.start)
            self.entities.append(entity)
            self._index(entity)
        elif len(mention.text.split()) > len(entity.name.split()) and mention.text not in entity.aliases:
            entity.name = mention.text  # "Medvedev" first, "Dmitry Medvedev" later: keep the full name
            self._index(entity)
        elif entity.kind == "person" and len(_keys(mention.text, self.particles)) > 1:
            self._index(entity, mention.text)  # "Kenji Sato" for "Sato Kenji": "Sato" is its surname too
        # named as a thing once ("X, which ...", "the Miners"): a thing throughout, unless a
        # pronoun or title has already given it a gender
        if mention.kind in ("organisation", "group") and entity.kind == "person" and not entity.genders:
            entity.kind = mention.kind
        entity.subject = entity.subject or mention.subject
        if mention.subject:
            self.subject_at.add(mention.start)
        entity.titles.update(self._full_titles(mention))
        if mention.gender is not None:
            entity.genders.add(mention.gender)
        if mention.age is not None:
            entity.ages.add(mention.age)
        entity.qualified.update(mention.qualified)
        if mention.start not in entity.offsets:  # a name resolved as a speaker is the same mention again
            bisect.insort(entity.offsets, mention.start)
        bisect.insort(self.mentions, (mention.start, entity), key=lambda m: m[0])
        return entity

    def _relative_by_given_name(self, mention: Mention) -> Entity | None:
        """ "Ms Breathnach" when the only Breathnach named so far is a man, and the story introduced
        his sister by her given name alone ("his sister, Siobhán"): that relative, who shares the
        family name."""
        keys = _keys(mention.text, self.particles)
        if mention.form != "name" or mention.gender is None or len(keys) != 1 or not self.by_surname.get(keys[0]):
            return None
        relatives = [
            e
            for e in self.entities
            if e.kind == "person"
            and len(e.name.split()) == 1
            and fold(e.name) in self.first_names
            and e.titles & self.kin
            and e.gender in (None, mention.gender)
            and e.first_seen < mention.start
        ]
        return relatives[0] if len(relatives) == 1 else None

    def _merge(self, other: Entity, entity: Entity) -> None:
        """Make every mention of `other` one of `entity`'s, and forget `other`."""
        self.entities.remove(other)
        self.mentions = [(at, entity if e is other else e) for at, e in self.mentions]
        entity.offsets = sorted({*entity.offsets, *other.offsets})
        entity.first_seen = min(entity.first_seen, other.first_seen)
        entity.subject = entity.subject or other.subject
        entity.genders |= other.genders
        entity.titles |= other.titles
        entity.ages |= other.ages
        entity.qualified |= other.qualified
        for key, indexed in list(self.by_keys.items()):
            if indexed is other:
                self.by_keys[key] = entity
        for people in self.by_surname.values():
            merged = [entity if e is other else e for e in people]
            people[:] = [e for i, e in enumerate(merged) if not any(e is f for f in merged[:i])]  # each person once

    def _index(self, entity: Entity, name: str = "", alias: bool = False) -> None:
        """Index `entity` by its name's keys, or by those of `name`, another name it goes by; an
        `alias` the article gave it ("known as Quinzinho") is its own, whoever else was given that name."""
        keys = _keys(name or entity.name, self.particles)
        if alias:
            self.by_keys[keys] = entity
        else:
            self.by_keys.setdefault(keys, entity)
        if entity.kind == "person" and keys:
            people = self.by_surname.setdefault(keys[-1], [])
            if entity not in people:
                people.append(entity)

    def nickname(self, text: str, start: int, end: int) -> None:
        """'Sam "Big Sam" Aldridge': the words in marks inside a person's name are another name of
        theirs ("Big Sam told the podcast")."""
        before = text[:start].split()[-1:]
        after = text[end:].split()[:1]
        if not before or not after:
            return
        person = self._find_by_name(
            Mention(f"{before[0]} {after[0].rstrip('.,;:')}", start, "name", "person", ""), AFTER_EVERY_MENTION
        )
        alias = text[start + 1 : end - 1]
        if person is not None and person.kind == "person" and alias not in person.aliases:
            person.aliases.add(alias)
            self._index(person, alias, alias=True)

    def defined_term(self, name: str, aliases: list[str]) -> None:
        """'Verdana Lithium plc ("Verdana" or the "Company")': each word in marks names the body
        (or person) named before the brackets."""
        entity = self._find_by_name(Mention(name, AFTER_EVERY_MENTION, "name", "organisation", name.lower()), AFTER_EVERY_MENTION)
        if entity is None:
            return
        for alias in aliases:
            if alias not in entity.aliases:
                entity.aliases.add(alias)
                self._index(entity, alias, alias=True)

    def knows(self, name: str) -> bool:
        """Whether `name` is the name (or surname) of a person already added."""
        entity = self._find_by_name(Mention(name, AFTER_EVERY_MENTION, "name", "person", name.lower()), AFTER_EVERY_MENTION)
        return entity is not None and entity.kind == "person"

    def speaks_as(self, name: str) -> bool:
        """Whether `name` is a person already added or a body named in full ("Kessaway Courier"
        asking in a news conference), not a word such as "CLAIM" or "RULING"."""
        entity = self._find_by_name(Mention(name, AFTER_EVERY_MENTION, "name", "organisation", name.lower()), AFTER_EVERY_MENTION)
        return self.knows(name) or (entity is not None and _named_body(entity) and len(entity.name.split()) > 1)

    def opened_by(self, word: str) -> Entity | None:
        """The one name of two words or more that `word` opens ("MERIDIAN:" labelling a magazine's
        questions, after "Meridian Review"), or None when none or several do."""
        key = _keys(word, self.particles)
        found = [e for e in self.entities if len(e.name.split()) > 1 and _keys(e.name, self.particles)[:1] == key]
        return found[0] if len(found) == 1 else None

    def _body_keys(self, entity: Entity) -> tuple[str, ...]:
        """A body's name keys without the corporate suffix that ends it ("... Group plc")."""
        words = entity.name.split()
        while len(words) > 1 and words[-1].lower() in self.corporate_suffixes:
            words = words[:-1]
        return _keys(" ".join(words), self.particles)

    def _full_titles(self, mention: Mention) -> set[str]:
        return {self.title_forms.get(t, t) for t in mention.titles}

    def _find_by_name(self, mention: Mention, before: int) -> Entity | None:
        """The entity of this name: same words, or a surname alone. Of several holders of a
        surname, those of the mention's gender ("Mr. Alvarez") and title ("Dr. Alvarez") come
        first, then the most mentioned so far, then the latest."""
        keys = _keys(mention.text, self.particles)
        if not keys:
            return None
        candidates = [e for e in (self.by_keys.get(keys),) if e is not None]
        if len(keys) == 1:
            candidates += self.by_surname.get(keys[0], [])
            if mention.gender is not None:  # "Mr Rahmat": not the woman "Nur Aisyah Rahmat", but "Mr Rahmat Ismail" below
                candidates = [e for e in candidates if e.gender in (None, mention.gender)]
            # "Marcus: ..." after "Marcus Bell"; "Kelly insisted" after "Kelly Dawson, 34," (a person
            # the story gave a gender, title or age), whatever the tables say of Kelly; "Mr Tan"
            # after "Tan Kah Meng", whose family name comes first
            known_first_name = fold(mention.text) in self.first_names
            if not candidates and (known_first_name or mention.kind == "person"):
                candidates = [
                    e
                    for e in self.entities
                    if e.kind == "person"
                    and len(e.name.split()) > 1
                    and _keys(e.name, self.particles)[:1] == keys
                    and (known_first_name or mention.titles or e.genders or e.titles or e.ages or _given_name_last(e.name))
                ]
            if not candidates:  # "Saldaña said" after "Íñigo Saldaña Beltrán" or "Luis Saldaña-Beltrán": a first of two surnames
                people = (e for e in self.entities if e.kind == "person")
                candidates = [e for e in people if _first_of_two_surnames(keys[0], e.name, self.particles)]
                candidates = candidates if len(candidates) == 1 else []
            if not candidates:  # "CHRBC" after "China Huaxin Road and Bridge Corporation (CHRBC)"
                candidates = [e for e in self.entities if e.kind == "organisation" and initials_of(mention.text, e.name)]
            if not candidates and mention.kind == "person" and not mention.text.isupper():
                # "The Iyaloja said" after "The Iyaloja of Oja Tuntun, Chief Adunni Ogunleye": a title
                # ("PHC", before "PHC head Iryna Tkachuk", is the company's initials)
                title = fold(mention.text)
                titled = [e for e in self.entities if e.kind == "person" and title in e.titles and e.first_seen < before]
                candidates = titled if len(titled) == 1 else []
        elif mention.kind == "person":  # a first name + surname that agrees with a person known by their surname alone
            swapped = self.by_keys.get(keys[::-1]) if len(keys) == 2 else None  # "Sato Kenji" and "Kenji Sato"
            if swapped is not None and swapped.kind == "person":
                candidates.append(swapped)
            known = self.by_keys.get(keys[-1:])
            kin = bool(mention.titles) and self._full_titles(mention) <= self.kin  # "Tom Whitaker, her husband"
            if known is not None and known.kind == "person" and not kin:
                candidates.append(known)
            # "Ava, 9, ..." and later "said Ava Mercer": one girl; "Rep. Oh reads ..." in a headline and
            # later "Rep. Oh Seung-hee": a family name given first, titled before the name was
            first = self.by_keys.get(keys[:1])
            surname_first = first is not None and bool(first.titles) and not first.titles <= self.kin
            if (
                not candidates
                and first is not None
                and first.kind == "person"
                and (fold(first.name) in self.first_names or surname_first)
            ):
                candidates.append(first)
            if not candidates:  # "Rocío Almansa" and "Rocío Almansa Villegas": given name and first surname
                people = (e for e in self.entities if e.kind == "person")
                candidates += [e for e in people if _first_surname(keys, _keys(e.name, self.particles))]
            if not candidates:  # two surnames, "Ruiz de Alarcón": the person whose name ends with them
                ends = [e for e in self.by_surname.get(keys[-1], []) if _keys(e.name, self.particles)[-len(keys) :] == keys]
                candidates += ends
        if mention.gender is not None:  # "Mr. Whitcomb": the man of the two, before one of no known gender
            candidates = [e for e in candidates if e.gender == mention.gender] or [e for e in candidates if e.gender is None]
        if not candidates and mention.kind == "organisation" and (len(keys) >= 2 or mention.text[:1].isupper()):
            # "the General Staff" after "Ukraine's General Staff", "the Alliance" after "World
            # Snakebite Alliance": the body named in full before, when one word names only one
            bodies = (e for e in self.entities if e.kind == "organisation")
            candidates = [e for e in bodies if self._body_keys(e)[-len(keys) :] == keys]
            candidates = candidates if len(keys) >= 2 or len(candidates) == 1 else []
        titles = self._full_titles(mention)
        candidates = [e for e in candidates if e.titles & titles] or candidates
        if len(keys) == 1 and mention.seniority:
            candidates = self._by_seniority(candidates, mention.seniority)
        elif len(keys) == 1:  # "Whitaker said": the candidate, not "Tom Whitaker, the candidate's husband"
            candidates = [e for e in candidates if not e.titles or not e.titles <= self.kin] or candidates
        if not candidates:
            return None
        salient = max(candidates, key=lambda e: (e.mentions_before(before), e.last_before(before)))
        return salient if salient.last_before(before) >= 0 else min(candidates, key=lambda e: e.first_seen)

    def _affiliations(self, mention: Mention) -> tuple[set[str], set[str]]:
        """(the words of the club, party or place a description names that the article names too,
        the words of every body the article names): "the Harbor City coach" names Harbor City,
        "the French commissioner" nothing."""
        capitalised = {fold(w) for w in mention.text.split() if w[:1].isupper()}
        if not capitalised:
            return set(), set()
        bodies = {w for e in self.entities if e.kind != "person" for w in fold(e.name).split()}
        return (capitalised & bodies) - self.role_words, bodies

    def _other_affiliation(self, affiliations: tuple[set[str], set[str]], entity: Entity) -> bool:
        """ "The Harbor City coach" is not "Cascade coach Rosa Delgado": the description names an
        affiliation (`_affiliations`), and the person was given another one and not this one."""
        named, bodies = affiliations
        if not named or entity.kind != "person":
            return False
        own = (entity.titles & bodies) - self.role_words
        return bool(own) and not named & own

    def _by_seniority(self, candidates: list[Entity], seniority: str) -> list[Entity]:
        """ "The elder Pruitt": the oldest of the candidates when the story gives every one an age,
        else those introduced as a parent ("His father, Gerald Pruitt"); "the younger": the others."""
        if len(candidates) < 2:
            return candidates
        if all(e.ages for e in candidates):
            pick = max if seniority == "elder" else min
            return [pick(candidates, key=lambda e: pick(e.ages))]
        parents = [e for e in candidates if e.titles & self.parent_kin]
        chosen = parents if seniority == "elder" else [e for e in candidates if e not in parents]
        return chosen or candidates

    def _last(
        self, before: int, accept: Callable[[Entity], bool], floor: int = 0, subjects: bool = False, unquoted: bool = False
    ) -> Entity | None:
        """The latest entity mentioned in [floor, before) that `accept`s, looking back a bounded way;
        with `subjects`, only mentions that are a verb's subject count; with `unquoted`, only those
        outside quotes."""
        i = bisect.bisect_left(self.mentions, before, key=lambda m: m[0])
        j = bisect.bisect_left(self.mentions, floor, key=lambda m: m[0])
        recent = self.mentions[max(j, i - LOOKBACK_MENTIONS) : i]
        return next(
            (
                entity
                for at, entity in reversed(recent)
                if (not subjects or at in self.subject_at) and (not unquoted or at not in self.quoted_at) and accept(entity)
            ),
            None,
        )

    def person_named_before(self, before: int, floor: int, other_than: str) -> Entity | None:
        """The latest person with a full name or title named in [floor, before), other than `other_than`."""
        return self._last(before, lambda e: e.kind == "person" and e.looks_like_a_person and e.name != other_than, floor)

    def mentioned_in(self, start: int, end: int) -> list[tuple[int, Entity]]:
        """The mentions in [start, end), in text order, as (offset, entity)."""
        i = bisect.bisect_left(self.mentions, start, key=lambda m: m[0])
        return self.mentions[i : bisect.bisect_left(self.mentions, end, key=lambda m: m[0])]

    def person_subject_in(self, start: int, end: int) -> tuple[int, Entity] | None:
        """(where, who): the first person with a full name or a title who is a verb's subject in [start, end)."""
        return next(
            (
                (at, e)
                for at, e in self.mentioned_in(start, end)
                if at in self.subject_at and e.kind == "person" and e.looks_like_a_person
            ),
            None,
        )

    def person_named_in(self, start: int, end: int) -> Entity | None:
        """The first person named in [start, end) with a full name or a title."""
        return next((e for _, e in self.mentioned_in(start, end) if e.kind == "person" and e.looks_like_a_person), None)

    def untitled_subject_before(self, before: int, floor: int, gender: str | None) -> Entity | None:
        """The latest person who acted in [floor, before) with no title of their own: whom "For the
        home manager, the evening ended ... Neil Garrity did not hide" makes the home manager."""

        def untitled(entity: Entity) -> bool:
            agrees = gender is None or entity.gender in (None, gender)
            return entity.kind == "person" and entity.looks_like_a_person and not entity.titles and agrees

        return self._last(before, untitled, floor, subjects=True)

    def learn_gender(self, name: str, gender: str) -> None:
        """Give the person of this name `gender`, when nothing gave them one before."""
        for entity in self.entities:
            if entity.name == name and entity.kind == "person" and not entity.genders:
                entity.genders.add(gender)

    def gendered_person_before(self, before: int, floor: int, gender: str) -> Entity | None:
        """The latest person named in [floor, before) whom the text gave `gender`."""
        return self._last(before, lambda e: e.kind == "person" and e.looks_like_a_person and e.gender == gender, floor)

    def organisation_before(self, before: int, floor: int) -> Entity | None:
        """The latest organisation, or group with a name ("Trading Standards"), named in [floor,
        before): whom "a spokesman said" speaks for."""

        # the body that acted ("The ministry in Hanover rejected the criticism") before a place in passing
        return self._last(before, _named_body, floor, subjects=True) or self._last(before, _named_body, floor)

    def _person_for_pronoun(
        self, mention: Mention, floor: int = 0, named: bool = False, recent: int = 0, other_than: str = ""
    ) -> Entity | None:
        """The person a "he" or "she" stands for: the latest person named before it whose gender
        (when known) is the pronoun's. `named`: only someone with a full name or a title (an
        epithet such as "the nominee" never stands for a bare "Nov." or "Instagram"). `recent`: where
        the paragraph before the mention's starts."""
        wanted = mention.gender

        def compatible(entity: Entity) -> bool:
            return entity.kind == "person" and (wanted is None or entity.gender in (None, wanted)) and entity.name != other_than

        # the latest person who was a verb's subject since the paragraph before outweighs names in
        # objects ("Castanheira defended Brezina, whose fumble gifted Whelan. He said"); then, as
        # without NER "Russia" or "August" look like people, a full or titled name that was ever a
        # subject ("For Marsh, the argument is ... she says"), then any full name
        if other_than:  # inside someone's quote ("He told me: '...'"): whom the speaker just talked about
            talked_about = self._last(
                mention.start, lambda e: compatible(e) and (e.looks_like_a_person or e.gender is not None), max(floor, recent)
            )
            if talked_about is not None:
                return talked_about
        entity = self._last(mention.start, lambda e: compatible(e) and e.looks_like_a_person, max(floor, recent), subjects=True)
        entity = entity or self._last(mention.start, lambda e: compatible(e) and e.subject and e.looks_like_a_person, floor)
        entity = entity or self._last(mention.start, lambda e: compatible(e) and e.looks_like_a_person, floor)
        return entity or (None if named else self._last(mention.start, compatible, floor))

    def named_after(self, after: int, until: int, gender: str | None = None, title: str = "") -> Entity | None:
        """The first person (of `gender`, when given) named as a subject in (after, until): who a
        title or pronoun stands for when the name comes after it ("THE Home Secretary promised ...
        Rachel Danvers said", "'...,' she said, as Commissioner Ruth Halvorsen arrived"), or given
        the `title` there, subject or not ("the delegate told me ..." and, after, "The then
        delegate, Arturo Pedraza, could not be reached")."""
        i = bisect.bisect_right(self.mentions, after, key=lambda m: m[0])
        j = bisect.bisect_left(self.mentions, until, key=lambda m: m[0])
        for at, entity in self.mentions[i:j]:
            if at in self.described_at:  # "His daughter has said": someone else speaks first
                if at in self.subject_at:
                    return None
                continue
            if entity.kind != "person" or (gender is not None and entity.gender not in (None, gender)):
                continue
            # named there as a subject: not "following the inquest into the death of Aoife Brannigan"
            if (title and title in entity.titles) or (at in self.subject_at and entity.looks_like_a_person):
                return entity
        return None

    def _first(self, accept: Callable[[Entity], bool]) -> Entity | None:
        """The entity mentioned first that `accept`s."""
        return min((e for e in self.entities if accept(e)), key=lambda e: e.first_seen, default=None)

    def resolve(self, mention: Mention, floor: int = 0, recent: int = 0, other_than: str = "") -> tuple[str, SpeakerKind]:
        """The name a mention stands for, or the mention as written when nothing fits. A pronoun
        looks back no further than `floor`, the start of its unit (live-blog entry, turn), and
        first at the subjects since `recent`, the start of the paragraph before its own; it and an
        epithet are never `other_than` (the speaker of the quote it stands in). Resolving changes nothing: the
        caller adds what it learnt (`add`)."""
        if mention.owner is not None:  # "her campaign": Elaine Marsh campaign
            owner, _ = self.resolve(mention.owner, floor, recent)
            return f"{owner} {mention.owned}", mention.kind
        if mention.form == "name":
            if fold(mention.text) in self.epithets:  # "the Welshman said": capitalised, still an epithet
                entity = self._person_for_pronoun(mention, floor, named=True, recent=recent)
                return (entity.name, entity.kind) if entity else (mention.text, "unnamed")
            entity = self._find_by_name(mention, mention.start)
            if mention.text.isupper() and " " not in mention.text and (entity is None or entity.name == mention.text):
                # "the DCE said", after "The District Chief Executive (DCE) ..., Hon. Comfort Adjoa Boakye"
                entity = self._titled(bracketed_initials(mention.text), mention.start) or entity
                if (office := self.title_forms.get(fold(mention.text))) is not None:  # "POTUS said": the president
                    entity = self._titled(office, mention.start) or entity
            if entity is not None and entity.kind == "group" and entity.named_only and mention.kind == "person":
                entity = self._person_for_pronoun(mention, floor, named=True)  # "the Ghanaian said": a nationality for a person
                return (entity.name, entity.kind) if entity else (mention.text, "unnamed")
            return (entity.name, entity.kind) if entity else (mention.text, mention.kind)
        if mention.form == "pronoun":
            if mention.kind == "person":
                entity = self._person_for_pronoun(mention, floor, recent=recent, other_than=other_than)
            else:
                wanted = ("organisation", "group") if mention.kind == "group" else ("organisation",)

                def body(entity: Entity) -> bool:
                    return entity.kind in wanted and not entity.named_only

                # as for "he" and "she": the body that acted since the paragraph before, then the
                # latest named outside someone's words ("... 'an application to the Supreme
                # Court'. It said"), then any
                entity = self._last(mention.start, body, max(floor, recent), subjects=True, unquoted=True)
                entity = entity or self._last(mention.start, body, floor, unquoted=True) or self._last(mention.start, body, floor)
            return (entity.name, entity.kind) if entity else (mention.text, mention.kind)
        if (
            mention.text.istitle()
            and (named := self._find_by_name(replace(mention, kind="person", gender=None, titles=()), mention.start)) is not None
        ):
            return named.name, named.kind  # a surname the tagger took for a common noun: "Haines, however, said"
        if mention.form == "group":  # "bloggers", "military bloggers" after "Russian military bloggers"
            words = fold(mention.text).split()
            while len(words) > 1 and (words[0] in self.counting_words | COUNTING or words[0].isdigit()):
                words = words[1:]  # "various bloggers", "a dozen towns"
            written = " ".join(words)

            def shortened(entity: Entity) -> bool:  # "residents" after "Residents on Harbour Row" too
                return entity.kind == "group" and f" {written} " in f" {fold(entity.name)} " and fold(entity.name) != written

            entity = self._last(mention.start, shortened) or self._first(shortened)
            return (entity.name, "group") if entity else (mention.text, "group")
        entity = self._described(mention)
        if entity is not None and entity.first_seen > mention.start + CATAPHORA_CHARS and is_epithet(mention, self.epithets):
            entity = None  # "..., the singer announced": someone named before, not "Singer June Okada" much later
        if entity is not None and entity.first_seen > mention.start and self.points_back(mention):
            entity = None  # "the same minister": not the minister named later
        if entity is None and mention.body is not None:  # "a police spokeswoman" never named: the police
            entity = self._described(mention.body) if mention.body.form == "description" else None
            if entity is None:
                return mention.body.text, mention.body.kind
        # "said the 29-year-old", "the Green politician said": as a "he" or "she" would; a title
        # ("the head", found named later) or an unnamed role ("the spokesperson") is not one
        role = mention.form == "description" and mention.kind == "person" and mention.definite and mention.body is None
        if entity is None and (age := epithet_age(mention)) is not None:
            entity = self._last(mention.start, lambda e: age in e.ages, floor) or self._first(lambda e: age in e.ages)
        if entity is None:
            entity = self._introduced_as_kin(mention, floor)
        stands_for_someone = is_epithet(mention, self.epithets) or (role and mention.head not in self.role_words)
        if entity is None and not self.kin_of_someone(mention) and stands_for_someone:
            entity = self._person_for_pronoun(mention, floor, named=True, recent=recent, other_than=other_than)
        if entity is None:  # "a spokesman", "the governor" with no name given: kept as written
            return mention.text, "unnamed" if mention.kind == "person" else mention.kind
        return entity.name, entity.kind

    def _titled(self, title: str, before: int) -> Entity | None:
        """The latest person given `title` before `before`, or the first one given it."""

        def holds(entity: Entity) -> bool:
            return entity.kind == "person" and title in entity.titles

        return self._last(before, holds) or self._first(holds)

    def points_back(self, mention: Mention) -> bool:
        """Whether a description stands only for someone named before it: "the same minister"."""
        return bool(self.anaphoric & set(fold(mention.text).split()))

    def kin_of_someone(self, mention: Mention) -> bool:
        """ "The mother of a Lake Orrin teenager says": kin of someone, a person the story names
        later, not the woman named last."""
        return mention.head in self.kin and mention.age is None and KIN_OF_SOMEONE.search(mention.text) is not None

    def kin_before(self, mention: Mention) -> Entity | None:
        """The person named before a "their mother" whom it stands for, if any."""
        return self._introduced_as_kin(mention, 0)

    def _introduced_as_kin(self, mention: Mention, floor: int) -> Entity | None:
        """ "'Dad, you were making sourdough,' his son replied": the person introduced as a son ("his
        son, Oleksandr Zhuravskyi"), not the latest man, who is likely whom "his" stands for; else
        a family member by surname (`_of_a_family`)."""
        if mention.head not in self.kin:
            return None
        introduced = self._last(mention.start, lambda e: e.kind == "person" and mention.head in e.titles, floor)
        return introduced or self._of_a_family(mention, floor)

    def _of_a_family(self, mention: Mention, floor: int) -> Entity | None:
        """ "Their mother is less diplomatic", in a story on Rhys and Gethin Pryce: the one person
        of the kin word's gender who shares a surname with someone else in the story, if named
        before. Not for "his mother" or "her son": the family member named last may be the one
        "his" stands for; not when two of the family have that gender ("The mother of a teenager"
        in a story on Dana and Ella Harlan)."""
        if fold(mention.text).split()[0] in self.person_pronouns or mention.gender is None:
            return None
        people = [e for e in self.entities if e.kind == "person" and len(e.name.split()) > 1]
        surnames = [e.name.split()[-1] for e in people]

        def of_the_family(entity: Entity) -> bool:
            family = entity in people and surnames.count(entity.name.split()[-1]) > 1
            return family and entity.gender == mention.gender

        found = self._last(mention.start, of_the_family, floor)
        if found is None:
            return None
        # anyone of that surname who may have that gender ("Dana" tells none) makes it ambiguous
        maybe = [e for e in people if e.name.split()[-1] == found.name.split()[-1] and e.gender in (mention.gender, None)]
        return found if len(maybe) == 1 else None

    def titled_before(self, mention: Mention, newest_first: bool = False) -> Entity | None:
        """The person named before a "the mayor" with that title, if any; in a live blog whose
        entries run newest first, the earlier entries stand below, so anywhere in the text."""
        entity = self._described(mention)
        if entity is None or entity.kind != "person" or (entity.first_seen >= mention.start and not newest_first):
            return None
        return entity if self.title_forms.get(mention.head, mention.head) in entity.titles else None

    def _described(self, mention: Mention) -> Entity | None:
        """The entity a title or description stands for: "the ministry", "the acting governor",
        "Governor", "the company"."""
        affiliations = self._affiliations(mention)

        def describes(entity: Entity) -> bool:
            if entity.kind == "group" or entity.name == mention.text:
                return False
            if mention.kind == "organisation" and entity.kind == "person":
                return False  # "the transport union said" is not "union chair Aino Virtanen"
            unnamed = not mention.definite and mention.body is None and mention.head in self.unnamed_roles
            if entity.kind == "person" and unnamed:
                return False  # "A No 10 spokesperson said" is not "the Lib Dem spokesperson, Priya Nandakumar"
            if mention.body is not None and mention.body.head not in entity.titles:
                return False  # "a ministry spokesman" is not "health spokesman for the opposition Kemal Aydın"
            words = set(fold(entity.name).split()) if entity.kind == "organisation" else set()
            head = self.title_forms.get(mention.head, mention.head)
            head = self.body_words.get(head, head)
            if _told_apart(mention, head, entity):
                return False
            # "police" and "Vale Constabulary": a body word the name holds under another word
            words |= {self.body_words.get(w, w) for w in words}
            return (head in entity.titles or head in words) and not self._other_affiliation(affiliations, entity)

        entity: Entity | None
        fitting = [e for e in self.entities if describes(e)]
        if mention.kind == "person":  # "the CM": Chief Minister Tripathi, not the Chief Minister's Office
            fitting = [e for e in fitting if e.kind == "person"] or fitting
        if not self.ranks & set(fold(mention.text).split()):  # "the mayor", with a mayor and a deputy named
            fitting = [e for e in fitting if not self.ranks & _title_words(e)] or fitting
        fits = [_title_fit(mention.text, e) for e in fitting]
        best = max(fits, default=0)
        if best > 1:  # "the finance chief": the Chief Financial Officer, not the Chief Executive
            closest = [e for e, fit in zip(fitting, fits, strict=True) if fit == best]
            entity = self._last(mention.start, closest.__contains__) or min(closest, key=lambda e: e.first_seen)
        else:
            entity = self._last(mention.start, fitting.__contains__) or self._first(fitting.__contains__)
        # "the Clean Arle group" names a body of its own ("Its parent company" has an owner instead)
        named = mention.owner is None and any(w[:1].isupper() for w in mention.text.split()[:-1])
        if entity is None and mention.head in self.generic_organisations and not named:
            # "the company": the latest body that acted or spoke, before one merely named in a list
            # ("sold at Walmart, Target and Amazon. The company said")
            business = mention.head in self.business_words

            def body(candidate: Entity) -> bool:
                public = any(w in self.public_bodies for w in fold(candidate.name).split()[-1:])
                return _named_body(candidate) and not (business and public)

            entity = self._last(mention.start, body, subjects=True) or self._last(mention.start, body)
        return entity


# "mother of a teenager", "son of the late Ray Dunn", "father of Ella": not "mother of two"
KIN_OF_SOMEONE = regex.compile(r"\bof\s+(?:a|an|the|his|her|their)\s|\bof\s+\p{Lu}")
COUNTING = frozenset({"a", "an", "dozen", "dozens", "hundreds", "thousands", "scores"})  # "a dozen towns"


def _as_written(mention: Mention, text: str) -> Mention:
    """A name found in a line lower-cased for the parser ("Interview by ... | meridian review"),
    in the capitals the article gives it."""
    written = text[mention.start : mention.start + len(mention.text)]
    if written != mention.text and written.lower() == mention.text.lower() and written.istitle():
        return replace(mention, text=written)
    return mention


def _first_of_two_surnames(key: str, name: str, particles: frozenset[str]) -> bool:
    """Whether `key` is the first of a full name's two surnames, spaced or hyphenated."""
    keys = _keys(name, particles)
    first, hyphen, _ = name.split()[-1].partition("-")
    return len(keys) > 1 and (key in keys[1:-1] or (bool(hyphen) and name_key(first) == key))


def _first_surname(keys: tuple[str, ...], other: tuple[str, ...]) -> bool:
    """Whether one name is a given name and the first of two surnames of the other."""
    short, full = sorted((keys, other), key=len)
    return len(short) == 2 and len(full) > 2 and short[0] == full[0] and short[1] in full[1:-1]


def _title_words(entity: Entity) -> set[str]:
    return entity.titles | {w for q in entity.qualified for w in q.split()}


def _told_apart(mention: Mention, head: str, entity: Entity) -> bool:
    """ "The home manager" is not "Iker Salaberri, the visiting manager": both qualify the title,
    with different words."""
    mine = {w for q in mention.qualified for w in q.split()[:-1]}
    theirs = {w for q in entity.qualified if q.split()[-1] == head for w in q.split()[:-1]}
    return bool(mine and theirs) and not mine & theirs


def _named_body(entity: Entity) -> bool:
    """An organisation, or a group with a name ("Trading Standards", "Brightwell Home Products"),
    not a plural capitalised only because it opens a sentence ("Analysts")."""
    named_group = entity.kind == "group" and entity.name[:1].isupper() and len(entity.name.split()) > 1
    is_body = entity.kind == "organisation" or named_group
    return is_body and not entity.named_only


def _title_fit(description: str, entity: Entity) -> int:
    """How many words of a description match the entity's titles, or a body's name, by stem
    ("finance chief" and Chief Financial Officer: 2; "the employers' council" and Atlantic
    Maritime Employers Council: 2, the Council of Economic Advisers: 1)."""
    named = fold(entity.name).split() if entity.kind == "organisation" else []
    titles = [stem(t) for t in (*entity.titles, *named)]
    words = {stem(w) for w in fold(description).split() if len(w) >= MIN_TITLE_WORD}
    return sum(any(w == t or w.startswith(t) or t.startswith(w) for t in titles) for w in words)


LEADING_THE = regex.compile(r"^(?i:the)\s+")


def _the_outlet(mention: Mention, outlet: str | None) -> bool:
    """Whether a name is the outlet's own (`outlet`, its masthead's name folded): "told the Steppe Courier"."""
    return outlet is not None and fold(LEADING_THE.sub("", mention.text)) == outlet


def article_names(text: str, found: Plan, parsed: list[tuple[int, Doc]], rules: Rules) -> ArticleSpeakers:
    """Every person and body the article names: from the parse where a paragraph was parsed, by
    regex elsewhere (after its dateline: "PINE HOLLOW —" is a place); never from bylines or
    boilerplate."""
    registry = ArticleSpeakers(
        rules.words("speakers.generic_organisation"),
        rules.words("speakers.epithets") | rules.words("speakers.kin"),
        rules.title_forms,
        rules.words("speakers.name_particles"),
        rules.first_names,
        rules.title_words | rules.words("speakers.unnamed") | rules.words("speakers.representatives"),
        rules.words("speakers.unnamed") | rules.words("speakers.representatives"),
        rules.words("speakers.kin"),
        rules.words("speakers.parent_kin"),
        rules.words("speakers.ranks"),
        dict(pair.split() for pair in rules.words("speakers.body_words")),
        rules.words("speakers.quantifiers"),
        rules.words("speakers.corporate_suffixes"),
        rules.words("speakers.anaphoric"),
        rules.words("speakers.business_words"),
        rules.words("speakers.public_bodies"),
        rules.words("speakers.person_pronouns"),
    )
    outlet = fold(found.outlet) if found.outlet is not None else None
    parsed_starts = sorted(offset for offset, _ in parsed)  # a paragraph's parse starts after its lead
    for para in found.paragraphs:
        i = bisect.bisect_left(parsed_starts, para.start)
        # a quote sheet's prompt ("On the fourth official, Dean Portillo-Marsh:") holds no speech,
        # but names whom the answer under it talks about
        prompt = para.silent and text[para.start : para.end].rstrip().endswith(":")
        if not (i < len(parsed_starts) and parsed_starts[i] < para.end) and (not para.silent or prompt):
            for mention in names_by_regex(text, para.text_start, para.end, rules):
                if not _the_outlet(mention, outlet):
                    registry.add(mention)
    for offset, doc in parsed:
        for mention in names_in(list(doc), rules, registry.knows):
            if fold(mention.text) in registry.epithets or _the_outlet(mention, outlet):
                continue  # "the Welshman": someone named before, not a name; the paper itself
            mention = _as_written(shift(mention, offset), text)
            quoted = found.quote_around(mention.start, mention.start + 1) is not None
            if mention.subject and quoted:
                # "'Sandra has nothing to feel bad about,' she said": a subject in someone's words is
                # not one of the story's, and no "she" after it stands for her
                mention = replace(mention, subject=False)
            registry.add(mention)
            if quoted:
                registry.quoted_at.add(mention.start)
    for offset, doc in parsed:  # once every name is known
        for mention in roles_as_subjects(list(doc), rules):
            mention = shift(mention, offset)
            if found.quote_around(mention.start, mention.start + 1) is not None:
                continue  # a subject in someone's words is not one of the story's
            titled = registry.titled_before(mention, found.newest_first) or registry.kin_before(mention)
            if titled is not None:
                registry.add(replace(mention, text=titled.name, form="name", titles=()))
                registry.described_at.add(mention.start)
    if rules.nickname is not None:
        for nickname in rules.nickname.finditer(text):
            registry.nickname(text, nickname.start(), nickname.end())
    if rules.defined_term is not None:
        for term in rules.defined_term.finditer(text):
            registry.defined_term(term.group("name"), term.captures("alias"))
    return registry
