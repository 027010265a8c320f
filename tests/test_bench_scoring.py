"""The quality benchmarks' matching rules (they decide the figures we report)."""

import pytest

from bench.quote_quality import match as match_quotes
from bench.quote_quality import speakers_agree
from bench.timex_quality import match as match_timexes


@pytest.mark.parametrize(
    ("predicted", "gold", "agree"),
    [
        ("Lloyd Austin", "Secretary Austin", True),
        ("Rajnath Singh", "the Union Minister Rajnath Singh's", True),
        ("Ministry", "The Defence Ministry", True),
        ("Lloyd Austin", "Rajnath Singh", False),
        (None, "Rajnath Singh", False),
        ("the president", "the president", True),  # only a title: compared as written
        ("the president", "the senator", False),
    ],
)
def test_speakers_agree(predicted, gold, agree):
    assert speakers_agree(predicted, gold) is agree


def q(start, end):
    return {"content_start": start, "content_end": end}


def test_quotes_match_at_half_of_the_longer_span_one_to_one():
    gold = [q(0, 100), q(200, 300)]
    predicted = [q(0, 60), q(0, 40), q(260, 300)]
    assert sorted(match_quotes(gold, predicted, 0.5)) == [(0, 0)]  # 40/100 for the rest is below half


def t(start, end):
    return {"start": start, "end": end}


def test_timexes_match_exact_first_then_leftmost_overlap():
    gold = [t(0, 10), t(20, 30)]
    predicted = [t(5, 12), t(20, 30), t(0, 3)]
    assert sorted(match_timexes(gold, predicted)) == [(0, 2), (1, 1)]
