"""The one door from records to Arrow: checks what ``pa.Table.from_pylist`` lets through."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from typing import Any

import pyarrow as pa

from newsledger.core.errors import ContractError


def _as_dict(record: Any) -> dict[str, Any]:
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        return {f.name: getattr(record, f.name) for f in dataclasses.fields(record)}
    if isinstance(record, dict):
        return record
    raise TypeError(f"expected a dataclass record or a dict, got {type(record).__name__}")


def to_table(records: Iterable[Any], schema: pa.Schema, table_name: str = "table") -> pa.Table:
    """Build an Arrow table from records, strictly.

    Unlike ``from_pylist`` this refuses unknown keys, missing keys and nulls in
    non-nullable fields.

    Raises:
        ContractError: a record does not fit the schema; the message names row and column.
    """
    rows = [_as_dict(r) for r in records]
    expected = set(schema.names)
    required = [f.name for f in schema if not f.nullable]
    failures: list[str] = []
    for index, row in enumerate(rows):
        keys = set(row)
        if keys != expected:
            extra, missing = sorted(keys - expected), sorted(expected - keys)
            failures.append(f"row {index}: unknown columns {extra}, missing columns {missing}")
        failures.extend(f"row {index}: column {name!r} is null but not nullable" for name in required if row.get(name) is None)
        if len(failures) >= 10:
            break
    if failures:
        raise ContractError(table_name, failures)
    try:
        return pa.Table.from_pylist(rows, schema=schema)
    except (pa.ArrowInvalid, pa.ArrowTypeError) as exc:
        raise ContractError(table_name, [f"values do not fit the column types: {exc}"]) from exc
    except UnicodeEncodeError as exc:
        raise ContractError(table_name, [f"a text value is not valid Unicode ({exc.reason}): normalise it before it reaches a table"]) from exc


def concat_tables(tables: Sequence[pa.Table], schema: pa.Schema) -> pa.Table:
    """Concatenate tables of one schema; an empty sequence gives an empty table."""
    if not tables:
        return schema.empty_table()
    return pa.concat_tables([t.cast(schema) for t in tables])
