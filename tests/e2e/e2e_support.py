"""Helpers for the end-to-end tests (a module, not a conftest, so tests can import it)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import allure
from playwright.sync_api import Page, Playwright, StorageStateCookie

from benchmarks.scrape import form_token
from flows.steps import Step
from mock_sites import demo
from pages.jcjy import ApplicationListPage, StaffLoginPage

F = TypeVar("F", bound=Callable[..., object])

# The seeded accounts every end-to-end test can log in as (mock_sites/demo.py).
INVITE_CODE = demo.demo_invite_code()  # 邀请码 for 学生资助 · 中国科学院大学
SCHOOL_ADMIN = demo.SCHOOL_ADMIN_ACCOUNT
GRADUATE_REVIEWER = demo.GRADUATE_REVIEWER_ACCOUNT  # 计算所, 研究生学院审核人员
UNDERGRADUATE_REVIEWER = demo.UNDERGRADUATE_REVIEWER_ACCOUNT  # 本科部, 本专科学院审核人员
OTHER_UNIT_REVIEWER = demo.OTHER_UNIT_REVIEWER_ACCOUNT  # 软件所, 研究生学院审核人员
UNGRANTED_MEMBER = demo.UNGRANTED_MEMBER_ACCOUNT  # 计算所 member without any grant
GRADUATE_UNIT = demo.graduate_unit_name()
UNDERGRADUATE_UNIT = demo.undergraduate_unit_name()
#: The reviewers whose login is stored once per worker (the tests of logging in use the form).
REVIEWERS = (GRADUATE_REVIEWER, UNDERGRADUATE_REVIEWER, OTHER_UNIT_REVIEWER)


def sign_in(page: Page, jcjy_url: str, account: str, password: str) -> ApplicationListPage:
    """工作人员登录 (typing the address unless it is shown) → 申请名单审核."""
    login = StaffLoginPage(page, jcjy_url)
    if not login.title.is_visible():
        login.open()
    login.login(account, password)
    review_list = ApplicationListPage(page, jcjy_url)
    review_list.expect_loaded()
    return review_list


def stored_login(
    playwright: Playwright, jcjy_url: str, account: str, password: str
) -> list[StorageStateCookie]:
    """The session cookies of ``account`` logged in through 工作人员登录's form, posted with
    Playwright's API request context (no page: how Playwright's docs log in once for many tests)."""
    request = playwright.request.new_context(base_url=jcjy_url)
    try:
        form = request.get(StaffLoginPage.path)
        answer = request.post(StaffLoginPage.path, form={
            "csrf_token": form_token(form.text()), "account": account, "password": password,
            "next": ApplicationListPage.path,
        })
        if not (answer.ok and answer.url.endswith(ApplicationListPage.path)):
            raise AssertionError(f"{account} 登录未成功：HTTP {answer.status}，到达 {answer.url}")
        return request.storage_state()["cookies"]
    finally:
        request.dispose()


def documented(step: Step) -> Callable[[F], F]:
    """Label a test with the procedure document's section, part and step (Allure epic / feature /
    story)."""

    def decorate(test: F) -> F:
        for label in (allure.epic(step.section), allure.feature(step.part), allure.story(step.label)):
            test = label(test)
        return test

    return decorate
