"""Home redirect, 用户登录 and 退出登录."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from sqlalchemy import select

from ..common import validators as v
from ..common.captcha import check_captcha, new_captcha
from ..common.db import db
from ..common.hashing import verify_password
from ..common.logins import end_login_session, start_login_session
from ..common.security import safe_next
from ..common.throttle import client_login_passed, client_login_refusal
from .access import current_user, locked_message, login_data, login_throttle
from .models import Account

bp = Blueprint("auth", __name__)

WRONG_CREDENTIALS = "账号或密码错误"


@bp.get("/")
def home() -> ResponseReturnValue:
    if current_user() is None:
        return redirect(url_for("auth.login"))
    return redirect(url_for("organization.overview"))


def authenticate(account: str, password: str) -> tuple[Account | None, str | None]:
    """Check credentials under the login throttle: (account, None) or (None, message)."""
    throttle = login_throttle()
    key = account.strip()
    found = db().scalar(select(Account).where(Account.mobile == key)) if key else None
    passed = throttle.attempt(
        key, lambda: found is not None and verify_password(found.password_hash, password))
    if passed is None:
        return None, locked_message(throttle)
    return (found, None) if passed else (None, WRONG_CREDENTIALS)


def log_in(account: Account) -> None:
    start_login_session(login_data(account))


@bp.route("/login", methods=["GET", "POST"])
def login() -> ResponseReturnValue:
    next_url = safe_next(request.values.get("next"))
    if request.method == "GET" and current_user() is not None:
        return redirect(next_url or url_for("organization.overview"))
    errors: dict[str, str] = {}
    mobile = request.form.get("account", "").strip()
    if request.method == "POST":
        password = request.form.get("password", "")
        errors = v.collect({
            "account": v.required(mobile, "账号"),
            "password": v.required(password, "密码"),
        })
        if not errors:
            message = check_captcha(request.form.get("captcha", ""))
            if message:
                errors["captcha"] = message
        if not errors and (refusal := client_login_refusal()):
            errors["form"] = refusal
        elif not errors:
            account, message = authenticate(mobile, password)
            if account is None:
                errors["form"] = message or WRONG_CREDENTIALS
            else:
                client_login_passed()
                log_in(account)
                if not account.profile_complete:
                    flash("登录成功，请先填写个人信息", "success")
                    return redirect(url_for("profile.edit"))
                return redirect(next_url or url_for("organization.overview"))
    status = 400 if errors else 200
    return render_template(
        "office/login.html", errors=errors, account=mobile, next=next_url,
        captcha=new_captcha(),
    ), status


@bp.post("/logout")
def logout() -> ResponseReturnValue:
    end_login_session()
    flash("您已退出登录", "info")
    return redirect(url_for("auth.login"))
