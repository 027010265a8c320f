"""Suite of ``articles``: structure from the schema; no cross-table checks needed."""

from expectations.checks import Check

CHECKS: dict[str, Check] = {}
