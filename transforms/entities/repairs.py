"""ENTITY_REPAIRS: the small NER model's known news errors, fixed by cheap general rules.

Each entity the model tags goes through the registry in order; the first rule that answers
decides its mentions: a list of ``(char_start, char_end, label)`` (empty: no name at all).
An entity no rule answers keeps the model's span and label. Every mention a rule changed
carries the rule's name (``entity_mentions.repaired_by``).

Every rule reads the model's label after one correction: a "place" whose last word is an
organisation noun ("the Health Ministry" tagged GPE) is an ORG (``org_noun_tagged_place``,
named when no other rule answers).

Notes:
    A company named like a town after "in" ("sales in Shell") stays a wrong GPE; "the White
    House" stays the organisation news means by it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from spacy.tokens import Doc, Span, Token

from transforms.doc_text import doc_text
from transforms.entities.aliases import alias_key
from transforms.entities.places import Place, is_country, known_place
from transforms.entities.words import COMPASS_ADJECTIVES, LEADING_WORDS, after_company_descriptor, is_capitalised, is_place_object, particle_tail_end
from transforms.lexicon import BUILDING_WORDS, EVENT_WORDS, GEO_FEATURE_WORDS, GOVERNMENT_BODY_WORDS, KNOWN_ORGS, NON_ENTITY_ACRONYMS, ORG_NOUNS, ORG_SUFFIXES, STORM_WORDS, STREET_WORDS, SURNAME_LIKE_BUILDING_WORDS, TITLE_WORDS
from transforms.lexicons import words as lexicon_words
from transforms.rules import Example, Rule, rule

Repair = list[tuple[int, int, str]]

_COMPASS_POINTS = lexicon_words("compass_points")
_NATIONALITY_ENDINGS = tuple(sorted(lexicon_words("nationality_endings")))
_EVENT_NAMES = lexicon_words("event_names")
_NUMBERED_EVENT = re.compile(r"(?:COP|G)\d{1,2}$")
_LIST_PREPOSITIONS = lexicon_words("list_prepositions")
_COMPANY_VERB_FORMS = lexicon_words("company_verb_forms")
_ADMIN_AREA_WORDS = lexicon_words("admin_area_words")


@dataclass(frozen=True)
class TaggedEntity:
    """One entity the model tagged, with what the repairs read of it."""

    ent: Span
    label: str  # the model's label, a place named by an organisation noun already an ORG
    words: tuple[Token, ...]  # its tokens without punctuation
    speakers: frozenset[str] | set[str]  # one-word subjects of reporting verbs ("Alves said")
    surnames: frozenset[str] | set[str]  # last words of the article's people, and speakers

    @property
    def doc(self) -> Doc:
        return self.ent.doc

    @property
    def start(self) -> int:
        return self.ent.start_char

    @property
    def end(self) -> int:
        return self.ent.end_char

    @cached_property
    def name(self) -> str:
        return re.sub(r"\s*['’]s$", "", self.ent.text)  # as written, hyphens kept ("the Indo-Pacific")

    @cached_property
    def place(self) -> Place | None:
        return known_place(self.name)

    @property
    def last(self) -> str:
        return self.words[-1].lower_

    @property
    def following(self) -> Token | None:
        return self.doc[self.ent.end] if self.ent.end < len(self.doc) else None

    def whole(self, label: str) -> Repair:
        return [(self.start, self.end, label)]


@rule(
    Example("Shares of Newmont rose on Friday.", [("Newmont", "ORG")]),
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


@rule(Example("Exports to South-east Asia rose; South-east Asia buys more rice.", [("South-east Asia", "LOC")]))
def joined_place(e: TaggedEntity) -> Repair | None:
    """A place name the model cut in two ("South-east" + "Asia"): the whole, when the gazetteer
    knows it and the part after is capitalised.

    Not: a whole the gazetteer does not know, or a first part that is a known place itself.
    """
    if e.label not in ("GPE", "LOC"):
        return None
    ent, doc = e.ent, e.doc
    if ent.end >= len(doc) or not is_capitalised(doc[ent.end]):
        return None
    end = doc[ent.end].idx + len(doc[ent.end])
    place = known_place(doc_text(doc)[ent.start_char : end])
    return [(ent.start_char, end, place.label)] if place is not None and known_place(ent.text) is None else None


@rule(
    Example("Floods hit the state of Rio Grande do Sul in Brazil.", [("Rio Grande do Sul", "GPE")]),
)
def particle_tail(e: TaggedEntity) -> Repair | None:
    """A name going on through lower-case particles where the model cut it: "Luiz Inácio Lula
    da Silva" (a person), "Rio Grande do Sul" (a place when the gazetteer knows the whole).

    Not: an organisation or a nationality with a particle tail the gazetteer does not know.
    """
    if e.label not in ("PERSON", "GPE", "LOC", "NORP", "ORG"):
        return None
    end = particle_tail_end(e.ent[-1])
    if end is None:
        return None
    place = known_place(doc_text(e.doc)[e.start : end])
    if place is not None:
        return [(e.start, end, place.label)]
    return [(e.start, end, "PERSON")] if e.label == "PERSON" else None


@rule(Example("Police studied CCTV footage of the attack.", [("CCTV", None)]))
def non_entity_acronym(e: TaggedEntity) -> Repair | None:
    """Capitals that name nothing ("CCTV footage", "GDP"): no mention.

    Not: acronyms outside the list of non-entity acronyms (``non_entity_acronyms.txt``).
    """
    return [] if len(e.words) == 1 and e.words[0].text.upper() in NON_ENTITY_ACRONYMS else None


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


def _is_event_name(words: tuple[Token, ...]) -> bool:
    last = words[-1]
    if len(words) == 1:
        return last.lower_ in _EVENT_NAMES or (last.text.startswith("COP") and _NUMBERED_EVENT.match(last.text) is not None)
    return is_capitalised(last) and last.lower_ in EVENT_WORDS


@rule(
    Example("Investigators from the US National Transportation Safety Board would join the inquiry.", [("US", "GPE"), ("National Transportation Safety Board", "ORG")]),
)
def country_before_body(e: TaggedEntity) -> Repair | None:
    """"US Senate" -> "US" (GPE) + "Senate" (ORG): a country's abbreviation before a
    government body.

    Not: the body's own initials take the country in ("UK Health Security Agency (UKHSA)");
    a full country name leads official names ("Japan Meteorological Agency").
    """
    if e.label != "ORG" or len(e.words) <= 1:
        return None
    words = list(e.words)
    while words and words[0].lower_ in LEADING_WORDS:
        words = words[1:]
    if len(words) < 2:
        return None
    after = doc_text(words[0].doc)[words[-1].idx + len(words[-1]) :][:12]
    defined = re.match(r"\s*\(([A-Z]{2,10})\)", after)
    country, body = words[0], words[1:]
    letters = country.text.replace(".", "")
    # Only "US"/"UK": "Japan Meteorological Agency" and "Kenya National Commission" are names.
    if not (letters.isupper() and len(letters) <= 3 and is_country(country.text)) or (defined and defined[1].startswith(letters)):
        return None
    if body[-1].lower_ in GOVERNMENT_BODY_WORDS and is_capitalised(body[0]):
        return [(country.idx, country.idx + len(country), "GPE"), (body[0].idx, body[-1].idx + len(body[-1]), "ORG")]
    return None


@rule(Example("The opposition alliance, led by the Congress party's Rahul Gandhi, won 234 seats.", [("the Congress", "ORG")]))
def lower_case_org_tail(e: TaggedEntity) -> Repair | None:
    """An organisation ending in lower-case words ("the Congress party") is its capitalised
    part ("Congress").

    Not: an organisation all in lower case.
    """
    words = e.words
    if e.label == "ORG" and len(words) > 1 and words[-1].is_lower and any(is_capitalised(w) for w in words[:-1]):
        kept = [w for w in words if not (w.is_lower and w.i > max(i for i, x in enumerate(words) if is_capitalised(x)) + words[0].i)]
        return [(kept[0].idx, kept[-1].idx + len(kept[-1]), "ORG")]
    return None


@rule(Example("Ottawa failed to consult Indigenous communities adequately.", [("Indigenous", None)]))
def adjective_org(e: TaggedEntity) -> Repair | None:
    """An "organisation" that is one adjective ("Indigenous communities") is no name.

    Not: adjectives the tagger reads as proper nouns.
    """
    return [] if e.label == "ORG" and len(e.words) == 1 and e.words[0].tag_ == "JJ" else None


@rule(Example("Wildfires driven by strong winds burned homes.", [("Wildfires", None)]))
def plural_noun_opening_sentence(e: TaggedEntity) -> Repair | None:
    """A one-word "person" or "organisation" that is a plural noun opening a sentence
    ("Wildfires driven by ...") is no name.

    Not: the same noun inside a sentence.
    """
    if e.label in ("PERSON", "ORG") and len(e.words) == 1 and e.words[0].tag_ == "NNS" and e.words[0].is_sent_start:
        return []
    return None


@rule(Example("Pilots’ union SNPL warned of strikes at the airport.", [("SNPL", "ORG")]))
def acronym_person(e: TaggedEntity) -> Repair | None:
    """A "person" written as one word of 2-6 capitals ("SNPL") is an organisation.

    Not: capitals with digits or dots.
    """
    word = e.words[0].text
    if e.label == "PERSON" and len(e.words) == 1 and word.isalpha() and word.isupper() and 2 <= len(word) <= 6:
        return e.whole("ORG")
    return None


@rule(Example("Unicef said it would send 1.5 million vaccine doses to Kazakhstan by March.", [("Unicef", "ORG")]))
def known_org(e: TaggedEntity) -> Repair | None:
    """An international body known by name (``known_orgs.txt``: "Unicef", "Nasdaq") tagged a
    person, a place or a nationality is an organisation.

    Not: bodies outside the list.
    """
    if e.label in ("PERSON", "GPE", "NORP", "LOC") and alias_key(e.name) in KNOWN_ORGS:
        return e.whole("ORG")
    return None


@rule(Example("Romania’s Health Ministry said 14,000 cases had been recorded.", [("Romania", "GPE"), ("Health Ministry", "ORG")]))
def possessive_country_and_body(e: TaggedEntity) -> Repair | None:
    """"Romania's Health Ministry" tagged one organisation is the country and its ministry.

    Not: an owner the gazetteer does not know ("Acme's Board" stays one).
    """
    words = e.words
    possessive = next((i for i, w in enumerate(words) if w.lower_ in ("'s", "’s")), None)
    if e.label == "ORG" and possessive and possessive < len(words) - 1 and (owner := known_place(" ".join(w.text for w in words[:possessive]))):
        return [(words[0].idx, words[possessive - 1].idx + len(words[possessive - 1]), owner.label), (words[possessive + 1].idx, e.end, "ORG")]
    return None


@rule(Example("The FTC has taken a tougher line on technology deals under its chair, Marcus Bell.", [("Marcus Bell", "PERSON")]))
def apposition_to_title(e: TaggedEntity) -> Repair | None:
    """A name of two or three capitalised words in apposition to a title ("its chair,
    Marcus Bell") is a person; read off the words, as the parser often hangs it elsewhere.

    Not: a name the model tagged a place, a nationality or an event.
    """
    ent, doc = e.ent, e.doc
    if e.label in ("ORG", "GPE", "FAC", "PRODUCT") and 2 <= len(e.words) <= 3:
        if ent.start >= 2 and doc[ent.start - 1].text == "," and doc[ent.start - 2].lower_ in TITLE_WORDS and all(is_capitalised(t) for t in ent if not t.is_punct):
            return e.whole("PERSON")
    return None


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


@rule(Example("The nation's territory lies along Burrard Inlet near Vancouver.", [("Burrard Inlet", "LOC")]))
def natural_feature_name(e: TaggedEntity) -> Repair | None:
    """A name of several words ending in a natural feature ("Burrard Inlet") is a location,
    not the organisation or person inside.

    Not: one-word names.
    """
    if e.label in ("ORG", "PERSON", "FAC", "GPE", "EVENT") and e.last in GEO_FEATURE_WORDS and len(e.words) > 1:
        return e.whole("LOC")
    return None


@rule(Example("Strong winds pushed the flames towards the Dadia forest.", [("Dadia forest", "LOC")]))
def lower_case_feature(e: TaggedEntity) -> Repair | None:
    """A name followed by a natural feature in lower case ("the Dadia forest") is that
    location, the feature word included.

    Not: a prominent known place ("the Amazon rainforest" stays ... the model's "Amazon").
    """
    following = e.following
    if e.label in ("ORG", "PERSON", "GPE", "FAC") and following is not None and following.lower_ in GEO_FEATURE_WORDS and following.is_lower and not (e.place is not None and e.place.prominent):
        return [(e.start, following.idx + len(following), "LOC")]
    return None


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


@rule(Example("He was received at Palam airport and spoke of peace.", [("Palam airport", "FAC")]))
def lower_case_building(e: TaggedEntity) -> Repair | None:
    """A name followed by a building word in lower case ("Palam airport") is that facility,
    the building word included.

    Not: a name tagged a location or a nationality.
    """
    following = e.following
    if e.label in ("ORG", "GPE", "PERSON") and following is not None and following.lower_ in BUILDING_WORDS and following.is_lower:
        return [(e.start, following.idx + len(following), "FAC")]
    return None


@rule(Example("The Clinton-Gore campaign began in Arkansas.", [("Clinton-Gore", "PERSON")]))
def hyphenated_person(e: TaggedEntity) -> Repair | None:
    """A person the model cut at a hyphen ("Grande-Marlaska", "Choi Sang-mok") goes on
    through it.

    Not: a hyphen with spaces around it (a dash).
    """
    ent, doc = e.ent, e.doc
    if e.label == "PERSON" and ent.end + 1 < len(doc) and doc[ent.end].text in ("-", "–") and not doc[ent.end - 1].whitespace_ and not doc[ent.end].whitespace_ and (is_capitalised(doc[ent.end + 1]) or doc[ent.end + 1].is_lower):
        return [(e.start, doc[ent.end + 1].idx + len(doc[ent.end + 1]), "PERSON")]
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


@rule(Example("The deal came under pressure from Anthropic and Meta Platforms.", [("Anthropic", "ORG"), ("Meta Platforms", "ORG")]))
def coordinated_orgs(e: TaggedEntity) -> Repair | None:
    """"(pressure from) Anthropic and Meta Platforms" -> two organisations, after a
    preposition of lists only.

    Not: "Customs and Border Protection" opening a clause, "Department of Water and Power"
    (an "of" before the "and"), "Food and Drug Administration" (one body word at the end) and
    "Johnson & Johnson" stay one.
    """
    if e.label != "ORG" or len(e.words) <= 3:
        return None
    words = e.words
    ands = [i for i, w in enumerate(words) if w.lower_ == "and"]
    if len(ands) != 1 or any(w.lower_ in ("of", "for") for w in words):
        return None
    before = words[0].doc[words[0].i - 1] if words[0].i > 0 else None
    if before is None or before.lower_ not in _LIST_PREPOSITIONS:
        return None  # "Customs and Border Protection recorded ...": one agency
    left, right = words[: ands[0]], words[ands[0] + 1 :]
    if not left or not right or not all(is_capitalised(w) for w in left + right):
        return None
    heads = ORG_SUFFIXES | GOVERNMENT_BODY_WORDS
    if right[-1].lower_ in heads and left[-1].lower_ not in heads:
        return None  # "Food and Drug Administration": the "and" joins what the body is of
    return [(left[0].idx, left[-1].idx + len(left[-1]), "ORG"), (right[0].idx, right[-1].idx + len(right[-1]), "ORG")]


@rule(
    Example("Storms closed roads across Westbrook and Millbrook on Sunday.", [("Westbrook", "GPE"), ("Millbrook", "GPE")]),
)
def coordinated_names_split(e: TaggedEntity) -> Repair | None:
    """"Westbrook and Millbrook" tagged one name is two: places when tagged a place or after a
    place preposition, else two of the model's organisations or people.

    Not: names of more than one word on either side ("Food and Drug Administration").
    """
    words = e.words
    if len(words) == 3 and words[1].lower_ == "and" and is_capitalised(words[0]) and is_capitalised(words[2]):
        place = e.label == "GPE" or is_place_object(e.ent.root)
        if place or e.label in ("ORG", "PERSON"):
            return [(w.idx, w.idx + len(w), "GPE" if place else e.label) for w in (words[0], words[2])]
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


@rule(Example("Chief executive Jensen Huang said generative AI had hit the tipping point.", None, note="non_entity_acronym drops AI first"))
def unknown_capitals_place(e: TaggedEntity) -> Repair | None:
    """A one-word "place" in capitals the gazetteer does not know ("generative AI") is no
    name.

    Not: known abbreviations ("US", "UK": the gazetteer knows them).
    """
    if e.label == "GPE" and e.place is None and len(e.words) == 1 and e.words[0].text.isupper() and e.words[0].text.isalpha():
        return []
    return None


@rule(Example("Much of the growth came from data centres run by Microsoft, Amazon and Alphabet.", [("Alphabet", "ORG")]))
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


@rule(Example("The minister opened the new wing of St. Anne's Hospital in Corvale on Monday.", [("St. Anne's Hospital", "ORG")]))
def possessive_institution(e: TaggedEntity) -> Repair | None:
    """"St. Anne" + "'s Hospital" is the organisation "St. Anne's Hospital": a name, its
    possessive and a capitalised organisation word.

    Not: a lower-case word after the possessive ("St. Anne's hospital wing").
    """
    ent, doc = e.ent, e.doc
    after = ent.end if doc[ent.end - 1].lower_ not in ("'s", "’s") else ent.end - 1
    if after + 1 < len(doc) and doc[after].lower_ in ("'s", "’s") and is_capitalised(doc[after + 1]) and doc[after + 1].lower_ in ORG_SUFFIXES:
        return [(e.start, doc[after + 1].idx + len(doc[after + 1]), "ORG")]
    return None


@rule(Example("She worked at the Embassy for years.", [("Embassy", "ORG")]))
def org_noun_tagged_place(e: TaggedEntity) -> Repair | None:
    """A "place" whose last word is an organisation noun ("the Health Ministry" tagged GPE)
    is an organisation. Every rule above already reads the corrected label; this one names
    the correction when no other rule answered.

    Not: a place ending in any other word.
    """
    return e.whole(e.label) if e.label != e.ent.label_ else None


def _relabel(span: Span) -> str:
    # spaCy's small model often calls "Ministry" or "Department" a place.
    if span.label_ in ("GPE", "LOC") and span[-1].lower_ in ORG_NOUNS:
        return "ORG"
    return span.label_


ENTITY_REPAIRS: tuple[Rule, ...] = (
    company_after_descriptor,
    joined_place,
    particle_tail,
    non_entity_acronym,
    camel_case_product,
    facility_run_by_org,
    constituency,
    street_facility,
    compass_adjective,
    nationality_adjective,
    name_before_party,
    event_name,
    country_before_body,
    lower_case_org_tail,
    adjective_org,
    plural_noun_opening_sentence,
    acronym_person,
    known_org,
    possessive_country_and_body,
    apposition_to_title,
    known_place_name,
    natural_feature_name,
    lower_case_feature,
    white_house,
    building_name,
    building_person,
    lower_case_building,
    hyphenated_person,
    person_after_place_preposition,
    storm_name,
    person_with_org_suffix,
    speaking_surname,
    coordinated_orgs,
    coordinated_names_split,
    org_after_place_preposition,
    coordinated_with_place,
    unknown_capitals_place,
    company_tagged_place,
    region_of_name,
    possessive_institution,
    org_noun_tagged_place,
)


def first_repair(ent: Span, speakers: frozenset[str] | set[str], surnames: frozenset[str] | set[str] = frozenset()) -> tuple[Rule | None, Repair]:
    """The first rule of ``ENTITY_REPAIRS`` that answers for a model entity, and its answer;
    ``(None, [the model's span and label])`` when none does."""
    words = tuple(t for t in ent if not t.is_punct)
    if not words:
        return None, []
    tagged = TaggedEntity(ent, _relabel(ent), words, speakers, surnames)
    for repair in ENTITY_REPAIRS:
        answer = repair(tagged)
        if answer is not None:
            return repair, answer
    return None, tagged.whole(tagged.label)


def repair_entity(ent: Span, speakers: frozenset[str] | set[str], surnames: frozenset[str] | set[str] = frozenset()) -> list[tuple[int, int, str, str | None]]:
    """The mentions one model entity gives: ``(char_start, char_end, label, repaired_by)``,
    ``repaired_by`` the rule that changed the model's span or label (None where they stood)."""
    repair, answer = first_repair(ent, speakers, surnames)
    model = (ent.start_char, ent.end_char, ent.label_)
    return [(start, end, label, None if repair is None or (start, end, label) == model else repair.name) for start, end, label in answer]
