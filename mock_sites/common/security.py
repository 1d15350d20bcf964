"""CSRF tokens, password hashing and throttling of repeated failures."""

from __future__ import annotations

import hmac
import secrets
import threading
import time
from collections import defaultdict, deque
from urllib.parse import urlsplit

from flask import Flask, abort, request, session
from werkzeug.security import check_password_hash, generate_password_hash

from .faults import session_expired
from .message import message_page

CSRF_FIELD = "csrf_token"
#: scrypt with N=2^14, r=8, p=1: the scrypt paper's setting for interactive logins (about 35 ms
#: here). Werkzeug's default N=2^15 costs about 110 ms, and a mock site hashes on every login of
#: every test. Stored hashes carry their parameters, so older databases still verify.
PASSWORD_HASH_METHOD = "scrypt:16384:8:1"


def hash_password(password: str) -> str:
    return generate_password_hash(password, method=PASSWORD_HASH_METHOD)


def verify_password(password_hash: str, password: str) -> bool:
    return check_password_hash(password_hash, password)


def csrf_token() -> str:
    """The session's CSRF token, created on first use (a Jinja global too)."""
    token = session.get("_csrf")
    if not token:
        token = session["_csrf"] = secrets.token_urlsafe(32)
    return token


def csrf_exempt(view):  # noqa: ANN001, ANN201
    """Mark a view (JSON APIs, the mock control surface) as not needing a CSRF token."""
    view.csrf_exempt = True
    return view


def install_csrf(app: Flask) -> None:
    """Reject every state-changing request that lacks the session's token."""
    app.jinja_env.globals["csrf_token"] = csrf_token

    @app.before_request
    def _check_csrf() -> object:
        if request.method in ("GET", "HEAD", "OPTIONS"):
            return None
        view = app.view_functions.get(request.endpoint or "")
        if view is None or getattr(view, "csrf_exempt", False):
            return None
        sent = request.form.get(CSRF_FIELD) or request.headers.get("X-CSRF-Token", "")
        expected = session.get("_csrf", "")
        if not expected or not hmac.compare_digest(sent, expected):
            if session_expired():  # the login timed out while the form was open
                return message_page(401, "登录已超时", "登录已超时，请重新登录。", back_url="/")
            return message_page(
                400, "页面已过期", "页面已过期或表单无效（安全校验未通过），请返回刷新页面后重新操作。"
            )
        return None


class Throttle:
    """Counts failures per key in a sliding window; locks the key when the limit is hit."""

    def __init__(self, limit: int, window_s: int) -> None:
        self.limit = limit
        self.window_s = window_s
        self._failures: dict[str, deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def _prune(self, key: str, now: float) -> deque[float]:
        q = self._failures[key]
        while q and now - q[0] > self.window_s:
            q.popleft()
        return q

    def locked(self, key: str) -> bool:
        with self._lock:
            return len(self._prune(key, time.monotonic())) >= self.limit

    def fail(self, key: str) -> int:
        """Record a failure; return how many attempts are left before the lock."""
        with self._lock:
            now = time.monotonic()
            q = self._prune(key, now)
            q.append(now)
            return max(0, self.limit - len(q))

    def clear(self, key: str) -> None:
        with self._lock:
            self._failures.pop(key, None)

    def reset(self) -> None:
        with self._lock:
            self._failures.clear()

    def minutes(self) -> int:
        return max(1, self.window_s // 60)


def require(condition: bool, status: int = 403) -> None:
    """Abort with ``status`` unless ``condition`` holds (server-side authorization)."""
    if not condition:
        abort(status)


def safe_next(target: str | None) -> str | None:
    """``target`` if it is a local path (no scheme, host, ``//`` or ``\\``), else None.

    Only such a path is followed after logging in: no open redirect."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return None
    parts = urlsplit(target)
    return None if parts.scheme or parts.netloc else target
