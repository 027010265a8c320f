"""Suite of ``entities``: structure from the schema (ids unique, types in their set)."""

from expectations.checks import Check

CHECKS: dict[str, Check] = {}
