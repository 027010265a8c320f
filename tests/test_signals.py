"""Signals end a run within seconds and leave no process behind; a killed run's leftovers are cleared.

The first tests drive ``newsledger.orchestration.processes`` through small stand-in runs (a Python process
with a child and a grandchild); the ``e2e`` tests send each signal to a real ``newsledger run``
while its workers extract, with the temporary Prefect server (no ``PREFECT_API_URL``).
"""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import psutil
import pytest

from conftest import session_processes
from newsledger.orchestration import processes
from newsledger.orchestration.processes import RUN_PID_VARIABLE, clear_leftover_processes, end_run_on_signals, find_leftover_processes

# A child that starts a grandchild, then sleeps.
CHILD = """
import subprocess, sys, time
subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
time.sleep(120)
"""

# A stand-in run: children started inside end_run_on_signals, then {wait} on the main thread.
RUN = """
import os, signal, subprocess, sys, threading, time
from newsledger.orchestration import processes
{prepare}
with processes.end_run_on_signals():
    child = subprocess.Popen([sys.executable, "-c", {child!r}])
    {wait}
"""
# Makes the shutdown last a second, time for more signals to arrive.
SLOW_SHUTDOWN = """
kill_descendants = processes._kill_descendants
def slowly():
    time.sleep(1)
    kill_descendants()
processes._kill_descendants = slowly
"""

WAITS = {
    # The main thread runs Python: the signal handler runs there.
    "python": "print('ready', flush=True)\n    while True: time.sleep(0.01)",
    # The main thread blocks the signals and waits in C: only the wake-up thread can act.
    "blocked": "signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM, signal.SIGHUP})\n"
               "    print('ready', flush=True)\n    time.sleep(60)",
    # A later handler replaces ours, as Prefect's flow engine does for SIGTERM.
    "replaced": "signal.signal(signal.SIGTERM, lambda *_: None)\n    signal.signal(signal.SIGINT, lambda *_: None)\n"
                "    print('ready', flush=True)\n    while True: time.sleep(0.01)",
}


def start_stand_in(wait: str = "python", prepare: str = "") -> subprocess.Popen:
    script = textwrap.dedent(RUN).format(child=CHILD, prepare=prepare, wait=WAITS[wait])
    process = subprocess.Popen(
        [sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
    )
    assert process.stdout.readline().strip() == "ready"
    wait_until(lambda: len(session_processes(process.pid)) >= 3, "the child and grandchild start")
    return process


def wait_until(condition, what: str, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting until {what}")
        time.sleep(0.05)


def kill_session(session: int) -> None:
    for process in session_processes(session):
        try:
            process.kill()
        except psutil.NoSuchProcess:
            pass


@pytest.fixture
def cleanup():
    """Kill whatever the sessions listed by a test still hold when it ends."""
    sessions: list[int] = []
    yield sessions
    for session in sessions:
        kill_session(session)


def exit_after(process: subprocess.Popen, signum: int, send) -> tuple[int, float, str]:
    """Send a signal; the exit status, the seconds it took and stderr."""
    sent = time.monotonic()
    send(signum)
    try:
        returncode = process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        pytest.fail(f"still running 10 s after {signal.Signals(signum).name}")
    return returncode, time.monotonic() - sent, process.stderr.read()


@pytest.mark.parametrize("wait", list(WAITS))
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM, signal.SIGHUP])
def test_a_signal_stops_the_run_and_every_descendant(wait, signum, cleanup):
    process = start_stand_in(wait)
    cleanup.append(process.pid)
    returncode, seconds, stderr = exit_after(process, signum, lambda s: os.kill(process.pid, s))
    assert returncode == 128 + signum
    assert seconds < 2
    assert f"interrupted by {signal.Signals(signum).name}" in stderr
    wait_until(lambda: not session_processes(process.pid), "no process is left", timeout=2)


def test_ctrl_c_to_the_process_group_is_one_interrupt(cleanup):
    process = start_stand_in()
    cleanup.append(process.pid)
    returncode, _, stderr = exit_after(process, signal.SIGINT, lambda s: os.killpg(process.pid, s))
    assert returncode == 130
    assert stderr.count("interrupted by") == 1
    wait_until(lambda: not session_processes(process.pid), "no process is left", timeout=2)


