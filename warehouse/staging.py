"""A run's staging area: each batch's tables as Parquet files, read back for validation.

Layout: ``<staging>/<run_id>/<table>/batch-00001.parquet``. Every batch writes every table
(possibly empty), so each table's glob always matches at least one file.
"""

from __future__ import annotations

import shutil
from collections.abc import Mapping
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from newsledger.schemas import EXTRACTED_TABLES, TABLES_BY_NAME


def write_batch(run_dir: Path, batch_number: int, tables: Mapping[str, pa.Table]) -> None:
    """Write one batch's tables; a file appears whole or not at all (write, then rename)."""
    for name, table in tables.items():
        folder = run_dir / name
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"batch-{batch_number:05d}.parquet"
        temporary = folder / f".batch-{batch_number:05d}.parquet.tmp"
        pq.write_table(table.cast(TABLES_BY_NAME[name].schema), temporary)
        temporary.replace(target)


def read_staged(run_dir: Path) -> dict[str, pa.Table]:
    """Read back every staged table of a run, one row per primary key (first batch wins).

    The same entity is found by many batches, and the same article text may sit in two files.
    """
    tables: dict[str, pa.Table] = {}
    for table in EXTRACTED_TABLES:
        files = sorted((run_dir / table.name).glob("batch-*.parquet"))
        parts = [pq.read_table(f, schema=table.schema) for f in files]
        data = pa.concat_tables(parts) if parts else table.schema.empty_table()
        keys = list(zip(*(data[column].to_pylist() for column in table.primary_key), strict=True))
        tables[table.name] = data.take(pa.array(_first_per_key(keys), type=pa.int64()))
    return tables


def _first_per_key(keys: list[tuple[object, ...]]) -> list[int]:
    seen: set[tuple[object, ...]] = set()
    rows = []
    for index, key in enumerate(keys):
        if key not in seen:
            seen.add(key)
            rows.append(index)
    return rows


def write_consolidated(run_dir: Path, tables: Mapping[str, pa.Table]) -> Path:
    """Replace a run's batch files by one file per table (what the load reads)."""
    final = run_dir / "final"
    for name, table in tables.items():
        folder = final / name
        folder.mkdir(parents=True, exist_ok=True)
        pq.write_table(table.cast(TABLES_BY_NAME[name].schema), folder / "data.parquet")
    return final


def read_consolidated(final_dir: Path) -> dict[str, pa.Table]:
    """Read the consolidated tables of a run (one file per table)."""
    return {t.name: pq.read_table(final_dir / t.name / "data.parquet", schema=t.schema) for t in EXTRACTED_TABLES}


def remove_all(staging_dir: Path) -> None:
    """Delete every run's staging folder (what killed runs left behind)."""
    shutil.rmtree(staging_dir, ignore_errors=True)


def remove_run(run_dir: Path) -> None:
    """Delete a run's staging folder once the run has loaded (or was abandoned)."""
    shutil.rmtree(run_dir, ignore_errors=True)
