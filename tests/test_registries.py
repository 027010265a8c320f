"""Every registry is listed once, follows the conventions and feeds a column of the contract."""

from __future__ import annotations

import importlib
import pkgutil

import pytest

import transforms
from newsledger.core.schemas import TABLES_BY_NAME
from transforms.registries import REGISTRIES, rule_names
from transforms.rules import Rule, check_registry


@pytest.mark.parametrize("registry", REGISTRIES, ids=lambda r: r.name)
def test_each_registry_follows_the_conventions(registry):
    check_registry(registry.name, registry.rules())


@pytest.mark.parametrize("registry", REGISTRIES, ids=lambda r: r.name)
def test_each_registry_names_a_column_of_the_contract(registry):
    for column in (registry.column, *registry.also_in):
        table, name = column.split(".")
        assert name in TABLES_BY_NAME[table].schema.names, f"{registry.name} feeds {column}, which the contract does not have"


def test_every_registry_in_transforms_is_listed():
    listed = {(r.module, r.name) for r in REGISTRIES}
    found = set()
    for info in pkgutil.walk_packages(transforms.__path__, "transforms."):
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if name.isupper() and isinstance(value, tuple) and value and all(isinstance(v, Rule) for v in value):
                if getattr(value[0].function, "__module__", "").startswith(info.name.rsplit(".", 1)[0]):
                    found.add((info.name, name))
    unlisted = {(m, n) for m, n in found if n not in {r.name for r in REGISTRIES}}
    assert not unlisted, f"add these registries to transforms/registries.py: {sorted(unlisted)}"
    assert listed <= found | listed


def test_rule_names_are_unique_within_each_column():
    for column in {r.column for r in REGISTRIES}:
        names = [rule.name for r in REGISTRIES if r.column == column for rule in r.rules()]
        assert len(names) == len(set(names)), f"{column}: a rule name is used twice, so a row could not say which rule made it"
        assert rule_names(column) >= set(names)
