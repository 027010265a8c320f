import pytest

from transforms.entities.extraction import ArticleEntity, Mention, entity_id_for, extract_entities, trim_span
from transforms.entities.joins import inner_short_name, one_type_per_name, short_org_names


def entities_by_name(doc):
    return {e.canonical_name: e for e in extract_entities(doc)}


def types_of(found, names):
    """{name: entity_type} of the expected names that were found (a missing one fails the comparison)."""
    return {name: found[name].entity_type for name in names if name in found}


def types_and_mentions_of(found, names):
    return {name: (found[name].entity_type, [m.text for m in found[name].mentions]) for name in names if name in found}


@pytest.mark.parametrize(
    ("text", "start", "end", "trimmed"),
    [
        ("the Ministry said", 0, 12, "Ministry"),
        ("Austin's visit", 0, 8, "Austin"),
        ("Austin’s visit", 0, 8, "Austin"),
        ("(WHO),", 0, 6, "WHO"),
        ("The United States.", 0, 18, "United States"),
        ("the U.S. said", 0, 8, "U.S."),
    ],
    ids=["leading-the", "possessive", "curly-possessive", "brackets", "the-and-period", "initialism-keeps-its-dot"],
)
def test_trim_span(text, start, end, trimmed):
    s, e = trim_span(text, start, end)
    assert text[s:e] == trimmed


def test_titled_names_give_person_and_role(parse):
    doc = parse("Union Defence Minister Rajnath Singh met US Secretary of Defence Lloyd Austin in New Delhi.")
    found = entities_by_name(doc)
    assert found["Rajnath Singh"].entity_type == "PERSON"
    assert found["Rajnath Singh"].roles == ["Union Defence Minister"]
    assert found["Lloyd Austin"].entity_type == "PERSON"
    assert found["Lloyd Austin"].roles == ["US Secretary of Defence"]
    assert "Defence Lloyd Austin" not in found  # the title word is not part of the name


def test_surname_and_title_surname_join_the_full_name(parse):
    doc = parse("Lloyd Austin arrived on Sunday. Secretary Austin later met reporters. Austin said the talks went well.")
    austin = entities_by_name(doc)["Lloyd Austin"]
    assert [m.text for m in austin.mentions] == ["Lloyd Austin", "Austin", "Austin"]
    assert austin.mentions[1].role == "Secretary"


def test_nominal_title_joins_the_titled_person(parse):
    doc = parse("Union Defence Minister Rajnath Singh held talks on Monday. Later, the Union Minister said the talks were useful.")
    singh = entities_by_name(doc)["Rajnath Singh"]
    assert "Union Minister" in [m.text for m in singh.mentions]


def test_middle_initial_variant_joins_and_fullest_name_is_canonical(parse):
    doc = parse("Samir Kamat opened the lab. Dr Samir V Kamat is its chairman. Kamat thanked the staff.")
    found = entities_by_name(doc)
    assert "Samir V Kamat" in found
    assert "Samir Kamat" not in found
    assert len(found["Samir V Kamat"].mentions) == 3


def test_surname_mislabelled_as_org_moves_to_the_person(parse):
    doc = parse("Harbour Mayor Elena Varga announced the plan on Friday. Varga said the money was in place.")
    found = entities_by_name(doc)
    assert [m.text for m in found["Elena Varga"].mentions] == ["Elena Varga", "Varga"]
    assert "Varga" not in found


def test_acronym_defined_in_text_joins_its_long_form(parse):
    doc = parse("The World Health Organization (WHO) issued a warning. The WHO said cases were rising in Europe.")
    orgs = [e for e in extract_entities(doc) if e.entity_type == "ORG"]
    assert [(e.canonical_name, [m.text for m in e.mentions]) for e in orgs] == [("World Health Organization", ["World Health Organization", "WHO"])]


def test_ids_are_stable_and_case_insensitive():
    assert entity_id_for("Lloyd Austin", "PERSON") == entity_id_for("lloyd  austin", "PERSON")
    assert entity_id_for("Georgia", "GPE") != entity_id_for("Georgia", "PERSON")


