"""A run's staging area: each batch's tables as Parquet files, read back for validation.

Layout: ``<staging>/<run_id>/<table>/batch-00001.parquet``. Every batch writes every table
(possibly empty), so each table's glob always matches at least one file.
"""

from __future__ import annotations

import shutil
from collections.abc import Mapping, Sequence
from datetime import datetime
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from newsledger.core.schemas import EXTRACTED_TABLES, TABLES_BY_NAME
from transforms.run.quarantine import quarantine_tables


def write_batch(run_dir: Path, batch_number: int, tables: Mapping[str, pa.Table]) -> None:
    """Write one batch's tables; a file appears whole or not at all (write, then rename)."""
    for name, table in tables.items():
        folder = run_dir / name
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"batch-{batch_number:05d}.parquet"
        temporary = folder / f".batch-{batch_number:05d}.parquet.tmp"
        pq.write_table(table.cast(TABLES_BY_NAME[name].schema), temporary)
        temporary.replace(target)


def read_parsed_batch(run_dir: Path, batch_number: int) -> dict[str, pa.Table]:
    """A parsed batch's ``articles`` and ``rejects`` tables, as its parse task wrote them."""
    return {name: pq.read_table(run_dir / name / f"batch-{batch_number:05d}.parquet", schema=TABLES_BY_NAME[name].schema) for name in ("articles", "rejects")}


def quarantine(run_dir: Path, failures: Mapping[str, Sequence[str]], now: datetime) -> int:
    """Move the offending articles of every staged batch to its rejects; returns how many moved."""
    moved = 0
    for number in batch_numbers(run_dir):
        names = [t.name for t in EXTRACTED_TABLES if (run_dir / t.name / f"batch-{number:05d}.parquet").exists()]
        tables = {name: pq.read_table(run_dir / name / f"batch-{number:05d}.parquet", schema=TABLES_BY_NAME[name].schema) for name in names}
        hit = set(tables["articles"]["article_id"].to_pylist()) & set(failures)
        if hit:
            write_batch(run_dir, number, quarantine_tables(tables, {a: failures[a] for a in hit}, now))
            moved += len(hit)
    return moved


def batch_numbers(run_dir: Path) -> list[int]:
    """The batches a run has staged, in order."""
    return sorted(int(p.stem.split("-")[1]) for p in (run_dir / "articles").glob("batch-*.parquet"))


def read_batches(run_dir: Path, numbers: list[int]) -> dict[str, pa.Table]:
    """Read some batches of a run back, one row per primary key (first batch wins).

    The same entity is found by many batches. (The same article text in two files is two
    articles: the article id hashes the file and record too.)
    """
    tables: dict[str, pa.Table] = {}
    for table in EXTRACTED_TABLES:
        files = [run_dir / table.name / f"batch-{n:05d}.parquet" for n in numbers]
        parts = [pq.read_table(f, schema=table.schema) for f in files if f.exists()]
        data = pa.concat_tables(parts) if parts else table.schema.empty_table()
        keys = list(zip(*(data[column].to_pylist() for column in table.primary_key), strict=True))
        tables[table.name] = data.take(pa.array(_first_per_key(keys), type=pa.int64()))
    return tables


def read_staged(run_dir: Path) -> dict[str, pa.Table]:
    """Read every staged batch of a run (small runs and tests; large runs read chunks)."""
    return read_batches(run_dir, batch_numbers(run_dir))


def _first_per_key(keys: list[tuple[object, ...]]) -> list[int]:
    seen: set[tuple[object, ...]] = set()
    rows = []
    for index, key in enumerate(keys):
        if key not in seen:
            seen.add(key)
            rows.append(index)
    return rows


def count_staged(run_dir: Path) -> dict[str, int]:
    """Distinct rows per table staged by a run (what its load will add), read by DuckDB."""
    con = duckdb.connect()
    try:
        counts = {}
        for table in EXTRACTED_TABLES:
            # Exact paths, not a pattern: '[' or '*' in a warehouse path would be read as a glob.
            files = sorted(str(p) for p in (run_dir / table.name).glob("*.parquet"))
            if not files:
                counts[table.name] = 0
                continue
            key = ", ".join(table.primary_key)
            counts[table.name] = con.execute(f"SELECT count(*) FROM (SELECT DISTINCT {key} FROM read_parquet($p))", {"p": files}).fetchone()[0]
        return counts
    finally:
        con.close()


def remove_all(staging_dir: Path) -> None:
    """Delete every run's staging folder (what killed runs left behind)."""
    shutil.rmtree(staging_dir, ignore_errors=True)


def remove_run(run_dir: Path) -> None:
    """Delete a run's staging folder once the run has loaded (or was abandoned)."""
    shutil.rmtree(run_dir, ignore_errors=True)
