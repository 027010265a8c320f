"""The ``ingest-news`` flow: discover -> parse -> extract -> write Parquet -> validate -> load -> publish."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from prefect import flow
from prefect.futures import as_completed

from flows import tasks
from flows.runners import default_task_runner, release_workers
from newsledger import __version__
from newsledger.core.errors import ContractError
from newsledger.progress import reporter
from newsledger.core.settings import Settings
from transforms.run.batches import plan_batches, validation_chunks
from transforms.run.runs import RunCounts, StageClock, counts_from, run_id_for, run_row
from warehouse.publish import run_lock


@dataclass(frozen=True)
class RunResult:
    """What a run did: its id, its counts, how long it took and where its report is."""

    run_id: str
    counts: RunCounts
    seconds: float
    warehouse_row_counts: dict[str, int]
    report_dir: Path
    stage_seconds: dict[str, float]


@flow(name="ingest-news", log_prints=False, validate_parameters=False, task_runner=default_task_runner())
def ingest_news(
    paths: list[str],
    warehouse: str | None = None,
    full_refresh: bool = False,
    reprocess: bool = False,
    since: date | None = None,
    until: date | None = None,
    wait_seconds: float = 0.0,
    follow_symlinks: bool = False,
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
        follow_symlinks: read symbolic links that point outside the input folders.
    """
    settings = Settings.from_env(warehouse_dir=warehouse)
    started = datetime.now(UTC)
    run_id = run_id_for(started)
    run_dir = settings.staging_dir / run_id
    report_dir = settings.validation_dir / run_id

    clock = StageClock(on_lap=reporter().stage_done)
    with run_lock(settings.warehouse_dir, wait_seconds):
        tasks.recover(settings)
        aliases = tasks.read_aliases(settings)
        found = tasks.discover(paths, follow_symlinks)
        plan, unreadable = tasks.plan(found.files, settings, aliases, full_refresh, reprocess, since, until)
        tasks.warm_up_validation(len(plan.to_process))
        tasks.stage_input_rejects(run_dir, settings, found.problems, unreadable)
        clock.lap("plan")
        reporter().start(len(plan.to_process))
        batches = plan_batches(plan.to_process, settings.batch_size, settings.workers, plan.sizes)
        parsed = [tasks.parse_batch.submit(batch, number, run_dir, settings, aliases) for number, batch in enumerate(batches, start=1)]
        extracted = {
            tasks.extract_batch.submit(number, run_dir, settings, aliases, wait_for=[parsed[number - 1]]): number
            for number in range(1, len(batches) + 1)
        }
        for future in as_completed(list(extracted)):
            future.result()
            number = extracted[future]
            reporter().batch_done(number, parsed[number - 1].result())
        release_workers()
        chunks = validation_chunks([len(batch) for batch in batches], first_batch=0)
        clock.lap("extract")

        try:
            try:
                report = tasks.validate(run_dir, chunks, report_dir)
                tasks.quarantine(run_dir, report, settings.max_quarantine_share)
            except ContractError as error:
                failed = run_row(run_id, started, datetime.now(UTC), RunCounts(files_seen=found.seen, files_skipped=plan.skipped),
                                 validation_passed=False, extractor_version=__version__, message=str(error))
                tasks.record_failed_run(settings, failed)
                tasks.clean_staging(run_dir)
                raise

            clock.lap("validate")
            row_counts = tasks.count_staged(run_dir)
            counts = counts_from(found.seen, plan.skipped, row_counts)
            row = run_row(run_id, started, datetime.now(UTC), counts, validation_passed=report.passed, extractor_version=__version__,
                          stage_seconds=clock.seconds, message=report.quarantine_note, loaded=True)
            build, loaded = tasks.load_warehouse(run_dir, settings, row, full_refresh)
            tasks.publish_warehouse(build, settings)
            clock.lap("load")
            tasks.publish_parquet(settings, run_id, None if full_refresh else loaded.touched_months)
            tasks.clean_staging(run_dir)
            clock.lap("publish_parquet")
        except BaseException:
            tasks.finish_data_docs(report_dir, quietly=True)  # the error that stopped the run is the one to report
            raise
        tasks.finish_data_docs(report_dir)
    return RunResult(run_id, counts, (datetime.now(UTC) - started).total_seconds(), loaded.row_counts, report_dir, clock.seconds)
