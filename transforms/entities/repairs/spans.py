"""Repairs that cut, extend, split or drop the span the model tagged (see ``ENTITY_REPAIRS``)."""

from __future__ import annotations

import re

from transforms.entities.places import is_country, known_place
from transforms.entities.repairs.tagged import Repair, TaggedEntity
from transforms.entities.words import CALENDAR_WORD, LEADING_WORDS, hyphen_tail, is_capitalised, is_place_object, particle_tail_end
from transforms.lexicon import BUILDING_WORDS, GEO_FEATURE_WORDS, GOVERNMENT_BODY_WORDS, NON_ENTITY_ACRONYMS, ORG_SUFFIXES, PLACE_PREPOSITIONS
from transforms.lexicons import words as lexicon_words
from transforms.rules import Example, rule

_LIST_PREPOSITIONS = lexicon_words("list_prepositions")
_LEGAL_FORMS = lexicon_words("legal_form_words")
_HEADLINE_VERBS = lexicon_words("headline_verbs")
_AMOUNT_WORDS = lexicon_words("amount_words")
_AREA_WORDS = lexicon_words("admin_area_words")


@rule(Example("Exports to South-east Asia rose; South-east Asia buys more rice.", [("South-east Asia", "LOC")]),
      Example("The rocket lifted off from Kourou in French Guiana on Tuesday.", [("French Guiana", "GPE")],
              note="the model tags 'French' a nationality and 'Guiana' a person"))
def joined_place(e: TaggedEntity) -> Repair | None:
    """A place name the model cut in two ("South-east" + "Asia", "French" + "Guiana"): the
    whole, when the gazetteer knows it and the other part is capitalised (after a place, or
    before any tagged part: the model may call "French" a language and "Guiana" a person).

    Not: a whole the gazetteer does not know, or a first part that is a known place itself.
    """
    ent, doc = e.ent, e.doc
    if e.label in ("GPE", "LOC", "NORP") and ent.end < len(doc) and is_capitalised(doc[ent.end]):
        end = doc[ent.end].idx + len(doc[ent.end])
        place = known_place(e.body[ent.start_char : end])
        if place is not None and known_place(ent.text) is None:
            return [(ent.start_char, end, place.label)]
    if ent.start > 0 and is_capitalised(doc[ent.start - 1]) and doc[ent.start - 1].ent_type_ in ("", "NORP", "LANGUAGE") and known_place(ent.text) is None:
        start = doc[ent.start - 1].idx
        place = known_place(e.body[start : ent.end_char])
        if place is not None and place.prominent:
            return [(start, ent.end_char, place.label)]
    return None


@rule(
    Example("Frost hit the valley, according to the weather service Météo-France, on Sunday.", [("Météo-France", "ORG")]),
    Example("The plan was backed by Austria-Hungary historians.", None, note="a known place before the hyphen"),
)
def hyphenated_org(e: TaggedEntity) -> Repair | None:
    """A name joined by a hyphen to a country or region ("Météo-France", "Radio-Canada") is
    one organisation, where the model cut it at the hyphen and called the first part a place.

    Not: a first part that is a known place ("Austria-Hungary"); a space around the hyphen.
    """
    if e.label not in ("GPE", "LOC", "ORG", "PERSON") or len(e.words) != 1 or e.place is not None:
        return None
    ent, doc = e.ent, e.doc
    if ent.end + 1 >= len(doc) or doc[ent.end].text != "-" or doc[ent.end - 1].whitespace_ or doc[ent.end].whitespace_:
        return None
    tail = doc[ent.end + 1]
    if not is_capitalised(tail) or known_place(tail.text) is None:
        return None
    return [(ent.start_char, tail.idx + len(tail), "ORG")]


_COUNTRY_BODY_WORDS = lexicon_words("country_body_words")


