"""加入申请: pending applications to join, approved or rejected by an administrator."""

from __future__ import annotations

from playwright.sync_api import Locator, Page, expect

from pages.base import BasePage, verb

#: The notice once an administrator has approved ``name``'s application.
APPROVED = "已通过{name}的加入申请"


class JoinApplicationsPage(BasePage):
    path = "/mainList/organization/applications"
    heading = menu_label = "加入申请"

    def __init__(self, page: Page, base_url: str) -> None:
        super().__init__(page, base_url)
        self.table = page.get_by_role("table", name="待审批的加入申请")

    def row(self, name: str, unit: str | None = None) -> Locator:
        rows = self.table.get_by_role("row").filter(has=self.page.get_by_role("cell", name=name, exact=True))
        return rows.filter(has_text=unit) if unit else rows

    @verb("通过加入申请")
    def approve(self, name: str, unit: str | None = None) -> None:
        row = self.row(name, unit)
        expect(row).to_have_count(1)
        row.get_by_role("button", name="通过", exact=True).click()

    def expect_approved(self, name: str) -> None:
        self.expect_notice(APPROVED.format(name=name))

    @verb("驳回加入申请")
    def reject(self, name: str, reason: str, unit: str | None = None) -> RejectApplicationPage:
        """驳回 in ``name``'s row, then the reason on the 驳回申请 screen."""
        row = self.row(name, unit)
        expect(row).to_have_count(1)
        row.get_by_role("button", name="驳回", exact=True).click()
        rejection = RejectApplicationPage(self.page, self.base_url)
        rejection.confirm(reason)
        return rejection


class RejectApplicationPage(BasePage):
    """驳回申请: the reason for turning an application down (reached by a row's 驳回)."""

    heading = "驳回申请"

    def __init__(self, page: Page, base_url: str) -> None:
        super().__init__(page, base_url)
        self.reason = page.get_by_label("驳回原因", exact=True)
        self.confirm_button = page.get_by_role("button", name="确认驳回", exact=True)

    @verb("填写驳回原因，点击“确认驳回”")
    def confirm(self, reason: str) -> None:
        """Give the reason and confirm (also after an error on this screen)."""
        self.expect_loaded()
        self.reason.fill(reason)
        self.confirm_button.click()
