"""Quiet, fast defaults for Prefect, and the Prefect server a run reports to, set up before Prefect is imported (users' settings win)."""

from __future__ import annotations

import os
import urllib.error
import urllib.request
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import AbstractContextManager, contextmanager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from newsledger.core.errors import BadArgumentError, NewsledgerError
from newsledger.core.settings import Settings

if TYPE_CHECKING:
    from newsledger.orchestration.local_server import ServerHandle

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


SERVER_MODES = ("shared", "temporary")


class RunServer(Protocol):
    """The Prefect server a run reports to.

    Attributes:
        kind: ``standing`` (``PREFECT_API_URL``), ``shared`` (the local server runs share, found
            running), ``started`` (the shared server, launched by this run) or ``temporary``.
    """

    kind: str

    @property
    def api_url(self) -> str | None:
        """The API address; None while a temporary server is starting."""

    def wait_ready(self) -> None:
        """Return once the server answers."""

    def active(self) -> AbstractContextManager[None]:
        """Make the server the API of everything run inside the block."""

    def close(self) -> None:
        """The run is done with the server (a temporary one stops). Safe to call twice."""


class StandingServer:
    """A server the user runs and names in ``PREFECT_API_URL``: nothing to start or stop."""

    kind = "standing"

    def __init__(self, api_url: str) -> None:
        self.api_url = api_url

    def wait_ready(self) -> None:
        pass

    def active(self) -> AbstractContextManager[None]:
        return nullcontext()

    def close(self) -> None:
        pass


class SharedServer:
    """The local server runs share (``newsledger.orchestration.local_server``), set as ``PREFECT_API_URL``."""

    def __init__(self, handle: ServerHandle) -> None:
        self._handle = handle
        self.kind = handle.kind
        self.api_url = handle.api_url
        os.environ["PREFECT_API_URL"] = handle.api_url

    def wait_ready(self) -> None:
        self._handle.wait_ready()

    def active(self) -> AbstractContextManager[None]:
        return nullcontext()

    def close(self) -> None:
        self._handle.release()
        if os.environ.get("PREFECT_API_URL") == self.api_url:
            del os.environ["PREFECT_API_URL"]


def open_run_server(settings: Settings) -> RunServer:
    """The Prefect server of a run: the one ``PREFECT_API_URL`` names, else the shared local one
    (found or launched; call before Prefect is imported, which reads the address it sets in
    ``PREFECT_API_URL``), else a temporary one.

    Returns at once; ``wait_ready`` before the flow starts.

    Raises:
        BadArgumentError: ``NEWSLEDGER_PREFECT_SERVER`` is neither shared nor temporary.
        ServerStartError: the shared server could not be launched.
    """
    if os.environ.get("PREFECT_API_URL"):
        return StandingServer(os.environ["PREFECT_API_URL"])
    if settings.prefect_server not in SERVER_MODES:
        raise BadArgumentError(f"NEWSLEDGER_PREFECT_SERVER={settings.prefect_server!r}: use one of {', '.join(SERVER_MODES)}")
    if settings.prefect_server == "shared":
        from newsledger.orchestration.local_server import open_shared_server, prefect_home

        timeout = float(os.environ.get("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", DEFAULTS["PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"]))
        handle = open_shared_server(prefect_home(), settings.prefect_server_idle_minutes, timeout)
        if handle is not None:  # None: a server of another Prefect version holds this PREFECT_HOME
            return SharedServer(handle)
    return SharedTemporaryServer()


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

    kind = "temporary"

    def __init__(self) -> None:
        from prefect.settings import get_current_settings

        self._server = None
        self._starting: Future[None] | None = None
        if get_current_settings().api.url:
            return
        from prefect.server.api.server import SubprocessASGIServer

        self._server = SubprocessASGIServer()
        self._starting = ThreadPoolExecutor(max_workers=1, thread_name_prefix="prefect-server").submit(self._server.start)

    @property
    def api_url(self) -> str | None:
        return self._server.api_url if self._server is not None and self._server.port is not None else None

    def wait_ready(self) -> None:
        """Wait until the server has started (raises what its start-up raised)."""
        if self._starting is not None:
            self._starting.result()

    def close(self) -> None:
        self.stop()

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
