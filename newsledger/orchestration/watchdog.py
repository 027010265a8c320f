"""A run that stops moving is ended, with what it was doing, instead of hanging until morning.

A night's run reports progress all the time: every stage that ends, every article extracted,
every status line. A run that reports nothing for ``limit_seconds`` is stuck (a dead lock, a
worker that waits for ever, a server that stopped answering): ``StallWatchdog`` then calls its
``on_stall`` once with a one-line description. The command line dumps every thread's stack to
the run log and ends the run as a signal would (``processes.end_run_on_signals``): its workers
are killed, the served warehouse is as it was, and the exit status says "stalled".

The watchdog only measures silence; it never guesses how long a step should take. The limit
is generous by default (``Settings.stall_minutes``) because one step may legitimately report
nothing for minutes (validating or loading a large night).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from types import TracebackType


class StallWatchdog:
    """Calls ``on_stall`` once when nobody called ``beat`` for ``limit_seconds``.

    ``what_now`` says what the run was doing (the progress line), for the message. A limit of
    0 turns the watchdog off. Use as a context manager: the watching thread (a daemon) starts
    on entry and stops on exit.
    """

    def __init__(
        self,
        limit_seconds: float,
        what_now: Callable[[], str],
        on_stall: Callable[[str], None],
        clock: Callable[[], float] = time.monotonic,
        poll_seconds: float | None = None,
    ) -> None:
        self.limit_seconds = limit_seconds
        self._what_now = what_now
        self._on_stall = on_stall
        self._clock = clock
        # Checking a few times per limit is enough: the stall is reported at most a tenth late.
        self._poll_seconds = poll_seconds if poll_seconds is not None else max(min(limit_seconds / 10, 30.0), 0.01)
        self._last_beat = clock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.fired = False

    def beat(self) -> None:
        """The run made progress now."""
        self._last_beat = self._clock()

    def check(self) -> bool:
        """Fire ``on_stall`` if the silence is over the limit (once); whether it has fired."""
        if self.fired or self.limit_seconds <= 0:
            return self.fired
        silent = self._clock() - self._last_beat
        if silent < self.limit_seconds:
            return False
        self.fired = True
        self._on_stall(
            f"no progress for {_minutes(silent)} while {self._what_now() or 'starting'}; the run looks stuck"
        )
        return True

    def __enter__(self) -> StallWatchdog:
        if self.limit_seconds > 0:
            self._last_beat = self._clock()
            self._thread = threading.Thread(target=self._watch, name="newsledger-watchdog", daemon=True)
            self._thread.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()

    def _watch(self) -> None:
        while not self._stop.wait(self._poll_seconds):
            if self.check():
                return


def _minutes(seconds: float) -> str:
    if seconds < 120:
        return f"{seconds:.0f} s"
    return f"{seconds / 60:.0f} min"
