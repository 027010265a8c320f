"""The ``ingest-news`` flow: discover -> parse -> extract -> write Parquet -> validate -> load -> publish."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from prefect import flow

from flows import tasks
from newsledger import __version__
from newsledger.errors import ContractError
from newsledger.progress import reporter
from newsledger.settings import Settings
from transforms.batches import plan_batches
from transforms.runs import RunCounts, counts_from, run_id_for, run_row
from warehouse.publish import run_lock


@dataclass(frozen=True)
class RunResult:
    """What a run did: its id, its counts, how long it took and where its report is."""

    run_id: str
    counts: RunCounts
    seconds: float
    warehouse_row_counts: dict[str, int]
    report_dir: Path


@flow(name="ingest-news", log_prints=False, validate_parameters=False)
def ingest_news(
    paths: list[str],
    warehouse: str | None = None,
    full_refresh: bool = False,
    reprocess: bool = False,
    since: date | None = None,
    until: date | None = None,
    wait_seconds: float = 0.0,
) -> RunResult:
    """Load news articles from files and folders into the warehouse in one atomic publish.

    Args:
        paths: files and folders (read recursively).
        warehouse: warehouse folder; None takes NEWSLEDGER_WAREHOUSE or the default.
        full_refresh: rebuild the warehouse from these files alone.
        reprocess: re-extract unchanged files whose rows came from an older extractor.
        since: first day to load, by the day in the file's path.
        until: last day to load, by the day in the file's path.
        wait_seconds: how long to queue behind another run of the same warehouse.
    """
    settings = Settings.from_env(warehouse_dir=warehouse)
    started = datetime.now(UTC)
    run_id = run_id_for(started)
    run_dir = settings.staging_dir / run_id
    report_dir = settings.validation_dir / run_id

    with run_lock(settings.warehouse_dir, wait_seconds):
        tasks.recover(settings)
        files = tasks.discover(paths)
        plan = tasks.plan(files, settings, full_refresh, reprocess, since, until)
        skipped = plan.unchanged + plan.outside_window
        reporter().start(len(plan.to_process))
        for number, batch in enumerate(plan_batches(plan.to_process, settings.batch_size), start=1):
            tasks.parse_batch(batch, number, run_dir, settings)
            tasks.extract_batch(number, len(batch), run_dir, settings)
        final_dir = tasks.consolidate(run_dir)

        try:
            row_counts = tasks.validate(final_dir, report_dir)
        except ContractError as error:
            failed = run_row(run_id, started, datetime.now(UTC), RunCounts(files_seen=len(files), files_skipped=skipped),
                             validation_passed=False, extractor_version=__version__, message=str(error))
            tasks.record_failed_run(settings, failed)
            tasks.clean_staging(run_dir)
            raise

        counts = counts_from(len(files), skipped, row_counts)
        row = run_row(run_id, started, datetime.now(UTC), counts, validation_passed=True, extractor_version=__version__)
        build, loaded = tasks.load_warehouse(final_dir, settings, row, full_refresh)
        tasks.publish_warehouse(build, settings)
        tasks.publish_parquet(settings, run_id, None if full_refresh else loaded.touched_months)
        tasks.clean_staging(run_dir)
    return RunResult(run_id, counts, (datetime.now(UTC) - started).total_seconds(), loaded.row_counts, report_dir)
