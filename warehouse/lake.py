"""The Parquet lake: every table as Parquet under ``DIR/parquet/``, readable without our code.

Tables of articles and the cluster summaries are Hive-partitioned by publication month
(``quotes/published_month=2024-03/data.parquet``, ``published_month=unknown`` for undated
articles; a cluster's month is its first article's); ``entities``, ``rejects`` and ``runs``
are one file each. Every file carries the contract schema and ``newsledger.schema_version``
in its metadata. The files are hard links to the segments the served catalog reads
(``warehouse.segments``): publishing a night links the partitions it rewrote, each replaced
atomically, and ``_manifest.json`` (written last) names the run the lake reflects.

    duckdb:   select * from read_parquet('DIR/parquet/quotes/*/*.parquet', hive_partitioning = true)
    pandas:   pd.read_parquet('DIR/parquet/quotes')
    polars:   pl.scan_parquet('DIR/parquet/quotes/**/*.parquet', hive_partitioning=True)
    Spark:    spark.read.parquet('DIR/parquet/quotes')
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from newsledger.core.schemas import SCHEMA_VERSION, TABLES
from warehouse.segments import WHOLE, SegmentMap

PARTITION_COLUMN = "published_month"
MANIFEST = "_manifest.json"


def lake_path(parquet_dir: Path, table: str, partition: str) -> Path:
    """Where a partition's file sits in the lake."""
    folder = parquet_dir / table if partition == WHOLE else parquet_dir / table / f"{PARTITION_COLUMN}={partition}"
    return folder / "data.parquet"


def read_manifest(parquet_dir: Path) -> dict[str, object]:
    """The lake's manifest, or an empty dict when there is none yet."""
    path = parquet_dir / MANIFEST
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def _link(segment: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.tmp")
    temporary.unlink(missing_ok=True)
    try:
        os.link(segment, temporary)
    except OSError:
        shutil.copy2(segment, temporary)  # a file system without hard links: a copy of this partition
    os.replace(temporary, target)


def link_lake(parquet_dir: Path, segments_root: Path, current: SegmentMap, previous: SegmentMap | None) -> int:
    """Make the lake show ``current``: link the partitions that changed since ``previous``.

    Args:
        parquet_dir: the lake's root folder.
        segments_root: where the segments live.
        current: the segments just published.
        previous: the segments the lake showed; None relinks everything and drops strays.

    Returns:
        Files linked.
    """
    parquet_dir.mkdir(parents=True, exist_ok=True)
    linked = 0
    for table, partitions in current.files.items():
        before = {} if previous is None else previous.files.get(table, {})
        for partition, relative in partitions.items():
            if before.get(partition) != relative or not lake_path(parquet_dir, table, partition).exists():
                _link(segments_root / relative, lake_path(parquet_dir, table, partition))
                linked += 1
        gone = set(before) - set(partitions)
        if previous is None and (parquet_dir / table).exists():
            gone = {p.name.split("=", 1)[1] for p in (parquet_dir / table).glob(f"{PARTITION_COLUMN}=*")} - set(partitions)
            if WHOLE not in partitions:
                (parquet_dir / table / "data.parquet").unlink(missing_ok=True)
        for partition in gone:
            target = lake_path(parquet_dir, table, partition)
            target.unlink(missing_ok=True)
            if partition != WHOLE:
                shutil.rmtree(target.parent, ignore_errors=True)
    for table in TABLES:
        if not table.served:
            shutil.rmtree(parquet_dir / table.name, ignore_errors=True)  # served by an older version
    manifest = {"schema_version": SCHEMA_VERSION, "run_id": current.run_id, "partition_column": PARTITION_COLUMN}
    (parquet_dir / f".{MANIFEST}.tmp").write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    os.replace(parquet_dir / f".{MANIFEST}.tmp", parquet_dir / MANIFEST)
    return linked
