"""Helpers shared by the jcjy end-to-end tests."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import Page, expect

from flows import review
from flows.models import ApplicationFacts
from flows.runner import StepRunner
from mock_sites.demo import MockConfig
from mock_sites.server import RunningSites, start_sites
from pages.jcjy import ApplicationDetailPage, ApplicationListPage, saved_notice


@contextmanager
def own_sites(tmp_path: Path, applications: int) -> Iterator[RunningSites]:
    """Both mock sites with a database of their own size (for this test only)."""
    config = MockConfig(data_dir=tmp_path / f"sites-{applications}", applications=applications)
    with start_sites(config) as running:
        yield running


def open_first_pending(review_list: ApplicationListPage) -> ApplicationDetailPage:
    """详情 of the first 待审核 row of the current list page."""
    student_no = review_list.first_pending()
    assert student_no is not None, "名单当前页没有待审核的申请"
    return review_list.open_detail(student_no)


def open_pending_application(
    page: Page, jcjy_url: str, runner: StepRunner
) -> tuple[ApplicationDetailPage, str, ApplicationFacts]:
    """申请名单审核 → 详情 of the first 待审核 student: the page, its address, what it says."""
    detail = review.open_application(page, jcjy_url, None, runner)
    return detail, page.url, review.read_application(detail)


def expect_saved(page: Page, name: str, result: str) -> None:
    """The site confirms the decision (on the next student's page or the list)."""
    expect(page.get_by_role("status").filter(
        has_text=re.compile("^" + re.escape(saved_notice(name, result)))
    )).to_be_visible()