def test_every_mention_obeys_the_offset_rule(parse):
    text = "Union Defence Minister Rajnath Singh’s visit to the US, where Secretary Austin met him, was praised by India's press."
    doc = parse(text)
    for entity in extract_entities(doc):
        for mention in entity.mentions:
            assert text[mention.char_start : mention.char_end] == mention.text


@pytest.mark.xfail(reason="pronoun coreference is left to the quote speaker resolver", strict=True)
def test_pronouns_are_not_entity_mentions(parse):
    doc = parse("Lloyd Austin arrived. He met the press.")
    assert "He" in [m.text for m in entities_by_name(doc)["Lloyd Austin"].mentions]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Storm Dagny closed roads on Sunday, officials said.", {"Storm Dagny": "EVENT"}),
        ("Economists at Lakemont Capital said rates would fall.", {"Lakemont Capital": "ORG"}),
        ("Chief Economist Hana Sato of Lakemont Capital said rates would fall.", {"Hana Sato": "PERSON", "Lakemont Capital": "ORG"}),
        ("The Governor warned that prices in Brightwater and Oakridge were still rising.", {"Brightwater": "GPE", "Oakridge": "GPE"}),
        ("Storms closed roads across Westbrook and Millbrook on Sunday.", {"Westbrook": "GPE", "Millbrook": "GPE"}),
        ("The minister met her Portuguese counterpart, Ines Alves. Alves said the talks went well.", {"Ines Alves": "PERSON"}),
        ("Patients from Brennock and Tilby will be treated at the new wing.", {"Brennock": "GPE", "Tilby": "GPE"}),
        ("The minister opened the new wing of St. Anne's Hospital in Corvale on Monday.", {"St. Anne's Hospital": "ORG"}),
        ("The nation's territory lies along Burrard Inlet near Vancouver.", {"Burrard Inlet": "LOC"}),
        ("Strong winds pushed the flames towards the Dadia forest.", {"Dadia forest": "LOC"}),
        ("Tanaka told reporters at Parliament House on Monday.", {"Parliament House": "FAC"}),
        ("Donald Trump won New York. As he spoke in the lobby of Trump Tower, there were no long speeches.", {"Trump Tower": "FAC", "Donald Trump": "PERSON"}),
        ("Joint exercises would begin near Darwin next year.", {"Darwin": "GPE"}),
        ("Okafor said the deal would allow Japan’s Self-Defense Forces to train in Australia.", {"Self-Defense Forces": "ORG"}),
        ("“India will always stand with Sri Lanka,” the minister said.", {"Sri Lanka": "GPE"}),
        ("The Sri Lankan Navy detained 23 fishermen from Tamil Nadu last week.", {"Tamil Nadu": "GPE"}),
        ("The ministry launched a campaign in Bucharest schools.", {"Bucharest": "GPE"}),
        ("Unicef said it would send 1.5 million vaccine doses to Kazakhstan by March.", {"Unicef": "ORG"}),
        ("Shares of Microsoft closed slightly higher on the Nasdaq in New York.", {"Nasdaq": "ORG"}),
        ("Romania’s Health Ministry said 14,000 cases had been recorded.", {"Romania": "GPE", "Health Ministry": "ORG"}),
        ("The FTC has taken a tougher line on technology deals under its chair, Marcus Bell.", {"Marcus Bell": "PERSON"}),
    ],
    ids=["storm-is-an-event", "org-suffix-beats-person", "of-after-a-name-ends-the-title", "one-word-names-after-in-are-places",
         "coordinated-places-split", "speaking-surname-makes-a-person", "coordinated-with-a-place", "possessive-institution",
         "natural-feature-is-a-location", "lower-case-feature-joins-the-name", "building-is-a-facility", "tower-tagged-person-is-a-facility", "person-after-near-is-a-place",
         "untagged-name-with-org-suffix", "known-country-tagged-person", "known-state-tagged-person", "untagged-capital-city",
         "known-international-body", "untagged-exchange", "possessive-country-and-its-ministry", "name-in-apposition-to-a-title"],
)
def test_known_ner_errors_are_repaired(parse, text, expected):
    found = entities_by_name(parse(text))
    assert types_of(found, expected) == expected


