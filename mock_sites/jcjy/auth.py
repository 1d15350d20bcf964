"""Login home, staff login through the office site's SSO, and logout."""

from __future__ import annotations

from flask import (
    Blueprint,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask.typing import ResponseReturnValue

from ..common.captcha import check_captcha, new_captcha
from ..common.logins import end_login_session, start_login_session
from ..common.security import safe_next
from ..common.site import current_config
from ..common.throttle import client_login_passed, client_login_refusal
from ..common.validators import collect, max_length, required
from . import sso
from .access import STAFF, current_user
from .grants import staff_login_data

bp = Blueprint("auth", __name__)
LIST_PATH = "/review/applications"


@bp.get("/")
def index() -> ResponseReturnValue:
    return redirect(url_for("auth.login_home"))


@bp.get("/loginHome")
def login_home() -> str:
    return render_template("jcjy/login_home.html")


@bp.route("/staff/login", methods=["GET", "POST"])
def staff_login() -> ResponseReturnValue:
    next_path = safe_next(request.values.get("next")) or LIST_PATH
    if request.method == "GET":
        return _form(next_path)
    account = request.form.get("account", "").strip()
    password = request.form.get("password", "")
    errors = collect({
        "account": required(account, "账号") or max_length(account, "账号", 50),
        "password": required(password, "密码") or max_length(password, "密码", 64),
        "captcha": check_captcha(request.form.get("captcha", "")),
    })
    if errors:
        return _form(next_path, account, errors), 400
    if refusal := client_login_refusal():
        return _form(next_path, account, {"form": refusal}), 429
    config = current_config()
    try:
        identity = sso.verify(config.office_url, config.service_token, account, password)
    except sso.SsoError as exc:
        return _form(next_path, account, {"form": str(exc)}), 401
    client_login_passed()
    if not identity.may_review:
        return _form(next_path, account, {"form": sso.NO_GRANT}), 403
    start_login_session(staff_login_data(identity))
    return redirect(next_path)


def _form(next_path: str, account: str = "", errors: dict | None = None) -> str:
    return render_template(
        "jcjy/staff_login.html", next_path=next_path, account=account,
        errors=errors or {}, captcha=new_captcha(),
    )


@bp.post("/logout")
def logout() -> ResponseReturnValue:
    user = current_user()
    end_login_session()
    flash("您已退出登录", "info")
    if user is not None and user.kind == STAFF:
        return redirect(url_for("auth.staff_login"))
    return redirect(url_for("auth.login_home"))
