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

from spacy.tokens import Span, Token

from transforms.entities.repairs.kinds import (
    journal_name,
    apposition_to_company_noun,
    known_place_after_preposition,
    name_after_based,
    place_before_based,
    org_after_descriptor,
    org_suffix_tagged_place_or_work,
    org_first_word,
    plural_nationality,
    team_before_score,
)
from transforms.entities.repairs.labels import (
    company_after_descriptor,
    camel_case_product,
    facility_run_by_org,
    constituency,
    street_facility,
    compass_adjective,
    nationality_adjective,
    name_before_party,
    event_name,
    holiday_name,
    honour_or_ceremony,
    acronym_person,
    known_org,
    name_after_kinship,
    apposition_to_title,
    name_before_title,
    name_before_age,
    name_after_lower_title,
    known_place_name,
    natural_feature_name,
    white_house,
    building_name,
    building_person,
    person_after_place_preposition,
    storm_name,
    person_with_org_suffix,
    speaking_surname,
    org_after_place_preposition,
    coordinated_with_place,
    company_tagged_place,
    region_of_name,
    org_noun_tagged_place,
)
from transforms.entities.repairs.spans import (
    joined_place,
    word_before_country,
    hyphenated_org,
    nationality_institution,
    quoted_title,
    particle_tail,
    headline_verb_tail,
    leading_cue_word,
    opening_place_preposition,
    org_run_into_its_town,
    surname_cut_from_person,
    field_of_title,
    demonym_noun,
    place_across_comma,
    non_entity_acronym,
    country_before_body,
    amount_after_name,
    lower_case_org_tail,
    place_before_area_word,
    adjective_org,
    plural_noun_opening_sentence,
    common_noun_opening_sentence,
    possessive_country_and_body,
    lower_case_feature,
    lower_case_building,
    hyphenated_person,
    coordinated_orgs,
    coordinated_names_split,
    unknown_capitals_place,
    possessive_institution,
    name_before_person_clause,
)
from transforms.entities.repairs.tagged import Repair, TaggedEntity
from transforms.lexicon import ORG_NOUNS
from transforms.rules import Rule

def _relabel(span: Span) -> str:
    # spaCy's small model often calls "Ministry" or "Department" a place.
    if span.label_ in ("GPE", "LOC") and span[-1].lower_ in ORG_NOUNS:
        return "ORG"
    return span.label_


