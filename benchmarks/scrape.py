"""Reading the mock sites' HTML (regular expressions over the known templates), from ``str``.

A lookup the page cannot answer raises ``ApplicationError`` naming what is missing.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from flows.errors import ApplicationError

_TITLE = re.compile(r"<title>(.*?)</title>", re.S)
_ALERT = re.compile(r'class="(?:flash flash-\w+|error)"[^>]*>(.*?)</(?:div|p)>', re.S)
_ROW = re.compile(r"<tr>(.*?)</tr>", re.S)
_TAG = re.compile(r"<[^>]+>")
_OPTION = re.compile(r'<option value="([^"]*)"[^>]*>(.*?)</option>', re.S)
_DETAIL_LINK = re.compile(r'href="/review/applications/(\d+)"')
_STATUS_TAG = re.compile(r'<span class="tag [^"]*">(.*?)</span>', re.S)
_PENDING = re.compile(r'id="pending-count">(\d+)<')
_PAGES = re.compile(r"第 \d+/(\d+) 页")
_REASON = re.compile(r'<ul class="reasons"[^>]*>(.*?)</ul>', re.S)
_ITEM = re.compile(r"<li>(.*?)</li>", re.S)
_MATERIAL = re.compile(
    r'data-preview-url="([^"]+)"\s+data-download-url="([^"]+)"\s+data-preview-title="([^"]+)"'
)


def text_of(fragment: str) -> str:
    """The visible text of an HTML fragment, whitespace collapsed."""
    return " ".join(html.unescape(_TAG.sub(" ", fragment)).split())


def title(page: str) -> str:
    found = _TITLE.search(page)
    return text_of(found.group(1)) if found else ""


def messages(page: str) -> list[str]:
    """Flash messages and field errors shown on the page."""
    return [text_of(m) for m in _ALERT.findall(page)]


def input_value(page: str, name: str) -> str:
    """The value of the (hidden) input ``name``."""
    found = re.search(rf'name="{re.escape(name)}" value="([^"]*)"', page)
    if not found:
        raise ApplicationError(f"页面中没有字段 {name}")
    return html.unescape(found.group(1))


def form_token(page: str) -> str:
    """The page's CSRF token, sent back with every form."""
    return input_value(page, "csrf_token")


def option_value(page: str, select: str, label: str) -> str:
    """The value of the option shown as ``label`` in the ``select`` list (picked by its label)."""
    found = re.search(rf'<select[^>]*name="{re.escape(select)}"[^>]*>(.*?)</select>', page, re.S)
    options = _OPTION.findall(found.group(1)) if found else []
    value = next((v for v, shown in options if text_of(shown) == label), None)
    if value is None:
        raise ApplicationError(f"选择框 {select} 中没有“{label}”")
    return html.unescape(value)


def checkbox_value(page: str, name: str, label: str) -> str:
    """The value of the checkbox ``name`` labelled ``label`` (e.g. 选择 张三 on 部门成员)."""
    pattern = rf'name="{re.escape(name)}" value="([^"]*)"[^>]*aria-label="{re.escape(label)}"'
    found = re.search(pattern, page)
    if not found:
        raise ApplicationError(f"页面中没有“{label}”的勾选框")
    return html.unescape(found.group(1))


def rows(page: str) -> list[str]:
    """The raw HTML of every table row (``<tr>`` without attributes: the data rows)."""
    return _ROW.findall(page)


def form_action(fragment: str, ending: str) -> str | None:
    found = re.search(rf'action="([^"]*{re.escape(ending)})"', fragment)
    return html.unescape(found.group(1)) if found else None


@dataclass(frozen=True)
class ListedApplication:
    """One row of 申请名单审核."""

    app_id: int
    judge_result: str  # 符合 / 不符合
    status: str  # 待审核 / 审核通过 / 审核不通过


def listed_applications(page: str) -> list[ListedApplication]:
    found = []
    for row in rows(page):
        link = _DETAIL_LINK.search(row)
        tags = [text_of(t) for t in _STATUS_TAG.findall(row)]
        if link and len(tags) >= 2:
            found.append(ListedApplication(int(link.group(1)), tags[-2], tags[-1]))
    return found


def pending_count(page: str) -> int:
    found = _PENDING.search(page)
    if not found:
        raise ApplicationError("申请名单审核页面中没有待审核数量")
    return int(found.group(1))


def page_count(page: str) -> int:
    found = _PAGES.search(page)
    return int(found.group(1)) if found else 1


def detail_value(page: str, term: str) -> str:
    """What 详情 shows under ``term`` (姓名, 学号 …)."""
    found = re.search(rf"<dt>{re.escape(term)}</dt><dd>(.*?)</dd>", page, re.S)
    if not found:
        raise ApplicationError(f"详情页中没有“{term}”")
    return text_of(found.group(1))


def reasons(page: str) -> list[str]:
    """The 不符合原因 of 系统判断结果 (none for an eligible application)."""
    found = _REASON.search(page)
    return [text_of(item) for item in _ITEM.findall(found.group(1))] if found else []


@dataclass(frozen=True)
class MaterialLinks:
    title: str
    preview_url: str
    download_url: str


def materials(page: str) -> list[MaterialLinks]:
    """Every 证明材料 of a detail page: its title, preview image and PDF download."""
    return [
        MaterialLinks(html.unescape(name), html.unescape(preview), html.unescape(download))
        for preview, download, name in _MATERIAL.findall(page)
    ]


_HISTORY = re.compile(r'<section class="panel history".*?<tbody>(.*?)</tbody>', re.S)
_CELL = re.compile(r"<td>(.*?)</td>", re.S)


def history(page: str) -> list[list[str]]:
    """审核记录 of a detail page: [审核时间, 审核人, 审核结果, 审核备注] per decision, oldest first."""
    found = _HISTORY.search(page)
    if not found:
        return []
    return [[text_of(c) for c in _CELL.findall(row)] for row in _ROW.findall(found.group(1))]
