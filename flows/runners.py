"""The task runner of the inbox flow, chosen by settings (``PIPELINE_TASK_RUNNER``)."""

from __future__ import annotations

from pipeline import config

RUNNERS = ("process", "thread", "dask")
_limits = []


def one_blas_thread() -> None:
    """Process-pool initializer: limit OpenBLAS/OpenMP to one thread in this worker."""
    from threadpoolctl import threadpool_limits

    _limits.append(threadpool_limits(limits=1))  # kept: the limit lasts while the object lives


def make_task_runner(name: str | None = None, workers: int | None = None, address: str | None = None):
    """A Prefect task runner: ``process`` (a process pool, the default), ``thread`` or ``dask``.

    ``dask`` uses prefect-dask's ``DaskTaskRunner``: the cluster at ``address``
    (``PIPELINE_DASK_ADDRESS``) when given, otherwise a local cluster of
    ``workers`` processes.
    """
    name = (name or config.task_runner_name()).lower()
    workers = workers or config.workers()
    if name == "process":
        from prefect.task_runners import ProcessPoolTaskRunner

        if workers > 1:
            # Workers share the cores: one BLAS thread each, or they oversubscribe them.
            return ProcessPoolTaskRunner(max_workers=workers, initializer=one_blas_thread)
        return ProcessPoolTaskRunner(max_workers=workers)
    if name == "thread":
        from prefect.task_runners import ThreadPoolTaskRunner

        return ThreadPoolTaskRunner(max_workers=workers)
    if name == "dask":
        from prefect_dask import DaskTaskRunner

        address = address or config.dask_address()
        if address:
            return DaskTaskRunner(address=address)
        return DaskTaskRunner(cluster_kwargs={"n_workers": workers, "threads_per_worker": 1, "processes": True})
    raise ValueError(f"Unknown task runner {name!r}; expected one of {', '.join(RUNNERS)} (PIPELINE_TASK_RUNNER).")
