"""Request parameters, parsed by one helper per kind: ids, versions, page numbers, amounts, tokens.

Each helper returns the value or None (never raises), so the caller refuses with its own
Chinese message or a 400/403/404, never a 500. Only ASCII digits count as digits: ``str.isdigit``
accepts '²' and other scripts' digits, which ``int`` then refuses or reads.
"""

from __future__ import annotations

import hmac
import re

_DIGITS = re.compile(r"[0-9]{1,18}")  # 18 digits: below 2**63, so int() and SQLite both cope
#: The largest id or version a request may name: SQLite's integers are 64-bit, int32 is safe.
ROW_ID_MAX = 2**31 - 1
PAGE_MAX = 10**6
AMOUNT_MAX = 10**18 - 1
#: Longest token taken from a form or a header (CSRF, service token, SMS code, 图形验证码).
TOKEN_MAX = 200


def whole_number(raw: object, maximum: int) -> int | None:
    """``raw`` as an integer 0 … ``maximum`` written in ASCII digits, else None."""
    text = raw if isinstance(raw, str) else ""
    if not _DIGITS.fullmatch(text):
        return None
    value = int(text)
    return value if value <= maximum else None


def row_id(raw: object) -> int | None:
    """The id of a table row (a member, an application)."""
    return whole_number(raw, ROW_ID_MAX)


def version(raw: object) -> int | None:
    """A row's version counter as posted back by a form."""
    return whole_number(raw, ROW_ID_MAX)


def page_number(raw: object) -> int | None:
    """A list's page number, 1 … ``PAGE_MAX``."""
    value = whole_number(raw, PAGE_MAX)
    return value if value else None


def amount_yuan(raw: object) -> int | None:
    """Whole yuan as typed (thousands separators allowed); the caller checks the range."""
    text = raw.strip().replace(",", "") if isinstance(raw, str) else ""
    return whole_number(text, AMOUNT_MAX)


def token(raw: object) -> str | None:
    """A secret as typed or sent: printable ASCII up to ``TOKEN_MAX`` characters, else None."""
    if not isinstance(raw, str) or len(raw) > TOKEN_MAX or not raw.isascii():
        return None
    return raw if raw.isprintable() else None


def same_token(raw: object, expected: str) -> bool:
    """Whether ``raw`` is the secret ``expected``, compared in constant time."""
    given = token(raw)
    return given is not None and hmac.compare_digest(given.encode(), expected.encode())
