"""Repairs that keep the span the model tagged and change its label (see ``ENTITY_REPAIRS``)."""

from __future__ import annotations

import re

from spacy.tokens import Token

from transforms.entities.aliases import alias_key
from transforms.entities.places import known_place
from transforms.entities.repairs.tagged import Repair, TaggedEntity
from transforms.entities.words import COMPASS_ADJECTIVES, LEADING_WORDS, after_company_descriptor, is_capitalised, is_place_object
from transforms.lexicon import BUILDING_WORDS, EVENT_WORDS, ORG_NOUNS, GEO_FEATURE_WORDS, KNOWN_ORGS, ORG_SUFFIXES, STORM_WORDS, STREET_WORDS, SURNAME_LIKE_BUILDING_WORDS, TITLE_WORDS
from transforms.lexicons import words as lexicon_words
from transforms.rules import Example, rule

_COMPASS_POINTS = lexicon_words("compass_points")
_NATIONALITY_ENDINGS = tuple(sorted(lexicon_words("nationality_endings")))
_EVENT_NAMES = lexicon_words("event_names")
_NUMBERED_EVENT = re.compile(r"(?:COP|G)\d{1,2}$")
_COMPANY_VERB_FORMS = lexicon_words("company_verb_forms")
_ADMIN_AREA_WORDS = lexicon_words("admin_area_words")
_HONOUR_WORDS = lexicon_words("honour_words")
_AWARD_VERBS = lexicon_words("award_verbs")
_AWARD_LAST_WORDS = lexicon_words("award_last_words")
# Lower-case nouns that say a name beside them is an organisation ("the insurer", "the utility").


@rule(
    Example("Shares of Newmont rose on Friday.", [("Newmont", "ORG")]),
    Example("A court revived a lawsuit against streaming company Lumora Media on Monday.", [("Lumora Media", "ORG")]),
    Example("Sales rose after Japanese drugmaker Takeda cut prices.", None, note="the model tags no Takeda: untagged_name finds it"),
)
def company_after_descriptor(e: TaggedEntity) -> Repair | None:
    """A name after a company descriptor ("Japanese drugmaker Takeda") or after "shares of"
    ("Shares of Newmont rose") is an organisation, whatever the model called it.

    Not: a descriptor in capitals ("Drugmaker Takeda" opening a sentence); a name the model
    already tagged ORG, EVENT, LOC or LAW.
    """
    if e.label in ("PERSON", "GPE", "FAC", "PRODUCT", "NORP", "WORK_OF_ART") and (after_company_descriptor(e.words[0]) or _after_shares_of(e.words[0])):
        return e.whole("ORG")
    return None


def _after_shares_of(token: Token) -> bool:
    """"Shares of Newmont rose": what has shares is a company."""
    doc = token.doc
    return token.i >= 2 and doc[token.i - 1].lower_ in ("of", "in") and doc[token.i - 2].lower_ in ("shares", "stock", "stake")


@rule(Example("Apple sold more of the iPhone in China.", [("iPhone", "PRODUCT")]))
def camel_case_product(e: TaggedEntity) -> Repair | None:
    """A one-word name in lower-then-upper case ("the iPhone", "eBay") is a product.

    Not: names of several words ("the iPhone 15").
    """
    if len(e.words) == 1 and e.words[0].text[:1].islower() and e.words[0].text[1:2].isupper():
        return e.whole("PRODUCT")
    return None


@rule(
    Example("Officials met at the Rameshwaram Cafe in the city.", [("the Rameshwaram Cafe", "ORG")]),
)
def facility_run_by_org(e: TaggedEntity) -> Repair | None:
    """A "facility" ending in an organisation word ("the Rameshwaram Cafe", "St. Mary's
    Hospital") is the organisation that runs it.

    Not: one-word facilities.
    """
    if e.label == "FAC" and len(e.words) > 1 and e.last in ORG_SUFFIXES:
        return e.whole("ORG")
    return None


