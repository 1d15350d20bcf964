"""The clock of both sites: tests move it (``monkeypatch`` on ``now``) instead of waiting."""

from __future__ import annotations

from datetime import datetime


def now() -> datetime:
    return datetime.now()


def seconds() -> float:
    """``now()`` as a POSIX timestamp: login ages, lock-out windows."""
    return now().timestamp()
