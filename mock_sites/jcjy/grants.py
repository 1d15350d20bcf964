"""The reviewer's 基层就业系统 grant, re-checked with the office (SSO) while they are logged in.

A grant the unit admin removed ends the reviewer's session here: on the next 确定 always, and on
reading once the last check is older than ``MockConfig.grant_recheck_s`` (a check is a call to
the office, so not on every page view). A changed role or unit changes the scope at once.
"""

from __future__ import annotations

from flask import Response, flash, g, redirect, url_for

from ..common import clock
from ..common.logins import confirm_login, current_login, end_login_session
from ..common.message import message_page
from ..common.site import current_config
from . import sso

STAFF = "staff"
REVOKED = "您的基层就业系统审核权限已被撤销或变更，请联系本单位管理员，或重新登录"
UNVERIFIED = "暂时无法连接全国学生资助办公系统核验您的审核权限，本次操作未执行，请稍后再试"


def staff_login_data(identity: sso.StaffIdentity) -> dict:
    """What a reviewer's login remembers (scope of every query: unit and stages)."""
    return {
        "kind": STAFF, "account": identity.account, "name": identity.name,
        "unit_code": identity.unit_code, "unit_name": identity.unit_name,
        "stages": identity.stages,
    }


def grant_refusal(*, always: bool) -> Response | tuple[str, int] | None:
    """None while the grant holds (checked now when ``always`` or when due); else the answer:
    to 工作人员登录 when revoked (the session ended), 503 when the office cannot be asked."""
    login = current_login()
    config = current_config()
    if login is None or g.get("grant_checked") or (
            not always and clock.seconds() - login.checked_at < config.grant_recheck_s):
        return None
    try:
        identity = sso.grants(config.office_url, config.service_token, login.data["account"])
    except sso.SsoError as exc:
        if str(exc) != sso.NO_GRANT:
            return message_page(503, "暂时无法核验审核权限", UNVERIFIED)
        identity = None
    if identity is None or not identity.may_review:
        end_login_session()
        flash(REVOKED, "warning")
        return redirect(url_for("auth.staff_login"))
    data = staff_login_data(identity)
    if data != login.data or not always:  # 确定 writes only a change (it re-checks anyway)
        confirm_login(data)
    g.grant_checked = True  # once per request, even where 确定 and its guard both ask
    return None
