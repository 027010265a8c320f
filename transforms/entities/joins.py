"""ENTITY_JOINS: joins of an article's entities that the NER's spans alone miss.

A name tagged a place once is a place throughout ("one sense per article"), a company's short
name joins it ("Nuvola" -> "Nuvola Systems"), a place's short name joins it ("Nakuru" ->
"Nakuru County"), and initials join the one name they spell ("EU" -> "European Union"). Each
rule reads the article's body and its entities, moves mentions onto the entity they belong to
(naming itself in their ``repaired_by``) and drops the emptied entity; all run, in order.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from transforms.entities.aliases import alias_key
from transforms.lexicon import KNOWN_SHORT_NAMES, PLACE_SUFFIX_WORDS
from transforms.lexicons import words
from transforms.entities.places import is_country, known_place
from transforms.rules import Example, Rule, rule

if TYPE_CHECKING:
    from transforms.entities.grouping import ArticleEntity


def _join_into_owners(entities: list[ArticleEntity], owners_of: Callable[[ArticleEntity], list[ArticleEntity]], joined_by: str) -> list[ArticleEntity]:
    """Move each entity's mentions onto its one owner (``owners_of``), each naming the join
    (``joined_by``), and drop it; an entity with no owner, or with two, stays as it is."""
    kept = []
    for entity in entities:
        owners = [o for o in owners_of(entity) if o is not entity]
        if len(owners) == 1:
            owners[0].mentions.extend(replace(m, repaired_by=joined_by) for m in entity.mentions)
        else:
            kept.append(entity)
    return kept


@rule(Example("Voters in Arlen backed the plan. Arlen will build a school.", [("Arlen", "Arlen")], note="when the model tags the second Arlen an organisation"))
def one_sense_per_article(body: str, entities: list[ArticleEntity]) -> list[ArticleEntity]:
    """A name the NER calls a place once is a place all through the article: "Arlen" tagged
    GPE in one sentence and ORG in the next is one place (one sense per discourse).

    Notes:
        Only identical names join, so "Washington" the city and "George Washington" stay apart;
        a name the NER never calls a place keeps its types.
    """
    places = {alias_key(e.canonical_name): e for e in entities if e.entity_type in ("GPE", "LOC")}

    def owners_of(entity: ArticleEntity) -> list[ArticleEntity]:
        place = places.get(alias_key(entity.canonical_name))
        return [place] if place is not None and entity.entity_type in ("ORG", "PERSON", "LOC", "GPE") else []

    return _join_into_owners(entities, owners_of, "one_sense_per_article")


@rule(Example("Kellanova, which was spun off, said sales rose. Kellanova shares fell.", None, note="joins only when the model calls the name a person once"))
def one_type_per_name(body: str, entities: list[ArticleEntity]) -> list[ArticleEntity]:
    """A one-word name the NER calls an organisation and, once, a person ("Kellanova, which
    was spun off") is the organisation, unless it is the surname of a person of the article.

    Notes:
        "Ford" the company and "Harrison Ford" the actor in one article stay apart.
    """
    orgs = {alias_key(e.canonical_name): e for e in entities if e.entity_type == "ORG" and len(e.canonical_name.split()) == 1}
    surnames = {alias_key(e.canonical_name.split()[-1]) for e in entities if e.entity_type == "PERSON" and len(e.canonical_name.split()) > 1}

    def owners_of(entity: ArticleEntity) -> list[ArticleEntity]:
        key = alias_key(entity.canonical_name)
        if entity.entity_type != "PERSON" or len(entity.canonical_name.split()) != 1 or key in surnames or key not in orgs:
            return []
        org = orgs[key]
        return [org] if len(org.mentions) >= len(entity.mentions) else []

    return _join_into_owners(entities, owners_of, "one_type_per_name")


# Last words of company names coined from a brand ("Nuvola Systems"), unlike institutions named
# after their town ("Northfield Chamber of Commerce", "Corvale Hospital").
_COMPANY_WORDS = words("brand_company_words")


@rule(Example("Kestrel Mobile ASA agreed to buy a rival on Monday. Kestrel said the deal would close in March. Shares of Kestrel rose.", [("Kestrel", "Kestrel Mobile ASA"), ("Kestrel", "Kestrel Mobile ASA")]))
def short_org_names(body: str, entities: list[ArticleEntity]) -> list[ArticleEntity]:
    """"Nuvola" (tagged a place) after "Nuvola Systems": the company's short name.

    Notes:
        Only one-word names the NER did not call a person, that are no known place, and that
        start exactly one company name of the article (one ending in a company word, or, for a
        name tagged an organisation, of two words): "Japan" stays a country beside "Japan
        Airlines", "Northfield" a town beside "Northfield Chamber of Commerce".
    """
    orgs = [e for e in entities if e.entity_type == "ORG" and len(e.canonical_name.split()) > 1]

    def owners_of(entity: ArticleEntity) -> list[ArticleEntity]:
        words = entity.canonical_name.split()
        if len(words) != 1 or entity.entity_type not in ("GPE", "LOC", "NORP", "ORG") or known_place(words[0]) is not None:
            return []
        starting = [o for o in orgs if o.canonical_name.split()[0].casefold() == words[0].casefold()]
        # An organisation's own short name: "JPMorgan" for "JPMorgan Chase", "Epic" for "Epic
        # Games"; longer names ("Northfield Chamber of Commerce") only with a company word.
        owners = [o for o in starting if alias_key(o.canonical_name.split()[-1]) in _COMPANY_WORDS or (entity.entity_type == "ORG" and len(o.canonical_name.split()) == 2)]
        return owners if len(starting) == 1 else []

    return _join_into_owners(entities, owners_of, "short_org_names")


# Last words that make a longer name an organisation a one-word "person" can be the short name
# of ("Tavira" for "Tavira Mining Group", "Harvard" for "Harvard University").
_ORG_LAST_WORDS = _COMPANY_WORDS | words("org_suffixes")


@rule(
    Example("The bid topped an offer from Tavira Mining Group. Tavira declined to comment.", [("Tavira", "Tavira Mining Group")]),
    Example("Ana Costa joined Harvard University in May. Costa said she liked it.", None, note="a surname of the article's people joins the person"),
)
def person_named_company(body: str, entities: list[ArticleEntity]) -> list[ArticleEntity]:
    """"Tavira" (tagged a person) after "Tavira Mining Group": the organisation's short name.

    Notes:
        Only one-word "people" (a surname or first name of the article's people is already on
        them) that start exactly one organisation of the article ending in a company or
        organisation word; "Ferryman" beside no such name stays.
    """
    orgs = [e for e in entities if e.entity_type == "ORG" and len(e.canonical_name.split()) > 1 and alias_key(e.canonical_name.split()[-1]) in _ORG_LAST_WORDS]

    def owners_of(entity: ArticleEntity) -> list[ArticleEntity]:
        if entity.entity_type != "PERSON" or len(entity.canonical_name.split()) != 1:
            return []
        return [o for o in orgs if alias_key(o.canonical_name.split()[0]) == alias_key(entity.canonical_name)]

    return _join_into_owners(entities, owners_of, "person_named_company")


@rule(
    Example("Korvex Resources Ltd agreed to buy Chilean copper miner Minera Altamira SA for $4.2 billion. \"Altamira gives us the best deposit,\" he said.", [("Altamira", "Minera Altamira SA")]),
    Example("Stockport Harriers FC agreed to a takeover on Thursday. Fans said Harriers deserved better.", [("Harriers", "Stockport Harriers FC")]),
)
def inner_short_name(body: str, entities: list[ArticleEntity]) -> list[ArticleEntity]:
    """"Altamira" after "Minera Altamira SA", "Harriers" after "Stockport Harriers FC": an
    organisation called by the distinctive word inside its name.

    Notes:
        Only a one-word name the model did not call a place, that is a middle word (neither
        the first nor the last) of exactly one organisation of three words or more, and no
        country, company or organisation word: "Bank" stays apart from "Ard Bank of Cork".
    """
    orgs = [e for e in entities if e.entity_type == "ORG" and len(e.canonical_name.split()) >= 3]

    def owners_of(entity: ArticleEntity) -> list[ArticleEntity]:
        key = alias_key(entity.canonical_name)
        if entity.entity_type not in ("PERSON", "NORP", "ORG") or len(key.split()) != 1 or key in _ORG_LAST_WORDS or key in _SMALL_WORDS or is_country(key):
            return []
        return [o for o in orgs if key in [alias_key(w) for w in o.canonical_name.split()[1:-1]]]

    return _join_into_owners(entities, owners_of, "inner_short_name")


@rule(Example("Floods hit Nakuru County on Monday. Roads in Nakuru were closed.", [("Nakuru", "Nakuru County")]))
def short_place_names(body: str, entities: list[ArticleEntity]) -> list[ArticleEntity]:
    """"Nakuru" after "Nakuru County", "Hualien" after "Hualien City": the same place.

    Notes:
        A country never joins the city named after it ("Mexico" and "Mexico City").
    """
    places = {}
    for entity in entities:
        words = entity.canonical_name.split()
        if entity.entity_type == "GPE" and len(words) == 2 and words[1].lower() in PLACE_SUFFIX_WORDS:
            places.setdefault(alias_key(words[0]), []).append(entity)

    def owners_of(entity: ArticleEntity) -> list[ArticleEntity]:
        if entity.entity_type not in ("GPE", "LOC", "ORG") or len(entity.canonical_name.split()) != 1 or is_country(entity.canonical_name):
            return []
        return places.get(alias_key(entity.canonical_name), [])

    return _join_into_owners(entities, owners_of, "short_place_names")


_SMALL_WORDS = words("initials_skip_words")


@rule(Example("The Federal Aviation Administration grounded the jets. FAA inspectors began work on Monday.", [("FAA", "Federal Aviation Administration")]))
def initialisms(body: str, entities: list[ArticleEntity]) -> list[ArticleEntity]:
    """"EU" after "European Union", "US" after "United States": an all-capitals name that
    spells the initials of exactly one longer organisation or place of the article joins it,
    even when the text never defines it in brackets.

    Notes:
        Initials that fit two names join neither.
    """
    longer = [e for e in entities if e.entity_type in ("ORG", "GPE", "LOC") and len(e.canonical_name.split()) > 1]

    def owners_of(entity: ArticleEntity) -> list[ArticleEntity]:
        letters = entity.canonical_name.replace(".", "")
        if entity.entity_type == "ORG" and (group := [e for e in longer if KNOWN_SHORT_NAMES.get(alias_key(e.canonical_name)) == alias_key(letters)]):
            return group  # "G7" after "the Group of Seven"
        if entity.entity_type not in ("ORG", "GPE") or not 2 <= len(letters) <= 6 or not (letters.isupper() and letters.isalpha()):
            return []
        return [e for e in longer if "".join(w[0] for w in e.canonical_name.replace("-", " ").split() if w.lower() not in _SMALL_WORDS).upper() == letters]

    return _join_into_owners(entities, owners_of, "initialisms")


# All run, in this order: senses first, so a short name meets its entity's settled type.
ENTITY_JOINS: tuple[Rule, ...] = (
    one_sense_per_article,  # "Arlen" (GPE) and "Arlen" (ORG) -> the place
    one_type_per_name,  # "Kellanova" (PERSON) and "Kellanova" (ORG) -> the company
    short_org_names,  # "Kestrel" -> "Kestrel Mobile ASA"
    person_named_company,  # "Tavira" (PERSON) -> "Tavira Mining Group"
    inner_short_name,  # "Altamira" -> "Minera Altamira SA"
    short_place_names,  # "Nakuru" -> "Nakuru County"
    initialisms,  # "FAA" -> "Federal Aviation Administration"
)


def join_entities(body: str, entities: list[ArticleEntity]) -> list[ArticleEntity]:
    """Every join of ``ENTITY_JOINS``, in order."""
    for join in ENTITY_JOINS:
        entities = join.function(body, entities)
    return entities
