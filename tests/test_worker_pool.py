"""Worker processes do the batches' work without Prefect; without a pool the work runs in place."""

from flows.runners import in_worker
from flows.worker_pool import WorkerPool
from newsledger.core.settings import DEFAULT_MODEL


# Asked with a built-in: a function of this module would import the module, and Prefect with it.
_LOADED = "tuple(name in __import__('sys').modules for name in ('prefect', 'spacy', 'flows.batch_work'))"


def test_a_worker_has_the_model_and_never_imports_prefect():
    pool = WorkerPool(1, DEFAULT_MODEL)
    try:
        assert pool.executor.submit(eval, _LOADED).result(timeout=300) == (False, True, True)
    finally:
        pool.executor.shutdown(wait=True)


def test_without_a_flow_the_work_runs_here():
    assert in_worker(sorted, [3, 1, 2]) == [1, 2, 3]
