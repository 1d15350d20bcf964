"""内部组织 → 部门成员: the unit's members and their grants; tick people, 授权管理."""

from __future__ import annotations

from playwright.sync_api import Locator, Page, expect

from pages.base import BasePage, data_rows, verb

from .authorization_dialog import AuthorizationDialog

#: The notice once 授权管理 has saved the grants of ``count`` members.
GRANTED = "已为{count}名人员完成授权"


class MembersPage(BasePage):
    path = "/mainList/organization/members"
    heading = menu_label = "部门成员"

    def __init__(self, page: Page, base_url: str) -> None:
        super().__init__(page, base_url)
        self.table = page.get_by_role("table").filter(has=page.get_by_role("columnheader", name="已授权系统"))
        self.authorize_button = page.get_by_role("button", name="授权管理")
        self.dialog = AuthorizationDialog(page)

    def row(self, name: str) -> Locator:
        return self.table.get_by_role("row").filter(has=self.page.get_by_role("cell", name=name, exact=True))

    def member_names(self) -> list[str]:
        header = [h.strip() for h in self.table.get_by_role("columnheader").all_inner_texts()]
        column = header.index("姓名") + 1
        return [cells[column - 1] for cells in data_rows(self.table).evaluate_all(
            "rows => rows.map(r => Array.from(r.cells, c => c.innerText.trim()))")]

    def name_by_mobile(self, shown_mobile: str) -> str:
        """姓名 of the member whose 手机号 cell shows ``shown_mobile`` (masked, e.g. 138****0014)."""
        row = self.table.get_by_role("row").filter(
            has=self.page.get_by_role("cell", name=shown_mobile, exact=True))
        expect(row).to_have_count(1)
        header = [h.strip() for h in self.table.get_by_role("columnheader").all_inner_texts()]
        return row.get_by_role("cell").nth(header.index("姓名")).inner_text().strip()

    def expect_granted(self, count: int) -> None:
        self.expect_notice(GRANTED.format(count=count))

    @verb("勾选人员")
    def tick(self, *names: str) -> None:
        for name in names:
            self.page.get_by_role("checkbox", name=f"选择 {name}", exact=True).check()

    @verb("点击“授权管理”")
    def open_authorization(self) -> AuthorizationDialog:
        self.authorize_button.click()
        return self.dialog

    def grants_of(self, name: str) -> tuple[list[str], list[str]]:
        """(已授权系统, 角色) as listed in the member's row."""
        header = [h.strip() for h in self.table.get_by_role("columnheader").all_inner_texts()]
        cells = [c.strip() for c in self.row(name).get_by_role("cell").all_inner_texts()]
        values = dict(zip(header, cells, strict=False))

        def split(text: str) -> list[str]:
            return [v for v in text.split("、") if v]

        return split(values.get("已授权系统", "")), split(values.get("角色", ""))
