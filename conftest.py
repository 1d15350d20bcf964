"""Root conftest: Firefox (firefox-esr over WebDriver BiDi) for pytest-playwright, Chinese
context options, and Allure attachments of the screenshot, video and trace a test leaves.

Kept in this one file: with xdist, a second copy of the attachment hook would attach twice.
"""

from __future__ import annotations

from collections.abc import Generator
from pathlib import Path

import pluggy
import pytest
from playwright.sync_api import Browser

from browser.artifacts import attach_artifact
from browser.installation import check_playwright_version, installed_playwright_version
from browser.launch import browser_description, context_options, launch_options
from pages.secrets import known_secrets


def pytest_configure(config: pytest.Config) -> None:
    """The documented procedure says 请使用火狐浏览器: Firefox unless --browser says otherwise."""
    if hasattr(config.option, "browser") and not config.option.browser:
        config.option.browser = ["firefox"]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict, browser_name: str) -> dict:
    """Add the executable and channel for this machine; keep --headed, --slowmo, --browser-channel."""
    check_playwright_version()
    return {**launch_options(browser_name), **browser_type_launch_args}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict) -> dict:
    args = {**context_options(), **browser_context_args}
    if "record_video_dir" in args:  # --video: the viewport and video sizes of context_options
        args = {**args, **context_options(args["record_video_dir"])}
    return args


@pytest.fixture(scope="session")
def browser(browser: Browser, pytestconfig: pytest.Config) -> Browser:
    """The session's browser; also records what it is in the Allure environment."""
    write_allure_environment(pytestconfig, {"浏览器": browser_description(browser)})
    return browser


def write_allure_environment(config: pytest.Config, extra: dict[str, str]) -> None:
    alluredir = config.getoption("allure_report_dir", default=None)
    if not alluredir:
        return
    values = {
        "Playwright": installed_playwright_version() or "?",
        "模拟站点": "每个测试独立启动的资助办公系统与基层就业系统（127.0.0.1，随机端口）",
        **extra,
    }
    path = Path(alluredir) / "environment.properties"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(f"{k}={v}\n" for k, v in values.items()), encoding="utf-8")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo
) -> Generator[None, pluggy.Result, None]:
    outcome = yield
    report = outcome.get_result()
    if report.when != "teardown":
        return
    # pytest-playwright lists the artifacts it kept (on failure) in user_properties.
    base = Path(item.config.invocation_params.dir)
    for name, value in report.user_properties:
        if isinstance(name, str) and name.startswith("playwright_"):
            attach_artifact(name.removeprefix("playwright_"), base / value, known_secrets())
