"""The run log: one file per warehouse where tracebacks go instead of the screen.

``DIR/logs/newsledger.log`` gets the main process's warnings and errors and, from every worker,
the traceback of each input that ended in ``rejects`` through the fault boundary. Workers
append under an OS lock, so entries from two processes never interleave.
"""

from __future__ import annotations

import fcntl
import logging
from collections.abc import Sequence
from pathlib import Path

from transforms.run.faults import Fault

LOG_DIR = "logs"
LOG_FILE = "newsledger.log"


def log_path(warehouse_dir: Path) -> Path:
    """Where a warehouse's run log lives."""
    return warehouse_dir / LOG_DIR / LOG_FILE


def append_faults(warehouse_dir: Path, run_id: str, faults: Sequence[Fault]) -> None:
    """Append each fault's traceback to the run log, naming the run and the input."""
    if not faults:
        return
    path = log_path(warehouse_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    entries = "".join(
        f"--- run {run_id}: {f.stage} of {f.source_path} (record {f.source_record}) rejected: {f.error_type}: {f.reason}\n{f.traceback}\n" for f in faults
    )
    with path.open("a", encoding="utf-8", errors="backslashreplace") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        handle.write(entries)


def file_only_logger() -> logging.Logger:
    """A logger whose records (tracebacks) reach the run log but never the screen."""
    logger = logging.getLogger("newsledger.run_log")
    if not logger.handlers:
        logger.propagate = False
        logger.addHandler(logging.NullHandler())  # before a run log exists: nothing, not Python's stderr fallback
    return logger


def attach_file_handler(warehouse_dir: Path, level: int = logging.INFO) -> Path:
    """Send this process's log records, and the file-only ones with their tracebacks, to the run log."""
    path = log_path(warehouse_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.FileHandler(path, encoding="utf-8", errors="backslashreplace")
    handler.setLevel(level)
    handler.setFormatter(logging.Formatter("%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"))
    logging.getLogger().addHandler(handler)
    file_only_logger().addHandler(handler)
    return path