@rule(
    Example("Cycling Kenya named its team on Friday.", [("Cycling Kenya", "ORG")]),
    Example("Figures from Statistics Ireland showed rents rising.", [("Statistics Ireland", "ORG")]),
    Example("Snow closed roads across Western Canada on Monday.", None, note="a compass word: a region"),
    Example("Poor Kenya has waited long enough.", None, note="no field's noun"),
)
def word_before_country(e: TaggedEntity) -> Repair | None:
    """A field's noun set right before a country's name as its modifier ("Elections Canada",
    "Athletics Kenya", "Statistics Netherlands"; ``country_body_words``) makes an
    organisation's name: the agency or federation of that country, where the model tagged the
    country alone (or the whole as a place).

    Not: any other word before the country ("Western Canada", "Poor Mexico"); a whole the
    gazetteer knows as a place.
    """
    if e.label != "GPE":
        return None
    ent, doc = e.ent, e.doc
    country = ent[-1]
    if not is_country(country.text):
        return None
    if len(e.words) == 2 and e.words[1] == country:
        first = e.words[0]
    elif len(e.words) == 1 and ent.start > 0:
        first = doc[ent.start - 1]
    else:
        return None
    if first.dep_ != "compound" or first.head != country or first.pos_ not in ("NOUN", "PROPN") or not is_capitalised(first) or not first.is_alpha:
        return None
    if first.lower_ not in _COUNTRY_BODY_WORDS or known_place(e.body[first.idx : ent.end_char]) is not None:
        return None
    return [(first.idx, ent.end_char, "ORG")]


_BARE_INSTITUTIONS = lexicon_words("bare_institution_words")


@rule(
    Example("Lawmakers at the Scottish Parliament voted on Tuesday.", [("Scottish Parliament", "ORG"), ("Scottish Parliament", "ORG")]),
)
def nationality_institution(e: TaggedEntity) -> Repair | None:
    """"the Scottish Parliament", "the Welsh Assembly": a nationality the model cut off an
    institution's name is part of it: one organisation (answered for either piece).

    Not: a country's abbreviation before a body ("US Senate": ``country_before_body``); an
    institution word outside ``bare_institution_words.txt`` ("Scottish ministers").
    """
    ent, doc = e.ent, e.doc
    if e.label == "NORP" and len(ent) == 1 and ent.end < len(doc):
        adjective, body = ent[0], doc[ent.end]
    elif e.label in ("ORG", "FAC", "GPE") and len(ent) == 1 and ent.start > 0:
        adjective, body = doc[ent.start - 1], ent[0]
    else:
        return None
    if adjective.ent_type_ != "NORP" or not is_capitalised(body) or body.lower_ not in _BARE_INSTITUTIONS or body.ent_type_ not in ("ORG", "FAC", "GPE") or adjective.whitespace_ != " ":
        return None
    return [(adjective.idx, body.idx + len(body), "ORG")]


_TITLE_SMALL_WORDS = lexicon_words("title_small_words")


@rule(
    Example("The oil painting, “The Ferryman's Daughter” by the Dutch artist Pieter Hollanders, was stolen.", [("The Ferryman's Daughter", "WORK_OF_ART")]),
    Example("“Kestrel will grow,” Ana Costa said.", None, note="a sentence in marks is a quote, not a title"),
    Example("“If Pence’s goal was to make Kaine defend business as usual, he succeeded,” he wrote.", None),
)
def quoted_title(e: TaggedEntity) -> Repair | None:
    """A name inside a short title in quotation marks ("“The Ferryman's Daughter”", a film, a
    book, a report) is the work's title: the whole title, WORK_OF_ART.

    Not: a quote (a title has two to eight words, every word of four letters or more
    capitalised, and no sentence punctuation); marks more than 60 characters away; an
    apostrophe ("“If Pence’s goal was ...”").
    """
    if e.label not in ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT"):
        return None
    body = e.body
    before, after = body[max(0, e.start - 60) : e.start], body[e.end : e.end + 60]
    # A mark beside a letter is an apostrophe ("Pence’s"), not a quotation mark.
    openings = [m.start() for m in re.finditer(r"(?<!\w)[\"“‘]", before)]
    closing = re.search(r"[\"”’](?!\w)", after)
    if not openings or closing is None or re.search(r"[”\"](?!\w)", before[openings[-1] + 1 :]):
        return None
    start, end = max(0, e.start - 60) + openings[-1] + 1, e.end + closing.start()
    title = body[start:end]
    words = title.split()
    if not 2 <= len(words) <= 8 or re.search(r"[.!?,;:]", title) or not title[:1].isupper():
        return None
    if any(len(w) >= 4 and not w[:1].isupper() and w.lower() not in _TITLE_SMALL_WORDS for w in words):
        return None
    return [(start, end, "WORK_OF_ART")]


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
    place = known_place(e.body[e.start : end])
    if place is not None:
        return [(e.start, end, place.label)]
    return [(e.start, end, "PERSON")] if e.label == "PERSON" else None


