"""Retries of the bulk run: after a login that timed out (said, or the login screen shown where
other work was expected) the reviewer logs in again; other failures wait; within bounds."""

from __future__ import annotations

import pytest

from bulk_review import site
from bulk_review.site import ATTEMPTS, BROWSER_USES, TAB_USES, SiteSession
from flows.errors import ApplicationError, LoginExpired


class Reviewer:
    jcjy_url = "http://jcjy.test"

    def __init__(self, failures: int = 0) -> None:
        self.logins = 0
        self.failures = failures  # logins that fail first (a 5xx meanwhile)

    def log_in(self, page: object) -> None:
        self.logins += 1
        if self.failures:
            self.failures -= 1
            raise ApplicationError("HTTP 500")


def session(reviewer: Reviewer, login_shown: list[bool], slept: list[float]) -> SiteSession:
    s = SiteSession(page=None, reviewer=reviewer, sleep=slept.append)  # type: ignore[arg-type]
    s._asks_to_log_in = lambda: login_shown.pop(0) if login_shown else False  # type: ignore[method-assign]
    return s


def failing(*errors: BaseException):
    left = list(errors)

    def work() -> str:
        if left:
            raise left.pop(0)
        return "done"

    return work


def test_the_login_screen_where_a_list_was_expected_means_log_in_again():
    reviewer, slept = Reviewer(), []
    s = session(reviewer, [True], slept)
    assert s.retrying("读取申请名单", failing(AssertionError("Locator expected to be visible"))) == "done"
    assert reviewer.logins == 1 and slept == [] and s.retries == 1


def test_an_expired_login_said_so_is_renewed_a_server_error_waits():
    reviewer, slept = Reviewer(), []
    s = session(reviewer, [], slept)
    assert s.retrying("打开详情", failing(LoginExpired("登录已超时"), ApplicationError("HTTP 500"))) == "done"
    assert reviewer.logins == 1 and slept == [1.0]  # the second try's backoff


def test_a_login_that_fails_meanwhile_waits_and_is_found_out_again():
    reviewer, slept = Reviewer(failures=1), []
    s = session(reviewer, [True, True], slept)
    work = failing(AssertionError("x"), AssertionError("x"))
    assert s.retrying("读取申请名单", work) == "done"
    assert reviewer.logins == 2 and len(slept) == 1


def test_bounded_then_reported_naming_the_work():
    reviewer, slept = Reviewer(), []
    s = session(reviewer, [], slept)
    with pytest.raises(ApplicationError, match="读取申请名单失败（已重试 3 次）：HTTP 500"):
        s.retrying("读取申请名单", failing(*[ApplicationError("HTTP 500")] * ATTEMPTS))
    assert len(slept) == ATTEMPTS - 1


def test_logging_in_itself_is_not_renewed():
    reviewer, slept = Reviewer(), []
    s = session(reviewer, [True, True, True], slept)
    assert s.retrying("工作人员登录", failing(AssertionError("验证码")), renew_login=False) == "done"
    assert reviewer.logins == 0 and len(slept) == 1


def test_a_long_run_takes_a_new_tab_now_and_then_and_a_new_browser_less_often(monkeypatch):
    tabs: list[object] = []
    browsers: list[object] = []

    def new_tab(old: object) -> object:
        tabs.append(old)
        return f"tab {len(tabs)}"

    def fresh_browser(old: object) -> object:
        browsers.append(old)
        return f"browser {len(browsers)}"

    monkeypatch.setattr(site, "_new_tab", new_tab)
    s = SiteSession(page="page 0", reviewer=Reviewer(), fresh_browser=fresh_browser)  # type: ignore[arg-type]
    for _ in range(BROWSER_USES):  # nothing is replaced after the last application
        s.next_application()
    assert len(tabs) == BROWSER_USES // TAB_USES - 1 and browsers == []
    s.next_application()
    assert browsers == [f"tab {len(tabs)}"] and s.page == "browser 1"
    for _ in range(TAB_USES):
        s.next_application()
    assert tabs[-1] == "browser 1" and s.page == f"tab {len(tabs)}"


def test_without_a_fresh_browser_only_tabs_are_renewed(monkeypatch):
    tabs: list[object] = []
    monkeypatch.setattr(site, "_new_tab", lambda old: tabs.append(old) or f"tab {len(tabs)}")
    s = SiteSession(page="page 0", reviewer=Reviewer())  # type: ignore[arg-type]
    for _ in range(BROWSER_USES + 1):
        s.next_application()
    assert len(tabs) == BROWSER_USES // TAB_USES
