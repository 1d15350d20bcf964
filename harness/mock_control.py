"""HTTP client of the mock sites' /__mock__/ control surface (SMS outbox, faults, reset).

Only the embedded mock sites have it; the real systems send real SMS to a person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import httpx

#: How a verification SMS carries its code (registration and the student's login).
SMS_CODE = re.compile(r"验证码为(\d{4,8})")


def sms_code_in(text: str) -> str | None:
    """The verification code an SMS text carries (None when it carries none)."""
    match = SMS_CODE.search(text)
    return match[1] if match else None


@cache
def _client() -> httpx.Client:
    """One client for every call of this process: a new one per call would build its TLS
    context each time (≈ 10 ms), and its connections are pooled."""
    return httpx.Client()


def is_mock(url: str, timeout: float = 5.0) -> bool:
    """Whether the site at ``url`` is one of the mocks (it answers /__mock__/health)."""
    try:
        response = _client().get(url.rstrip("/") + "/__mock__/health", timeout=timeout)
    except (httpx.HTTPError, ValueError):
        return False
    return response.status_code == 200


@dataclass(frozen=True)
class MockControl:
    base_url: str
    timeout: float = 10.0

    def _call(self, path: str, payload: dict | None = None, params: dict | None = None) -> object:
        url = self.base_url.rstrip("/") + "/__mock__" + path
        if payload is None:
            response = _client().get(url, params=params, timeout=self.timeout)
        else:
            response = _client().post(url, json=payload, timeout=self.timeout)
        response.raise_for_status()
        return response.json()

    def sms(self, phone: str | None = None) -> list[dict]:
        """Messages in the outbox, oldest first (only those to ``phone`` when given)."""
        return list(self._call("/sms", params={"phone": phone} if phone else None))  # type: ignore[arg-type]

    def latest_sms_code(self, phone: str) -> str:
        """The code of the newest verification SMS to ``phone``."""
        for message in reversed(self.sms(phone)):
            code = sms_code_in(message["text"])
            if code:
                return code
        raise LookupError(f"模拟短信中没有发给 {phone} 的验证码")

    def set_faults(self, **values: object) -> dict:
        return dict(self._call("/faults", values))  # type: ignore[arg-type]

    def reset(self) -> None:
        self._call("/reset", {})
