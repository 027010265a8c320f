"""Every example of EVENT_TRIGGERS: the rule alone answers it (the trigger, NO_EVENT_TEXT or
nothing), and the whole event finder agrees on the sentences where the rule answers."""

from datetime import date

import pytest

from transforms.rules import check_registry
from transforms.time.event_rules import EVENT_TRIGGERS, NO_EVENT, NO_EVENT_TEXT, EventSite
from transforms.time.events import NEAREST_VERB, _trigger_for, extract_events
from transforms.time.expressions import find_timexes
from transforms.time.tense import tense_function

PUBLISHED = date(2023, 6, 5)
CASES = [(r, e) for r in EVENT_TRIGGERS for e in r.examples]


def test_registry_is_documented():
    check_registry("EVENT_TRIGGERS", EVENT_TRIGGERS)


def _dating_roots(doc):
    timexes = [t for t in find_timexes(doc.text, PUBLISHED, tense_function(doc)) if t.timex_type in ("DATE", "TIME")]
    return timexes, [doc.char_span(t.char_start, t.char_end, alignment_mode="expand").root for t in timexes]


@pytest.mark.parametrize(("entry", "example"), CASES, ids=[f"{r.name}: {e.text}" for r, e in CASES])
def test_rule_example(parse, entry, example):
    doc = parse(example.text)
    timexes, roots = _dating_roots(doc)
    assert roots, f"no dating expression in {example.text!r}"
    answers = [entry(EventSite(root, _trigger_for(root), doc.text, t.value)) for root, t in zip(roots, timexes, strict=True)]
    shown = [NO_EVENT_TEXT if a is NO_EVENT else (a.text if a is not None else None) for a in answers]
    if example.expected is None:
        assert shown == [None] * len(roots)
    else:
        assert example.expected in shown
        events = extract_events(doc, timexes)
        if example.expected == NO_EVENT_TEXT:
            assert not [e for e in events if e.trigger_by == entry.name]
        else:
            assert any(e.trigger == example.expected and e.trigger_by == entry.name for e in events)


@pytest.mark.parametrize(
    ("text", "trigger", "value", "trigger_by"),
    [
        ("The minister visited the orchards on Monday.", "visited", "2023-06-05", NEAREST_VERB),
        ("The deal fell through on Monday evening.", "fell", "2023-06-05TEV", NEAREST_VERB),
        ("A spokeswoman declined to comment on Thursday.", "declined", "2023-06-01", "implicative_head"),
        ("Prices rose 7 percent in March from a year earlier.", "rose", "2023-03", NEAREST_VERB),
        # A saying and its medium are one happening: the trigger names both, its span starts at the verb.
        ("The ministry said in a statement on Monday that it would appeal.", "said in a statement", "2023-06-05", "setting_event"),
    ],
)
def test_one_event_per_happening(parse, text, trigger, value, trigger_by):
    doc = parse(text)
    timexes, _ = _dating_roots(doc)
    events = extract_events(doc, timexes)
    assert [(e.trigger, e.date_value, e.trigger_by) for e in events] == [(trigger, value, trigger_by)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A nominal event: the date on an event noun dates the noun.
        ("The vote on Tuesday was postponed.", [("vote", "2023-05-30")]),
        ("Turnout on Sunday was 52 percent.", [("Turnout", "2023-06-04")]),
        ("The review in March found flaws.", [("review", "2023-03")]),
        ("The festival's edition in May drew record crowds.", [("edition", "2023-05")]),
        # Plurals in -es and -ies are event nouns too; so is a named event (a proper noun).
        ("Police said the speeches in March drew large crowds.", [("speeches", "2023-03")]),
        ("Three deliveries in May arrived late.", [("deliveries", "2023-05")]),
        ("Half the village emigrated after the Great Famine of the 1840s.", [("Famine", "184")]),
        # Coordinated dates: one event each.
        ("Shares fell 4 percent on Monday and a further 2 percent on Tuesday.", [("fell", "2023-06-05"), ("fell", "2023-05-30")]),
        # A subordinate clause keeps its own verb; the main clause keeps its own.
        ("The bridge, which opened in 1998, will close next month.", [("opened", "1998"), ("close", "2023-07")]),
        # A copula inside a reported clause: the happening is inside, never the reporting verb.
        ("Analysts believe a merger is possible before the summer.", [("merger", "2023-SU")]),
        # Dates that anchor no happening.
        ("A 2019 report found that the river was polluted.", []),
    ],
)
def test_general_constructions(parse, text, expected):
    doc = parse(text)
    timexes, _ = _dating_roots(doc)
    assert [(e.trigger, e.date_value) for e in extract_events(doc, timexes)] == expected


def test_a_restated_date_is_one_event(parse):
    # "on May 12, the same day": the second expression restates the first; one row.
    doc = parse("The run-off will be held on May 12, on the same day.")
    timexes, _ = _dating_roots(doc)
    events = extract_events(doc, timexes)
    assert len({(e.trigger, e.date_value) for e in events}) == len(events)


def test_dating_root_skips_a_stray_punct_attachment(parse):
    from transforms.time.events import dating_root

    doc = parse("The union said 87 percent of its members at the three hospitals had walked out at 8 a.m.")
    span = doc.char_span(doc.text.index("8 a.m."), doc.text.index("8 a.m.") + len("8 a.m."), alignment_mode="expand")
    root = dating_root(span)
    assert root.dep_ != "punct"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The grant spans the years 2021 to 2024.", []),
        ("The new budget covers fiscal 2026, the council said on Tuesday.", [("said", "2023-05-30")]),
        ("The insurer will cover the repairs in March.", [("cover", "2024-03")]),
    ],
)
def test_a_covered_period_is_no_event(parse, text, expected):
    doc = parse(text)
    timexes, _ = _dating_roots(doc)
    assert [(e.trigger, e.date_value) for e in extract_events(doc, timexes)] == expected


@pytest.mark.parametrize(
    ("text", "timex", "triggers"),
    [
        # A clause head the tagger took for a noun, known by its "to": the climb stops there.
        ("The first ferry affected, the 300-seat Aurora, is due to dock at 7 a.m. on May 3.", "7 a.m.", ["dock"]),
        # A copula heading a coordinated clause stops the climb: the first verb is not dated.
        ("The club has sold 40 players since 2016 and has been under a transfer ban since October.", "October", []),
        # A hyphenated event noun split by the tokenizer, headed by its first part: its last part.
        ("The party said on Thursday it would challenge the result of last week's parliamentary by-election in Kabwata in the High Court, deepening a dispute.", "last week", ["election"]),
    ],
)
def test_the_climb_stops_at_a_clause_head(parse, text, timex, triggers):
    doc = parse(text)
    timexes, _ = _dating_roots(doc)
    events = extract_events(doc, timexes)
    assert [e.trigger for e in events if e.timex.text == timex] == triggers
