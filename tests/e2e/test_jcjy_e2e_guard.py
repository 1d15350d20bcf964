"""What the site must refuse while reviewing: other units' and stages' applications, and a
second decision on an application already decided (two tabs)."""

from __future__ import annotations

import allure
import pytest
from e2e_support import OTHER_UNIT_REVIEWER, UNDERGRADUATE_REVIEWER, documented
from jcjy_e2e_helpers import expect_saved, open_first_pending
from playwright.sync_api import Browser, Page, expect

from flows import review, steps
from flows.models import ReviewDecision
from flows.runner import StepFailed, StepRunner
from pages.jcjy import (
    PASSED,
    PENDING,
    REJECTED,
    AccessDeniedPage,
    ApplicationDetailPage,
    ApplicationListPage,
)

NO_ACCESS = "您没有权限访问该页面或数据。"


def _expect_refused(page: Page, url: str, path: str) -> None:
    response = page.goto(url + path)
    assert response is not None and response.status == 403, path
    denied = AccessDeniedPage(page, url)
    denied.expect_loaded()
    assert NO_ACCESS in denied.alert_text()


@documented(steps.OPEN_APPLICATION)
@pytest.mark.parametrize("outsider", [
    pytest.param(OTHER_UNIT_REVIEWER, id="软件所研究生审核人员"),
    pytest.param(UNDERGRADUATE_REVIEWER, id="本科部本专科审核人员"),
])
@allure.title("其他培养单位、其他学段的审核人员打不开、也改不了计算所的申请（403 无权访问）")
def test_reviewer_cannot_reach_other_units_application(
    reviewer_page: ApplicationListPage, mock_sites, signed_in, browser: Browser,
    browser_context_args: dict, outsider: str,
) -> None:
    url = mock_sites.urls.jcjy_url
    detail = open_first_pending(reviewer_page)
    student_no, detail_path = detail.field("学号"), detail.page.url.removeprefix(url)
    preview = detail.preview_material(detail.material_titles()[0])
    material_path = preview.source()
    preview.close()
    detail.choose_result(PASSED)
    posted = detail.decision_fields()
    decide_url = detail.decision_url()

    context = browser.new_context(**browser_context_args)  # the outsider's own browser
    try:
        page = context.new_page()
        page.set_default_timeout(10_000)
        their_list = signed_in(outsider, on=page)
        their_list.search(keyword=student_no)
        assert their_list.rows() == []
        token = their_list.form_token()  # a valid form token of their own session

        _expect_refused(page, url, detail_path)
        _expect_refused(page, url, material_path)
        answer = page.request.post(decide_url, form={**posted, "csrf_token": token},
                                   max_redirects=0)
        assert answer.status == 403, f"HTTP {answer.status}"
    finally:
        context.close()

    detail.page.reload()  # as the reviewer of 计算所: nothing has changed
    detail.expect_loaded()
    assert detail.review_status() == PENDING
    assert detail.history_rows() == []
    assert mock_sites.jcjy.sms() == []


@documented(steps.CONFIRM_AND_NEXT)
@allure.title("同一申请在两个标签页重复提交：第二次提示“该申请已被审核…本次提交未保存”，以第一次为准")
def test_second_tab_cannot_decide_again(
    reviewer_page: ApplicationListPage, mock_sites, runner: StepRunner
) -> None:
    first_tab, url = reviewer_page.page, mock_sites.urls.jcjy_url
    first = open_first_pending(reviewer_page)
    application_url = first_tab.url
    second_tab = first_tab.context.new_page()
    second_tab.set_default_timeout(10_000)
    second_tab.goto(application_url)
    second = ApplicationDetailPage(second_tab, url)
    second.expect_loaded()
    facts = review.read_application(second)
    assert second.review_status() == PENDING

    first.choose_result(PASSED)
    first.confirm()
    expect_saved(first_tab, facts.name, "通过")

    with pytest.raises(StepFailed) as failure:
        review.decide_and_confirm(
            second_tab, second, facts, ReviewDecision(REJECTED, "材料不全"), runner
        )
    assert isinstance(failure.value.cause, review.ReviewNotSaved)
    assert "该申请已被审核（结果：审核通过），本次提交未保存" in str(failure.value.cause)
    second.expect_error("该申请已被审核（结果：审核通过），本次提交未保存")
    assert second.review_status() == "审核通过"
    # The refusal stays at the application's address: 刷新 shows the application again.
    expect(second_tab).to_have_url(application_url)
    second_tab.reload()
    second.expect_loaded()
    assert second.recorded_result() == "审核通过"
    history = second.history_rows()
    assert [row[2] for row in history] == ["审核通过"]
    assert mock_sites.jcjy.sms() == []  # the rejection of the second tab was never sent
