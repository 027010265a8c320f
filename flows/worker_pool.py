"""Worker processes that can start before the flow does, so the model loads while the run plans.

A worker costs seconds before its first batch: a new Python, spaCy and the model (never
Prefect: the batch tasks run in the main process and send their work here).
``WorkerPool`` sets up the process pool the flow's task runner uses (with a queue for the
workers' progress), and ``EarlyStart`` starts as
many workers as the run will have batches while the command line is still importing Prefect,
once the same plan the flow will make (``newsledger.planning``) says there is work. A rerun
over unchanged files starts none. Nothing here imports Prefect: the point is to be early.

(Great Expectations, seconds to import, imports in a thread of the run's main process. A
process of its own for it, tried, made one-article runs about two seconds slower on this
shared 2-core machine: another process only takes a share of the same busy cores.)
"""

from __future__ import annotations

import logging
import multiprocessing
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor

log = logging.getLogger(__name__)


def initialize_worker(progress: object, model: str) -> None:
    """Prepare a worker before its first batch: tie it to the run, route its progress to the
    run's main process, load the model and the batch work's modules (no Prefect: the batch
    tasks run in the main process and hand their work here, ``flows.runners.in_worker``).

    The worker ignores Ctrl-C (the run's main process decides how the run ends) and exits when
    the main process dies.
    """
    from newsledger.orchestration.processes import bind_worker_to_run

    bind_worker_to_run()
    from newsledger.progress import QueueProgress, set_reporter

    set_reporter(QueueProgress(progress))
    from newsledger.model.pipeline import load_pipeline

    load_pipeline(model)
    import flows.batch_work  # noqa: F401  (the first job would import it)


def _ready() -> float:
    """Run once by each worker that starts early: when it finished preparing."""
    return time.time()


class WorkerPool:
    """A spawn-context process pool for the batches' work (``flows.batch_work``).

    Attributes:
        executor: the pool; workers start on the first submissions or ``start_workers``.
        progress: the workers' progress messages (``newsledger.progress.QueueProgress``).
    """

    def __init__(self, max_workers: int, model: str) -> None:
        context = multiprocessing.get_context("spawn")
        self.max_workers = max_workers
        self.progress = context.Queue()
        self.executor = ProcessPoolExecutor(max_workers=max_workers, mp_context=context, initializer=initialize_worker, initargs=(self.progress, model))
        self._started: list[Future[float]] = []

    def start_workers(self, count: int) -> None:
        """Start ``count`` workers now (at most ``max_workers``), each loading the model.

        One trivial job each: a process pool starts a worker for every job submitted while none is
        idle.
        """
        for _ in range(min(count, self.max_workers) - len(self._started)):
            self._started.append(self.executor.submit(_ready))

    @property
    def started(self) -> int:
        return len(self._started)

    def ready_at(self) -> float | None:
        """When the last of the early workers was ready (epoch seconds); None while one is not."""
        if not self._started or not all(f.done() and f.exception() is None for f in self._started):
            return None
        return max(f.result() for f in self._started)


class EarlyStart:
    """Workers started before the flow when (and only when) the run will have batches for them.

    ``expected_batches`` (the flow's plan, computed ahead) runs in a thread as soon as this is
    made; a failure there (say, an unreadable warehouse) only means no early start: the flow
    meets the same problem and reports it.
    """

    def __init__(self, expected_batches: Callable[[], int], max_workers: int, model: str) -> None:
        self.pool: WorkerPool | None = None
        self.batches: int | None = None
        self._thread = threading.Thread(target=self._start, args=(expected_batches, max_workers, model), name="newsledger-early-start", daemon=True)
        self._thread.start()

    def _start(self, expected_batches: Callable[[], int], max_workers: int, model: str) -> None:
        try:
            self.batches = expected_batches()
        except Exception:  # a hint only: whatever went wrong, the flow's own plan meets it and says so
            log.debug("no early start: the plan could not be previewed", exc_info=True)
            return
        if self.batches:
            # No more workers than batches: a pool starts one for every job submitted while none
            # is idle, and the flow's first jobs come while the early ones still load the model.
            pool = WorkerPool(min(max_workers, self.batches), model)
            pool.start_workers(self.batches)
            self.pool = pool

    def result(self) -> tuple[WorkerPool | None, int | None]:
        """The pool (None: no early start) and the batches expected (None: unknown). Waits for the preview."""
        self._thread.join()
        return self.pool, self.batches
