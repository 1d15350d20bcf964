"""CSRF protection of every form: Flask-WTF's ``CSRFProtect``, refusals in Chinese.

Templates put ``csrf_token()`` into a hidden field named ``csrf_token``; the token is also
accepted in an ``X-CSRF-Token`` header (Flask-WTF's defaults).
"""

from __future__ import annotations

from flask import Flask, request
from flask_wtf.csrf import CSRFError, CSRFProtect

from .logins import LOGIN_EXPIRED, session_expired
from .message import message_page

#: Paths for programs, not people (the SSO API, the mock control surface): JSON, no forms.
MACHINE_PATHS = ("/api/", "/__mock__/")


def install_csrf(app: Flask) -> None:
    """Refuse every state-changing request outside ``MACHINE_PATHS`` without the session's token.

    Install after ``install_logins``: a login that has just timed out is refused as such.
    """
    app.config.update(
        WTF_CSRF_CHECK_DEFAULT=False,  # checked below, where the machine paths are left out
        WTF_CSRF_TIME_LIMIT=None,  # a token lives as long as the session that holds it
    )
    csrf = CSRFProtect(app)

    @app.before_request
    def _check_csrf() -> None:
        if not request.path.startswith(MACHINE_PATHS):
            # With exemptions applied, an address no view answers gets its 404 or 405 instead.
            csrf.protect(apply_exemptions=True)

    app.register_error_handler(CSRFError, _refused)


def _refused(_error: CSRFError) -> tuple[str, int]:
    if session_expired():  # the login timed out while the form was open
        return message_page(401, "登录已超时", f"{LOGIN_EXPIRED}。", back_url="/")
    return message_page(
        400, "页面已过期", "页面已过期或表单无效（安全校验未通过），请返回刷新页面后重新操作。"
    )