@rule(Example("MPs from Bangalore South and Mumbai North met.", [("Mumbai North", "GPE")]))
def constituency(e: TaggedEntity) -> Repair | None:
    """A known place and a compass point ("Bangalore South") tagged a person or an
    organisation is a constituency, a place.

    Not: a compass point after a name the gazetteer does not know.
    """
    if e.label in ("PERSON", "ORG") and len(e.words) > 1 and e.last in _COMPASS_POINTS and known_place(" ".join(w.text for w in e.words[:-1])) is not None:
        return e.whole("GPE")
    return None


@rule(Example("The prime minister returned to 10 Downing Street on Monday.", [("10 Downing Street", "FAC")]))
def street_facility(e: TaggedEntity) -> Repair | None:
    """A place or organisation whose last word is a capitalised street word ("10 Downing
    Street") is a facility.

    Not: a street word in lower case ("the Downing street office").
    """
    if e.label in ("LOC", "GPE", "ORG") and len(e.words) > 1 and e.last in STREET_WORDS and is_capitalised(e.words[-1]):
        return e.whole("FAC")
    return None


@rule(Example("Russia would respond against Western assets held in its banks.", [("Western", "NORP")]))
def compass_adjective(e: TaggedEntity) -> Repair | None:
    """"Western" before a lower-case word ("Western assets") is an adjective, like a
    nationality, no place.

    Not: "the West" or "Western Australia".
    """
    doc = e.doc
    if e.label in ("GPE", "NORP") and len(e.words) == 1 and e.words[0].lower_ in COMPASS_ADJECTIVES and e.ent.end < len(doc) and doc[e.ent.end].is_lower:
        return e.whole("NORP")
    return None


@rule(Example("Moscow shelled Ukrainian cities overnight.", [("Ukrainian", "NORP")]))
def nationality_adjective(e: TaggedEntity) -> Repair | None:
    """A one-word "place" ending like a nationality before a lower-case word ("under
    Ukrainian control") is a nationality.

    Not: a word the gazetteer knows as a place ("Jordan", "Bhutan" end in -an only).
    """
    doc = e.doc
    if e.label == "GPE" and len(e.words) == 1 and e.words[0].lower_.endswith(_NATIONALITY_ENDINGS) and known_place(e.words[0].text) is None and e.ent.end < len(doc) and doc[e.ent.end].is_lower:
        return e.whole("NORP")
    return None


@rule(Example("Voters backed the ruling Morena party on Sunday.", [("Morena", "ORG")]))
def name_before_party(e: TaggedEntity) -> Repair | None:
    """A one-word name before "party" ("the ruling Morena party") is the party, an
    organisation.

    Not: names of several words ("the Liberal Democrats party" keeps the model's label).
    """
    doc = e.doc
    if e.label in ("GPE", "LOC", "PERSON", "NORP", "FAC", "ORG") and len(e.words) == 1 and e.ent.end < len(doc) and doc[e.ent.end].lower_ == "party":
        return e.whole("ORG")
    return None


@rule(
    Example("Oppenheimer won seven Oscars at the Academy Awards ceremony in Los Angeles.", [("Oscars", "EVENT"), ("the Academy Awards", "EVENT")]),
    Example("Nearly 200 countries agreed at the COP29 climate summit in Baku.", [("COP29", "EVENT")]),
)
def event_name(e: TaggedEntity) -> Repair | None:
    """Award ceremonies, games and numbered summits ("the Academy Awards", "the Oscars",
    "COP29") are events.

    Not: a one-word event outside ``event_names.txt``; a lower-case event word ("the awards").
    """
    if e.label in ("ORG", "PERSON", "GPE", "LOC", "FAC", "WORK_OF_ART", "PRODUCT") and _is_event_name(e.words):
        return e.whole("EVENT")
    return None


_HOLIDAY_NAMES = lexicon_words("feast_day_names") | lexicon_words("holiday_names")


