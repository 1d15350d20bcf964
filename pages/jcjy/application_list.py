"""申请名单审核: the reviewer's list of applications with filters, pagination and 详情."""

from __future__ import annotations

import re
from dataclasses import dataclass

from playwright.sync_api import Locator, Page, expect

from pages.base import BasePage, data_rows, verb

from .application_detail import ApplicationDetailPage
from .staff_login import StaffLoginPage

#: 审核状态 of an application nobody has decided yet.
PENDING = "待审核"
#: The notice once the last 待审核 application has been decided.
ALL_DONE = "所有申请均已审核完毕，暂无待审核的申请"
PAGE_INFO = re.compile(r"第\s*(\d+)/(\d+)\s*页，共\s*(\d+)\s*条")


@dataclass(frozen=True)
class ApplicationRow:
    """One row of the list as the reviewer reads it."""

    number: int
    application_no: str  # 申请编号
    name: str
    student_no: str
    unit: str
    stage: str
    employer: str
    location: str
    application_type: str
    claimed_total: str
    system_result: str
    status: str
    submitted_at: str  # 提交时间 (changes when the student 重新提交)


class ApplicationListPage(BasePage):
    path = "/review/applications"
    heading = "申请名单审核"

    def __init__(self, page: Page, base_url: str) -> None:
        super().__init__(page, base_url)
        self.menu_link = page.get_by_role("navigation", name="主菜单").get_by_role(
            "link", name="申请名单审核"
        )
        filters = page.get_by_role("search", name="查询条件")
        self.keyword = filters.get_by_label("姓名/学号")
        self.stage = filters.get_by_label("学段")
        self.status = filters.get_by_label("审核状态")
        self.search_button = filters.get_by_role("button", name="查询")
        self.reset_button = filters.get_by_role("button", name="重置")
        self.table = page.get_by_role("table").filter(has=page.get_by_role("columnheader", name="系统判断结果"))
        self.body_rows = data_rows(self.table)
        self.pager = page.get_by_role("navigation", name="分页")
        self.next_link = self.pager.get_by_role("link", name="下一页")
        self.previous_link = self.pager.get_by_role("link", name="上一页")
        self.pending = page.locator("#pending-count")  # the number has no label of its own
        self.empty_notice = page.get_by_text("暂无符合条件的申请")
        self.all_done = page.get_by_role("status").filter(has_text=ALL_DONE)
        self.user_block = page.get_by_role("group", name="当前用户")
        self.logout_button = page.get_by_role("button", name="退出登录")
        # The form token is a hidden input: no role, no label.
        self.token_field = page.locator("input[type=hidden][name=csrf_token]").first

    @verb("点击“申请名单审核”")
    def open_from_menu(self) -> ApplicationListPage:
        self.menu_link.click()
        self.expect_loaded()
        return self

    @verb("按条件查询申请名单")
    def search(self, keyword: str = "", stage: str = "全部", status: str = "全部") -> None:
        self.keyword.fill(keyword)
        self.stage.select_option(label=stage)
        self.status.select_option(label=status)
        with self.page.expect_navigation():
            self.search_button.click()
        self.expect_arrived()

    @verb("重置查询条件")
    def reset(self) -> None:
        with self.page.expect_navigation():
            self.reset_button.click()
        self.expect_arrived()

    def rows(self) -> list[ApplicationRow]:
        """The rows on the current page (empty when the list says 暂无符合条件的申请)."""
        expect(self.table).to_be_visible()
        if self.empty_notice.is_visible():
            return []
        result = []
        for cells in self.body_rows.evaluate_all(
            "rows => rows.map(r => Array.from(r.cells, c => c.innerText.trim()))"
        ):
            result.append(ApplicationRow(int(cells[0]), *cells[1:13]))
        return result

    def first_pending(self) -> str | None:
        """学号 of the first 待审核 row on the current page (None when it shows none)."""
        return next((r.student_no for r in self.rows() if r.status == PENDING), None)

    def pending_count(self) -> int:
        return int(self.pending.inner_text())

    def page_info(self) -> tuple[int, int, int]:
        """(current page, pages, total rows) from "第 X/Y 页，共 N 条"."""
        match = PAGE_INFO.search(self.pager.inner_text())
        if not match:
            raise AssertionError(f"找不到分页信息：{self.pager.inner_text()!r}")
        return int(match[1]), int(match[2]), int(match[3])

    def has_next_page(self) -> bool:
        return self.next_link.count() > 0

    def next_page_path(self) -> str | None:
        """Where 下一页 leads (None on the last page)."""
        return self.next_link.get_attribute("href") if self.has_next_page() else None

    @verb("翻到下一页")
    def next_page(self) -> None:
        with self.page.expect_navigation():
            self.next_link.click()
        self.expect_arrived()

    def expect_arrived(self) -> None:
        """After a document load: the list (rendered by the server, so whole once loaded), else
        at once an AssertionError saying what came instead (an error page, the login screen)."""
        if not self.title.is_visible():
            raise AssertionError(f"未显示“{self.heading}”：{self.alert_text() or self.page.title()}")

    def stage_choices(self) -> list[str]:
        """Labels offered by the 学段 filter (besides 全部): the reviewer's own stages."""
        labels = [t.strip() for t in self.stage.get_by_role("option").all_inner_texts()]
        return [label for label in labels if label != "全部"]

    def current_user(self) -> str:
        """Name, 培养单位 and role shown in the top bar."""
        return " ".join(self.user_block.inner_text().split())

    def current_unit(self) -> str:
        """培养单位 shown in the top bar ('' for an account without one)."""
        unit = self.user_block.locator(".user-unit")  # a plain span: no role or name of its own
        return unit.inner_text().strip() if unit.count() else ""

    def form_token(self) -> str:
        """The session's form token (what a submitted form carries besides its fields)."""
        return self.token_field.input_value()

    def detail_path(self, student_no: str) -> str:
        """Path of the 详情 link of ``student_no`` (as a bookmark would keep it)."""
        href = self.row_for(student_no).get_by_role("link", name="详情").get_attribute("href")
        if not href:
            raise AssertionError(f"学号 {student_no} 没有“详情”链接")
        return href

    @verb("退出登录")
    def logout(self) -> StaffLoginPage:
        self.logout_button.click()
        login = StaffLoginPage(self.page, self.base_url)
        login.expect_loaded()
        return login

    def detail_paths(self) -> dict[str, str]:
        """{申请编号: path of its 详情 link} for every row on the current page, in one read."""
        pairs = self.body_rows.get_by_role("link", name="详情").evaluate_all(
            "links => links.map(a => [a.closest('tr').cells[1].innerText.trim(),"
            " a.getAttribute('href')])"
        )
        return dict(pairs)

    def row_for(self, student_no: str) -> Locator:
        return self.body_rows.filter(has=self.page.get_by_role("cell", name=student_no, exact=True))

    @verb("在学生名单右侧点击“详情”")
    def open_detail(self, student_no: str) -> ApplicationDetailPage:
        self.row_for(student_no).get_by_role("link", name="详情").click()
        detail = ApplicationDetailPage(self.page, self.base_url)
        detail.expect_loaded()
        return detail
