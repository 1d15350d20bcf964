"""The reviewer's login for a bulk run: 工作人员登录 with the password from the environment or
a prompt, a 图形验证码 answered by the person (never guessed), and logging in again when the
login times out."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Page, expect

from flows.errors import ApplicationError
from flows.models import Credentials
from flows.review import LoginRefused
from pages.jcjy import ApplicationListPage, StaffLoginPage

#: How often a wrong 图形验证码 may be typed again before the run gives up.
CAPTCHA_TRIES = 3
#: How long a person has to type the 图形验证码 in the window (--headed).
HEADED_WAIT_MS = 300_000

#: Given the saved 图形验证码 image, the answer the person typed (from the terminal).
AskCaptcha = Callable[[Path], str]


@dataclass
class Reviewer:
    """Who runs the review and how a 图形验证码 reaches them."""

    jcjy_url: str
    credentials: Credentials = field(repr=False)
    ask_captcha: AskCaptcha | None  # None: typed in the browser window (--headed)
    captcha_file: Path
    account_label: str = ""  # the account as shown (masked)

    def log_in(self, page: Page) -> ApplicationListPage:
        """工作人员登录 → 申请名单审核 (from wherever the browser is)."""
        login = StaffLoginPage(page, self.jcjy_url)
        review_list = ApplicationListPage(page, self.jcjy_url)
        if not login.title.is_visible():
            login.open()
        for attempt in range(1, CAPTCHA_TRIES + 1):
            answer = None
            wait_ms = None
            if login.form.captcha.is_visible():
                if self.ask_captcha is None:
                    wait_ms = HEADED_WAIT_MS
                else:
                    self.captcha_file.parent.mkdir(parents=True, exist_ok=True)
                    login.form.captcha_image.screenshot(path=self.captcha_file)
                    answer = self.ask_captcha(self.captcha_file)
            if wait_ms is None:
                login.login(self.credentials.account, self.credentials.password, answer)
            else:  # the person types the code and clicks 登录 in the window
                login.form.fill_credentials(self.credentials.account, self.credentials.password)
                login.form.captcha.focus()
            landed = review_list.menu_link.or_(login.alerts).or_(login.page.locator(".error")).first
            expect(landed).to_be_visible(timeout=wait_ms)
            if review_list.menu_link.is_visible():
                return review_list
            if not login.title.is_visible():  # a server error page, not the login's answer
                raise ApplicationError(f"工作人员登录时站点出错：{login.alert_text()}")
            reason = login.alert_text() or " ".join(login.page.locator(".error").all_inner_texts())
            if "验证码" not in reason or attempt == CAPTCHA_TRIES:
                raise LoginRefused(f"工作人员登录未成功：{reason.strip()}")
        raise AssertionError("unreachable")