def test_a_second_signal_does_not_disturb_the_shutdown(cleanup):
    process = start_stand_in(prepare=SLOW_SHUTDOWN)
    cleanup.append(process.pid)

    def send_three(signum: int) -> None:
        os.kill(process.pid, signum)
        time.sleep(0.3)
        os.kill(process.pid, signal.SIGINT)
        os.kill(process.pid, signal.SIGTERM)

    returncode, seconds, stderr = exit_after(process, signal.SIGTERM, send_three)
    assert returncode == 143  # the first signal decides
    assert 1 <= seconds < 3
    assert stderr.count("interrupted by") == 1
    wait_until(lambda: not session_processes(process.pid), "no process is left", timeout=2)


def test_handlers_wakeup_fd_and_environment_are_restored(monkeypatch):
    before = {s: signal.getsignal(s) for s in processes.ENDING_SIGNALS}
    monkeypatch.delenv(RUN_PID_VARIABLE, raising=False)
    monkeypatch.setenv("PYTHONWARNINGS", "error::ResourceWarning")
    with end_run_on_signals():
        assert os.environ[RUN_PID_VARIABLE] == str(os.getpid())
        assert os.environ["PYTHONWARNINGS"] == "error::ResourceWarning," + processes.QUIET_RESOURCE_TRACKER
        assert all(signal.getsignal(s) is not before[s] for s in processes.ENDING_SIGNALS)
    assert {s: signal.getsignal(s) for s in processes.ENDING_SIGNALS} == before
    assert RUN_PID_VARIABLE not in os.environ
    assert os.environ["PYTHONWARNINGS"] == "error::ResourceWarning"
    assert signal.set_wakeup_fd(-1) == -1


def test_an_ignored_signal_stays_ignored():
    previous = signal.signal(signal.SIGHUP, signal.SIG_IGN)  # as under nohup
    try:
        with end_run_on_signals():
            assert signal.getsignal(signal.SIGHUP) is signal.SIG_IGN
    finally:
        signal.signal(signal.SIGHUP, previous)


def test_the_children_of_a_killed_run_are_cleared_and_nothing_else(cleanup):
    killed = start_stand_in()
    alive = start_stand_in()  # a run going on at the same time, on another warehouse
    cleanup += [killed.pid, alive.pid]
    unmarked = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"], start_new_session=True)
    cleanup.append(unmarked.pid)
    os.kill(killed.pid, signal.SIGKILL)
    killed.wait()
    orphans = {p.pid for p in session_processes(killed.pid)}
    assert len(orphans) == 2  # the child and the grandchild

    assert {p.pid for p in find_leftover_processes()} >= orphans
    clear_leftover_processes()  # (a run starting elsewhere on the machine may have cleared them first)
    assert not session_processes(killed.pid)
    assert len(session_processes(alive.pid)) == 3  # the live run and both its descendants
    assert unmarked.poll() is None
    unmarked.kill()
    unmarked.wait()


# A parent with a process pool whose workers are bound to it, as newsledger's workers are.
POOL = """
import multiprocessing, os, sys
from concurrent.futures import ProcessPoolExecutor
from newsledger.orchestration.processes import bind_worker_to_run
import time
pool = ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("spawn"), initializer=bind_worker_to_run)
list(pool.map(time.sleep, [0.5, 0.5]))  # two at once: both workers start
print("ready", flush=True)
sys.stdin.read()
"""


def test_workers_exit_when_their_parent_is_killed_and_ignore_ctrl_c(cleanup):
    quiet = {**os.environ, "PYTHONWARNINGS": processes.QUIET_RESOURCE_TRACKER}  # as inside a run
    parent = subprocess.Popen(
        [sys.executable, "-c", POOL], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, start_new_session=True, env=quiet,
    )
    cleanup.append(parent.pid)
    assert parent.stdout.readline().strip() == "ready"
    workers = [p for p in psutil.Process(parent.pid).children() if "spawn_main" in " ".join(p.cmdline())]
    assert len(workers) == 2
    for worker in workers:
        worker.send_signal(signal.SIGINT)
    time.sleep(0.5)
    assert all(w.is_running() for w in workers)  # Ctrl-C is the parent's to handle
    killed_at = time.monotonic()
    parent.kill()
    parent.wait()
    wait_until(lambda: not session_processes(parent.pid), "the workers and the resource tracker exit", timeout=5)
    assert time.monotonic() - killed_at < 3


# ---------------------------------------------------------------- a real run, a real signal

CLI = Path(sys.executable).parent / "newsledger"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    from bench.generate_corpus import generate

    root = tmp_path_factory.mktemp("signal-corpus")
    generate(root, 60, words=300)
    return root


