"""Lock-out after repeated failures (wrong passwords, wrong 邀请码): not rate limiting."""

from __future__ import annotations

import threading
from collections import defaultdict, deque
from collections.abc import Callable

from flask import Flask, current_app

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
        if not self._reserve(key):
            return None
        if check():
            if forget:
                self.clear(key)
            else:
                self._refund(key)
            return True
        return False if self.left(key) else None

    def _reserve(self, key: str) -> bool:
        with self._lock:
            now = self._now()
            q = self._prune(key, now)
            if len(q) >= self.limit:
                return False
            q.append(now)
            return True

    def _refund(self, key: str) -> None:
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


def add_throttle(app: Flask, name: str) -> None:
    """Give ``app`` a throttle called ``name``, with the configured limit and window."""
    config = site_config(app)
    throttle = Throttle(config.max_failures, config.failure_window_s)
    app.extensions[name] = throttle
    app.extensions.setdefault(_ALL, []).append(throttle)


def throttle(name: str) -> Throttle:
    """The current site's throttle called ``name``."""
    return current_app.extensions[name]


def reset_throttles(app: Flask) -> None:
    for each in app.extensions.get(_ALL, []):
        each.reset()
