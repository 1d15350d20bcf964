"""Server-side guards: authorization of a request and the targets of redirects."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import abort


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