@pytest.fixture
def served(tmp_path):
    """A warehouse already serving a (empty) database, and the digest of its bytes."""
    from warehouse.load import connect_writer

    warehouse = tmp_path / "wh"
    connect_writer(warehouse / "newsledger.duckdb").close()
    return warehouse, digest(warehouse / "newsledger.duckdb")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def start_run(corpus: Path, warehouse: Path, shared_home: Path | None = None, stall_minutes: float | None = None) -> subprocess.Popen:
    """A real run in a session of its own, with a temporary Prefect server of its own (or the
    shared server of ``shared_home``)."""
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env["NEWSLEDGER_WORKERS"] = "2"
    if stall_minutes is not None:
        env["NEWSLEDGER_STALL_MINUTES"] = str(stall_minutes)
    if shared_home is None:
        env["NEWSLEDGER_PREFECT_SERVER"] = "temporary"
    else:
        env.update(NEWSLEDGER_PREFECT_SERVER="shared", PREFECT_HOME=str(shared_home))
    return subprocess.Popen(
        [CLI, "run", "--batch-size", "8", "--warehouse", warehouse, corpus],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True, env=env,
    )


def workers_extracting(process: subprocess.Popen, warehouse: Path) -> bool:
    staged = any((warehouse / "staging").glob("*/quotes/batch-*.parquet"))
    workers = [p for p in session_processes(process.pid) if "spawn_main" in " ".join(_cmdline(p))]
    return staged and len(workers) == 2


def _cmdline(process: psutil.Process) -> list[str]:
    try:
        return process.cmdline()
    except (psutil.NoSuchProcess, psutil.ZombieProcess):
        return []


def wait_for_extraction(process: subprocess.Popen, warehouse: Path) -> None:
    deadline = time.monotonic() + 240
    while not workers_extracting(process, warehouse):
        if process.poll() is not None:
            pytest.fail(f"the run ended (exit {process.returncode}) before its workers extracted: {process.stderr.read()[-2000:]}")
        if time.monotonic() > deadline:
            pytest.fail("the run's workers did not start extracting within 240 s")
        time.sleep(0.05)


SENDERS = {
    "SIGINT-to-the-process-group": (signal.SIGINT, os.killpg),  # Ctrl-C in a terminal
    "SIGTERM-to-the-main-process": (signal.SIGTERM, os.kill),  # systemd, schedulers
}


@pytest.mark.e2e
@pytest.mark.parametrize("how", list(SENDERS))
def test_a_signal_ends_a_real_run_within_10_seconds(how, corpus, served, cleanup):
    warehouse, before = served
    signum, send = SENDERS[how]
    process = start_run(corpus, warehouse)
    cleanup.append(process.pid)
    wait_for_extraction(process, warehouse)
    assert any("uvicorn" in " ".join(_cmdline(p)) for p in session_processes(process.pid))  # the temporary server runs

    returncode, seconds, stderr = exit_after(process, signum, lambda s: send(process.pid, s))
    print(f"{how}: exit {returncode} after {seconds:.2f} s; stderr:\n{stderr}")
    assert returncode == 128 + signum, stderr[-2000:]
    assert f"interrupted by {signal.Signals(signum).name}" in stderr
    if signum == signal.SIGTERM:  # SIGINT reaches the server too, which may have said something before it died
        assert [line for line in stderr.splitlines() if line.strip()] == [stderr.strip()]  # our line, nothing else
    wait_until(lambda: not session_processes(process.pid), "no process of the run is left", timeout=3)
    assert digest(warehouse / "newsledger.duckdb") == before


@pytest.mark.e2e
def test_a_run_whose_workers_stop_moving_ends_as_stuck(corpus, served, cleanup):
    """Workers frozen mid-extraction (SIGSTOP: a dead lock, as far as the run can tell) make
    no progress: the watchdog ends the run with exit 5 and one line, every thread's stack goes
    to the log, no process is left and the served warehouse is unchanged."""
    warehouse, before = served
    # Long enough for a busy machine's start-up (a temporary server, the imports) to report in time.
    limit_seconds = 40
    process = start_run(corpus, warehouse, stall_minutes=limit_seconds / 60)
    cleanup.append(process.pid)
    wait_for_extraction(process, warehouse)
    workers = [p for p in session_processes(process.pid) if "spawn_main" in " ".join(_cmdline(p))]
    for worker in workers:
        worker.suspend()
    stopped = time.monotonic()
    try:
        returncode = process.wait(timeout=limit_seconds + 30)
    except subprocess.TimeoutExpired:
        pytest.fail(f"still running {limit_seconds + 30} s after its workers stopped")
    seconds, stderr = time.monotonic() - stopped, process.stderr.read()
    print(f"exit {returncode} {seconds:.1f} s after the workers stopped; stderr:\n{stderr}")
    assert returncode == 5, stderr[-2000:]
    assert limit_seconds - 1 <= seconds <= limit_seconds + 15
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "no progress for" in lines[0] and "while extracting" in lines[0] and "--stall-minutes" in lines[0], stderr
    log = (warehouse / "logs" / "newsledger.log").read_text()
    assert "every thread's stack follows" in log
    assert 'File "' in log.split("every thread's stack follows")[-1]
    wait_until(lambda: not session_processes(process.pid), "no process of the run is left", timeout=5)
    assert digest(warehouse / "newsledger.duckdb") == before


