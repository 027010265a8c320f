"""year_of_clause: a month, day or holiday without a year takes the year written in its clause,
and only there."""

from datetime import date

import pytest

from transforms.time.expressions import find_timexes


def value_of(text, span, published):
    return next(t.value for t in find_timexes(text, published) if t.text == span)


@pytest.mark.parametrize(
    ("text", "span", "published", "value"),
    [
        ("A fire in December 2015 cut power to 9,000 homes over Christmas.", "Christmas", date(2017, 7, 11), "2015-12-25"),
        ("The port was shut in the spring of 2019, when crews held three-day strikes in April and June.", "June", date(2023, 10, 3), "2019-06"),
        ("In 2019 sales fell in March.", "March", date(2023, 10, 3), "2019-03"),
        # Another clause, a bound, a span of two years, a name, a relative date: the usual reading.
        ("It reported a loss for 2021 and had sought investors since March.", "March", date(2023, 10, 3), "2023-03"),
        ("The pact was signed in 2004; the next meeting is due in September.", "September", date(2023, 10, 3), "2023-09"),
        ("It grew since 2016. In March it slowed.", "March", date(2023, 10, 3), "2023-03"),
        ("Prices had their sharpest fall since September 1986 in March.", "March", date(1997, 4, 14), "1997-03"),
        ("The deficit for fiscal 1996-97 ending June 30 will grow.", "June 30", date(1997, 4, 12), "1997-06-30"),
        ("A Mirage 2000 jet struck the depot on Oct. 30.", "Oct. 30", date(2006, 11, 9), "2006-10-30"),
        ("Registration for the April 2007 poll ended last December 14.", "December 14", date(2006, 12, 20), "2006-12-14"),
    ],
)
def test_year_of_clause(text, span, published, value):
    assert value_of(text, span, published) == value
