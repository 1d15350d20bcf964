"""/loginHome: the entry page with 学生登录 and 工作人员登录."""

from __future__ import annotations

from playwright.sync_api import Page

from pages.base import BasePage, verb

from .staff_login import StaffLoginPage


class LoginHomePage(BasePage):
    path = "/loginHome"
    heading = "中央高校基层就业资助管理系统"

    def __init__(self, page: Page, base_url: str) -> None:
        super().__init__(page, base_url)
        self.staff_login_link = page.get_by_role("link", name="工作人员登录")
        self.student_login_link = page.get_by_role("link", name="学生登录")

    @verb("点击“工作人员登录”")
    def choose_staff_login(self) -> StaffLoginPage:
        self.staff_login_link.click()
        login = StaffLoginPage(self.page, self.base_url)
        login.expect_loaded()
        return login
