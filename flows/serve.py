"""Serve the flows: ``scan_inbox`` on a cron schedule, ``process_report`` and ``train_model`` on demand.

    prefect server start                       # in one terminal (a schedule needs a server)
    PREFECT_API_URL=http://127.0.0.1:4200/api .venv/bin/python -m flows.serve

Settings come from the environment (see ``pipeline/config.py``): the inbox,
the database, the cron schedule (``PIPELINE_SCAN_CRON``) and the task runner.
"""

from __future__ import annotations

from prefect import serve

from flows.inbox import scan_inbox
from flows.process import process_report
from flows.runners import make_task_runner
from flows.train import train_model
from pipeline import config


def main() -> None:
    scan = scan_inbox.with_options(task_runner=make_task_runner())
    serve(
        scan.to_deployment(name="scheduled-scan", cron=config.scan_cron(),
                           parameters={"inbox": str(config.inbox())}),
        process_report.to_deployment(name="on-demand"),
        train_model.to_deployment(name="on-demand"),
    )


if __name__ == "__main__":
    main()
