"""Common Flask set-up for both mock sites."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from flask import Blueprint, Flask, Response, request, send_from_directory
from flask.typing import ResponseReturnValue

from .assets import install_asset_versions
from .config import MockConfig
from .converters import install_converters
from .csrf import MACHINE_PATHS, install_csrf
from .faults import install_faults
from .logins import LoginSessionMixin, install_logins
from .message import message_page
from .screens import install_screen_swap
from .site import bind_config
from .throttle import add_client_throttles

COMMON_DIR = Path(__file__).parent
#: Every asset is local. ``data:`` images: the 图形验证码 is an inline SVG. The material previews
#: send their own, stricter policy (``default-src 'none'``).
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'self'"
)


def configure(app: Flask, config: MockConfig, *, site: str, system_name: str,
              logins: type[LoginSessionMixin]) -> None:
    """Cookies, server-side logins, CSRF, faults, error pages and the common layout for one site."""
    app.config.update(
        SECRET_KEY=config.secret_key + site,
        # Both sites may share a host name (ports do not isolate cookies): distinct names.
        SESSION_COOKIE_NAME=f"{site}_session",
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        MAX_CONTENT_LENGTH=2 * 1024 * 1024,
    )
    bind_config(app, config)
    add_client_throttles(app)
    app.jinja_env.globals["system_name"] = system_name
    install_converters(app)
    app.register_blueprint(Blueprint(
        "common", __name__, template_folder="templates",
        static_folder="static", static_url_path="/common-static",
    ))
    install_faults(app)
    install_logins(app, logins)
    install_csrf(app)
    install_asset_versions(app)
    install_screen_swap(app)

    @app.get("/favicon.ico")
    def _favicon() -> Response:
        # Browsers ask for it on every page; the answer may be kept for a day.
        return send_from_directory(
            COMMON_DIR / "static", "favicon.svg", mimetype="image/svg+xml", max_age=86_400
        )

    @app.after_request
    def _headers(response: Response) -> Response:
        # Pages carry personal data: no copy in any cache (static files set their own).
        response.headers.setdefault("Cache-Control", "no-store")
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("X-Frame-Options", "SAMEORIGIN")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        return response

    for status, title, message in (
        (400, "请求无效", "提交的内容无效，请返回检查后重试。"),
        (403, "无权访问", "您没有权限访问该页面或数据。"),
        (404, "页面不存在", "您访问的页面不存在。"),
        (405, "请求无效", "不支持该操作。"),
        (413, "内容过大", "提交的内容过大。"),
        (500, "系统错误", "系统内部错误，请稍后再试。"),
    ):
        app.register_error_handler(status, _error_page(status, title, message))


def _error_page(
    status: int, title: str, message: str
) -> Callable[[Exception], ResponseReturnValue]:
    def handler(_exc: Exception) -> ResponseReturnValue:
        if request.path.startswith(MACHINE_PATHS):
            return {"ok": False, "error": message}, status
        return message_page(status, title, message, back_url="/")

    return handler