def test_a_stake_in_a_company_stays_a_company(parse):
    found = entities_by_name(parse("Shell bought a stake in Vodafone last year."))
    assert found.get("Vodafone") is None or found["Vodafone"].entity_type != "GPE"


@pytest.mark.parametrize(
    "text",
    [
        "A statement issued by the Defence Ministr praised the talks. The Ministry said the visit went well.",
        "A statement issued by the Defence Ministry praised the talks. The Ministry said the visit went well.",
    ],
    ids=["typo", "spelled-right"],
)
def test_office_and_org_noun_make_one_organisation_that_the_bare_noun_joins(parse, text):
    orgs = [e for e in extract_entities(parse(text)) if e.entity_type == "ORG"]
    assert [e.canonical_name for e in orgs] == ["Defence Ministry"]
    assert len(orgs[0].mentions) == 2


def test_a_minister_is_not_a_ministry(parse):
    names = {e.canonical_name for e in extract_entities(parse("Union Defence Minister Rajnath Singh met reporters."))}
    assert "Union Defence Ministry" not in names and "Rajnath Singh" in names


def test_a_name_tagged_a_place_once_is_a_place_throughout(parse):
    doc = parse("Heavy rain flooded Arlen on Friday. Mayor Irene Castell of Arlen asked for funds. Crews in Arlen worked all night.")
    arlen = [e for e in extract_entities(doc) if e.canonical_name == "Arlen"]
    assert len(arlen) == 1 and arlen[0].entity_type == "GPE"


def test_a_surname_after_a_place_preposition_stays_a_person(parse):
    found = entities_by_name(parse("Reporters gathered around Lloyd Austin. Many in the room questioned Austin."))
    assert found["Lloyd Austin"].entity_type == "PERSON"
    assert "Austin" not in found or found["Austin"].entity_type != "GPE"


def test_an_adjective_alone_is_no_organisation(parse):
    found = entities_by_name(parse("Ottawa failed to consult Indigenous communities adequately."))
    assert "Indigenous" not in found


def test_the_white_house_stays_an_organisation(parse):
    found = entities_by_name(parse("The White House said the talks would continue."))
    assert found.get("White House") is None or found["White House"].entity_type != "FAC"


def test_a_company_short_name_joins_the_company(parse):
    found = entities_by_name(parse("Microsoft agreed to buy Nuvola Systems, a cloud start-up. Nuvola’s founder said the deal helps."))
    assert [m.text for m in found["Nuvola Systems"].mentions] == ["Nuvola Systems", "Nuvola"]


def test_a_town_stays_apart_from_the_institution_named_after_it(parse):
    found = entities_by_name(parse("The Northfield Chamber of Commerce opened an office in Northfield."))
    assert found["Northfield"].entity_type == "GPE"


def test_an_acronym_names_the_body_without_its_country(parse):
    found = entities_by_name(parse("The deal needs approval by the U.S. Federal Trade Commission (FTC). The FTC has not commented."))
    assert found["Federal Trade Commission"].entity_type == "ORG"
    assert {m.text for m in found["Federal Trade Commission"].mentions} >= {"FTC"}


def test_a_place_name_that_is_a_surname_here_stays_a_person(parse):
    found = entities_by_name(parse("Coach Tom Jordan praised the team. Jordan said the players were ready."))
    assert found["Tom Jordan"].entity_type == "PERSON"
    assert "Jordan" not in found


def test_a_sports_position_is_a_title(parse):
    found = entities_by_name(parse("Brazilian forward Tiago Alves scored twice, and defender Lucas Mendes was injured."))
    assert found["Tiago Alves"].entity_type == "PERSON"
    assert found["Lucas Mendes"].entity_type == "PERSON"


