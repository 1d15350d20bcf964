"""加入组织 wizard: 业务 + 邀请码 → 院（系） + 学段 → 培养单位 + 申请身份.

The wizard keeps its state in the session; nothing is stored until 提交申请.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import wraps
from typing import ParamSpec

from flask import Blueprint, flash, redirect, render_template, request, session, url_for
from flask.typing import ResponseReturnValue
from sqlalchemy.exc import IntegrityError

import policy

from .. import reference
from ..common import clock
from ..common.db import db
from .access import invite_throttle, login_required, user
from .models import (
    APPROVED,
    BUSINESSES,
    IDENTITIES,
    OPEN_BUSINESS,
    PENDING,
    Membership,
)

bp = Blueprint("join", __name__, url_prefix="/mainList/organization/join")

STATE = "join"
ALREADY_APPLIED = "您已有待审批的加入申请，请等待审批结果，不能重复申请"
INVITE_RE = re.compile(r"\d{13}")
#: The wizard's pages in order; the session's ``step`` is the furthest one reached.
STEPS = ("join.business", "join.department", "join.unit")
P = ParamSpec("P")


def _blocked() -> str | None:
    """Why this account may not apply now (a pending application or an approved membership)."""
    current = user().current
    if current is not None and current.status == PENDING:
        return ALREADY_APPLIED
    if current is not None and current.status == APPROVED:
        return "您已加入组织，不能重复申请"
    return None


def _state() -> dict:
    return dict(session.get(STATE) or {})


def _save(state: dict) -> None:
    session[STATE] = state


def _step(
    number: int
) -> Callable[[Callable[P, ResponseReturnValue]], Callable[P, ResponseReturnValue]]:
    """Guard wizard page ``number`` (1-based): no second application, no skipped page."""

    def decorate(view: Callable[P, ResponseReturnValue]) -> Callable[P, ResponseReturnValue]:
        @wraps(view)
        def guarded(*args: P.args, **kwargs: P.kwargs) -> ResponseReturnValue:
            if message := _blocked():
                flash(message, "error")
                return redirect(url_for("organization.overview"))
            if _state().get("step", 1) < number:
                return redirect(url_for(STEPS[number - 2]))
            return view(*args, **kwargs)

        return guarded

    return decorate


def _check_invite(code: str) -> str | None:
    """Check a well-formed 邀请码 under the per-account guess throttle."""
    throttle = invite_throttle()
    passed = throttle.attempt(str(user().id), lambda: code == reference.demo_invite_code())
    if passed is None:
        return f"邀请码错误次数过多，已临时锁定，请{throttle.minutes()}分钟后再试"
    return None if passed else "邀请码无效，请核对群里通知的邀请码"


@bp.route("", methods=["GET", "POST"])
@login_required()
@_step(1)
def business() -> ResponseReturnValue:
    state = _state()
    values = {"business": state.get("business", ""), "invite_code": state.get("invite_code", "")}
    errors: dict[str, str] = {}
    if request.method == "POST":
        values = {k: request.form.get(k, "").strip() for k in values}
        if values["business"] not in BUSINESSES:
            errors["business"] = "请选择业务"
        elif values["business"] != OPEN_BUSINESS:
            errors["business"] = "该业务暂未开放加入"
        code = values["invite_code"]
        if not code:
            errors["invite_code"] = "请填写邀请码"
        elif not INVITE_RE.fullmatch(code):
            errors["invite_code"] = "邀请码应为13位数字"
        elif not errors and (message := _check_invite(code)):
            errors["invite_code"] = message
        if not errors:
            # Going back to step 1 keeps the later choices unless the organisation changed.
            same = all(state.get(k) == v for k, v in values.items())
            kept = state if same else {}
            _save({**kept, **values, "step": max(kept.get("step", 0), 2)})
            return redirect(url_for("join.department"))
    return render_template(
        "office/join_business.html", values=values, errors=errors, businesses=BUSINESSES
    ), 400 if errors else 200


@bp.route("/department", methods=["GET", "POST"])
@login_required()
@_step(2)
def department() -> ResponseReturnValue:
    state = _state()
    values = {"department": state.get("department", ""), "stage": state.get("stage", "")}
    errors: dict[str, str] = {}
    if request.method == "POST":
        if request.form.get("action") == "back":
            return redirect(url_for("join.business"))
        values = {k: request.form.get(k, "").strip() for k in values}
        if reference.department_name(values["department"]) is None:
            errors["department"] = "请选择院（系）"
        if values["stage"] not in policy.STAGES:
            errors["stage"] = "请选择学段"
        if not errors and not reference.units_for(values["department"], values["stage"]):
            errors["stage"] = f"所选院（系）没有{values['stage']}学段的培养单位，请重新选择"
        if not errors:
            changed = (values["department"], values["stage"]) != (
                state.get("department"), state.get("stage"))
            state.update(values, step=3)
            if changed:
                state.pop("unit", None)
            _save(state)
            return redirect(url_for("join.unit"))
    return render_template(
        "office/join_department.html", values=values, errors=errors,
        school=reference.school(), departments=[(d.code, d.name) for d in reference.departments()],
        stage_options=[(s, s) for s in policy.STAGES],
    ), 400 if errors else 200


@bp.route("/unit", methods=["GET", "POST"])
@login_required()
@_step(3)
def unit() -> ResponseReturnValue:
    state = _state()
    options = reference.units_for(state["department"], state["stage"])
    values = {"unit": state.get("unit", ""), "identity": state.get("identity", "")}
    errors: dict[str, str] = {}
    if request.method == "POST":
        values = {k: request.form.get(k, "").strip() for k in values}
        if request.form.get("action") == "back":
            state.update(values)
            _save(state)
            return redirect(url_for("join.department"))
        if values["unit"] not in {u.code for u in options}:
            errors["unit"] = "请选择培养单位"
        if values["identity"] not in IDENTITIES:
            errors["identity"] = "请选择申请身份"
        if not errors:
            db().add(Membership(
                account_id=user().id, business=state["business"],
                school_code=reference.school().code, department_code=state["department"],
                stage=state["stage"], unit_code=values["unit"], identity=values["identity"],
                status=PENDING, systems=[], roles=[], applied_at=clock.now(),
            ))
            try:
                db().commit()
            except IntegrityError:  # a parallel 提交申请 was first
                db().rollback()
                session.pop(STATE, None)
                flash(ALREADY_APPLIED, "error")
                return redirect(url_for("organization.overview"))
            session.pop(STATE, None)
            flash(f"已提交加入申请（申请{values['identity']}），请等待审批", "success")
            return redirect(url_for("organization.overview"))
    return render_template(
        "office/join_unit.html", values=values, errors=errors,
        unit_options=[(u.code, u.name) for u in options],
        identities=IDENTITIES, school=reference.school(),
        department_name=reference.department_name(state["department"]), stage=state["stage"],
    ), 400 if errors else 200
