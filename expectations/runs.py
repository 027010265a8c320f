"""Suite of ``runs``: not validated per run (the runs row is written by the load itself)."""

from expectations.checks import Check

CHECKS: dict[str, Check] = {}