@rule(
    Example("Residents over 65 have been able to book appointments since Easter.", [("Easter", "DATE")]),
    Example("Some cheeses could be scarce around Sinterklaas on December 5.", [("Sinterklaas", "DATE")]),
    Example("Easter Island lies far off the coast of Chile.", None, note="a name that goes on is no holiday"),
)
def holiday_name(e: TaggedEntity) -> Repair | None:
    """A feast or holiday ("Easter", "Sinterklaas", "Boxing Day"; ``feast_day_names`` and
    ``holiday_names``) tagged a place, an organisation or a person is a day of the calendar: no
    name (a DATE, as OntoNotes tags it).

    Not: a name that only starts with a holiday ("Easter Island", "Christmas Island"): the
    whole name must be on the list.
    """
    name = " ".join(t.lower_ for t in e.words if t.lower_ not in ("the",)).replace("’", "'")
    if e.label in ("GPE", "LOC", "ORG", "PERSON", "FAC", "NORP") and name in _HOLIDAY_NAMES:
        return e.whole("DATE")
    return None


def _is_event_name(words: tuple[Token, ...]) -> bool:
    last = words[-1]
    if len(words) == 1:
        return last.lower_ in _EVENT_NAMES or (last.text.startswith("COP") and _NUMBERED_EVENT.match(last.text) is not None)
    return is_capitalised(last) and last.lower_ in EVENT_WORDS


@rule(
    Example("The president inspected the Tri-Service Guard of Honour on Monday.", [("Tri-Service Guard of Honour", "EVENT")]),
    Example("She received the Presidential Medal of Freedom at the White House.", [("Presidential Medal of Freedom", "EVENT")]),
    Example("She received the Distinguished Flying Cross at the palace.", [("Distinguished Flying Cross", "EVENT")]),
    Example("Volunteers of the Red Cross handed out food.", None, note="a cross that is no award's object is the organisation"),
    Example("Sorensen, who received the Order of the Dannebrog last year, spoke.", [("Order of the Dannebrog", "EVENT")]),
    Example("Soldiers of the Royal Guard of Honour lined the route.", [("Royal Guard of Honour", "EVENT"), ("Royal Guard of Honour", "EVENT")], note="the model tags both pieces"),
    Example("The Nobel Prize Committee met in Oslo.", None, note="a body named after a prize is an organisation"),
)
def honour_or_ceremony(e: TaggedEntity) -> Repair | None:
    """Honours, awards and ceremonies ("the Tri-Service Guard of Honour", "the Presidential
    Medal of Freedom") are events, not places or organisations: the capitalised phrase around
    the model's piece (joined by "of"), when one of its words is in ``honour_words.txt``.

    A name ending in "Cross", "Star" or opening with "Order" is an honour only as the object
    of an award verb ("received the Distinguished Flying Cross"; word lists ``award_verbs``,
    ``award_last_words``).

    Not: a phrase ending in an organisation word ("the Nobel Prize Committee"); a lower-case
    honour word ("a guard of honour"); "the Red Cross" (no award verb before it).
    """
    if e.label not in ("ORG", "GPE", "LOC", "FAC", "PERSON", "WORK_OF_ART", "PRODUCT", "NORP"):
        return None
    tokens = e.tokens
    first, end = e.ent.start + (tokens[e.ent.start].lower_ == "the"), e.ent.end
    while first > 0:
        step = next((n for n in (1, 2, 3) if _honour_name_before(tokens, first, n)), 0)
        if not step:
            break
        first -= step
    while end < len(tokens) and (is_capitalised(tokens[end]) or tokens[end].text == "-" or (tokens[end].lower_ == "of" and end + 1 < len(tokens) and is_capitalised(tokens[end + 1]))):
        end += 1
    run = [t for t in tokens[first:end] if t.is_alpha]
    if not run or run[-1].lower_ in ORG_SUFFIXES or run[-1].lower_ in ORG_NOUNS:
        return None
    if not any(is_capitalised(t) and t.lower_ in _HONOUR_WORDS for t in run) and not (_awarded(tokens, first) and (run[-1].lower_ in _AWARD_LAST_WORDS or run[0].lower_ in _AWARD_LAST_WORDS)):
        return None
    return [(tokens[first].idx, tokens[end - 1].idx + len(tokens[end - 1]), "EVENT")]


