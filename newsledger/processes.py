"""A run's processes end with the run: a signal stops them all, a killed run's are cleared later.

A run's main process starts children (worker processes, a temporary Prefect server, the
multiprocessing resource tracker). Three ways a run ends and what makes its children go too:

- SIGINT / SIGTERM / SIGHUP: ``end_run_on_signals`` stops every descendant and exits with
  128 + the signal number, without unwinding through Prefect (its graceful shutdown can wait
  minutes on a dead worker pool or API). A hard exit is what ``kill -9`` does, and the
  warehouse is built for it: the served database is only ever replaced by an atomic rename.
- ``kill -9`` of the main process: workers notice that their parent is gone and exit
  (``bind_worker_to_run``); the resource tracker follows them; what cannot watch its parent
  (the temporary server) is cleared by the next run's ``clear_leftover_processes``.
- A normal end: the task runner stops its workers and the server is stopped after the flow.

Processes started inside ``end_run_on_signals`` carry the run's pid in their environment
(``NEWSLEDGER_RUN_PID``), which is how a later run recognises them: a marked process of this
Python interpreter whose run is no longer among its ancestors is a leftover. A live run's
processes always have their run as an ancestor (a process whose parent dies is re-parented at
once, and an ancestor cannot share a pid with the run), so two runs on one machine never touch
each other's processes, and a pid reused by an unrelated process is never mistaken for one.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from multiprocessing.connection import wait
from pathlib import Path

import psutil

RUN_PID_VARIABLE = "NEWSLEDGER_RUN_PID"
ENDING_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
# Seconds a process gets to exit after SIGTERM before it is killed.
GRACE_SECONDS = 3.0
# Exit status of a worker whose run's main process died.
EXIT_PARENT_GONE = 1
# Written to the wake-up pipe to stop its reader; no signal has number 0.
_STOP_WATCHING = 0


def clear_leftover_processes(grace_seconds: float = GRACE_SECONDS) -> list[int]:
    """Stop what runs killed earlier (``kill -9``, a power cut of the main process only) left.

    Only processes marked by a run (``NEWSLEDGER_RUN_PID``) of this Python interpreter, whose
    run is no longer their ancestor, and of this user (others' cannot be read).

    Returns:
        The pids stopped.
    """
    leftovers = find_leftover_processes()
    stop_processes(leftovers, grace_seconds)
    return [p.pid for p in leftovers]


def find_leftover_processes() -> list[psutil.Process]:
    """Processes started by a run that has since died (see the module docstring)."""
    interpreter = Path(sys.executable).resolve()
    me = psutil.Process()
    mine = {me.pid, *(p.pid for p in me.parents())}
    leftovers = []
    for process in psutil.process_iter():
        if process.pid in mine:
            continue
        try:
            # The executable first: it is cheaper to read than the environment.
            executable = process.exe()
            if not executable or Path(executable) != interpreter:
                continue
            run_pid = process.environ().get(RUN_PID_VARIABLE, "")
            if not run_pid.isdigit() or int(run_pid) in {p.pid for p in process.parents()}:
                continue
        except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
            continue
        leftovers.append(process)
    return leftovers


def stop_processes(processes: Iterable[psutil.Process], grace_seconds: float = GRACE_SECONDS) -> None:
    """SIGTERM, then SIGKILL whatever still runs after ``grace_seconds``."""
    processes = list(processes)
    for process in processes:
        _send(process, signal.SIGTERM)
    _, alive = psutil.wait_procs(processes, timeout=grace_seconds)
    for process in alive:
        _send(process, signal.SIGKILL)
    psutil.wait_procs(alive, timeout=1.0)


@contextmanager
def end_run_on_signals(grace_seconds: float = GRACE_SECONDS) -> Iterator[None]:
    """Inside the block, SIGINT, SIGTERM and SIGHUP end the run within seconds.

    On the first such signal: one line on stderr, SIGTERM to every descendant process (SIGKILL
    after ``grace_seconds``), then exit with 128 + the signal number. Later signals do not
    disturb the shutdown. Processes started inside the block are marked as this run's
    (``NEWSLEDGER_RUN_PID``) so that a later run can clear them if this one is killed.

    The shutdown starts from a thread woken by the signal itself (``signal.set_wakeup_fd``),
    so it does not depend on the main thread: Prefect replaces the SIGTERM handler while a
    flow runs, and the main thread may be waiting in C code. Signals that were ignored on
    entry (``nohup``; SIGINT of a background job) stay ignored. Call from the main thread.
    Handlers, wake-up fd and environment are restored on exit.
    """
    if threading.current_thread() is not threading.main_thread():
        raise RuntimeError("end_run_on_signals() must be entered in the main thread (signal handlers live there)")
    stopper = _RunStopper(grace_seconds)
    signals = [s for s in ENDING_SIGNALS if signal.getsignal(s) is not signal.SIG_IGN]
    read_fd, write_fd = os.pipe()
    os.set_blocking(write_fd, False)
    previous_wakeup_fd = signal.set_wakeup_fd(write_fd, warn_on_full_buffer=False)
    previous_handlers = {s: signal.signal(s, stopper.on_signal) for s in signals}
    previous_mark = os.environ.get(RUN_PID_VARIABLE)
    os.environ[RUN_PID_VARIABLE] = str(os.getpid())
    watcher = threading.Thread(target=stopper.watch, args=(read_fd,), name="newsledger-signals", daemon=True)
    watcher.start()
    try:
        yield
    finally:
        stopper.wait_if_stopping()
        if previous_mark is None:
            os.environ.pop(RUN_PID_VARIABLE, None)
        else:
            os.environ[RUN_PID_VARIABLE] = previous_mark
        for number, handler in previous_handlers.items():
            signal.signal(number, handler)
        signal.set_wakeup_fd(previous_wakeup_fd)
        os.write(write_fd, bytes([_STOP_WATCHING]))
        watcher.join()
        os.close(read_fd)
        os.close(write_fd)


def bind_worker_to_run(poll_seconds: float = 1.0) -> None:
    """Make a worker process (a pool initializer calls this) leave decisions to the run.

    Ctrl-C in a terminal sends SIGINT to the whole process group: the worker ignores it and the
    run's main process decides. A daemon thread exits the worker when its parent dies (a
    ``kill -9`` of the run), seen as end-of-file on the pipe multiprocessing keeps open from
    the parent (``multiprocessing.parent_process().sentinel``) or, failing that, as a changed
    parent pid. ``prctl(PR_SET_PDEATHSIG)`` would fire when the parent's *thread* that started
    the worker ends, and a pool starts workers from helper threads.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = multiprocessing.parent_process()
    parent_pid = parent.pid if parent is not None else os.getppid()
    sentinel = parent.sentinel if parent is not None else None

    def exit_with_parent() -> None:
        while os.getppid() == parent_pid:
            if sentinel is None:
                time.sleep(poll_seconds)
            elif wait([sentinel], timeout=poll_seconds):
                break
        os._exit(EXIT_PARENT_GONE)

    threading.Thread(target=exit_with_parent, name="newsledger-parent-watch", daemon=True).start()


