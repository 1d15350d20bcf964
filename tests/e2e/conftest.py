"""End-to-end fixtures: per-test mock sites (own database, free ports) and ready-made actors.

Every test gets its own copy of a database seeded once per xdist worker, so tests share no
state and run in any order and in parallel. The reviewers' logins are stored once per worker
too (their session cookies, valid on every copy: same data, same secret key); the tests of
logging in use the form.
"""

from __future__ import annotations

import secrets
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import allure
import pytest
from e2e_support import GRADUATE_REVIEWER, REVIEWERS, stored_login
from playwright.sync_api import Browser, Page, Playwright, StorageStateCookie

from browser.artifacts import attach_artifact
from browser.launch import context_options
from flows.models import Credentials, StaffMember
from flows.procedure import Sites
from flows.runner import StepObserver, StepRunner
from flows.steps import Step
from harness.mock_control import MockControl
from harness.people import new_staff_member
from mock_sites.demo import MockConfig
from mock_sites.server import start_sites
from pages.jcjy import ApplicationListPage
from pages.secrets import known_secrets

TIMEOUT_MS = 10_000


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.e2e)


@dataclass
class MockSites:
    """Both running sites of one test, with their control clients."""

    urls: Sites
    config: MockConfig
    office: MockControl
    jcjy: MockControl

    def credentials(self, account: str) -> Credentials:
        return Credentials(account, self.config.demo_password)


@dataclass(frozen=True)
class SeededData:
    """The worker's seeded databases and what logging in there left: each reviewer's cookies."""

    directory: Path
    secret_key: str
    cookies: dict[str, list[StorageStateCookie]] = field(repr=False)

    def config(self, data_dir: Path) -> MockConfig:
        return MockConfig(data_dir=data_dir, secret_key=self.secret_key)


@pytest.fixture(scope="session")
def seeded(tmp_path_factory: pytest.TempPathFactory, playwright: Playwright) -> SeededData:
    """Both databases seeded once per worker, and each reviewer logged in there once."""
    directory = tmp_path_factory.mktemp("seeded")
    config = MockConfig(data_dir=directory, secret_key=secrets.token_hex(32))
    with start_sites(config) as running:
        cookies = {account: stored_login(playwright, running.jcjy_url, account, config.demo_password)
                   for account in REVIEWERS}
    return SeededData(directory, config.secret_key, cookies)


@pytest.fixture
def mock_sites(seeded: SeededData, tmp_path: Path) -> Iterator[MockSites]:
    data_dir = tmp_path / "data"
    shutil.copytree(seeded.directory, data_dir)
    with start_sites(seeded.config(data_dir)) as running:
        yield MockSites(
            Sites(running.office_url, running.jcjy_url), running.config,
            MockControl(running.office_url), MockControl(running.jcjy_url),
        )


@pytest.fixture
def page(page: Page) -> Page:
    page.set_default_timeout(TIMEOUT_MS)
    return page


@pytest.fixture
def signed_in(
    page: Page, mock_sites: MockSites, seeded: SeededData
) -> Callable[..., ApplicationListPage]:
    """``signed_in(reviewer, on=page)``: 申请名单审核 of one of :data:`REVIEWERS`, from the
    stored login (no login form)."""

    def open_list(account: str, on: Page = page) -> ApplicationListPage:
        on.context.add_cookies(seeded.cookies[account])
        return ApplicationListPage(on, mock_sites.urls.jcjy_url).open()

    return open_list


@pytest.fixture
def reviewer_page(signed_in: Callable[..., ApplicationListPage]) -> ApplicationListPage:
    """Signed in to 基层就业系统 as the seeded graduate reviewer of 计算所."""
    return signed_in(GRADUATE_REVIEWER)


@pytest.fixture
def recorded_page(browser: Browser, browser_context_args: dict, tmp_path: Path) -> Iterator[Page]:
    """A page whose video and trace are attached to the report whatever the outcome."""
    video_dir = tmp_path / "video"
    args = {k: v for k, v in browser_context_args.items() if not k.startswith("record_video")}
    context = browser.new_context(**{**args, **context_options(video_dir)})
    context.tracing.start(screenshots=False, snapshots=True, sources=False)
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    try:
        yield page
    finally:
        trace = tmp_path / "trace.zip"
        context.tracing.stop(path=trace)
        context.close()
        for video in video_dir.glob("*.webm"):
            attach_artifact("video", video, known_secrets())
        attach_artifact("trace", trace, known_secrets())


class AllureScreenshots(StepObserver):
    """Attaches a screenshot at the end of each documented step (secret fields are blurred)."""

    def step_started(self, step: Step, page: Page | None) -> None:
        pass

    def step_finished(self, step: Step, page: Page | None, seconds: float) -> None:
        if page is not None:
            allure.attach(page.screenshot(), name=f"截图：{step.label}",
                          attachment_type=allure.attachment_type.PNG)

    def step_failed(self, step: Step, page: Page | None, seconds: float, error: BaseException) -> None:
        self.step_finished(step, page, seconds)


@pytest.fixture
def runner() -> StepRunner:
    return StepRunner()


@pytest.fixture
def illustrated_runner() -> StepRunner:
    """A runner that also attaches a screenshot per step (for the full-procedure test)."""
    return StepRunner(observers=[AllureScreenshots()])


@pytest.fixture
def staff() -> StaffMember:
    return new_staff_member()
