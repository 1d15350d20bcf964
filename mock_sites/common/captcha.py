"""Graphic captcha (图形验证码) for login forms, in the modes of ``MockConfig.captcha_mode``.

- ``off``: no captcha field;
- ``fixed``: the image shows ``captcha_fixed_code`` and that code is always accepted
  (predictable for automation);
- ``image``: a random code drawn as an inline SVG; one use per drawing.
"""

from __future__ import annotations

import base64
import hmac
import random
import secrets
from dataclasses import dataclass

from flask import session

from .hashing import keyed_digest
from .site import current_config

ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I
SESSION_KEY = "_captcha"


@dataclass(frozen=True)
class Captcha:
    """What a login template needs: the image (data URI) and the field's label."""

    image: str
    label: str = "图形验证码"
    alt: str = "图形验证码"


def _mode() -> str:
    return current_config().captcha_mode


def new_captcha() -> Captcha | None:
    """Draw a captcha for the form about to be shown (None when the mode is ``off``)."""
    mode = _mode()
    if mode == "off":
        return None
    if mode == "fixed":
        code = current_config().captcha_fixed_code
    else:
        code = "".join(secrets.choice(ALPHABET) for _ in range(4))
        # Only a keyed hash goes into the (signed, readable) session cookie.
        session[SESSION_KEY] = keyed_digest(code.upper())
    return Captcha(image=svg_data_uri(code))


def check_captcha(value: str) -> str | None:
    """Chinese error message, or None when the answer is right (or no captcha is in use)."""
    mode = _mode()
    if mode == "off":
        return None
    value = (value or "").strip()
    if not value:
        return "请填写图形验证码"
    if mode == "fixed":
        ok = value.upper() == current_config().captcha_fixed_code.upper()
    else:
        expected = session.pop(SESSION_KEY, None)
        ok = expected is not None and hmac.compare_digest(expected, keyed_digest(value.upper()))
    return None if ok else "图形验证码错误，请重新输入"


def svg_data_uri(code: str) -> str:
    """The code drawn as a small SVG with noise lines, as a data: URI for an <img>."""
    rng = random.Random(code + secrets.token_hex(4))
    parts = [
        '<svg xmlns="http://www.w3.org/2000/svg" width="110" height="38" viewBox="0 0 110 38">',
        '<rect width="110" height="38" fill="#eef3fa"/>',
    ]
    for _ in range(4):
        x1, y1, x2, y2 = (rng.randint(0, 110), rng.randint(0, 38),
                          rng.randint(0, 110), rng.randint(0, 38))
        parts.append(f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="#9fb3d1"/>')
    for i, ch in enumerate(code):
        x, y, angle = 12 + i * (90 // max(1, len(code))), rng.randint(25, 30), rng.randint(-20, 20)
        parts.append(
            f'<text x="{x}" y="{y}" transform="rotate({angle} {x} {y})" font-size="22" '
            f'font-family="monospace" font-weight="bold" fill="#1d4f91">{ch}</text>'
        )
    parts.append("</svg>")
    encoded = base64.b64encode("".join(parts).encode()).decode()
    return f"data:image/svg+xml;base64,{encoded}"