# The order is the priority: the first rule that answers decides. The rules live in
# ``spans`` (they cut, extend, split or drop the model's span) and ``labels`` (they keep it).
ENTITY_REPAIRS: tuple[Rule, ...] = (
    company_after_descriptor,  # "Japanese drugmaker Takeda", "Shares of Newmont" -> ORG
    org_after_descriptor,  # "the daily Novi Glas", "the advocacy group Tamarack Watch" -> ORG
    apposition_to_company_noun,  # "the museum's insurer, Verzekeringen Lindeman," (PERSON) -> ORG
    org_first_word,  # "Banca Emiliana", "Credito Padano" (PERSON) -> ORG
    journal_name,  # "published in The Lancet" (GPE) -> WORK_OF_ART
    place_before_based,  # "Rotterdam-based" (PERSON) -> Rotterdam (GPE)
    name_after_based,  # "Lisbon-based Vela Energia" (PERSON) -> ORG
    plural_nationality,  # "Nigerians" (ORG) -> NORP
    team_before_score,  # "beat Getafe 3-1" (PERSON) -> ORG
    joined_place,  # "South-east" + "Asia" -> one region
    word_before_country,  # "Elections" + "Canada" (GPE) -> one ORG
    hyphenated_org,  # "Météo" + "-France" -> one ORG
    nationality_institution,  # "Scottish" + "Parliament" -> one ORG
    quoted_title,  # “The Ferryman's Daughter” -> WORK_OF_ART
    particle_tail,  # "Lula da Silva", "Rio Grande do Sul"
    headline_verb_tail,  # "Trump Says He Never" -> Trump
    leading_cue_word,  # "Said Miller: “...”" -> Miller
    opening_place_preposition,  # "Across Swansea, ..." (PERSON) -> Swansea (GPE)
    org_run_into_its_town,  # "Institute of Agriculture and Tourism in Poreč" -> ORG + GPE
    surname_cut_from_person,  # "Ji-won" + "Park," -> Ji-won Park (PERSON)
    field_of_title,  # "Social Affairs" (ORG) in "Social Affairs Minister X" -> no name
    demonym_noun,  # "the Dane" (ORG) -> no name
    place_across_comma,  # "in Abuja, Health Minister X" ("Abuja, Health") -> Abuja (GPE)
    non_entity_acronym,  # "CCTV footage", "GDP" -> no name
    camel_case_product,  # "the iPhone" -> PRODUCT
    facility_run_by_org,  # "the Rameshwaram Cafe" (FAC) -> ORG
    constituency,  # "Mumbai North" -> GPE
    street_facility,  # "10 Downing Street" -> FAC
    compass_adjective,  # "Western assets" -> NORP
    nationality_adjective,  # "Ukrainian cities" (GPE) -> NORP
    name_before_party,  # "the ruling Morena party" -> ORG
    event_name,  # "the Academy Awards", "COP29" -> EVENT
    holiday_name,  # "since Easter", "around Sinterklaas" (LOC, GPE) -> DATE: no name
    honour_or_ceremony,  # "Tri-Service Guard" + "of Honour" -> one EVENT
    country_before_body,  # "US Senate" -> US (GPE) + Senate (ORG)
    place_before_area_word,  # "the Schwaz district" -> Schwaz
    amount_after_name,  # "fined Nordvik Bank 4 billion crowns" -> Nordvik Bank
    lower_case_org_tail,  # "the Congress party" -> Congress
    adjective_org,  # "Indigenous communities" -> no name
    plural_noun_opening_sentence,  # "Wildfires driven by ..." -> no name
    common_noun_opening_sentence,  # "Turnout on Sunday was ..." -> no name
    acronym_person,  # "SNPL" (PERSON) -> ORG
    known_org,  # "Unicef" -> ORG
    possessive_country_and_body,  # "Romania's Health Ministry" -> Romania + Health Ministry
    apposition_to_title,  # "its chair, Marcus Bell" -> PERSON
    name_after_kinship,  # "his wife, Aoife" (ORG) -> PERSON
    name_before_title,  # "Julia Marsh, chair of ..." (ORG) -> PERSON
    name_before_age,  # "Marta Quintela, 74," (ORG) -> PERSON
    name_before_person_clause,  # "Marta" + "Zielińska, a conservator who" (GPE) -> PERSON
    name_after_lower_title,  # "board chair Amara Okafor" (GPE) -> PERSON
    known_place_name,  # "Sri Lanka" (PERSON) -> GPE
    natural_feature_name,  # "Burrard Inlet" -> LOC
    lower_case_feature,  # "the Dadia forest" -> LOC
    white_house,  # "the White House" (FAC) -> ORG
    building_name,  # "Parliament House" -> FAC
    building_person,  # "Trump Tower" (PERSON) -> FAC
    lower_case_building,  # "Palam airport" -> FAC
    hyphenated_person,  # "Grande" + "-Marlaska"
    person_after_place_preposition,  # "near Darwin" (PERSON) -> GPE
    storm_name,  # "Storm Dagny" -> EVENT
    person_with_org_suffix,  # "Lakemont Capital" (PERSON) -> ORG
    org_suffix_tagged_place_or_work,  # "Northern Plains Railway" (LOC) -> ORG
    speaking_surname,  # "Ines Alves" ... "Alves said" -> PERSON
    known_place_after_preposition,  # "a widow from Cork", "from Bristol and Cardiff" -> GPE
    coordinated_orgs,  # "from Anthropic and Meta Platforms" -> two ORGs
    coordinated_names_split,  # "Westbrook and Millbrook" -> two names
    org_after_place_preposition,  # "prices in Brightwater" (ORG) -> GPE
    coordinated_with_place,  # "from Brennock and Tilby" -> GPE
    unknown_capitals_place,  # "generative AI" (GPE) -> no name
    company_tagged_place,  # "Amazon and Alphabet", "Nvidia reported" (GPE) -> ORG
    region_of_name,  # "the region of Pwani" -> GPE
    possessive_institution,  # "St. Anne" + "'s Hospital" -> ORG
    org_noun_tagged_place,  # "the Embassy" (GPE) -> ORG
)


def first_repair(
    ent: Span, body: str, speakers: frozenset[str] | set[str], surnames: frozenset[str] | set[str] = frozenset(), tokens: tuple[Token, ...] | None = None
) -> tuple[Rule | None, Repair]:
    """The first rule of ``ENTITY_REPAIRS`` that answers for a model entity, and its answer;
    ``(None, [the model's span and label])`` when none does. ``tokens``: the Doc's tokens, if
    the caller has them (``ArticleContext.tokens``)."""
    tokens = tokens if tokens is not None else tuple(ent.doc)
    words = tuple(t for t in tokens[ent.start : ent.end] if not t.is_punct)
    if not words:
        return None, []
    tagged = TaggedEntity(ent, body, _relabel(ent), words, speakers, surnames, tokens)
    for repair in ENTITY_REPAIRS:
        answer = repair.function(tagged)  # not ``repair(tagged)``: the wrapper costs ~10% of extraction
        if answer is not None:
            return repair, answer
    return None, tagged.whole(tagged.label)


def repair_entity(
    ent: Span, body: str, speakers: frozenset[str] | set[str], surnames: frozenset[str] | set[str] = frozenset(), tokens: tuple[Token, ...] | None = None
) -> list[tuple[int, int, str, str | None]]:
    """The mentions one model entity gives: ``(char_start, char_end, label, repaired_by)``,
    ``repaired_by`` the rule that changed the model's span or label (None where they stood)."""
    repair, answer = first_repair(ent, body, speakers, surnames, tokens)
    model = (ent.start_char, ent.end_char, ent.label_)
    return [(start, end, label, None if repair is None or (start, end, label) == model else repair.name) for start, end, label in answer]
