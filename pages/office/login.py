"""用户登录 of 全国学生资助办公系统."""

from __future__ import annotations

from playwright.sync_api import Page

from pages.base import BasePage, verb
from pages.login_form import LoginForm


class OfficeLoginPage(BasePage):
    path = "/login"
    heading = "用户登录"

    def __init__(self, page: Page, base_url: str) -> None:
        super().__init__(page, base_url)
        self.form = LoginForm(page)
        self.register_link = page.get_by_role("link", name="注册", exact=True)

    @verb("输入账号、密码，点击“登录”")
    def login(self, account: str, password: str, captcha: str | None = None) -> None:
        self.form.sign_in(account, password, captcha)

    @verb("点击“注册”")
    def go_to_register(self) -> None:
        self.register_link.click()
