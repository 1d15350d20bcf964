"""Who is logged in, page guards and masking of personal data."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import ParamSpec

from flask import flash, g, redirect, request, session, url_for
from flask.typing import ResponseReturnValue

from ..common.db import db
from ..common.faults import LOGIN_EXPIRED, session_expired
from ..common.throttle import Throttle, throttle
from .models import Account

ACCOUNT_KEY = "account_id"
MOBILE_KEY = "mobile"
LOGIN_THROTTLE, INVITE_THROTTLE = "office_login_throttle", "office_invite_throttle"
P = ParamSpec("P")


def login_throttle() -> Throttle:
    """Failed logins per account (web form and SSO API share it)."""
    return throttle(LOGIN_THROTTLE)


def invite_throttle() -> Throttle:
    """Wrong 邀请码 guesses per account."""
    return throttle(INVITE_THROTTLE)


def locked_message(throttle: Throttle) -> str:
    return f"登录失败次数过多，账号已临时锁定，请{throttle.minutes()}分钟后再试"


def current_user() -> Account | None:
    """The logged-in account (the session also names the mobile, so a reset DB logs out)."""
    if "user" not in g:
        account = None
        account_id = session.get(ACCOUNT_KEY)
        if account_id is not None:
            account = db().get(Account, account_id)
            if account is not None and account.mobile != session.get(MOBILE_KEY):
                account = None
        g.user = account
    return g.user


def user() -> Account:
    """The logged-in account inside a guarded view."""
    account = current_user()
    assert account is not None
    return account


def login_required(
    *, profile: bool = True
) -> Callable[[Callable[P, ResponseReturnValue]], Callable[P, ResponseReturnValue]]:
    """Guard a page: log in first (after a timeout with a message); fill the profile first."""

    def decorate(view: Callable[P, ResponseReturnValue]) -> Callable[P, ResponseReturnValue]:
        @wraps(view)
        def guarded(*args: P.args, **kwargs: P.kwargs) -> ResponseReturnValue:
            account = current_user()
            if account is None:
                if session_expired():
                    flash(LOGIN_EXPIRED, "warning")
                else:
                    flash("请先登录", "info")
                return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))
            if profile and not account.profile_complete:
                flash("请先填写个人信息", "info")
                return redirect(url_for("profile.edit"))
            return view(*args, **kwargs)

        return guarded

    return decorate