def test_a_lower_case_description_is_no_name(parse):
    found = entities_by_name(parse("A strong earthquake struck off the east coast of Taiwan on Wednesday."))
    assert "east coast" not in {name.casefold() for name in found}
    assert found["Taiwan"].entity_type == "GPE"


def test_a_place_inside_a_longer_untagged_name_is_not_taken(parse):
    found = entities_by_name(parse("Madrid won 2-0 at the Santiago Bernabéu on Sunday."))
    assert "Santiago" not in found


def test_a_short_place_name_joins_the_full_one(parse):
    found = entities_by_name(parse("Voters in Nakuru County went to the polls. The people of Nakuru will not be bought, she said."))
    assert [m.text for m in found["Nakuru County"].mentions] == ["Nakuru County", "Nakuru"]


def test_initials_join_the_one_name_they_spell(parse):
    found = entities_by_name(parse("Observers from the European Union watched the vote. The EU mission is led by Sean Kelly."))
    assert {m.text for m in found["European Union"].mentions} == {"European Union", "EU"}


def test_a_court_name_runs_on_through_for_and_of(parse):
    found = entities_by_name(parse("Judge Sarah Whitfield of the U.S. District Court for the Eastern District of Texas blocked the rule."))
    assert found["U.S. District Court for the Eastern District of Texas"].entity_type == "ORG"
    assert "Eastern District" not in found


def test_known_towns_tagged_locations_are_places(parse):
    found = entities_by_name(parse("Officers arrested 34 people in raids in Algeciras and seized cars in Marbella."))
    assert (found["Algeciras"].entity_type, found["Marbella"].entity_type) == ("GPE", "GPE")


def test_the_hague_keeps_its_article(parse):
    found = entities_by_name(parse("The operation was coordinated from The Hague, where Europol is based."))
    assert found["The Hague"].entity_type == "GPE"
    assert found["Europol"].entity_type == "ORG"


def test_a_hyphenated_surname_stays_whole(parse):
    found = entities_by_name(parse("Spanish Interior Minister Fernando Grande-Marlaska said it was one of the largest seizures."))
    assert found["Fernando Grande-Marlaska"].entity_type == "PERSON"
    assert "Fernando Grande" not in found


def test_a_region_is_a_location_and_an_airport_a_facility(parse):
    found = entities_by_name(parse("He was received at Palam airport and spoke of peace in the Indo-Pacific."))
    assert found["Indo-Pacific"].entity_type == "LOC"
    assert found["Palam airport"].entity_type == "FAC"


def test_a_feature_named_with_of_is_one_location(parse):
    found = entities_by_name(parse("The ship will patrol the Bay of Bengal from Visakhapatnam."))
    assert found["Bay of Bengal"].entity_type == "LOC"
    assert "Bengal" not in found


def test_an_acronym_tagged_a_person_is_an_organisation(parse):
    found = entities_by_name(parse("Pilots’ union SNPL warned of strikes at the airport."))
    assert found["SNPL"].entity_type == "ORG"


def test_a_company_the_ner_calls_a_place_in_a_list_of_companies_is_a_company(parse):
    found = entities_by_name(parse("Much of the growth came from data centres run by Microsoft, Amazon and Alphabet."))
    assert {found[n].entity_type for n in ("Microsoft", "Amazon", "Alphabet")} == {"ORG"}


def test_capitals_the_gazetteer_does_not_know_are_no_place(parse):
    found = entities_by_name(parse("Chief executive Jensen Huang said generative AI had hit the tipping point."))
    assert "AI" not in found


