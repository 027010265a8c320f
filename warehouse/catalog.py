"""The served catalog: a small DuckDB file whose tables are views over the current segments.

Readers (``newsledger sql``, BI tools) open ``DIR/newsledger.duckdb`` read-only as before and
find every table of the contract by its name, with its columns, comments and the ``mart``
views; each table is a view over the segment files one publish chose (``warehouse.segments``),
so the catalog holds no rows, is written in a fraction of a second whatever the warehouse's
size, and is swapped in with one rename. A reader that opened the previous catalog keeps
reading the previous segments, which stay one generation longer.

``meta.published`` names the run that published the catalog.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from newsledger.core.schemas import SERVED_TABLES
from warehouse.ddl import TABLES_FILE, comments_sql, sql_files, sql_string
from warehouse.segments import SegmentMap, empty_table_sql


def view_sql(table_name: str, columns: list[str], files: list[Path]) -> str:
    """One contract table as a view over its segment files (absolute paths: readers open the
    catalog from any working directory)."""
    if not files:
        return f"CREATE VIEW {table_name} AS {empty_table_sql(table_name)}"
    listed = ", ".join(sql_string(str(f)) for f in files)
    return f"CREATE VIEW {table_name} AS SELECT {', '.join(columns)} FROM read_parquet([{listed}], hive_partitioning = false)"


def build_catalog(target: Path, segments_root: Path, segments: SegmentMap) -> None:
    """Write a complete catalog to ``target`` (a new file; the caller swaps it in)."""
    target.unlink(missing_ok=True)
    con = duckdb.connect(str(target))
    try:
        for table in SERVED_TABLES:
            files = [segments_root.resolve() / p for p in segments.paths(table.name)]
            con.execute(view_sql(table.name, table.schema.names, files))
            # Views take COMMENT ON VIEW where the tables' DDL says TABLE.
            con.execute(comments_sql(table).replace(f"COMMENT ON TABLE {table.name} ", f"COMMENT ON VIEW {table.name} ", 1))
        for path in sql_files():
            if path.name != TABLES_FILE and not path.name.startswith("002_"):
                con.execute(path.read_text(encoding="utf-8"))
        con.execute("CREATE SCHEMA IF NOT EXISTS meta")
        con.execute(f"CREATE VIEW meta.published AS SELECT {sql_string(segments.run_id)} AS run_id")
        con.execute("COMMENT ON VIEW meta.published IS 'The run that published this catalog (its tables read that run''s segments).'")
        con.execute("CHECKPOINT")
    finally:
        con.close()
