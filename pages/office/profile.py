"""填写个人信息: 姓名, 身份证号, 职务, 办公电话, 邮箱 → 确认."""

from __future__ import annotations

from playwright.sync_api import Page

from pages.base import BasePage, verb
from pages.secrets import fill_secret


class ProfilePage(BasePage):
    path = "/profile"
    heading = "填写个人信息"
    menu_label = "个人信息"

    def __init__(self, page: Page, base_url: str) -> None:
        super().__init__(page, base_url)
        self.name = page.get_by_label("姓名", exact=True)
        self.id_number = page.get_by_label("身份证号", exact=True)
        self.position = page.get_by_label("职务", exact=True)
        self.office_phone = page.get_by_label("办公电话", exact=True)
        self.email = page.get_by_label("邮箱", exact=True)
        self.confirm_button = page.get_by_role("button", name="确认", exact=True)

    @verb("填写个人信息")
    def fill_personal_info(
        self, name: str, id_number: str, position: str, office_phone: str, email: str
    ) -> None:
        self.name.fill(name)
        fill_secret(self.id_number, id_number)
        self.position.fill(position)
        self.office_phone.fill(office_phone)
        self.email.fill(email)

    @verb("点击“确认”")
    def confirm(self) -> None:
        self.confirm_button.click()
