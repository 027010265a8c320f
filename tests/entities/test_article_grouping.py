"""Whole invented articles: one entity per real thing across datelines, agencies, short names,
accent variants and places named beside organisations (the constructions of issue 18)."""

import pytest

from transforms.entities.extraction import extract_entities


def _entities(parse, text):
    return {e.canonical_name: (e.entity_type, sorted({m.text for m in e.mentions})) for e in extract_entities(parse(text))}


def test_dateline_agency_and_lead_company(parse):
    found = _entities(parse, (
        "OSLO (Fjord Newswire) - Brennvik Technologies, the Oslo-based maker of ferry software, will cut 120 jobs. "
        "Brennvik said demand had fallen.\n\n© 2024 Fjord Newswire"
    ))
    assert found["Fjord Newswire"][0] == "ORG"
    assert found["Brennvik Technologies"] == ("ORG", ["Brennvik", "Brennvik Technologies"])
    assert found["Oslo"][0] == "GPE"


def test_accent_variant_and_last_word_short_name_join(parse):
    found = _entities(parse, (
        "The governor, Dragana Milovanović, resigned on Friday. Milovanovic took office in 2019. "
        "Two of Italy's largest regional lenders, Banca Vellana and Credito Alpino, agreed on Wednesday to merge. "
        "Vellana was founded in Parma in 1867."
    ))
    assert "Milovanovic" not in found and found["Dragana Milovanović"][1] == ["Dragana Milovanović", "Milovanovic"]
    assert found["Banca Vellana"] == ("ORG", ["Banca Vellana", "Vellana"])
    assert found["Credito Alpino"][0] == "ORG"


def test_country_possessive_stays_apart_from_its_ministry(parse):
    found = _entities(parse, "Latvia's Ministry of Culture said it would keep the fund. Latvia has 1.9 million people.")
    assert found["Ministry of Culture"][0] == "ORG"
    assert found["Latvia"][0] == "GPE"
    assert not any("'s" in name for name in found)


@pytest.mark.parametrize(
    ("text", "together", "apart"),
    [
        ("Jens Kroll, head of the North Sea-Baltic Canal Authority (NBCA), said the locks were shut. The NBCA said divers were at work.",
         ("North Sea-Baltic Canal Authority", "NBCA"), None),
        ("Protests spread from Lyon (France) to Geneva on Monday.", None, ("Lyon", "France")),
        ("Senator Ana Costa (PSD) said the vote would be close. The PSD agreed.", None, ("Ana Costa", "PSD")),
    ],
    ids=["short-form-not-initials", "place-in-brackets", "party-of-a-person"],
)
def test_a_short_form_in_brackets_joins_only_an_organisation(parse, text, together, apart):
    entities = extract_entities(parse(text))
    owner = {m.text: e.entity_id for e in entities for m in e.mentions}
    if together:
        assert owner[together[0]] == owner[together[1]]
    if apart:
        assert all(m.repaired_by != "defined_short_name" for e in entities for m in e.mentions)
        assert apart[1] not in owner or owner[apart[0]] != owner[apart[1]]


def test_untagged_first_name_joins_the_surname_tagged_elsewhere(parse):
    # The model tags "Hrytsenko" alone (or nothing at the full name): the full name is the
    # person, and the later surname is a mention of it, not a second person.
    found = _entities(parse, "Kerr beat Ukraine’s Oleksandr Hrytsenko in the final round. Hrytsenko resigned after six hours.")
    assert found["Oleksandr Hrytsenko"] == ("PERSON", ["Hrytsenko", "Oleksandr Hrytsenko"])
    assert "Hrytsenko" not in found


def test_an_amount_after_a_company_is_not_part_of_its_name(parse):
    found = _entities(parse, "Regulators fined Nordvik Bank 4 billion crowns on Tuesday. Nordvik Bank said it would appeal.")
    assert "Nordvik Bank 4" not in found and found["Nordvik Bank"][0] == "ORG"


@pytest.mark.parametrize(("text", "place", "agency"), [
    ("By Ana Reis, Science Reporter\n\nRECIFE, Brazil (Pernambuco Press) - A new frog was found.", "Recife", "Pernambuco Press"),
    ("ABIDJAN, Feb 23 (West Africa Wire) — Cocoa arrivals rose.", "Abidjan", "West Africa Wire"),
    ("PORTO, Portugal — Trams stopped on Monday.", "Porto", None),
    ("WROCŁAW, Poland (Wire) - Thousands of people were evacuated.", "Wrocław", None),
], ids=["after-byline", "with-date", "no-agency", "accented-capitals-generic-agency"])
def test_dateline_forms(parse, text, place, agency):
    found = {name.casefold(): value for name, value in _entities(parse, text).items()}
    assert found[place.casefold()][0] == "GPE"
    assert "wire" not in found
    if agency:
        assert found[agency.casefold()][0] == "ORG"


@pytest.mark.parametrize(
    ("forms", "name"),
    [
        (["HIllary Clinton", "Hillary Clinton", "Hillary Clinton"], "Hillary Clinton"),
        (["Samir Kamat", "Samir V Kamat"], "Samir V Kamat"),
        (["Ana Costa", "Ana Costa"], "Ana Costa"),
    ],
)
def test_a_person_is_called_by_the_fullest_well_typed_name(forms, name):
    from transforms.entities.grouping import fullest_name

    assert fullest_name(forms) == name


def test_a_headline_typo_does_not_name_the_person(parse):
    found = _entities(parse, "HIllary Clinton Leads in Ohio\n\nHillary Clinton spoke in Ohio on Monday. Hillary Clinton said she would win.")
    assert "Hillary Clinton" in found and "HIllary Clinton" not in found


@pytest.mark.parametrize(("short", "name", "spells"), [
    ("Sidecan", "Siderúrgica del Cantábrico", True),
    ("EPP", "Estradas Públicas de Portugal", True),
    ("Sidecan", "Kalinga Steel Ltd", False),
    ("Side", "Siderúrgica del Cantábrico", False),  # every word of the name is used
])
def test_a_short_name_made_of_word_prefixes(short, name, spells):
    from transforms.entities.joins import _word_prefixes

    assert _word_prefixes(short, name) is spells


def test_a_handle_the_person_posts_as_joins_the_person_not_the_company_it_spells(parse):
    found = _entities(parse, (
        "\"The reef is alive,\" said Kieran Lowry, who runs Lowry Reef Charters and posts footage every day as @lowryreef. "
        "Lowry Reef Charters sold 300 trips last year."
    ))
    assert "@lowryreef" in found["Kieran Lowry"][1]
    assert "@lowryreef" not in found["Lowry Reef Charters"][1]


@pytest.mark.parametrize("text", [
    "This area was closed on Monday.",
    "Every station was shut on Friday.",
    "Residents of the area said the road was closed.",
])
def test_no_name_before_a_place_noun_gives_no_place(parse, text):
    assert not any(m.repaired_by == "name_before_place_noun" for e in extract_entities(parse(text)) for m in e.mentions)


def test_a_company_short_name_the_model_calls_a_place_joins_the_company_once_and_stays_apart_from_a_country(parse):
    found = _entities(parse, (
        "Silver Basin Lithium Corp said the permit was unlawful. Silver Basin shares rose 11 percent in Toronto. "
        "Japan Airlines Ltd cut flights. Japan will pay for the new airport."
    ))
    assert found["Silver Basin Lithium Corp"] == ("ORG", ["Silver Basin", "Silver Basin Lithium Corp"])
    assert found["Japan"][0] == "GPE"
