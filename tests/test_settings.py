"""Defaults a user relies on without reading the code."""

import subprocess

from newsledger.core.settings import DEFAULT_WAREHOUSE

from conftest import PROJECT_ROOT


def test_the_default_warehouse_is_the_readmes_warehouse_default_at_the_repository_root():
    assert DEFAULT_WAREHOUSE == PROJECT_ROOT / "warehouse" / "default"
    assert "warehouse/default/" in (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    # `make demo` builds it there; git must never offer it for a commit.
    ignored = subprocess.run(["git", "check-ignore", "-q", str(DEFAULT_WAREHOUSE / "newsledger.duckdb")], cwd=PROJECT_ROOT, check=False)
    assert ignored.returncode == 0
