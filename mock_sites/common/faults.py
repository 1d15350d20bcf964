"""Fault injection (latency, HTTP 500s) and the session lifetime switch."""

from __future__ import annotations

import random
import time

from flask import Flask, g, request, session

from . import clock
from .config import Faults
from .message import message_page
from .site import current_config

LOGIN_AT = "login_at"
#: What both sites say when ``session_expired()``.
LOGIN_EXPIRED = "登录已超时，请重新登录"


def faults() -> Faults:
    return current_config().faults


def _is_exempt() -> bool:
    return request.path.startswith(("/__mock__/", "/static/", "/common-static/"))


def install_faults(app: Flask) -> None:
    rng = random.Random()

    @app.before_request
    def _inject() -> object:
        if _is_exempt():
            return None
        current = faults()
        if current.latency_ms:
            # Simulated network/server latency of the real system, not a wait in a test.
            time.sleep(current.latency_ms / 1000)
        if current.error_rate and rng.random() < current.error_rate:
            return message_page(500, "系统繁忙", "系统繁忙，请稍后再试。（HTTP 500，模拟故障）")
        _expire_session(current)
        return None


def _expire_session(current: Faults) -> None:
    login_at = session.get(LOGIN_AT)
    if login_at is not None and clock.seconds() - login_at > current.session_lifetime_s:
        session.clear()
        g.session_expired = True


def start_login_session(data: dict) -> None:
    """Replace the session with a fresh logged-in one (prevents session fixation)."""
    session.clear()
    session.update(data)
    session[LOGIN_AT] = clock.seconds()


def session_expired() -> bool:
    """True when this request found the login session past its lifetime."""
    return bool(g.get("session_expired"))