def _honour_name_before(tokens: tuple[Token, ...], first: int, n: int) -> bool:
    """The ``n`` tokens before ``first`` go on the name leftwards: a proper noun or hyphen
    (n=1), "Guard of" (n=2), "Order of the" (n=3)."""
    if first < n:
        return False
    head, between = tokens[first - n], [t.lower_ for t in tokens[first - n + 1 : first]]
    return (head.text == "-" and n == 1) or (is_capitalised(head) and head.pos_ == "PROPN" and between == ["of", "the"][: n - 1])


def _awarded(tokens: tuple[Token, ...], first: int) -> bool:
    """The phrase starting at ``first`` is the object of an award verb ("received the ...")."""
    before = [t for t in tokens[max(0, first - 3) : first] if t.lower_ not in ("the", "a", "an")]
    return bool(before) and before[-1].lower_ in _AWARD_VERBS


@rule(Example("The pilots of SNPL warned of strikes.", [("SNPL", "ORG")]))
def acronym_person(e: TaggedEntity) -> Repair | None:
    """A "person" written as one word of 2-6 capitals ("SNPL") is an organisation.

    Not: capitals with digits or dots.
    """
    word = e.words[0].text
    if e.label == "PERSON" and len(e.words) == 1 and word.isalpha() and word.isupper() and 2 <= len(word) <= 6:
        return e.whole("ORG")
    return None


@rule(Example("Unicef said it would send 1.5 million vaccine doses to Kazakhstan by March.", [("Unicef", "ORG")]),
      Example("The bill passed the Folketing on Tuesday.", [("the Folketing", "ORG")], note="a parliament by its own name, tagged a work of art"))
def known_org(e: TaggedEntity) -> Repair | None:
    """An international body known by name (``known_orgs.txt``: "Unicef", "Nasdaq") or a
    parliament called by its own name (``legislature_names.txt``: "the Folketing") tagged a
    person, a place, a nationality, a work, a product or a facility is an organisation.

    Not: bodies outside the list.
    """
    if e.label in ("PERSON", "GPE", "NORP", "LOC", "WORK_OF_ART", "PRODUCT", "FAC") and alias_key(re.sub(r"^the\s+", "", e.name, flags=re.IGNORECASE)) in KNOWN_ORGS:
        return e.whole("ORG")
    return None


# Last words that make a name a company's ("Vestkyst Shipping AS", "Harwick Holdings").
_COMPANY_ENDINGS = lexicon_words("legal_form_words") | lexicon_words("company_name_endings")


@rule(Example("The FTC has taken a tougher line on technology deals under its chair, Marcus Bell.", [("Marcus Bell", "PERSON")]),
      Example("A spokesman for the authority, Per Lunde, said the request would be reviewed.", [("Per Lunde", "PERSON")],
              note="the title's organisation stands between: 'a spokesman for the authority,'"))
def apposition_to_title(e: TaggedEntity) -> Repair | None:
    """A name of two or three capitalised words in apposition to a title ("its chair,
    Marcus Bell", "a spokesman for the authority, Per Lunde") is a person; read off the
    words, as the parser often hangs it elsewhere.

    Not: a name the model tagged a place, a nationality or an event; a name ending in a
    company's legal form ("Its owner, Vestkyst Shipping AS,").
    """
    ent, doc = e.ent, e.doc
    if e.label in ("ORG", "GPE", "FAC", "PRODUCT") and 2 <= len(e.words) <= 3 and ent[-1].text.rstrip(".").casefold() not in _COMPANY_ENDINGS:
        if ent.start >= 2 and doc[ent.start - 1].text == "," and _title_before(doc[ent.start - 2]) and all(is_capitalised(t) for t in ent if not t.is_punct):
            return e.whole("PERSON")
    return None


# Nouns of people acting for an organisation: a name set off after "a spokesman for the
# authority" is the spokesman's (``apposition_to_company_noun`` reads them too).
ROLE_NOUNS = TITLE_WORDS | lexicon_words("spokesperson_nouns")