@rule(Example("Police studied CCTV footage of the attack.", [("CCTV", None)]))
def non_entity_acronym(e: TaggedEntity) -> Repair | None:
    """Capitals that name nothing ("CCTV footage", "GDP"): no mention.

    Not: acronyms outside the list of non-entity acronyms (``non_entity_acronyms.txt``).
    """
    return [] if len(e.words) == 1 and e.words[0].text.upper() in NON_ENTITY_ACRONYMS else None


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
    after = e.body[words[-1].idx + len(words[-1]) :][:12]
    defined = re.match(r"\s*\(([A-Z]{2,10})\)", after)
    country, body = words[0], words[1:]
    letters = country.text.replace(".", "")
    # Only "US"/"UK": "Japan Meteorological Agency" and "Kenya National Commission" are names.
    if not (letters.isupper() and len(letters) <= 3 and is_country(country.text)) or (defined and defined[1].startswith(letters)):
        return None
    if body[-1].lower_ in GOVERNMENT_BODY_WORDS and is_capitalised(body[0]):
        return [(country.idx, country.idx + len(country), "GPE"), (body[0].idx, body[-1].idx + len(body[-1]), "ORG")]
    return None


@rule(
    Example("Hotels in Teruel province are fully booked.", [("Teruel", "GPE")]),
    Example("Flooding hit the Dadia forest on Monday.", None, note="a natural feature keeps its word (lower_case_feature)"),
)
def place_before_area_word(e: TaggedEntity) -> Repair | None:
    """A place the model ran on into a lower-case kind of area ("the Schwaz district",
    "Palencia province", ``admin_area_words.txt``) is the place's name alone.

    Not: a capitalised kind that is part of the name ("Kent County"); an organisation ("Schwaz
    district council" stays the model's).
    """
    words = e.words
    if e.label not in ("GPE", "LOC") or len(words) < 2 or not words[-1].is_lower or words[-1].lower_ not in _AREA_WORDS:
        return None
    name = list(words[:-1])
    while name and name[-1].is_lower:
        name.pop()  # "the Schwaz mountain district"
    while name and not is_capitalised(name[0]):
        name.pop(0)  # "the"
    if not name:
        return None
    return [(name[0].idx, name[-1].idx + len(name[-1]), "GPE")]


@rule(
    Example("Regulators fined Nordvik Bank 4 billion crowns on Tuesday.", [("Nordvik Bank", "ORG")]),
    Example("The watchdog fined Carrow Foods 12 million euros last year.", None, note="the model's own span ends before the amount"),
    Example("Fans of Channel 4 News wrote in.", None, note="a number before a capitalised word stays in the name"),
)
def amount_after_name(e: TaggedEntity) -> Repair | None:
    """A name the model ran on into an amount ("fined Nordvik Bank 4 billion crowns"): the
    name ends before the number; a number followed by a scale word or currency
    (``amount_words.txt``), or a currency sign, is never part of a name.

    Not: a number inside a name ("Channel 4 News", "Boeing 737"); a span that opens with the
    amount, or an amount the model tagged as one (labels other than names).
    """
    if e.label not in ("ORG", "PERSON", "GPE", "LOC", "FAC", "NORP"):
        return None
    tokens = e.tokens or tuple(e.doc)
    for token in e.ent:
        after = tokens[token.i + 1] if token.i + 1 < len(tokens) else None
        amount = token.is_currency or (token.like_num and after is not None and after.lower_ in _AMOUNT_WORDS)
        if amount and token.i > e.ent.start:
            last = tokens[token.i - 1]
            return [(e.start, last.idx + len(last), e.label)]
    return None


