"""内部组织 → 部门成员: tick people, 授权管理, and the authorization dialog."""

from __future__ import annotations

from playwright.sync_api import Locator, Page, expect

from pages.base import BasePage, verb

SYSTEMS = ("基层就业系统", "全国学生资助管理信息系统", "国家助学贷款管理系统")
ROLES = ("研究生学院审核人员", "本专科学院审核人员")


class AuthorizationDialog:
    """The 授权管理 popup: systems and roles for the ticked members; 确定 / 取消."""

    def __init__(self, page: Page) -> None:
        self.dialog = page.get_by_role("dialog", name="授权管理")
        self.systems = self.dialog.get_by_role("group", name="系统")
        self.roles = self.dialog.get_by_role("group", name="角色")
        self.confirm_button = self.dialog.get_by_role("button", name="确定")
        self.cancel_button = self.dialog.get_by_role("button", name="取消")
        self.error = self.dialog.get_by_role("alert")

    def expect_open(self) -> None:
        expect(self.dialog).to_be_visible()

    @verb("勾选系统与角色")
    def tick(self, systems: list[str], roles: list[str]) -> None:
        """Set exactly these boxes (others are unticked), as the grants will be replaced.
        Each group's boxes are read once; only those in the wrong state are clicked."""
        for group, labels, wanted in ((self.systems, SYSTEMS, systems), (self.roles, ROLES, roles)):
            shown = dict(group.get_by_role("checkbox").evaluate_all(
                "boxes => boxes.map(b => [b.labels.length ? b.labels[0].innerText.trim() : '',"
                " b.checked])"
            ))
            for label in labels:
                if shown.get(label) != (label in wanted):  # a missing box fails in set_checked
                    group.get_by_label(label, exact=True).set_checked(label in wanted)

    @verb("点击“确定”")
    def confirm(self) -> None:
        self.confirm_button.click()

    @verb("点击“取消”")
    def cancel(self) -> None:
        self.cancel_button.click()
        expect(self.dialog).to_be_hidden()


class MembersPage(BasePage):
    path = "/mainList/organization/members"
    heading = "部门成员"

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
        return [t.strip() for t in self.table.locator(f"tbody tr td:nth-child({column})").all_inner_texts()]

    def name_by_mobile(self, shown_mobile: str) -> str:
        """姓名 of the member whose 手机号 cell shows ``shown_mobile`` (masked, e.g. 138****0014)."""
        row = self.table.get_by_role("row").filter(
            has=self.page.get_by_role("cell", name=shown_mobile, exact=True))
        expect(row).to_have_count(1)
        header = [h.strip() for h in self.table.get_by_role("columnheader").all_inner_texts()]
        return row.get_by_role("cell").nth(header.index("姓名")).inner_text().strip()

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
