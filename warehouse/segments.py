"""Immutable Parquet segments: what readers read, written per table partition and never changed.

The design this serves: a run loads the writer's own database in place (one transaction, no
copy), then writes a new segment for each partition the night changed, and publishes a small
catalog (``warehouse.catalog``) whose views read exactly the current segments; the catalog is
swapped in with one rename. Old segments stay on disk for one more generation (a reader that
opened the previous catalog finishes its queries), then go. The cost of a publish follows the
partitions the night touched, not the warehouse.

Partitions:

- tables of articles (``articles`` and every table with ``article_id``): the publication month
  of the article (``published_month=YYYY-MM``, ``unknown`` for undated articles), as the lake;
- cluster summaries (``stories``, ``quote_clusters``, ``event_clusters``): the publication month
  of the cluster's first article, so a night that grows an old cluster rewrites its month only;
- ``entities``, ``rejects``, ``runs``: one segment each (small next to the tables of articles).

Only the served tables (``newsledger.core.schemas.SERVED_TABLES``) have segments.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pyarrow.parquet as pq

from newsledger.core.schemas import SCHEMA_VERSION, SERVED_TABLES, TABLES_BY_NAME, Table
from warehouse.ddl import duckdb_type

def month_sql(table_alias: str = "") -> str:
    """An article's partition: its publication month, 'unknown' when undated."""
    column = f"{table_alias}.published_date" if table_alias else "published_date"
    return f"coalesce(strftime({column}, '%Y-%m'), 'unknown')"


MONTH = month_sql("a")
WHOLE = "all"

# FROM clause per table whose rows are partitioned by an article's month ("t" is the table).
_MONTH_SOURCES = {
    "articles": "articles t JOIN articles a ON a.article_id = t.article_id",
    "stories": "stories t JOIN articles a ON a.article_id = t.first_article_id",
    "quote_clusters": "quote_clusters t JOIN articles a ON a.article_id = t.first_article_id",
    "event_clusters": "event_clusters t JOIN events e ON e.event_id = t.first_event_id JOIN articles a ON a.article_id = e.article_id",
}


def source_of(table: Table) -> str | None:
    """The FROM clause that gives each row of ``table`` its month ``a``; None: one segment."""
    if table.name in _MONTH_SOURCES:
        return _MONTH_SOURCES[table.name]
    if "article_id" in table.schema.names:
        return f"{table.name} t JOIN articles a ON a.article_id = t.article_id"
    return None


@dataclass
class SegmentMap:
    """The current segment of every partition of every table, as paths relative to the root."""

    run_id: str = ""
    files: dict[str, dict[str, str]] = field(default_factory=dict)

    def paths(self, table: str) -> list[str]:
        return [self.files[table][p] for p in sorted(self.files.get(table, {}))]

    def all_paths(self) -> set[str]:
        return {path for partitions in self.files.values() for path in partitions.values()}


def partitions_of(con: duckdb.DuckDBPyConnection, table: Table) -> set[str]:
    """Every partition ``table`` has rows in today."""
    source = source_of(table)
    if source is None:
        return {WHOLE}
    return {r[0] for r in con.execute(f"SELECT DISTINCT {MONTH} FROM {source}").fetchall()}


def _write(con: duckdb.DuckDBPyConnection, table: Table, partition: str, target: Path) -> int:
    columns = ", ".join(f"t.{name}" for name in table.schema.names)
    order = ", ".join(f"t.{k}" for k in table.primary_key)
    source = source_of(table)
    if source is None:
        data = con.sql(f"SELECT {columns} FROM {table.name} t ORDER BY {order}").to_arrow_table()
    else:
        data = con.sql(f"SELECT {columns} FROM {source} WHERE {MONTH} = $p ORDER BY {order}", params={"p": partition}).to_arrow_table()
    schema = table.schema.with_metadata({**(table.schema.metadata or {}), b"newsledger.schema_version": SCHEMA_VERSION.encode()})
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.tmp")
    pq.write_table(data.cast(schema), temporary)
    os.replace(temporary, target)
    return data.num_rows


