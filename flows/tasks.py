"""Prefect tasks of the ingest flow: one piece of I/O plus one call into a ring further in."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pyarrow.parquet as pq
from prefect import task
from prefect.states import State

from expectations.runner import validate_chunks, warm_up
from newsledger import __version__
from newsledger.errors import WarehouseError
from newsledger.inputs import discover_files, read_alias_file
from newsledger.nlp import load_pipeline
from newsledger.schemas import TABLES_BY_NAME
from newsledger.settings import Settings
from transforms.aliases import AliasMap, extractor_version
from transforms.arrow import to_table
from transforms.articles import ReadOptions, read_articles
from transforms.extract import extract_articles
from transforms.ids import sha256_hex
from transforms.incremental import FilePlan, plan_files
from transforms.records import Article
from transforms.tables import build_extracted_tables
from warehouse import lake, load, publish, staging


def _retry_if_transient(task: object, task_run: object, state: State) -> bool:
    # Only a warehouse busy in another process is worth a retry; bad data never is.
    error = state.result(raise_on_failure=False)
    return isinstance(error, WarehouseError) and error.is_transient


@task(name="recover")
def recover(settings: Settings) -> None:
    publish.clear_leftovers(settings.warehouse_dir)
    staging.remove_all(settings.staging_dir)


@task(name="warm-up-validation")
def warm_up_validation() -> None:
    warm_up()


@task(name="read-aliases")
def read_aliases(settings: Settings) -> AliasMap:
    return read_alias_file(settings.aliases_path)


@task(name="discover-files")
def discover(paths: list[str]) -> list[str]:
    return discover_files(paths)


@task(name="plan-files", retries=3, retry_delay_seconds=5, retry_condition_fn=_retry_if_transient)
def plan(files: list[str], settings: Settings, aliases: AliasMap, full_refresh: bool, reprocess: bool, since: date | None, until: date | None) -> FilePlan:
    hashes, sizes = {}, {}
    for path in files:
        content = Path(path).read_bytes()
        hashes[path], sizes[path] = sha256_hex(content), len(content)
    loaded = {} if full_refresh else load.loaded_files(settings.database_path)
    return plan_files(hashes, loaded, extractor_version(__version__, aliases), full_refresh=full_refresh, reprocess=reprocess, since=since, until=until, sizes=sizes)


@task(name="parse-batch")
def parse_batch(files: list[str], batch_number: int, run_dir: Path, settings: Settings, aliases: AliasMap) -> int:
    options = ReadOptions(extractor_version(__version__, aliases), settings.max_file_bytes, datetime.now(UTC))
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
    return len(articles)


@task(name="extract-batch")
def extract_batch(batch_number: int, run_dir: Path, settings: Settings, aliases: AliasMap) -> int:
    batch_file = run_dir / "articles" / f"batch-{batch_number:05d}.parquet"
    articles = [Article(**row) for row in pq.read_table(batch_file).to_pylist()]
    rows = [r for _, r in extract_articles(articles, load_pipeline(settings.spacy_model), aliases)]
    staging.write_batch(run_dir, batch_number, build_extracted_tables(rows))
    return batch_number


@task(name="validate-run")
def validate(run_dir: Path, chunks: list[list[int]], report_dir: Path) -> None:
    validate_chunks((staging.read_batches(run_dir, chunk) for chunk in chunks), report_dir).raise_for_failures()


@task(name="count-staged")
def count_staged(run_dir: Path) -> dict[str, int]:
    return staging.count_staged(run_dir)


@task(name="load-warehouse", retries=3, retry_delay_seconds=10, retry_condition_fn=_retry_if_transient)
def load_warehouse(final_dir: Path, settings: Settings, run_row: dict[str, object], fresh: bool) -> tuple[Path, load.LoadSummary]:
    build = publish.prepare_build(settings.database_path, str(run_row["run_id"]), fresh=fresh)
    return build, load.load_staged_run(build, final_dir, run_row)


@task(name="publish-warehouse")
def publish_warehouse(build: Path, settings: Settings) -> None:
    publish.swap_in(build, settings.database_path)


@task(name="publish-parquet", retries=3, retry_delay_seconds=5, retry_condition_fn=_retry_if_transient)
def publish_parquet(settings: Settings, run_id: str, months: frozenset[str] | None) -> dict[str, int]:
    return lake.export_lake(settings.database_path, settings.parquet_dir, run_id, months)


@task(name="record-failed-run")
def record_failed_run(settings: Settings, run_row: dict[str, object]) -> None:
    build = publish.prepare_build(settings.database_path, str(run_row["run_id"]), fresh=False)
    load.record_failed_run(build, run_row)
    publish.swap_in(build, settings.database_path)


@task(name="clean-staging")
def clean_staging(run_dir: Path) -> None:
    staging.remove_run(run_dir)
