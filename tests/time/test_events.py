from datetime import date

import pytest

from transforms.time.events import extract_events, value_interval
from transforms.time.tense import tense_function
from transforms.time.expressions import find_timexes


@pytest.mark.parametrize(
    ("value", "interval"),
    [
        ("2023-06-04", (date(2023, 6, 4), date(2023, 6, 4))),
        ("2023-06-05T15:00", (date(2023, 6, 5), date(2023, 6, 5))),
        ("2021-03", (date(2021, 3, 1), date(2021, 3, 31))),
        ("2024-02", (date(2024, 2, 1), date(2024, 2, 29))),
        ("2023", (date(2023, 1, 1), date(2023, 12, 31))),
        ("199", (date(1990, 1, 1), date(1999, 12, 31))),
        ("2023-W22", (date(2023, 5, 29), date(2023, 6, 4))),
        ("2023-W22-WE", (date(2023, 6, 3), date(2023, 6, 4))),
        ("2023-Q3", (date(2023, 7, 1), date(2023, 9, 30))),
        ("2023-H2", (date(2023, 7, 1), date(2023, 12, 31))),
        ("2022-WI", (date(2022, 12, 1), date(2023, 2, 28))),
        ("PAST_REF", None),
        ("XXXX-WXX-7", None),
        ("2023-02-30", None),
    ],
)
def test_value_interval(value, interval):
    assert value_interval(value) == interval


def events_of(doc, reference):
    timexes = find_timexes(doc.text, reference, tense_function(doc))
    return extract_events(doc, timexes)


def test_dated_clause_gives_an_event_with_its_trigger(parse):
    doc = parse("The US Secretary of Defence arrived in New Delhi on Sunday on a two-day visit.")
    events = events_of(doc, date(2023, 6, 5))
    assert [(e.trigger, e.date_value, e.date_start, e.date_end) for e in events] == [("arrived", "2023-06-04", date(2023, 6, 4), date(2023, 6, 4))]
    event = events[0]
    assert doc.text[event.char_start : event.char_end] == event.text
    assert "New Delhi" in event.text


def test_durations_do_not_date_a_clause(parse):
    assert events_of(parse("The talks lasted three weeks."), date(2023, 6, 5)) == []


def test_unresolved_date_gives_an_event_without_interval(parse):
    events = events_of(parse("The board met on Monday."), None)
    assert [(e.trigger, e.date_value, e.date_start) for e in events] == [("met", "XXXX-WXX-1", None)]


def test_future_tense_resolves_forward(parse):
    events = events_of(parse("The ministers will meet on Tuesday."), date(2023, 6, 5))
    assert [(e.trigger, e.date_value) for e in events] == [("meet", "2023-06-06")]


def test_long_article_is_parsed_in_pieces_with_offsets_into_the_whole_body(nlp):
    from datetime import date

    from transforms.extract import extract_articles, split_into_pieces
    from transforms.records import Article

    paragraph = "Mayor Elena Varga said the bridge would reopen on Friday. “It is safe for every car and bus,” Varga said."
    body = "\n\n".join([paragraph] * 40)
    pieces = split_into_pieces(body, max_chars=1000)
    assert len(pieces) > 3 and "".join(text for _, text in pieces) == body
    assert all(body[offset : offset + len(text)] == text for offset, text in pieces)

    article = Article("a1", "p", 0, "raw", "h", date(2024, 3, 11), None, None, body, len(body.split()), "t", None, None)
    import transforms.extract as extract

    original, extract.PIECE_CHARS = extract.PIECE_CHARS, 1000
    try:
        [(_, rows)] = list(extract_articles([article], nlp))
    finally:
        extract.PIECE_CHARS = original
    direct = [q for q in rows.quotes if q.quote_type == "direct"]
    assert len(direct) == 40 and len({q.quote_id for q in rows.quotes}) == len(rows.quotes)
    for row in rows.quotes + rows.entity_mentions + rows.temporal_expressions + rows.events:
        assert body[row.char_start : row.char_end] == row.text


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # A count (of votes, of people) is a happening its date modifies.
        ("The town grew by 4 percent since the last count in April 2022.", [("count", "2022-04")]),
        ("The first count on polling night, May 4, had put him ahead.", [("count", "2023-05-04")]),
        # The night before the paper, by the news convention.
        ("Rescuers searched through the night.", [("searched", "2023-06-04TNI")]),
        ("Two climbers spent the night in a snow hole.", [("spent", "2023-06-04TNI")]),
        # A clause's written year is the year of its months and holidays without one.
        ("A fire in December 2015 cut power to 9,000 homes over Christmas.", [("fire", "2015-12"), ("cut", "2015-12-25")]),
        ("The storm of January 2019 kept ferries in port through February.", [("storm", "2019-01"), ("kept", "2019-02")]),
    ],
)
def test_dated_happening_of_a_construction(parse, sentence, expected):
    events = events_of(parse(sentence), date(2023, 6, 5))
    assert [(e.trigger, e.date_value) for e in events] == expected