def _title_before(word: Token) -> bool:
    """A title, or the organisation of a title ("a spokesman for [the authority]")."""
    if word.lower_ in TITLE_WORDS:
        return True
    return word.dep_ == "pobj" and word.head.lower_ in ("for", "of", "at") and word.head.head.lower_ in ROLE_NOUNS and word.head.head.i < word.i


_KINSHIP_NOUNS = lexicon_words("kinship_nouns")
_NAME_PARTICLES = lexicon_words("name_particles")


@rule(Example("Daniel Rourke runs the farm with his wife, Aoife. Daniel said the frost came early.", [("Aoife", "PERSON")]),
      Example("Flights to Tunisia resumed on Monday.", None))
def name_after_kinship(e: TaggedEntity) -> Repair | None:
    """A name of one to three capitalised words right after a possessive and a family word
    ("his wife, Aoife", "her son Jakub", ``kinship_nouns``) is a person.

    Not: a name the model already called a person; a family word without an owner ("Mother
    Teresa" is a title).
    """
    ent, doc = e.ent, e.doc
    if e.label == "PERSON" or not 1 <= len(e.words) <= 3 or not all(is_capitalised(t) for t in e.words):
        return None
    k = ent.start - 1
    if k >= 0 and doc[k].text == ",":
        k -= 1
    if k >= 1 and doc[k].lower_ in _KINSHIP_NOUNS and doc[k - 1].lower_ in ("his", "her", "their", "my", "our"):
        return e.whole("PERSON")
    return None


@rule(Example("That was the warning from Julia Marsh, chair of the residents' group.", [("Julia Marsh", "PERSON")]),
      Example("Lakemont Capital, chair of the lenders' group, said no.", None, note="a name ending in an organisation word"),
      Example("“There are boxes, but they are in the wrong places,” said Anneke de Vries, head of research at Freightlens.", [("Anneke de Vries", "PERSON")],
              note="a name particle inside the name"))
def name_before_title(e: TaggedEntity) -> Repair | None:
    """A name of two or three capitalised words followed by a comma and a lower-case title
    ("Julia Marsh, chair of the association") is a person, whatever the model called it.

    Not: a name ending in an organisation word ("Lakemont Capital, chair of ..."), a known
    place, or a name the model tagged a nationality or an event.
    """
    ent, doc = e.ent, e.doc
    if e.label not in ("ORG", "GPE", "FAC", "PRODUCT", "WORK_OF_ART") or not 2 <= len(e.words) <= 3 or e.place is not None:
        return None
    # "Anneke de Vries": a name particle may stand between the capitalised words.
    if e.last in ORG_SUFFIXES or not all(is_capitalised(t) or t.lower_ in _NAME_PARTICLES and 0 < k < len(e.words) - 1 for k, t in enumerate(e.words)) or ent.end + 1 >= len(doc):
        return None
    comma, title = doc[ent.end], doc[ent.end + 1]
    return e.whole("PERSON") if comma.text == "," and title.is_lower and title.lower_ in TITLE_WORDS else None


_AGE_AFTER = re.compile(r", \d{1,2}, ")


@rule(Example("The outage also hit the emergency number. One of those callers was Beatriz Moura, 71, whose husband collapsed at home.",
              [("Beatriz Moura", "PERSON")]),
      Example("Lakemont Capital, 12, led the table.", None, note="a name ending in an organisation word"))
def name_before_age(e: TaggedEntity) -> Repair | None:
    """A name of two or three capitalised words set off by an age between commas ("Beatriz
    Moura, 71, said") is a person, whatever the model called it (news gives ages of
    people only; ``name_with_age`` finds the names the model tagged as nothing).

    Not: a name ending in an organisation word ("Lakemont Capital, 12,"), a known place, or a
    name the model tagged a nationality or an event.
    """
    if e.label not in ("ORG", "GPE", "FAC", "PRODUCT", "WORK_OF_ART", "LOC") or not 2 <= len(e.words) <= 3 or e.place is not None:
        return None
    if e.last in ORG_SUFFIXES or not all(is_capitalised(t) for t in e.words):
        return None
    return e.whole("PERSON") if _AGE_AFTER.match(e.body, e.end) else None