@rule(
    Example("The opposition alliance, led by the Congress party's Rahul Gandhi, won 234 seats.", [("the Congress", "ORG")]),
    Example("Brannock Rail plc said on Thursday it would close its works.", None, note="a legal form stays in the name"),
    Example("The merged society will be called Munster Dairy Co-operative, a filing said.", None, note="a hyphenated word stays whole"),
)
def lower_case_org_tail(e: TaggedEntity) -> Repair | None:
    """An organisation ending in lower-case words ("the Congress party") is its capitalised
    part ("Congress").

    Not: an organisation all in lower case; a legal form ("Brannock Rail plc",
    ``legal_form_words.txt``); the lower-case end of a hyphenated word ("Munster Dairy
    Co-operative").
    """
    words = e.words
    if e.label == "ORG" and len(words) > 1 and words[-1].is_lower and words[-1].lower_ not in _LEGAL_FORMS and any(is_capitalised(w) for w in words[:-1]) and not hyphen_tail(e.doc, words[-1].i):
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


@rule(
    Example("Turnout on Sunday was 52 percent, up from 47 percent.", [("Turnout", None)]),
    Example("Kellanova said on Monday that sales rose.", None, note="a proper noun opening a sentence stays"),
    Example("Target reported weaker sales on Monday.", None, note="an organisation named by a word stays"),
)
def common_noun_opening_sentence(e: TaggedEntity) -> Repair | None:
    """A one-word "person" that the tagger reads as a singular common noun opening a sentence
    ("Turnout on Sunday was 52 percent") is no name.

    Not: an "organisation" (a company named by a word: "Target reported weaker sales"); a
    word the tagger reads as a proper noun ("Scale is no longer optional" stays a wrong
    name); the same noun inside a sentence; a word the gazetteer knows as a place.
    """
    word = e.words[0] if len(e.words) == 1 else None
    if e.label == "PERSON" and word is not None and word.tag_ == "NN" and word.is_sent_start and e.place is None:
        return []
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
    Example("Samples taken at the racecourse between May and October showed traces.", [("May and October", None)],
            note="months are dates: no names"),
)
def coordinated_names_split(e: TaggedEntity) -> Repair | None:
    """"Westbrook and Millbrook" tagged one name is two: places when tagged a place or after a
    place preposition, else two of the model's organisations or people.

    Not: names of more than one word on either side ("Food and Drug Administration"); months
    or weekdays ("between May and October": dropped, a date's words).
    """
    words = e.words
    if len(words) == 3 and words[1].lower_ == "and" and is_capitalised(words[0]) and is_capitalised(words[2]):
        if CALENDAR_WORD.match(words[0].text) or CALENDAR_WORD.match(words[2].text):
            return []
        place = e.label == "GPE" or is_place_object(e.ent.root)
        if place or e.label in ("ORG", "PERSON"):
            return [(w.idx, w.idx + len(w), "GPE" if place else e.label) for w in (words[0], words[2])]
    return None


@rule(
    Example("Fires in NSW spread quickly.", [("NSW", None)], note="a known gap: the gazetteer does not know the state's abbreviation"),
    Example("Chief executive Jensen Huang said generative AI had hit the tipping point.", None, note="non_entity_acronym drops AI first"),
)
def unknown_capitals_place(e: TaggedEntity) -> Repair | None:
    """A one-word "place" in capitals the gazetteer does not know ("generative AI") is no
    name.

    Not: known abbreviations ("US", "UK": the gazetteer knows them). Abbreviations of states
    the gazetteer does not know ("NSW") are dropped too: a known gap.
    """
    if e.label == "GPE" and e.place is None and len(e.words) == 1 and e.words[0].text.isupper() and e.words[0].text.isalpha():
        return []
    return None


_POSSESSIVES = ("'s", "’s", "'", "’")


