"""Prefect tasks of the ingest flow: one piece of I/O plus one call into a ring further in."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from prefect import get_run_logger, task
from prefect.states import State

from flows import batch_work
from flows.runners import in_worker
from expectations.runner import ValidationReport, validate_chunks, wait_for_data_docs, warm_up
from newsledger.core.errors import ContractError, WarehouseError
from newsledger.inputs import Discovery, InputProblem, discover_inputs, problem_rejects, read_alias_file
from newsledger.planning import plan_inputs
from newsledger.progress import reporter
from newsledger.core.settings import Settings
from newsledger.runlog import append_faults
from transforms.entities.aliases import AliasMap
from transforms.run.faults import Fault
from transforms.run.incremental import FilePlan
from transforms.run.quarantine import blamed_examples, decide
from transforms.run.tables import parsed_tables
from warehouse import load, publish, staging


def _retry_if_transient(task: object, task_run: object, state: State) -> bool:
    # Only a warehouse busy in another process is worth a retry; bad data never is.
    error = state.result(raise_on_failure=False)
    return isinstance(error, WarehouseError) and error.is_transient


@task(name="recover")
def recover(settings: Settings) -> None:
    publish.clear_leftovers(settings.warehouse_dir)
    publish.adopt_legacy_database(settings.database_path, settings.state_path)
    staging.remove_all(settings.staging_dir)


@task(name="warm-up-validation")
def warm_up_validation(files_to_read: int) -> None:
    # Great Expectations imports for seconds: in the background, and only when rows will come.
    if files_to_read:
        warm_up()


@task(name="read-aliases")
def read_aliases(settings: Settings) -> AliasMap:
    return read_alias_file(settings.aliases_path)


@task(name="discover-files")
def discover(paths: list[str], follow_symlinks: bool) -> Discovery:
    return discover_inputs(paths, follow_symlinks)


@task(name="plan-files", retries=3, retry_delay_seconds=5, retry_condition_fn=_retry_if_transient)
def plan(files: list[str], settings: Settings, aliases: AliasMap, full_refresh: bool, reprocess: bool, since: date | None, until: date | None) -> tuple[FilePlan, list[Fault]]:
    decided, faults = plan_inputs(files, settings.loaded_database, aliases, full_refresh, reprocess, since, until)
    get_run_logger().info(
        "%d files: %d to read, %d unchanged, %d outside the date window, %d unreadable",
        len(files), len(decided.to_process), decided.unchanged, decided.outside_window, len(faults),
    )
    return decided, faults


@task(name="stage-input-rejects")
def stage_input_rejects(run_dir: Path, settings: Settings, problems: list[InputProblem], faults: list[Fault]) -> int:
    """Batch 0 of a run: the paths that are not readable files, as rejects."""
    append_faults(settings.warehouse_dir, run_dir.name, faults)
    rejects = problem_rejects(problems, faults, datetime.now(UTC))
    staging.write_batch(run_dir, 0, parsed_tables([], rejects, datetime.now(UTC)).tables)
    for reject in rejects:
        get_run_logger().warning("rejected %s: %s", reject.source_path, reject.reason)
    return len(rejects)


@task(name="parse-batch")
def parse_batch(files: list[str], batch_number: int, run_dir: Path, settings: Settings, aliases: AliasMap) -> int:
    parsed = in_worker(batch_work.parse_files, files, batch_number, run_dir, settings, aliases)
    get_run_logger().info("batch %d: %d files read, %d articles, %d rejects", batch_number, parsed.files, parsed.articles, parsed.rejects)
    reporter().parsed(batch_number, parsed.files, parsed.articles)
    return parsed.articles


@task(name="extract-batch")
def extract_batch(batch_number: int, run_dir: Path, settings: Settings, aliases: AliasMap) -> int:
    extracted = in_worker(batch_work.extract_staged, batch_number, run_dir, settings, aliases)
    get_run_logger().info(
        "batch %d: %d articles extracted (%d quotes, %d entity mentions, %d events), %d failed",
        batch_number, extracted.articles, extracted.quotes, extracted.entity_mentions, extracted.events, extracted.failed,
    )
    return batch_number


@task(name="validate-run")
def validate(run_dir: Path, chunks: list[list[int]], report_dir: Path) -> ValidationReport:
    # The Data Docs pages render while the run loads and publishes (finish_data_docs waits).
    return validate_chunks((staging.read_batches(run_dir, chunk) for chunk in chunks), report_dir, docs_in_background=True)


def finish_data_docs(report_dir: Path, *, quietly: bool = False) -> None:
    """Wait for the run's Data Docs pages (a plain function: waiting is not a task of its own);
    ``quietly`` logs their error instead of raising it (another error is already on its way)."""
    wait_for_data_docs(report_dir, quietly=quietly)


@task(name="quarantine-articles")
def quarantine(run_dir: Path, report: ValidationReport, max_share: float) -> int:
    report.raise_for_structural()
    decision = decide(len(report.offending), staging.count_staged(run_dir)["articles"], max_share)
    if not decision.allowed:
        raise ContractError("articles", [decision.message, *blamed_examples(report.offending)])
    moved = staging.quarantine(run_dir, report.offending, datetime.now(UTC))
    if moved:
        get_run_logger().warning("%d article(s) failed row-level checks and were quarantined to rejects", moved)
    return moved


@task(name="count-staged")
def count_staged(run_dir: Path) -> dict[str, int]:
    return staging.count_staged(run_dir)


@task(name="load-warehouse", retries=3, retry_delay_seconds=10, retry_condition_fn=_retry_if_transient)
def load_warehouse(final_dir: Path, settings: Settings, run_row: dict[str, object], fresh: bool) -> tuple[Path, load.LoadSummary]:
    build = publish.load_target(settings.database_path, settings.state_path, str(run_row["run_id"]), fresh=fresh)
    loaded = load.load_staged_run(build, final_dir, run_row)
    get_run_logger().info("loaded; the warehouse now holds %s", ", ".join(f"{n} {table}" for table, n in loaded.row_counts.items()))
    return build, loaded


@task(name="publish-warehouse")
def publish_warehouse(build: Path, settings: Settings) -> None:
    publish.commit_load(build, settings.state_path)


@task(name="publish-parquet", retries=3, retry_delay_seconds=5, retry_condition_fn=_retry_if_transient)
def publish_parquet(settings: Settings, run_id: str, months: frozenset[str] | None) -> dict[str, int]:
    published = publish.publish(settings.database_path, settings.state_path, settings.segments_dir, settings.parquet_dir, run_id, months)
    return {table: len(partitions) for table, partitions in published.files.items()}


@task(name="record-failed-run")
def record_failed_run(settings: Settings, run_row: dict[str, object]) -> None:
    build = publish.load_target(settings.database_path, settings.state_path, str(run_row["run_id"]), fresh=False)
    load.record_failed_run(build, run_row)
    publish.commit_load(build, settings.state_path)
    publish.publish(settings.database_path, settings.state_path, settings.segments_dir, settings.parquet_dir, str(run_row["run_id"]), frozenset())


@task(name="clean-staging")
def clean_staging(run_dir: Path) -> None:
    staging.remove_run(run_dir)
