"""二 1–2: 点击工作人员登录, sign in with the office account; who is let in and who is not."""

from __future__ import annotations

import re

import allure
import pytest
from e2e_support import GRADUATE_REVIEWER, GRADUATE_UNIT, UNGRANTED_MEMBER, documented
from playwright.sync_api import Page, expect

from flows import steps
from flows.review import staff_login
from flows.runner import StepRunner
from pages.jcjy import ApplicationListPage, LoginHomePage, StaffLoginPage

NO_GRANT = re.compile(r"您尚未获得基层就业系统审核权限.*“内部组织-部门成员”中授权")
WRONG_CREDENTIALS = "账号或密码错误"


@documented(steps.STAFF_LOGIN)
@allure.title("登录首页→工作人员登录→已授权的审核人员进入“申请名单审核”")
def test_staff_login_from_home_lands_on_review_list(
    page: Page, mock_sites, runner: StepRunner
) -> None:
    home = LoginHomePage(page, mock_sites.urls.jcjy_url).open()
    expect(home.staff_login_link).to_be_visible()
    expect(home.student_login_link).to_be_visible()

    review_list = staff_login(
        page, mock_sites.urls.jcjy_url, mock_sites.credentials(GRADUATE_REVIEWER), runner
    )

    review_list.expect_loaded()
    expect(page).to_have_url(re.compile(r"/review/applications$"))
    assert [r.step for r in runner.records] == [steps.CLICK_STAFF_LOGIN, steps.STAFF_LOGIN]
    assert all(r.ok for r in runner.records)
    user = review_list.current_user()
    assert GRADUATE_UNIT in user and "研究生学院审核人员" in user
    assert review_list.pending_count() > 0


@documented(steps.STAFF_LOGIN)
@pytest.mark.parametrize(
    ("account", "password", "refusal"),
    [
        pytest.param(UNGRANTED_MEMBER, None, NO_GRANT, id="未授权"),
        pytest.param(GRADUATE_REVIEWER, "Wrong2024xyz", WRONG_CREDENTIALS, id="密码错误"),
    ],
)
@allure.title("登录被拒：未授权的部门成员、密码错误（停留在工作人员登录）")
def test_staff_login_refused(
    page: Page, mock_sites, account: str, password: str | None, refusal: str | re.Pattern[str]
) -> None:
    login = LoginHomePage(page, mock_sites.urls.jcjy_url).open()
    staff = login.choose_staff_login()

    with page.expect_navigation():
        staff.login(account, password or mock_sites.config.demo_password)

    staff.expect_loaded()
    expect(staff.alerts.filter(has_text=refusal)).to_be_visible()
    assert re.search(refusal, staff.alert_text()) if isinstance(refusal, re.Pattern) else (
        refusal in staff.alert_text()
    )
    assert not staff.session_expired()
    expect(ApplicationListPage(page, mock_sites.urls.jcjy_url).menu_link).to_have_count(0)
    # Still refused when the list is asked for directly: nobody is signed in.
    page.goto(mock_sites.urls.jcjy_url + ApplicationListPage.path)
    StaffLoginPage(page, mock_sites.urls.jcjy_url).expect_loaded()
    expect(page.get_by_role("status").filter(has_text="请先登录")).to_be_visible()