def test_the_region_of_a_name_is_a_place(parse):
    found = entities_by_name(parse("Many died in the coastal region of Pwani."))
    assert found["Pwani"].entity_type == "GPE"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sales rose after Japanese drugmaker Takeda cut prices.", {"Takeda": ("ORG", ["Takeda"])}),
        ("Russia would respond against Western assets held in its banks.", {"Western": ("NORP", ["Western"])}),
        ("Leaders of the Group of Seven met in Apulia. The G7 statement was short.", {"Group of Seven": ("ORG", ["Group of Seven", "G7"])}),
        (
            "Kylian Mbappé scored as Paris Saint-Germain won on Wednesday. His goal put PSG ahead.",
            {"Paris Saint-Germain": ("ORG", ["Paris Saint-Germain", "PSG"])},
        ),
        ("Prosecutors from the Southern District of New York told the court on Monday.", {"Southern District of New York": ("ORG", ["Southern District of New York"])}),
        (
            "A judge of the U.S. District Court for the Eastern District of Texas ruled.",
            {"U.S. District Court for the Eastern District of Texas": ("ORG", ["U.S. District Court for the Eastern District of Texas"])},
        ),
    ],
    ids=["company-after-its-descriptor", "compass-adjective-is-no-place", "numbered-group-and-its-short-name", "untagged-initials-of-a-club",
         "federal-district", "district-inside-a-court-name"],
)
def test_names_news_gives_in_passing(parse, text, expected):
    """Unhandled: a descriptor before a person ("bank chief Jane Fraser" keeps the person only
    because "chief" is no descriptor); initials that fit two names of the article join neither."""
    found = entities_by_name(parse(text))
    assert types_and_mentions_of(found, expected) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Shares of JPMorgan Chase rose on Friday. JPMorgan said profit jumped.", {"JPMorgan Chase": ("ORG", ["JPMorgan Chase", "JPMorgan"])}),
        (
            "The Federal Reserve held rates steady on Wednesday. The Fed is expected to cut in September.",
            {"Federal Reserve": ("ORG", ["Federal Reserve", "Fed"])},
        ),
        ("Alderman Brian Hopkins, who represents parts of downtown, said he would vote against it.", {"Brian Hopkins": ("PERSON", ["Brian Hopkins"])}),
        ("The victims, a 22-year-old man and a 19-year-old woman, were taken to Manchester Royal Infirmary.", {"Manchester Royal Infirmary": ("ORG", ["Manchester Royal Infirmary"])}),
    ],
    ids=["company-first-word", "known-short-name", "alderman-is-a-title", "infirmary-is-an-organisation"],
)
def test_short_names_titles_and_suffixes(parse, text, expected):
    """Unhandled: a first word shared by two organisations of the article joins neither."""
    found = entities_by_name(parse(text))
    assert types_and_mentions_of(found, expected) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Investigators from the US National Transportation Safety Board would join the inquiry.",
            {"US": "GPE", "National Transportation Safety Board": "ORG"},
        ),
        ("In London, the UK Health Security Agency (UKHSA) reported 216 new cases.", {"UK Health Security Agency": "ORG"}),
        ("Oppenheimer won seven Oscars at the Academy Awards ceremony in Los Angeles.", {"Oscars": "EVENT", "Academy Awards": "EVENT"}),
        ("Nearly 200 countries agreed at the COP29 climate summit in Baku.", {"COP29": "EVENT"}),
        ("The opposition alliance, led by the Congress party's Rahul Gandhi, won 234 seats.", {"Congress": "ORG"}),
        ("Acting President Choi Sang-mok said investigators would join the inquiry.", {"Choi Sang-mok": "PERSON"}),
        ("Shares of Jeju Air fell 8.7% on Monday.", {"Jeju Air": "ORG"}),
        ("Inspector-General of Police Kayode Egbetokun said officers would not allow anarchy.", {"Kayode Egbetokun": "PERSON"}),
    ],
    ids=["country-before-a-government-body", "country-inside-the-bodys-initials", "award-ceremonies-are-events", "numbered-summit-is-an-event",
         "lower-case-tail-of-an-org", "hyphenated-given-name", "air-is-a-company-word", "of-police-is-part-of-the-title"],
)
def test_country_prefixes_events_and_name_edges(parse, text, expected):
    """Unhandled: a country before a company ("Japan Airlines") stays whole on purpose; a city
    before its police ("New York Police Department") too."""
    found = entities_by_name(parse(text))
    assert types_of(found, expected) == expected


