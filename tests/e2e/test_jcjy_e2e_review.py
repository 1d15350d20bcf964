"""二 3（3）–3（4）: 审核结果选择, 备注, 确定 → the next student; the last one; refusals."""

from __future__ import annotations

import re
from pathlib import Path

import allure
import pytest
from e2e_support import GRADUATE_REVIEWER, documented, sign_in
from jcjy_e2e_helpers import (
    expect_saved,
    open_first_pending,
    open_pending_application,
    own_sites,
)
from playwright.sync_api import Page, Request, expect

from flows import review, steps
from flows.models import ReviewDecision
from flows.runner import StepFailed, StepRunner
from pages.jcjy import (
    ALL_DONE,
    PASSED,
    PENDING,
    ApplicationDetailPage,
    ApplicationListPage,
    saved_notice,
)

REMARK_REQUIRED = "审核结果为不通过时，请在备注中写明不通过的原因"
NO_MARKUP = "备注不能包含HTML标签或脚本，请只填写文字"


@documented(steps.CONFIRM_AND_NEXT)
@allure.title("审核通过后点击确定，进入下一位待审学生并提示已保存")
def test_approve_opens_next_student(
    reviewer_page: ApplicationListPage, mock_sites, runner: StepRunner
) -> None:
    page, url = reviewer_page.page, mock_sites.urls.jcjy_url
    detail, decided_url, facts = open_pending_application(page, url, runner)

    outcome = review.decide_and_confirm(page, detail, facts, ReviewDecision(PASSED), runner)

    assert saved_notice(facts.name, PASSED) + "。" in outcome.message
    following = ApplicationDetailPage(page, url)
    following.expect_loaded()
    assert page.url != decided_url
    assert following.field("学号") != facts.student_no
    assert following.review_status() == PENDING
    expect_saved(page, facts.name, "通过")
    assert mock_sites.jcjy.sms() == []  # only a rejection is sent to the student

    page.goto(decided_url)
    assert detail.review_status() == "审核通过"
    assert detail.recorded_result() == "审核通过"
    history = detail.history_rows()
    assert len(history) == 1 and history[0][2:] == ["审核通过", "无"]
    expect(detail.confirm_button).to_have_count(0)  # a decided application has no form


@documented(steps.CHOOSE_RESULT)
@allure.title("不通过：备注含HTML/脚本被拒；写明原因后保存，并短信通知学生")
def test_reject_with_reason_sends_sms(reviewer_page: ApplicationListPage, mock_sites) -> None:
    page = reviewer_page.page
    detail = open_first_pending(reviewer_page)
    name, student_no = detail.field("姓名"), detail.field("学号")
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))

    markup = "<script>alert('x')</script>就业单位不属于基层单位"
    detail.choose_result("不通过")
    detail.write_remark(markup)
    with page.expect_navigation():
        detail.confirm()
    detail.expect_loaded()
    detail.expect_error(NO_MARKUP)
    assert any(NO_MARKUP in m for m in detail.remark_messages())
    expect(detail.remark).to_have_value(markup)  # shown back as text, never run
    assert dialogs == []
    assert detail.review_status() == PENDING and detail.history_rows() == []
    assert mock_sites.jcjy.sms() == []

    reason = "就业单位所在地不属于中西部地区和艰苦边远地区"
    detail.choose_result("不通过")
    detail.write_remark(reason)
    detail.confirm()
    expect_saved(page, name, "不通过")
    expect(page.get_by_role("status").filter(has_text="已发送短信通知学生")).to_be_visible()

    messages = [m["text"] for m in mock_sites.jcjy.sms()]
    assert len(messages) == 1
    assert name in messages[0] and reason in messages[0] and "未通过院系审核" in messages[0]
    reviewer_page.open_from_menu()
    reviewer_page.search(keyword=student_no)
    assert [r.status for r in reviewer_page.rows()] == ["审核不通过"]


@documented(steps.CHOOSE_RESULT)
@allure.title("不通过但未写备注：浏览器拦下提交；绕过浏览器直接提交也被服务器拒绝，未保存")
def test_reject_without_remark_refused_in_browser_and_on_server(
    reviewer_page: ApplicationListPage, mock_sites
) -> None:
    page = reviewer_page.page
    pending_before = reviewer_page.pending_count()
    detail = open_first_pending(reviewer_page)
    detail_url = page.url
    posts: list[str] = []

    def remember_post(request: Request) -> None:
        if request.method == "POST":
            posts.append(request.url)

    page.on("request", remember_post)

    detail.choose_result("不通过")
    detail.confirm()
    assert detail.remark_blocked_by_browser()
    assert detail.remark_validation_message() == REMARK_REQUIRED
    expect(page).to_have_url(detail_url)
    assert detail.review_status() == PENDING
    assert posts == [], "浏览器不应提交缺少备注的表单"

    with page.expect_navigation():
        detail.confirm_without_browser_checks()
    assert len(posts) == 1 and posts[0].endswith("/decide")
    detail.expect_loaded()
    detail.expect_error("请修改以下标红的项目后重新提交。")
    expect(page).to_have_url(detail_url)
    assert any(REMARK_REQUIRED in m for m in detail.remark_messages())
    assert detail.review_status() == PENDING and detail.history_rows() == []
    assert mock_sites.jcjy.sms() == []
    assert reviewer_page.open_from_menu().pending_count() == pending_before


@documented(steps.CONFIRM_AND_NEXT)
@allure.title("审核最后一份待审核申请后提示“所有申请均已审核完毕”")
def test_last_pending_application_says_all_done(
    page: Page, tmp_path: Path, runner: StepRunner
) -> None:
    # A small database: the graduate reviewer's unit has only a couple of applications.
    with own_sites(tmp_path, applications=6) as sites:
        url = sites.jcjy_url
        review_list = sign_in(page, url, GRADUATE_REVIEWER, sites.config.demo_password)
        pending = review_list.pending_count()
        assert 1 <= pending <= 3, f"待审核 {pending} 条，不是一个小单位"

        detail = review.open_application(page, url, None, runner)
        outcomes = []
        for _ in range(pending):
            facts = review.read_application(detail)
            outcomes.append(review.decide_and_confirm(
                page, detail, facts, ReviewDecision(PASSED), runner))
            if ALL_DONE in outcomes[-1].message:
                break
            detail = ApplicationDetailPage(page, url)
            detail.expect_loaded()

        assert len(outcomes) == pending
        assert all(ALL_DONE not in o.message for o in outcomes[:-1])
        last = outcomes[-1]
        assert ALL_DONE in last.message and saved_notice(last.name, PASSED) in last.message
        review_list.expect_loaded()
        expect(page).to_have_url(re.compile(r"/review/applications$"))
        assert review_list.pending_count() == 0
        review_list.search(status=PENDING)
        assert review_list.rows() == []
        # The flow looks at the list, then asks for 待审核 ones, and says there are none.
        with pytest.raises(StepFailed, match="没有待审核的申请"):
            review.open_application(page, url, None, runner)
        expect(review_list.status).to_have_value(PENDING)
