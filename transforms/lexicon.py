"""Word lists the extractors share, read from transforms/lexicons/*.txt (each file says why it exists),
and the verb forms derived from them."""

from __future__ import annotations

from transforms.lexicons import words
from transforms.lexicons.verbs import verb_forms

OCCUPATION_TITLES = words("occupation_titles")
TITLE_WORDS = words("title_words") | OCCUPATION_TITLES
OFFICE_WORDS = words("office_words")
HONORIFICS = words("honorifics")

REPORTING_VERBS = words("reporting_verbs")
ATTITUDE_VERB_FORMS = words("attitude_verb_forms")
DOCUMENT_NOUNS = words("document_nouns")
ORG_SUFFIXES = words("org_suffixes")
STORM_WORDS = words("storm_words")
PLACE_PREPOSITIONS = words("place_prepositions")
HOLDING_NOUNS = words("holding_nouns")

# Parliaments called by their own names ("the Riksdag") are organisations too.
KNOWN_ORGS = words("known_orgs") | words("legislature_names")

GEO_FEATURE_WORDS = words("geo_feature_words")
BUILDING_WORDS = words("building_words")
SURNAME_LIKE_BUILDING_WORDS = words("surname_like_building_words")
PLACE_SUFFIX_WORDS = words("place_suffix_words")

ORG_NOUNS = words("org_nouns")

# Irregular past forms of reporting verbs; regular ones are inflected by verb_forms.
_IRREGULAR = {
    "say": ("said",), "tell": ("told",), "write": ("wrote", "written"), "speak": ("spoke", "spoken"),
    "deny": ("denied",), "reply": ("replied",), "testify": ("testified",), "criticise": (), "criticize": (),
    "dub": ("dubbed", "dubbing"), "forecast": ("forecasted",), "label": ("labeled", "labelled", "labelling"),
}


REPORTING_VERB_FORMS = frozenset(form for verb in REPORTING_VERBS for form in verb_forms(verb, _IRREGULAR.get(verb, ())))

# Short names of well-known bodies that spell neither their initials nor their first word.
KNOWN_SHORT_NAMES = {"group of seven": "g7", "group of eight": "g8", "group of 20": "g20", "group of twenty": "g20", "federal reserve": "fed"}

COMPANY_DESCRIPTORS = words("company_descriptors")

GOVERNMENT_BODY_WORDS = words("government_body_words")
# Words of names that are no company: ministries, courts, regulators, unions, associations.
NON_COMPANY_WORDS = GOVERNMENT_BODY_WORDS | words("non_company_kind_nouns")
EVENT_WORDS = words("event_words")
NON_ENTITY_ACRONYMS = words("non_entity_acronyms")
STREET_WORDS = words("street_words")
