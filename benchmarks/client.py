"""A small keep-alive HTTP client with cookies and redirects (stdlib only), like a browser tab.

One ``HttpClient`` talks to one origin over one persistent connection and keeps that origin's
cookies; it follows same-origin redirects as a browser does (POST → 302/303 → GET).
"""

from __future__ import annotations

import http.client
import urllib.request
from dataclasses import dataclass
from email.message import Message
from http.cookiejar import CookieJar
from urllib.parse import urlencode, urljoin, urlsplit

REDIRECTS = (301, 302, 303, 307, 308)
MAX_REDIRECTS = 10
FormData = dict[str, str] | list[tuple[str, str]]
# A reused keep-alive connection the server has closed in the meantime fails like this.
_STALE = (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError)
# What a request may raise besides a wrong page: network errors and broken HTTP.
TRANSPORT_ERRORS = (OSError, http.client.HTTPException)


class CheckFailed(AssertionError):
    """A response was not the page or status the benchmark expected."""


@dataclass
class Response:
    status: int
    url: str
    headers: Message
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")

    @property
    def path(self) -> str:
        return urlsplit(self.url).path

    @property
    def content_type(self) -> str:
        return self.headers.get("Content-Type", "").split(";")[0].strip()

    @property
    def location(self) -> str:
        return self.headers.get("Location", "")


class HttpClient:
    """Requests to one origin (``base_url``) with its own cookie jar and connection."""

    def __init__(self, base_url: str, timeout: float = 30.0) -> None:
        parts = urlsplit(base_url)
        if parts.scheme != "http" or not parts.hostname:
            raise ValueError(f"只支持 http:// 地址：{base_url}")
        self.base_url = base_url.rstrip("/")
        self.netloc = parts.netloc
        self.timeout = timeout
        self.jar = CookieJar()
        self._conn: http.client.HTTPConnection | None = None
        self.requests = 0

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def __enter__(self) -> HttpClient:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def get(self, path: str, params: FormData | None = None, *, follow: bool = True) -> Response:
        if params:
            path = f"{path}{'&' if '?' in path else '?'}{urlencode(params)}"
        return self.request("GET", path, follow=follow)

    def post(self, path: str, data: FormData, *, follow: bool = True) -> Response:
        return self.request("POST", path, urlencode(data, doseq=True).encode(), follow=follow)

    def request(
        self, method: str, path: str, body: bytes | None = None, *, follow: bool = True
    ) -> Response:
        url = urljoin(self.base_url + "/", path)
        first = url
        for _ in range(MAX_REDIRECTS + 1):
            response = self._send(method, url, body)
            if not follow or response.status not in REDIRECTS or not response.location:
                return response
            url = urljoin(url, response.location)
            if urlsplit(url).netloc != self.netloc:
                raise CheckFailed(f"重定向到了其他站点：{url}")
            if response.status in (301, 302, 303):
                method, body = "GET", None
        raise CheckFailed(f"重定向次数过多：{first}")

    def _connection(self) -> tuple[http.client.HTTPConnection, bool]:
        reused = self._conn is not None and self._conn.sock is not None
        if self._conn is None:
            self._conn = http.client.HTTPConnection(self.netloc, timeout=self.timeout)
        return self._conn, reused

    def _send(self, method: str, url: str, body: bytes | None) -> Response:
        cookie_request = urllib.request.Request(url, method=method)
        self.jar.add_cookie_header(cookie_request)
        headers = {"Accept-Language": "zh-CN,zh;q=0.9", "User-Agent": "jcjy-benchmark/1"}
        if cookie := cookie_request.get_header("Cookie"):
            headers["Cookie"] = cookie
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        parts = urlsplit(url)
        target = parts.path + (f"?{parts.query}" if parts.query else "")
        for attempt in (1, 2):
            conn, reused = self._connection()
            try:
                conn.request(method, target, body=body, headers=headers)
                raw = conn.getresponse()
                data = raw.read()
            except _STALE:
                self.close()
                if attempt == 2 or not reused:
                    raise
                continue
            except BaseException:
                self.close()
                raise
            break
        self.requests += 1
        self.jar.extract_cookies(raw, cookie_request)  # type: ignore[arg-type]
        if raw.will_close:
            self.close()
        return Response(raw.status, url, raw.headers, data)
