"""The extractors' word lists, as data: one ``*.txt`` file per list in this folder.

Each file starts with a ``#`` line saying why the list exists; then one entry per line
(an entry may hold spaces: "united nations"). Blank lines and
further ``#`` lines are ignored. Lists are read once per process.
"""

from __future__ import annotations

from functools import cache
from importlib import resources


class LexiconError(ValueError):
    """A word list is missing or empty: the installation is incomplete."""


@cache
def _entries(name: str) -> tuple[str, ...]:
    try:
        text = resources.files(__package__).joinpath(f"{name}.txt").read_text(encoding="utf-8")
    except FileNotFoundError as error:
        raise LexiconError(f"word list transforms/lexicons/{name}.txt is missing: reinstall newsledger (`make setup`)") from error
    entries = tuple(line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#"))
    if not entries:
        raise LexiconError(f"word list transforms/lexicons/{name}.txt is empty: it needs one entry per line")
    return entries


def words(name: str) -> frozenset[str]:
    """The entries of ``transforms/lexicons/<name>.txt``."""
    return frozenset(_entries(name))


def why(name: str) -> str:
    """The header line of a list: why it exists."""
    text = resources.files(__package__).joinpath(f"{name}.txt").read_text(encoding="utf-8")
    first = text.splitlines()[0] if text else ""
    return first.lstrip("#").strip()
