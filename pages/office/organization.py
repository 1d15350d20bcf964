"""组织管理 (/mainList/organization): the user's membership, and 加入组织."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from pages.base import BasePage, verb

#: The state line while the school administrator has still to approve a 管理员 application.
PENDING_ADMIN = "申请管理员，待学校管理员审批"


class OrganizationPage(BasePage):
    path = "/mainList/organization"
    heading = menu_label = "组织管理"

    def __init__(self, page: Page, base_url: str) -> None:
        super().__init__(page, base_url)
        self.join_button = page.get_by_role("button", name="加入组织", exact=True)
        self.details = page.get_by_role("table", name="组织信息")
        self.state = page.locator(".state-text")  # the membership's state line has no role or name

    @verb("点击“加入组织”")
    def start_join(self) -> None:
        self.join_button.click()

    def expect_state(self, text: str | re.Pattern[str]) -> None:
        """The membership's state line (已加入 / 待审批 … / 已驳回 …) says ``text``."""
        expect(self.state).to_contain_text(text)

    def membership(self) -> dict[str, str]:
        """The 组织信息 table as {row header: value}; empty when not a member."""
        if not self.details.count():
            return {}
        rows = self.details.get_by_role("row").all()
        return {
            row.get_by_role("rowheader").inner_text().strip(): row.get_by_role("cell").inner_text().strip()
            for row in rows
        }
