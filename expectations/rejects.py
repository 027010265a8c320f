"""Suite of ``rejects``: structure from the schema (stage in its set, reason not null)."""

from expectations.checks import Check

CHECKS: dict[str, Check] = {}
