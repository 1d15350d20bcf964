"""Who is logged in, page guards and masking of personal data."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import ParamSpec

from flask import flash, g, redirect, request, url_for
from flask.typing import ResponseReturnValue

from ..common.db import db
from ..common.hashing import keyed_digest
from ..common.logins import (
    LOGIN_EXPIRED,
    current_login,
    end_login_session,
    session_expired,
)
from ..common.throttle import Throttle, throttle
from .models import Account

ACCOUNT_KEY = "account_id"
PASSWORD_KEY = "password"  # a digest of the password hash the login was made with
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


def login_data(account: Account) -> dict:
    """What a login of ``account`` remembers (``start_login_session``)."""
    return {ACCOUNT_KEY: account.id, PASSWORD_KEY: keyed_digest(account.password_hash)}


def current_user() -> Account | None:
    """The logged-in account. A login made before the password last changed is ended."""
    if "user" not in g:
        account = None
        login = current_login()
        if login is not None:
            account = db().get(Account, login.data.get(ACCOUNT_KEY))
            if account is None or login.data != login_data(account):
                account = None
                end_login_session()
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

