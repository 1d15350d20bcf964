"""组织管理: the user's membership or application state."""

from __future__ import annotations

from flask import Blueprint, render_template

from .. import reference
from .access import login_required, user
from .models import Membership

bp = Blueprint("organization", __name__)


def describe(membership: Membership) -> dict[str, str]:
    """Display names of a membership's organisation, 院（系）, 学段 and 培养单位."""
    unit = reference.find_unit(membership.unit_code)
    return {
        "organization": reference.school().name,
        "department": reference.department_name(membership.department_code) or "—",
        "stage": membership.stage or "—",
        "unit": unit.name if unit else "—",
    }


@bp.get("/mainList/organization")
@login_required()
def overview() -> str:
    membership = user().current
    info = describe(membership) if membership is not None else None
    return render_template("office/organization.html", membership=membership, info=info)
