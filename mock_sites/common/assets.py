"""Static files under versioned addresses, so that browsers keep them instead of asking again.

Every ``url_for`` of a static endpoint gets ``?v=<hash of the file>``; a request carrying the
current hash may be cached for a year, any other (an old page, a hand-typed address) is
revalidated as before. Editing a file changes its address, so nobody sees a stale copy.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path
from stat import S_ISREG

from flask import Flask, Response, current_app, request

IMMUTABLE = "public, max-age=31536000, immutable"


def install_asset_versions(app: Flask) -> None:
    """Version the addresses of ``static`` and ``<blueprint>.static`` files of ``app``."""

    @app.url_defaults
    def _add_version(endpoint: str, values: dict) -> None:
        if _is_static(endpoint) and "filename" in values and "v" not in values:
            version = _version(endpoint, values["filename"])
            if version:
                values["v"] = version

    @app.after_request
    def _cache_versioned(response: Response) -> Response:
        endpoint = request.endpoint or ""
        filename = (request.view_args or {}).get("filename")
        if (_is_static(endpoint) and filename and response.status_code == 200
                and request.args.get("v") == _version(endpoint, filename)):
            response.headers["Cache-Control"] = IMMUTABLE
        return response


def _is_static(endpoint: str) -> bool:
    return endpoint == "static" or endpoint.endswith(".static")


def _version(endpoint: str, filename: str) -> str | None:
    """First 10 hex digits of the file's SHA-256 (None when there is no such file)."""
    blueprint = endpoint.rpartition(".")[0]
    owner = current_app.blueprints[blueprint] if blueprint else current_app
    folder = owner.static_folder
    path = _resolved(folder, filename) if folder is not None else None
    if path is None:
        return None
    try:
        stat = path.stat()  # every time: an edited file gets a new address at once
    except OSError:
        return None
    if not S_ISREG(stat.st_mode):
        return None
    return _digest(str(path), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=1024)
def _resolved(folder: str, filename: str) -> Path | None:
    """``filename`` inside ``folder``, symlinks resolved once (None when it points outside)."""
    base = Path(folder).resolve()
    path = (base / filename).resolve()
    return path if path.is_relative_to(base) else None


_digests: dict[tuple[str, int, int], str] = {}


def _digest(path: str, mtime_ns: int, size: int) -> str:
    key = (path, mtime_ns, size)
    if key not in _digests:
        _digests[key] = hashlib.sha256(Path(path).read_bytes()).hexdigest()[:10]
    return _digests[key]
