"""Every written form in ``transforms/lexicons/holiday_names.txt`` is found whole by the
``holiday`` pattern and has its day in ``calendar_values.HOLIDAYS``: a new holiday is one line
of data plus its day."""

from __future__ import annotations

from datetime import date

import pytest

from transforms.lexicons import words
from transforms.time.expressions import find_timexes


@pytest.mark.parametrize("form", sorted(words("holiday_names")))
def test_every_holiday_form_is_found_and_dated(form):
    text = f"The shops were shut on {form.title()} 2021."
    found = [t for t in find_timexes(text, date(2023, 6, 5)) if t.pattern == "holiday"]
    assert len(found) == 1
    assert found[0].text.lower() == f"{form} 2021"
    assert found[0].value.startswith("2021-")


@pytest.mark.parametrize("written", ["St Patrick’s Day", "Martin Luther King Jr Day", "New Year’s Eve"])
def test_full_stops_commas_and_curly_apostrophes_are_optional_marks(written):
    found = [t for t in find_timexes(f"They met on {written}.", date(2023, 6, 5)) if t.pattern == "holiday"]
    assert [t.text for t in found] == [written]