@rule(
    Example("“We have waited,” board chair Amara Okafor said after the vote.", [("Amara Okafor", "PERSON")]),
    Example("The visit of foreign minister Sergey Lavrov was cancelled.", None, note="the model's own PERSON stood"),
)
def name_after_lower_title(e: TaggedEntity) -> Repair | None:
    """A name of two or three capitalised words right after a lower-case title ("board chair
    Amara Okafor") is a person, whatever the model called it (one sense: the title says who).

    Not: a known place, or a name ending in an organisation word ("chair Lakemont Water
    Authority" is no one); a title before a comma (``apposition_to_title``).
    """
    ent, doc = e.ent, e.doc
    if e.label not in ("ORG", "GPE", "LOC", "FAC", "PRODUCT", "NORP", "WORK_OF_ART") or not 2 <= len(e.words) <= 3 or ent.start == 0:
        return None
    before = doc[ent.start - 1]
    if not (before.is_lower and before.lower_ in TITLE_WORDS) or not all(is_capitalised(t) and t.is_alpha for t in e.words):
        return None
    if e.place is not None or e.last in ORG_SUFFIXES or e.last in ORG_NOUNS:
        return None
    return e.whole("PERSON")


@rule(
    Example("“India will always stand with Sri Lanka,” the minister said.", [("Sri Lanka", "GPE")]),
    Example("The Sri Lankan Navy detained 23 fishermen from Tamil Nadu last week.", [("Tamil Nadu", "GPE")]),
    Example("Officers arrested 34 people in raids in Algeciras and seized cars in Marbella.", [("Algeciras", "GPE"), ("Marbella", "GPE")]),
)
def known_place_name(e: TaggedEntity) -> Repair | None:
    """A known place (``transforms.entities.places``: countries, continents, states and
    provinces, large cities) tagged a person, an organisation, a nationality, a facility or
    another kind of place is a place ("Sri Lanka").

    Not: a name ending in an organisation word; a person's surname in the article; a small
    town tagged a person or an organisation (more likely the party or company: "Morena").
    """
    place = e.place
    if place is not None and (e.label in ("PERSON", "ORG", "NORP", "FAC") or e.label != place.label) and e.last not in ORG_SUFFIXES:
        if e.label not in ("PERSON", "ORG") or (place.prominent and e.words[-1].text not in e.surnames):
            return e.whole(place.label)
    return None


@rule(Example("The nation's territory lies along Burrard Inlet near Vancouver.", [("Burrard Inlet", "LOC")]),
      Example("Mount Etna hurled a column of ash 9 kilometres into the sky.", [("Mount Etna", "LOC")], note="a mountain opened by its feature word"))
def natural_feature_name(e: TaggedEntity) -> Repair | None:
    """A name of several words ending in a natural feature ("Burrard Inlet"), or opened by
    "Mount" ("Mount Etna", ``feature_opening_words``), is a location, not the organisation,
    person or product inside.

    Not: one-word names; a longer name after the mountain ("Mount Sinai Hospital" ends in an
    organisation word and is left to the organisation repairs).
    """
    if e.label in ("ORG", "PERSON", "FAC", "GPE", "EVENT") and e.last in GEO_FEATURE_WORDS and len(e.words) > 1:
        return e.whole("LOC")
    words = [w for w in e.words if w.lower_ != "the"]
    if e.label in ("ORG", "PERSON", "GPE", "PRODUCT") and len(words) == 2 and words[0].text in _FEATURE_OPENERS:
        return e.whole("LOC")
    return None


_FEATURE_OPENERS = lexicon_words("feature_opening_words")


