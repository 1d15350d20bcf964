"""End-to-end fixtures: per-test mock sites (own database, free ports) and ready-made actors.

Every test gets its own copy of a database seeded once per xdist worker, so tests share no
state and run in any order and in parallel.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import allure
import pytest
from e2e_support import APPLICATIONS, GRADUATE_REVIEWER, SEED
from playwright.sync_api import Browser, Page

from flows.browser import context_options
from flows.mock_control import MockControl
from flows.models import Credentials, StaffMember
from flows.people import new_staff_member
from flows.procedure import Sites
from flows.reporting import attach_artifact
from flows.runner import StepObserver, StepRunner
from flows.steps import Step
from mock_sites.common.config import MockConfig
from mock_sites.server import prepare_data, start_sites
from pages.jcjy import ApplicationListPage, StaffLoginPage

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


@pytest.fixture(scope="session")
def seeded_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Both databases seeded once per worker; tests start from copies."""
    directory = tmp_path_factory.mktemp("seeded")
    prepare_data(MockConfig(data_dir=directory, seed=SEED, applications=APPLICATIONS))
    return directory


@pytest.fixture
def mock_sites(seeded_template: Path, tmp_path: Path) -> Iterator[MockSites]:
    data_dir = tmp_path / "data"
    shutil.copytree(seeded_template, data_dir)
    config = MockConfig(data_dir=data_dir, seed=SEED, applications=APPLICATIONS)
    with start_sites(config) as running:
        yield MockSites(
            Sites(running.office_url, running.jcjy_url), running.config,
            MockControl(running.office_url), MockControl(running.jcjy_url),
        )


@pytest.fixture
def page(page: Page) -> Page:
    page.set_default_timeout(TIMEOUT_MS)
    return page


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
            attach_artifact("video", video)
        attach_artifact("trace", trace)


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


@pytest.fixture
def reviewer_page(page: Page, mock_sites: MockSites) -> ApplicationListPage:
    """Signed in to 基层就业系统 as the seeded graduate reviewer of 计算所."""
    return login_reviewer(page, mock_sites, GRADUATE_REVIEWER)


def login_reviewer(page: Page, mock_sites: MockSites, account: str) -> ApplicationListPage:
    login = StaffLoginPage(page, mock_sites.urls.jcjy_url).open()
    assert isinstance(login, StaffLoginPage)
    login.login(account, mock_sites.config.demo_password)
    review_list = ApplicationListPage(page, mock_sites.urls.jcjy_url)
    review_list.expect_loaded()
    return review_list
