"""Worker processes that can start before the flow does, so the model loads while the run plans.

A worker costs seconds before its first batch: a new Python, Prefect, spaCy and the model.
``WorkerPool`` sets up the process pool Prefect's process-pool task runner uses (its message
queue for the workers' logs and events, plus a queue for progress), and ``EarlyStart`` starts as
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


def initialize_worker(prefect_messages: object, progress: object, model: str) -> None:
    """Prepare a worker before its first batch: tie it to the run, route its logs, events and
    progress to the run's main process, load the model and the tasks' modules.

    The worker ignores Ctrl-C (the run's main process decides how the run ends) and exits when
    the main process dies.
    """
    from newsledger.orchestration.processes import bind_worker_to_run

    bind_worker_to_run()
    # Prefect's own worker set-up (what its process-pool runner passes as initializer): logs
    # and events go back through the queue the runner's forwarding thread reads.
    from prefect.task_runners import _initialize_process_pool_worker

    from newsledger.progress import QueueProgress, set_reporter

    _initialize_process_pool_worker(prefect_messages)
    _skip_prefect_collections()
    set_reporter(QueueProgress(progress))
    from newsledger.model.pipeline import load_pipeline

    load_pipeline(model)
    import flows.tasks  # noqa: F401  (unpickling the first task would import them)


def _skip_prefect_collections() -> None:
    """Tell Prefect that the installed Prefect collections are loaded.

    Rebuilding a task's context in a worker makes Prefect import every installed collection
    (prefect-dask: Dask and distributed, 0.4 s of CPU per worker) to look up block types; the
    tasks here use none of them. A Prefect without this private cache just loads them.
    """
    try:
        from prefect._internal.plugins import collections
    except ImportError:
        return
    if getattr(collections, "_collections", False) is None:
        collections._collections = {}


def _ready() -> float:
    """Run once by each worker that starts early: when it finished preparing."""
    return time.time()


class WorkerPool:
    """A spawn-context process pool prepared as Prefect's process-pool task runner needs it.

    Attributes:
        executor: the pool; workers start on the first submissions or ``start_workers``.
        prefect_messages: Prefect's queue of the workers' logs and events.
        progress: the workers' progress messages (``newsledger.progress.QueueProgress``).
    """

    def __init__(self, max_workers: int, model: str) -> None:
        context = multiprocessing.get_context("spawn")
        self.max_workers = max_workers
        self.prefect_messages = context.Queue()
        self.progress = context.Queue()
        self.executor = ProcessPoolExecutor(
            max_workers=max_workers, mp_context=context, initializer=initialize_worker, initargs=(self.prefect_messages, self.progress, model)
        )
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
