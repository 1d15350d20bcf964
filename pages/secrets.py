"""Keep secrets (passwords, SMS codes, 身份证号) out of screenshots, videos, traces and reports.

Page objects fill a secret only through :func:`fill_secret`: the field is blurred on screen
before the value goes in, and the value is remembered (for the life of the process) so that
saved traces and logs can be scrubbed (:func:`redact_file`) before anyone keeps them.
"""

from __future__ import annotations

import contextlib
import urllib.parse
import zipfile
from pathlib import Path

from playwright.sync_api import Locator

MASK = "******"
_BLUR = "el => { el.style.filter = 'blur(7px)'; el.setAttribute('data-secret', ''); }"
_known: set[str] = set()


def remember_secret(value: str) -> None:
    """Register a value that must never be shown (also one read, e.g. an SMS code)."""
    if value:
        _known.add(value)


def known_secrets() -> frozenset[str]:
    """Every secret this process has typed or registered."""
    return frozenset(_known)


def fill_secret(field: Locator, value: str) -> None:
    """Blur the field, then fill it; remember the value for redaction."""
    remember_secret(value)
    field.evaluate(_BLUR)
    field.fill(value)


def redact_text(text: str, secrets: frozenset[str] | set[str]) -> str:
    """Replace every secret (and its URL-encoded form) by a mask, longest first."""
    for secret in sorted(secrets, key=len, reverse=True):
        if not secret:
            continue
        for form in {secret, urllib.parse.quote(secret), urllib.parse.quote_plus(secret)}:
            text = text.replace(form, MASK)
    return text


def redact_file(path: Path, secrets: frozenset[str] | set[str] | None = None) -> None:
    """Scrub secrets from a text file or from every text member of a zip (a Playwright trace)."""
    secrets = known_secrets() if secrets is None else secrets
    if not secrets or not path.exists():
        return
    if zipfile.is_zipfile(path):
        _redact_zip(path, secrets)
    else:
        data = path.read_bytes()
        try:
            path.write_text(redact_text(data.decode("utf-8"), secrets), encoding="utf-8")
        except UnicodeDecodeError:
            return


def _redact_zip(path: Path, secrets: frozenset[str] | set[str]) -> None:
    tmp = path.with_suffix(".redacting")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item)
            with contextlib.suppress(UnicodeDecodeError):  # images hold no typed text
                data = redact_text(data.decode("utf-8"), secrets).encode("utf-8")
            dst.writestr(item, data)
    tmp.replace(path)
