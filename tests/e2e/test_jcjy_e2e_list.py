"""二 3（1）: 申请名单审核 — only the reviewer's own unit and stage, filters, pagination."""

from __future__ import annotations

import math
import re
from pathlib import Path

import allure
import pytest
from e2e_support import (
    GRADUATE_REVIEWER,
    GRADUATE_UNIT,
    UNDERGRADUATE_REVIEWER,
    UNDERGRADUATE_UNIT,
    documented,
    sign_in,
)
from jcjy_e2e_helpers import (
    expect_saved,
    own_sites,
)
from playwright.sync_api import Page, expect

from flows import steps
from harness.mock_control import MockControl
from pages.jcjy import PENDING, ApplicationListPage, StaffLoginPage

PAGE_SIZE = 20


@documented(steps.OPEN_APPLICATION)
@allure.title("名单只含本培养单位、本学段的申请（研究生审核人员与本科部审核人员各看各的）")
def test_list_shows_only_own_unit_and_stage(page: Page, mock_sites, signed_in) -> None:
    url = mock_sites.urls.jcjy_url
    graduate_list = signed_in(GRADUATE_REVIEWER)
    graduate = graduate_list.rows()
    assert graduate, "研究生审核人员的名单为空"
    assert {(r.unit, r.stage) for r in graduate} == {(GRADUATE_UNIT, "研究生")}
    assert graduate_list.page_info() == (1, 1, len(graduate))
    assert graduate_list.pending_count() == len(graduate)  # a fresh database: nothing decided
    assert graduate_list.stage_choices() == ["研究生"]

    # Asking for the other stage in the address is refused on the server, not just hidden.
    page.goto(f"{url}{ApplicationListPage.path}?stage=本专科")
    graduate_list.expect_error("学段无效，请从列表中选择")
    assert {r.stage for r in graduate_list.rows()} == {"研究生"}

    graduate_list.logout()
    undergraduate_list = signed_in(UNDERGRADUATE_REVIEWER)
    undergraduate = undergraduate_list.rows()
    assert undergraduate, "本科部审核人员的名单为空"
    assert {(r.unit, r.stage) for r in undergraduate} == {(UNDERGRADUATE_UNIT, "本专科")}
    assert undergraduate_list.stage_choices() == ["本专科"]
    assert not {r.student_no for r in graduate} & {r.student_no for r in undergraduate}


@documented(steps.OPEN_APPLICATION)
@allure.title("按姓名/学号、审核状态查询，重置后恢复全部")
def test_list_filters_by_keyword_and_status(reviewer_page: ApplicationListPage, mock_sites) -> None:
    review_list = reviewer_page
    everyone = review_list.rows()
    target = everyone[len(everyone) // 2]

    review_list.search(keyword=target.student_no)
    assert [r.student_no for r in review_list.rows()] == [target.student_no]

    review_list.search(keyword=target.name)
    by_name = review_list.rows()
    assert target.student_no in {r.student_no for r in by_name}
    assert all(target.name in r.name for r in by_name)

    review_list.search(keyword=target.student_no[-5:])  # part of a 学号 is enough
    assert target.student_no in {r.student_no for r in review_list.rows()}

    # Decide one application so that the three 审核状态 differ.
    review_list.search(keyword=target.student_no)
    detail = review_list.open_detail(target.student_no)
    detail.choose_result("通过")
    detail.confirm()
    expect_saved(review_list.page, target.name, "通过")
    review_list.open_from_menu()

    review_list.search(status="审核通过")
    assert [(r.student_no, r.status) for r in review_list.rows()] == [(target.student_no, "审核通过")]
    review_list.search(status="待审核")
    pending = review_list.rows()
    assert len(pending) == len(everyone) - 1
    assert {r.status for r in pending} == {PENDING} and target.student_no not in {
        r.student_no for r in pending
    }
    review_list.search(status="审核不通过")
    assert review_list.rows() == []
    expect(review_list.empty_notice).to_be_visible()

    review_list.reset()
    expect(review_list.keyword).to_have_value("")
    assert len(review_list.rows()) == len(everyone)
    assert review_list.pending_count() == len(everyone) - 1


@documented(steps.OPEN_APPLICATION)
@allure.title("超过20条时分页：逐页翻看，序号连续、不重不漏，查询条件随翻页保留")
def test_list_paginates_more_than_twenty(page: Page, tmp_path: Path) -> None:
    with own_sites(tmp_path, applications=200) as sites:
        review_list = sign_in(page, sites.jcjy_url, GRADUATE_REVIEWER, sites.config.demo_password)
        current, pages, total = review_list.page_info()
        assert total > PAGE_SIZE, f"计算所只有 {total} 条申请，无法检验分页"
        assert (current, pages) == (1, math.ceil(total / PAGE_SIZE))
        expect(review_list.previous_link).to_have_count(0)

        seen: list[str] = []
        numbers: list[int] = []
        for number in range(1, pages + 1):
            if number > 1:
                review_list.next_page()
            rows = review_list.rows()
            assert review_list.page_info() == (number, pages, total)
            assert len(rows) == (PAGE_SIZE if number < pages else total - PAGE_SIZE * (pages - 1))
            assert {(r.unit, r.stage) for r in rows} == {(GRADUATE_UNIT, "研究生")}
            seen += [r.student_no for r in rows]
            numbers += [r.number for r in rows]
        assert not review_list.has_next_page()
        expect(review_list.previous_link).to_be_visible()
        assert numbers == list(range(1, total + 1))
        assert len(set(seen)) == total

        review_list.search(status="待审核")
        assert review_list.page_info() == (1, pages, total)
        review_list.next_page()
        expect(review_list.page).to_have_url(re.compile(r"status=.*page=2|page=2.*status="))
        expect(review_list.status).to_have_value(PENDING)
        assert review_list.page_info() == (2, pages, total)


@documented(steps.OPEN_APPLICATION)
@allure.title("翻页时站点出错：立即说明站点的答复，不等候不会出现的名单；登录页本身出错也认作要求重新登录")
def test_a_failed_list_page_is_reported_at_once(page: Page, tmp_path: Path) -> None:
    with own_sites(tmp_path, applications=200) as sites:
        review_list = sign_in(page, sites.jcjy_url, GRADUATE_REVIEWER, sites.config.demo_password)
        assert review_list.has_next_page()
        control = MockControl(sites.jcjy_url)
        control.set_faults(error_rate=1.0)
        try:
            with pytest.raises(AssertionError, match="HTTP 500"):
                review_list.next_page()
            login = StaffLoginPage(page, sites.jcjy_url)
            assert not login.asks_to_log_in()  # an error page at the list's address
            page.goto(sites.jcjy_url + login.path)
            assert not login.title.is_visible() and login.asks_to_log_in()
        finally:
            control.set_faults(error_rate=0.0)
