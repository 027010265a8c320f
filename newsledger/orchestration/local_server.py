"""The local Prefect server a run reports to when ``PREFECT_API_URL`` names none.

Starting a Prefect server costs 8-20 s on a 2-core machine, more than a small run itself, so
runs share one (``NEWSLEDGER_PREFECT_SERVER=shared``, the default): the first run that needs
it starts it, later runs find it, and it outlives them until ``newsledger server stop`` or until
it has been idle for ``NEWSLEDGER_PREFECT_SERVER_IDLE_MINUTES`` (120; 0 = never). With
``NEWSLEDGER_PREFECT_SERVER=temporary`` each run starts its own and stops it at its end.

Everything about the shared server lives in ``PREFECT_HOME`` beside its database:

- ``newsledger-server.json`` names its pid, the process's create time, its port and Prefect
  version. It is trusted only while that pid is alive with the same create time (pids are
  reused); otherwise it is stale and the next run replaces it. A server of another Prefect
  version, or one that has stopped answering, is left alone (the run starts a temporary one;
  other runs may be using it).
- ``newsledger-server.lock``: held exclusively for the milliseconds of finding or launching
  the server, so two runs starting at once start one server.
- ``newsledger-server.users``: every run holds a shared lock on it while it uses the server;
  ``newsledger server stop`` and the idle timeout take it exclusively, so neither stops a
  server under a running run. All three are OS locks: a killed run releases them.
- ``newsledger-server.log``: the server's own output.

The shared server is not a run's process: it is launched through a short-lived launcher (so
that it is no run's descendant: a signalled run kills its descendants), in a session of its
own (Ctrl-C in the run's terminal does not reach it), without the run's ``NEWSLEDGER_RUN_PID``
mark (a later run would clear it as a leftover) and with its output in the log, not the
run's pipes. The run binds the listening socket and hands it over, so the address is known
before the server has started and no other process can take the port meanwhile.

``python -m newsledger.orchestration.local_server --fd N ...`` is the server process itself: uvicorn serving
Prefect's API app on the inherited socket, with a watchdog that stops it when it is idle or
when the state file no longer names it (stopped, replaced, or launched by a run that died
before it could register it).
"""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

import psutil

from newsledger.core.errors import NewsledgerError

STATE_FILE = "newsledger-server.json"
LOCK_FILE = "newsledger-server.lock"
USERS_FILE = "newsledger-server.users"
LOG_FILE = "newsledger-server.log"
# The run's mark (newsledger.orchestration.processes.RUN_PID_VARIABLE): a shared server must not carry it.
_RUN_MARK = "NEWSLEDGER_RUN_PID"
# As Prefect's own temporary server: the API and the services it needs, no UI.
_SERVER_ENV = {"PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1", "PREFECT__SERVER_FINAL": "1"}
_WATCH_SECONDS = 5.0
# A server launched by a run that died before it wrote the state file finds no state naming it.
_ORPHAN_GRACE_SECONDS = 30.0
# A launched server that never answers is killed after this long.
DEFAULT_STARTUP_TIMEOUT = 180.0
# A registered server gets this long to answer before a run gives up on it (a busy machine).
_BUSY_ANSWER_SECONDS = 10.0
# Runs that start while the server is being stopped wait for the stop this long.
_STOP_WAIT_SECONDS = 30.0
# Launches the server as a grandchild, then exits: the server is re-parented and is no run's
# descendant. Standard library only (-I -S), so it costs milliseconds.
_LAUNCHER = (
    "import subprocess, sys\n"
    "fd = int(sys.argv[1])\n"
    "server = subprocess.Popen(sys.argv[2:], pass_fds=(fd,), stdin=subprocess.DEVNULL, stdout=2, stderr=2)\n"
    "print(server.pid, flush=True)\n"
)


class ServerStartError(NewsledgerError):
    """The local Prefect server did not start."""

    def __init__(self, problem: str, log_file: Path) -> None:
        self.problem = problem
        self.log_file = log_file
        super().__init__(f"the local Prefect server did not start ({problem}; its output is in {log_file}): run `newsledger server stop` and try again")


class ServerBusyError(NewsledgerError):
    """A run is using the shared server, so it cannot be stopped now."""

    def __init__(self, home: Path) -> None:
        self.home = home
        super().__init__(f"a newsledger run is using the Prefect server of {home}: stop it when the run has ended, or pass --wait SECONDS")


