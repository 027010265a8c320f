"""Bring a writer's database that an older newsledger made to this version's table layout.

Tables keep their columns (a change of columns needs ``--full-refresh``); what changes between
versions is how DuckDB stores them. newsledger 0.6 stopped enforcing primary keys on the tables
that grow with the corpus (``newsledger.core.schemas``: ``key_enforced``): DuckDB cannot drop
a key, so each such table is copied once into a table without it, in one transaction (a killed
upgrade leaves the old tables, and the next run does it again).
"""

from __future__ import annotations

import logging

import duckdb

from newsledger.core.schemas import TABLES
from warehouse.ddl import create_table_sql

log = logging.getLogger(__name__)

_REBUILT_SUFFIX = "__rebuilt"


def tables_with_unenforced_keys(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Tables whose key DuckDB still enforces although this version does not ask it to."""
    enforced = {t for (t,) in con.execute(
        "SELECT DISTINCT table_name FROM duckdb_constraints() WHERE schema_name = 'main' AND constraint_type = 'PRIMARY KEY'"
    ).fetchall()}
    return [t.name for t in TABLES if not t.key_enforced and t.name in enforced]


def drop_unenforced_keys(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Copy each table in ``tables_with_unenforced_keys`` into one without the key; returns their names.

    Views over the tables are recreated by the caller (``warehouse.load.connect_writer`` runs the
    view files after the tables); column comments likewise.
    """
    names = tables_with_unenforced_keys(con)
    if not names:
        return []
    by_name = {t.name: t for t in TABLES}
    log.info("one-time upgrade: rebuilding %s without DuckDB primary-key indexes", ", ".join(names))
    con.execute("BEGIN TRANSACTION")
    try:
        for name in names:
            rebuilt = name + _REBUILT_SUFFIX
            con.execute(f"DROP TABLE IF EXISTS {rebuilt}")
            con.execute(create_table_sql(by_name[name], rebuilt))
            con.execute(f"INSERT INTO {rebuilt} SELECT * FROM {name}")
            con.execute(f"DROP TABLE {name}")
            con.execute(f"ALTER TABLE {rebuilt} RENAME TO {name}")
        con.execute("COMMIT")
    except duckdb.Error:
        con.execute("ROLLBACK")
        raise
    return names
