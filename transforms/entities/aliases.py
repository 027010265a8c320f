"""User-edited aliases: names the text alone cannot join ("Modi" -> "Narendra Modi").

The alias file is a CSV with a header ``alias,canonical_name,entity_type``; ``entity_type`` may
be empty to apply to every type. Matching ignores case, dots and surrounding spaces, so
``U.S.``, ``US`` and ``us`` are one alias.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from newsledger.core.errors import NewsledgerError
from transforms.run.ids import stable_id

REQUIRED_COLUMNS = ("alias", "canonical_name")


class AliasFileError(NewsledgerError):
    """The alias file cannot be used; the message says which line and what to fix."""

    def __init__(self, source: str, message: str) -> None:
        self.source = source
        super().__init__(f"alias file {source}: {message}")


def alias_key(name: str) -> str:
    """How names are compared: case, dots and extra spaces do not count."""
    return " ".join(name.casefold().replace(".", "").split())


@dataclass(frozen=True)
class AliasMap:
    """Alias -> canonical name, per entity type ("" = any type)."""

    entries: dict[tuple[str, str], str] = field(default_factory=dict)

    def canonical(self, name: str, entity_type: str) -> str:
        """The canonical name for a name of a type; the name itself when no alias applies."""
        key = alias_key(name)
        return self.entries.get((entity_type, key)) or self.entries.get(("", key)) or name

    @property
    def fingerprint(self) -> str:
        """Changes whenever the aliases change (stamped on the rows they shaped)."""
        return stable_id(*sorted(f"{t}|{a}|{c}" for (t, a), c in self.entries.items())) if self.entries else ""


def parse_alias_csv(text: str, source: str = "aliases.csv") -> AliasMap:
    """Read an alias file's text.

    Raises:
        AliasFileError: a required column is missing or a line has an empty alias or name.
    """
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise AliasFileError(source, f"missing column(s) {', '.join(missing)}; the header must be alias,canonical_name,entity_type")
    entries: dict[tuple[str, str], str] = {}
    for line, row in enumerate(reader, start=2):
        alias, canonical = (row.get("alias") or "").strip(), (row.get("canonical_name") or "").strip()
        if not alias or not canonical:
            raise AliasFileError(source, f"line {line} needs both an alias and a canonical_name")
        entries[((row.get("entity_type") or "").strip().upper(), alias_key(alias))] = canonical
    return AliasMap(entries)


def extractor_version(base: str, aliases: AliasMap) -> str:
    """The version stamped on rows: the code's version, plus the aliases that shaped them.

    Editing the alias file changes it, so ``newsledger run --reprocess`` re-extracts.
    """
    return f"{base}+aliases.{aliases.fingerprint}" if aliases.entries else base
