"""申请名单审核 read whole: every page of the list, as a reviewer pages through it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TypeVar
from urllib.parse import urljoin

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page

from pages.jcjy import ApplicationListPage, ApplicationRow

#: The 审核状态 filter that shows every application.
ALL = "全部"
T = TypeVar("T")
#: Runs one piece of work, named for messages (retrying it, say): ``attempt(what, work)``.
Attempt = Callable[[str, Callable[[], T]], T]


def walk_list(page: Page, jcjy_url: str, status: str = ALL,
              attempt: Attempt = lambda what, work: work()) -> Iterator[tuple[ApplicationRow, str]]:
    """Every row of 申请名单审核 (filtered by 审核状态 ``status``) with the path of its 详情,
    page after page (下一页 until there is none).

    Each page is one piece of work for ``attempt`` (e.g. a bulk run's retries): when one fails,
    it is tried again by going straight to where 下一页 led (one page load), not from the first
    page."""
    review_list = ApplicationListPage(page, jcjy_url)
    tries = 0

    def read() -> _Shown:
        following = review_list.next_page_path()
        return _Shown(review_list.rows(), review_list.detail_paths(),
                      urljoin(page.url, following) if following else None, page.url, review_list.page_info()[0])

    def first() -> _Shown:
        nonlocal tries
        tries += 1
        if tries > 1 or not review_list.is_at():
            review_list.open()
        review_list.search(status=status)
        return read()

    def showing(shown: _Shown) -> bool:
        try:
            return page.url == shown.address and review_list.page_info()[0] == shown.number
        except (AssertionError, PlaywrightError):  # an error page, the login screen
            return False

    def after(shown: _Shown, following: str) -> Callable[[], _Shown]:
        def next_one() -> _Shown:
            if showing(shown):
                review_list.next_page()
            else:  # after a failure: straight to where 下一页 leads
                page.goto(following)
                review_list.expect_arrived()
            return read()
        return next_one

    shown = attempt("读取申请名单", first)
    while True:
        for row in shown.rows:
            yield row, shown.paths[row.application_no]
        if shown.following is None:
            return
        shown = attempt(f"读取申请名单（第 {shown.number + 1} 页）", after(shown, shown.following))


@dataclass(frozen=True)
class _Shown:
    """One page of the list as read: its rows, their 详情 paths, where 下一页 leads (None on the
    last page), its address and its number (第 X 页)."""

    rows: list[ApplicationRow]
    paths: dict[str, str]
    following: str | None
    address: str
    number: int
