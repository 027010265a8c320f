"""The local Prefect server runs share: found by a later run, outlives the run that started it,
ignores a stale state file, starts once for two runs at once, is no run's process, and stops by
command (never under a running run) or when idle."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import psutil
import pytest

from conftest import SAMPLES, seed_prefect_home
from newsledger.orchestration import local_server
from newsledger.orchestration.local_server import (
    STATE_FILE,
    ServerBusyError,
    ServerState,
    find_server,
    is_healthy,
    open_shared_server,
    prefect_version,
    read_state,
    stop_shared_server,
)
from newsledger.orchestration.processes import RUN_PID_VARIABLE

CLI = Path(sys.executable).parent / "newsledger"
pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def home(tmp_path_factory, prefect_home_template):
    """A PREFECT_HOME of the module's own; its shared server is stopped at the end."""
    folder = seed_prefect_home(prefect_home_template, tmp_path_factory.mktemp("prefect-home"))
    yield folder
    stop_shared_server(folder, wait_seconds=60)


def cli_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PREFECT_API_URL", "NEWSLEDGER_PREFECT_SERVER")}
    return {**env, "PREFECT_HOME": str(home)}


def newsledger(home: Path, *args: object, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    return subprocess.run([CLI, *map(str, args)], capture_output=True, text=True, timeout=timeout, env=cli_env(home))


def last_timings(warehouse: Path) -> dict:
    return json.loads((warehouse / "logs" / "timings.jsonl").read_text(encoding="utf-8").splitlines()[-1])


def test_a_later_run_finds_the_server_the_first_run_started_and_it_outlives_both(home, tmp_path):
    first = newsledger(home, "run", "--warehouse", tmp_path / "a", SAMPLES / "2024-03-11")
    assert first.returncode == 0, first.stderr
    assert last_timings(tmp_path / "a")["prefect_server"] == "started"
    state = find_server(home)
    assert state is not None, "the server stopped with the run that started it"

    second = newsledger(home, "run", "--warehouse", tmp_path / "b", SAMPLES / "2024-03-11")
    assert second.returncode == 0, second.stderr
    timings = last_timings(tmp_path / "b")
    assert timings["prefect_server"] == "shared"
    assert timings["steps"]["Prefect server"] < 1.0  # no start-up to wait for
    assert find_server(home) == state  # the same process, still answering

    # Both runs are on it, with their tasks' log lines (workers' included).
    runs = post(f"{state.api_url}/flow_runs/filter", {"sort": "EXPECTED_START_TIME_DESC", "limit": 5})
    assert sum(r["state_type"] == "COMPLETED" for r in runs) >= 2
    logs = post(f"{state.api_url}/logs/filter", {"logs": {"flow_run_id": {"any_": [runs[0]["id"]]}}, "limit": 200})
    messages = " | ".join(entry["message"] for entry in logs)
    assert "to read" in messages and "articles extracted" in messages and "loaded; the warehouse now holds" in messages


def post(url: str, body: dict) -> list[dict]:
    import urllib.request

    request = urllib.request.Request(url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"}, method="POST")
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


def test_the_server_is_no_process_of_the_run(home):
    handle = open_shared_server(home, idle_minutes=120)
    assert handle is not None
    try:
        handle.wait_ready()
        state = read_state(home)
        server = psutil.Process(state.pid)
        me = psutil.Process()
        assert server.pid not in {c.pid for c in me.children(recursive=True)}  # a signalled run kills its descendants
        assert os.getsid(server.pid) != os.getsid(0)  # Ctrl-C in the run's terminal does not reach it
        assert RUN_PID_VARIABLE not in server.environ()  # a later run would clear it as a leftover
    finally:
        handle.release()


def test_status_and_stop_commands(home):
    assert newsledger(home, "server", "start").returncode == 0
    status = newsledger(home, "server", "status")
    assert status.returncode == 0 and "Prefect server http://127.0.0.1:" in status.stdout
    state = read_state(home)

    stopped = newsledger(home, "server", "stop")
    assert stopped.returncode == 0 and f"pid {state.pid}" in stopped.stdout
    assert not psutil.pid_exists(state.pid) or psutil.Process(state.pid).status() == psutil.STATUS_ZOMBIE
    assert not (home / STATE_FILE).exists()
    assert newsledger(home, "server", "status").returncode == 3
    again = newsledger(home, "server", "stop")
    assert again.returncode == 0 and "no shared Prefect server" in again.stdout


# A stand-in run: holds the server (its users lock) until told to go.
HOLDER = """
import sys
from pathlib import Path
from newsledger.orchestration.local_server import open_shared_server
handle = open_shared_server(Path(sys.argv[1]), idle_minutes=120)
handle.wait_ready()
print("using", flush=True)
sys.stdin.readline()
handle.release()
"""


def test_stop_never_stops_the_server_under_a_running_run(home):
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(home)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                              env=cli_env(home))
    try:
        assert holder.stdout.readline().strip() == "using"
        busy = newsledger(home, "server", "stop")
        assert busy.returncode == 3
        assert [line for line in busy.stderr.splitlines() if line.strip()] == [busy.stderr.strip()]  # one line
        assert "a newsledger run is using" in busy.stderr and find_server(home) is not None
        with pytest.raises(ServerBusyError):
            stop_shared_server(home, wait_seconds=0.5)
        holder.stdin.write("done\n")
        holder.stdin.flush()
        assert holder.wait(timeout=30) == 0
        assert stop_shared_server(home, wait_seconds=5) is not None
    finally:
        holder.kill()
        holder.wait()


@pytest.mark.parametrize("stale", ["dead-pid", "reused-pid", "garbage"])
def test_a_stale_state_file_is_ignored_and_replaced(home, stale):
    stop_shared_server(home, wait_seconds=30)
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    states = {
        # a server killed with -9 left its file; its pid is free
        "dead-pid": json.dumps(ServerState(dead.pid, 9, 1.0, prefect_version(), "2020-01-01T00:00:00+00:00", 120).__dict__),
        # the pid now belongs to another process (this one), started at another time
        "reused-pid": json.dumps(ServerState(os.getpid(), 9, 1.0, prefect_version(), "2020-01-01T00:00:00+00:00", 120).__dict__),
        "garbage": "{not json",
    }
    (home / STATE_FILE).write_text(states[stale], encoding="utf-8")
    handle = open_shared_server(home, idle_minutes=120)
    assert handle is not None and handle.kind == "started"
    try:
        handle.wait_ready()
    finally:
        handle.release()
    state = find_server(home)
    assert state is not None and state.pid not in (dead.pid, os.getpid()) and is_healthy(state.api_url)


STARTER = """
import sys
from pathlib import Path
from newsledger.orchestration.local_server import open_shared_server
handle = open_shared_server(Path(sys.argv[1]), idle_minutes=120)
print(handle.kind, handle.api_url, flush=True)
handle.wait_ready()
handle.release()
"""


def test_two_runs_starting_at_once_start_one_server(home):
    stop_shared_server(home, wait_seconds=30)
    starters = [subprocess.Popen([sys.executable, "-c", STARTER, str(home)], stdout=subprocess.PIPE, text=True, env=cli_env(home)) for _ in range(2)]
    outputs = [s.communicate(timeout=300)[0].split() for s in starters]
    assert sorted(kind for kind, _ in outputs) == ["shared", "started"]
    assert outputs[0][1] == outputs[1][1]  # one address
    assert find_server(home) is not None


@pytest.mark.usefixtures("seeded_tmp_path")
def test_an_idle_server_stops_by_itself(tmp_path):
    handle = open_shared_server(tmp_path, idle_minutes=0.05)  # 3 s
    assert handle is not None
    handle.wait_ready()
    pid = read_state(tmp_path).pid
    handle.release()
    deadline = time.monotonic() + 60
    while psutil.pid_exists(pid) and psutil.Process(pid).status() != psutil.STATUS_ZOMBIE:
        assert time.monotonic() < deadline, "the idle server is still running"
        time.sleep(0.5)
    assert read_state(tmp_path) is None


@pytest.mark.usefixtures("seeded_tmp_path")
def test_a_server_of_another_prefect_version_is_left_alone(tmp_path, monkeypatch):
    handle = open_shared_server(tmp_path, idle_minutes=120)
    assert handle is not None
    handle.release()
    try:
        monkeypatch.setattr(local_server, "prefect_version", lambda: "0.0.1")
        assert open_shared_server(tmp_path, idle_minutes=120) is None  # the run starts a temporary one
        monkeypatch.undo()
        again = open_shared_server(tmp_path, idle_minutes=120)
        assert again is not None and again.kind == "shared"  # the same server, untouched
        again.release()
    finally:
        monkeypatch.undo()
        stop_shared_server(tmp_path, wait_seconds=30)


SIGNALLED = textwrap.dedent("""
    import os, signal, sys
    from pathlib import Path
    from newsledger.orchestration.processes import end_run_on_signals
    from newsledger.orchestration.local_server import open_shared_server
    with end_run_on_signals():
        handle = open_shared_server(Path(sys.argv[1]), idle_minutes=120)
        handle.wait_ready()
        print("ready", flush=True)
        signal.pause()
""")


@pytest.mark.usefixtures("seeded_tmp_path")
def test_a_signalled_run_leaves_the_shared_server_running(tmp_path):
    run = subprocess.Popen([sys.executable, "-c", SIGNALLED, str(tmp_path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                           start_new_session=True, env=cli_env(tmp_path))
    try:
        assert run.stdout.readline().strip() == "ready"
        os.killpg(run.pid, signal.SIGINT)
        assert run.wait(timeout=30) == 130  # 10 s on an idle machine is plenty; a loaded one took longer
        state = find_server(tmp_path)
        assert state is not None
        from newsledger.orchestration.processes import find_leftover_processes

        assert state.pid not in {p.pid for p in find_leftover_processes()}
    finally:
        run.kill()
        stop_shared_server(tmp_path, wait_seconds=30)


@pytest.mark.usefixtures("seeded_tmp_path")
def test_a_server_that_stops_answering_is_left_alone(tmp_path):
    handle = open_shared_server(tmp_path, idle_minutes=120)
    assert handle is not None
    handle.wait_ready()
    handle.release()
    state = read_state(tmp_path)
    os.kill(state.pid, signal.SIGSTOP)  # alive, but answers nothing (as if hung)
    try:
        # Past its start-up, and silent: another run may be using it, so this run goes temporary.
        assert open_shared_server(tmp_path, idle_minutes=120, startup_timeout=0.0) is None
        assert psutil.Process(state.pid).is_running() and read_state(tmp_path) == state
    finally:
        os.kill(state.pid, signal.SIGCONT)
        stop_shared_server(tmp_path, wait_seconds=30)
