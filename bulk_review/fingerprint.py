"""The hidden 指纹 of a row: an HMAC-SHA256, keyed by its export, over the exported columns.

The key is made at export and kept in the journal beside the worksheet (never in the sheet): a
row whose exported values were edited, or a row from another export, does not match.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from .columns import EXPORTED_HEADERS

#: Unit separator between values (never typed in a cell).
_SEPARATOR = "\x1f"


def new_key() -> str:
    return secrets.token_hex(32)


def row_fingerprint(key: str, export_id: str, values: dict[str, str]) -> str:
    message = _SEPARATOR.join([export_id, *(values.get(h, "") for h in EXPORTED_HEADERS)])
    return hmac.new(bytes.fromhex(key), message.encode(), hashlib.sha256).hexdigest()[:32]


def matches(key: str, export_id: str, values: dict[str, str], fingerprint: str) -> bool:
    return hmac.compare_digest(row_fingerprint(key, export_id, values), fingerprint.strip())
