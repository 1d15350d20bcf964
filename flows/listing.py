"""申请名单审核 read whole: every page of the list, as a reviewer pages through it."""

from __future__ import annotations

from collections.abc import Iterator

from playwright.sync_api import Page

from pages.jcjy import ApplicationListPage, ApplicationRow

#: The 审核状态 filter that shows every application.
ALL = "全部"


def walk_list(page: Page, jcjy_url: str, status: str = ALL) -> Iterator[tuple[ApplicationRow, str]]:
    """Every row of 申请名单审核 (filtered by 审核状态 ``status``) with the path of its 详情,
    page after page (下一页 until there is none)."""
    review_list = ApplicationListPage(page, jcjy_url)
    if page.url != review_list.base_url + review_list.path:
        review_list.open()
    review_list.search(status=status)
    while True:
        paths = review_list.detail_paths()
        for row in review_list.rows():
            yield row, paths[row.application_no]
        if not review_list.has_next_page():
            return
        review_list.next_page()


def listed_count(page: Page, jcjy_url: str, status: str = ALL) -> int:
    """How many applications the list shows for ``status`` (共 N 条)."""
    review_list = ApplicationListPage(page, jcjy_url)
    review_list.open()
    review_list.search(status=status)
    return review_list.page_info()[2]
