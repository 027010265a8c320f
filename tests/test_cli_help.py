import pytest
from typer.testing import CliRunner

from newsledger.cli import app


@pytest.mark.parametrize("command", [[], ["run"], ["sql"], ["explain"], ["serve"], ["report"], ["server", "status"], ["server", "start"], ["server", "stop"]])
def test_help_explains_with_an_example(command):
    result = CliRunner().invoke(app, [*command, "--help"])
    assert result.exit_code == 0
    if command:
        assert "Example:" in result.output


def test_sql_without_warehouse_exits_with_advice(tmp_path):
    result = CliRunner().invoke(app, ["sql", "-w", str(tmp_path), "select 1"])
    assert result.exit_code == 3
    assert "newsledger run" in result.output
