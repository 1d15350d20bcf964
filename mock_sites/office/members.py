"""内部组织 → 部门成员 and 授权管理 (grant systems and reviewer roles to members)."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from sqlalchemy import select

from .. import reference
from ..common import params
from ..common.db import db
from ..common.roles import JCJY_SYSTEM, REVIEWER_ROLES, ROLE_STAGES
from ..common.security import require
from .access import login_required, user
from .models import APPROVED, SYSTEMS, Account, Membership

bp = Blueprint("members", __name__, url_prefix="/mainList/organization/members")

NOBODY = "请先勾选需要授权的人员"
ROLE_REQUIRED = "勾选基层就业系统时，请同时勾选审核人员角色"


def may_view(account: Account) -> bool:
    return account.is_admin


def _members(unit_code: str) -> list[Membership]:
    return list(db().scalars(
        select(Membership)
        .where(Membership.unit_code == unit_code, Membership.status == APPROVED)
        .order_by(Membership.id)
    ))


def _page(
    unit_code: str | None, *, status: int = 200, dialog: dict | None = None
) -> tuple[str, int]:
    account = user()
    unit = reference.find_unit(unit_code)
    return render_template(
        "office/members.html",
        unit=unit,
        members=_members(unit.code) if unit else [],
        can_authorize=account.admin_unit is not None and unit is not None,
        all_units=account.is_school_admin,
        unit_options=[(u.code, f"{u.name}（{u.department_name}）") for u in reference.units()],
        systems=SYSTEMS, roles=REVIEWER_ROLES,
        dialog=dialog or {},
    ), status


@bp.get("")
@login_required()
def index() -> tuple[str, int]:
    account = user()
    require(may_view(account))
    if account.admin_unit is not None:
        return _page(account.admin_unit)
    code = request.args.get("unit", "").strip()
    if code and reference.find_unit(code) is None:
        flash("所选培养单位不存在，请重新选择", "error")
        code = ""
    return _page(code or None)


def _ticked_members(unit_code: str) -> list[Membership]:
    """The ticked members; any id that is not an approved member of this unit → 403."""
    ids = [params.row_id(raw) for raw in request.form.getlist("member_id")]
    if None in ids:
        abort(403)
    members = []
    for member_id in dict.fromkeys(ids):
        member = db().get(Membership, member_id)
        require(member is not None and member.status == APPROVED
                and member.unit_code == unit_code)
        members.append(member)
    return members


def _grant_errors(unit: reference.Unit, members: list, systems: list, roles: list) -> str | None:
    if not members:
        return NOBODY
    if JCJY_SYSTEM in systems and not roles:
        return ROLE_REQUIRED
    for role in roles:
        if ROLE_STAGES[role] not in unit.stages:
            return f"培养单位“{unit.name}”没有{ROLE_STAGES[role]}学段，不能授予{role}角色"
    return None


@bp.post("/authorize")
@login_required()
def authorize() -> ResponseReturnValue:
    """确定 in the 授权管理 dialog: set exactly the ticked grants for every ticked member."""
    unit = reference.find_unit(user().admin_unit)
    require(unit is not None)  # only an approved 管理员 of a 培养单位 (not the school admin)
    members = _ticked_members(unit.code)
    systems = request.form.getlist("system")
    roles = request.form.getlist("role")
    if not set(systems) <= set(SYSTEMS) or not set(roles) <= set(REVIEWER_ROLES):
        abort(400)
    systems = [s for s in SYSTEMS if s in systems]
    roles = [r for r in REVIEWER_ROLES if r in roles]
    error = _grant_errors(unit, members, systems, roles)
    if error:
        dialog = {"open": True, "error": error, "members": {m.id for m in members},
                  "systems": systems, "roles": roles}
        return _page(unit.code, status=400, dialog=dialog)
    for member in members:
        member.systems = list(systems)
        member.roles = list(roles)
    db().commit()
    flash(f"已为{len(members)}名人员完成授权", "success")
    return redirect(url_for("members.index"))
