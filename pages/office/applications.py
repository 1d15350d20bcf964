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
        # The 驳回申请 screen reached from a row's 驳回 button.
        self.reject_heading = page.get_by_role("heading", name="驳回申请", exact=True, level=1)
        self.reason = page.get_by_label("驳回原因", exact=True)
        self.confirm_reject_button = page.get_by_role("button", name="确认驳回", exact=True)

    def row(self, name: str, unit: str | None = None) -> Locator:
        rows = self.table.get_by_role("row").filter(has=self.page.get_by_role("cell", name=name, exact=True))
        return rows.filter(has_text=unit) if unit else rows

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
        self.confirm_rejection(reason)

    @verb("填写驳回原因，点击“确认驳回”")
    def confirm_rejection(self, reason: str) -> None:
        """On the 驳回申请 screen (also after an error there): give the reason and confirm."""
        expect(self.reject_heading).to_be_visible()
        self.reason.fill(reason)
        self.confirm_reject_button.click()