@rule(Example("He also met Jake Sullivan at the White House on Friday.", [("the White House", "ORG")]))
def white_house(e: TaggedEntity) -> Repair | None:
    """"the White House" tagged a building or a place is the organisation news means by it.

    Not: "White House" tagged an organisation or a person (those stand).
    """
    if [w.lower_ for w in e.words if w.lower_ not in LEADING_WORDS] == ["white", "house"] and e.label in ("FAC", "GPE", "LOC"):
        return e.whole("ORG")
    return None


@rule(Example("Tanaka told reporters at Parliament House on Monday.", [("Parliament House", "FAC")]))
def building_name(e: TaggedEntity) -> Repair | None:
    """An organisation or a place of several words ending in a building word ("Parliament
    House") is a facility.

    Not: "the White House" (see ``white_house``).
    """
    if e.label in ("ORG", "GPE") and e.last in BUILDING_WORDS and len(e.words) > 1 and [w.lower_ for w in e.words[-2:]] != ["white", "house"]:
        return e.whole("FAC")
    return None


@rule(
    Example("Donald Trump won New York. As he spoke in the lobby of Trump Tower, there were no long speeches.", [("Trump Tower", "FAC")]),
)
def building_person(e: TaggedEntity) -> Repair | None:
    """A "person" ending in a building word ("Trump Tower") is a facility.

    Not: building words that are surnames too ("Tom House", "Field", "Bridge").
    """
    if e.label == "PERSON" and e.last in BUILDING_WORDS - SURNAME_LIKE_BUILDING_WORDS and len(e.words) > 1:
        return e.whole("FAC")
    return None


@rule(Example("Joint exercises would begin near Darwin next year.", [("Darwin", "GPE")]))
def person_after_place_preposition(e: TaggedEntity) -> Repair | None:
    """A one-word "person" after a place preposition ("near Darwin") is a place.

    Not: a word that is someone's surname in the article ("questioned Austin" after "Lloyd
    Austin"); "a stake in Vodafone" (a holding noun before "in").
    """
    if e.label == "PERSON" and len(e.words) == 1 and e.words[0].text not in e.surnames and is_place_object(e.words[0]):
        return e.whole("GPE")
    return None


@rule(Example("Storm Dagny closed roads on Sunday, officials said.", [("Storm Dagny", "EVENT")]))
def storm_name(e: TaggedEntity) -> Repair | None:
    """A named storm ("Storm Dagny", "Hurricane Milton") tagged a person or an organisation
    is an event.

    Not: the storm word alone ("the storm").
    """
    if e.label in ("PERSON", "ORG") and e.words[0].lower_ in STORM_WORDS and len(e.words) > 1:
        return e.whole("EVENT")
    return None


@rule(Example("The victims were taken to Manchester Royal Infirmary.", [("Manchester Royal Infirmary", "ORG")]))
def person_with_org_suffix(e: TaggedEntity) -> Repair | None:
    """A "person" whose last word is an organisation's ("Lakemont Capital") is an
    organisation.

    Not: an organisation word elsewhere in the name.
    """
    return e.whole("ORG") if e.label == "PERSON" and e.last in ORG_SUFFIXES else None


@rule(Example("The minister met her Portuguese counterpart, Ines Alves. Alves said the talks went well.", [("Ines Alves", "PERSON")]))
def speaking_surname(e: TaggedEntity) -> Repair | None:
    """A two- or three-word "product", "work", facility or organisation whose last word
    speaks alone elsewhere ("Ines Alves" ... "Alves said") is a person.

    Not: a name of four words or more, or with a lower-case word.
    """
    words = e.words
    if e.label in ("PRODUCT", "WORK_OF_ART", "FAC", "ORG") and 2 <= len(words) <= 3 and all(is_capitalised(t) for t in words) and words[-1].text in e.speakers:
        return e.whole("PERSON")
    return None


