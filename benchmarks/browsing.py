"""Plain-HTTP stand-ins for browser tabs (``httpx``) and the check every page they fetch passes.

One client per person and site: its own cookies, connections kept alive where the server allows
(Werkzeug's development server closes each), redirects followed as a browser does. A :class:`RequestCounter` counts every request, redirect hops included, and,
as a ``StepRunner`` observer, how many each documented step made.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import httpx

from flows.errors import ApplicationError

from . import scrape

if TYPE_CHECKING:
    from playwright.sync_api import Page

    from flows.steps import Step

HEADERS = {"Accept-Language": "zh-CN,zh;q=0.9", "User-Agent": "jcjy-benchmark/2"}
#: What a request may raise besides a wrong page: network errors and broken HTTP.
TRANSPORT_ERRORS = (httpx.HTTPError, OSError)


@dataclass
class RequestCounter:
    """An httpx request hook (counts every request) and a step observer (requests per step;
    the same step run twice adds up)."""

    total: int = 0
    per_step: dict[Step, int] = field(default_factory=dict)
    _at_start: int = 0

    def __call__(self, _request: httpx.Request) -> None:
        self.total += 1

    def step_started(self, step: Step, page: Page | None) -> None:
        self._at_start = self.total

    def step_finished(self, step: Step, page: Page | None, seconds: float) -> None:
        self.per_step[step] = self.per_step.get(step, 0) + self.total - self._at_start

    def step_failed(
        self, step: Step, page: Page | None, seconds: float, error: BaseException
    ) -> None:
        self.step_finished(step, page, seconds)


def tab(base_url: str, counter: RequestCounter | None = None) -> httpx.Client:
    """A client for one site, like a browser tab: cookies, keep-alive, redirects followed."""
    hooks = {"request": [counter]} if counter else {}
    return httpx.Client(base_url=base_url, follow_redirects=True, headers=HEADERS, timeout=30.0,
                        event_hooks=hooks)


#: How each binary type the sites send begins; any other type is text, checked for ``contains``.
MAGIC = {"application/pdf": (b"%PDF", "不是PDF"), "image/jpeg": (b"\xff\xd8\xff", "不是JPEG图像")}


def expect(
    response: httpx.Response, what: str, *, status: int = 200, path: str | None = None,
    contains: tuple[str, ...] = (), content_type: str | tuple[str, ...] = "text/html",
) -> httpx.Response:
    """Check status, final path, content type (one of ``content_type``) and that every text in
    ``contains`` is there (in HTML and SVG); raise ``ApplicationError`` naming the page and
    what the site said."""
    accepted = (content_type,) if isinstance(content_type, str) else content_type
    problems = []
    if response.status_code != status:
        problems.append(f"HTTP {response.status_code}（应为 {status}）")
    if path is not None and response.url.path != path:
        problems.append(f"到达 {response.url.path}（应为 {path}）")
    received = response.headers.get("Content-Type", "").split(";")[0].strip()
    if received not in accepted:
        problems.append(f"内容类型 {received}（应为 {' 或 '.join(accepted)}）")
    elif received in MAGIC:
        magic, wrong = MAGIC[received]
        if not response.content.startswith(magic):
            problems.append(wrong)
    else:
        missing = [c for c in contains if c not in response.text]
        if missing:
            problems.append(f"页面缺少：{'、'.join(missing)}")
    if problems:
        page = response.text if received == "text/html" else ""
        said = "；".join(scrape.messages(page)) or scrape.title(page) or "（无提示）"
        raise ApplicationError(f"{what}：{'，'.join(problems)}。页面提示：{said}")
    return response


def submit(client: httpx.Client, path: str, page: str, **fields: str) -> httpx.Response:
    """Send a form of ``page`` (its CSRF token included) to ``path``."""
    return client.post(path, data={"csrf_token": scrape.form_token(page), **fields})
