"""用户登录 of 全国学生资助办公系统."""

from __future__ import annotations

from playwright.sync_api import Page

from pages.base import BasePage, verb
from pages.secrets import fill_secret


class OfficeLoginPage(BasePage):
    path = "/login"
    heading = "用户登录"

    def __init__(self, page: Page, base_url: str) -> None:
        super().__init__(page, base_url)
        self.account = page.get_by_label("账号", exact=True)
        self.password = page.get_by_label("密码", exact=True)
        self.captcha = page.get_by_label("图形验证码", exact=True)
        self.submit = page.get_by_role("button", name="登录", exact=True)
        self.register_link = page.get_by_role("link", name="注册", exact=True)

    @verb("输入账号、密码，点击“登录”")
    def login(self, account: str, password: str, captcha: str | None = None) -> None:
        self.account.fill(account)
        fill_secret(self.password, password)
        if captcha is not None:
            fill_secret(self.captcha, captcha)
        self.submit.click()

    @verb("点击“注册”")
    def go_to_register(self) -> None:
        self.register_link.click()
