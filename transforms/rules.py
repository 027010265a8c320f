"""Named rules and ordered registries: how every extractor states its priorities.

A rule is a small function with a docstring (what it finds, what it does not) and its examples
(text in, what it should give out). A registry is a tuple of rules in priority order; one loop
applies it (``first_match`` for "the first rule that answers wins", or the package's own loop
for registries whose rules all run). Every output row names the rule that made it, by
``Rule.name``, so a row leads to one registry entry.

    @rule(Example('"We will win," Ms Ortiz said.', "Ortiz"))
    def cue_subject(...):
        \"\"\"The subject of the reporting verb next to the quote. Not: ...\"\"\"

Adding a rule is one registry entry plus its examples; each package's tests run every
example of its registries (``tests/<package>/test_*_rules.py``).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

F = TypeVar("F", bound=Callable[..., Any])


@dataclass(frozen=True)
class Example:
    """One example of a rule: the text it reads and what it should give out.

    ``expected`` is whatever the package's example runner compares with (a speaker name, a
    quote's text, a span, a TIMEX value); ``None`` says the rule must not fire on ``text``.
    """

    text: str
    expected: Any
    note: str = ""


@dataclass(frozen=True)
class Rule(Generic[F]):
    """A named rule: its function, and its examples. Calling the rule calls the function."""

    name: str
    function: F
    examples: tuple[Example, ...] = ()

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self.function(*args, **kwargs)

    @property
    def doc(self) -> str:
        """The rule's docstring: what it finds and what it does not."""
        return inspect.getdoc(self.function) or ""

    @property
    def summary(self) -> str:
        """The first paragraph of the docstring, on one line."""
        return " ".join(self.doc.split("\n\n", 1)[0].split())


def rule(*examples: Example, name: str | None = None) -> Callable[[F], Rule[F]]:
    """Make a function a rule named after it (or ``name``), with its examples."""

    def wrap(function: F) -> Rule[F]:
        return Rule(name or function.__name__, function, tuple(examples))

    return wrap


def first_match(rules: Iterable[Rule[Any]], *args: Any, **kwargs: Any) -> tuple[Rule[Any], Any] | tuple[None, None]:
    """The first rule, in registry order, whose answer is not None, with that answer."""
    for candidate in rules:
        # The function itself, not the rule: ``Rule.__call__`` would add a call to each of the
        # dozens of rules a registry tries per expression.
        answer = candidate.function(*args, **kwargs)
        if answer is not None:
            return candidate, answer
    return None, None


class RegistryError(ValueError):
    """A registry breaks the conventions (a rule without a docstring or examples, two rules of one name)."""


def check_registry(name: str, rules: tuple[Rule[Any], ...], *, need_examples: bool = True) -> None:
    """Raise RegistryError unless every rule is documented, has examples and a unique name."""
    seen: set[str] = set()
    for entry in rules:
        if not isinstance(entry, Rule):
            raise RegistryError(f"{name}: {entry!r} is not a Rule: decorate it with @rule(...)")
        if entry.name in seen:
            raise RegistryError(f"{name}: two rules are named {entry.name!r}: rename one")
        seen.add(entry.name)
        if not entry.doc:
            raise RegistryError(f"{name}: rule {entry.name!r} has no docstring: say what it finds and what it does not")
        if need_examples and not entry.examples:
            raise RegistryError(f"{name}: rule {entry.name!r} has no examples: add @rule(Example(text, expected), ...)")
