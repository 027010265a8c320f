"""The nightly deployment of ``ingest-news``: a cron schedule with a time zone.

Prefect schedules only fire on a running Prefect server (``prefect server start``), never on
the temporary server a plain run starts.
"""

from __future__ import annotations

from prefect.deployments.runner import RunnerDeployment
from prefect.schedules import Cron

from flows.ingest import ingest_news

DEPLOYMENT_NAME = "nightly"


def nightly_deployment(inputs: list[str], warehouse: str, cron: str, timezone: str, name: str = DEPLOYMENT_NAME) -> RunnerDeployment:
    """A deployment that loads ``inputs`` into ``warehouse`` on the cron schedule.

    One run at a time (concurrency limit 1): a slow night never overlaps the next.
    """
    return ingest_news.to_deployment(
        name=name,
        schedule=Cron(cron, timezone=timezone),
        parameters={"paths": inputs, "warehouse": warehouse},
        concurrency_limit=1,
        description=f"Load {', '.join(inputs)} into {warehouse} on '{cron}' ({timezone}).",
        tags=["newsledger"],
    )