@rule(
    Example("The minister opened the new wing of St. Anne's Hospital in Corvale on Monday.", [("St. Anne's Hospital", "ORG")]),
    Example("Staff at the Port Workers' Alliance voted to strike.", [("the Port Workers' Alliance", "ORG")], note="a plural possessive"),
    Example("Singapore's Ministry of Foreign Affairs said the zone lay within its waters.", None,
            note="the model tagged the ministry itself: the country stays a place"),
    Example("Latvia's Ministry of Culture said it would keep the fund.", None, note="a country's possessive is no part of its ministry's name"),
)
def possessive_institution(e: TaggedEntity) -> Repair | None:
    """"St. Anne" + "'s Hospital" is the organisation "St. Anne's Hospital", "The Dock Workers'"
    + "Alliance" the "Dock Workers' Alliance": a name, its possessive ('s, or a plural's ')
    and a capitalised organisation word.

    Not: a lower-case word after the possessive ("St. Anne's hospital wing"); a word the model
    tagged as a name of its own ("Singapore's [Ministry of Foreign Affairs]" is the country and
    its ministry); a known place before it ("Latvia's Ministry of Culture").
    """
    ent, doc = e.ent, e.doc
    if e.label in ("GPE", "LOC") and e.place is not None:
        return None
    after = ent.end if doc[ent.end - 1].lower_ not in _POSSESSIVES else ent.end - 1
    if after + 1 < len(doc) and doc[after].lower_ in _POSSESSIVES and is_capitalised(doc[after + 1]) and doc[after + 1].lower_ in ORG_SUFFIXES and not doc[after + 1].ent_type_:
        return [(e.start, doc[after + 1].idx + len(doc[after + 1]), "ORG")]
    return None


@rule(Example("Dana Whitfield Tells Council the Fees Will Double\n\nDana Whitfield spoke on Monday.", [("Dana Whitfield", "PERSON")]),
      Example("Elena Varga opened the quay on Monday.", None, note="no headline verb in the name"))
def headline_verb_tail(e: TaggedEntity) -> Repair | None:
    """A name run on into a title-case headline's verb ("Trump Says He Never", "Costa Slams
    Harbour Levy"): the name ends before the verb (``headline_verbs``), so the headline's words
    do not become the entity's canonical name.

    Not: a verb that opens the span (nothing of the name before it), or a lower-case one.
    """
    if e.label not in ("PERSON", "ORG"):
        return None
    for index, token in enumerate(e.ent):
        if index > 0 and token.text[:1].isupper() and token.lower_ in _HEADLINE_VERBS:
            end = e.ent[index - 1].idx + len(e.ent[index - 1])
            return [(e.start, end, e.label)]
    return None


_INVERTED_CUES = lexicon_words("inverted_cue_words")


@rule(Example("Across Swansea, six libraries will close on Fridays.", [("Swansea", "GPE")]),
      Example("Outside the Ministry of Health, nurses protested on Monday.", None, note="the model leaves the preposition out"))
def opening_place_preposition(e: TaggedEntity) -> Repair | None:
    """A capitalised place preposition opening the sentence ("Across Swansea, ...", "Outside
    Kyiv, ...") is no part of the name after it: that name, the object of the preposition, is
    a place.

    Not: a preposition inside a sentence (the model leaves it out of names); more than three
    words after it, or a lower-case one.
    """
    words = e.words
    if e.label not in ("PERSON", "ORG") or len(words) < 2 or not words[0].is_sent_start or words[0].lower_ not in PLACE_PREPOSITIONS:
        return None
    rest = words[1:]
    if len(rest) > 3 or not all(is_capitalised(w) for w in rest):
        return None
    return [(rest[0].idx, e.end, "GPE")]



@rule(Example("The plan drew fire from analyst John Miller. Said Miller: “Nobody asked for this.”", [("Miller", "PERSON")]),
      Example("Said Jalili met the envoys in Vienna on Monday.", None, note="no quote follows: a first name"))
