"""The site during a bulk run: 详情 opened by address, logging in again when the login timed
out, server errors and time-outs retried with backoff (application failures, bounded)."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page, expect

from flows.errors import ApplicationError, LoginExpired
from pages.jcjy import ApplicationDetailPage, ApplicationListPage, StaffLoginPage

from .session import Reviewer

T = TypeVar("T")
#: Tries of one piece of work before it is reported (application failures only).
ATTEMPTS = 4
BACKOFF_S = (0.5, 1.0, 2.0)
#: Applications handled in one tab before a new tab takes over: Firefox's content processes
#: grow with every page a tab has shown (+3 MB a 详情) and shrink once the tab is closed.
TAB_USES = 25
#: Applications handled in one browser before a fresh one takes over (``fresh_browser``):
#: Firefox's parent process grows with every page shown (about +0.5 MB a 详情), tabs or not.
BROWSER_USES = 100


class SiteSession:
    """A logged-in reviewer's browser page."""

    def __init__(self, page: Page, reviewer: Reviewer, sleep: Callable[[float], None] = time.sleep,
                 fresh_browser: Callable[[Page], Page] | None = None) -> None:
        self.page = page
        self.fresh_browser = fresh_browser
        self.reviewer = reviewer
        self.url = reviewer.jcjy_url.rstrip("/")
        self.sleep = sleep
        self.name = ""
        self.unit = ""
        self.retries = 0  # how many times work was tried again (for the summary)
        self._begun = 0  # applications begun

    def next_application(self) -> None:
        """Another application begins. Every :data:`TAB_USES` it gets a new tab (the login kept),
        every :data:`BROWSER_USES` a new browser from ``fresh_browser(page)`` when one was given:
        without either, 1,000 详情 shown in one tab took 70 % more memory than the first 100."""
        done, self._begun = self._begun, self._begun + 1
        if done and self.fresh_browser is not None and done % BROWSER_USES == 0:
            self.page = self.fresh_browser(self.page)
        elif done and done % TAB_USES == 0:
            self.page = _new_tab(self.page)

    def log_in(self) -> ApplicationListPage:
        review_list = self.retrying("工作人员登录", lambda: self.reviewer.log_in(self.page), renew_login=False)
        who = review_list.current_user().split()
        self.name, self.unit = (who[0] if who else ""), review_list.current_unit()
        return review_list

    def retrying(self, what: str, work: Callable[[], T], renew_login: bool = True) -> T:
        """``work()``, tried again after an application failure: when the site asks for the login
        again (登录已超时: raised as LoginExpired, or the login screen shown where the work
        expected another), after logging in again; otherwise after a backoff. The last failure is
        raised as an ApplicationError naming ``what``."""
        for attempt in range(ATTEMPTS):
            try:
                return work()
            except (ApplicationError, PlaywrightError, AssertionError) as exc:
                if attempt == ATTEMPTS - 1:
                    raise ApplicationError(f"{what}失败（已重试 {ATTEMPTS - 1} 次）：{_short(exc)}") from exc
                self.retries += 1
                backoff = BACKOFF_S[min(attempt, len(BACKOFF_S) - 1)]
                if renew_login and (isinstance(exc, LoginExpired) or self._asks_to_log_in()):
                    self._log_in_again(backoff)
                else:
                    self.sleep(backoff)
        raise AssertionError("unreachable")

    def _asks_to_log_in(self) -> bool:
        try:
            return StaffLoginPage(self.page, self.url).asks_to_log_in()
        except PlaywrightError:
            return False

    def _log_in_again(self, backoff: float) -> None:
        """Log in; if that fails too (a 5xx meanwhile), wait: the next try finds out again."""
        try:
            self.reviewer.log_in(self.page)
        except (ApplicationError, PlaywrightError, AssertionError):
            self.sleep(backoff)

    def open_detail(self, detail_path: str) -> ApplicationDetailPage:
        """详情 at its address (one try: wrap it in :meth:`retrying`)."""
        response = self.page.goto(self.url + detail_path, wait_until="domcontentloaded")
        detail = ApplicationDetailPage(self.page, self.url)
        login = StaffLoginPage(self.page, self.url)
        expect(detail.title.or_(login.title).or_(detail.alerts).first).to_be_visible()
        if (response is None or response.status < 500) and detail.title.is_visible():
            return detail
        if login.title.is_visible():
            raise LoginExpired("登录已超时")
        raise ApplicationError(f"打开详情失败：{detail.alert_text() or 'HTTP 错误'}")

    def detail(self, detail_path: str, what: str) -> ApplicationDetailPage:
        return self.retrying(what, lambda: self.open_detail(detail_path))


def _new_tab(old: Page) -> Page:
    page = old.context.new_page()
    old.close()
    return page


def _short(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0][:200] if str(exc).strip() else type(exc).__name__
