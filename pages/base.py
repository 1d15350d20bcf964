"""What every page object shares: the Playwright page, the site's base URL, step reporting."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import ParamSpec, Self, TypeVar

import allure
from playwright.sync_api import Locator, Page, expect

P = ParamSpec("P")
R = TypeVar("R")
#: A field's error: both sites render it as ``class="error"`` and tie it to its field (or the
#: field's group) by ``aria-describedby``; it has no role of its own. (A field's hint is tied the
#: same way, but is no error.)
FIELD_ERROR = ".error"
_FIELD_PROBLEMS = """selector => Array.from(document.querySelectorAll(selector)).map(error => {
  const field = error.id && document.querySelector(`[aria-describedby~="${error.id}"]`);
  const label = !field ? null
    : field.labels && field.labels.length ? field.labels[0] : field.querySelector('legend');
  return (label ? label.innerText.trim() + '：' : '') + error.innerText.trim();
})"""


def screen_problems(page: Page) -> list[str]:
    """What the screen shown says is wrong, on any screen of either site: the alerts, then each
    field error as "标签：错误"."""
    alerts = [t.strip() for t in page.get_by_role("alert").all_inner_texts() if t.strip()]
    return alerts + list(page.evaluate(_FIELD_PROBLEMS, FIELD_ERROR))


def data_rows(table: Locator) -> Locator:
    """The rows of ``table`` that hold data cells (not its header row)."""
    return table.get_by_role("row").filter(has=table.page.get_by_role("cell"))


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
    #: The label of the menu link that opens the screen (None: not in a menu).
    menu_label: str | None = None

    def __init__(self, page: Page, base_url: str) -> None:
        self.page = page
        self.base_url = base_url.rstrip("/")
        self.title = page.get_by_role("heading", name=self.heading, exact=True, level=1)
        self.alerts = page.get_by_role("alert")
        self.statuses = page.get_by_role("status")

    def open(self) -> Self:
        """Type the screen's address (a document load: only where a person would type it)."""
        if self.path is None:
            raise TypeError(f"{type(self).__name__} 只能通过页面导航到达")
        self.page.goto(self.base_url + self.path)
        self.expect_arrived()
        return self

    def expect_loaded(self) -> None:
        expect(self.title).to_be_visible()

    def is_at(self) -> bool:
        """The browser is at this screen's address (its query aside), whatever the page shows."""
        return self.path is not None and self.page.url.split("?")[0] == self.base_url + self.path

    def expect_arrived(self) -> None:
        """After a document load: this screen (waited for as :meth:`expect_loaded` does, unless
        a screen knows it is whole once loaded)."""
        self.expect_loaded()

    def expect_error(self, text: str | re.Pattern[str]) -> None:
        """An error containing ``text`` is shown: an alert, or the error tied to a field."""
        errors = self.alerts.or_(self.page.locator(FIELD_ERROR))
        expect(errors.filter(has_text=text).first).to_be_visible()

    def expect_notice(self, text: str | re.Pattern[str]) -> None:
        """A notice (role=status, e.g. 已保存 or 已发送) containing ``text`` is shown."""
        expect(self.statuses.filter(has_text=text).first).to_be_visible()

    def alert_text(self) -> str:
        """The alerts now on screen as one text ('' when there are none): why a request was
        refused."""
        return " ".join(t.strip() for t in self.alerts.all_inner_texts())

    def messages(self) -> list[str]:
        """Texts of the flash messages (alerts and statuses) now on screen, in page order."""
        return [t.strip() for t in self.alerts.or_(self.statuses).all_inner_texts()]

