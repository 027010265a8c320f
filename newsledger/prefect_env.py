"""Quiet, fast defaults for Prefect, set before Prefect is imported (users' settings win)."""

from __future__ import annotations

import os
from pathlib import Path

DEFAULTS = {
    # Keeping PREFECT_HOME between runs spares the temporary server its database migrations.
    "PREFECT_HOME": str(Path.home() / ".newsledger" / "prefect"),
    "PREFECT_LOGGING_LEVEL": "WARNING",
    "PREFECT_LOGGING_TO_API_ENABLED": "false",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "DO_NOT_TRACK": "1",
    # The temporary server needs longer than the default 20 s on a busy 2-core machine.
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "180",
    "PREFECT_RESULTS_PERSIST_BY_DEFAULT": "false",
}


def configure_prefect_env(environ: dict[str, str] | None = None) -> None:
    """Fill in Prefect settings that the user has not set."""
    env = os.environ if environ is None else environ
    for key, value in DEFAULTS.items():
        env.setdefault(key, value)
    # The temporary server's SQLite database cannot be created in a missing folder.
    Path(env["PREFECT_HOME"]).expanduser().mkdir(parents=True, exist_ok=True)
