"""Tables of the office site: accounts, organisation memberships, SMS codes and the outbox."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, DateTime, ForeignKey, Index, Integer, String, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from ..common import clock
from ..common.logins import LoginSessionMixin
from ..common.roles import JCJY_SYSTEM
from ..common.sms import SmsMessageMixin

# 业务 offered by 加入组织; only 学生资助 has organisations in this mock.
BUSINESSES = ("学生资助", "学籍学历", "教育统计", "教师管理")
OPEN_BUSINESS = "学生资助"

ADMIN = "管理员"
MEMBER = "普通成员"
SCHOOL_ADMIN = "校级管理员"
IDENTITIES = (ADMIN, MEMBER)

PENDING, APPROVED, REJECTED = "pending", "approved", "rejected"

SYSTEMS = (JCJY_SYSTEM, "全国学生资助管理信息系统", "国家助学贷款管理系统")


class Base(DeclarativeBase):
    pass


class SmsMessage(SmsMessageMixin, Base):
    """The SMS outbox (/__mock__/sms)."""


class LoginSession(LoginSessionMixin, Base):
    """Logged-in sessions (server-side: 退出登录 ends them)."""


class SmsCode(Base):
    """A registration code sent to a mobile number."""

    __tablename__ = "sms_codes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    phone: Mapped[str] = mapped_column(String(20), index=True)
    code: Mapped[str] = mapped_column(String(6))
    sent_at: Mapped[datetime] = mapped_column(DateTime)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    used: Mapped[bool] = mapped_column(Boolean, default=False)


class Account(Base):
    """A staff account; the login is the mobile number."""

    __tablename__ = "accounts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    mobile: Mapped[str] = mapped_column(String(11), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    name: Mapped[str | None] = mapped_column(String(20))
    id_number: Mapped[str | None] = mapped_column(String(18))  # 身份证号, shown masked only
    title: Mapped[str | None] = mapped_column(String(50))  # 职务
    office_phone: Mapped[str | None] = mapped_column(String(30))
    email: Mapped[str | None] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=clock.now)
    memberships: Mapped[list[Membership]] = relationship(
        back_populates="account", order_by="Membership.id", foreign_keys="Membership.account_id"
    )

    @property
    def profile_complete(self) -> bool:
        return bool(self.name and self.id_number)

    @property
    def current(self) -> Membership | None:
        """The latest membership or application (pending, approved or rejected)."""
        return self.memberships[-1] if self.memberships else None

    @property
    def approved(self) -> Membership | None:
        m = self.current
        return m if m is not None and m.status == APPROVED else None

    @property
    def is_school_admin(self) -> bool:
        m = self.approved
        return m is not None and m.identity == SCHOOL_ADMIN

    @property
    def is_admin(self) -> bool:
        """校级管理员, or approved 管理员 of a 培养单位."""
        return self.is_school_admin or self.admin_unit is not None

    @property
    def admin_unit(self) -> str | None:
        """Code of the 培养单位 this account administers (approved 管理员), if any."""
        m = self.approved
        return m.unit_code if m is not None and m.identity == ADMIN else None


class Membership(Base):
    """An application to join an organisation, and once approved the membership with grants."""

    __tablename__ = "memberships"
    # One open application or membership per account, held by the database: of two
    # simultaneous 提交申请, the second fails (a rejected one may be followed by a new one).
    __table_args__ = (Index(
        "one_open_membership", "account_id", unique=True,
        sqlite_where=text(f"status IN ('{PENDING}', '{APPROVED}')"),
    ),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), index=True)
    business: Mapped[str] = mapped_column(String(20))
    school_code: Mapped[str] = mapped_column(String(20))
    department_code: Mapped[str | None] = mapped_column(String(20))
    stage: Mapped[str | None] = mapped_column(String(10))  # 学段
    unit_code: Mapped[str | None] = mapped_column(String(20), index=True)  # 培养单位
    identity: Mapped[str] = mapped_column(String(10))  # 管理员 / 普通成员 / 校级管理员
    status: Mapped[str] = mapped_column(String(10), default=PENDING)
    reason: Mapped[str | None] = mapped_column(String(200))  # 驳回原因
    applied_at: Mapped[datetime] = mapped_column(DateTime, default=clock.now)
    decided_at: Mapped[datetime | None] = mapped_column(DateTime)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"))
    systems: Mapped[list[str]] = mapped_column(JSON, default=list)  # 已授权系统
    roles: Mapped[list[str]] = mapped_column(JSON, default=list)  # 角色
    account: Mapped[Account] = relationship(
        back_populates="memberships", foreign_keys=[account_id]
    )
