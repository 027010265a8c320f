"""Exit codes and one-line messages as the table in docs/operations.md says, decided before anything heavy starts."""

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SAMPLES

PROBE = """
import sys
from newsledger.cli import main
sys.argv = ["newsledger", *sys.argv[1:]]
try:
    main()
except SystemExit as done:
    heavy = sorted(m for m in ("prefect", "great_expectations", "spacy") if m in sys.modules)
    print("EXIT", done.code, "HEAVY", ",".join(heavy) or "-", file=sys.stderr)
"""


def _probe(*args: str, cwd: Path | None = None) -> tuple[int, str, str]:
    done = subprocess.run([sys.executable, "-c", PROBE, *map(str, args)], capture_output=True, text=True, timeout=120, cwd=cwd)
    *message, verdict = done.stderr.strip().splitlines()
    _, code, _, heavy = verdict.split()
    return int(code), "\n".join(message), heavy


@pytest.mark.parametrize(
    ("args", "code", "says"),
    [
        (["run", "/no/such/folder"], 4, "does not exist"),
        (["run", SAMPLES, "--since", "2024-13-01"], 4, "--since"),
        (["run", SAMPLES, "--since", "2024-03-12", "--until", "2024-03-01"], 4, "swap them"),
        (["run", SAMPLES, "--runner", "bogus"], 4, "--runner"),
        (["run"], 4, "Missing argument"),
        (["nonsense"], 4, "No such command"),
        (["run", SAMPLES, "--warehouse", "/proc/newsledger-cannot-be-here"], 3, "cannot be written"),
    ],
    ids=["missing-path", "bad-since", "window-reversed", "unknown-runner", "no-paths", "unknown-command", "unwritable-warehouse"],
)
def test_argument_errors_exit_with_one_line_before_anything_starts(args, code, says):
    got, message, heavy = _probe(*args)
    assert got == code
    assert says in message and len(message.splitlines()) == 1 and "Traceback" not in message
    assert heavy == "-", f"{heavy} started for an argument error"


def test_an_empty_input_folder_warns_and_exits_0(tmp_path):
    (tmp_path / "in").mkdir()
    got, message, heavy = _probe("run", tmp_path / "in", "--warehouse", tmp_path / "wh")
    assert (got, heavy) == (0, "-")
    assert "nothing to load" in message


def test_warehouse_os_errors_are_exit_3_with_one_line(tmp_path, capsys):
    import typer

    from newsledger.cli import _errors_to_exit_codes
    from newsledger.core.settings import Settings

    with pytest.raises(typer.Exit) as caught:
        with _errors_to_exit_codes(Settings(warehouse_dir=tmp_path), None, False):
            raise OSError(errno.ENOSPC, "No space left on device", str(tmp_path / "staging" / "x.parquet"))
    assert caught.value.exit_code == 3
    err = capsys.readouterr().err
    assert "No space left on device" in err and "free disk space" in err and "Traceback" not in err


def test_a_damaged_database_names_full_refresh(tmp_path):
    from newsledger.core.errors import WarehouseDamagedError
    from warehouse import load

    db = tmp_path / "newsledger.duckdb"
    db.write_bytes(os.urandom(4096))
    with pytest.raises(WarehouseDamagedError, match="--full-refresh") as caught:
        load.loaded_files(db)
    assert not caught.value.is_transient  # never retried as if a lock
    with pytest.raises(WarehouseDamagedError, match="--full-refresh"):
        load.connect_writer(db)


@pytest.mark.e2e
def test_a_run_on_a_damaged_database_says_full_refresh_in_one_line(tmp_path, prefect_server):
    warehouse = tmp_path / "wh"
    warehouse.mkdir()
    (warehouse / "newsledger.duckdb").write_bytes(os.urandom(8192))
    cli = Path(sys.executable).parent / "newsledger"
    done = subprocess.run([cli, "run", "--warehouse", warehouse, SAMPLES / "2024-03-11"], capture_output=True, text=True, timeout=600, env=prefect_server)
    assert done.returncode == 3
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "--full-refresh" in lines[0] and "Traceback" not in done.stderr
    assert "Traceback" in (warehouse / "logs" / "newsledger.log").read_text()
    rebuilt = subprocess.run([cli, "run", "--full-refresh", "--warehouse", warehouse, SAMPLES / "2024-03-11"], capture_output=True, text=True, timeout=600, env=prefect_server)
    assert rebuilt.returncode == 0, rebuilt.stderr


def test_prefect_service_warnings_stay_off_the_screen():
    """A busy server made Prefect's EventsWorker warn on stderr before the one-line error."""
    import logging

    from newsledger.cli import _not_from_prefect

    def record(name: str, path: str) -> logging.LogRecord:
        return logging.LogRecord(name, logging.WARNING, path, 1, "Still processing items: 11 items remaining...", None, None)

    assert not _not_from_prefect(record("EventsWorker", "/venv/lib/python3.11/site-packages/prefect/_internal/concurrency/services.py"))
    assert not _not_from_prefect(record("prefect.flow_runs", "/anywhere.py"))
    assert _not_from_prefect(record("newsledger", "/work/main/newsledger/cli.py"))
