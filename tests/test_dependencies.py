"""Every package the code imports at run time is declared in pyproject.toml, pinned.

A package that arrives only through another one's dependencies (lxml_html_clean through
trafilatura, psutil through dask) can vanish with a resolver or an upstream release: a plain
`pip install -e .` must still give a working install.
"""

import ast
import importlib.metadata
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNTIME_PACKAGES = ("newsledger", "flows", "transforms", "expectations", "warehouse")


def _imported_modules() -> set[str]:
    found: set[str] = set()
    for package in RUNTIME_PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    found |= {alias.name.split(".")[0] for alias in node.names}
                elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                    found.add(node.module.split(".")[0])
    return found - set(sys.stdlib_module_names) - set(RUNTIME_PACKAGES) - {"__future__"}


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _declared() -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pins = {}
    for requirement in project["dependencies"]:
        name, _, version = requirement.partition("==")
        pins[_normalise(name)] = version
    return pins


def test_every_runtime_import_is_a_declared_pinned_dependency():
    distributions = importlib.metadata.packages_distributions()
    declared = _declared()
    missing = {}
    for module in sorted(_imported_modules()):
        owners = {_normalise(d) for d in distributions.get(module, [])}
        if not owners & set(declared):
            missing[module] = sorted(owners)
    assert not missing, f"imported but not declared in pyproject.toml [project.dependencies]: {missing}"
    assert all(declared.values()), "pin every dependency with =="


def test_the_html_reader_imports():
    # trafilatura imports lxml_html_clean lazily; a missing one made every HTML file crash the run.
    import lxml_html_clean  # noqa: F401
    import trafilatura

    assert trafilatura.extract("<html><body><article><p>" + "The ferry resumed on Monday. " * 5 + "</p></article></body></html>")