@rule(Example("The Governor warned that prices in Brightwater and Oakridge were still rising.", [("Brightwater", "GPE"), ("Oakridge", "GPE")]))
def org_after_place_preposition(e: TaggedEntity) -> Repair | None:
    """A one-word "organisation" after a place preposition ("prices in Brightwater") is a
    place.

    Not: organisation words, known bodies, "a stake in Vodafone" (a holding noun before "in").
    """
    word = e.words[0]
    if e.label == "ORG" and len(e.words) == 1 and word.lower_ not in ORG_SUFFIXES and alias_key(word.text) not in KNOWN_ORGS and is_place_object(word):
        return e.whole("GPE")
    return None


@rule(Example("Patients from Brennock and Tilby will be treated at the new wing.", [("Tilby", "GPE")]))
def coordinated_with_place(e: TaggedEntity) -> Repair | None:
    """A one-word "person" or "organisation" coordinated with a place ("in Dunmore and
    Ashford"), or with another one-word name after a place preposition, is a place.

    Not: "between Smith and Jones" (people); a list that also holds an organisation
    ("Microsoft, Amazon and Alphabet").
    """
    if e.label in ("ORG", "PERSON") and len(e.words) == 1 and _coordinated_with_place(e.words[0]):
        return e.whole("GPE")
    return None


def _coordinated_with_place(token: Token) -> bool:
    siblings = [token.head] if token.dep_ == "conj" else []
    siblings += [c for c in token.children if c.dep_ == "conj"]
    first = token.head if token.dep_ == "conj" else token
    after_place = is_place_object(first) and first.head.lower_ != "between"  # "between Smith and Jones": people
    # A list that also holds an organisation is no list of places: "Microsoft, Amazon and
    # Alphabet" (Alphabet tagged GPE) are companies.
    if not after_place and _coordinated_with_org(token):
        return False
    return any(s.ent_type_ in ("GPE", "LOC") or (after_place and s.ent_type_ in ("ORG", "PERSON") and is_capitalised(s)) for s in siblings)


def _coordinated_with_org(token: Token) -> bool:
    siblings = [token.head] if token.dep_ == "conj" else []
    siblings += [c for c in token.children if c.dep_ == "conj"]
    if token.dep_ == "conj":
        siblings += [c for c in token.head.children if c.dep_ == "conj" and c != token]
    return any(s.ent_type_ == "ORG" for s in siblings)


@rule(
    Example("Much of the growth came from data centres run by Microsoft, Amazon and Alphabet.", [("Alphabet", "ORG")]),
    Example("Nvidia reported record revenue.", [("Nvidia", "ORG")]),
)
def company_tagged_place(e: TaggedEntity) -> Repair | None:
    """A one-word "place" the gazetteer does not know, in a list with an organisation
    ("Amazon and Alphabet") or the subject of a company verb ("Nvidia reported"), is a
    company.

    Not: such a word after a place preposition ("in Alphabet").
    """
    if e.label == "GPE" and e.place is None and len(e.words) == 1:
        word = e.words[0]
        if not is_place_object(word) and (_coordinated_with_org(word) or (word.dep_ == "nsubj" and word.head.lower_ in _COMPANY_VERB_FORMS)):
            return e.whole("ORG")
    return None


@rule(Example("Many died in the coastal region of Pwani.", [("Pwani", "GPE")]))
def region_of_name(e: TaggedEntity) -> Repair | None:
    """A "person" or "organisation" after "the region of", "the town of" ... is a place.

    Not: "the state of the economy" (lower case, no entity).
    """
    ent, doc = e.ent, e.doc
    if e.label in ("ORG", "PERSON") and ent.start >= 2 and doc[ent.start - 1].lower_ == "of" and doc[ent.start - 2].lower_ in _ADMIN_AREA_WORDS:
        return e.whole("GPE")
    return None


@rule(Example("She worked at the Embassy for years.", [("Embassy", "ORG")]))
def org_noun_tagged_place(e: TaggedEntity) -> Repair | None:
    """A "place" whose last word is an organisation noun ("the Health Ministry" tagged GPE)
    is an organisation. Every rule above already reads the corrected label; this one names
    the correction when no other rule answered.

    Not: a place ending in any other word.
    """
    return e.whole(e.label) if e.label != e.ent.label_ else None