@dataclass(frozen=True)
class ServerState:
    """What ``newsledger-server.json`` says about the shared server."""

    pid: int
    port: int
    create_time: float
    prefect_version: str
    started_at: str
    idle_minutes: float

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api"


def prefect_home(environ: dict[str, str] | None = None) -> Path:
    """The ``PREFECT_HOME`` the server's database and files live in (``configure_prefect_env`` sets it)."""
    env = os.environ if environ is None else environ
    return Path(env.get("PREFECT_HOME", str(Path.home() / ".prefect"))).expanduser()


def prefect_version() -> str:
    """The installed Prefect's version, without importing Prefect (a second)."""
    from importlib.metadata import version

    return version("prefect")


def read_state(home: Path) -> ServerState | None:
    """The state file, or None when there is none or it cannot be read."""
    try:
        raw = json.loads((home / STATE_FILE).read_text(encoding="utf-8"))
        return ServerState(**{name: raw[name] for name in ServerState.__dataclass_fields__})
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _write_state(home: Path, state: ServerState) -> None:
    written = home / f".{STATE_FILE}.{os.getpid()}.tmp"
    written.write_text(json.dumps(asdict(state), indent=1), encoding="utf-8")
    os.replace(written, home / STATE_FILE)


def _remove_state_of(home: Path, pid: int) -> None:
    """Remove the state file if it still names ``pid`` (a newer server's file stays)."""
    state = read_state(home)
    if state is not None and state.pid == pid:
        (home / STATE_FILE).unlink(missing_ok=True)


def last_used(home: Path) -> float | None:
    """When a run last used the shared server (the state file's modification time)."""
    try:
        return (home / STATE_FILE).stat().st_mtime
    except OSError:
        return None


def _process_of(state: ServerState) -> psutil.Process | None:
    """The server's process if it is still the one the state names (same pid, same create time)."""
    try:
        process = psutil.Process(state.pid)
        if abs(process.create_time() - state.create_time) < 0.05 and process.status() != psutil.STATUS_ZOMBIE:
            return process
    except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
        pass
    return None


def is_healthy(api_url: str, timeout: float = 2.0) -> bool:
    """True when ``api_url``'s health endpoint answers 200."""
    try:
        with urllib.request.urlopen(f"{api_url.rstrip('/')}/health", timeout=timeout) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError, ValueError):
        return False


def find_server(home: Path) -> ServerState | None:
    """The shared server of ``home`` if it runs and answers (a stale state file gives None)."""
    state = read_state(home)
    if state is None or _process_of(state) is None or not is_healthy(state.api_url):
        return None
    return state


@contextmanager
def _locked(path: Path, mode: int, timeout: float) -> Iterator[IO[str]]:
    handle = _lock(path, mode, timeout)
    try:
        yield handle
    finally:
        handle.close()


