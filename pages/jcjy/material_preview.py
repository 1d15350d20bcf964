"""The 预览 dialog of a proof material: its pages as an image, 上一份 / 下一份, 下载."""

from __future__ import annotations

import re

from playwright.sync_api import Locator, Page

from pages.base import verb


class MaterialPreviewDialog:
    """The 预览 popup of one proof material: its pages as an image, and 下载 for the PDF."""

    def __init__(self, page: Page, title: str) -> None:
        self.page = page
        self.title = title
        self.dialog = page.get_by_role("dialog", name=title)
        self.image = self.dialog.get_by_role("img", name=title)
        self.position = self.dialog.get_by_text(re.compile(r"^第 \d+/\d+ 份$"))
        self.previous_button = self.dialog.get_by_role("button", name="上一份")
        self.next_button = self.dialog.get_by_role("button", name="下一份")
        self.download_link = self.dialog.get_by_role("link", name="下载")
        self.close_button = self.dialog.get_by_role("button", name="关闭")

    def expect_open(self) -> None:
        """The dialog is open and shows the material's pages, fully loaded (one round trip:
        the role locator waits for the open dialog, ``decode()`` for the image)."""
        shown = self.image.evaluate(
            "img => img.decode().then(() => img.naturalWidth > 0, () => false)"
        )
        if not shown:
            raise AssertionError(f"证明材料“{self.title}”的预览无法显示")

    def source(self) -> str:
        """Address of the image shown."""
        return self.image.get_attribute("src") or ""

    def download_address(self) -> str:
        """Address of the material's PDF behind 下载."""
        return self.download_link.get_attribute("href") or ""

    @verb("查看下一份证明材料")
    def next(self, title: str, *, by_key: bool = False) -> MaterialPreviewDialog:
        """下一份 (``by_key``: press → instead); ``title`` is the material expected next (the
        following row of 证明材料)."""
        return self._turn(self.next_button, "ArrowRight", title, by_key)

    @verb("查看上一份证明材料")
    def previous(self, title: str, *, by_key: bool = False) -> MaterialPreviewDialog:
        """上一份 (``by_key``: press ← instead); ``title`` is the material expected before."""
        return self._turn(self.previous_button, "ArrowLeft", title, by_key)

    def _turn(self, button: Locator, key: str, title: str, by_key: bool) -> MaterialPreviewDialog:
        if by_key:
            self.page.keyboard.press(key)
        else:
            button.click()
        shown = MaterialPreviewDialog(self.page, title)
        shown.expect_open()
        return shown

    @verb("关闭材料预览")
    def close(self) -> None:
        # The click closes the modal synchronously; the next action waits for it anyway.
        self.close_button.click()
