"""Whole invented articles: one entity per real thing across datelines, agencies, short names,
accent variants and places named beside organisations (the constructions of issue 18)."""

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
