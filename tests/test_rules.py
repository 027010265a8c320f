"""Named rules and registries (transforms/rules.py): one loop, named answers, conventions checked."""

from __future__ import annotations

import pytest

from transforms.rules import Example, RegistryError, Rule, check_registry, first_match, rule


@rule(Example("a 12", "12"))
def digits(text: str) -> str | None:
    """Digits. Not: number words."""
    found = "".join(c for c in text if c.isdigit())
    return found or None


@rule(Example("a b", "a"))
def first_word(text: str) -> str | None:
    """The first word. Not: an empty text."""
    return text.split()[0] if text.split() else None


def test_a_rule_is_named_after_its_function_and_callable():
    assert isinstance(digits, Rule) and digits.name == "digits"
    assert digits("x 42") == "42"
    assert digits.summary == "Digits. Not: number words."
    assert digits.examples == (Example("a 12", "12"),)


def test_first_match_is_the_first_rule_in_order_that_answers():
    assert first_match((digits, first_word), "word 7") == (digits, "7")
    assert first_match((digits, first_word), "word") == (first_word, "word")
    assert first_match((digits, first_word), "") == (None, None)


def test_check_registry_names_what_to_fix():
    check_registry("GOOD", (digits, first_word))
    with pytest.raises(RegistryError, match="two rules are named 'digits'"):
        check_registry("TWICE", (digits, digits))
    undocumented = Rule("bare", lambda text: None, (Example("x", None),))
    with pytest.raises(RegistryError, match="has no docstring"):
        check_registry("BARE", (undocumented,))
    without_examples = rule()(first_word.function)
    with pytest.raises(RegistryError, match="has no examples"):
        check_registry("NOEX", (without_examples,))
    with pytest.raises(RegistryError, match="is not a Rule"):
        check_registry("PLAIN", (len,))
