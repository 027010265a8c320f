"""ENTITY_JOINS: joins of an article's entities that the NER's spans alone miss.

A name tagged a place once is a place throughout ("one sense per article"), a company's short
name joins it ("Nuvola" -> "Nuvola Systems"), a place's short name joins it ("Nakuru" ->
"Nakuru County"), and initials join the one name they spell ("EU" -> "European Union"). Each
rule reads the article's body and its entities, moves mentions onto the entity they belong to
(naming itself in their ``repaired_by``) and drops the emptied entity; all run, in order.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from transforms.entities.aliases import alias_key
from transforms.entities.words import COMPASS_ADJECTIVES
from transforms.lexicon import COMPANY_DESCRIPTORS, GEO_FEATURE_WORDS, KNOWN_SHORT_NAMES, NON_COMPANY_WORDS, PLACE_SUFFIX_WORDS
from transforms.lexicons import words
from transforms.entities.mentions import Mention
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
# A legal form ends a company's name as surely as a brand word does ("RideLoop Technologies BV").
_COMPANY_WORDS = words("brand_company_words") | words("legal_form_words")


# Repairs that make a name a place by the words around it ("near Darwin").
_PLACE_BY_CONTEXT = frozenset({"person_after_place_preposition", "org_after_place_preposition", "coordinated_with_place"})
_AFTER_PLACE_PREPOSITION = re.compile(r"\b(?:" + "|".join(sorted(words("place_prepositions"))) + r")\s+(?:the\s+)?$", re.IGNORECASE)


_LEGAL_FORMS = words("legal_form_words")
_CLUB_ENDINGS = words("club_name_endings")
_CLUB_SPORTS = words("club_sport_endings")


@rule(
    Example("Pilots at Pohjola Air struck on Monday. The company, whose full legal name is Pohjola Air Oy, lost money.",
            [("Pohjola Air", "Pohjola Air Oy")], note="the short name written first"),
    Example("Nordvik Bank ASA cut jobs. Nordvik Energy said prices would rise.", None, note="another name before the legal form"),
    Example("Scottish football club Fife Thistle will sell its stadium. In a statement, Fife Thistle FC said the board agreed.",
            [("Fife Thistle", "Fife Thistle FC")], note="a club's ending in capitals, as a legal form"),
    Example("Telenor agreed to buy Mobilnord AS on Monday. Mobilnord has 1.2 million customers.",
            [("Mobilnord", "Mobilnord AS")], note="Norway's 'AS', in capitals only"),
)
def name_without_legal_form(body: str, entities: list[ArticleEntity]) -> list[ArticleEntity]:
    """"Pohjola Air" and "Pohjola Air Oy": an organisation named by another one's name less its
    legal form ("Oy", "Ltd", "SA", ``legal_form_words``; a club's "FC", ``club_name_endings``)
    is that company, whichever the article writes first.

    Notes:
        Only the exact name before the legal form: "Nordvik Energy" is no "Nordvik Bank ASA".
    """
    full = {}
    for entity in entities:
        words_ = entity.canonical_name.replace(",", " ").split()
        ending = words_[-1].casefold().rstrip(".") if len(words_) >= 2 else ""
        # Norway's and Denmark's "AS" only in capitals: "as" is an English word.
        if entity.entity_type == "ORG" and (ending in _LEGAL_FORMS or words_[-1] == "AS" or ending in _CLUB_ENDINGS and words_[-1].isupper()):
            full.setdefault(alias_key(" ".join(words_[:-1])), []).append(entity)

    def owners_of(entity: ArticleEntity) -> list[ArticleEntity]:
        if entity.entity_type not in ("ORG", "PERSON", "GPE", "FAC", "PRODUCT"):
            return []
        return full.get(alias_key(entity.canonical_name), [])

    return _join_into_owners(entities, owners_of, "name_without_legal_form")


def _ever_a_place(entity: ArticleEntity, body: str) -> bool:
    """Whether a mention follows a place preposition ("in Kalinga") or was made a place by
    the words around it: a small place's name written only as a subject or an object
    ("Kalinga would pay") may be a company's short name."""
    return any(m.repaired_by in _PLACE_BY_CONTEXT or _AFTER_PLACE_PREPOSITION.search(body, max(m.char_start - 12, 0), m.char_start) for m in entity.mentions)


@rule(
    Example("Kestrel Mobile ASA agreed to buy a rival on Monday. Kestrel said the deal would close in March. Shares of Kestrel rose.", [("Kestrel", "Kestrel Mobile ASA"), ("Kestrel", "Kestrel Mobile ASA")]),
    Example("Trains to Hastings will run hourly, the Hastings Rail Users' Group said.", None, note="a place by its preposition stays the town"),
    Example("Hotel owner Bellevue Group said the strike was illegal. Bellevue said it would go to court.", [("Bellevue", "Bellevue Group")]),
    Example("Drivers for RideLoop protested. RideLoop Technologies BV, which is registered in Amsterdam, will appeal. RideLoop said it was disappointed.",
            [("RideLoop", "RideLoop Technologies BV"), ("RideLoop", "RideLoop Technologies BV")], note="a legal form ends the company's name; the brand may come first"),
    Example("Bellevue Systems Ltd will close the plant. The union said Bellevue would pay redundancy.",
            [("Bellevue", "Bellevue Systems Ltd")], note="a small place's name never written as a place"),
    Example("Bellevue Systems Ltd will close the plant. Workers in Bellevue were angry.", None, note="written as a place: the town"),
)
def short_org_names(body: str, entities: list[ArticleEntity]) -> list[ArticleEntity]:
    """"Nuvola" (tagged a place) after "Nuvola Systems": the company's short name.

    Notes:
        Only one-word names the NER did not call a person, that are no known place (unless the
        NER called a small one an organisation, or never wrote it after a place preposition)
        nor a place by their preposition ("trains to Hastings"), and that
        start exactly one company name of the article (one ending in a company word, or, for a
        name tagged an organisation, of two words): "Japan" stays a country beside "Japan
        Airlines", "Northfield" a town beside "Northfield Chamber of Commerce".
    """
    orgs = [e for e in entities if e.entity_type == "ORG" and len(e.canonical_name.split()) > 1]

    def owners_of(entity: ArticleEntity) -> list[ArticleEntity]:
        words = entity.canonical_name.split()
        place = known_place(words[0]) if len(words) == 1 else None
        if len(words) != 1 or entity.entity_type not in ("GPE", "LOC", "NORP", "ORG", "FAC") or (place is not None and (place.prominent or entity.entity_type != "ORG" and _ever_a_place(entity, body))):
            return []  # "Japan" beside "Japan Airlines"; "Bellevue" tagged ORG beside "Bellevue Group" joins
        if any(m.repaired_by in _PLACE_BY_CONTEXT for m in entity.mentions):
            return []  # "trains to Hastings": the town, beside "Hastings Rail Users' Group"
        starting = [o for o in orgs if o.canonical_name.split()[0].casefold() == words[0].casefold()]
        # An organisation's own short name: "JPMorgan" for "JPMorgan Chase", "Epic" for "Epic
        # Games"; longer names ("Northfield Chamber of Commerce") only with a company word.
        # A short name the mention finder found beside its one owner ("Hollis" after "Hollis
        # Chemical Inc", ``short_org_name``) joins it whatever the owner's last word.
        found_short = all(m.repaired_by == "short_org_name" for m in entity.mentions)
        owners = [o for o in starting if alias_key(o.canonical_name.split()[-1]) in _COMPANY_WORDS or found_short or (entity.entity_type == "ORG" and len(o.canonical_name.split()) == 2)]
        # "Vaumarcus" beside "Vaumarcus Tomme" (a cheese) and "Fromagerie Vaumarcus SA": a
        # company that holds the word inside its name is a likelier owner (``inner_short_name``).
        company_inside = [o for o in orgs if o not in starting and alias_key(o.canonical_name.split()[-1]) in _COMPANY_WORDS
                          and words[0].casefold() in (w.casefold() for w in o.canonical_name.split()[1:])]
        if company_inside and not any(alias_key(o.canonical_name.split()[-1]) in _COMPANY_WORDS for o in owners):
            return []
        return owners if len(starting) == 1 else []

    return _join_into_owners(entities, owners_of, "short_org_names")


@rule(
    Example("Vayu Motors Ltd reported higher profit. It will launch its first electric scooter, the Vayu Breeze, in October. "
            "Vayu spent 3.4 billion rupees on engines.", [("Vayu", "Vayu Motors Ltd")], note="the model makes the product a person called Vayu"),
    Example("Korvex Resources Ltd agreed to buy Minera Altamira SA, maker of Altamira Gold concentrate, for $4.2 billion. "
            "\"Altamira gives us the best deposit,\" he said.", [("Altamira", "Minera Altamira SA")], note="the word inside the company's name"),
    Example("Jordan Belfort spoke on Monday. Jordan Capital Ltd hired him in May. Jordan said he was sorry.", None,
            note="a person named before the company keeps his first name"),
)
def company_before_first_name(body: str, entities: list[ArticleEntity]) -> list[ArticleEntity]:
    """"Vayu" after "Vayu Motors Ltd" and "the Vayu Breeze": a word standing alone that is in
    a company's name and opens a later name (a product, a brand the model took for a person's
    first name) is the company: news calls companies by their first word, people by their
    surname, not by their first name.

    Notes:
        Only when the company (its name ending in a company word: "Ltd", "Motors", "Group") was
        named before the other name; the other name keeps its own full mentions.
    """
    companies = [e for e in entities if e.entity_type == "ORG" and len(e.canonical_name.split()) > 1
                 and alias_key(e.canonical_name.split()[-1]) in _COMPANY_WORDS]
    for entity in entities:
        name_words = entity.canonical_name.split()
        if entity in companies or len(name_words) < 2:
            continue
        first_word = alias_key(name_words[0])
        alone = [m for m in entity.mentions if alias_key(m.text) == first_word]
        full = [m for m in entity.mentions if m not in alone]
        if not alone or not full:
            continue
        owners = [c for c in companies if first_word in (alias_key(w) for w in c.canonical_name.split()[:-1])
                  and min(m.char_start for m in c.mentions) < min(m.char_start for m in full)]
        if len(owners) != 1:
            continue
        entity.mentions[:] = [m for m in entity.mentions if m not in alone]
        owners[0].mentions.extend(replace(m, label="ORG", repaired_by="company_before_first_name") for m in alone)
    return entities


# Last words that make a longer name an organisation a one-word "person" can be the short name
# of ("Tavira" for "Tavira Mining Group", "Harvard" for "Harvard University").
_ORG_LAST_WORDS = _COMPANY_WORDS | words("org_suffixes")
_KIND_OPENERS = words("name_kind_openers")


@rule(
    Example("The bid topped an offer from Tavira Mining Group. Tavira declined to comment.", [("Tavira", "Tavira Mining Group")]),
    Example("Ana Costa joined Harvard University in May. Costa said she liked it.", None, note="a surname of the article's people joins the person"),
    Example("Mount Etna erupted on Friday. The Etna Volcano Observatory said ash fell. Etna is Europe's most active volcano.", None,
            note="the name after a kind word ('Mount Etna') is that thing's"),
)
def person_named_company(body: str, entities: list[ArticleEntity]) -> list[ArticleEntity]:
    """"Tavira" (tagged a person) after "Tavira Mining Group": the organisation's short name.

    Notes:
        Only one-word "people" (a surname or first name of the article's people is already on
        them) that start exactly one organisation of the article ending in a company or
        organisation word; "Ferryman" beside no such name stays, and so does a name the
        article also writes after a kind word ("Etna" beside "Mount Etna").
    """
    orgs = [e for e in entities if e.entity_type == "ORG" and len(e.canonical_name.split()) > 1 and alias_key(e.canonical_name.split()[-1]) in _ORG_LAST_WORDS]
    # "Etna" beside "Mount Etna" is the mountain (``name_without_kind_word``), not the "Etna Volcano Observatory".
    led_by_kind = {alias_key(" ".join(e.canonical_name.split()[1:])) for e in entities
                   if len(e.canonical_name.split()) == 2 and e.canonical_name.split()[0].casefold() in _KIND_OPENERS}

    def owners_of(entity: ArticleEntity) -> list[ArticleEntity]:
        if entity.entity_type != "PERSON" or len(entity.canonical_name.split()) != 1 or alias_key(entity.canonical_name) in led_by_kind:
            return []
        return [o for o in orgs if alias_key(o.canonical_name.split()[0]) == alias_key(entity.canonical_name)]

    return _join_into_owners(entities, owners_of, "person_named_company")


_PARTICLES = words("name_particles")


def _is_company(entity: ArticleEntity) -> bool:
    """A name that ends in a legal form ("SA", "Ltd")."""
    return entity.canonical_name.split()[-1].rstrip(".").casefold() in _LEGAL_FORMS


@rule(
    Example("Korvex Resources Ltd agreed to buy Chilean copper miner Minera Altamira SA for $4.2 billion. \"Altamira gives us the best deposit,\" he said.", [("Altamira", "Minera Altamira SA")]),
    Example("Stockport Harriers FC agreed to a takeover on Thursday. Fans said Harriers deserved better.", [("Harriers", "Stockport Harriers FC")]),
    Example("The Center for American Progress, a think tank, said American workers would gain.", None),
    Example("The dam is owned by Mineração Serra Dourada SA. Serra Dourada said the evacuation was preventive.",
            [("Serra Dourada", "Mineração Serra Dourada SA")], note="the two middle words of a company's name"),
    Example("Terminales del Turia SA will buy cranes. “This is about jobs,” Turia’s managing director told the paper.", [("Turia", "Terminales del Turia SA")],
            note="a word the model took for a place, inside a company's name with a particle"),
)
def inner_short_name(body: str, entities: list[ArticleEntity]) -> list[ArticleEntity]:
    """"Altamira" after "Minera Altamira SA", "Harriers" after "Stockport Harriers FC": an
    organisation called by the distinctive word inside its name.

    Notes:
        Only a one-word name the model did not call a place (or called a place no gazetteer
        knows and the article never writes as one, for a company), that is a middle word (neither
        the first nor the last) of exactly one organisation of three or four capitalised words,
        and no country, nationality, company or organisation word: "American" stays apart from
        "Center for American Progress" and "North American Free Trade Agreement".
    """
    # Names of capitalised words only: "Center for American Progress" describes, it is not named after "American".
    # A company with a legal form may hold a particle ("Terminales del Turia SA").
    orgs = [e for e in entities if e.entity_type == "ORG" and 3 <= len(e.canonical_name.split()) <= 4
            and all(w[:1].isupper() or w in _PARTICLES and _is_company(e) for w in e.canonical_name.split())]

    def owners_of(entity: ArticleEntity) -> list[ArticleEntity]:
        key = alias_key(entity.canonical_name)
        if len(key.split()) == 2 and entity.entity_type in ("ORG", "PERSON", "GPE", "LOC") and known_place(key) is None:
            # "Serra Dourada" after "Mineração Serra Dourada SA": the two middle words of a company.
            return [o for o in orgs if _is_company(o) and len(o.canonical_name.split()) == 4
                    and key == " ".join(alias_key(w) for w in o.canonical_name.split()[1:-1])]
        # "Turia" (a river to the model) after "Terminales del Turia SA": no place the article writes as one.
        unknown_place = entity.entity_type in ("GPE", "LOC") and known_place(key) is None and not _ever_a_place(entity, body)
        if entity.entity_type not in ("PERSON", "NORP", "ORG") and not unknown_place or len(key.split()) != 1 or key in _ORG_LAST_WORDS or key in _SMALL_WORDS or is_country(key):
            return []
        if unknown_place:
            return [o for o in orgs if _is_company(o) and key in [alias_key(w) for w in o.canonical_name.split()[1:-1]]]
        if entity.entity_type == "NORP" and (not key.endswith("s") or key.endswith(("ss", *_NATIONALITY_ENDINGS))):
            return []  # "American", "Swiss": a nationality; a plural ("Harriers", "Rovers") names a team
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


_INVERTIBLE_KINDS = words("invertible_kind_nouns")


def _inverted_key(name: str) -> str | None:
    """"Defence Ministry" -> "ministry of defence": the "K of X" form of an "X K" name whose
    kind K is invertible, as an alias key; None for other names."""
    words_ = name.split()
    if len(words_) >= 2 and words_[-1].casefold() in _INVERTIBLE_KINDS and words_[0][:1].isupper():
        return alias_key(f"{words_[-1]} of {' '.join(words_[:-1])}")
    return None


@rule(
    Example("The Ministry of Defence confirmed the sale. Defence Ministry officials said the jets would arrive in May.",
            [("Defence Ministry", "Ministry of Defence")]),
    Example("The University of Oxford said fees would rise. Oxford University has 26,000 students.", [("Oxford University", "University of Oxford")]),
    Example("The Ministry of Defence confirmed the sale. The Health Ministry said nothing.", None, note="another field"),
)
def inverted_kind_name(body: str, entities: list[ArticleEntity]) -> list[ArticleEntity]:
    """"the Defence Ministry" and "the Ministry of Defence", "Oxford University" and "the
    University of Oxford": an organisation named by its kind and field in either order
    (``invertible_kind_nouns``) is one organisation, named by the "of" form.

    Notes:
        Only the same field words ("the Ministry of the Interior" and "the Interior Ministry");
        "the Ministry of Foreign Affairs and Trade" is no "Foreign Affairs Ministry".
    """
    of_forms = {}
    for entity in entities:
        words_ = entity.canonical_name.split()
        if entity.entity_type == "ORG" and len(words_) >= 3 and words_[0].casefold() in _INVERTIBLE_KINDS and words_[1] == "of":
            field = [w for w in words_[2:] if w.casefold() != "the"]
            of_forms.setdefault(alias_key(f"{words_[0]} of {' '.join(field)}"), []).append(entity)

    def owners_of(entity: ArticleEntity) -> list[ArticleEntity]:
        key = _inverted_key(entity.canonical_name) if entity.entity_type in ("ORG", "FAC") else None
        return of_forms.get(key, []) if key is not None else []

    return _join_into_owners(entities, owners_of, "inverted_kind_name")




def _without_legal_form(name: str) -> str:
    """"Autoestradas do Sado SA" -> "Autoestradas do Sado", "Tasman Data Services Pty Ltd" ->
    "Tasman Data Services": the name without the legal forms (``legal_form_words``) that end
    it, bracketed or not, keeping at least two words."""
    words_ = name.split()
    while len(words_) > 2 and words_[-1].strip("().,").casefold() in _LEGAL_FORMS:
        words_ = words_[:-1]
    return " ".join(words_)


def _initials_of(name: str, keep_small: bool) -> str:
    """"Bank of England" -> "BE" (small words skipped) or "BOE" (kept), in capitals."""
    return "".join(w[0] for w in name.replace("-", " ").split() if keep_small or w.lower() not in _SMALL_WORDS).upper()


@rule(Example("The Federal Aviation Administration grounded the jets. FAA inspectors began work on Monday.", [("FAA", "Federal Aviation Administration")]),
      Example("The Bank of England raised rates on Thursday. The BoE said inflation was too high.", [("BoE", "Bank of England")],
              note="mixed-case initials spell the small words too"),
      Example("Tasman Data Services Pty Ltd confirmed the leak. TDS said 2 million records were taken.", [("TDS", "Tasman Data Services Pty Ltd")],
              note="two legal forms end the name"),
      Example("Autoestradas do Sado SA lost its concession. The AdS chief resigned.", [("AdS", "Autoestradas do Sado SA")],
              note="the legal form gives no letter"),
      Example("The Banco Nacional de Fomento raised rates. The BNF said so. Bruno Nunes Ferreira disagreed.", [("BNF", "Banco Nacional de Fomento")],
              note="a person's initials are no owner"))
def initialisms(body: str, entities: list[ArticleEntity]) -> list[ArticleEntity]:
    """"EU" after "European Union", "US" after "United States", "BoE" after "Bank of
    England": a name in capitals (or in mixed case with two capitals or more, whose small
    letters spell small words: "BoE", "AdS") that spells the initials of exactly one longer
    organisation, place, nationality or facility of the article joins it, even when the text
    never defines it in brackets.

    Notes:
        Initials that fit two names join neither; a person's name is no owner (a person is
        not called by initials the text did not define).
    """
    longer = [e for e in entities if e.entity_type in ("ORG", "GPE", "LOC", "NORP", "FAC") and len(e.canonical_name.split()) > 1]

    def owners_of(entity: ArticleEntity) -> list[ArticleEntity]:
        letters = entity.canonical_name.replace(".", "")
        if entity.entity_type == "ORG" and (group := [e for e in longer if KNOWN_SHORT_NAMES.get(alias_key(e.canonical_name)) == alias_key(letters)]):
            return group  # "G7" after "the Group of Seven"
        if entity.entity_type not in ("ORG", "GPE") or not 2 <= len(letters) <= 6 or not letters.isalpha():
            return []
        if letters.isupper():
            return [e for e in longer if letters in (_initials_of(e.canonical_name, False), _initials_of(_without_legal_form(e.canonical_name), False))]
        if sum(c.isupper() for c in letters) >= 2 and letters[0].isupper():
            return [e for e in longer if letters.upper() in (_initials_of(e.canonical_name, True), _initials_of(_without_legal_form(e.canonical_name), True))]
        return []

    return _join_into_owners(entities, owners_of, "initialisms")


_BARE_INSTITUTIONS = words("bare_institution_words")
_LEGISLATURE_NAMES = words("legislature_names")
_NATIONALITY_ENDINGS = tuple(sorted(words("nationality_endings")))


@rule(
    Example("Lawmakers of the European Parliament voted on Tuesday. Parliament will sit again next week.", [("Parliament", "European Parliament")]),
    Example("Crowds gathered outside the Capitol on Monday.", None, note="no full entity to join"),
    Example("The National Assembly for Wales debated the report. The Assembly will vote on Tuesday.", [("Assembly", "National Assembly for Wales")]),
    Example("Prague City Hall said the application was incomplete. City Hall did not say when it would decide.", [("City Hall", "Prague City Hall")]),
    Example("The Green Left Alliance will force a vote in the Riksdag, although the government holds a majority in Parliament.",
            [("Parliament", "Riksdag")], note="a parliament called by its own name (``legislature_names``)"),
    Example("The tax will take effect on July 1, the National Treasury said. Treasury officials expect a fall in sales.",
            [("Treasury", "National Treasury")]),
    Example("The bill needs the approval of the House of Representatives (DPR). Parliament will vote in August.",
            [("Parliament", "House of Representatives")], note="a lower house is the article's parliament"),
)
def bare_institution(body: str, entities: list[ArticleEntity]) -> list[ArticleEntity]:
    """A bare "Parliament", "Capitol" or "Senate" joins the one full entity of the article it
    stands for ("the European Parliament", "the Parliament of Georgia"), whatever the model
    called either of them.

    Notes:
        Two full entities ending in the word ("the Scottish Parliament", "the UK Parliament")
        keep the bare word apart; the words are in ``bare_institution_words.txt``. With no
        full entity so named, a bare "Parliament" joins the article's one parliament called
        by its own name ("the Riksdag", ``legislature_names.txt``).
    """
    full = [e for e in entities if e.entity_type in ("ORG", "FAC", "GPE") and len(e.canonical_name.split()) > 1]

    def stands_for(entity: ArticleEntity, word: str) -> bool:
        words = [alias_key(w) for w in entity.canonical_name.split()]
        bare = word.split()
        # "the Scottish Parliament", "the Parliament of Georgia", "the National Assembly for Wales", "Prague City Hall"
        return len(words) > len(bare) and words[-len(bare):] == bare or any(w == word and words[i + 1] in ("of", "for") for i, w in enumerate(words[:-2]))

    # "the Riksdag ... a majority in Parliament": a parliament called by its own name.
    legislatures = [e for e in entities if e.entity_type in ("ORG", "FAC", "GPE") and alias_key(e.canonical_name) in _LEGISLATURE_NAMES]

    def owners_of(entity: ArticleEntity) -> list[ArticleEntity]:
        key = alias_key(entity.canonical_name)
        if key not in _BARE_INSTITUTIONS or entity.entity_type not in ("ORG", "FAC", "GPE", "LOC"):
            return []
        owners = [e for e in full if stands_for(e, key)]
        if not owners and key == "parliament" and len(legislatures) == 1:
            return legislatures
        return owners

    return _join_into_owners(entities, owners_of, "bare_institution")


def _metonyms() -> dict[str, frozenset[str]]:
    """``institution_metonyms.txt`` read: a place's key -> the keys of the institutions it names."""
    found = {}
    for entry in words("institution_metonyms"):
        place, _, names = entry.partition(":")
        found[alias_key(place)] = frozenset(alias_key(name) for name in names.split(";") if name.strip())
    return found


_METONYMS = _metonyms()


@rule(
    Example("The Scottish Parliament will vote on Tuesday. Holyrood passed a similar bill in 2019.", [("Holyrood", "Scottish Parliament")]),
    Example("Tourists crowded Holyrood on Sunday.", None, note="no institution to join"),
)
def institution_metonym(body: str, entities: list[ArticleEntity]) -> list[ArticleEntity]:
    """A place news writes for the institution that sits there ("Holyrood" for the Scottish
    Parliament, "Stormont", "Capitol Hill") joins that institution's entity when the article
    names it (``institution_metonyms.txt``).

    Not: the place in an article that does not name the institution (it stays a name of its
    own, whatever the model called it).
    """
    by_key = {alias_key(e.canonical_name): e for e in entities if e.entity_type in ("ORG", "FAC", "GPE")}

    def owners_of(entity: ArticleEntity) -> list[ArticleEntity]:
        names = _METONYMS.get(alias_key(entity.canonical_name), frozenset())
        return [by_key[name] for name in names if name in by_key]

    return _join_into_owners(entities, owners_of, "institution_metonym")


# Letters that carry no separable accent, so NFKD leaves them whole: written as handles and
# English spellings write them ("Søren" @SorenK, "Łódź" Lodz, "Straße" Strasse).
_PLAIN_LETTERS = str.maketrans({"ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ß": "ss", "ł": "l", "Ł": "L",
                                "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th", "ı": "i", "ħ": "h", "Ħ": "H"})


@lru_cache(maxsize=65536)
def _unaccented(text: str) -> str:
    """"Inês" -> "ines", "Søren" -> "soren": a name as handles and unaccented spellings write
    it, case folded (memoised: the joins ask for the same few hundred names thousands of times
    an article)."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.translate(_PLAIN_LETTERS)) if not unicodedata.combining(c)).casefold()


_HANDLE = re.compile(r"(?<![\w@])@[A-Za-z][A-Za-z0-9_]{1,30}")


def _spells(handle: str, words: list[str]) -> bool:
    """The handle is prefixes of the name's words in order, from the first word or the last
    ("kmorales", "skyvaleair", "harrierstrust"), with at least one whole word of three letters."""

    def fits(rest: str, i: int, whole: bool) -> bool:
        if not rest:
            return whole
        return any(rest.startswith(words[j][:n]) and fits(rest[n:], j + 1, whole or (n == len(words[j]) >= 3)) for j in range(i, len(words)) for n in range(len(words[j]), 0, -1) if j == i or i > 0)

    return bool(words) and (fits(handle, 0, False) or handle == words[-1])


@rule(
    Example("Karen Morales, the mayor of Brightvale, posted the news. “We did it,” @KMorales wrote.", [("@KMorales", "Karen Morales")]),
    Example("Skyvale Airways collapsed on Tuesday. Its account, @SkyvaleAir, still sold fares.", [("@SkyvaleAir", "Skyvale Airways")]),
    Example("Inês Furtado leads the polls. She posted the photograph under her handle, @InesFurtadoAF, on Monday.",
            [("@InesFurtadoAF", "Inês Furtado")], note="accents dropped, a party's initials after the name"),
    Example("Søren Kierkby chairs the flood board. Kierkby, posting as @SorenKierkby, apologised on Monday.",
            [("@SorenKierkby", "Søren Kierkby")], note="a letter without a separable accent, written plain"),
    Example("The club's fans wrote to @FanVoice on Monday.", None, note="a handle that spells nobody of the article"),
    Example("The campaign group Friends of Harbour Hills Zoo started a petition on Monday. The group posted it as @FriendsOfHHZ.",
            [("@FriendsOfHHZ", "Friends of Harbour Hills Zoo")], note="a small word of the name spelled in full"),
    Example("The Danish Postal Workers' Union (DPF) said on X, where it posts as @DPF_dk, that jobs would go.",
            [("@DPF_dk", "Danish Postal Workers' Union")], note="the initials the article gave it, a country code beside them"),
)
def social_handle(body: str, entities: list[ArticleEntity]) -> list[ArticleEntity]:
    """A social-media handle ("@KMorales", "@SkyvaleAir") is a mention of the one person or
    organisation of the article whose name it spells (``_spells``): initials or prefixes of the
    name's words in order, digits and underscores aside; or that holds, in capitals, the
    initials the article wrote for one organisation ("@DPF_dk" for "... Union (DPF)").

    Notes:
        A handle that fits two entities, or none, is no mention; a handle the model tagged as a
        name of its own joins its entity the same way.
    """
    named = [e for e in entities if e.entity_type in ("PERSON", "ORG") and not e.canonical_name.startswith("@")]

    def spelled_by(letters: str) -> list[ArticleEntity]:
        # Small words are left out ("@SkyvaleAir") or spelled in full ("@FriendsOfHHZ").
        def spelt(entity: ArticleEntity, keep_small: bool) -> bool:
            return _spells(letters, [re.sub(r"[^a-z]", "", _unaccented(w)) for w in alias_key(entity.canonical_name).split() if keep_small or w not in _SMALL_WORDS])

        return [e for e in named if spelt(e, False) or spelt(e, True)]

    short_forms: dict[str, list[ArticleEntity]] = {}
    for entity in named:
        for form in {m.text for m in entity.mentions if len(m.text) >= 3 and m.text.isupper() and m.text.isalpha()}:
            short_forms.setdefault(form, []).append(entity)

    def by_short_form(handle: str) -> list[ArticleEntity]:
        # "@DPF_dk", "@DokerzyBDU": the initials the article gave the organisation, with a
        # country code or a word of its own language beside them.
        pieces = re.findall(r"[A-Z]{3,}(?![a-z])", handle)
        found = {id(e): e for piece in pieces for e in short_forms.get(piece, [])}
        return list(found.values()) if len(found) == 1 else []

    def owners(handle: str) -> list[ArticleEntity]:
        letters = re.sub(r"[^a-z]", "", handle.casefold())
        # "@InesFurtadoAF", "@JaneDoeMP": a party's or an office's capitals after the name.
        suffix = re.search(r"(?<=[a-z])[A-Z]{1,3}$", handle)
        return spelled_by(letters) or (spelled_by(letters[: -len(suffix.group())]) if suffix else []) or by_short_form(handle)

    kept = _join_into_owners(entities, lambda e: owners(e.canonical_name) if e.canonical_name.startswith("@") else [], "social_handle")
    taken = [(m.char_start, m.char_end) for e in kept for m in e.mentions]
    for match in _HANDLE.finditer(body):
        start, end = match.span()
        fitting = owners(match.group())
        if len(fitting) == 1 and not any(start < e and s < end for s, e in taken):
            fitting[0].mentions.append(Mention(start, end, match.group(), fitting[0].entity_type, None, "social_handle"))
    return kept


@rule(
    Example("Republicans demanded a recount. The Republican candidate lost by 200 votes.", [("Republican", "Republicans")]),
    Example("Germans bought more cars. The German government cut taxes.", [("German", "Germans")]),
)
def plural_of_group(body: str, entities: list[ArticleEntity]) -> list[ArticleEntity]:
    """"Republicans" and "Republican", "Germans" and "German": a nationality or group word and
    its plural are one entity (the model tags both NORP), named by the plural, the group
    that speaks ("Democrats said").

    Notes:
        Only NORP names of one word that differ by a final "s".
    """
    groups = {e.canonical_name: e for e in entities if e.entity_type == "NORP" and " " not in e.canonical_name}

    def owners_of(entity: ArticleEntity) -> list[ArticleEntity]:
        if entity.entity_type != "NORP":
            return []
        plural = groups.get(entity.canonical_name + "s")
        return [plural] if plural is not None and plural is not entity else []

    return _join_into_owners(entities, owners_of, "plural_of_group")


_FORMER_NAME = re.compile(r",\s+(?:(?:which\s+(?:was\s+)?)?(?:founded|created|established|launched|started|set\s+up|registered)(?:\s+in\s+\d{4})?\s+(?:and\s+known\s+)?as"
                          r"|formerly(?:\s+known\s+as)?|previously\s+known\s+as|once\s+known\s+as|then\s+called"
                          r"|(?:which|who)\s+(?:changed|took\s+over)\s+its\s+name\s+from|(?:which\s+was\s+)?renamed\s+from"
                          r"|(?:which\s+)?(?:dropped|abandoned|shed)\s+(?:the|its)\s+(?:old\s+|former\s+)?name|(?:which\s+)?(?:traded|raced|played|competed|operated)\s+as)\s+(?:the\s+)?")


# "Zeeland Verzekeringen Groep NV (ZVG) will change its name to Zevera", "Zeeland Leven NV, will
# become Zevera Leven": the new name right after the organisation (and its short form).
_NEW_NAME = re.compile(r"(?:\s+\([A-Z][\w&.-]{1,9}\))?,?\s+(?:(?:which|that)\s+)?(?:will|is\s+to|is\s+set\s+to|plans\s+to)\s+"
                       r"(?:change\s+its\s+name\s+to|be\s+renamed(?:\s+as)?|become|rebrand\s+as|trade\s+as|compete\s+as)\s+(?:the\s+)?")


def _name_ending_at(ends: dict[int, ArticleEntity], body: str, at: int) -> ArticleEntity | None:
    """The entity a mention of which ends at ``at``, or right before a short form in brackets
    that ends there ("the Hellenic Public Health Agency (HPHA), known until 2020 as")."""
    owner = ends.get(at)
    if owner is None and body[:at].endswith(")"):
        owner = ends.get(body.rfind("(", 0, at) - 1)
    return owner


def _word_before(body: str, end: int) -> str | None:
    """The capitalised word right before ``end`` when it opens a sentence or the body."""
    match = re.search(r"(?:^|[.!?]\s+)([A-Z][\w&-]+)$", body[:end])
    return match.group(1) if match else None


@rule(
    Example("Skyvale Airways, founded in 2004 as Severn Air, had struggled since the pandemic.", [("Severn Air", "Skyvale Airways")]),
    Example("Northwind Energy, formerly Baltic Power Group, said profits rose.", [("Baltic Power Group", "Northwind Energy")]),
    Example("Skyvale Airways collapsed on Tuesday. Skyvale, founded in 2004 as Severn Air, had struggled.", [("Severn Air", "Skyvale Airways")]),
    Example("Shamba Ledger, which changed its name from FarmPay in 2022, lends to farmers.", [("FarmPay", "Shamba Ledger")]),
    Example("The regulator fined Streamwell on Monday. Streamwell, which was launched in 2012 as FilmBox Nederland, said it would appeal.",
            [("FilmBox Nederland", "Streamwell")]),
    Example("Banco Meridional will close 40 branches. The bank, which dropped the name Caixa Rural do Sul in 2015, said it would send vans.",
            [("Caixa Rural do Sul", "Banco Meridional")]),
    Example("Dutch insurer Zeeland Verzekeringen Groep NV (ZVG) will change its name to Zevera on June 1. Zevera will keep its offices.",
            [("Zevera", "Zeeland Verzekeringen Groep NV"), ("Zevera", "Zeeland Verzekeringen Groep NV")], note="the new name joins too"),
    Example("Members of the Joal Fishing Cooperatives Union (UCPJ), which was founded in 1987 as the Groupement des Pêcheurs de Joal, voted on Sunday.",
            [("Groupement des Pêcheurs de Joal", "Joal Fishing Cooperatives Union")], note="a short form in brackets between"),
    Example("The second-division team, Team Treviso Ciclismo, which raced as Trevigiani Pro Cycling until 2019, won.",
            [("Trevigiani Pro Cycling", "Team Treviso Ciclismo")], note="a name raced under is no person, whatever the model said"),
    Example("Aasivik Minerals A/S won the permit. The company, which traded as Nordic Rare Metals until its listing, expects to hire 350 people.",
            [("Nordic Rare Metals", "Aasivik Minerals A/S")]),
    Example("Kivi Capital will sell Pohjanlahti Shipyard Oy. The yard, founded in 1945 and known as Satakunta Telakka until 2011, builds ferries.",
            [("Satakunta Telakka", "Pohjanlahti Shipyard Oy")]),
    Example("Brightling Toys Ltd recalled 85,000 toys.\n\nThe company, founded in 1987 as Tasker & Sons, has pulled the toy from sale.",
            [("Tasker & Sons", "Brightling Toys Ltd")], note="'The company' is the organisation named before"),
    Example("Brightling Toys Ltd recalled 85,000 toys, a mother told the South Wales Courier. Brightling blamed a supplier. "
            "“We are deeply sorry,” its director said.\n\nThe company, founded in 1987 as Tasker & Sons, has pulled the toy from sale.",
            [("Tasker & Sons", "Brightling Toys Ltd")], note="none in the sentence before: the one named most"),
)
def former_name(body: str, entities: list[ArticleEntity]) -> list[ArticleEntity]:
    """"Skyvale, founded in 2004 as Severn Air, ...", "Northwind, formerly Baltic Power", "Shamba
    Ledger, which changed its name from FarmPay", "which dropped the name X", "which traded as
    X until ...": the former name is the organisation's, set off by commas right after one of its mentions.

    Notes:
        Only an organisation named right before the comma (or its first word, opening the
        sentence: "Skyvale, founded ..."); a new name right after the organisation ("X will
        change its name to Y", "X, will become Y") joins too; "a group formerly led by Ana
        Costa" names no former name (no name before the comma).
    """
    starts = {m.char_start: e for e in entities for m in e.mentions}
    ends = {m.char_end: e for e in entities for m in e.mentions}
    orgs = [e for e in entities if e.entity_type == "ORG"]
    moves: dict[int, ArticleEntity] = {}
    for match in _FORMER_NAME.finditer(body):
        owner, former = _name_ending_at(ends, body, match.start()), starts.get(match.end())
        if owner is None and (word := _word_before(body, match.start())):
            # "Skyvale, founded ..." opening a sentence, untagged: the one organisation it names
            named = [e for e in orgs if alias_key(e.canonical_name.split()[0]) == alias_key(word)]
            owner = named[0] if len(named) == 1 else None
        if owner is None and former is not None:
            # "The company, founded in 1987 as Tasker & Sons,": the organisation the noun stands for
            owner = _organisation_the_noun_names(body, entities, former, match.start())
        # A name a team "raced as" or a company "traded as" is no person, whatever the model said.
        if owner is not None and former is not None and owner is not former and owner.entity_type == "ORG":
            moves[id(former)] = owner
    for mention_end, owner in ends.items():
        new_name = _NEW_NAME.match(body, mention_end)
        renamed = starts.get(new_name.end()) if new_name and owner.entity_type == "ORG" else None
        if renamed is not None and renamed is not owner and renamed.entity_type in ("ORG", "PERSON", "GPE", "LOC"):
            moves[id(renamed)] = owner
    return _join_into_owners(entities, lambda e: [moves[id(e)]] if id(e) in moves else [], "former_name")


# "known until 2017 as", "known in Germany as": a few words of when or where between.
_KNOWN_AS = re.compile(r"(?:,|\()\s*(?:which\s+(?:is|was|has\s+been)\s+)?(?:also\s+|better\s+|commonly\s+|widely\s+|previously\s+|formerly\s+)?"
                       r"(?:known\s+(?:(?:until|till|before|since|in|locally|abroad|there|here)\b[^,;:()“”\"]{0,30}?\s+)?as|called|named"
                       r"|known\s+by\s+(?:its|their|the)\s+(?:[A-Z][\w-]+\s+)?(?:initials|acronym|abbreviation))\s+(?:the\s+)?")
# "The company", "The 98-kilometre canal": the noun the comma follows, a modifier or two allowed.
_IT_WAS_KNOWN_AS = re.compile(r"\bIt\s+(?:was|is|had\s+been)\s+(?:previously\s+|formerly\s+|once\s+|originally\s+)?(?:known\s+as|called|named)\s+(?:the\s+)?")
_THE_ORGANISATION_NOUN = re.compile(r"\b[Tt]he\s+(?:[\w’'-]+\s+){0,2}?(?P<noun>[a-z]+)\s*$")
_ORG_NOUNS = words("org_nouns")
_DESCRIPTOR_NOUNS = _ORG_NOUNS | COMPANY_DESCRIPTORS


def _organisation_the_noun_names(body: str, entities: list[ArticleEntity], other: ArticleEntity, at: int) -> ArticleEntity | None:
    """The entity "The <noun>," right before ``at`` stands for: the one name of the article
    (an organisation, place or facility) that the noun ends ("the zoo": "Lakeshore Zoo"), else
    for an organisation noun the one organisation named before; of several, a company for a
    company noun, then the one named in the sentence before, then the one that opens it
    alone ("Brandauer said in a filing to the Exchange ..."; not "Kestrel and Vayu agreed"), or,
    with none in the sentence before, the one named most.
    ``other`` (the name being placed) is never the answer."""
    noun = _THE_ORGANISATION_NOUN.search(body[max(0, at - 40) : at])
    if noun is None:
        return None
    before = [e for e in entities if e is not other and min(m.char_start for m in e.mentions) < at]
    ending = [e for e in before if e.entity_type in ("ORG", "FAC", "LOC", "GPE") and len(e.canonical_name.split()) > 1 and e.canonical_name.split()[-1].casefold() == noun["noun"]]
    if len(ending) == 1:
        return ending[0]
    # "the yard" for "Pohjanlahti Shipyard Oy": a word of the name that is the noun or ends in it.
    holding = [e for e in before if e.entity_type == "ORG" and len(noun["noun"]) >= 4 and any(w.casefold().endswith(noun["noun"]) for w in e.canonical_name.split())]
    if not ending and len(holding) == 1:
        return holding[0]
    if noun["noun"] not in _DESCRIPTOR_NOUNS:
        return None
    named_before = [e for e in before if e.entity_type == "ORG" and not any(m.repaired_by == "dateline" for m in e.mentions)]
    if len(named_before) > 1 and noun["noun"] in COMPANY_DESCRIPTORS:
        named_before = [e for e in named_before if not NON_COMPANY_WORDS & set(alias_key(e.canonical_name).split())]
    if len(named_before) > 1:
        window = _previous_sentence_start(body, at)
        in_window = [e for e in named_before if any(window <= m.char_start < at for m in e.mentions)]
        opening = [e for e in in_window if any(m.char_start == window and not re.match(r"\s*(?:,|and\b|or\b|&)", body[m.char_end :]) for m in e.mentions)]
        if not in_window:
            # None in the sentence before: the one named most so far, if one is named most.
            most = _named_most(named_before, at)
            in_window = [most] if most is not None else named_before
        named_before = opening if len(opening) == 1 else in_window
    return named_before[0] if len(named_before) == 1 else None


def _named_most(entities: list[ArticleEntity], at: int) -> ArticleEntity | None:
    """The one entity mentioned more often before ``at`` than any other (None on a tie or
    when none is mentioned there)."""
    counts = sorted(((sum(m.char_start < at for m in e.mentions), id(e), e) for e in entities), key=lambda c: c[:2], reverse=True)
    if not counts or counts[0][0] == 0 or len(counts) > 1 and counts[0][0] == counts[1][0]:
        return None
    return counts[0][2]


def _previous_sentence_start(body: str, offset: int) -> int:
    """Where the sentence before the one holding ``offset`` starts (a rough cut at stops)."""
    stops = [m.end() for m in re.finditer(r"[.!?][\"”’]?\s+(?=[A-Z“\"])", body[:offset])]
    return stops[-2] if len(stops) >= 2 else 0


@rule(
    Example("Dansk Brevpost, Denmark's postal company, cut deliveries. The company, known as DBP, lost money. DBP said parcels were safe.",
            [("DBP", "Dansk Brevpost"), ("DBP", "Dansk Brevpost")], note="'the company' is the one organisation named before"),
    Example("The Northern Rail Partnership, better known as Railco, ran the line.", [("Railco", "Northern Rail Partnership")]),
    Example("Kestrel Mobile and Vayu Motors agreed a deal. The company, known as KMA, said so.", None, note="two organisations named before"),
    Example("Vestfisk Havbruk ASA cut its quota. The company, known until 2017 as Vestfisk Holding, declined to comment.",
            [("Vestfisk Holding", "Vestfisk Havbruk ASA")], note="when and where may stand between 'known' and 'as'"),
    Example("A red panda escaped from the Lakeshore Zoo. The zoo, which was known as the Burlington Children's Zoo until 2014, alerted police.",
            [("Burlington Children's Zoo", "Lakeshore Zoo")], note="the noun is the last word of one name named before"),
    Example("BrightCare Pharmacy Inc will close 412 stores. BrightCare blamed costs. It was known as Buckeye Drug until it was renamed in 2004.",
            [("Buckeye Drug", "BrightCare Pharmacy Inc")], note="'It was known as': the organisation named most"),
    Example("Telenor bought Mobilnord AS in May. Mobilnord, which was called Fjordtel until a rebranding in 2015, has 1.2 million customers.",
            [("Fjordtel", "Mobilnord AS")], note="'called' as 'known as'"),
    Example("The Hellenic Public Health Agency (HPHA), known until 2020 as the Centre for Infectious Diseases, said the ship was safe.",
            [("Centre for Infectious Diseases", "Hellenic Public Health Agency")], note="the short form in brackets stands between"),
    Example("Ships queued at the Kiel Canal. The 98-kilometre canal, known in Germany as the Nord-Ostsee-Kanal, links two seas.",
            [("Nord-Ostsee-Kanal", "Kiel Canal")], note="a place's other name"),
    Example("The Norwegian Fisheries Ministry cut the quota of Havbris ASA. The company, known until 2017 as Vestfisk Holding, declined to comment.",
            [("Vestfisk Holding", "Havbris ASA")], note="'the company' of an agency and a firm is the firm"),
    Example("Lindwurm Bank advised Brandauer Pharma GmbH on the deal. Shares of Brandauer Pharma GmbH fell 4%. The company, known as "
            "Donau Biologika until 2015, makes vaccines.", [("Donau Biologika", "Brandauer Pharma GmbH")],
            note="of two companies, the one named in the sentence before"),
    Example("Lindwurm Bank advised Brandauer Pharma GmbH on the deal. Brandauer Pharma GmbH said in a filing to the Frankfurt Stock Exchange "
            "that it had halted the line. The company, known as Donau Biologika until 2015, makes vaccines.",
            [("Donau Biologika", "Brandauer Pharma GmbH")], note="of two in the sentence before, the one that opens it"),
)
def short_name_known_as(body: str, entities: list[ArticleEntity]) -> list[ArticleEntity]:
    """"The company, known as DBP, ...", "the Northern Rail Partnership (known as NRP)", "The
    zoo, which was known until 2014 as ...": the name after "known as" is the organisation
    named right before the comma, or the one organisation the article named before "the
    company" / "the union" / "the agency", or the one name of the article (an organisation,
    a place or a facility) that the noun ends ("the zoo": "Lakeshore Zoo"; "the canal": "Kiel
    Canal"); after "It was known as", the organisation named most before.

    Notes:
        A person is never a short name ("the singer, known as Ana"), except a name the model
        took for one after "The company, known as"; with two organisations named before "the
        company", the one named in the sentence before, else neither.
    """
    starts = {m.char_start: e for e in entities for m in e.mentions}
    ends = {m.char_end: e for e in entities for m in e.mentions}
    moves: dict[int, ArticleEntity] = {}
    for match in _KNOWN_AS.finditer(body):
        short = starts.get(match.end())
        if short is None:
            continue
        owner = _name_ending_at(ends, body, match.start())
        noun = _THE_ORGANISATION_NOUN.search(body[max(0, match.start() - 40) : match.start()])
        if short.entity_type == "PERSON" and not (owner is None and noun is not None and noun["noun"] in COMPANY_DESCRIPTORS):
            continue  # a person is no short name, unless "The company, known as ..." says it is one
        if owner is None:
            owner = _organisation_the_noun_names(body, entities, short, match.start())
        if owner is not None and owner is not short and (owner.entity_type == "ORG" and (short.entity_type != "PERSON" or noun is not None) or owner.entity_type in ("FAC", "LOC", "GPE") and short.entity_type != "PERSON" and noun is not None):
            moves[id(short)] = owner
    for match in _IT_WAS_KNOWN_AS.finditer(body):
        # "It was known as Buckeye Drug until it was renamed": the organisation named most before.
        short = starts.get(match.end())
        if short is None or short.entity_type == "PERSON":
            continue
        most = _named_most([e for e in entities if e is not short and e.entity_type == "ORG"], match.start())
        if most is not None:
            moves[id(short)] = most
    return _join_into_owners(entities, lambda e: [moves[id(e)]] if id(e) in moves else [], "short_name_known_as")


_ALIAS_VERB_FORMS = words("alias_verb_forms")
# "Ireti Balogun, who performs as Reeti", "Kieran Lowry, who runs a charter firm and posts
# footage every day as @lowryreef", "Dana Holt tweets as @dholt": the subject (the name right
# before, or before ", who"), a few words, one of ``alias_verb_forms``, a few words, "as".
_FREE_WORD = r"[^\s.,;:!?\"“”()]+\s+"
_GIVEN_AS = re.compile(r"(?:,\s+(?:who|which)\s+(?:" + _FREE_WORD + r"){0,6}?|\s+(?:also\s+|now\s+|still\s+)?)(?:"
                       + "|".join(sorted(_ALIAS_VERB_FORMS, key=len, reverse=True)) + r")\s+(?:" + _FREE_WORD + r"){0,5}?as\s+(?=[A-Z@])")
# "Sidecan, as the plant is known locally, ...": the name before the comma is another name of the thing the noun stands for.
# What may follow the other name: the clause ends, or a preposition goes on ("posts as @x on
# X"); "posted the video as Google announced ..." is "as" the conjunction, no name given.
_NAME_GIVEN_ENDS = re.compile(r"\s*(?:[,.;:!?)\"”’]|$)|\s+(?:on|in|at|since|for|from|with|until|to|during|and|or|every|each|but)\b")
_AS_IT_IS_KNOWN = re.compile(r",\s+as\s+(?:the|its)\s+(?P<noun>[a-z]+(?:\s+[a-z]+)?)\s+(?:is|was|are|were)\s+(?:[a-z]+ly\s+|also\s+|better\s+|often\s+)?(?:known|called|nicknamed)\b")
_PLACE_NOUNS = words("admin_area_words") | GEO_FEATURE_WORDS | PLACE_SUFFIX_WORDS


def _word_prefixes(short: str, name: str) -> bool:
    """Whether ``short`` is the name's words (small words aside) each cut to a prefix, in
    order, every word used ("Sidecan" for "Siderúrgica del Cantábrico", "EPP" for "Estradas
    Públicas de Portugal")."""
    name_words = [re.sub(r"[^a-z]", "", _unaccented(w)) for w in alias_key(name).split() if w not in _SMALL_WORDS]
    letters = re.sub(r"[^a-z]", "", _unaccented(short))

    def fits(rest: str, i: int) -> bool:
        if i == len(name_words):
            return not rest
        return any(rest.startswith(name_words[i][:n]) and fits(rest[n:], i + 1) for n in range(min(len(name_words[i]), len(rest)), 0, -1))

    return len(name_words) >= 2 and bool(letters) and fits(letters, 0)


@rule(
    Example("Afrobeats singer Ireti Balogun, who performs as Reeti, won album of the year. Reeti's first single came out in 2016.",
            [("Reeti", "Ireti Balogun"), ("Reeti", "Ireti Balogun")]),
    Example("\"It is alive,\" said Kieran Lowry, who runs Lowry Reef Charters and posts footage every day as @lowryreef.",
            [("@lowryreef", "Kieran Lowry")], note="a handle the subject posts as, though it spells the company"),
    Example("Shares of the steelmaker Siderúrgica del Cantábrico fell on the Bombay Stock Exchange. Sidecan, as the plant is known locally, "
            "has made steel since 1957. Sidecan employs 1,400 people.", [("Sidecan", "Siderúrgica del Cantábrico"), ("Sidecan", "Siderúrgica del Cantábrico")],
            note="of the organisations named before, the one the name spells"),
    Example("Marta Ruiz, who served as Spain's ambassador, said talks would resume.", None, note="not a naming verb"),
    Example("Ana Costa, who performed as a child in Lisbon, said she was happy.", None, note="no name after 'as'"),
    Example("Marta Ruiz posted the video as Google announced the deal.", None, note="'as' the conjunction: a clause follows the name"),
)
def name_given_as(body: str, entities: list[ArticleEntity]) -> list[ArticleEntity]:
    """"Ireti Balogun, who performs as Reeti", "Kieran Lowry ... posts footage every day as
    @lowryreef": a name (or a handle) after "as" following a verb of performing, posting or
    trading (``alias_verb_forms``) whose subject is a named person or organisation is that
    subject's other name; and "Sidecan, as the plant is known locally, ...": the name before
    the comma is another name of the organisation (or, for "the city", the place) named
    before it whose words it spells, or of the only one named before.

    Notes:
        A place or a country after "as" is no other name ("who boxed as Ireland's captain"),
        nor a name a clause goes on from ("posted it as Google announced ...": "as" the conjunction);
        "who served as minister" has no naming verb; with two organisations named before "as
        the company is known" and none spelled, nothing joins.
    """
    starts = {m.char_start: e for e in entities for m in e.mentions}
    moves: dict[int, ArticleEntity] = {}
    handles: list[tuple[int, int, str, ArticleEntity]] = []
    for owner in entities:
        if owner.entity_type not in ("PERSON", "ORG"):
            continue
        for mention in owner.mentions:
            match = _GIVEN_AS.match(body, mention.char_end)
            if match is None:
                continue
            alias = starts.get(match.end())
            if alias is None:
                if (handle := _HANDLE.match(body, match.end())) and _NAME_GIVEN_ENDS.match(body, handle.end()):
                    handles.append((handle.start(), handle.end(), handle.group(), owner))
            elif not _NAME_GIVEN_ENDS.match(body, max(m.char_end for m in alias.mentions if m.char_start == match.end())):
                continue  # "posted the video as Google announced the deal": a conjunction
            elif alias is not owner and alias.entity_type not in ("GPE", "LOC") and known_place(alias.canonical_name) is None and not is_country(alias.canonical_name):
                moves[id(alias)] = owner
    for alias in entities:
        first = min(m.char_start for m in alias.mentions)
        for mention in alias.mentions:
            match = _AS_IT_IS_KNOWN.match(body, mention.char_end)
            if match is None:
                continue
            kinds = ("GPE", "LOC") if match["noun"].split()[-1] in _PLACE_NOUNS else ("ORG", "FAC")
            before = [e for e in entities if e is not alias and e.entity_type in kinds and len(e.canonical_name.split()) > 1
                      and min(m.char_start for m in e.mentions) < first]
            spelled = [e for e in before if _word_prefixes(alias.canonical_name, e.canonical_name)]
            # A name the model took for a person's only by its spelling.
            owners = spelled or (before if len(before) == 1 and alias.entity_type != "PERSON" else [])
            if len(owners) == 1:
                moves[id(alias)] = owners[0]
    kept = _join_into_owners(entities, lambda e: [moves[id(e)]] if id(e) in moves else [], "name_given_as")
    taken = [(m.char_start, m.char_end) for e in kept for m in e.mentions]
    for start, end, text, owner in handles:
        if not any(start < e and s < end for s, e in taken):
            owner.mentions.append(Mention(start, end, text, owner.entity_type, None, "name_given_as"))
    return kept


# "the Waterways Authority (NBWA)": a short form in brackets right after the name.
_SHORT_FORM_IN_BRACKETS = re.compile(r"[ \u00a0]\(([^()\s]{2,20})\)")


@rule(
    Example("Jens Kroll, head of the North Sea-Baltic Canal Service (NBCS), said the locks were shut. The NBCS said divers were at work.",
            [("NBCS", "North Sea-Baltic Canal Service")], note="the model tags the name a place and the later NBCS an organisation"),
    Example("The Andean Mining and Geology Service (Sernamin) will inspect the mine. Sernamin said it was safe.",
            [("Sernamin", "Andean Mining and Geology Service")], note="the model tags only the later use: it joins"),
    Example("Protests spread from Lyon (France) to Geneva.", None, note="a place in brackets is no short form"),
)
def defined_short_name(body: str, entities: list[ArticleEntity]) -> list[ArticleEntity]:
    """"the North Sea-Baltic Canal Authority (NBCA)", "the Andean Mining and Geology Service
    (Sernamin)": a one-word name the article defines in brackets right after an organisation's
    name is that organisation's short form, whatever its letters spell (``initialisms`` only
    joins initials it can spell).

    Notes:
        Only a name of several words (an organisation, or one the model called a place or a
        facility) and a bracketed word that is no place the gazetteer knows and no person:
        "Lyon (France)" and "Ana Costa (PSD)" stay apart; an entity that has other names
        besides the short form is not moved.
    """
    # Of mentions ending at one place ("Remontées Mécaniques de Val Dorène", "Val Dorène"), the longest.
    longest: dict[int, tuple[int, ArticleEntity]] = {}
    for entity in entities:
        for m in entity.mentions:
            if m.char_end not in longest or m.char_start < longest[m.char_end][0]:
                longest[m.char_end] = (m.char_start, entity)
    starts = {(m.char_start, m.char_end): e for e in entities for m in e.mentions}
    moves: dict[int, ArticleEntity] = {}
    for match in _SHORT_FORM_IN_BRACKETS.finditer(body):
        start, owner = longest.get(match.start(), (None, None))
        if owner is None or " " not in body[start : match.start()].strip():
            continue
        # The bracketed word itself, or, where the model left it untagged, its later uses.
        short = starts.get(match.span(1)) or next((e for e in entities if alias_key(e.canonical_name) == alias_key(match[1])), None)
        if short is None or owner is short or any(alias_key(m.text) != alias_key(match[1]) for m in short.mentions):
            continue  # an entity with other names ("Val Dorène" grouped with "RMVD") is no mere short form
        if owner.entity_type in ("ORG", "LOC", "FAC") and short.entity_type not in ("PERSON", "GPE") and known_place(match[1]) is None:
            moves[id(short)] = owner
    return _join_into_owners(entities, lambda e: [moves[id(e)]] if id(e) in moves else [], "defined_short_name")


# "the House" is the chamber, not the White House: building and government-body words name
# institutions of their own.
_INSTITUTION_WORDS = words("building_words") | words("government_body_words")


@rule(Example("LIMA (Andes Wire) - Miners were freed on Monday. One of them spoke to Andes Wire by phone.", [("Andes Wire", "Andes Wire")],
              note="when the model tags the second one a facility or a person"))
def dateline_agency(body: str, entities: list[ArticleEntity]) -> list[ArticleEntity]:
    """The news agency of the dateline ("LIMA (Andes Wire) -") named again in the text ("she
    told Andes Wire") is the same organisation, whatever the model called it there.

    Notes:
        Only the same name; an agency not in the dateline keeps the model's type.
    """
    agencies = {alias_key(e.canonical_name): e for e in entities if e.entity_type == "ORG" and any(m.repaired_by == "dateline" for m in e.mentions)}

    def owners_of(entity: ArticleEntity) -> list[ArticleEntity]:
        agency = agencies.get(alias_key(entity.canonical_name))
        return [agency] if agency is not None and entity.entity_type in ("ORG", "FAC", "PERSON", "GPE", "LOC", "PRODUCT", "WORK_OF_ART") else []

    return _join_into_owners(entities, owners_of, "dateline_agency")


@rule(
    Example("Banca Emiliana and Credito Padano agreed to merge into Banca Emiliana Padana. Emiliana was founded in Bologna in 1867.", [("Emiliana", "Banca Emiliana")]),
    Example("Shares of Credito Alto rose after its merger with Banca Sud. Alto shareholders will get new shares.", [("Alto", "Credito Alto")]),
    Example("Deutsche Bank cut jobs. The Bank of England kept rates.", None, note="an organisation word is no short name"),
    Example("Shares of Banca Emiliana rose. Bologna welcomed the deal.", None, note="a known place stays a place"),
    Example("The White House wanted 60 votes. Republicans took control of the House.", None, note="a building or chamber word is no short name"),
)
def last_word_short_name(body: str, entities: list[ArticleEntity]) -> list[ArticleEntity]:
    """"Emiliana" after "Banca Emiliana", "Villa" after "Aston Villa": an organisation of two
    words called by its last one.

    Notes:
        Only a one-word name (no nationality: "Democratic") that is the last word of exactly
        one organisation of two words,
        no known place, no organisation, building or chamber word ("Bank", "Parliament", "House")
        and no word of a person's name of the
        article; a middle word of a longer name ("Banca Emiliana Padana") does not count.
    """
    orgs = [e for e in entities if e.entity_type == "ORG" and len(e.canonical_name.split()) == 2 and "," not in e.canonical_name
            and all(w[:1].isupper() for w in e.canonical_name.split())]
    people_words = {alias_key(w) for e in entities if e.entity_type == "PERSON" and len(e.canonical_name.split()) > 1 for w in e.canonical_name.split()}

    def owners_of(entity: ArticleEntity) -> list[ArticleEntity]:
        key = alias_key(entity.canonical_name)
        if len(entity.canonical_name.split()) != 1 or entity.entity_type not in ("GPE", "LOC", "ORG", "PERSON") or key in people_words:
            return []
        if key in _ORG_LAST_WORDS or key in _SMALL_WORDS or key in _BARE_INSTITUTIONS or key in _ORG_NOUNS or key in _INSTITUTION_WORDS or known_place(entity.canonical_name) is not None:
            return []
        return [o for o in orgs if alias_key(o.canonical_name.split()[-1]) == key]

    return _join_into_owners(entities, owners_of, "last_word_short_name")


@rule(
    Example("Shipping was halted on the Oder River on Monday. Barges on the Oder waited.", [("Oder", "Oder River")]),
    Example("Crews from the Harwick Rowing Club trained at dawn on Monday. Harwick finished third in the final.", [("Harwick", "Harwick Rowing Club")]),
    Example("Residents of Hastings met on Monday. The Hastings Council said it would act.", None, note="named before the longer name: its own entity"),
    Example("Doctors at Harlow Bay Hospital treated the crew. A member of the Harlow Bay council said ferries would resume.", None,
            note="a council with a lower-case tail is another body"),
    Example("The regulator fined Banque Mosellane de Gestion SA on Thursday. Banque Mosellane manages 9 billion euros.",
            [("Banque Mosellane", "Banque Mosellane de Gestion SA")], note="particles in lower case inside the longer name"),
    Example("The ship is operated by Hamburg-based Brandt & Sohl Reederei. Brandt & Sohl said the ship was carrying 1,740 containers.",
            [("Brandt & Sohl", "Brandt & Sohl Reederei")], note="an ampersand joins the leading words"),
    Example("Canada signed an agreement with the Thunder Creek Nation on Wednesday. The park will stay open to hunting by Thunder Creek members.",
            [("Thunder Creek", "Thunder Creek Nation")], note="a name the model called a place, unknown to the gazetteer and never written as one"),
    Example("The Integrity Board of the Portuguese Professional Football League must approve the deal. The Integrity Board said it would rule in May.",
            [("Integrity Board", "Integrity Board of the Portuguese Professional Football League")], note="a long name's words before 'of'"),
)
def leading_words_short_name(body: str, entities: list[ArticleEntity]) -> list[ArticleEntity]:
    """"Brondby" after "Brondby Foods", "Oder" after "Oder River", "Tideway" after "Tideway
    Rowing Club": a name of one or two words that the article writes only after introducing
    exactly one organisation or place (of at most four words, six with particles such as "de")
    that it opens, whatever type the
    model gave either.

    Notes:
        The short name must never be written before the longer one is (a town named first
        stays a town), must be no known place, country, name the model called a place (GPE,
        unless the gazetteer does not know it and the article never writes it as a place;
        a LOC only beside a place, or one coined word beside an organisation: "Revontuli" for
        "Revontuli Interactive", not "Calder Valley"), organisation with a lower-case tail ("the Western Isles
        council") or person's name word of the article,
        and must start exactly one such name; "Vermont" stays a state beside "Vermont Motors".
    """
    owners_by_key: dict[str, list[ArticleEntity]] = {}
    for owner in entities:
        words_ = owner.canonical_name.split()
        # "Banque Mosellane de Gestion SA": small words of a name in lower case count as its words.
        if owner.entity_type in ("ORG", "LOC", "FAC", "GPE") and 2 <= len(words_) <= 6 and words_[0][:1].isupper() \
                and all(w[:1].isupper() or w in _SMALL_WORDS or w == "&" for w in words_) and (len(words_) <= 4 or any(w in _SMALL_WORDS for w in words_)):
            # Its leading words, less at least one: "Tideway" and "Tideway Rowing" for "Tideway Rowing Club";
            # "Brandt & Sohl" for "Brandt & Sohl Reederei".
            for cut in range(1, min(len(words_) - 1, 3 if "&" in words_ else 2) + 1):
                if all(w[:1].isupper() or w == "&" for w in words_[:cut]) and words_[cut - 1] != "&":
                    owners_by_key.setdefault(alias_key(" ".join(words_[:cut])), []).append(owner)
        # "Integrity Board" for "Integrity Board of the Portuguese Professional Football League":
        # the capitalised words before "of", however long the rest.
        of = words_.index("of") if "of" in words_ else 0
        if owner.entity_type == "ORG" and 2 <= of <= 4 and len(words_) > 6 and all(w[:1].isupper() for w in words_[:of]):
            owners_by_key.setdefault(alias_key(" ".join(words_[:of])), []).append(owner)
    people_words = {alias_key(w) for e in entities if e.entity_type == "PERSON" and len(e.canonical_name.split()) > 1 for w in e.canonical_name.split()}

    def owners_of(entity: ArticleEntity) -> list[ArticleEntity]:
        name = entity.canonical_name
        key = alias_key(name)
        # A place the model tagged GPE is itself ("Valais" beside "Valais Alps"), unless the
        # gazetteer does not know it and it is never written as a place ("Thunder Creek members"
        # beside "the Thunder Creek Nation").
        unknown_gpe = entity.entity_type == "GPE" and not _ever_a_place(entity, body)
        if len(name.split()) > (3 if "&" in name.split() else 2) or entity.entity_type not in ("ORG", "LOC", "FAC", "PERSON") and not unknown_gpe or known_place(name) is not None or is_country(name):
            return []
        if key in people_words or key in _ORG_LAST_WORDS or key in _SMALL_WORDS or any(m.repaired_by == "lower_case_org_tail" for m in entity.mentions):
            return []  # "the Western Isles council" is another body than "Western Isles Hospital"
        owners = owners_by_key.get(key, [])
        if len(owners) != 1 or entity.entity_type == "LOC" and owners[0].entity_type not in ("LOC", "FAC") and not _coined_word(name):
            return []  # "Western Isles" (a place) beside "Western Isles Hospital"
        introduced = min(m.char_start for m in owners[0].mentions)
        first_short = re.search(r"(?<!\w)" + re.escape(name) + r"(?!\w)", body)
        return owners if first_short is not None and first_short.start() >= introduced else []

    return _join_into_owners(entities, owners_of, "leading_words_short_name")


# "Alaska's governor", "Kalinga, India": a name written as a place's owner or before its country.
# "the governor of Alaska", "flights to Alaska": words that make a known place's name a place.
_PLACE_WORD_BEFORE = re.compile(r"\b(?:of|from|to|into|at|for)\s+(?:the\s+)?$")
_PLACE_USE_AFTER = re.compile(r"(?:['’]s?\s|,\s+[A-Z]|-based\b)")


@rule(
    Example("Silver Basin Lithium Corp said the permit was unlawful. Silver Basin shares rose 11 percent.",
            [("Silver Basin", "Silver Basin Lithium Corp")], note="when the model tags the short name a location"),
    Example("Mumbai-based Kalinga Steel Ltd will close the plant. The union said Kalinga would pay redundancy.",
            [("Kalinga", "Kalinga Steel Ltd")], note="a province's name, never written as a place"),
    Example("Alaska Airlines Inc cut flights. Alaska's governor said the state would help.", None, note="written as a place's owner: the state"),
    Example("Japan Airlines Ltd cut flights. Japan will pay for the new airport.", None, note="a country stays a country"),
    Example("Alaska Airlines Inc cut flights. The governor of Alaska said the state would help.", None, note="a known place after 'of': the state"),
    Example("Voters in Kalinga are angry. Kalinga Steel Ltd will close the plant. Kalinga would pay.", None, note="written as a place first"),
    Example("Kairys signed with Spanish club Valverde Basket on Thursday. Valverde will pay his former club a fee.",
            [("Valverde", "Valverde Basket")], note="a club called by its town (``club_sport_endings``, ``club_name_endings``)"),
)
def company_name_taken_for_place(body: str, entities: list[ArticleEntity]) -> list[ArticleEntity]:
    """"Silver Basin" (tagged a location) after "Silver Basin Lithium Corp", "Kalinga" (a
    province the gazetteer knows) after "Kalinga Steel Ltd": a name of one or two words that
    opens exactly one company or club name of the article (ending in a legal form or a company
    word: "Ltd", "Corp", "Group", ``legal_form_words``, ``brand_company_words``; or a club's
    ending: "FC", "Basket") and is written only
    after it, never as a place, is the company's short name, whatever type the model or the
    gazetteer gives it.

    Notes:
        Never a country ("Japan" beside "Japan Airlines"); never a name written after a place
        preposition ("in Kalinga"; for a place the gazetteer knows, also "of", "from", "to":
        "the governor of Alaska"), as a place's owner ("Alaska's governor"), before a comma
        and a capital ("Kalinga, India") or before "-based"; never a name written before the
        company is; ``leading_words_short_name`` joins the names no one calls a place.
    """
    companies: dict[str, list[ArticleEntity]] = {}
    for owner in entities:
        words_ = owner.canonical_name.split()
        if owner.entity_type == "ORG" and len(words_) >= 2 and alias_key(words_[-1]) in _COMPANY_WORDS | _CLUB_ENDINGS | _CLUB_SPORTS:
            for cut in range(1, min(len(words_) - 1, 2) + 1):
                if all(w[:1].isupper() for w in words_[:cut]):
                    companies.setdefault(alias_key(" ".join(words_[:cut])), []).append(owner)

    def owners_of(entity: ArticleEntity) -> list[ArticleEntity]:
        name = entity.canonical_name
        owners = companies.get(alias_key(name), [])
        if len(owners) != 1 or entity.entity_type not in ("GPE", "LOC") or len(name.split()) > 2 or is_country(name) or _ever_a_place(entity, body):
            return []
        if any(_PLACE_USE_AFTER.match(body, m.char_end) for m in entity.mentions):
            return []
        if known_place(name) is not None and any(_PLACE_WORD_BEFORE.search(body, max(m.char_start - 12, 0), m.char_start) for m in entity.mentions):
            return []  # "the governor of Alaska": a place the gazetteer knows, written as one
        introduced = min(m.char_start for m in owners[0].mentions)
        first_short = re.search(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", body)
        return owners if first_short is not None and first_short.start() >= introduced else []

    return _join_into_owners(entities, owners_of, "company_name_taken_for_place")


def _coined_word(name: str) -> bool:
    """One word that names no kind of place ("Revontuli", not "Western" or "Valley"): a model's
    LOC that may be a company's short name."""
    key = alias_key(name)
    return " " not in key and key not in GEO_FEATURE_WORDS and key not in COMPASS_ADJECTIVES and key not in PLACE_SUFFIX_WORDS


# Joins by how a name is spelled, defined in their own module after what they use of this one.
from transforms.entities.descriptions import described_as_organisation  # noqa: E402
from transforms.entities.name_joins import accent_variant, compound_surname, first_of_two_surnames, headline_name_prefix, headline_name_suffix, misspelt_surname, name_without_kind_word, one_entity_per_name, particle_surname  # noqa: E402


# All run, in this order: senses first, so a short name meets its entity's settled type.
ENTITY_JOINS: tuple[Rule, ...] = (
    dateline_agency,  # "Andes Wire" (FAC) -> the dateline's "Andes Wire" (ORG)
    one_sense_per_article,  # "Arlen" (GPE) and "Arlen" (ORG) -> the place
    one_type_per_name,  # "Kellanova" (PERSON) and "Kellanova" (ORG) -> the company
    one_entity_per_name,  # "Tovara" (ORG) and "Tovara" (PERSON) -> one entity
    described_as_organisation,  # "Kirjeposti, Finland's state-owned postal company," (LOC) -> ORG
    company_before_first_name,  # "Vayu" -> "Vayu Motors Ltd", not "the Vayu Breeze"
    name_without_legal_form,  # "Pohjola Air" -> "Pohjola Air Oy"
    short_org_names,  # "Kestrel" -> "Kestrel Mobile ASA"
    person_named_company,  # "Tavira" (PERSON) -> "Tavira Mining Group"
    inner_short_name,  # "Altamira" -> "Minera Altamira SA"
    last_word_short_name,  # "Emiliana" -> "Banca Emiliana"
    leading_words_short_name,  # "Oder" -> "Oder River"
    company_name_taken_for_place,  # "Silver Basin" (LOC) -> "Silver Basin Lithium Corp"
    accent_variant,  # "Milovanovic" -> "Dragana Milovanović"
    particle_surname,  # "De Groot" -> "Femke de Groot"
    compound_surname,  # "Mendes Ferreira" -> "Rui Mendes Ferreira"
    first_of_two_surnames,  # "Rodríguez" -> "Ana María Rodríguez Salas"
    headline_name_prefix,  # "Rip Donald Trump" (a headline) -> "Donald Trump"
    headline_name_suffix,  # "Clinton Plan" (a headline) -> "Hillary Clinton"
    misspelt_surname,  # "Thibodeu" -> "Nadine Thibodeau"
    short_place_names,  # "Nakuru" -> "Nakuru County"
    inverted_kind_name,  # "Defence Ministry" -> "Ministry of Defence"
    name_without_kind_word,  # "Triglav" -> "Mount Triglav"
    initialisms,  # "FAA" -> "Federal Aviation Administration"
    defined_short_name,  # "Sernageomin" -> "National Geology and Mining Service (Sernageomin)"
    bare_institution,  # "Parliament" -> "European Parliament"
    institution_metonym,  # "Holyrood" -> "Scottish Parliament"
    former_name,  # "Skyvale, founded in 2004 as Severn Air" -> Skyvale Airways
    plural_of_group,  # "Republican" -> "Republicans"
    short_name_known_as,  # "The company, known as DBP," -> Dansk Brevpost
    name_given_as,  # "Ireti Balogun, who performs as Reeti" -> one person
    social_handle,  # "@KMorales" -> "Karen Morales"
)


def join_entities(body: str, entities: list[ArticleEntity]) -> list[ArticleEntity]:
    """Every join of ``ENTITY_JOINS``, in order."""
    for join in ENTITY_JOINS:
        entities = join.function(body, entities)
    return entities