class _RunStopper:
    """Stops the run once, from whichever thread a signal reaches first."""

    def __init__(self, grace_seconds: float) -> None:
        self.grace_seconds = grace_seconds
        self._lock = threading.RLock()  # a signal handler may interrupt its own thread while it holds it
        self._stopping_thread: int | None = None

    def on_signal(self, signum: int, frame: object) -> None:
        self.stop(signum)

    def watch(self, read_fd: int) -> None:
        """Read signal numbers from the wake-up pipe; stop the run on an ending one."""
        while True:
            for number in os.read(read_fd, 64):
                if number == _STOP_WATCHING:
                    return
                if number in ENDING_SIGNALS:
                    self.stop(number)

    def wait_if_stopping(self) -> None:
        """If another thread is stopping the run, never return: that thread exits the process."""
        with self._lock:
            stopping = self._stopping_thread
        if stopping is not None and stopping != threading.get_ident():
            _wait_for_exit()

    def stop(self, signum: int) -> None:
        with self._lock:
            first = self._stopping_thread is None
            if first:
                self._stopping_thread = threading.get_ident()
        if not first:
            if self._stopping_thread == threading.get_ident():
                return  # a second signal interrupted this thread's shutdown: let it finish
            # Keep this thread (the main one, usually) from running on, e.g. into a normal
            # exit with another status, while the stopping thread finishes.
            _wait_for_exit()
        try:
            name = signal.Signals(signum).name
            _say(
                f"\nnewsledger: interrupted by {name}: stopping the run's worker processes and its temporary Prefect "
                "server, if any. The served warehouse is as it was (or fully loaded, if this run had already published it).\n"
            )
            _stop_descendants(self.grace_seconds)
        finally:
            os._exit(128 + signum)


def _stop_descendants(grace_seconds: float) -> None:
    """SIGTERM every descendant, SIGKILL those left after ``grace_seconds``.

    Children appearing meanwhile (a pool may start a worker) are stopped too. The resource
    tracker is left alone: it ignores SIGTERM and, once the run and its workers are gone, it
    removes the semaphores they left and exits.
    """
    me = psutil.Process()
    deadline = time.monotonic() + grace_seconds
    signalled: set[int] = set()
    while True:
        running = [p for p in _living(me.children(recursive=True)) if not _is_resource_tracker(p)]
        if not running:
            return
        if time.monotonic() >= deadline:
            for process in running:
                _send(process, signal.SIGKILL)
            psutil.wait_procs(running, timeout=1.0)
            return
        for process in running:
            if process.pid not in signalled:
                _send(process, signal.SIGTERM)
                signalled.add(process.pid)
        psutil.wait_procs(running, timeout=0.1)


def _living(processes: Iterable[psutil.Process]) -> list[psutil.Process]:
    living = []
    for process in processes:
        try:
            if process.status() != psutil.STATUS_ZOMBIE:
                living.append(process)
        except psutil.NoSuchProcess:
            continue
    return living


def _is_resource_tracker(process: psutil.Process) -> bool:
    try:
        return any("multiprocessing.resource_tracker" in part for part in process.cmdline())
    except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
        return False


def _send(process: psutil.Process, signum: int) -> None:
    """Signal a process if it still is the one we listed (psutil checks for a reused pid)."""
    try:
        if process.is_running():  # False, too, when the pid now belongs to another process
            process.send_signal(signum)
    except (psutil.NoSuchProcess, psutil.AccessDenied):
        pass


def _say(text: str) -> None:
    # os.write, not print: a signal may land while the main thread holds sys.stderr's lock.
    try:
        os.write(2, text.encode())
    except (OSError, ValueError):
        pass


def _wait_for_exit() -> None:
    while True:
        time.sleep(60)
