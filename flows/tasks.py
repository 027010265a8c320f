"""Prefect tasks of the ingest flow: one piece of I/O plus one call into a ring further in."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pyarrow.parquet as pq
from prefect import task
from prefect.states import State

from expectations.runner import validate_tables
from newsledger import __version__
from newsledger.errors import WarehouseError
from newsledger.inputs import discover_files
from newsledger.nlp import load_pipeline
from newsledger.progress import reporter
from newsledger.schemas import TABLES_BY_NAME
from newsledger.settings import Settings
from transforms.arrow import to_table
from transforms.articles import ReadOptions, read_articles
from transforms.extract import extract_articles
from transforms.records import Article
from transforms.tables import build_extracted_tables
from warehouse import load, staging


@dataclass(frozen=True)
class BatchCounts:
    files: int
    articles: int
    rejects: int


@task(name="discover-files")
def discover(paths: list[str]) -> list[str]:
    return discover_files(paths)


@task(name="parse-batch")
def parse_batch(files: list[str], batch_number: int, run_dir: Path, settings: Settings) -> BatchCounts:
    options = ReadOptions(__version__, settings.max_file_bytes, datetime.now(UTC))
    articles, rejects = [], []
    for path in files:
        result = read_articles(Path(path).read_bytes(), path, options)
        articles += result.articles
        rejects += result.rejects
    staging.write_batch(
        run_dir,
        batch_number,
        {
            "articles": to_table(articles, TABLES_BY_NAME["articles"].schema, "articles"),
            "rejects": to_table(rejects, TABLES_BY_NAME["rejects"].schema, "rejects"),
        },
    )
    return BatchCounts(len(files), len(articles), len(rejects))


@task(name="extract-batch")
def extract_batch(batch_number: int, file_count: int, run_dir: Path, settings: Settings) -> None:
    batch_file = run_dir / "articles" / f"batch-{batch_number:05d}.parquet"
    articles = [Article(**row) for row in pq.read_table(batch_file).to_pylist()]
    rows = [r for _, r in extract_articles(articles, load_pipeline(settings.spacy_model))]
    staging.write_batch(run_dir, batch_number, build_extracted_tables(rows))
    reporter().advance(file_count)


@task(name="consolidate-run")
def consolidate(run_dir: Path) -> Path:
    return staging.write_consolidated(run_dir, staging.read_staged(run_dir))


@task(name="validate-run")
def validate(final_dir: Path, results_dir: Path) -> dict[str, int]:
    tables = staging.read_consolidated(final_dir)
    validate_tables(tables, results_dir).raise_for_failures()
    return {name: table.num_rows for name, table in tables.items()}


def _retry_if_transient(task: object, task_run: object, state: State) -> bool:
    # Only a warehouse locked by another process is worth a retry; bad data never is.
    error = state.result(raise_on_failure=False)
    return isinstance(error, WarehouseError) and error.is_transient


@task(name="load-warehouse", retries=3, retry_delay_seconds=10, retry_condition_fn=_retry_if_transient)
def load_warehouse(final_dir: Path, database_path: Path, run_row: dict[str, object]) -> load.LoadSummary:
    return load.load_staged_run(database_path, final_dir, run_row)


@task(name="publish-parquet")
def publish_parquet(database_path: Path, parquet_dir: Path) -> list[Path]:
    return load.export_parquet(database_path, parquet_dir)


@task(name="record-failed-run")
def record_failed_run(database_path: Path, run_row: dict[str, object]) -> None:
    load.record_failed_run(database_path, run_row)


@task(name="clean-staging")
def clean_staging(run_dir: Path) -> None:
    staging.remove_run(run_dir)
