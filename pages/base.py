"""What every page object shares: the Playwright page, the site's base URL, step reporting."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import ParamSpec, TypeVar

import allure
from playwright.sync_api import Locator, Page, expect

P = ParamSpec("P")
R = TypeVar("R")


@contextmanager
def report_step(title: str) -> Iterator[None]:
    """An Allure step that records only its title, never argument values (they may be secrets)."""
    with allure.step(title):
        yield


def verb(title: str) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Decorator: the page-object method is reported as a step named ``title``."""

    def decorate(method: Callable[P, R]) -> Callable[P, R]:
        @wraps(method)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            with report_step(title):
                return method(*args, **kwargs)

        return wrapper

    return decorate


class BasePage:
    """A screen of one site. Subclasses build their locators once in ``__init__``."""

    #: Path of the screen below the site's base URL (None: reached only by navigation).
    path: str | None = None
    #: The screen's main heading, used to check that the browser is on it.
    heading: str = ""

    def __init__(self, page: Page, base_url: str) -> None:
        self.page = page
        self.base_url = base_url.rstrip("/")
        self.title = page.get_by_role("heading", name=self.heading, exact=True, level=1)
        self.alerts = page.get_by_role("alert")
        self.statuses = page.get_by_role("status")

    def open(self) -> BasePage:
        if self.path is None:
            raise TypeError(f"{type(self).__name__} 只能通过页面导航到达")
        self.page.goto(self.base_url + self.path)
        self.expect_loaded()
        return self

    def expect_loaded(self) -> None:
        expect(self.title).to_be_visible()

    def expect_error(self, text: str | re.Pattern[str]) -> None:
        """An error message (role=alert, or a field error) containing ``text`` is shown."""
        expect(self.page.get_by_text(text).first).to_be_visible()

    def expect_notice(self, text: str | re.Pattern[str]) -> None:
        expect(self.page.get_by_text(text).first).to_be_visible()

    def messages(self) -> list[str]:
        """Texts of the flash messages (alerts and statuses) now on screen, in page order."""
        return [t.strip() for t in self.alerts.or_(self.statuses).all_inner_texts()]

    def field_error(self, field: Locator) -> str:
        """The texts bound to a field through aria-describedby (hint and error; '' when none)."""
        refs = (field.get_attribute("aria-describedby") or "").split()
        return " ".join(self.page.locator(f"[id='{ref}']").inner_text() for ref in refs)
