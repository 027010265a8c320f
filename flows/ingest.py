"""The ``ingest-news`` flow: discover -> parse -> extract -> write Parquet -> validate -> load."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from prefect import flow

from flows import tasks
from newsledger import __version__
from newsledger.errors import ContractError
from newsledger.progress import reporter
from newsledger.settings import Settings
from transforms.batches import plan_batches
from transforms.runs import RunCounts, counts_from, run_id_for, run_row


@dataclass(frozen=True)
class RunResult:
    """What a run did: its id, its counts and how long it took."""

    run_id: str
    counts: RunCounts
    seconds: float
    warehouse_row_counts: dict[str, int]


@flow(name="ingest-news", log_prints=False, validate_parameters=False)
def ingest_news(paths: list[str], settings: Settings) -> RunResult:
    """Load news articles from files and folders into the warehouse in one atomic run."""
    started = datetime.now(UTC)
    run_id = run_id_for(started)
    run_dir = settings.staging_dir / run_id

    files = tasks.discover(paths)
    reporter().start(len(files))
    for number, batch in enumerate(plan_batches(files, settings.batch_size), start=1):
        tasks.parse_batch(batch, number, run_dir, settings)
        tasks.extract_batch(number, len(batch), run_dir, settings)
    final_dir = tasks.consolidate(run_dir)

    try:
        row_counts = tasks.validate(final_dir, settings.validation_dir / run_id)
    except ContractError as error:
        failed = run_row(run_id, started, datetime.now(UTC), RunCounts(files_seen=len(files)),
                         validation_passed=False, extractor_version=__version__, message=str(error))
        tasks.record_failed_run(settings.database_path, failed)
        raise

    counts = counts_from(len(files), row_counts)
    row = run_row(run_id, started, datetime.now(UTC), counts, validation_passed=True, extractor_version=__version__)
    loaded = tasks.load_warehouse(final_dir, settings.database_path, row)
    tasks.publish_parquet(settings.database_path, settings.parquet_dir)
    tasks.clean_staging(run_dir)
    return RunResult(run_id, counts, (datetime.now(UTC) - started).total_seconds(), loaded.row_counts)
