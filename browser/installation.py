"""What Playwright has installed here: its version (checked at start-up), where it keeps its
browsers, and its own Firefox build if there is one.

Playwright must be exactly :data:`REQUIRED_PLAYWRIGHT`: 1.65 breaks firefox-esr over WebDriver BiDi
(``new_context`` fails with ``emulation.setMediaFeaturesOverride: unknown command``).
"""

from __future__ import annotations

import json
import os
from importlib import metadata
from pathlib import Path
from typing import Any

REQUIRED_PLAYWRIGHT = "1.64.1"


class BrowserSetupError(RuntimeError):
    """The browser side of the environment is not usable; the message says how to fix it."""


def installed_playwright_version() -> str | None:
    """Version of the installed ``playwright`` distribution, or ``None`` if absent."""
    try:
        return metadata.version("playwright")
    except metadata.PackageNotFoundError:
        return None


def check_playwright_version() -> str:
    """Raise :class:`BrowserSetupError` unless Playwright ``REQUIRED_PLAYWRIGHT`` is installed."""
    found = installed_playwright_version()
    if found == REQUIRED_PLAYWRIGHT:
        return found
    pip_cmd = f"pip install 'playwright=={REQUIRED_PLAYWRIGHT}'"
    shown = found or "未安装 not installed"
    raise BrowserSetupError(
        f"Playwright 版本不符：需要 {REQUIRED_PLAYWRIGHT}，当前为 {shown}。"
        f"请运行 `make setup` 或 `{pip_cmd}`（1.65 起驱动 firefox-esr 会失败）。\n"
        f"Wrong Playwright version: {REQUIRED_PLAYWRIGHT} is required, found {shown}. "
        f"Run `make setup` or `{pip_cmd}` (1.65 and later fail to drive firefox-esr over "
        "WebDriver BiDi: emulation.setMediaFeaturesOverride unknown command)."
    )


def _playwright_package_dir() -> Path | None:
    try:
        import playwright
    except ImportError:
        return None
    return Path(playwright.__file__).resolve().parent


def playwright_browsers_path() -> Path:
    """Where Playwright keeps its browsers (same rules as Playwright's own registry)."""
    env = os.environ.get("PLAYWRIGHT_BROWSERS_PATH")
    if env == "0":
        pkg = _playwright_package_dir()
        if pkg is not None:
            return pkg / "driver" / "package" / ".local-browsers"
    elif env:
        return Path(env).expanduser().resolve()
    cache = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(cache).expanduser() / "ms-playwright"


def _browsers_json() -> dict[str, Any] | None:
    pkg = _playwright_package_dir()
    if pkg is None:
        return None
    try:
        return json.loads((pkg / "driver" / "package" / "browsers.json").read_text("utf-8"))
    except (OSError, ValueError):
        return None


def playwright_revision(name: str) -> str | None:
    """Revision of a Playwright-managed download (``firefox``, ``ffmpeg``) for this version."""
    data = _browsers_json() or {}
    for entry in data.get("browsers", []):
        if entry.get("name") == name:
            return str(entry.get("revision"))
    return None


def playwright_firefox_executable() -> Path | None:
    """Executable of Playwright's own Firefox build for the installed version, if present.

    Playwright launches only the revision its ``browsers.json`` names (``firefox-<revision>``);
    a directory left by another Playwright version is not used by it, so it does not count.
    """
    root = playwright_browsers_path()
    revision = playwright_revision("firefox")
    if revision is not None:
        candidates = [root / f"firefox-{revision}"]
    else:  # browsers.json unreadable: accept any build that looks complete
        candidates = sorted(root.glob("firefox-*"), reverse=True)
    for directory in candidates:
        exe = directory / "firefox" / "firefox"
        if exe.is_file() and os.access(exe, os.X_OK):
            return exe
    return None
