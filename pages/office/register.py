"""注册账户: 手机号, 短信验证码 (获取验证码), 密码, 确认密码."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from pages.base import BasePage, verb
from pages.secrets import fill_secret


class RegisterPage(BasePage):
    path = "/register"
    heading = "注册账户"

    def __init__(self, page: Page, base_url: str) -> None:
        super().__init__(page, base_url)
        self.mobile = page.get_by_label("手机号", exact=True)
        self.captcha = page.get_by_label("图形验证码", exact=True)  # once the site demands it
        self.sms_code = page.get_by_label("短信验证码", exact=True)
        self.password = page.get_by_label("密码", exact=True)
        self.confirm_password = page.get_by_label("确认密码", exact=True)
        self.send_code_button = page.get_by_role("button", name="获取验证码")
        self.submit = page.get_by_role("button", name="注册", exact=True)
        self.code_sent = page.get_by_role("status").filter(has_text=re.compile("验证码已发送"))

    @verb("输入手机号，点击“获取验证码”")
    def request_sms_code(self, mobile: str, captcha: str | None = None) -> None:
        self.mobile.fill(mobile)
        if captcha is not None:
            fill_secret(self.captcha, captcha)
        self.send_code_button.click()

    def expect_code_sent(self) -> None:
        expect(self.code_sent).to_be_visible()

    @verb("输入短信验证码、密码、确认密码，点击“注册”")
    def register(self, sms_code: str, password: str, confirm_password: str | None = None,
                 captcha: str | None = None) -> None:
        if captcha is not None:
            fill_secret(self.captcha, captcha)
        fill_secret(self.sms_code, sms_code)
        fill_secret(self.password, password)
        fill_secret(self.confirm_password, password if confirm_password is None else confirm_password)
        self.submit.click()
