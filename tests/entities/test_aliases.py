import re

import pytest

from newsledger.inputs import read_alias_file
from transforms.entities.aliases import AliasFileError, AliasMap, alias_key, extractor_version, parse_alias_csv
from transforms.entities.extraction import extract_entities

CSV = "alias,canonical_name,entity_type\nUS,United States,GPE\nModi,Narendra Modi,PERSON\nWHO,World Health Organization,\n"


def test_parse_and_look_up():
    aliases = parse_alias_csv(CSV)
    assert aliases.canonical("U.S.", "GPE") == "United States"
    assert aliases.canonical("us", "GPE") == "United States"
    assert aliases.canonical("US", "ORG") == "US"  # typed entries apply to their type only
    assert aliases.canonical("WHO", "ORG") == "World Health Organization"  # untyped: any type
    assert aliases.canonical("Paris", "GPE") == "Paris"


@pytest.mark.parametrize(
    ("text", "words"),
    [("name,canonical_name\nx,y\n", "missing column(s) alias"), ("alias,canonical_name\nx,\n", "line 2 needs both")],
)
def test_bad_alias_files_say_what_to_fix(text, words):
    with pytest.raises(AliasFileError, match=re.escape(words)):
        parse_alias_csv(text)


def test_alias_key_and_version():
    assert alias_key(" U.S.  ") == "us"
    assert extractor_version("1.0", AliasMap()) == "1.0"
    assert extractor_version("1.0", parse_alias_csv(CSV)).startswith("1.0+aliases.")
    assert extractor_version("1.0", parse_alias_csv(CSV)) != extractor_version("1.0", parse_alias_csv(CSV.replace("Modi,", "NaMo,")))


def test_missing_alias_file_is_no_aliases(tmp_path):
    assert read_alias_file(tmp_path / "aliases.csv") == AliasMap()


def test_aliases_rename_names_the_text_cannot_join(parse):
    # One article says "the United States", another only "the U.S.": text alone cannot join
    # them (inside one article the initials do); the alias file gives both one name.
    first, second = parse("Officials in the United States met."), parse("The U.S. said it would help.")
    plain = {(e.entity_type, e.canonical_name) for doc in (first, second) for e in extract_entities(doc)}
    assert {("GPE", "United States"), ("GPE", "U.S.")} <= plain
    joined = [e for doc in (first, second) for e in extract_entities(doc, parse_alias_csv(CSV)) if e.entity_type == "GPE"]
    assert [e.canonical_name for e in joined] == ["United States", "United States"]
    assert "alias_file" in joined[1].alias_names().values()


def test_initials_join_their_name_inside_one_article_without_an_alias_file(parse):
    doc = parse("Officials in the United States met. The U.S. said it would help.")
    assert [e.canonical_name for e in extract_entities(doc) if e.entity_type == "GPE"] == ["United States"]
