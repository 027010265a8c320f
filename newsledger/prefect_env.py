"""Quiet, fast defaults for Prefect, set before Prefect is imported (users' settings win)."""

from __future__ import annotations

import os
import urllib.error
import urllib.request
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

from newsledger.errors import NewsledgerError

DEFAULTS = {
    # Keeping PREFECT_HOME between runs spares the temporary server its database migrations.
    "PREFECT_HOME": str(Path.home() / ".newsledger" / "prefect"),
    # Each run's and task's log lines go to the Prefect server (the UI shows them beside the
    # run); the command line keeps its screen quiet by its own console setting.
    "PREFECT_LOGGING_LEVEL": "INFO",
    "PREFECT_LOGGING_TO_API_ENABLED": "true",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "DO_NOT_TRACK": "1",
    # The temporary server needs longer than the default 20 s on a busy 2-core machine.
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "180",
    "PREFECT_RESULTS_PERSIST_BY_DEFAULT": "false",
}


class PrefectServerUnreachableError(NewsledgerError):
    """``PREFECT_API_URL`` names a server that does not answer."""

    def __init__(self, api_url: str, problem: str) -> None:
        self.api_url = api_url
        super().__init__(
            f"no Prefect server answers at PREFECT_API_URL={api_url} ({problem}): start one with `prefect server start` or fix the address"
        )


def check_server_reachable(api_url: str, timeout_seconds: float = 5.0) -> None:
    """Ask the server's health endpoint, so a wrong address fails in one line, not a traceback.

    Raises:
        PrefectServerUnreachableError: no answer, or not a healthy Prefect API.
    """
    try:
        with urllib.request.urlopen(f"{api_url.rstrip('/')}/health", timeout=timeout_seconds) as response:
            if response.status == 200:
                return
            problem = f"HTTP {response.status}"
    except urllib.error.HTTPError as exc:
        problem = f"HTTP {exc.code}"
    except (urllib.error.URLError, OSError, ValueError) as exc:
        problem = str(getattr(exc, "reason", exc))
    raise PrefectServerUnreachableError(api_url, problem)


def configure_prefect_env(environ: dict[str, str] | None = None) -> None:
    """Fill in Prefect settings that the user has not set."""
    env = os.environ if environ is None else environ
    for key, value in DEFAULTS.items():
        env.setdefault(key, value)
    # The temporary server's SQLite database cannot be created in a missing folder.
    Path(env["PREFECT_HOME"]).expanduser().mkdir(parents=True, exist_ok=True)


class SharedTemporaryServer:
    """One temporary Prefect server for a run's main process *and* its worker processes.

    Without ``PREFECT_API_URL``, Prefect starts a temporary server in every process that needs
    the API, so each worker of a process pool started its own (about 5 s of CPU each, and
    another uvicorn process competing with the language model for the cores). Starting the
    server here and handing its URL to the flow's settings makes the workers inherit it. The
    server starts in a background thread, so its start-up overlaps with importing the flow,
    and stops when the ``active`` block ends (or at exit, if the block is never entered).
    With ``PREFECT_API_URL`` set (a standing server), this does nothing.
    """

    def __init__(self) -> None:
        from prefect.settings import get_current_settings

        self._server = None
        self._starting: Future[None] | None = None
        if get_current_settings().api.url:
            return
        from prefect.server.api.server import SubprocessASGIServer

        self._server = SubprocessASGIServer()
        self._starting = ThreadPoolExecutor(max_workers=1, thread_name_prefix="prefect-server").submit(self._server.start)

    @contextmanager
    def active(self) -> Iterator[None]:
        """Wait for the server, then make it the API of everything run inside the block; stop it after."""
        if self._server is None or self._starting is None:
            yield
            return
        from prefect.settings import PREFECT_API_URL, temporary_settings

        try:
            self._starting.result()
            with temporary_settings(updates={PREFECT_API_URL: self._server.api_url}):
                yield
        finally:
            self.stop()

    def stop(self) -> None:
        """Stop the server (SIGTERM, SIGKILL after 5 s). Safe to call twice.

        Waits for the start-up to end first: stopped midway, Prefect's start-up would poll a dead
        server until its timeout. After a failed start-up this still ends the server process.
        """
        if self._server is None or self._starting is None:
            return
        self._starting.exception()
        self._server.stop()
