"""HTTP client of the mock sites' /__mock__/ control surface (SMS outbox, faults, reset).

Only the embedded mock sites have it; the real systems send real SMS to a person.
"""

from __future__ import annotations

import json
import re
import urllib.parse
import urllib.request
from dataclasses import dataclass

SMS_CODE = re.compile(r"验证码为(\d{4,8})")


@dataclass(frozen=True)
class MockControl:
    base_url: str
    timeout: float = 10.0

    def _call(self, path: str, payload: dict | None = None) -> object:
        data = None if payload is None else json.dumps(payload).encode()
        request = urllib.request.Request(
            self.base_url.rstrip("/") + "/__mock__" + path, data=data,
            headers={"Content-Type": "application/json"}, method="GET" if data is None else "POST",
        )
        with urllib.request.urlopen(request, timeout=self.timeout) as response:
            return json.loads(response.read().decode("utf-8"))

    def sms(self, phone: str | None = None) -> list[dict]:
        """Messages in the outbox, oldest first (only those to ``phone`` when given)."""
        query = "?" + urllib.parse.urlencode({"phone": phone}) if phone else ""
        return list(self._call("/sms" + query))  # type: ignore[arg-type]

    def latest_sms_code(self, phone: str) -> str:
        """The code of the newest verification SMS to ``phone``."""
        for message in reversed(self.sms(phone)):
            match = SMS_CODE.search(message["text"])
            if match:
                return match[1]
        raise LookupError(f"模拟短信中没有发给 {phone} 的验证码")

    def set_faults(self, **values: object) -> dict:
        return dict(self._call("/faults", values))  # type: ignore[arg-type]

    def reset(self) -> None:
        self._call("/reset", {})