def test_a_white_house_the_ner_calls_a_building_is_the_administration(parse):
    found = entities_by_name(parse("He also met Jake Sullivan at the White House on Friday."))
    assert found["White House"].entity_type == "ORG"


def _entity(name, entity_type, *spans):
    return ArticleEntity(name, entity_type, [Mention(s, s + len(name), name, entity_type) for s in spans])


def test_a_one_word_name_tagged_person_once_is_the_organisation():
    """Unhandled: a tie in mentions keeps both; a surname of a person of the article stays the person."""
    joined = one_type_per_name.function("", [_entity("Kellanova", "ORG", 0, 50), _entity("Kellanova", "PERSON", 100), _entity("Ford", "ORG", 200),
                                _entity("Harrison Ford", "PERSON", 300), _entity("Ford", "PERSON", 400)])
    assert sorted((e.canonical_name, e.entity_type, len(e.mentions)) for e in joined) == [
        ("Ford", "ORG", 1), ("Ford", "PERSON", 1), ("Harrison Ford", "PERSON", 1), ("Kellanova", "ORG", 3),
    ]


def test_a_short_name_opening_a_product_joins_the_company_that_holds_it():
    """"Vaumarcus" beside the cheese "Vaumarcus Tomme" and "Fromagerie Vaumarcus SA": the company
    (short_org_names steps aside, inner_short_name joins); without the company, the product."""
    entities = [_entity("Vaumarcus Tomme", "ORG", 10), _entity("Fromagerie Vaumarcus SA", "ORG", 60), _entity("Vaumarcus", "ORG", 200)]
    joined = inner_short_name.function("", short_org_names.function("", entities))
    assert sorted((e.canonical_name, len(e.mentions)) for e in joined) == [("Fromagerie Vaumarcus SA", 2), ("Vaumarcus Tomme", 1)]
    alone = short_org_names.function("", [_entity("Vaumarcus Tomme", "ORG", 10), _entity("Vaumarcus", "ORG", 200)])
    assert [(e.canonical_name, len(e.mentions)) for e in alone] == [("Vaumarcus Tomme", 2)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Westbrook Council Leader Sofia Demir said the council would open two shelters.", {"Westbrook Council": "ORG", "Sofia Demir": "PERSON"}),
        ("The capsule landed in the New Mexico desert after a troubled test flight.", {"New Mexico": "GPE"}),
        (
            "Los Angeles Fire Department chief Kristin Crowley said crews had been short of water in some hydrants, and Mayor Karen Bass faced questions.",
            {"Los Angeles Fire Department": "ORG", "Kristin Crowley": "PERSON"},
        ),
    ],
    ids=["organisation-leading-a-role", "known-place-before-a-feature-word", "organisation-opening-a-sentence-with-a-place"],
)
def test_organisations_in_roles_and_places_before_features(parse, text, expected):
    """Unhandled: an organisation in the middle of a role ("Chief of Defence Staff") is a title
    word on purpose; a small place before a feature word still joins it ("the Dadia forest")."""
    found = entities_by_name(parse(text))
    assert types_of(found, expected) == expected


