"""内部组织 → 加入申请: the school admin (all) and unit admins (普通成员 of their unit) decide."""

from __future__ import annotations

from flask import Blueprint, Response, abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from sqlalchemy import select, update

from ..common import clock
from ..common import validators as v
from ..common.db import db
from ..common.security import require
from .access import login_required, user
from .models import APPROVED, MEMBER, PENDING, REJECTED, Account, Membership
from .organization import describe

bp = Blueprint("applications", __name__, url_prefix="/mainList/organization/applications")
ALREADY_DECIDED = "该申请已处理，无需重复操作"


def may_review(account: Account) -> bool:
    return account.is_admin


def _may_decide(account: Account, application: Membership) -> bool:
    if account.is_school_admin:
        return application.school_code == account.approved.school_code
    return (
        account.admin_unit is not None
        and application.unit_code == account.admin_unit
        and application.identity == MEMBER
        and application.account_id != account.id
    )


def _visible(account: Account) -> list[Membership]:
    query = select(Membership).where(Membership.status == PENDING).order_by(Membership.id)
    if not account.is_school_admin:
        query = query.where(Membership.unit_code == account.admin_unit)
    return [m for m in db().scalars(query) if _may_decide(account, m)]


def _application(application_id: int) -> Membership:
    application = db().get(Membership, application_id)
    if application is None:
        abort(404)
    require(_may_decide(user(), application))
    return application


def _to_list(message: str, category: str) -> Response:
    flash(message, category)
    return redirect(url_for("applications.index"))


def _decide(application: Membership, status: str, verb: str, reason: str | None = None) -> Response:
    """Record the decision (``verb``: 通过 or 驳回) and return to the list saying so.

    Compare-and-set, as jcjy's decide: only the request that still finds the application
    pending changes it; any other concurrent 通过/驳回 is told it was already handled."""
    session = db()
    changed = session.execute(
        update(Membership)
        .where(Membership.id == application.id, Membership.status == PENDING)
        .values(status=status, reason=reason, decided_at=clock.now(), decided_by_id=user().id)
        .execution_options(synchronize_session=False)
    ).rowcount
    session.commit()
    if changed != 1:
        return _to_list(ALREADY_DECIDED, "warning")
    name = application.account.name or application.account.mobile
    return _to_list(f"已{verb}{name}的加入申请", "success")


@bp.get("")
@login_required()
def index() -> str:
    require(may_review(user()))
    rows = [(m, describe(m)) for m in _visible(user())]
    return render_template("office/applications.html", rows=rows)


@bp.post("/<row_id:application_id>/approve")
@login_required()
def approve(application_id: int) -> Response:
    application = _application(application_id)
    if application.status != PENDING:
        return _to_list(ALREADY_DECIDED, "warning")
    return _decide(application, APPROVED, "通过")


@bp.route("/<row_id:application_id>/reject", methods=["GET", "POST"])
@login_required()
def reject(application_id: int) -> ResponseReturnValue:
    application = _application(application_id)
    if application.status != PENDING:
        return _to_list(ALREADY_DECIDED, "warning")
    reason = request.form.get("reason", "").strip()
    errors: dict[str, str] = {}
    if request.method == "POST":
        errors = v.collect({
            "reason": v.required(reason, "驳回原因") or v.plain_text(reason, "驳回原因", 200)
        })
        if not errors:
            return _decide(application, REJECTED, "驳回", reason)
    return render_template(
        "office/reject.html", application=application, info=describe(application),
        reason=reason, errors=errors,
    ), 400 if errors else 200