def leading_cue_word(e: TaggedEntity) -> Repair | None:
    """"Said Miller: “...”", "Added Costa, “...”": a capitalised cue opening the sentence is
    no part of the name after it (``inverted_cue_words``).

    Not: a name not followed by a colon, or by a comma and a quotation mark ("Said Jalili met
    the envoys" keeps its first name).
    """
    ent, doc = e.ent, e.doc
    if e.label not in ("PERSON", "ORG", "GPE") or len(e.words) < 2 or e.words[0].text not in _INVERTED_CUES or not e.words[0].is_sent_start:
        return None
    after = doc[ent.end : ent.end + 2]
    if not after or not (after[0].text == ":" or after[0].text == "," and len(after) == 2 and after[1].is_quote):
        return None
    return [(e.words[1].idx, e.end, e.label)]


_PERSON_APPOSITION = re.compile(r", (?:(?:an?|the) (?:[\w-]+ ){0,3}?[\w-]+ who\b|who(?:se)? )")


@rule(
    Example("“It felt as though the ceiling simply disappeared.” Marta Zielińska, a conservator who was working late, said she heard a crack.",
            [("Marta Zielińska", "PERSON")], note="the model tags 'Marta' and 'Zielińska' two places"),
    Example("Lakemont Capital, a fund manager who invests in ports, bought the stake.", None, note="a name ending in an organisation word"),
    Example("The petition was started by Siobhán Tierney, whose husband, Declan, died last autumn.", [("Siobhán Tierney", "PERSON")],
            note="'who' or 'whose' right after the name (the model tags it an organisation)"),
)
def name_before_person_clause(e: TaggedEntity) -> Repair | None:
    """A name of two or three capitalised words set off by "a conservator who ..." ("Marta
    Zielińska, a conservator who was working late, said") or by "who"/"whose" itself
    ("Siobhán Tierney, whose husband ...") is a person, whatever the model called
    it, and takes in a last word the model tagged apart ("Marta" + "Zielińska"): "who" speaks
    of people.

    Not: a known place, a name ending in an organisation word; one word alone.
    """
    if e.label not in ("ORG", "GPE", "FAC", "LOC", "NORP", "PRODUCT", "WORK_OF_ART") or len(e.words) > 3 or e.place is not None:
        return None
    ent, doc = e.ent, e.doc
    end = ent.end
    if len(e.words) == 1 and end < len(doc) and is_capitalised(doc[end]) and doc[end].pos_ == "PROPN" and known_place(doc[end].text) is None:
        end += 1  # "Marta" + "Zielińska"
    words = [t for t in doc[ent.start : end] if t.is_alpha]
    if len(words) < 2 or words[-1].lower_ in ORG_SUFFIXES or not all(is_capitalised(t) for t in words):
        return None
    stop = doc[end - 1].idx + len(doc[end - 1])
    return [(ent.start_char, stop, "PERSON")] if _PERSON_APPOSITION.match(e.body, stop) else None


_DEMONYM_NOUNS = lexicon_words("demonym_nouns")


@rule(Example("Holm lodged the protest. “It was dark, but not that dark,” the Dane said.", [("Dane", None)],
              note="a nationality noun standing for a person is no name"))
def demonym_noun(e: TaggedEntity) -> Repair | None:
    """"the Dane", "the Spaniard" (``demonym_nouns``) tagged an organisation, a place or a
    person is a nationality standing for someone the article named: no name of its own.

    Not: a demonym without "the" before it ("Dane Holm" is a person's name).
    """
    if len(e.words) != 1 or e.words[0].lower_ not in _DEMONYM_NOUNS or e.ent.start == 0 or e.doc[e.ent.start - 1].lower_ != "the":
        return None
    return []


# Titles a government's field comes before ("Social Affairs Minister", "Home Secretary").
_FIELD_TITLES = frozenset(("minister", "secretary", "commissioner"))


@rule(Example("Social Affairs Minister Lotte van Amersfoort told parliament the rules would change.", [("Social Affairs", None)],
              note="the field of a minister's title is no organisation"),
      Example("Health Ministry officials met on Monday.", None, note="no title after the name"))
