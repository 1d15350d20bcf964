"""工作人员登录: staff sign in with their 全国学生资助办公系统 account."""

from __future__ import annotations

from playwright.sync_api import Page

from pages.base import BasePage, verb
from pages.login_form import LoginForm

SESSION_EXPIRED = "登录已超时，请重新登录"


class StaffLoginPage(BasePage):
    path = "/staff/login"
    heading = "工作人员登录"

    def __init__(self, page: Page, base_url: str) -> None:
        super().__init__(page, base_url)
        self.form = LoginForm(page)
        self.expired_notice = page.get_by_role("status").filter(has_text=SESSION_EXPIRED)

    @verb("输入办公系统账号、密码，点击“登录”")
    def login(self, account: str, password: str, captcha: str | None = None) -> None:
        self.form.sign_in(account, password, captcha)

    def asks_to_log_in(self) -> bool:
        """The site sent the browser to 工作人员登录: the screen is shown, or its address is open
        (also when that page itself failed to load, a server error say)."""
        return self.title.is_visible() or self.is_at()

    def session_expired(self) -> bool:
        """True when the browser is on 工作人员登录 because the login timed out (not a refusal)."""
        return self.title.is_visible() and self.expired_notice.is_visible()
