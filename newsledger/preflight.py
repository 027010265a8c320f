"""Checks of a run's arguments that take milliseconds, done before anything heavy starts."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from newsledger.core.errors import BadArgumentError, WarehouseUnwritableError
from newsledger.inputs import InputPathError, has_any_input


def check_warehouse_writable(warehouse_dir: Path) -> None:
    """Create the warehouse folder if needed and prove a file can be written in it.

    Raises:
        WarehouseUnwritableError: the folder cannot be created or written.
    """
    try:
        warehouse_dir.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=warehouse_dir, prefix=".write-check-"):
            pass
    except OSError as exc:
        raise WarehouseUnwritableError(str(warehouse_dir), exc.strerror or str(exc)) from exc


def check_run_arguments(paths: Sequence[Path], warehouse_dir: Path, since: datetime | None, until: datetime | None) -> bool:
    """Refuse what would fail later; True when the inputs hold anything to look at.

    Raises:
        InputPathError: an input path does not exist.
        BadArgumentError: ``--since`` is after ``--until``.
        WarehouseUnwritableError: the warehouse folder cannot be written.
    """
    for path in paths:
        if not os.path.lexists(path):
            raise InputPathError(str(path))
    if since is not None and until is not None and since > until:
        raise BadArgumentError(f"--since {since:%Y-%m-%d} is after --until {until:%Y-%m-%d}: swap them")
    check_warehouse_writable(warehouse_dir)
    return has_any_input(paths)
