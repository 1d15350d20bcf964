"""无权访问: what the site shows (HTTP 403) for a page or file outside the reviewer's scope."""

from __future__ import annotations

from pages.base import BasePage


class AccessDeniedPage(BasePage):
    """Its message is the screen's alert (``alert_text()``)."""

    heading = "无权访问"