def write_segments(
    con: duckdb.DuckDBPyConnection, root: Path, run_id: str, previous: SegmentMap, months: set[str] | None
) -> SegmentMap:
    """Write new segments for the partitions a run changed; returns the map readers should read.

    Every month with articles has a segment in every partitioned table (an empty one where the
    table has no rows that month), so the lake shows each table whole.

    Args:
        con: the writer's database (read-only is enough), after the run's load.
        root: folder of the segments (``<table>/<partition>/<run_id>.parquet``).
        run_id: names the new segments.
        previous: the map the served catalog reads now.
        months: the publication months whose rows the run changed (``LoadSummary.touched_months``);
            None rewrites every partition (a full refresh, or a warehouse published by no map).
    """
    current = SegmentMap(run_id, {} if months is None else {t: dict(p) for t, p in previous.files.items()})
    article_months = partitions_of(con, TABLES_BY_NAME["articles"])
    for table in SERVED_TABLES:
        partitions = current.files.setdefault(table.name, {})
        if source_of(table) is None:
            wanted = {WHOLE}
        else:
            wanted = article_months if months is None else set(months)
        for partition in sorted(wanted):
            if partition != WHOLE and partition not in article_months:
                partitions.pop(partition, None)  # the month's last article was replaced
                continue
            relative = f"{table.name}/{partition}/{run_id}.parquet"
            _write(con, table, partition, root / relative)
            partitions[partition] = relative
    return current


MAPS = "_maps"
PUBLISHED = "_published.json"


def save_map(root: Path, segments: SegmentMap) -> None:
    """Keep a publish's map beside its segments (before its catalog is swapped in)."""
    folder = root / MAPS
    folder.mkdir(parents=True, exist_ok=True)
    temporary = folder / f".{segments.run_id}.json.tmp"
    temporary.write_text(json.dumps({"run_id": segments.run_id, "files": segments.files}, sort_keys=True), encoding="utf-8")
    os.replace(temporary, folder / f"{segments.run_id}.json")


def mark_published(root: Path, run_id: str) -> None:
    """Record which map the served catalog reads (after the swap)."""
    temporary = root / f".{PUBLISHED}.tmp"
    temporary.write_text(json.dumps({"run_id": run_id}), encoding="utf-8")
    os.replace(temporary, root / PUBLISHED)


def published_map(root: Path) -> SegmentMap | None:
    """The map the served catalog reads; None before the first publish of this layout.

    A run killed between its swap and ``mark_published`` leaves the previous run named here;
    the next publish then finds the writer a run ahead and rewrites every segment.
    """
    pointer = root / PUBLISHED
    if not pointer.exists():
        return None
    run_id = json.loads(pointer.read_text(encoding="utf-8"))["run_id"]
    saved = root / MAPS / f"{run_id}.json"
    if not saved.exists():
        return None
    data = json.loads(saved.read_text(encoding="utf-8"))
    return SegmentMap(data["run_id"], data["files"])


def unused_segments(root: Path, keep: list[SegmentMap]) -> list[Path]:
    """Segment files and maps no map in ``keep`` reads (the current and the previous generation)."""
    wanted = set().union(*(m.all_paths() for m in keep)) if keep else set()
    runs = {m.run_id for m in keep}
    stale = [p for p in root.glob("*/*/*.parquet") if str(p.relative_to(root)) not in wanted]
    return stale + [p for p in (root / MAPS).glob("*.json") if p.stem not in runs]


def empty_table_sql(table_name: str) -> str:
    """A typed SELECT of no rows, for a table with no segment yet."""
    table = TABLES_BY_NAME[table_name]
    columns = ", ".join(f"CAST(NULL AS {duckdb_type(table.schema.field(name).type)}) AS {name}" for name in table.schema.names)
    return f"SELECT {columns} WHERE false"
