"""The ``newsledger`` command line: run the pipeline, query the warehouse."""

from __future__ import annotations

import csv
import faulthandler
import io
import json
import logging
import os
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table as RichTable

from newsledger.core.errors import ContractError, NewsledgerError, WarehouseError
from newsledger.core.settings import DEFAULT_WAREHOUSE, Settings

if TYPE_CHECKING:
    from flows.ingest import RunResult
    from flows.worker_pool import EarlyStart
    from newsledger.orchestration.local_server import ServerState
    from newsledger.orchestration.processes import RunEnder
    from newsledger.orchestration.prefect_env import RunServer
    from newsledger.run_progress import RunDisplay

app = typer.Typer(
    help="newsledger: turn raw news-article files into a DuckDB + Parquet warehouse of quotes, entities and dated events.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)
console = Console(stderr=True)
# Piped output (a log file, CI) gets a width that keeps the summary's rows on one line each.
out = Console(width=None if sys.stdout.isatty() else 100)


def _print_version(value: bool) -> None:
    if value:
        from newsledger import __version__

        sys.stdout.write(f"newsledger {__version__}\n")
        raise typer.Exit()


@app.callback()
def _options(
    version: Annotated[bool, typer.Option("--version", callback=_print_version, is_eager=True, help="Print the version and exit.")] = False,
) -> None:
    """newsledger: turn raw news-article files into a DuckDB + Parquet warehouse of quotes, entities and dated events."""


EXIT_UNEXPECTED = 1
EXIT_VALIDATION_FAILED = 2
EXIT_WAREHOUSE_ERROR = 3
EXIT_BAD_ARGUMENTS = 4
EXIT_STALLED = 5
# One line per run in DIR/logs/: the summary's times (bench/fixed_cost.py reads them).
TIMINGS_FILE = "timings.jsonl"
# Set once a run has printed its summary: the process then exits without the interpreter's
# teardown of Prefect, Great Expectations and pandas (a second after the summary).
_EXIT_WITHOUT_TEARDOWN = False

WarehouseOption = Annotated[
    Path | None,
    typer.Option("--warehouse", "-w", help=f"Warehouse folder (DuckDB file, Parquet tables, reports). [default: {DEFAULT_WAREHOUSE}; env NEWSLEDGER_WAREHOUSE]", show_default=False),
]


class OutputFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


def _summary_table(result: object, warehouse: Path, timings: list[tuple[str, float]]) -> RichTable:
    counts = result.counts  # type: ignore[attr-defined]
    table = RichTable(title=f"run {result.run_id} -> {warehouse}", show_header=True)  # type: ignore[attr-defined]
    table.add_column("what")
    table.add_column("this run", justify="right")
    table.add_column("in warehouse", justify="right")
    totals = result.warehouse_row_counts  # type: ignore[attr-defined]
    rows = [
        ("files seen", counts.files_seen, None),
        ("skipped (unchanged / outside dates)", counts.files_skipped, None),
        ("articles loaded", counts.articles_loaded, "articles"),
        ("rejected", counts.files_rejected, "rejects"),
        ("quotes", counts.quotes, "quotes"),
        ("entities", counts.entities, "entities"),
        ("entity mentions", counts.entity_mentions, "entity_mentions"),
        ("temporal expressions", counts.temporal_expressions, "temporal_expressions"),
        ("events", counts.events, "events"),
    ]
    for label, value, total_key in rows:
        table.add_row(label, str(value), "" if total_key is None else str(totals.get(total_key, "")))
    # From the process's start to this table: the rows below add up to it.
    table.add_row("time taken", f"{sum(seconds for _, seconds in timings):.1f} s", "")
    for step, seconds in timings:
        table.add_row(f"  {step}", f"{seconds:.1f} s", "")
    return table


class Runner(str, Enum):
    process = "process"
    dask = "dask"
    thread = "thread"


@app.command(
    epilog="Example:  newsledger run --warehouse /data/news ~/crawl/2023-06-05 extra/article.txt",
)
def run(
    paths: Annotated[list[Path], typer.Argument(help="Files and folders to load (folders are read recursively).", show_default=False)],
    warehouse: WarehouseOption = None,
    batch_size: Annotated[int | None, typer.Option(help="Files per batch task. [env NEWSLEDGER_BATCH_SIZE]", min=1)] = None,
    max_file_bytes: Annotated[int | None, typer.Option(help="Reject input files larger than this. [env NEWSLEDGER_MAX_FILE_BYTES]", min=1)] = None,
    max_quarantine_share: Annotated[
        float | None,
        typer.Option(help="Largest share of the run's articles that failed row-level checks to quarantine before the load is blocked (exit 2). [default: 0.05; env NEWSLEDGER_MAX_QUARANTINE_SHARE]", min=0.0, max=1.0),
    ] = None,
    full_refresh: Annotated[bool, typer.Option("--full-refresh", help="Rebuild the warehouse from these files alone (drops what they do not hold).")] = False,
    reprocess: Annotated[bool, typer.Option("--reprocess", help="Also re-extract unchanged files whose rows came from an older newsledger version.")] = False,
    since: Annotated[datetime | None, typer.Option(formats=["%Y-%m-%d"], help="Backfill: first day to load, by the day in the file's path (folders laid out by day).")] = None,
    until: Annotated[datetime | None, typer.Option(formats=["%Y-%m-%d"], help="Backfill: last day to load, by the day in the file's path.")] = None,
    wait: Annotated[float, typer.Option(help="Seconds to wait for another run of this warehouse to finish before giving up.", min=0)] = 0.0,
    stall_minutes: Annotated[
        float | None,
        typer.Option(help="End the run as stuck (exit 5) after this many minutes without progress; 0 = never. [default: 30; env NEWSLEDGER_STALL_MINUTES]", min=0),
    ] = None,
    aliases: Annotated[Path | None, typer.Option(help="Alias CSV (alias,canonical_name,entity_type) merging names the text cannot join. [default: aliases.csv in the warehouse; env NEWSLEDGER_ALIASES]")] = None,
    runner: Annotated[Runner, typer.Option(help="Where batches run: process (one worker per core), dask (a Dask cluster), thread (one process, for debugging).")] = Runner.process,
    workers: Annotated[int | None, typer.Option(help="Worker processes (default: number of cores).", min=1)] = None,
    dask_address: Annotated[str | None, typer.Option(help="Scheduler of an existing Dask cluster, e.g. tcp://10.0.0.5:8786 (with --runner dask; default: a local cluster).")] = None,
    follow_symlinks: Annotated[bool, typer.Option("--follow-symlinks", help="Read symbolic links that point outside the input folders (by default they are rejected).")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log every step.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks on the screen (they always go to DIR/logs/newsledger.log).")] = False,
) -> None:
    """Load news articles into the warehouse: parse, extract quotes, entities, time expressions
    and events, write Parquet, validate with Great Expectations, publish DuckDB atomically.

    Files already loaded with the same content are skipped; a changed file replaces its rows.
    A file or article that cannot be read, extracted or validated lands in the rejects table
    with a reason, and the rest loads (exit 0). Exit 2: validation blocked the load (a
    structural failure, or more than --max-quarantine-share of the articles failed); the
    warehouse is unchanged. Exit 3: the warehouse could not be written (another run holds it,
    no space, no permission, damaged file). Exit 4: bad arguments or input paths. Exit 5: no
    progress for --stall-minutes (stuck; stacks in the log), warehouse unchanged. Exit 130/143:
    interrupted (Ctrl-C / SIGTERM). Exit 1: an unexpected error (traceback in the log).

    Runs report to the Prefect server PREFECT_API_URL names; without one, to a local server
    the first run starts and later runs reuse (`newsledger server status|stop`;
    NEWSLEDGER_PREFECT_SERVER=temporary gives each run its own). The summary's times run from
    the start of the command and add up to its wall time; DIR/logs/timings.jsonl keeps them.
    """
    settings = Settings.from_env(
        warehouse_dir=warehouse, batch_size=batch_size, max_file_bytes=max_file_bytes, workers=workers, aliases_file=aliases, max_quarantine_share=max_quarantine_share,
        stall_minutes=stall_minutes,
    )
    # Everything a user can get wrong is checked before Prefect, Great Expectations or the
    # model start, so a typo costs a second, not half a minute.
    from newsledger.preflight import check_run_arguments

    with _errors_to_exit_codes(settings, None, debug):
        has_input = check_run_arguments(paths, settings.warehouse_dir, since, until)
    if not has_input:
        console.print(f"[yellow]Warning: nothing to load[/yellow]: no files under {', '.join(str(p) for p in paths)}", soft_wrap=True)
        return
    from newsledger.runlog import log_path

    _configure_logging(verbose)
    with _errors_to_exit_codes(settings, log_path(settings.warehouse_dir), debug):
        _run_flow(paths, settings, full_refresh, reprocess, since, until, wait, runner, dask_address, follow_symlinks, verbose or debug)


def _run_flow(
    paths: list[Path], settings: Settings, full_refresh: bool, reprocess: bool, since: datetime | None, until: datetime | None,
    wait: float, runner: Runner, dask_address: str | None, follow_symlinks: bool, verbose: bool,
) -> None:
    """Run the flow, with the seconds before and after it overlapped where they can be.

    The Prefect server is found (or launched) before Prefect is imported; worker processes
    start loading the model while Prefect imports, when the plan will have batches for them
    (``flows.worker_pool.EarlyStart``); Great Expectations imports while the flow starts.
    """
    from newsledger.orchestration.prefect_env import configure_prefect_env, open_run_server
    from newsledger.orchestration.processes import clear_leftover_processes, end_run_on_signals
    from newsledger.orchestration.watchdog import StallWatchdog
    from newsledger.run_progress import RunDisplay, RunTimeline

    timeline = RunTimeline.from_process_start()
    clear_leftover_processes()
    with end_run_on_signals() as run_ender:
        configure_prefect_env()
        # The flow reads its settings from the environment (deployments pass only JSON parameters).
        settings.export_to_env()
        if verbose:
            os.environ["PREFECT_LOGGING_LEVEL"] = "INFO"
        else:
            # Prefect prints every failed task's traceback; our one-line errors say what to do
            # and the tracebacks go to the run log (Prefect reads PREFECT_LOGGING_<path> overrides).
            os.environ.setdefault("PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL", "CRITICAL")
        server = open_run_server(settings)
        early = _start_workers_early(paths, settings, full_refresh, reprocess, since, until, follow_symlinks) if runner is Runner.process else None
        if console.is_terminal:
            console.print(f"newsledger run: {len(paths)} input path(s) -> {settings.warehouse_dir}; Prefect server: {_server_words(server)}",
                          markup=False, highlight=False, soft_wrap=True)
        display = RunDisplay(console, timeline, on_progress=lambda: watchdog.beat())
        watchdog = StallWatchdog(settings.stall_minutes * 60, lambda: display.description.split(",")[0],
                                 lambda line: _end_stalled_run(line, settings.warehouse_dir, run_ender))
        try:
            with display, watchdog:
                result = _flow_with_display(paths, settings, full_refresh, reprocess, since, until, wait, runner, dask_address, follow_symlinks,
                                            server, early, display)
                display.status("finishing: run report")
                report_path = _write_run_report(settings.warehouse_dir, result.run_id)
        finally:
            server.close()
    timings = timeline.rows()
    _record_timings(settings.warehouse_dir, result.run_id, timings, server.kind, early, timeline.started_at)
    out.print(_summary_table(result, settings.warehouse_dir, timings))
    if report_path is not None:
        sys.stdout.flush()
        sys.stdout.write(f"run report: {report_path}\n")
    if result.counts.files_seen == 0:
        console.print("[yellow]No files found[/yellow] (only hidden files or nothing under the given folders): nothing was loaded.")
    if result.counts.files_rejected:
        out.print(f"[yellow]{result.counts.files_rejected} file(s) or record(s) rejected[/yellow]: newsledger sql \"select source_path, stage, reason from rejects\"", soft_wrap=True)
    global _EXIT_WITHOUT_TEARDOWN
    _EXIT_WITHOUT_TEARDOWN = True


def _end_stalled_run(line: str, warehouse_dir: Path, run_ender: RunEnder) -> None:
    """End a run the watchdog found stuck: every thread's stack to the run log, then one line
    and exit 5, its workers killed, as a signal would end it."""
    from newsledger.runlog import log_path

    log_file = log_path(warehouse_dir)
    try:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        with log_file.open("a") as log:
            log.write(f"{datetime.now().isoformat(timespec='seconds')} ERROR newsledger.watchdog: {line}; every thread's stack follows\n")
            log.flush()
            faulthandler.dump_traceback(file=log, all_threads=True)
    except OSError:
        pass  # the stacks are a help, not a condition: the run ends all the same
    run_ender.end_run(
        f"{line}: stopped it (exit {EXIT_STALLED}); the served warehouse is as it was. Every thread's stack is in {log_file}; "
        "if one step of your nights really takes this long, raise --stall-minutes.",
        EXIT_STALLED,
    )


def _flow_with_display(
    paths: list[Path], settings: Settings, full_refresh: bool, reprocess: bool, since: datetime | None, until: datetime | None,
    wait: float, runner: Runner, dask_address: str | None, follow_symlinks: bool, server: RunServer, early: EarlyStart | None, display: RunDisplay,
) -> RunResult:
    """Import the flow, wait for the server, run the flow with its progress on ``display``; its logs and events reach the server."""
    from expectations.runner import warm_up
    from flows.ingest import ingest_news
    from flows.runners import RunnerKind, build_task_runner
    from newsledger.progress import set_reporter
    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker
    from prefect.settings import temporary_settings

    from newsledger.runlog import attach_file_handler

    # After Prefect's import: its logging set-up replaces the root logger's handlers.
    attach_file_handler(settings.warehouse_dir, logging.WARNING)
    display.timeline.mark("start-up")
    pool, batches = early.result() if early is not None else (None, None)
    if batches != 0:
        warm_up()  # Great Expectations imports while the flow starts and the workers extract
    display.status(f"starting: Prefect server ({server.kind})")
    server.wait_ready()
    display.timeline.mark("Prefect server")
    display.status("starting the flow run")
    flow_run = ingest_news.with_options(task_runner=build_task_runner(RunnerKind(runner.value), settings.workers, dask_address, pool))
    set_reporter(display)
    # The run report's plotting library imports while the flow runs (the main process mostly
    # waits for its workers), not after it.
    threading.Thread(target=_import_report_modules, name="newsledger-report-import", daemon=True).start()
    try:
        # The flow-run heartbeat's thread sleeps in whole seconds and made every run wait up to a
        # second at its end; nothing watches the heartbeats of a command-line run.
        with server.active(), temporary_settings(updates={"flows.heartbeat_frequency": None}):
            try:
                return flow_run(
                    [str(p) for p in paths],
                    warehouse=str(settings.warehouse_dir),
                    full_refresh=full_refresh,
                    reprocess=reprocess,
                    since=since.date() if since else None,
                    until=until.date() if until else None,
                    wait_seconds=wait,
                    follow_symlinks=follow_symlinks,
                )
            finally:
                # The run's log lines and task-run events reach the server before a temporary one
                # stops or the process exits.
                APILogWorker.drain_all(timeout=5)
                EventsWorker.drain_all(timeout=5)
    finally:
        set_reporter(None)


def _import_report_modules() -> None:
    import matplotlib.figure  # noqa: F401
    from matplotlib.backends import backend_svg  # noqa: F401

    import newsledger.report  # noqa: F401


def _start_workers_early(
    paths: list[Path], settings: Settings, full_refresh: bool, reprocess: bool, since: datetime | None, until: datetime | None, follow_symlinks: bool,
) -> EarlyStart:
    """Start the workers the flow's plan will need, while Prefect imports (see ``flows.worker_pool``)."""
    from flows.worker_pool import EarlyStart
    from newsledger.planning import expected_batches

    def batches() -> int:
        return expected_batches([str(p) for p in paths], settings, full_refresh, reprocess, since.date() if since else None,
                                until.date() if until else None, follow_symlinks)

    return EarlyStart(batches, settings.workers, settings.spacy_model)


def _server_words(server: RunServer) -> str:
    return {
        "standing": f"{server.api_url} (PREFECT_API_URL)",
        "shared": f"{server.api_url} (shared, already running)",
        "started": f"{server.api_url} (shared, starting now; later runs reuse it; `newsledger server stop` stops it)",
    }.get(server.kind, "a temporary one, for this run")


def _record_timings(warehouse_dir: Path, run_id: str, timings: list[tuple[str, float]], server_kind: str, early: EarlyStart | None, started_at: float) -> None:
    """Append the run's timings to DIR/logs/timings.jsonl: the summary's steps, and when the workers started early were ready."""
    from newsledger.runlog import log_path

    import resource

    pool = early.pool if early is not None else None
    ready = pool.ready_at() if pool is not None else None
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    entry = {
        "run_id": run_id,
        "seconds": round(sum(seconds for _, seconds in timings), 3),
        "steps": {step: round(seconds, 3) for step, seconds in timings},
        "prefect_server": server_kind,
        "workers_started_early": pool.started if pool is not None else 0,
        "workers_ready_after": None if ready is None else round(ready - started_at, 3),
        # CPU seconds of this process and of its ended children (the workers): on a busy
        # machine the wall time varies, the CPU time much less.
        "cpu_seconds": {"main": round(own.ru_utime + own.ru_stime, 2), "workers": round(children.ru_utime + children.ru_stime, 2)},
    }
    try:
        with log_path(warehouse_dir).with_name(TIMINGS_FILE).open("a", encoding="utf-8") as handle:
            handle.write(json.dumps(entry) + "\n")
    except OSError:
        pass  # timings are for benchmarks and curiosity: never a reason to fail a loaded run


def _write_run_report(warehouse_dir: Path, run_id: str) -> Path | None:
    """Write the run's HTML report; a report that fails never fails a loaded run (None, and a line saying so)."""
    from newsledger.report import write_run_report

    try:
        return write_run_report(warehouse_dir, run_id)
    except (NewsledgerError, OSError, ValueError) as error:
        from newsledger.runlog import file_only_logger

        file_only_logger().warning("the run report could not be written", exc_info=True)
        console.print(f"Run report not written ({error}); `newsledger report` tries again.", style="yellow", markup=False, soft_wrap=True)
        return None


@contextmanager
def _errors_to_exit_codes(settings: Settings, log_file: Path | None, debug: bool) -> Iterator[None]:
    """One line and the documented exit code for every error; the traceback goes to the log."""
    from newsledger.orchestration.local_server import ServerStartError

    where = f" (details in {log_file})" if log_file else ""
    try:
        yield
    except ContractError as error:
        from newsledger.runlog import file_only_logger

        file_only_logger().warning("validation blocked the load: %s", error)
        console.print(f"[red]Validation blocked the load; the warehouse is unchanged.[/red]\n{error}")
        console.print(f"Validation results: {settings.validation_dir}", soft_wrap=True)
        raise typer.Exit(EXIT_VALIDATION_FAILED) from None
    except WarehouseError as error:
        _fail(f"Warehouse error: {error}{where}", EXIT_WAREHOUSE_ERROR, debug)
    except ServerStartError as error:
        _fail(f"Error: {error}", EXIT_UNEXPECTED, debug)
    except NewsledgerError as error:
        _fail(f"Error: {error}", EXIT_BAD_ARGUMENTS, debug)
    except OSError as error:
        # What is left after the input fault boundary is the warehouse side: full disk, read-only, permissions.
        problem = error.strerror or str(error)
        _fail(f"Warehouse error: cannot write {error.filename or settings.warehouse_dir} ({problem}): free disk space, fix permissions or pass another --warehouse{where}",
              EXIT_WAREHOUSE_ERROR, debug)
    except Exception as error:  # the command's last resort: one line, traceback in the log
        _fail(f"Unexpected error: {type(error).__name__}: {error}{where}; rerun with --debug to see the traceback", EXIT_UNEXPECTED, debug)


def _fail(message: str, code: int, debug: bool) -> None:
    from newsledger.runlog import file_only_logger

    file_only_logger().error(message, exc_info=True)
    if debug:
        console.print_exception()
    console.print(message, style="red", markup=False, soft_wrap=True, highlight=False)
    raise typer.Exit(code) from None


def _query_help() -> str:
    """The QUERY argument's help: the tables and the BI views, from the contract itself."""
    from newsledger.core.schemas import SERVED_TABLES
    from warehouse.marts import MART_VIEWS

    return (
        "One reading SQL statement (DuckDB dialect). Tables: " + ", ".join(t.name for t in SERVED_TABLES)
        + ". Views for BI: " + ", ".join(f"mart.{v.name}" for v in MART_VIEWS)
        + ". Columns: docs/tables.md, docs/marts.md, or `select * from duckdb_columns()`."
    )


_QUERY_HELP = _query_help()


@app.command(
    epilog='Example:  newsledger sql "select speaker, count(*) n from quotes group by 1 order by n desc" --format csv',
)
def sql(
    query: Annotated[str, typer.Argument(help=_QUERY_HELP, show_default=False)],
    warehouse: WarehouseOption = None,
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.table,
) -> None:
    """Run a read-only SQL query against the warehouse and print the result."""
    from warehouse.query import run_query

    settings = Settings.from_env(warehouse_dir=warehouse)
    try:
        result = run_query(settings.database_path, query)
    except WarehouseError as error:
        console.print(str(error), style="red", markup=False, soft_wrap=True, highlight=False)
        raise typer.Exit(EXIT_WAREHOUSE_ERROR) from None
    rows = result.to_pylist()
    if output_format is OutputFormat.json:
        sys.stdout.write(json.dumps(rows, default=str, ensure_ascii=False, indent=1) + "\n")
    elif output_format is OutputFormat.csv:
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(result.column_names)
        writer.writerows([["" if v is None else v for v in r.values()] for r in rows])
        sys.stdout.write(buffer.getvalue())
    else:
        table = RichTable(show_header=True)
        for name in result.column_names:
            table.add_column(name, overflow="fold")
        for r in rows:
            table.add_row(*["NULL" if v is None else str(v) for v in r.values()])
        out.print(table)
        out.print(f"{len(rows)} row(s)")


@app.command(
    epilog='Example:  PREFECT_API_URL=http://127.0.0.1:4200/api newsledger serve --cron "0 2 * * *" --timezone Europe/London --input /data/crawl',
)
def serve(
    cron: Annotated[str, typer.Option(help="Cron expression of the schedule, e.g. '0 2 * * *' for 02:00 every night.")],
    input_paths: Annotated[list[Path], typer.Option("--input", "-i", help="Folder or file to load on each run (repeat for several).")],
    warehouse: WarehouseOption = None,
    timezone: Annotated[str, typer.Option(help="Time zone the cron expression is read in (IANA name).")] = "UTC",
    name: Annotated[str, typer.Option(help="Deployment name.")] = "nightly",
) -> None:
    """Serve the ingest flow on a cron schedule until stopped (Ctrl-C).

    Prefect schedules need a running Prefect server: start one with `prefect server start`
    (its UI and API listen on http://127.0.0.1:4200) and set PREFECT_API_URL to its /api
    address. Runs then appear in the Prefect UI; failed runs are retried only for transient
    warehouse errors, never for bad input.
    """
    from newsledger.orchestration.prefect_env import configure_prefect_env

    if not os.environ.get("PREFECT_API_URL"):
        console.print(
            "[red]Schedules need a running Prefect server.[/red] Start one with `prefect server start`, then\n"
            "  export PREFECT_API_URL=http://127.0.0.1:4200/api\nand run this command again."
        )
        raise typer.Exit(EXIT_BAD_ARGUMENTS)
    from newsledger.orchestration.prefect_env import PrefectServerUnreachableError, check_server_reachable

    try:
        check_server_reachable(os.environ["PREFECT_API_URL"])
    except PrefectServerUnreachableError as error:
        console.print(f"Error: {error}", style="red", markup=False, soft_wrap=True, highlight=False)
        raise typer.Exit(EXIT_BAD_ARGUMENTS) from None
    settings = Settings.from_env(warehouse_dir=warehouse)
    configure_prefect_env()
    settings.export_to_env()
    from prefect import serve as prefect_serve

    from flows.deployment import nightly_deployment

    deployment = nightly_deployment([str(p.resolve()) for p in input_paths], str(settings.warehouse_dir.resolve()), cron, timezone, name)
    out.print(f"serving deployment ingest-news/{name}: '{cron}' ({timezone}) -> {settings.warehouse_dir}")
    prefect_serve(deployment)


@app.command(epilog="Example:  newsledger report --run 20240312T020000Z-000001 --open")
def report(
    warehouse: WarehouseOption = None,
    run_id: Annotated[str | None, typer.Option("--run", help="Run id to report on (see `newsledger sql \"select run_id from runs\"`). [default: the latest run]", show_default=False)] = None,
    open_browser: Annotated[bool, typer.Option("--open", help="Also open the report in a web browser; exit 4 with one line saying why when none can be started.")] = False,
) -> None:
    """Write the run report and print its path: one HTML file that opens with no network.

    It shows what came in (files seen, loaded, skipped, rejected by reason, with file names),
    what was extracted (this run, the night, the warehouse), how long each stage took, what
    validation found (with links to each table's Great Expectations pages) and recent runs,
    with plots. The file is DIR/reports/<run_id>.html. Exit 3: no warehouse or no run yet;
    exit 4: no such --run, or --open found no browser (the report is still written).
    """
    from newsledger.core.errors import BadArgumentError
    from newsledger.report import open_report, write_run_report

    settings = Settings.from_env(warehouse_dir=warehouse)
    try:
        path = write_run_report(settings.warehouse_dir, run_id)
    except BadArgumentError as error:
        console.print(f"Error: {error}", style="red", markup=False, soft_wrap=True, highlight=False)
        raise typer.Exit(EXIT_BAD_ARGUMENTS) from None
    except WarehouseError as error:
        console.print(str(error), style="red", markup=False, soft_wrap=True, highlight=False)
        raise typer.Exit(EXIT_WAREHOUSE_ERROR) from None
    except OSError as error:
        console.print(f"Warehouse error: cannot write the report under {settings.warehouse_dir} ({error.strerror or error}): fix permissions or free disk space",
                      style="red", markup=False, soft_wrap=True, highlight=False)
        raise typer.Exit(EXIT_WAREHOUSE_ERROR) from None
    # One plain line, never wrapped: scripts and pipes take the path as it is.
    sys.stdout.write(f"{path}\n")
    sys.stdout.flush()
    if open_browser:
        problem = open_report(path)
        if problem is not None:
            console.print(f"Cannot open the report: {problem}", markup=False, soft_wrap=True, highlight=False)
            raise typer.Exit(EXIT_BAD_ARGUMENTS)


@app.command(epilog="Example:  newsledger explain samples/article-01.txt | less")
def explain(
    path: Annotated[Path, typer.Argument(help="One article file (.txt, .json, .jsonl, .html, .gz), as a run would read it.", show_default=False)],
    warehouse: WarehouseOption = None,
) -> None:
    """Print one file's articles with each quote, speaker, entity mention and date, and the rule behind it.

    The rule names are the provenance columns of the warehouse (quotes.found_by and
    quotes.speaker_by, entity_mentions.repaired_by, temporal_expressions.pattern, events.trigger_by), each an
    entry of a registry listed in docs/rules.md. Nothing is written; the alias file of
    --warehouse (DIR/aliases.csv) is applied as a run applies it. Exit 4: not a readable file.
    """
    from newsledger.explain import explain_articles, read_file, render_article, render_rejects, rule_legend

    settings = Settings.from_env(warehouse_dir=warehouse)
    with _errors_to_exit_codes(settings, None, debug=False):
        articles, rejects = read_file(path, settings.max_file_bytes, settings.source_pattern)
    if rejects:
        sys.stdout.write(render_rejects(rejects) + "\n")
    if not articles:
        sys.stdout.flush()
        raise typer.Exit(EXIT_BAD_ARGUMENTS)
    sys.stdout.write(rule_legend() + "\n\n")
    with _errors_to_exit_codes(settings, None, debug=False):
        for explained in explain_articles(articles, settings.spacy_model, settings.aliases_path):
            sys.stdout.write(render_article(explained) + "\n")
    sys.stdout.flush()


server_app = typer.Typer(
    help="The local Prefect server that runs share when PREFECT_API_URL names none: started by the first run, kept for the next ones.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(server_app, name="server")


def _server_home() -> Path:
    from newsledger.orchestration.local_server import prefect_home
    from newsledger.orchestration.prefect_env import configure_prefect_env

    configure_prefect_env()
    return prefect_home()


def _describe_server(state: ServerState, home: Path) -> str:
    from newsledger.orchestration.local_server import last_used

    used = last_used(home)
    idle = f"stops after {state.idle_minutes:g} min without a run" if state.idle_minutes else "never stops by itself"
    since = f", last used {datetime.fromtimestamp(used).astimezone():%Y-%m-%d %H:%M:%S}" if used else ""
    return (f"Prefect server {state.api_url} (pid {state.pid}, Prefect {state.prefect_version}, started {state.started_at}{since}; {idle}); "
            f"PREFECT_HOME {home}")


@server_app.command("status", epilog="Example:  newsledger server status")
def server_status() -> None:
    """Say whether the shared Prefect server runs, where, and since when (exit 0; exit 3 when none runs)."""
    from newsledger.orchestration.local_server import find_server

    home = _server_home()
    state = find_server(home)
    if state is None:
        sys.stdout.write(f"no shared Prefect server runs for PREFECT_HOME {home}; the next `newsledger run` starts one\n")
        raise typer.Exit(EXIT_WAREHOUSE_ERROR)
    sys.stdout.write(_describe_server(state, home) + "\n")


@server_app.command("start", epilog="Example:  newsledger server start   # before a demo, so the first run does not wait for it")
def server_start() -> None:
    """Start the shared Prefect server now (or find it running) and wait until it answers.

    Runs start it when they need it; this only moves the wait (10-20 s on a small machine)
    ahead. Exit 3: it did not start (its log is named).
    """
    from newsledger.orchestration.local_server import ServerStartError, start_shared_server

    home = _server_home()
    try:
        state = start_shared_server(home, Settings.from_env().prefect_server_idle_minutes)
    except ServerStartError as error:
        console.print(f"Error: {error}", style="red", markup=False, soft_wrap=True, highlight=False)
        raise typer.Exit(EXIT_WAREHOUSE_ERROR) from None
    sys.stdout.write(_describe_server(state, home) + "\n")


@server_app.command("stop", epilog="Example:  newsledger server stop --wait 600   # after tonight's run, if one is going on")
def server_stop(
    wait: Annotated[float, typer.Option(help="Seconds to wait for runs using the server to end.", min=0)] = 0.0,
) -> None:
    """Stop the shared Prefect server (runs started later start a new one).

    A server that a run is using is not stopped: exit 3 with one line, unless the runs end
    within --wait. Exit 0 when it was stopped or none was running.
    """
    from newsledger.orchestration.local_server import ServerBusyError, stop_shared_server

    home = _server_home()
    try:
        stopped = stop_shared_server(home, wait)
    except ServerBusyError as error:
        console.print(f"Error: {error}", style="red", markup=False, soft_wrap=True, highlight=False)
        raise typer.Exit(EXIT_WAREHOUSE_ERROR) from None
    if stopped is None:
        sys.stdout.write(f"no shared Prefect server was running for PREFECT_HOME {home}\n")
    else:
        sys.stdout.write(f"stopped the Prefect server {stopped.api_url} (pid {stopped.pid})\n")


_PREFECT_PACKAGE = f"{os.sep}prefect{os.sep}"


def _not_from_prefect(record: logging.LogRecord) -> bool:
    """False for Prefect's records: its loggers are named "prefect..." and, for its background
    services, after their class ("EventsWorker: Still processing items" while a busy server
    drains), so the file they come from decides too."""
    return not (record.name.startswith("prefect") or _PREFECT_PACKAGE in record.pathname)


def _configure_logging(verbose: bool) -> None:
    """Warnings to the screen (everything with --verbose); Prefect's own records only with --verbose.

    A failed task makes Prefect log its traceback; the screen gets our one-line error instead
    and the traceback goes to the run log.
    """
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if not verbose:
        for handler in logging.getLogger().handlers:
            handler.addFilter(_not_from_prefect)
    # GX announces its temporary docs folder at INFO on every run.
    logging.getLogger("great_expectations").setLevel(logging.INFO if verbose else logging.WARNING)


def main() -> None:
    """Console-script entry point: usage errors exit 4 in one line (click's own code, 2, means a blocked load here)."""
    # typer 0.29 vendors click; its usage errors are only importable from there (version pinned).
    from typer._click.exceptions import ClickException, NoArgsIsHelpError, UsageError

    command = typer.main.get_command(app)
    try:
        code = command.main(standalone_mode=False)
    except NoArgsIsHelpError as error:
        console.print(error.format_message())
        code = 0
    except UsageError as error:
        command_name = error.ctx.command_path if error.ctx is not None else "newsledger"
        console.print(f"Error: {error.format_message()} (see `{command_name} --help`)", style="red", markup=False, soft_wrap=True, highlight=False)
        code = EXIT_BAD_ARGUMENTS
    except ClickException as error:
        error.show()
        code = error.exit_code
    except typer.Abort:
        console.print("interrupted")
        code = 130
    code = code if isinstance(code, int) else 0
    if _EXIT_WITHOUT_TEARDOWN:
        _exit_now(code)
    sys.exit(code)


def _exit_now(code: int) -> None:
    """End a finished run's process at once: everything is written, flushed and sent.

    Tearing down the interpreter (Prefect's threads, Great Expectations, pandas, collected
    module by module) took about a second after the summary had been printed. The flow's
    log lines and events were drained to the server, the warehouse is published and closed.
    """
    sys.stdout.flush()
    sys.stderr.flush()
    logging.shutdown()
    os._exit(code)


if __name__ == "__main__":
    main()
