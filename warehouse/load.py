"""Load a run's staged Parquet into DuckDB in one transaction, then publish the Parquet tables.

The load is keyed: an article already in the warehouse (same ``article_id``) or from the same
source file is replaced with all of its rows, so loading the same batch twice leaves the same
rows, and a killed load leaves the database as it was (DuckDB rolls back an open transaction).
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from newsledger.errors import WarehouseError
from newsledger.schemas import TABLES, TABLES_BY_NAME
from warehouse.ddl import sql_files

log = logging.getLogger(__name__)

# Tables that hang off an article, deleted before the article is replaced (children first).
ARTICLE_CHILDREN = ("event_participants", "events", "temporal_expressions", "quotes", "entity_mentions")


@dataclass(frozen=True)
class LoadSummary:
    """Row counts of the warehouse after a load."""

    row_counts: dict[str, int]


def connect_writer(database_path: Path) -> duckdb.DuckDBPyConnection:
    """Open the warehouse for writing, creating it and its tables if needed.

    Raises:
        WarehouseError: the file is locked by another process or cannot be created.
    """
    database_path.parent.mkdir(parents=True, exist_ok=True)
    try:
        con = duckdb.connect(str(database_path))
    except duckdb.IOException as exc:
        raise WarehouseError(
            str(database_path),
            f"cannot open the warehouse for writing ({exc}). Another process (a BI tool or another run) "
            "holds it open: close it and run again.",
            is_transient=True,
        ) from exc
    for path in sql_files():
        con.execute(path.read_text(encoding="utf-8"))
    return con


def _columns(table: str) -> str:
    return ", ".join(TABLES_BY_NAME[table].schema.names)


def _staged_glob(staged_dir: Path, table: str) -> str:
    return str(staged_dir / table / "*.parquet")


def load_staged_run(database_path: Path, staged_dir: Path, run_row: dict[str, object]) -> LoadSummary:
    """Load every staged table of one run and its ``runs`` row, all in one transaction.

    Args:
        database_path: the DuckDB file.
        staged_dir: folder with one sub-folder of Parquet files per table.
        run_row: the run's row for the ``runs`` table.

    Raises:
        WarehouseError: DuckDB refused the load; nothing of it was kept.
    """
    con = connect_writer(database_path)
    try:
        con.execute("BEGIN TRANSACTION")
        articles = _staged_glob(staged_dir, "articles")
        con.execute(
            "CREATE TEMP TABLE replaced AS "
            "SELECT article_id FROM articles WHERE source_path IN (SELECT source_path FROM read_parquet($p)) "
            "UNION SELECT article_id FROM read_parquet($p)",
            {"p": articles},
        )
        for child in ARTICLE_CHILDREN:
            con.execute(f"DELETE FROM {child} WHERE article_id IN (SELECT article_id FROM replaced)")
        con.execute("DELETE FROM articles WHERE article_id IN (SELECT article_id FROM replaced)")
        # A file that loads now is no longer a reject.
        con.execute("DELETE FROM rejects WHERE source_path IN (SELECT source_path FROM read_parquet($p))", {"p": articles})
        for table in TABLES:
            if table.name == "runs":
                continue
            verb = "INSERT OR IGNORE" if table.name in ("entities", "rejects") else "INSERT"
            cols = _columns(table.name)
            con.execute(f"{verb} INTO {table.name} ({cols}) SELECT {cols} FROM read_parquet($p)", {"p": _staged_glob(staged_dir, table.name)})
        insert_run_row(con, run_row)
        con.execute("DROP TABLE replaced")
        con.execute("COMMIT")
        counts = {t.name: con.execute(f"SELECT count(*) FROM {t.name}").fetchone()[0] for t in TABLES}
    except duckdb.Error as exc:
        _rollback(con)
        raise WarehouseError(str(database_path), f"load failed and was rolled back: {exc}") from exc
    finally:
        con.close()
    return LoadSummary(counts)


def _rollback(con: duckdb.DuckDBPyConnection) -> None:
    try:
        con.execute("ROLLBACK")
    except duckdb.TransactionException:
        pass  # the failure happened outside the transaction: nothing to undo


def insert_run_row(con: duckdb.DuckDBPyConnection, run_row: dict[str, object]) -> None:
    """Insert one row into ``runs`` with bound parameters."""
    names = TABLES_BY_NAME["runs"].schema.names
    placeholders = ", ".join(f"${n}" for n in names)
    con.execute(f"INSERT INTO runs ({', '.join(names)}) VALUES ({placeholders})", {n: run_row[n] for n in names})


def record_failed_run(database_path: Path, run_row: dict[str, object]) -> None:
    """Record a run that did not load (validation failed) without touching any data table."""
    con = connect_writer(database_path)
    try:
        insert_run_row(con, run_row)
    finally:
        con.close()


def export_parquet(database_path: Path, parquet_dir: Path) -> list[Path]:
    """Publish every table as ``parquet_dir/<table>.parquet``, each file replaced atomically.

    The files follow the contract schemas exactly, so any Parquet reader sees the same types.
    """
    parquet_dir.mkdir(parents=True, exist_ok=True)
    try:
        con = duckdb.connect(str(database_path), read_only=True)
    except duckdb.IOException as exc:
        raise WarehouseError(str(database_path), f"cannot read the warehouse to publish Parquet ({exc})") from exc
    written = []
    try:
        for table in TABLES:
            order = ", ".join(table.primary_key)
            data: pa.Table = con.sql(f"SELECT {_columns(table.name)} FROM {table.name} ORDER BY {order}").to_arrow_table()
            target = parquet_dir / f"{table.name}.parquet"
            temporary = target.with_suffix(".parquet.tmp")
            pq.write_table(data.cast(table.schema), temporary)
            os.replace(temporary, target)
            written.append(target)
    finally:
        con.close()
    return written
