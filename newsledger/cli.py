"""The ``newsledger`` command line: run the pipeline, query the warehouse."""

from __future__ import annotations

import csv
import io
import json
import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table as RichTable

from newsledger.errors import ContractError, NewsledgerError, WarehouseError
from newsledger.settings import DEFAULT_WAREHOUSE, Settings

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

WarehouseOption = Annotated[
    Path | None,
    typer.Option("--warehouse", "-w", help=f"Warehouse folder (DuckDB file, Parquet tables, reports). [default: {DEFAULT_WAREHOUSE}; env NEWSLEDGER_WAREHOUSE]", show_default=False),
]


class OutputFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


class _BarReporter:
    """Shows a progress bar of files extracted while the flow runs."""

    def __init__(self, progress: Progress) -> None:
        self.progress = progress
        self.task_id = progress.add_task("extracting", total=None)

    def start(self, total_files: int) -> None:
        self.progress.update(self.task_id, total=total_files, completed=0)

    def advance(self, files: int) -> None:
        self.progress.advance(self.task_id, files)


def _summary_table(result: object, warehouse: Path) -> RichTable:
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
    table.add_row("time taken", f"{result.seconds:.1f} s", "")  # type: ignore[attr-defined]
    for stage, seconds in result.stage_seconds.items():  # type: ignore[attr-defined]
        table.add_row(f"  {stage}", f"{seconds:.1f} s", "")
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
    no space, no permission, damaged file). Exit 4: bad arguments or input paths. Exit 130/143:
    interrupted (Ctrl-C / SIGTERM). Exit 1: an unexpected error (traceback in the log).
    """
    settings = Settings.from_env(
        warehouse_dir=warehouse, batch_size=batch_size, max_file_bytes=max_file_bytes, workers=workers, aliases_file=aliases, max_quarantine_share=max_quarantine_share
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
    from newsledger.prefect_env import SharedTemporaryServer, configure_prefect_env
    from newsledger.processes import clear_leftover_processes, end_run_on_signals

    clear_leftover_processes()
    with end_run_on_signals():
        configure_prefect_env()
        # The flow reads its settings from the environment (deployments pass only JSON parameters).
        settings.export_to_env()
        import os

        if verbose:
            os.environ["PREFECT_LOGGING_LEVEL"] = "INFO"
        else:
            # Prefect prints every failed task's traceback; our one-line errors say what to do
            # and the tracebacks go to the run log (Prefect reads PREFECT_LOGGING_<path> overrides).
            os.environ.setdefault("PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL", "CRITICAL")
        server = SharedTemporaryServer()
        from expectations.runner import warm_up
        from flows.ingest import ingest_news
        from flows.runners import RunnerKind, build_task_runner
        from newsledger.progress import set_reporter
        from prefect.logging.handlers import APILogWorker

        from newsledger.runlog import attach_file_handler

        # After Prefect's import: its logging set-up replaces the root logger's handlers.
        attach_file_handler(settings.warehouse_dir, logging.WARNING)

        warm_up()  # Great Expectations imports while the temporary server starts
        flow_run = ingest_news.with_options(task_runner=build_task_runner(RunnerKind(runner.value), settings.workers, dask_address))
        progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=console, transient=True)
        try:
            with server.active(), progress:
                set_reporter(_BarReporter(progress))
                try:
                    result = flow_run(
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
                    # The run's log lines reach the server before a temporary one stops.
                    APILogWorker.drain_all(timeout=5)
        finally:
            set_reporter(None)
            server.stop()
    out.print(_summary_table(result, settings.warehouse_dir))
    _print_run_report(settings.warehouse_dir, result.run_id)
    if result.counts.files_seen == 0:
        console.print("[yellow]No files found[/yellow] (only hidden files or nothing under the given folders): nothing was loaded.")
    if result.counts.files_rejected:
        out.print(f"[yellow]{result.counts.files_rejected} file(s) or record(s) rejected[/yellow]: newsledger sql \"select source_path, stage, reason from rejects\"", soft_wrap=True)


def _print_run_report(warehouse_dir: Path, run_id: str) -> None:
    """Write the run's HTML report and print its path unwrapped; a report that fails never fails a loaded run."""
    from newsledger.report import write_run_report

    try:
        path = write_run_report(warehouse_dir, run_id)
    except (NewsledgerError, OSError, ValueError) as error:
        from newsledger.runlog import file_only_logger

        file_only_logger().warning("the run report could not be written", exc_info=True)
        console.print(f"Run report not written ({error}); `newsledger report` tries again.", style="yellow", markup=False, soft_wrap=True)
        return
    sys.stdout.flush()
    sys.stdout.write(f"run report: {path}\n")


@contextmanager
def _errors_to_exit_codes(settings: Settings, log_file: Path | None, debug: bool) -> Iterator[None]:
    """One line and the documented exit code for every error; the traceback goes to the log."""
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
    from newsledger.schemas import TABLES
    from warehouse.marts import MART_VIEWS

    return (
        "One reading SQL statement (DuckDB dialect). Tables: " + ", ".join(t.name for t in TABLES)
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
    import os

    from newsledger.prefect_env import configure_prefect_env

    if not os.environ.get("PREFECT_API_URL"):
        console.print(
            "[red]Schedules need a running Prefect server.[/red] Start one with `prefect server start`, then\n"
            "  export PREFECT_API_URL=http://127.0.0.1:4200/api\nand run this command again."
        )
        raise typer.Exit(EXIT_BAD_ARGUMENTS)
    from newsledger.prefect_env import PrefectServerUnreachableError, check_server_reachable

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
    from newsledger.errors import BadArgumentError
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


def _configure_logging(verbose: bool) -> None:
    """Warnings to the screen (everything with --verbose); Prefect's own records only with --verbose.

    A failed task makes Prefect log its traceback; the screen gets our one-line error instead
    and the traceback goes to the run log.
    """
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if not verbose:
        for handler in logging.getLogger().handlers:
            handler.addFilter(lambda record: not record.name.startswith("prefect"))
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
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":
    main()
