"""Lock-outs after repeated failures (per account: wrong passwords, wrong 邀请码) and windows per
client address (failed logins across accounts, SMS sent): counted under a lock, each attempt
reserved before it is checked, so parallel requests cannot slip past a limit."""

from __future__ import annotations

import threading
from collections import defaultdict, deque
from collections.abc import Callable

from flask import Flask, current_app, request

from . import clock
from .site import site_config

_ALL = "throttles"  # every throttle of an app, for /__mock__/reset


class Throttle:
    """Counts failures per key in a sliding window; locks the key when the limit is hit."""

    def __init__(
        self, limit: int, window_s: int, now: Callable[[], float] = clock.seconds
    ) -> None:
        self.limit = limit
        self.window_s = window_s
        self._now = now
        self._failures: dict[str, deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def _prune(self, key: str, now: float) -> deque[float]:
        q = self._failures[key]
        while q and now - q[0] > self.window_s:
            q.popleft()
        return q

    def locked(self, key: str) -> bool:
        with self._lock:
            return len(self._prune(key, self._now())) >= self.limit

    def fail(self, key: str) -> int:
        """Record a failure; return how many attempts are left before the lock."""
        with self._lock:
            now = self._now()
            q = self._prune(key, now)
            q.append(now)
            return max(0, self.limit - len(q))

    def attempt(self, key: str, check: Callable[[], bool], *, forget: bool = True) -> bool | None:
        """Run ``check`` unless ``key`` is locked: True (passed), False (a failure, recorded) or
        None (locked, before or by this failure).

        The attempt is counted as a failure *before* ``check`` runs, so a burst of parallel
        attempts gets only the attempts left, not one each. When it passes, the key's failures
        are forgotten (``forget``), or only this attempt's (a client's failures across accounts
        must outlive one right password)."""
        if not self.reserve(key):
            return None
        if check():
            if forget:
                self.clear(key)
            else:
                self.refund(key)
            return True
        return False if self.left(key) else None

    def reserve(self, key: str) -> bool:
        """Count one attempt now unless the key is locked (False)."""
        return self.take(key) is not None

    def take(self, key: str) -> int | None:
        """Count one attempt now unless the key is locked (None); how many were counted before
        it (of parallel attempts each gets its own place)."""
        with self._lock:
            now = self._now()
            q = self._prune(key, now)
            if len(q) >= self.limit:
                return None
            q.append(now)
            return len(q) - 1

    def count(self, key: str) -> int:
        """Attempts counted in the window now."""
        with self._lock:
            return len(self._prune(key, self._now()))

    def refund(self, key: str) -> None:
        """Take back one counted attempt (it passed)."""
        with self._lock:
            q = self._failures.get(key)
            if q:
                q.pop()

    def left(self, key: str) -> int:
        """Attempts left before the lock."""
        with self._lock:
            return max(0, self.limit - len(self._prune(key, self._now())))

    def clear(self, key: str) -> None:
        with self._lock:
            self._failures.pop(key, None)

    def reset(self) -> None:
        with self._lock:
            self._failures.clear()

    def minutes(self) -> int:
        return max(1, self.window_s // 60)


def add_throttle(app: Flask, name: str, limit: int | None = None,
                 window_s: int | None = None) -> None:
    """Give ``app`` a throttle called ``name``: the given limit and window, by default the
    configured per-account ones (``max_failures``, ``failure_window_s``)."""
    config = site_config(app)
    throttle = Throttle(limit or config.max_failures, window_s or config.failure_window_s)
    app.extensions[name] = throttle
    app.extensions.setdefault(_ALL, []).append(throttle)


def throttle(name: str) -> Throttle:
    """The current site's throttle called ``name``."""
    return current_app.extensions[name]


def reset_throttles(app: Flask) -> None:
    for each in app.extensions.get(_ALL, []):
        each.reset()


#: Per client address: failed logins (any account, password or SMS code) and SMS sent.
CLIENT_LOGINS, CLIENT_SMS = "client_logins", "client_sms"


def add_client_throttles(app: Flask) -> None:
    """The per-client windows of ``MockConfig`` (``client_failures``, ``client_sms``)."""
    config = site_config(app)
    add_throttle(app, CLIENT_LOGINS, config.client_failures, config.client_failure_window_s)
    add_throttle(app, CLIENT_SMS, config.client_sms, config.client_sms_window_s)


def client_key() -> str:
    """The requesting client: its address as the server sees it."""
    return request.remote_addr or ""


def client_login_refusal() -> str | None:
    """Count one login attempt of this client (reserved before it is checked: call
    ``client_login_passed`` when it succeeds); the refusal when its window is full."""
    return None if client_login_take() is not None else client_login_full()


def client_login_take() -> int | None:
    """Like ``client_login_refusal``: the client's failures before this attempt, None when full."""
    return throttle(CLIENT_LOGINS).take(client_key())


def client_login_full() -> str:
    return f"登录失败次数过多，请{throttle(CLIENT_LOGINS).minutes()}分钟后再试"


def client_login_passed() -> None:
    throttle(CLIENT_LOGINS).refund(client_key())


def client_sms_take() -> int | None:
    """Count one SMS sent for this client: how many were sent before it, None when its window is
    full (``client_sms_full`` says so; ``client_sms_refund`` takes it back if none is sent)."""
    return throttle(CLIENT_SMS).take(client_key())


def client_sms_refund() -> None:
    throttle(CLIENT_SMS).refund(client_key())


def client_sms_full() -> str:
    return f"获取验证码过于频繁，请{throttle(CLIENT_SMS).minutes()}分钟后再试"
