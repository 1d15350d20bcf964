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

Playwright's version and its own downloads are :mod:`browser.installation`'s business.

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
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import nodelay
from .installation import (
    BrowserSetupError,
    playwright_browsers_path,
    playwright_firefox_executable,
)

if TYPE_CHECKING:
    # Annotations only: this module works without Playwright (and then says how to install it).
    from playwright.sync_api import Browser

FIREFOX_ESR = Path("/usr/bin/firefox-esr")
BIDI_CHANNEL = "moz-firefox"
#: Secrets the CLI may read from its environment (passwords, 身份证号, SMS codes, tokens): no
#: browser has any use for them, so none is handed on.
SECRET_ENV = re.compile(r"^JCJY_.*(PASSWORD|ID_NUMBER|SMS_CODE|TOKEN|SECRET)")


def browser_env(base: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment a browser is launched with: this process's, without :data:`SECRET_ENV`."""
    return {k: v for k, v in (os.environ if base is None else base).items()
            if not SECRET_ENV.match(k)}


def firefox_launch_options() -> dict[str, Any]:
    """Extra keyword arguments for ``playwright.firefox.launch``.

    Only the environment (:func:`browser_env`) when Playwright's own Firefox is installed, else
    the firefox-esr BiDi options, with the TCP_NODELAY shim preloaded when it is available (see
    :mod:`browser.nodelay`).
    """
    env = browser_env()
    if playwright_firefox_executable() is not None:
        return {"env": env}
    if FIREFOX_ESR.is_file() and os.access(FIREFOX_ESR, os.X_OK):
        return {"channel": BIDI_CHANNEL, "executable_path": str(FIREFOX_ESR),
                "env": nodelay.preloaded(env) or env}
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
            return {"executable_path": str(CHROMIUM), "env": browser_env()}
    return {"env": browser_env()}


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
        shim = ", TCP_NODELAY shim" if nodelay.is_preloaded(options["env"]) else ""
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
