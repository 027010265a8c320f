"""The temporal rules' registries: every example of every pattern and context pass, and the
provenance they give each expression (``temporal_expressions.pattern``)."""

from datetime import date

import pytest

from transforms.extract import extract_article
from transforms.records import Article
from transforms.rules import check_registry
from transforms.time.context import CONTEXT_PASSES
from transforms.time.expressions import find_timexes
from transforms.time.patterns import PATTERNS

RULES = (*PATTERNS, *CONTEXT_PASSES)
RULE_NAMES = {entry.name for entry in RULES}
EXAMPLES = [pytest.param(entry, example, id=f"{entry.name}:{example.expected.span}") for entry in RULES for example in entry.examples]


def test_the_registries_follow_the_conventions():
    check_registry("PATTERNS", PATTERNS)
    check_registry("CONTEXT_PASSES", CONTEXT_PASSES)
    assert not {p.name for p in PATTERNS} & {p.name for p in CONTEXT_PASSES}


@pytest.mark.parametrize("entry", RULES, ids=lambda entry: entry.name)
def test_every_rule_says_what_it_does_not_handle(entry):
    assert "Not" in entry.doc, f"{entry.name}: say what it does not handle (Not: ... / Notes:)"


def test_patterns_keep_their_priority_order():
    names = [p.name for p in PATTERNS]
    # longer, more specific patterns first: a later pattern never takes an earlier one's text
    assert names.index("weekday_date") < names.index("month_day_year") < names.index("weekday")
    assert names.index("time_weekday") < names.index("clock_time") < names.index("weekday")
    assert names.index("ago") < names.index("duration_words") and names.index("month_capitalised") < names.index("month_alone")
    assert names[0] == "iso_date" and names[-1] == "vague"


@pytest.mark.parametrize(("entry", "example"), EXAMPLES)
def test_every_rule_example(entry, example):
    expected = example.expected
    tense = expected.tense
    found = find_timexes(example.text, expected.published, (lambda _offset: tense) if tense else None)
    spans = {timex.text: timex for timex in found}
    assert expected.span in spans, found
    timex = spans[expected.span]
    assert (timex.value, timex.pattern) == (expected.value, entry.name), timex
    assert example.text[timex.char_start : timex.char_end] == expected.span


def test_every_expression_of_an_article_names_its_rule(parse):
    body = (
        "The talks began on Oct. 23, 2021, and ended that same day. A year earlier, on April 24 and 25, "
        "officials met every Thursday. Profit in the third quarter fell from a year ago, and prices "
        "rose for weeks. The board meets next Monday at 10 a.m. and reports results recently."
    )
    article = Article("a1", "a1.txt", 0, "txt", "0" * 64, date(2023, 6, 5), None, None, body, len(body.split()), "test", None, None)
    rows = extract_article(article, parse(body))
    assert len(rows.temporal_expressions) >= 8
    for row in rows.temporal_expressions:
        assert row.pattern in RULE_NAMES, row
        assert body[row.char_start : row.char_end] == row.text
    assert {"anchor_anaphora", "coordinated_days", "compare_quarters"} <= {row.pattern for row in rows.temporal_expressions}
