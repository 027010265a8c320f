"""The quote and speaker registries: every rule documented, every example run, every row traced.

An example of a quote rule (DIRECT_SPEAKER_RULES, QUOTE_RULES) expects (quote text, speaker) of a
quote whose ``found_by`` is that rule; an example of a speaker rule (SPEAKER_RULES) expects the
speaker of a quote whose ``speaker_by`` is that rule. ``None`` says the rule finds nothing there.
"""

import pytest

from newsledger.core.schemas import QUOTE_FOUND_BY, QUOTE_SPEAKER_BY
from transforms import lexicon
from transforms.context import ArticleContext
from transforms.entities.extraction import extract_entities
from transforms.quotes.direct import DIRECT_SPEAKER_RULES
from transforms.quotes.extraction import FOUND_BY_VALUES, SPEAKER_BY_VALUES, extract_quotes
from transforms.quotes.indirect import QUOTE_RULES
from transforms.quotes.speakers import SPEAKER_RULES
from transforms.lexicons.verbs import verb_forms
from transforms.rules import check_registry

REGISTRIES = {"DIRECT_SPEAKER_RULES": DIRECT_SPEAKER_RULES, "QUOTE_RULES": QUOTE_RULES, "SPEAKER_RULES": SPEAKER_RULES}


def quotes_in(doc):
    return extract_quotes(ArticleContext.build(doc).with_entities(extract_entities(doc)))


@pytest.mark.parametrize("name", sorted(REGISTRIES))
def test_registry_follows_the_conventions(name):
    check_registry(name, REGISTRIES[name])


def test_the_schema_lists_every_rule_name():
    assert QUOTE_FOUND_BY == FOUND_BY_VALUES
    assert QUOTE_SPEAKER_BY == SPEAKER_BY_VALUES
    assert len(set(FOUND_BY_VALUES)) == len(FOUND_BY_VALUES)


def _quote_examples():
    for registry in (DIRECT_SPEAKER_RULES, QUOTE_RULES):
        for entry in registry:
            for number, example in enumerate(entry.examples):
                yield pytest.param(entry.name, example.text, example.expected, id=f"{entry.name}-{number}")


def _speaker_examples():
    for entry in SPEAKER_RULES:
        for number, example in enumerate(entry.examples):
            yield pytest.param(entry.name, example.text, example.expected, id=f"{entry.name}-{number}")


@pytest.mark.parametrize(("name", "text", "expected"), list(_quote_examples()))
def test_quote_rule_example(parse, name, text, expected):
    found = [(q.text, q.speaker) for q in quotes_in(parse(text)) if q.found_by == name]
    if expected is None:
        assert found == []
    else:
        assert tuple(expected) in found, found


@pytest.mark.parametrize(("name", "text", "expected"), list(_speaker_examples()))
def test_speaker_rule_example(parse, name, text, expected):
    found = [q.speaker for q in quotes_in(parse(text)) if q.speaker_by == name]
    if expected is None:
        assert None in found or found == [], found
    else:
        assert expected in found, found


ARTICLE = (
    "Mayor Elena Varga opened the harbour on Monday.\n\n"
    "“We will rebuild the terminal,” she said. “The ferries will run again.”\n\n"
    "According to Samuel Okafor, the line will reopen on Friday.\n\n"
    "“We want the plan withdrawn before the vote,” they said."
)


def test_every_quote_names_its_rules(parse):
    rows = [(q.text, q.found_by, q.speaker, q.speaker_by if q.speaker else None) for q in quotes_in(parse(ARTICLE))]
    assert rows == [
        # merged from two pieces: keeps the first piece's rules
        ("We will rebuild the terminal,” she said. “The ferries will run again.", "cue_beside_quote", "Elena Varga", "personal_pronoun"),
        ("the line will reopen on Friday", "according_to", "Samuel Okafor", "named_subject"),
        ("We want the plan withdrawn before the vote,", "cue_beside_quote", None, None),
    ]
    assert {found_by for _, found_by, _, _ in rows} <= set(FOUND_BY_VALUES)
    assert {by for *_, by in rows if by} <= set(SPEAKER_BY_VALUES)


@pytest.mark.parametrize(
    ("lemma", "irregular", "expected"),
    [
        ("say", ("said",), {"say", "says", "saying", "said"}),
        ("deny", ("denied",), {"deny", "denies", "denying", "denied"}),
        ("push", (), {"push", "pushes", "pushing", "pushed"}),
        ("agree", (), {"agree", "agrees", "agreing", "agreed"}),
        ("admit", (), {"admit", "admits", "admiting", "admited", "admitted", "admitting"}),
        ("echo", (), {"echo", "echos", "echoes", "echoing", "echoed"}),
    ],
    ids=["irregular-past", "consonant-y", "sibilant", "final-e-dropped-as-it-always-was", "doubling", "final-o"],
)
def test_verb_forms(lemma, irregular, expected):
    assert verb_forms(lemma, irregular) == expected


def test_verb_forms_is_the_reporting_verbs_inflection():
    """transforms.lexicon inflects the reporting verbs the same way (it may call verb_forms)."""
    assert {"say", "says", "saying", "said", "denies", "denied", "admitted", "labelled", "criticised"} <= lexicon.REPORTING_VERB_FORMS
    assert "sayed" not in lexicon.REPORTING_VERB_FORMS
