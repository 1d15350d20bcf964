"""Keep secrets (passwords, SMS codes, 图形验证码, 身份证号) out of screenshots, videos and traces.

Page objects fill a secret only through :func:`fill_secret`: the field is blurred on screen
before the value goes in, and the value is remembered (for the life of the process) so that
saved traces can be scrubbed (``browser.redaction``) with :func:`known_secrets` before anyone
keeps them.
"""

from __future__ import annotations

from playwright.sync_api import Locator

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
