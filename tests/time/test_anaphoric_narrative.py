"""Anaphoric time in a narrative of a past date: "that evening", "the following day", "that
summer", a clock time before "that day", and a month-day or season without a year take the
narrative's date (year_of_narrative, anchor_anaphora); the paper's own days stay the paper's."""

from datetime import date

import pytest

from transforms.time.expressions import find_timexes


def value_of(text, span, published, tense="past"):
    found = find_timexes(text, published, lambda _offset: tense)
    return next(t.value for t in found if t.text == span)


RIOT = (
    "An inquiry into last year's riot reported on Tuesday.\n\n"
    "The riot began shortly before 7 p.m. on August 19, 2018. Officers retook the wing at 5:45 a.m. the following day.\n\n"
    "Only 11 officers were on duty that evening. Repairs had been asked for since January 2018.\n\n"
    "The minister apologised to the staff who were hurt that night."
)
FIRES = (
    "The man lit the fires between July 20 and August 9, 2019.\n\n"
    "The largest broke out shortly after 2 p.m. on August 4 near the village.\n\n"
    "A witness saw his car there at 1:45 p.m. that day.\n\n"
    "His lawyer said he spent that summer fighting fires. The trial was postponed in March."
)


@pytest.mark.parametrize(
    ("text", "span", "published", "value"),
    [
        (RIOT, "5:45 a.m.", date(2019, 10, 8), "2018-08-20T05:45"),
        (RIOT, "the following day", date(2019, 10, 8), "2018-08-20"),
        (RIOT, "that evening", date(2019, 10, 8), "2018-08-19TEV"),
        (RIOT, "that night", date(2019, 10, 8), "2018-08-19TNI"),
        (RIOT, "Tuesday", date(2019, 10, 10), "2019-10-08"),
        (FIRES, "August 4", date(2021, 11, 9), "2019-08-04"),
        (FIRES, "2 p.m.", date(2021, 11, 9), "2019-08-04T14:00"),
        (FIRES, "1:45 p.m.", date(2021, 11, 9), "2019-08-04T13:45"),
        (FIRES, "that day", date(2021, 11, 9), "2019-08-04"),
        (FIRES, "that summer", date(2021, 11, 9), "2019-SU"),
        # two paragraphs after the narrative's year: the paper's year again
        (FIRES, "March", date(2021, 11, 9), "2021-03"),
        ("Powys rejected the scheme in March 2021. Cambria appealed in the autumn of that year.", "the autumn of that year", date(2023, 1, 31), "2021-FA"),
        ("The mother said she had bought the toy as a present last Christmas.", "last Christmas", date(2020, 11, 20), "2019-12-25"),
    ],
)
def test_narrative_date(text, span, published, value):
    assert value_of(text, span, published) == value


@pytest.mark.parametrize(
    ("text", "span", "published", "tense", "value"),
    [
        # ahead of the paper, a bound reaching to now, a relative date: not the narrative's year
        ("The plant opened in 2015.\n\nThe next inspection is due on December 5.", "December 5", date(2023, 6, 5), "future", "2023-12-05"),
        ("The company was founded in 1987.\n\nIt has had 23 reports since the spring.", "the spring", date(2020, 11, 20), "past", "2020-SP"),
        ("The plant opened in June 2015.\n\nIt shut last December.", "last December", date(2023, 6, 5), "past", "2022-12"),
        # a year alone or a season is background, not a narrated month or day
        ("Nordlys, founded in 2018, has raised 1.4 billion crowns. A first launch attempt on Feb. 3 was called off.", "Feb. 3", date(2025, 2, 19), "past", "2025-02-03"),
        ("It was last inspected in the spring of 2018. Prosecutors opened an investigation in October.", "October", date(2020, 2, 27), "past", "2019-10"),
        # a date of the news between, a modifier, a quotation: not the narrative's
        ("The FBI list was set up in June 1988. The ambassador said on Tuesday that Iraq would retaliate. The Council on Aug. 6 ordered an embargo.", "Aug. 6", date(1990, 8, 15), "past", "1990-08-06"),
        ("They accepted a treaty they had rejected after the August 1988 cease-fire. Iran condemned the invasion on Aug. 2.", "Aug. 2", date(1990, 8, 15), "past", "1990-08-02"),
        ('He fled in June 1998. "She was taken on the late-November trip," he said.', "late-November", date(2000, 1, 28), "past", "1999-11"),
        ("He fled in June 1998 and returned later that year.\n\nThe boy was taken to make the late-November trip.", "late-November", date(2000, 1, 28), "past", "1999-11"),
        ("Two doctors were killed, most recently last October. His name was crossed out that same day.", "that same day", date(1999, 2, 6), "past", "1999-02-06"),
        # the paper's days stay the paper's
        ("The plant opened in June 2015.\n\nIt shut on Monday.", "Monday", date(2023, 6, 7), "past", "2023-06-05"),
        ("The plant opened in June 2015.\n\nIt shut last week.", "last week", date(2023, 6, 7), "past", "2023-W22"),
    ],
)
def test_not_the_narrative_date(text, span, published, tense, value):
    assert value_of(text, span, published, tense) == value