def test_a_plural_noun_opening_a_sentence_is_no_person(parse):
    found = entities_by_name(parse("Wildfires driven by strong winds have destroyed more than 10,000 buildings in Los Angeles County, officials said."))
    assert "Wildfires" not in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The San Francisco company has been under pressure from Anthropic and Meta Platforms.", {"Anthropic": "ORG", "Meta Platforms": "ORG"}),
        ("The Food and Drug Administration approved the drug on Friday.", {"Food and Drug Administration": "ORG"}),
        ("He said CCTV footage showed a man in a cap leaving the bag.", {}),
        ("Apple is in talks with OpenAI about using its technology in the iPhone.", {"iPhone": "PRODUCT"}),
        ("Starmer, speaking outside 10 Downing Street, promised a government of service.", {"10 Downing Street": "FAC"}),
        ("An explosion ripped through the Rameshwaram Cafe in Bengaluru on Friday.", {"Rameshwaram Cafe": "ORG"}),
        ("Biden said Republicans in Congress had blocked a bipartisan border bill.", {"Congress": "ORG"}),
    ],
    ids=["two-companies-joined-by-and", "and-inside-one-body", "acronym-of-a-thing", "camel-case-product", "street-address", "cafe-is-who-runs-it",
         "congress-after-in-is-no-place"],
)
def test_coordinations_acronyms_products_and_addresses(parse, text, expected):
    """Unhandled: brands of a company ("Pop-Tarts") come out as organisations."""
    found = entities_by_name(parse(text))
    assert {name: e.entity_type for name, e in found.items() if e.entity_type in ("ORG", "PRODUCT", "FAC", "GPE") and name not in ("Apple", "OpenAI", "Bengaluru", "Biden", "San Francisco")} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The union reached a deal with General Motors on Monday.", {"General Motors": "ORG"}),
        ("The Japan Meteorological Agency lifted a tsunami warning on Tuesday.", {"Japan Meteorological Agency": "ORG"}),
        ("President Luiz Inácio Lula da Silva visited the region and promised federal aid.", {"Luiz Inácio Lula da Silva": "PERSON"}),
        ("Floods in the southern Brazilian state of Rio Grande do Sul have killed at least 100 people.", {"Rio Grande do Sul": "GPE"}),
        ("The robbery, at a store owned by the Italian jeweller Bulgari, took less than three minutes.", {"Bulgari": "ORG"}),
        (
            "The fighting between the army, led by General Abdel Fattah al-Burhan, and the Rapid Support Forces has destroyed much of Khartoum.",
            {"Abdel Fattah al-Burhan": "PERSON"},
        ),
    ],
    ids=["general-before-a-company-word-is-no-title", "full-country-name-leading-a-body-stays", "particle-in-a-titled-name",
         "particle-in-a-known-place", "jeweller-is-a-company-descriptor", "hyphenated-particle-in-a-titled-name"],
)
def test_names_with_particles_and_company_words(parse, text, expected):
    """Unhandled: a particle name the gazetteer does not know stays cut unless it is a person's."""
    found = entities_by_name(parse(text))
    assert types_of(found, expected) == expected


def test_a_country_is_not_the_city_named_after_it(parse):
    found = entities_by_name(parse("Claudia Sheinbaum was elected Mexico's first woman president. Sheinbaum, a former mayor of Mexico City, will take office in October."))
    assert (found["Mexico"].entity_type, found["Mexico City"].entity_type) == ("GPE", "GPE")


def test_a_town_name_before_party_is_the_party(parse):
    """Unhandled: a prominent city's name tagged an organisation still becomes the city."""
    text = (
        "Sheinbaum, a former mayor of Mexico City and a climate scientist, will take office on October 1. She ran for the ruling Morena party "
        "founded by outgoing President Andrés Manuel López Obrador.\n\nThe peso fell 3% on Monday as investors worried about Morena's large majority in Congress."
    )
    found = entities_by_name(parse(text))
    assert (found["Morena"].entity_type, len(found["Morena"].mentions)) == ("ORG", 2)


