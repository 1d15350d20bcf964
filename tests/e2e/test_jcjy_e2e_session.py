"""The login times out while an application is open: 确定 lands on 工作人员登录 and nothing is
saved. The review flow logs in again once, comes back and saves the decision exactly once."""

from __future__ import annotations

from urllib.parse import urlsplit

import allure
import pytest
from e2e_support import GRADUATE_REVIEWER, documented
from jcjy_e2e_helpers import open_pending_application
from playwright.sync_api import Route

from flows import review, steps
from flows.models import ReviewDecision
from flows.runner import StepFailed, StepRunner
from pages.jcjy import (
    PENDING,
    REJECTED,
    ApplicationDetailPage,
    ApplicationListPage,
    StaffLoginPage,
    saved_notice,
)

NORMAL_LIFETIME_S = 8 * 3600
REASON = "服务期限不足三年，不符合基层就业学费补偿条件"


def _is_staff_login(url: str) -> bool:
    return urlsplit(url).path == "/staff/login"


@documented(steps.CONFIRM_AND_NEXT)
@allure.title("审核中登录超时：确定后回到工作人员登录，流程重新登录、回到同一申请、只保存一次")
def test_review_recovers_from_expired_login(
    reviewer_page: ApplicationListPage, mock_sites, runner: StepRunner
) -> None:
    page, url = reviewer_page.page, mock_sites.urls.jcjy_url
    detail, application_url, facts = open_pending_application(page, url, runner)
    runner.records.clear()

    logins: list[str] = []

    def fresh_login(route: Route) -> None:
        # The reviewer's new login gets a normal lifetime (set before the site starts it).
        if route.request.method == "POST":
            logins.append(route.request.url)
            mock_sites.jcjy.set_faults(session_lifetime_s=NORMAL_LIFETIME_S)
        route.continue_()

    page.route(_is_staff_login, fresh_login)
    mock_sites.jcjy.set_faults(session_lifetime_s=0)  # the open form's login is now too old

    outcome = review.decide_and_confirm(
        page, detail, facts, ReviewDecision(REJECTED, REASON), runner,
        creds=mock_sites.credentials(GRADUATE_REVIEWER),
    )

    assert len(logins) == 1
    assert saved_notice(facts.name, REJECTED) in outcome.message
    assert [r.step for r in runner.records] == [
        steps.CHOOSE_RESULT, steps.CONFIRM_AND_NEXT,  # 确定 → 登录已超时
        steps.STAFF_LOGIN, steps.OPEN_APPLICATION,  # back to the same application, 待审核
        steps.CHOOSE_RESULT, steps.CONFIRM_AND_NEXT,  # saved
    ]
    assert all(r.ok for r in runner.records)
    page.unroute(_is_staff_login)

    page.goto(application_url)
    detail.expect_loaded()
    assert detail.review_status() == "审核不通过"
    history = detail.history_rows()
    assert len(history) == 1 and history[0][2:] == ["审核不通过", REASON]
    texts = [m["text"] for m in mock_sites.jcjy.sms()]
    assert len(texts) == 1 and facts.name in texts[0] and REASON in texts[0]


@documented(steps.CONFIRM_AND_NEXT)
@allure.title("重新登录后再次超时：流程只重试一次，给出中文错误，审核结果未保存")
def test_review_gives_up_when_login_expires_again(
    reviewer_page: ApplicationListPage, mock_sites, runner: StepRunner
) -> None:
    page, url = reviewer_page.page, mock_sites.urls.jcjy_url
    detail, application_url, facts = open_pending_application(page, url, runner)
    mock_sites.jcjy.set_faults(session_lifetime_s=0)  # every login times out at once

    with pytest.raises(StepFailed) as failure:
        review.decide_and_confirm(
            page, detail, facts, ReviewDecision(REJECTED, REASON), runner,
            creds=mock_sites.credentials(GRADUATE_REVIEWER),
        )

    cause = failure.value.cause
    assert isinstance(cause, review.ReviewSessionExpired)
    assert "重新登录后登录再次超时" in str(cause) and "审核结果未保存" in str(cause)
    assert facts.student_no in str(cause)
    assert failure.value.step == steps.STAFF_LOGIN
    login = StaffLoginPage(page, url)
    assert login.session_expired()

    mock_sites.jcjy.set_faults(session_lifetime_s=NORMAL_LIFETIME_S)
    login.login(GRADUATE_REVIEWER, mock_sites.config.demo_password)
    checked = ApplicationDetailPage(page, url)  # the login page returns to the application
    checked.expect_loaded()
    assert page.url == application_url
    assert checked.review_status() == PENDING
    assert checked.history_rows() == []
    assert mock_sites.jcjy.sms() == []
