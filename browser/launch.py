"""Which browser runs, and with what options: shared by the ``jcjy`` CLI, the tests and the
benchmarks.

浏览器选择：命令行工具、测试和基准共用。

Order of preference for Firefox:

1. Playwright's own Firefox build (``playwright install firefox``; only on machines that can reach
   Playwright's download servers) — launched with no extra options.
2. Debian's ``firefox-esr`` driven over WebDriver BiDi
   (``channel="moz-firefox"``, ``executable_path="/usr/bin/firefox-esr"``), with the
   TCP_NODELAY shim of :mod:`browser.nodelay` preloaded through ``env`` when it can be built.
3. Neither: :class:`BrowserSetupError` telling how to install firefox-esr.

Playwright must be exactly :data:`REQUIRED_PLAYWRIGHT`: 1.65 breaks firefox-esr over BiDi
(``new_context`` fails with ``emulation.setMediaFeaturesOverride: unknown command``).

Typical use::

    check_playwright_version()
    browser = playwright.firefox.launch(headless=True, **launch_options("firefox"))
    context = browser.new_context(**context_options())

The root ``conftest.py`` merges :func:`launch_options` into pytest-playwright's incoming
``browser_type_launch_args`` (so ``--headed`` / ``--slowmo`` keep working) and makes Firefox the
default browser when no ``--browser`` is given.
"""

from __future__ import annotations

import contextlib
import json
import os
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import nodelay

if TYPE_CHECKING:
    # Annotations only: this module works without Playwright (and then says how to install it).
    from playwright.sync_api import Browser

REQUIRED_PLAYWRIGHT = "1.64.1"
FIREFOX_ESR = Path("/usr/bin/firefox-esr")
BIDI_CHANNEL = "moz-firefox"


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


def firefox_launch_options() -> dict[str, Any]:
    """Extra keyword arguments for ``playwright.firefox.launch``.

    ``{}`` when Playwright's own Firefox is installed, else the firefox-esr BiDi options, with
    the TCP_NODELAY shim preloaded when it is available (see :mod:`browser.nodelay`).
    """
    if playwright_firefox_executable() is not None:
        return {}
    if FIREFOX_ESR.is_file() and os.access(FIREFOX_ESR, os.X_OK):
        options: dict[str, Any] = {"channel": BIDI_CHANNEL, "executable_path": str(FIREFOX_ESR)}
        env = nodelay.browser_env()
        if env is not None:
            options["env"] = env
        return options
    raise BrowserSetupError(
        "找不到可用的 Firefox：请运行 `make setup`，或以 root 执行 "
        "`apt-get install -y firefox-esr`（能访问 Playwright 下载服务器的机器也可用 "
        "`playwright install firefox`）。\n"
        "No usable Firefox: run `make setup`, or as root `apt-get install -y firefox-esr` "
        f"(expected {FIREFOX_ESR}); machines that can reach Playwright's download servers may "
        f"run `playwright install firefox` instead (looked in {playwright_browsers_path()})."
    )


CHROMIUM = Path("/usr/bin/chromium")
#: One size for viewport and video: Firefox writes an empty video file unless they are equal.
VIEWPORT = {"width": 1280, "height": 800}
LOCALE = "zh-CN"
TIMEZONE = "Asia/Shanghai"


def launch_options(browser_name: str) -> dict[str, Any]:
    """Extra launch options for ``browser_name`` (firefox or chromium) on this machine."""
    if browser_name == "firefox":
        return firefox_launch_options()
    if browser_name == "chromium" and CHROMIUM.is_file():
        # Debian's Chromium when Playwright's own build is absent (it cannot be downloaded here).
        chromium_root = playwright_browsers_path()
        if not any(chromium_root.glob("chromium-*")):
            return {"executable_path": str(CHROMIUM)}
    return {}


def context_options(video_dir: str | Path | None = None) -> dict[str, Any]:
    """Options for ``browser.new_context``: Chinese locale, Beijing time, matching video size."""
    options: dict[str, Any] = {
        "viewport": dict(VIEWPORT), "locale": LOCALE, "timezone_id": TIMEZONE,
    }
    if video_dir is not None:
        options["record_video_dir"] = str(video_dir)
        options["record_video_size"] = dict(VIEWPORT)
    return options


def firefox_kind() -> str:
    """Short human label of the Firefox that :func:`firefox_launch_options` selects."""
    options = firefox_launch_options()
    if options.get("executable_path"):
        shim = ", TCP_NODELAY shim" if "env" in options else ""
        return f"{options['executable_path']} over WebDriver BiDi{shim}"
    return "Playwright Firefox build"


def browser_description(browser: Browser) -> str:
    """``"firefox 153.8.0 (/usr/bin/firefox-esr over WebDriver BiDi)"`` for a launched browser."""
    name = browser.browser_type.name
    text = f"{name} {browser.version}"
    if name == "firefox":
        with contextlib.suppress(BrowserSetupError):
            text += f" ({firefox_kind()})"
    return text


__all__ = [
    "BIDI_CHANNEL",
    "VIEWPORT",
    "context_options",
    "launch_options",
    "FIREFOX_ESR",
    "REQUIRED_PLAYWRIGHT",
    "BrowserSetupError",
    "browser_description",
    "check_playwright_version",
    "firefox_kind",
    "firefox_launch_options",
    "installed_playwright_version",
    "playwright_browsers_path",
    "playwright_firefox_executable",
    "playwright_revision",
]