def test_a_nationality_adjective_is_no_place(parse):
    """Unhandled: a nationality adjective the gazetteer knows as a town keeps the town."""
    text = (
        "Ukrainian troops have pushed up to 30 km into the Kursk region, officials said on Monday. "
        "Governor Alexei Smirnov said 28 villages were under Ukrainian control and 121,000 people had been evacuated."
    )
    assert [(e.canonical_name, e.entity_type) for e in extract_entities(parse(text)) if e.canonical_name == "Ukrainian"] == [("Ukrainian", "NORP")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The US Federal Reserve and the European Central Bank meet later this month.", {"US": "GPE", "Federal Reserve": "ORG"}),
        ("In Jakarta he visited the Istiqlal Mosque, South-east Asia's largest, with its grand imam.", {"Istiqlal Mosque": "FAC", "South-east Asia": "LOC"}),
    ],
    ids=["country-before-its-reserve", "region-cut-in-two-and-a-mosque"],
)
def test_regions_cut_in_two_and_places_of_worship(parse, text, expected):
    """Unhandled: a region the gazetteer does not know stays in two pieces."""
    found = entities_by_name(parse(text))
    assert types_of(found, expected) == expected
    assert "Asia" not in found or "South-east Asia" not in expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Opposition leader Lee Jae-myung of the Democratic Party called the declaration illegal.", {"Lee Jae-myung": "PERSON"}),
        ("Silver rose to a 12-year high. Shares of Newmont, the world's biggest gold miner, rose 2% in New York.", {"Newmont": "ORG"}),
        ("Rival BYD sold more cars than Tesla in the third quarter, according to data from Bloomberg.", {"Bloomberg": "ORG"}),
    ],
    ids=["hyphenated-korean-given-name", "shares-of-a-company", "news-agency-after-from"],
)
def test_given_names_shares_and_news_agencies(parse, text, expected):
    """Unhandled: an untagged all-capitals company ("BYD") is not found."""
    found = entities_by_name(parse(text))
    assert types_of(found, expected) == expected


def test_a_shared_surname_names_the_person_introduced_first(parse):
    """Unhandled: a story whose protagonist is introduced after a namesake gets the namesake."""
    text = (
        "Senator Ted Cruz endorsed the plan on Friday. His wife, Heidi Cruz, had campaigned for it in Houston. "
        "Cruz said the plan would pass next week."
    )
    found = entities_by_name(parse(text))
    assert [m.text for m in found["Heidi Cruz"].mentions] == ["Heidi Cruz"]
    assert "Cruz" in [m.text for m in found["Ted Cruz"].mentions]


def test_a_lower_case_title_names_the_one_titled_person(parse):
    """"The president said" after "President Barack Obama"; "the president of the museum" is
    someone else."""
    found = entities_by_name(parse("President Barack Obama opened the museum on Saturday. The president said it would tell an American story."))
    assert "president" in [m.text for m in found["Barack Obama"].mentions]
    found = entities_by_name(parse("President Barack Obama opened the museum. The president of the museum said it cost a lot."))
    assert "president" not in [m.text for m in found["Barack Obama"].mentions]


def test_initials_after_a_spokeswoman_are_no_person(parse):
    """"A spokeswoman for BMG": the initials name the bank, not the spokeswoman."""
    found = entities_by_name(parse("Banque Mosellane (BMG) manages 9 billion euros. A spokeswoman for BMG said the bank would appeal."))
    assert all(e.entity_type != "PERSON" for e in found.values())


@pytest.mark.parametrize(("text", "dropped", "kept"), [
    ("Turnout was 61 percent. Officials said turnout fell in the cities.", "Turnout", None),
    ("\u201cMackerel stocks are under pressure,\u201d she said. The mackerel quota was cut.", "Mackerel", None),
    ("Rose Tanner won. Rose said prices rose.", None, "Rose Tanner"),
])
def test_a_common_word_opening_a_sentence_is_no_person(parse, text, dropped, kept):
    names = {e.canonical_name for e in extract_entities(parse(text))}
    if dropped:
        assert dropped not in names
    if kept:
        assert kept in names


def test_the_first_of_two_surnames_joins_only_one_person_so_named():
    from transforms.entities.name_joins import first_of_two_surnames

    body = "Maria Lopez Garcia met Elena Lopez Ruiz. Lopez said little."
    one = [_entity("Maria Lopez Garcia", "PERSON", 0), _entity("Lopez", "ORG", body.index("Lopez said"))]
    assert [e.canonical_name for e in first_of_two_surnames.function(body, one)] == ["Maria Lopez Garcia"]
    two = [_entity("Maria Lopez Garcia", "PERSON", 0), _entity("Elena Lopez Ruiz", "PERSON", body.index("Elena")), _entity("Lopez", "ORG", body.index("Lopez said"))]
    assert len(first_of_two_surnames.function(body, two)) == 3
