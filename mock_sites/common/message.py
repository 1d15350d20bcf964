"""The one-message page (``common/message.html``): error pages and refusals of both sites."""

from __future__ import annotations

from flask import render_template, request


def message_page(
    status: int, title: str, message: str, back_url: str | None = None
) -> tuple[str, int]:
    """The page and its status; 返回 leads to ``back_url`` (None: the referring page, else /)."""
    back = back_url if back_url is not None else request.referrer or "/"
    return render_template(
        "common/message.html", title=title, message=message, back_url=back
    ), status