def field_of_title(e: TaggedEntity) -> Repair | None:
    """An "organisation" right before a capitalised minister's or secretary's title and a name
    ("Social Affairs Minister Lotte van Amersfoort") is the title's field, no name: dropped.

    Not: a name ending in an organisation word or a legal form; a place or nationality ("UK
    Foreign Secretary": the country stays).
    """
    if e.label != "ORG" or e.place is not None or "," in e.ent.text:
        return None  # "Abuja, Health" is place_across_comma's
    doc, end = e.doc, e.ent.end
    if end + 1 >= len(doc) or doc[end].lower_ not in _FIELD_TITLES or not is_capitalised(doc[end]) or not is_capitalised(doc[end + 1]):
        return None
    if e.words[-1].lower_ in ORG_SUFFIXES:
        return None
    return []


@rule(Example("“My son is fine,” said Ji-won Park, a mother of two in Sudbury.", [("Ji-won Park", "PERSON")],
              note="the model tags the hyphenated first name alone"),
      Example("“We will win,” said Maria, a nurse.", None, note="no capitalised word after the name"),
      Example("Ana met Lisbon officials on Monday.", None, note="a place after the name is no surname"))
def surname_cut_from_person(e: TaggedEntity) -> Repair | None:
    """A person tagged by one word ("Ji-won", a hyphenated first name) right before a
    capitalised word the model left untagged and a comma ("said Ji-won Park, a mother of two")
    goes on through that word, the surname.

    Not: a name of two words or more; a next word the gazetteer knows as a place, or tagged,
    or not followed by a comma.
    """
    if e.label != "PERSON" or " " in e.ent.text:
        return None
    doc, end = e.doc, e.ent.end
    if end + 1 >= len(doc) or doc[end + 1].text != ",":
        return None
    nxt = doc[end]
    if not (is_capitalised(nxt) and nxt.is_alpha and nxt.pos_ == "PROPN" and nxt.ent_type_ == "" and known_place(nxt.text) is None and nxt.idx == e.end + 1):
        return None
    return [(e.start, nxt.idx + len(nxt), "PERSON")]


@rule(Example("Scientists at the Institute of Agriculture and Tourism in Poreč have warned for years.",
              [("the Institute of Agriculture and Tourism", "ORG"), ("Poreč", "GPE")], note="the model runs the name on through 'in' and its town"),
      Example("He studied at the University of Oslo.", None, note="no 'in': the model's span stands"))
def org_run_into_its_town(e: TaggedEntity) -> Repair | None:
    """An organisation the model ran on through "in" and a town ("the Institute of Agriculture
    and Tourism in Poreč") is the organisation, then the town (a place).

    Not: a name whose words after "in" are no one or two capitalised words; "in" at the
    start or with one word before it.
    """
    if e.label != "ORG":
        return None
    words = [t for t in e.doc[e.ent.start : e.ent.end]]
    cut = next((k for k, t in enumerate(words) if t.text == "in" and k >= 2), None)
    if cut is None:
        return None
    head, tail = words[:cut], words[cut + 1 :]
    if not 1 <= len(tail) <= 2 or not all(is_capitalised(t) and t.is_alpha for t in tail) or not is_capitalised(head[-1]):
        return None
    return [(head[0].idx, head[-1].idx + len(head[-1]), "ORG"), (tail[0].idx, tail[-1].idx + len(tail[-1]), "GPE")]


@rule(Example("Speaking at a press conference in Abuja, Health Minister Bello Musa said funds would follow.", [("Abuja", "GPE")],
              note="the model runs the place across the comma into the title"),
      Example("Paris, Texas, is a small town.", None, note="no capitalised word of a title after the comma: the model's span stands"))
def place_across_comma(e: TaggedEntity) -> Repair | None:
    """A span the model ran across a comma from a known place into the next words ("Abuja,
    Health" of "in Abuja, Health Minister X") is the place alone.

    Not: a span whose first part is no known place; "Paris, Texas" (a place after the comma).
    """
    text = e.body[e.start : e.end]
    comma = text.find(", ")
    if comma <= 0:
        return None
    head, tail = text[:comma], text[comma + 2 :]
    if known_place(head) is None or known_place(tail) is not None:
        return None
    return [(e.start, e.start + comma, "GPE")]
