"""Every example of the entity registries, the registries' conventions, and ``repaired_by``."""

from __future__ import annotations

import pytest

from transforms.context import ArticleContext

from transforms.entities.extraction import ENTITY_JOINS, ENTITY_REPAIRS, MENTION_FINDERS, PERSON_FINDERS, extract_entities
from transforms.entities.mentions import MentionSearch
from transforms.entities.repairs import first_repair
from transforms.rules import check_registry

REGISTRIES = {"ENTITY_REPAIRS": ENTITY_REPAIRS, "MENTION_FINDERS": MENTION_FINDERS, "PERSON_FINDERS": PERSON_FINDERS, "ENTITY_JOINS": ENTITY_JOINS}
RULE_NAMES = {entry.name for rules in REGISTRIES.values() for entry in rules}


def _examples(registry):
    return [pytest.param(entry, example, id=f"{entry.name}-{i}") for entry in registry for i, example in enumerate(entry.examples)]


@pytest.mark.parametrize("name", sorted(REGISTRIES))
def test_registry_follows_the_conventions(name):
    check_registry(name, REGISTRIES[name])


def test_rule_names_are_unique_across_the_registries():
    assert len(RULE_NAMES) == sum(len(rules) for rules in REGISTRIES.values())


def repairs_answered(doc, repair):
    """What ``repair`` answered for the model's entities of ``doc``: (text, label) per span it
    gave, (the entity's text, None) for an entity it dropped."""
    search = MentionSearch.build(ArticleContext.build(doc))
    answered = []
    for ent in search.ents:
        chosen, answer = first_repair(ent, search.body, search.speakers, search.surnames)
        if chosen is repair:
            answered += [(search.body[start:end], label) for start, end, label in answer] or [(ent.text, None)]
    return answered


@pytest.mark.parametrize(("repair", "example"), _examples(ENTITY_REPAIRS))
def test_entity_repair_examples(parse, repair, example):
    answered = repairs_answered(parse(example.text), repair)
    assert answered == (example.expected or [])


def found_by(doc, finder):
    """The mentions ``finder`` added or changed, run in its place in ``MENTION_FINDERS``."""
    search = MentionSearch.build(ArticleContext.build(doc))
    mentions = []
    for entry in MENTION_FINDERS:
        before, mentions = mentions, entry(search, mentions)
        if entry is finder:
            return [(m.text, m.label) for m in mentions if m not in before]
    raise AssertionError(f"{finder.name} is not in MENTION_FINDERS")


@pytest.mark.parametrize(("finder", "example"), _examples(MENTION_FINDERS))
def test_mention_finder_examples(parse, finder, example):
    assert found_by(parse(example.text), finder) == (example.expected or [])


@pytest.mark.parametrize(("finder", "example"), _examples(PERSON_FINDERS))
def test_person_finder_examples(parse, finder, example):
    doc = parse(example.text)
    given = [(m.text, "PERSON") for e in extract_entities(doc) for m in e.mentions if m.repaired_by == finder.name]
    assert given == (example.expected or [])


@pytest.mark.parametrize(("join", "example"), _examples(ENTITY_JOINS))
def test_entity_join_examples(parse, join, example):
    """(mention, the entity it joined) for every mention the join moved."""
    doc = parse(example.text)
    joined = [(m.text, e.canonical_name) for e in extract_entities(doc) for m in e.mentions if m.repaired_by == join.name]
    assert joined == (example.expected or [])


def test_repaired_by_names_the_rule_and_is_null_where_the_model_stood(parse):
    doc = parse("Storm Dagny closed roads in Oslo on Sunday. Union Defence Minister Rajnath Singh visited Oslo.")
    repaired_by = {m.text: m.repaired_by for e in extract_entities(doc) for m in e.mentions}
    assert repaired_by == {"Storm Dagny": "storm_name", "Oslo": None, "Rajnath Singh": "titled_name"}
    assert set(repaired_by.values()) - {None} <= RULE_NAMES
