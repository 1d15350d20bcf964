"""Helpers for the end-to-end tests (a module, not a conftest, so tests can import it)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import allure

from flows.steps import Step

F = TypeVar("F", bound=Callable[..., object])


def documented(step: Step) -> Callable[[F], F]:
    """Label a test with the seed's section, part and step (Allure epic / feature / story)."""

    def decorate(test: F) -> F:
        for label in (allure.epic(step.section), allure.feature(step.part), allure.story(step.label)):
            test = label(test)
        return test

    return decorate
