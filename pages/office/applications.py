"""加入申请: pending applications to join, approved or rejected by an administrator."""

from __future__ import annotations

from playwright.sync_api import Locator, Page, expect

from pages.base import BasePage, verb


class JoinApplicationsPage(BasePage):
    path = "/mainList/organization/applications"
    heading = "加入申请"

    def __init__(self, page: Page, base_url: str) -> None:
        super().__init__(page, base_url)
        self.table = page.get_by_role("table", name="待审批的加入申请")
        self.empty_notice = page.get_by_text("暂无待审批的加入申请")

    def row(self, name: str, unit: str | None = None) -> Locator:
        rows = self.table.get_by_role("row").filter(has=self.page.get_by_role("cell", name=name, exact=True))
        return rows.filter(has_text=unit) if unit else rows

    def pending_names(self) -> list[str]:
        if self.empty_notice.is_visible():
            return []
        return [t.strip() for t in self.table.locator("tbody tr td:first-child").all_inner_texts()]

    @verb("通过加入申请")
    def approve(self, name: str, unit: str | None = None) -> None:
        row = self.row(name, unit)
        expect(row).to_have_count(1)
        row.get_by_role("button", name="通过", exact=True).click()

    @verb("驳回加入申请")
    def reject(self, name: str, reason: str, unit: str | None = None) -> None:
        row = self.row(name, unit)
        expect(row).to_have_count(1)
        row.get_by_role("button", name="驳回", exact=True).click()
        expect(self.page.get_by_role("heading", name="驳回申请", level=1)).to_be_visible()
        self.page.get_by_label("驳回原因", exact=True).fill(reason)
        self.page.get_by_role("button", name="确认驳回").click()
