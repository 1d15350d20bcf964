"""The office's view of the organisation tree (学校, 院（系）, 培养单位)."""

from __future__ import annotations

from .. import reference
from ..reference import STAGES, Unit, demo_units, school, units, units_for

__all__ = [
    "STAGES", "Unit", "demo_units", "department_name", "departments", "invite_code", "school",
    "unit", "units", "units_for",
]


def departments() -> list[tuple[str, str]]:
    """(code, name) of every 院（系）, for a select."""
    return [(d.code, d.name) for d in reference.departments()]


def department_name(code: str | None) -> str | None:
    return dict(departments()).get(code or "")


def unit(code: str | None) -> Unit | None:
    """The 培养单位 with this code, or None (unknown codes come from forms and old rows)."""
    return next((u for u in units() if u.code == code), None) if code else None


def invite_code() -> str:
    """The 邀请码 of 中国科学院大学 (announced in the group chat)."""
    return demo_units().invite_code
