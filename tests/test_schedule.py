"""The nightly schedule against a real, temporary Prefect server on loopback."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from newsledger.cli import app

ROOT = Path(__file__).resolve().parent.parent
APPLY = """
import json, sys
from prefect.client.orchestration import get_client
from flows.deployment import nightly_deployment
deployment_id = nightly_deployment(["/data/crawl"], "/data/warehouse", "0 2 * * *", "Europe/London").apply()
with get_client(sync_client=True) as client:
    deployment = client.read_deployment(deployment_id)
    schedule = deployment.schedules[0]
    print(json.dumps({
        "name": deployment.name,
        "cron": schedule.schedule.cron,
        "timezone": schedule.schedule.timezone,
        "active": schedule.active,
        "parameters": deployment.parameters,
        "concurrency_limit": deployment.global_concurrency_limit.limit if deployment.global_concurrency_limit else None,
    }))
"""


def test_nightly_deployment_is_created_with_its_schedule(prefect_server):
    done = subprocess.run([sys.executable, "-c", APPLY], env=prefect_server, capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-3000:]
    deployment = json.loads(done.stdout.strip().splitlines()[-1])
    assert deployment == {
        "name": "nightly",
        "cron": "0 2 * * *",
        "timezone": "Europe/London",
        "active": True,
        "parameters": {"paths": ["/data/crawl"], "warehouse": "/data/warehouse"},
        "concurrency_limit": 1,
    }


def test_serve_without_a_server_says_how_to_start_one(monkeypatch):
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    result = CliRunner().invoke(app, ["serve", "--cron", "0 2 * * *", "--input", "samples"])
    assert result.exit_code == 4
    assert "prefect server start" in result.output


def test_prefect_yaml_points_at_the_flow():
    project = yaml.safe_load((ROOT / "prefect.yaml").read_text(encoding="utf-8"))
    deployment = project["deployments"][0]
    module, function = deployment["entrypoint"].split(":")
    assert (ROOT / module).exists() and f"def {function}(" in (ROOT / module).read_text(encoding="utf-8")
    assert deployment["schedules"][0]["cron"] == "0 2 * * *"
    assert set(deployment["parameters"]) <= {"paths", "warehouse", "full_refresh", "reprocess", "since", "until", "wait_seconds"}
