"""Joins of an article's entities that the NER's spans alone miss.

A name tagged a place once is a place throughout ("one sense per article"), a company's short
name joins it ("Nuvola" -> "Nuvola Systems"), a place's short name joins it ("Nakuru" ->
"Nakuru County"), and initials join the one name they spell ("EU" -> "European Union"). Each
pass moves mentions onto the entity they belong to and drops the emptied one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from transforms.entities.aliases import alias_key
from transforms.lexicon import KNOWN_SHORT_NAMES, PLACE_SUFFIX_WORDS
from transforms.lexicons import words
from transforms.entities.places import is_country, known_place

if TYPE_CHECKING:
    from transforms.entities.grouping import ArticleEntity


def _join_into_owners(entities: list[ArticleEntity], owners_of: Callable[[ArticleEntity], list[ArticleEntity]]) -> list[ArticleEntity]:
    """Move each entity's mentions onto its one owner (``owners_of``) and drop it; an entity
    with no owner, or with two, stays as it is."""
    kept = []
    for entity in entities:
        owners = [o for o in owners_of(entity) if o is not entity]
        if len(owners) == 1:
            owners[0].mentions.extend(entity.mentions)
        else:
            kept.append(entity)
    return kept


def one_sense_per_article(entities: list[ArticleEntity]) -> list[ArticleEntity]:
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

    return _join_into_owners(entities, owners_of)


def one_type_per_name(entities: list[ArticleEntity]) -> list[ArticleEntity]:
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

    return _join_into_owners(entities, owners_of)


# Last words of company names coined from a brand ("Nuvola Systems"), unlike institutions named
# after their town ("Northfield Chamber of Commerce", "Corvale Hospital").
_COMPANY_WORDS = words("brand_company_words")


def short_org_names(entities: list[ArticleEntity]) -> list[ArticleEntity]:
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

    return _join_into_owners(entities, owners_of)


def short_place_names(entities: list[ArticleEntity]) -> list[ArticleEntity]:
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

    return _join_into_owners(entities, owners_of)


_SMALL_WORDS = words("initials_skip_words")


def initialisms(entities: list[ArticleEntity]) -> list[ArticleEntity]:
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

    return _join_into_owners(entities, owners_of)


def join_entities(entities: list[ArticleEntity]) -> list[ArticleEntity]:
    """Every join, in order: senses first, so a short name meets its entity's settled type."""
    return initialisms(short_place_names(short_org_names(one_type_per_name(one_sense_per_article(entities)))))
