"""The 授权管理 dialog of 部门成员: the systems and roles to grant the ticked members."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from pages.base import verb

#: The 基层就业系统 grant the procedure document asks for, and the boxes the dialog offers.
JCJY_SYSTEM = "基层就业系统"
SYSTEMS = (JCJY_SYSTEM, "全国学生资助管理信息系统", "国家助学贷款管理系统")
GRADUATE_ROLE = "研究生学院审核人员"
UNDERGRADUATE_ROLE = "本专科学院审核人员"  # 本科部
ROLES = (GRADUATE_ROLE, UNDERGRADUATE_ROLE)


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
