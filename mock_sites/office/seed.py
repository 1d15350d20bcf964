"""Deterministic demo data: the school admin, unit admins with reviewer grants, plain members.

Accounts are fixed mobile numbers (138000000xx) so tests and the README can name them; names and
profiles come from ``Faker("zh_CN")`` seeded with ``config.seed``. Every account's password is
``config.demo_password``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from faker import Faker
from sqlalchemy.orm import Session

from .. import reference
from ..common import clock
from ..common.config import MockConfig
from ..common.hashing import hash_password
from ..common.roles import GRADUATE_REVIEWER, JCJY_SYSTEM, UNDERGRADUATE_REVIEWER
from .models import (
    ADMIN,
    APPROVED,
    MEMBER,
    OPEN_BUSINESS,
    PENDING,
    SCHOOL_ADMIN,
    Account,
    Membership,
)

# Seeded accounts that tests, benchmarks and the demo refer to by number.
SCHOOL_ADMIN_ACCOUNT = "13800000001"  # 校级管理员 of 中国科学院大学
GRADUATE_REVIEWER_ACCOUNT = "13800000011"  # 管理员 of the graduate demo unit, 研究生学院审核人员
UNDERGRADUATE_REVIEWER_ACCOUNT = "13800000012"  # 管理员 of 本科部, 本专科学院审核人员
OTHER_UNIT_REVIEWER_ACCOUNT = "13800000013"  # 管理员 of another graduate unit, 研究生学院审核人员
UNGRANTED_MEMBER_ACCOUNT = "13800000014"  # 普通成员 of the graduate demo unit, no grants
GRADUATE_MEMBER_ACCOUNT = "13800000021"  # 普通成员 of the graduate demo unit
UNDERGRADUATE_MEMBER_ACCOUNT = "13800000031"  # 普通成员 of 本科部
PENDING_APPLICANT_ACCOUNT = "13800000041"  # applied to join the graduate demo unit, undecided
TITLES = ("学生资助中心主任", "研究生办公室主任", "教育处干事", "学生工作办公室干事", "辅导员")


@dataclass(frozen=True)
class SeededAccount:
    """One demo login, as ``jcjy serve`` prints it."""

    role: str  # what the account is for, in Chinese
    account: str  # mobile number = login name
    name: str
    unit_name: str


@dataclass(frozen=True)
class _Plan:
    role: str
    mobile: str
    unit_code: str | None
    identity: str
    status: str = APPROVED
    systems: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    profile: dict[str, str] = field(default_factory=dict)


def _other_graduate_unit(exclude: str) -> reference.Unit:
    return next(u for u in reference.units() if "研究生" in u.stages and u.code != exclude)


def _plans(config: MockConfig) -> list[_Plan]:
    demo = reference.demo_units()
    grad, under = demo.graduate_unit, demo.undergraduate_unit
    other = _other_graduate_unit(grad).code
    reviewer = (JCJY_SYSTEM,)
    rows = [
        ("校级管理员（审批加入申请）", SCHOOL_ADMIN_ACCOUNT, None, SCHOOL_ADMIN, APPROVED, (), ()),
        ("培养单位管理员·研究生审核人员", GRADUATE_REVIEWER_ACCOUNT, grad, ADMIN, APPROVED,
         reviewer, (GRADUATE_REVIEWER,)),
        ("培养单位管理员·本专科审核人员", UNDERGRADUATE_REVIEWER_ACCOUNT, under, ADMIN, APPROVED,
         reviewer, (UNDERGRADUATE_REVIEWER,)),
        ("其他培养单位管理员·研究生审核人员", OTHER_UNIT_REVIEWER_ACCOUNT, other, ADMIN, APPROVED,
         reviewer, (GRADUATE_REVIEWER,)),
        ("普通成员（未授权）", UNGRANTED_MEMBER_ACCOUNT, grad, MEMBER, APPROVED, (), ()),
        ("普通成员", GRADUATE_MEMBER_ACCOUNT, grad, MEMBER, APPROVED, (), ()),
        ("普通成员", "13800000022", grad, MEMBER, APPROVED, (), ()),
        ("普通成员", UNDERGRADUATE_MEMBER_ACCOUNT, under, MEMBER, APPROVED, (), ()),
        ("普通成员", "13800000032", under, MEMBER, APPROVED, (), ()),
        ("待审批申请人（普通成员）", PENDING_APPLICANT_ACCOUNT, grad, MEMBER, PENDING, (), ()),
    ]
    fake = Faker("zh_CN")
    fake.seed_instance(config.seed)
    plans = []
    for role, mobile, unit_code, identity, status, systems, roles in rows:
        profile = {
            "name": fake.name(),
            "id_number": fake.ssn(),
            "title": fake.random_element(TITLES),
            "office_phone": f"010-8825{fake.numerify('####')}",
            "email": f"{fake.user_name()}{mobile[-2:]}@ucas.ac.cn",
        }
        plans.append(_Plan(role, mobile, unit_code, identity, status, systems, roles, profile))
    return plans


def _unit_name(plan: _Plan) -> str:
    unit = reference.find_unit(plan.unit_code)
    return unit.name if unit else reference.school().name


def seeded_accounts(config: MockConfig) -> list[SeededAccount]:
    """The demo accounts the seed creates (computed, no database needed)."""
    return [
        SeededAccount(p.role, p.mobile, p.profile["name"], _unit_name(p)) for p in _plans(config)
    ]


def seed_database(session: Session, config: MockConfig) -> None:
    """Insert the demo accounts and memberships (the caller commits)."""
    password_hash = hash_password(config.demo_password)  # one hash: scrypt is slow
    school = reference.school().code
    start = clock.now() - timedelta(days=30)
    for i, plan in enumerate(_plans(config)):
        account = Account(mobile=plan.mobile, password_hash=password_hash, **plan.profile,
                          created_at=start + timedelta(hours=i))
        session.add(account)
        session.flush()
        unit = reference.find_unit(plan.unit_code)
        session.add(Membership(
            account_id=account.id, business=OPEN_BUSINESS, school_code=school,
            department_code=unit.department_code if unit else None,
            stage=_stage(unit, plan.roles), unit_code=plan.unit_code, identity=plan.identity,
            status=plan.status, systems=list(plan.systems), roles=list(plan.roles),
            applied_at=start + timedelta(hours=i, minutes=30),
            decided_at=start + timedelta(days=1, hours=i) if plan.status == APPROVED else None,
        ))


def _stage(unit: reference.Unit | None, roles: tuple[str, ...]) -> str | None:
    if unit is None:
        return None
    if UNDERGRADUATE_REVIEWER in roles and "本专科" in unit.stages:
        return "本专科"
    return "研究生" if "研究生" in unit.stages else unit.stages[0]
