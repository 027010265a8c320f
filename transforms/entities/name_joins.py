"""ENTITY_JOINS by how a name is spelled: the same name under two types, a name written
without its accents, a misspelt surname, a surname opened by a particle. Part of ENTITY_JOINS
(``transforms.entities.joins``), which imports them."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from transforms.entities.aliases import alias_key
from transforms.entities.joins import _join_into_owners, _unaccented
from transforms.entities.places import known_place
from transforms.entities.words import written_lower
from transforms.lexicons import words
from transforms.rules import Example, rule

if TYPE_CHECKING:
    from transforms.entities.grouping import ArticleEntity


@rule(
    Example("Ride-hailing firm Kuvuka was suspended on Monday. Kuvuka said it would appeal. Regulators said Kuvuka had ignored warnings.",
            [("Kuvuka", "Kuvuka"), ("Kuvuka", "Kuvuka")], note="the model tags the first a company and the others people"),
)
def one_entity_per_name(body: str, entities: list[ArticleEntity]) -> list[ArticleEntity]:
    """The same name under two types ("Tovara" ORG and PERSON, "Harlow Arena" FAC and LOC) is
    one entity: the model's label flickers from sentence to sentence, the thing does not. It
    joins the entity whose type a rule gave (a repair or a finder), else the one with the most
    mentions, else the one of a person, organisation or place type (not FAC, NORP, PRODUCT),
    else the one named first.

    Notes:
        Runs after ``one_sense_per_article`` (a place keeps its place type) and
        ``one_type_per_name``; only names spelled the same join ("Washington" and "George
        Washington" stay apart), and a name two people share is already on its person.
    """
    by_name: dict[str, list[ArticleEntity]] = {}
    for entity in entities:
        by_name.setdefault(alias_key(entity.canonical_name), []).append(entity)

    def rank(entity: ArticleEntity) -> tuple[bool, int, bool, int]:
        core = entity.entity_type in ("PERSON", "ORG", "GPE", "LOC")  # the model's surer labels on a name
        return (any(m.repaired_by for m in entity.mentions), len(entity.mentions), core, -min(m.char_start for m in entity.mentions))

    def owners_of(entity: ArticleEntity) -> list[ArticleEntity]:
        same = by_name.get(alias_key(entity.canonical_name), [])
        if len(same) < 2 or len({e.entity_type for e in same}) != len(same):
            return []  # one type each: two of one type are kept apart on purpose
        owner = max(same, key=rank)
        return [] if owner is entity else [owner]

    return _join_into_owners(entities, owners_of, "one_entity_per_name")


@rule(
    Example("Dragana Milovanović resigned on Friday. Milovanovic, a former IMF economist, took office in 2019.", [("Milovanovic", "Dragana Milovanović")]),
    Example("Ana Lopes met Ana Lópes on Monday.", None, note="two full names stay two people"),
)
def accent_variant(body: str, entities: list[ArticleEntity]) -> list[ArticleEntity]:
    """A name written once without its accents ("Milovanovic" after "Dragana Milovanović",
    "Sao Joao" after "São João") joins the one entity whose name, or a word of whose person's
    name, it spells.

    Notes:
        Only a name with no accent of its own joins; two entities it could spell join neither.
    """
    def owners_of(entity: ArticleEntity) -> list[ArticleEntity]:
        name = entity.canonical_name
        if _unaccented(name) != name.casefold():
            return []
        key, one_word = _unaccented(name), len(name.split()) == 1
        return [
            o for o in entities
            if o is not entity and o.canonical_name.casefold() != name.casefold()
            and (_unaccented(o.canonical_name) == key or (one_word and o.entity_type == "PERSON" and entity.entity_type == "PERSON" and key in _unaccented(o.canonical_name).split()))
        ]

    return _join_into_owners(entities, owners_of, "accent_variant")


def _one_edit_apart(a: str, b: str) -> bool:
    """One letter dropped, added, changed or two swapped: "Thibodeu" / "Thibodeau"."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def _doubled_letter_apart(a: str, b: str) -> bool:
    """One name is the other with one letter doubled: "Bertollini" / "Bertolini"."""
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return len(long_) == len(short) + 1 and any(long_[:i] + long_[i + 1 :] == short and long_[i] == long_[i - 1] for i in range(1, len(long_)))


@rule(Example("Councillor Margaret Hollingworth won the seat on Monday. Voters in Hollingwoth's ward cheered.", [("Hollingwoth", "Margaret Hollingworth")],
              note="when the model tags the misspelt name a place"),
      Example("Ana Marsh met Tom Marsden on Monday. Marshe spoke first.", None, note="a short surname is too easy to miss by one letter"),
      Example("Team manager Luca Bertolini said he was shocked. “I feel betrayed,” Bertollini told the paper.", [("Bertollini", "Luca Bertolini")],
              note="a person the model tagged, one letter doubled: no other name is spelled so"))
def misspelt_surname(body: str, entities: list[ArticleEntity]) -> list[ArticleEntity]:
    """A one-word name a letter away from the surname of exactly one person of the article
    ("Thibodeu" after "Nadine Thibodeau") that the model took for a place or an organisation:
    a typo of that person's name.

    Notes:
        Only surnames of seven letters or more and a name no gazetteer knows as a place; a
        name the model took for a person may be another one ("Marsdon" beside "Marsden") and
        stays apart, unless it only doubles (or undoes a double of) one letter ("Bertollini"
        beside "Bertolini"), the commonest slip of news copy; a plural ("the Clintons") is the family; two people it could be join
        neither.
    """
    surnames = [(e.canonical_name.split()[-1].casefold(), e) for e in entities if e.entity_type == "PERSON" and len(e.canonical_name.split()) > 1]

    def owners_of(entity: ArticleEntity) -> list[ArticleEntity]:
        name = entity.canonical_name
        if len(name.split()) != 1 or len(name) < 6 or known_place(name) is not None or entity.entity_type not in ("GPE", "LOC", "ORG", "NORP", "PERSON"):
            return []
        key = name.casefold()
        near = _doubled_letter_apart if entity.entity_type == "PERSON" else _one_edit_apart
        # "the Clintons" is the family, not a typo of "Clinton".
        return list({id(e): e for last, e in surnames if len(last) >= 7 and key != last + "s" and near(key, last)}.values())

    return _join_into_owners(entities, owners_of, "misspelt_surname")


_NAME_PARTICLES = words("name_particles")


@rule(
    Example("Interior Minister Pieter van Dijk spoke first. Van Dijk said the border would stay open.", [("Van Dijk", "Pieter van Dijk")]),
    Example("Mayor Marta van Dijk met her brother, Joost van Dijk, on Monday. Van Dijk said little.", None, note="two people end so: neither"),
)
def particle_surname(body: str, entities: list[ArticleEntity]) -> list[ArticleEntity]:
    """"Van Dijk" opening a sentence after "Pieter van Dijk": a surname that starts with a
    particle, capitalised, joins the one person whose name ends with the same words.

    Notes:
        Only a name whose first word is a particle (``name_particles``: "de", "van", "da");
        two people with that surname join neither.
    """
    people = [e for e in entities if e.entity_type == "PERSON"]

    def owners_of(entity: ArticleEntity) -> list[ArticleEntity]:
        words_ = entity.canonical_name.casefold().split()
        if entity.entity_type != "PERSON" or len(words_) < 2 or words_[0] not in _NAME_PARTICLES:
            return []
        return [o for o in people if o is not entity and len(o.canonical_name.split()) > len(words_) and o.canonical_name.casefold().split()[-len(words_):] == words_]

    return _join_into_owners(entities, owners_of, "particle_surname")


@rule(
    Example("Union president Rui Mendes Ferreira spoke in Lisbon. Mendes Ferreira said the strike would go on.", [("Mendes Ferreira", "Rui Mendes Ferreira")]),
    Example("Judge María García Márquez opened the hearing. Later, García Márquez adjourned it.", [("García Márquez", "María García Márquez")]),
    Example("Ana Costa Pinto and Rui Costa Pinto met. Costa Pinto said little.", None, note="two people end so: neither"),
    Example("Black Lawmakers Rip Donald Trump\n\nDonald Trump spoke on Monday. Donald Trump said he would win.", None,
            note="a longer name met only in a title-case headline is no full name (headline_name_prefix)"),
)
def compound_surname(body: str, entities: list[ArticleEntity]) -> list[ArticleEntity]:
    """"Mendes Ferreira" after "Rui Mendes Ferreira": a surname of two or more words (Spanish,
    Portuguese, hyphenless double names) joins the one person whose full name ends with it and
    who was named first.

    Notes:
        The person grouping keys names by their first and last word, so a two-word surname
        makes a "person" of its own; ``particle_surname`` covers "Van Dijk". A name met before
        the longer one ("Costa Pinto ... Ana Costa Pinto") is left: news names people in full first.
    """
    people = [e for e in entities if e.entity_type == "PERSON"]

    def first_at(entity: ArticleEntity) -> int:
        return min(m.char_start for m in entity.mentions)

    def owners_of(entity: ArticleEntity) -> list[ArticleEntity]:
        words_ = alias_key(entity.canonical_name).split()
        if entity.entity_type != "PERSON" or len(words_) < 2:
            return []
        return [o for o in people if o is not entity and len(alias_key(o.canonical_name).split()) > len(words_)
                and alias_key(o.canonical_name).split()[-len(words_):] == words_ and first_at(o) < first_at(entity)
                and not all(_in_title_case_line(body, m.char_start) for m in o.mentions if alias_key(m.text) == alias_key(o.canonical_name))]

    return _join_into_owners(entities, owners_of, "compound_surname")


@rule(
    Example("Ana María Rodríguez Salas, the mayor of Valencia, backed the ban. Rodríguez said the city would act.",
            [("Rodríguez", "Ana María Rodríguez Salas")], note="the model calls the surname alone an organisation"),
    Example("Mayor Maria Lopez Garcia met Judge Elena Lopez Ruiz on Monday. Lopez said little.", None,
            note="two people so named: neither (tests/entities/test_entities.py builds the entities the model does not give here)"),
    Example("Mayor Ana María Rodríguez Salas visited Paris. Valencia backed her.", None, note="no word of the name alone"),
)
def first_of_two_surnames(body: str, entities: list[ArticleEntity]) -> list[ArticleEntity]:
    """"Rodríguez" after "Ana María Rodríguez Salas": of a person named with two surnames
    (Spanish and Portuguese usage), the first surname alone is that person, whatever type the
    model gave it.

    Notes:
        Only a name of three or more words whose next-to-last word is the one-word name, the
        one person of the article so named, named first; no prominent place ("Lima" stays a
        city; the gazetteer's small towns called "Rodríguez" do not count).
    """
    people = [e for e in entities if e.entity_type == "PERSON" and len(e.canonical_name.split()) >= 3]

    def owners_of(entity: ArticleEntity) -> list[ArticleEntity]:
        name = entity.canonical_name
        place = known_place(name)
        if " " in name or entity.entity_type not in ("PERSON", "ORG") or place is not None and place.prominent:
            return []
        first = min(m.char_start for m in entity.mentions)
        return [p for p in people if alias_key(p.canonical_name.split()[-2]) == alias_key(name)
                and min(m.char_start for m in p.mentions) < first]

    return _join_into_owners(entities, owners_of, "first_of_two_surnames")


@rule(
    Example("Black Lawmakers Rip Donald Trump\n\nDonald Trump spoke on Monday. Donald Trump said he would win.", [("Rip Donald Trump", "Donald Trump")]),
    Example("Mayor Backs Anna Lind Plan\n\nAnna Lind unveiled the plan on Monday.", None, note="no longer name: nothing to cut"),
)
def headline_name_prefix(body: str, entities: list[ArticleEntity]) -> list[ArticleEntity]:
    """"Rip Donald Trump" in the headline "Black Lawmakers Rip Donald Trump": a name of three or
    more words met only in title-case lines, whose last words are a person the article names
    elsewhere, is that person (a headline's capitalised verb or epithet read as a first name).

    Notes:
        The mention keeps its span; only its entity changes. A longer name met in the body
        ("Ildefonso Guajardo Villarreal") is the full name (``compound_surname``).
    """
    people = [e for e in entities if e.entity_type == "PERSON"]

    def owners_of(entity: ArticleEntity) -> list[ArticleEntity]:
        words_ = alias_key(entity.canonical_name).split()
        full = [m for m in entity.mentions if alias_key(m.text) == alias_key(entity.canonical_name)]
        if entity.entity_type != "PERSON" or len(words_) < 3 or not full or not all(_in_title_case_line(body, m.char_start) for m in full):
            return []
        return [o for o in people if o is not entity and 2 <= len(alias_key(o.canonical_name).split()) < len(words_)
                and words_[-len(alias_key(o.canonical_name).split()):] == alias_key(o.canonical_name).split()]

    return _join_into_owners(entities, owners_of, "headline_name_prefix")


@rule(
    Example("Clinton Plan for Taxes Is Expansive and Costly\n\nHillary Clinton released her tax plan on Monday. Clinton said the plan was fair.",
            [("Clinton Plan", "Hillary Clinton"), ("Clinton", "Hillary Clinton")]),
    Example("Harbour Plan for Ferries Is Costly\n\nThe plan for the harbour was released on Monday.", None, note="no person of the article opens the name"),
)
def headline_name_suffix(body: str, entities: list[ArticleEntity]) -> list[ArticleEntity]:
    """"Clinton Plan" in the headline "Clinton Plan for Taxes Is Expansive": a name met only in
    title-case lines that opens with a person the article names elsewhere (full name or
    surname) and goes on with words the article writes in lower case ("plan") is that person
    (a headline's capitalised common noun read as part of the name).

    Notes:
        The mention keeps its span; only its entity changes. A word the article never writes
        in lower case may be part of a name ("Anna Lind Foundation"); a surname two people of
        the article share names neither.
    """
    people = [e for e in entities if e.entity_type == "PERSON" and len(e.canonical_name.split()) >= 2]

    def owners_of(entity: ArticleEntity) -> list[ArticleEntity]:
        words_ = entity.canonical_name.split()
        full = [m for m in entity.mentions if alias_key(m.text) == alias_key(entity.canonical_name)]
        if entity.entity_type not in ("PERSON", "ORG") or not 2 <= len(words_) <= 4 or not full or not all(_in_title_case_line(body, m.char_start) for m in full):
            return []
        found = []
        for person in people:
            name = alias_key(person.canonical_name).split()
            for lead in (name, name[-1:]):
                rest = words_[len(lead):]
                if alias_key(" ".join(words_[: len(lead)])).split() == lead and rest and all(w[:1].isupper() and written_lower(body, w) for w in rest):
                    found.append(person)
                    break
        return found

    return _join_into_owners(entities, owners_of, "headline_name_suffix")


def _in_title_case_line(body: str, offset: int) -> bool:
    """Whether the line at ``offset`` is a headline in title case ("Black Lawmakers Rip Donald
    Trump"), where a verb before a name reads as a first name."""
    start = body.rfind("\n", 0, offset) + 1
    end = body.find("\n", offset)
    line_words = re.findall(r"[^\W\d_][\w'’-]*", body[start : end if end >= 0 else len(body)])
    return len(line_words) >= 4 and sum(w[0].isupper() for w in line_words) >= 0.7 * len(line_words)


_KIND_OPENERS = words("name_kind_openers")


@rule(
    Example("Climbers set out for Mount Kosava on Friday. Kosava is the highest peak of the range.", [("Kosava", "Mount Kosava")]),
    Example("Hikers died on Mount Velika last year. Velika is 2,500 metres high.", [("Velika", "Mount Velika")]),
    Example("Storms hit Mount Hope on Monday. Hope was not lost, the mayor said.", None, note="a common word stays apart"),
)
def name_without_kind_word(body: str, entities: list[ArticleEntity]) -> list[ArticleEntity]:
    """"Kosava" after "Mount Kosava", "Island Star" after "MV Island Star": a name written
    without the word that opens it and says what kind of thing it is (``name_kind_openers``:
    "Mount", "Cape", "MV", "HMS") is the same thing, whatever type the model gave either.

    Notes:
        Only the one entity the opener leads; a known place ("Carmel" beside "Mount Carmel"),
        a word the article also writes in lower case ("hope") or a word of a person's name of
        the article stays apart.
    """
    owners_by_key: dict[str, list[ArticleEntity]] = {}
    for owner in entities:
        words_ = owner.canonical_name.split()
        if len(words_) >= 2 and words_[0].casefold() in _KIND_OPENERS and words_[0][:1].isupper():
            owners_by_key.setdefault(alias_key(" ".join(words_[1:])), []).append(owner)
    people_words = {alias_key(w) for e in entities if e.entity_type == "PERSON" and len(e.canonical_name.split()) > 1 for w in e.canonical_name.split()}

    def owners_of(entity: ArticleEntity) -> list[ArticleEntity]:
        name = entity.canonical_name
        key = alias_key(name)
        if key not in owners_by_key or key in people_words or known_place(name) is not None:
            return []
        if re.search(rf"(?<![\w-]){re.escape(name.lower())}(?![\w-])", body):
            return []  # "hope", "star": a common word
        return owners_by_key[key]

    return _join_into_owners(entities, owners_of, "name_without_kind_word")
