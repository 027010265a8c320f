"""The Parquet lake: every table as Parquet under ``DIR/parquet/``, readable without our code.

Tables that belong to articles are Hive-partitioned by publication month
(``quotes/published_month=2024-03/data.parquet``; ``published_month=unknown`` for undated
articles); ``entities``, ``rejects``, ``runs`` and the cluster tables (``stories``,
``quote_clusters``, ``event_clusters``) are one file each. Every file carries the
contract schema and ``newsledger.schema_version`` in its metadata. A run rewrites only the
months it touched; each file is replaced atomically, and ``_manifest.json`` (written last) names
the run the lake reflects.

    duckdb:   select * from read_parquet('DIR/parquet/quotes/*/*.parquet', hive_partitioning = true)
    pandas:   pd.read_parquet('DIR/parquet/quotes')
    polars:   pl.scan_parquet('DIR/parquet/quotes/**/*.parquet', hive_partitioning=True)
    Spark:    spark.read.parquet('DIR/parquet/quotes')
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterable
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from newsledger.core.errors import WarehouseError
from newsledger.core.schemas import SCHEMA_VERSION, TABLES, Table
from warehouse.load import MONTH_SQL

PARTITION_COLUMN = "published_month"
# Tables not tied to one article: one file each (clusters span months).
UNPARTITIONED = ("entities", "rejects", "runs", "stories", "quote_clusters", "event_clusters")
MANIFEST = "_manifest.json"


def _with_version(schema: pa.Schema) -> pa.Schema:
    return schema.with_metadata({**(schema.metadata or {}), b"newsledger.schema_version": SCHEMA_VERSION.encode()})


def _write_atomically(table: pa.Table, schema: pa.Schema, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.tmp")
    pq.write_table(table.cast(_with_version(schema)), temporary)
    os.replace(temporary, target)


def _month_query(table: Table) -> str:
    columns = ", ".join(f"t.{name}" for name in table.schema.names)
    source = f"{table.name} t" if table.name == "articles" else f"{table.name} t JOIN articles USING (article_id)"
    return f"SELECT {columns} FROM {source} WHERE {MONTH_SQL} = $month ORDER BY {', '.join('t.' + k for k in table.primary_key)}"


def read_manifest(parquet_dir: Path) -> dict[str, object]:
    """The lake's manifest, or an empty dict when there is none yet."""
    path = parquet_dir / MANIFEST
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def _lake_follows_previous_run(con: duckdb.DuckDBPyConnection, parquet_dir: Path, run_id: str) -> bool:
    previous = con.execute(
        "SELECT run_id FROM runs WHERE status = 'success' AND run_id <> $run ORDER BY started_at DESC LIMIT 1", {"run": run_id}
    ).fetchone()
    return previous is not None and read_manifest(parquet_dir).get("run_id") == previous[0]


def export_lake(database_path: Path, parquet_dir: Path, run_id: str, months: Iterable[str] | None = None) -> dict[str, int]:
    """Write the lake from the served database.

    Args:
        database_path: the published DuckDB file (opened read-only).
        parquet_dir: the lake's root folder.
        run_id: recorded in the manifest.
        months: publication months to rewrite; None rewrites every month (and drops strays).

    Returns:
        Files written per table.
    """
    try:
        con = duckdb.connect(str(database_path), read_only=True)
    except duckdb.IOException as exc:
        raise WarehouseError(str(database_path), f"cannot read the warehouse to publish Parquet ({exc})", is_transient=True) from exc
    written: dict[str, int] = {}
    try:
        if months is not None and not _lake_follows_previous_run(con, parquet_dir, run_id):
            months = None  # a run died between publishing the database and the lake: rewrite all
        all_months = {r[0] for r in con.execute(f"SELECT DISTINCT {MONTH_SQL} FROM articles").fetchall()}
        wanted = all_months if months is None else set(months)
        if months is None:
            for table in TABLES:
                if table.name not in UNPARTITIONED:
                    shutil.rmtree(parquet_dir / table.name, ignore_errors=True)
        for table in TABLES:
            if table.name in UNPARTITIONED:
                data = con.sql(f"SELECT {', '.join(table.schema.names)} FROM {table.name} ORDER BY {', '.join(table.primary_key)}").to_arrow_table()
                _write_atomically(data, table.schema, parquet_dir / table.name / "data.parquet")
                written[table.name] = 1
                continue
            written[table.name] = 0
            for month in sorted(wanted):
                target = parquet_dir / table.name / f"{PARTITION_COLUMN}={month}" / "data.parquet"
                if month not in all_months:
                    target.unlink(missing_ok=True)  # the month's last article was replaced
                    continue
                data = con.sql(_month_query(table), params={"month": month}).to_arrow_table()
                _write_atomically(data, table.schema, target)
                written[table.name] += 1
    finally:
        con.close()
    manifest = {"schema_version": SCHEMA_VERSION, "run_id": run_id, "partition_column": PARTITION_COLUMN}
    (parquet_dir / f".{MANIFEST}.tmp").write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    os.replace(parquet_dir / f".{MANIFEST}.tmp", parquet_dir / MANIFEST)
    return written