def _lock(path: Path, mode: int, timeout: float) -> IO[str]:
    """Open ``path`` and take an OS lock on it, waiting at most ``timeout`` seconds.

    Raises:
        TimeoutError: the lock was not granted in time.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = path.open("a+", encoding="utf-8")
    deadline = time.monotonic() + timeout
    while True:
        try:
            fcntl.flock(handle, mode | fcntl.LOCK_NB)
            return handle
        except BlockingIOError:
            if time.monotonic() >= deadline:
                handle.close()
                raise TimeoutError(str(path)) from None
            time.sleep(0.05)


class ServerHandle:
    """A run's use of the shared server: its address at once, ``wait_ready`` when the flow needs it.

    Attributes:
        api_url: the API address (set as ``PREFECT_API_URL`` before Prefect is imported).
        kind: ``shared`` (found running) or ``started`` (launched by this run).
    """

    def __init__(self, api_url: str, kind: str, home: Path, process: psutil.Process | None, users: IO[str] | None, startup_timeout: float) -> None:
        self.api_url = api_url
        self.kind = kind
        self._home = home
        self._process = process
        self._users = users
        self._startup_timeout = startup_timeout

    def wait_ready(self) -> None:
        """Wait until the server answers.

        Raises:
            ServerStartError: its process ended, or it did not answer within the start-up timeout.
        """
        deadline = time.monotonic() + self._startup_timeout
        while not is_healthy(self.api_url, timeout=1.0):
            if not self._alive():
                raise ServerStartError("its process ended", self._home / LOG_FILE)
            if time.monotonic() > deadline:
                raise ServerStartError(f"no answer at {self.api_url} within {self._startup_timeout:.0f} s", self._home / LOG_FILE)
            time.sleep(0.1)

    def _alive(self) -> bool:
        if self._process is None:
            return True
        try:
            return self._process.is_running() and self._process.status() != psutil.STATUS_ZOMBIE
        except psutil.NoSuchProcess:
            return False

    def release(self) -> None:
        """The run is done with the server; it stays up, and its idle clock starts again. Safe to call twice."""
        try:
            os.utime(self._home / STATE_FILE)
        except OSError:
            pass
        if self._users is not None:
            self._users.close()
            self._users = None


def open_shared_server(home: Path, idle_minutes: float, startup_timeout: float = DEFAULT_STARTUP_TIMEOUT) -> ServerHandle | None:
    """Find the shared server of ``home``, or launch it.

    Returns at once: a server this run launches is still starting (``wait_ready``). The
    returned handle holds the users lock until ``release``. None (the run then starts a
    temporary server) when the registered server is of another Prefect version, or has run
    longer than its start-up and does not answer: other runs may be using it, so it is left to
    ``newsledger server stop``.

    Raises:
        ServerStartError: the server could not be launched, or a stop of it did not end.
    """
    home.mkdir(parents=True, exist_ok=True)
    try:
        users = _lock(home / USERS_FILE, fcntl.LOCK_SH, _STOP_WAIT_SECONDS)
    except TimeoutError:
        raise ServerStartError(f"it is being stopped and was still running after {_STOP_WAIT_SECONDS:.0f} s", home / LOG_FILE) from None
    try:
        with _locked(home / LOCK_FILE, fcntl.LOCK_EX, _STOP_WAIT_SECONDS):
            state = read_state(home)
            process = _process_of(state) if state is not None else None
            if state is not None and process is not None:
                if state.prefect_version != prefect_version():
                    users.close()
                    return None
                started = datetime.fromisoformat(state.started_at).timestamp()
                young = time.time() - started < startup_timeout
                if young or is_healthy(state.api_url, timeout=1.0) or is_healthy(state.api_url, timeout=_BUSY_ANSWER_SECONDS):
                    os.utime(home / STATE_FILE)
                    return ServerHandle(state.api_url, "shared", home, process, users, max(1.0, startup_timeout - (time.time() - started)))
                users.close()
                return None
            state, process = _launch_shared(home, idle_minutes)
            return ServerHandle(state.api_url, "started", home, process, users, startup_timeout)
    except TimeoutError:
        users.close()
        raise ServerStartError("another run held the start-up lock too long", home / LOG_FILE) from None
    except BaseException:
        users.close()
        raise


@contextmanager
def _listening_socket() -> Iterator[socket.socket]:
    """A loopback TCP socket bound to a free port, inheritable, closed here once handed over."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.bind(("127.0.0.1", 0))
        sock.set_inheritable(True)
        yield sock
    finally:
        sock.close()


def _server_command(fd: int, home: Path, idle_minutes: float) -> list[str]:
    return [sys.executable, "-m", "newsledger.orchestration.local_server", "--fd", str(fd), "--home", str(home), "--idle-minutes", str(idle_minutes)]


def _server_env(home: Path) -> dict[str, str]:
    kept = {k: v for k, v in os.environ.items() if k not in (_RUN_MARK, "PREFECT_API_URL")}
    return {**kept, **_SERVER_ENV, "PREFECT_HOME": str(home)}


def _launch_shared(home: Path, idle_minutes: float) -> tuple[ServerState, psutil.Process | None]:
    """Launch the shared server (detached) and write its state file. Call under the start-up lock."""
    with _listening_socket() as sock:
        port = sock.getsockname()[1]
        fd = sock.fileno()
        log = (home / LOG_FILE).open("ab")
        try:
            launcher = subprocess.Popen(
                [sys.executable, "-I", "-S", "-c", _LAUNCHER, str(fd), *_server_command(fd, home, idle_minutes)],
                pass_fds=(fd,), stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=log,
                env=_server_env(home), start_new_session=True,
            )
            output, _ = launcher.communicate(timeout=30)
        except (OSError, subprocess.SubprocessError) as exc:
            raise ServerStartError(f"cannot launch it: {exc}", home / LOG_FILE) from exc
        finally:
            log.close()
    try:
        pid = int(output.split()[0])
        process = psutil.Process(pid)
        create_time = process.create_time()
    except (ValueError, IndexError, psutil.NoSuchProcess) as exc:
        raise ServerStartError("its process ended at once", home / LOG_FILE) from exc
    state = ServerState(pid, port, create_time, prefect_version(), datetime.now(UTC).isoformat(timespec="seconds"), idle_minutes)
    _write_state(home, state)
    return state, process


