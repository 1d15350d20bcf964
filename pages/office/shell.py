"""The frame around every office screen once logged in: left menu and 退出登录."""

from __future__ import annotations

from playwright.sync_api import Locator, Page

from pages.base import verb


class OfficeShell:
    """Not a screen of its own: the header and 主菜单 that every logged-in screen shows."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.menu = page.get_by_role("navigation", name="主菜单")
        self.logout_button = page.get_by_role("button", name="退出登录")

    def menu_link(self, label: str) -> Locator:
        return self.menu.get_by_role("link", name=label, exact=True)

    @verb("退出登录")
    def logout(self) -> None:
        self.logout_button.click()
