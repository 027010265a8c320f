"""Read-only queries against the warehouse (what ``newsledger sql`` runs)."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pyarrow as pa

from newsledger.errors import WarehouseError


def run_query(database_path: Path, sql: str) -> pa.Table:
    """Run one SQL statement on a read-only connection and return its result.

    Raises:
        WarehouseError: no warehouse at that path, it is locked by a writer, or the SQL failed.
    """
    if not database_path.exists():
        raise WarehouseError(str(database_path), "no warehouse here yet: run `newsledger run` first, or pass the right --warehouse")
    try:
        con = duckdb.connect(str(database_path), read_only=True)
    except duckdb.IOException as exc:
        raise WarehouseError(str(database_path), f"cannot open the warehouse read-only ({exc}); a load may be running, try again when it ends") from exc
    try:
        relation = con.sql(sql)
        # Statements without a result (SET, PRAGMA) give None.
        return relation.to_arrow_table() if relation is not None else pa.table({})
    except duckdb.Error as exc:
        raise WarehouseError(str(database_path), f"query failed: {exc}") from exc
    finally:
        con.close()
