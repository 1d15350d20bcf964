"""The 账号 / 密码 / 图形验证码 / 登录 form that both sites' login screens share."""

from __future__ import annotations

from playwright.sync_api import Page

from pages.secrets import fill_secret


class LoginForm:
    """A part of a screen, not a screen: its owner page object names the step."""

    def __init__(self, page: Page) -> None:
        self.account = page.get_by_label("账号", exact=True)
        self.password = page.get_by_label("密码", exact=True)
        self.captcha = page.get_by_label("图形验证码", exact=True)
        self.captcha_image = page.get_by_role("img", name="图形验证码", exact=True)
        self.submit = page.get_by_role("button", name="登录", exact=True)

    def sign_in(self, account: str, password: str, captcha: str | None = None) -> None:
        """Fill (secrets blurred) and submit; the caller checks where the browser lands."""
        self.fill_credentials(account, password)
        if captcha is not None:
            fill_secret(self.captcha, captcha)
        self.submit.click()

    def fill_credentials(self, account: str, password: str) -> None:
        """账号 and 密码 (blurred), leaving the rest to the person at the screen."""
        self.account.fill(account)
        fill_secret(self.password, password)