@pytest.mark.e2e
def test_after_kill_9_workers_exit_and_the_next_run_clears_the_server(corpus, tmp_path, cleanup):
    warehouse = tmp_path / "wh"
    process = start_run(corpus, warehouse)
    cleanup.append(process.pid)
    wait_for_extraction(process, warehouse)
    killed_at = time.monotonic()
    process.kill()
    process.wait()

    def only_the_server_left() -> bool:
        return all("uvicorn" in " ".join(_cmdline(p)) for p in session_processes(process.pid))

    wait_until(only_the_server_left, "the workers and the resource tracker exit on their own", timeout=5)
    print(f"workers gone {time.monotonic() - killed_at:.2f} s after kill -9")
    # Nothing makes the server exit with the run: the next run's job (or any other run's on the machine).
    assert len(session_processes(process.pid)) <= 1

    from bench.generate_corpus import generate

    generate(tmp_path / "few", 4, words=100)
    next_run = start_run(tmp_path / "few", warehouse)
    cleanup.append(next_run.pid)
    assert next_run.wait(timeout=300) == 0, next_run.stderr.read()[-2000:]
    wait_until(lambda: not session_processes(process.pid), "the next run has killed the server", timeout=2)
    wait_until(lambda: not session_processes(next_run.pid), "the next run leaves nothing either", timeout=2)


# ---------------------------------------------------------------- the shared Prefect server


@pytest.fixture(scope="module")
def shared_home(tmp_path_factory, prefect_home_template):
    """A PREFECT_HOME whose shared server the runs below use; stopped at the end."""
    from conftest import seed_prefect_home
    from newsledger.orchestration.local_server import stop_shared_server

    home = seed_prefect_home(prefect_home_template, tmp_path_factory.mktemp("shared-prefect-home"))
    yield home
    stop_shared_server(home, wait_seconds=60)


@pytest.mark.e2e
@pytest.mark.parametrize("how", list(SENDERS))
def test_a_signal_ends_a_run_and_the_shared_server_stays(how, corpus, served, cleanup, shared_home):
    from newsledger.orchestration.local_server import find_server

    warehouse, before = served
    signum, send = SENDERS[how]
    process = start_run(corpus, warehouse, shared_home)
    cleanup.append(process.pid)
    wait_for_extraction(process, warehouse)
    server = find_server(shared_home)
    assert server is not None and server.pid not in {p.pid for p in session_processes(process.pid)}

    returncode, seconds, stderr = exit_after(process, signum, lambda s: send(process.pid, s))
    assert returncode == 128 + signum, stderr[-2000:]
    assert [line for line in stderr.splitlines() if line.strip()] == [stderr.strip()]  # our line, nothing else
    wait_until(lambda: not session_processes(process.pid), "no process of the run is left", timeout=3)
    assert digest(warehouse / "newsledger.duckdb") == before
    assert find_server(shared_home) == server  # not the run's: it serves the next one


@pytest.mark.e2e
def test_after_kill_9_the_shared_server_serves_the_next_run(corpus, tmp_path, cleanup, shared_home):
    from newsledger.orchestration.local_server import find_server

    warehouse = tmp_path / "wh"
    process = start_run(corpus, warehouse, shared_home)
    cleanup.append(process.pid)
    wait_for_extraction(process, warehouse)
    process.kill()
    process.wait()
    wait_until(lambda: not session_processes(process.pid), "the workers and the resource tracker exit on their own", timeout=5)
    server = find_server(shared_home)
    assert server is not None

    from bench.generate_corpus import generate

    generate(tmp_path / "few", 4, words=100)
    next_run = start_run(tmp_path / "few", warehouse, shared_home)
    cleanup.append(next_run.pid)
    assert next_run.wait(timeout=300) == 0, next_run.stderr.read()[-2000:]
    assert find_server(shared_home) == server  # cleared as no leftover, reused
    wait_until(lambda: not session_processes(next_run.pid), "the next run leaves nothing either", timeout=2)
