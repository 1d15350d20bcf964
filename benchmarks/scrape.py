"""Reading the mock sites' HTML (regular expressions over the known templates) and checking pages.

Every check raises ``CheckFailed`` naming the page and what the site said, so a benchmark never
silently measures an error page.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from .client import CheckFailed, Response

_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
_TITLE = re.compile(r"<title>(.*?)</title>", re.S)
_ALERT = re.compile(r'class="(?:flash flash-\w+|error)"[^>]*>(.*?)</(?:div|p)>', re.S)
_ROW = re.compile(r"<tr>(.*?)</tr>", re.S)
_TAG = re.compile(r"<[^>]+>")


def text_of(fragment: str) -> str:
    return " ".join(html.unescape(_TAG.sub(" ", fragment)).split())


def title(response: Response) -> str:
    found = _TITLE.search(response.text)
    return text_of(found.group(1)) if found else ""


def messages(response: Response) -> list[str]:
    """Flash messages and field errors shown on the page."""
    return [text_of(m) for m in _ALERT.findall(response.text)]


def expect(
    response: Response,
    what: str,
    *,
    status: int = 200,
    path: str | None = None,
    contains: tuple[str, ...] = (),
    content_type: str | None = "text/html",
) -> Response:
    """Check status, final path, content type and that every text in ``contains`` is present."""
    problems = []
    if response.status != status:
        problems.append(f"HTTP {response.status}（应为 {status}）")
    if path is not None and response.path != path:
        problems.append(f"到达 {response.path}（应为 {path}）")
    if content_type and response.content_type != content_type:
        problems.append(f"内容类型 {response.content_type}（应为 {content_type}）")
    if content_type == "text/html":
        missing = [c for c in contains if c not in response.text]
        if missing:
            problems.append(f"页面缺少：{'、'.join(missing)}")
    if problems:
        said = "；".join(messages(response)) or title(response) or "（无提示）"
        raise CheckFailed(f"{what}：{'，'.join(problems)}。页面提示：{said}")
    return response


def csrf_token(response: Response) -> str:
    found = _CSRF.search(response.text)
    if not found:
        raise CheckFailed(f"页面 {response.path} 中没有 csrf_token")
    return html.unescape(found.group(1))


def input_value(response: Response, name: str) -> str:
    found = re.search(rf'name="{re.escape(name)}" value="([^"]*)"', response.text)
    if not found:
        raise CheckFailed(f"页面 {response.path} 中没有字段 {name}")
    return html.unescape(found.group(1))


def rows(response: Response) -> list[str]:
    """The raw HTML of every table row (``<tr>`` without attributes: the data rows)."""
    return _ROW.findall(response.text)


def form_action(row_html: str, ending: str) -> str | None:
    found = re.search(rf'action="([^"]*{re.escape(ending)})"', row_html)
    return html.unescape(found.group(1)) if found else None


def member_checkbox(response: Response, name: str) -> str:
    """The ``member_id`` of the member row labelled 选择 {name} on 部门成员."""
    pattern = rf'name="member_id" value="(\d+)"[^>]*aria-label="选择 {re.escape(name)}"'
    found = re.search(pattern, response.text)
    if not found:
        raise CheckFailed(f"部门成员中没有“{name}”的勾选框")
    return found.group(1)


@dataclass(frozen=True)
class ListedApplication:
    """One row of 申请名单审核."""

    app_id: int
    judge_result: str  # 符合 / 不符合
    status: str  # 待审核 / 审核通过 / 审核不通过


def listed_applications(response: Response) -> list[ListedApplication]:
    found = []
    for row in rows(response):
        link = re.search(r'href="/review/applications/(\d+)"', row)
        tags = [text_of(t) for t in re.findall(r'<span class="tag [^"]*">(.*?)</span>', row)]
        if link and len(tags) >= 2:
            found.append(ListedApplication(int(link.group(1)), tags[-2], tags[-1]))
    return found


def pending_count(response: Response) -> int:
    found = re.search(r'id="pending-count">(\d+)<', response.text)
    if not found:
        raise CheckFailed("申请名单审核页面中没有待审核数量")
    return int(found.group(1))


@dataclass(frozen=True)
class MaterialLinks:
    title: str
    preview_url: str
    download_url: str


_MATERIAL_BUTTON = re.compile(
    r'data-preview-url="([^"]+)"\s+data-download-url="([^"]+)"\s+data-preview-title="([^"]+)"'
)


def materials(response: Response) -> list[MaterialLinks]:
    """Every 证明材料 of a detail page: its title, preview image and PDF download."""
    return [
        MaterialLinks(html.unescape(title), html.unescape(preview), html.unescape(download))
        for preview, download, title in _MATERIAL_BUTTON.findall(response.text)
    ]


def page_count(response: Response) -> int:
    found = re.search(r"第 \d+/(\d+) 页", response.text)
    return int(found.group(1)) if found else 1
