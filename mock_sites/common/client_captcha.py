"""The 图形验证码 demanded of one client on forms that have none by default (学生登录 and its
获取验证码, 注册账户 and its 获取验证码), when captcha mode is on.

Demanded once the client's per-client windows (``common/throttle``) hold ``captcha_after_failures``
failed logins or ``captcha_after_sms`` codes sent; the staff logins ask for it on every attempt.
A request that reserves its own attempt decides on its place in the window (``*_before``), so a
parallel burst gets past without a captcha only as far as the threshold.
"""

from __future__ import annotations

from flask import request

from .captcha import Captcha, check_captcha, new_captcha
from .site import current_config
from .throttle import CLIENT_LOGINS, CLIENT_SMS, client_key, throttle


def _demanded(failures_before: int | None, sms_before: int | None) -> bool:
    config = current_config()
    if config.captcha_mode == "off":
        return False
    key = client_key()
    failures = throttle(CLIENT_LOGINS).count(key) if failures_before is None else failures_before
    sms = throttle(CLIENT_SMS).count(key) if sms_before is None else sms_before
    return failures >= config.captcha_after_failures or sms >= config.captcha_after_sms


def client_captcha() -> Captcha | None:
    """The drawing for this client's next form, None while none is demanded."""
    return new_captcha() if _demanded(None, None) else None


def client_captcha_refusal(*, failures_before: int | None = None,
                           sms_before: int | None = None) -> str | None:
    """Why the posted form is refused (in Chinese): the captcha is demanded and not answered
    right. ``failures_before`` / ``sms_before``: this request's place in that window, when it
    has reserved one (else the window's count now)."""
    if not _demanded(failures_before, sms_before):
        return None
    return check_captcha(request.form.get("captcha", ""))
