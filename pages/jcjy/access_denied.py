"""无权访问: what the site shows (HTTP 403) for a page or file outside the reviewer's scope."""

from __future__ import annotations

from pages.base import BasePage


class AccessDeniedPage(BasePage):
    heading = "无权访问"

    def message(self) -> str:
        return " ".join(t.strip() for t in self.alerts.all_inner_texts())
