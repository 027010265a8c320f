"""A run's processes end with the run: a signal stops them all, a killed run's are cleared later.

A run's main process starts children (worker processes, a temporary Prefect server, the
multiprocessing resource tracker). Three ways a run ends and what makes its children go too:

- SIGINT / SIGTERM / SIGHUP: ``end_run_on_signals`` kills every descendant and exits with
  128 + the signal number, without unwinding through Prefect (its graceful shutdown can wait
  minutes on a dead worker pool or API). A hard exit is what ``kill -9`` does, and the
  warehouse is built for it: the served database is only ever replaced by an atomic rename,
  and the next run clears the staged batches and half-built copies under its run lock.
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
# Killed workers leave the semaphores of the task they were running; the resource tracker
# removes them when the run is over, with a "leaked semaphore objects" warning that reads like
# a fault of ours. The tracker and the workers start inside the run and read this variable.
QUIET_RESOURCE_TRACKER = "ignore::UserWarning:multiprocessing.resource_tracker"
ENDING_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
# Exit status of a worker whose run's main process died.
EXIT_PARENT_GONE = 1
# Written to the wake-up pipe to stop its reader; no signal has number 0.
_STOP_WATCHING = 0


def clear_leftover_processes() -> list[int]:
    """Kill what runs killed earlier (``kill -9``, the OOM killer) left: their temporary server.

    Only processes marked by a run (``NEWSLEDGER_RUN_PID``) of this Python interpreter, whose
    run is no longer their ancestor, and of this user (others' cannot be read). SIGKILL at
    once: nobody waits for them, and the server's SQLite database survives a kill.

    Returns:
        The pids killed.
    """
    leftovers = find_leftover_processes()
    kill_processes(leftovers)
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


def kill_processes(processes: Iterable[psutil.Process], timeout: float = 2.0) -> None:
    """SIGKILL the processes and wait (at most ``timeout`` seconds) until they are gone."""
    processes = list(processes)
    for process in processes:
        _send(process, signal.SIGKILL)
    psutil.wait_procs(processes, timeout=timeout)


@contextmanager
def end_run_on_signals() -> Iterator[RunEnder]:
    """Inside the block, SIGINT, SIGTERM and SIGHUP end the run within a second or two.

    On the first such signal: one line on stderr, SIGKILL to every descendant process, then
    exit with 128 + the signal number. Later signals do not disturb the shutdown. Processes
    started inside the block are marked as this run's (``NEWSLEDGER_RUN_PID``) so that a later
    run can clear them if this one is killed, and they do not print the resource tracker's
    warning about the semaphores of killed workers (it removes them).

    SIGKILL, not SIGTERM first: the run itself ends hard, its children hold nothing a clean
    exit would save (workers write staged batches the next run clears; the temporary server's
    SQLite survives a kill), and a terminated server prints screens of cancelled-task
    tracebacks while it winds down.

    The shutdown starts from a thread woken by the signal itself (``signal.set_wakeup_fd``),
    so it does not depend on the main thread: Prefect replaces the SIGTERM handler while a
    flow runs, and the main thread may be waiting in C code. Signals that were ignored on
    entry (``nohup``; SIGINT of a background job) stay ignored. Call from the main thread.
    Handlers, wake-up fd and environment are restored on exit.

    Yields the ``RunEnder``: ``end_run(line, status)`` ends the run the same way from any
    thread, for a reason that is no signal (the stall watchdog).
    """
    if threading.current_thread() is not threading.main_thread():
        raise RuntimeError("end_run_on_signals() must be entered in the main thread (signal handlers live there)")
    stopper = RunEnder()
    signals = [s for s in ENDING_SIGNALS if signal.getsignal(s) is not signal.SIG_IGN]
    read_fd, write_fd = os.pipe()
    os.set_blocking(write_fd, False)
    previous_wakeup_fd = signal.set_wakeup_fd(write_fd, warn_on_full_buffer=False)
    previous_handlers = {s: signal.signal(s, stopper.on_signal) for s in signals}
    previous_environment = {name: os.environ.get(name) for name in (RUN_PID_VARIABLE, "PYTHONWARNINGS")}
    os.environ[RUN_PID_VARIABLE] = str(os.getpid())
    os.environ["PYTHONWARNINGS"] = ",".join(filter(None, [os.environ.get("PYTHONWARNINGS"), QUIET_RESOURCE_TRACKER]))
    watcher = threading.Thread(target=stopper.watch, args=(read_fd,), name="newsledger-signals", daemon=True)
    watcher.start()
    try:
        yield stopper
    finally:
        stopper.wait_if_stopping()
        for name, value in previous_environment.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
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


class RunEnder:
    """Stops the run once, from whichever thread a signal (or ``end_run``) reaches first."""

    def __init__(self) -> None:
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
        name = signal.Signals(signum).name
        self.end_run(
            f"interrupted by {name}: stopping the run's worker processes and its temporary Prefect server, if any. "
            "The served warehouse is as it was (or fully loaded, if this run had already published it).",
            128 + signum,
        )

    def end_run(self, line: str, status: int) -> None:
        """Say ``line`` on stderr, kill every descendant process and exit with ``status``; never returns.

        The first caller ends the run; a later one from another thread waits for the exit.
        """
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
            _say(f"\nnewsledger: {line}\n")
            _kill_descendants()
        finally:
            os._exit(status)


def _kill_descendants(timeout: float = 3.0) -> None:
    """SIGKILL every descendant, and those that appear meanwhile (a pool may be starting one).

    The resource tracker is spared: it outlives the run by design, removes the semaphores the
    run and its workers leave, and exits as soon as they are all gone.
    """
    me = psutil.Process()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        running = [p for p in _living(me.children(recursive=True)) if not _is_resource_tracker(p)]
        if not running:
            return
        kill_processes(running, timeout=0.5)


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
        if os.isatty(2):
            text = "\x1b[?25h" + text  # the progress display hid the cursor; nothing else will show it again
        os.write(2, text.encode())
    except (OSError, ValueError):
        pass


def _wait_for_exit() -> None:
    while True:
        time.sleep(60)
