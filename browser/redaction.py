"""Scrub secrets from what a run keeps: Playwright traces.

The values come from the caller (``pages.secrets.known_secrets()``: every secret this process
typed or read); this module only replaces them, in plain and URL-encoded form.
"""

from __future__ import annotations

import contextlib
import urllib.parse
import zipfile
from collections.abc import Collection
from pathlib import Path

MASK = "******"


def redact_text(text: str, secrets: Collection[str]) -> str:
    """Replace every secret (and its URL-encoded forms) by :data:`MASK`, longest first."""
    for secret in sorted(secrets, key=len, reverse=True):
        if not secret:
            continue
        for form in {secret, urllib.parse.quote(secret), urllib.parse.quote_plus(secret)}:
            text = text.replace(form, MASK)
    return text


def redact_trace(path: Path, secrets: Collection[str]) -> None:
    """Scrub secrets from every text member of a Playwright trace (a zip), in place."""
    if not secrets or not path.exists():
        return
    tmp = path.with_suffix(".redacting")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item)
            with contextlib.suppress(UnicodeDecodeError):  # images hold no typed text
                data = redact_text(data.decode("utf-8"), secrets).encode("utf-8")
            dst.writestr(item, data)
    tmp.replace(path)
