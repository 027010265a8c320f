"""Build each table's suite: structural expectations generated from its schema, plus the
semantic checks its own module declares (``expectations/<table>.py``)."""

from __future__ import annotations

import importlib
from typing import Any

from expectations.checks import Check
from newsledger.core.schemas import Table, allowed_values

CHECK_PREFIX = "check__"


def table_checks(table: Table) -> dict[str, Check]:
    """The semantic checks declared in ``expectations/<table>.py`` (``CHECKS``)."""
    module = importlib.import_module(f"expectations.{table.name}")
    return dict(module.CHECKS)


def build_expectations(table: Table, gx: Any) -> list[Any]:
    """GX expectation objects for one table.

    Args:
        table: the table whose schema drives the structure checks.
        gx: the imported ``great_expectations`` module (imported lazily by the caller).
    """
    checks = [CHECK_PREFIX + name for name in table_checks(table)]
    # The frame GX sees is the table plus one boolean column per semantic check.
    expectations: list[Any] = [gx.expectations.ExpectTableColumnsToMatchOrderedList(column_list=list(table.schema.names) + checks)]
    for field in table.schema:
        if not field.nullable:
            expectations.append(gx.expectations.ExpectColumnValuesToNotBeNull(column=field.name))
        allowed = allowed_values(field)
        if allowed is not None:
            expectations.append(gx.expectations.ExpectColumnValuesToBeInSet(column=field.name, value_set=allowed))
    key = list(table.primary_key)
    if len(key) == 1:
        expectations.append(gx.expectations.ExpectColumnValuesToBeUnique(column=key[0]))
    else:
        expectations.append(gx.expectations.ExpectCompoundColumnsToBeUnique(column_list=key))
    if {"char_start", "char_end"} <= set(table.schema.names):
        expectations.append(gx.expectations.ExpectColumnValuesToBeBetween(column="char_start", min_value=0))
    for column in checks:
        expectations.append(gx.expectations.ExpectColumnValuesToBeInSet(column=column, value_set=[True]))
    return expectations
