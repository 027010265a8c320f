"""Calendar arithmetic the TIMEX3 resolvers share: safe dates, ISO week values, month shifts."""

from __future__ import annotations

from datetime import date


def safe_date(year: int, month: int, day: int) -> date | None:
    """The date, or None when it does not exist (February 30)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def week_value(day: date) -> str:
    """The TIMEX3 value of the ISO week holding a day: ``2023-W22``."""
    iso = day.isocalendar()
    return f"{iso.year:04d}-W{iso.week:02d}"


def shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    """(year, month) ``delta`` months away."""
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1
