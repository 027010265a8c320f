"""Every rule registry, with the warehouse column that names its rules: the index docs/rules.md
and ``newsledger explain`` are built from.

A registry is a tuple of ``transforms.rules.Rule`` in priority order; a row's provenance column
holds the name of the rule that made it, so one look at the column and one registry finds it.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any

from transforms.rules import Rule


@dataclass(frozen=True)
class Registry:
    """Where a registry lives and which column names its rules."""

    name: str
    module: str
    column: str
    description: str

    def rules(self) -> tuple[Rule[Any], ...]:
        return getattr(importlib.import_module(self.module), self.name)


REGISTRIES: tuple[Registry, ...] = ()


def rule_names(column: str) -> frozenset[str]:
    """Every rule name a provenance column may hold."""
    return frozenset(r.name for registry in REGISTRIES if registry.column == column for r in registry.rules())