def _stop_process(process: psutil.Process, timeout: float = 10.0) -> None:
    """SIGTERM (uvicorn shuts down cleanly), SIGKILL after ``timeout`` seconds."""
    try:
        process.terminate()
        process.wait(timeout=timeout)
    except psutil.TimeoutExpired:
        process.kill()
        process.wait(timeout=5)
    except psutil.NoSuchProcess:
        pass


def start_shared_server(home: Path, idle_minutes: float, startup_timeout: float = DEFAULT_STARTUP_TIMEOUT) -> ServerState:
    """``newsledger server start``: find or launch the shared server and wait until it answers.

    Raises:
        ServerStartError: it did not start, or a server of another Prefect version holds ``home``.
    """
    handle = open_shared_server(home, idle_minutes, startup_timeout)
    if handle is None:
        raise ServerStartError(f"a server of another Prefect version (not {prefect_version()}) runs on {home}", home / LOG_FILE)
    try:
        handle.wait_ready()
    finally:
        handle.release()
    state = read_state(home)
    assert state is not None
    return state


def stop_shared_server(home: Path, wait_seconds: float = 0.0) -> ServerState | None:
    """``newsledger server stop``: stop the shared server once no run uses it.

    Returns:
        The state of the server that was stopped; None when none was running (a stale state
        file is removed).

    Raises:
        ServerBusyError: a run still used it after ``wait_seconds``.
    """
    try:
        users = _lock(home / USERS_FILE, fcntl.LOCK_EX, wait_seconds)
    except TimeoutError:
        raise ServerBusyError(home) from None
    try:
        with _locked(home / LOCK_FILE, fcntl.LOCK_EX, _STOP_WAIT_SECONDS):
            state = read_state(home)
            process = _process_of(state) if state is not None else None
            if process is not None:
                _stop_process(process)
            if state is not None:
                _remove_state_of(home, state.pid)
            return state if process is not None else None
    finally:
        users.close()


# ---------------------------------------------------------------- the server process itself


def _watch(server: object, home: Path, idle_minutes: float) -> None:
    """Stop the server when it is idle or no longer the registered one."""
    started = time.monotonic()
    me = os.getpid()
    while not getattr(server, "should_exit"):
        time.sleep(_WATCH_SECONDS)
        state = read_state(home)
        if state is None or state.pid != me:
            if time.monotonic() - started > _ORPHAN_GRACE_SECONDS:
                break  # stopped, or replaced, or launched by a run that died before registering it
            continue
        used = last_used(home)
        if idle_minutes > 0 and used is not None and time.time() - used > idle_minutes * 60 and _stop_if_unused(home, me):
            break
    setattr(server, "should_exit", True)


def _stop_if_unused(home: Path, me: int) -> bool:
    """Unregister this server if no run holds the users lock; True when it did."""
    try:
        with _locked(home / USERS_FILE, fcntl.LOCK_EX, 0.0), _locked(home / LOCK_FILE, fcntl.LOCK_EX, 5.0):
            _remove_state_of(home, me)
            return True
    except TimeoutError:
        return False


def serve(fd: int, home: Path, idle_minutes: float) -> None:
    """Serve Prefect's API on the inherited listening socket until stopped."""
    import uvicorn

    sock = socket.socket(fileno=fd)
    config = uvicorn.Config("prefect.server.api.server:create_app", factory=True, log_level="error", lifespan="on")
    server = uvicorn.Server(config)
    threading.Thread(target=_watch, args=(server, home, idle_minutes), daemon=True, name="newsledger-server-watch").start()
    try:
        server.run(sockets=[sock])
    finally:
        _remove_state_of(home, os.getpid())


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="The local Prefect server of newsledger runs (started by `newsledger run`).")
    parser.add_argument("--fd", type=int, required=True, help="inherited listening socket")
    parser.add_argument("--home", type=Path, required=True, help="PREFECT_HOME")
    parser.add_argument("--idle-minutes", type=float, default=0, help="stop after this long without a run (0 = never)")
    args = parser.parse_args(argv)
    serve(args.fd, args.home, args.idle_minutes)


if __name__ == "__main__":
    main()
