"""Tables of the jcjy site: applications and their parts, decisions, students, SMS outbox."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from ..common.logins import LoginSessionMixin
from ..common.sms import SmsMessageMixin
from ..reference import format_place, place_parts

# Application states (domain.md §4) and how the reviewer's screens name them.
PENDING, APPROVED, REJECTED = "待院系审核", "院系审核通过", "院系审核不通过"
REVIEW_LABELS = {PENDING: "待审核", APPROVED: "审核通过", REJECTED: "审核不通过"}


class Base(DeclarativeBase):
    pass


class SmsMessage(SmsMessageMixin, Base):
    pass


class LoginSession(LoginSessionMixin, Base):
    """Logged-in sessions of reviewers and students (server-side: 退出登录 ends them)."""


class Student(Base):
    """A graduate who may log in with an SMS code to follow and correct their applications."""

    __tablename__ = "students"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    phone: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(50))
    student_no: Mapped[str] = mapped_column(String(30))


class LoginCode(Base):
    """The last SMS login code sent to a phone (only a hash is kept)."""

    __tablename__ = "login_codes"
    phone: Mapped[str] = mapped_column(String(20), primary_key=True)
    code_hash: Mapped[str] = mapped_column(String(64))
    sent_at: Mapped[datetime] = mapped_column(DateTime)
    attempts: Mapped[int] = mapped_column(Integer, default=0)


class ApplicationRecord(Base):
    """One student's application (学费补偿 or 贷款代偿), flattened for fast listing."""

    __tablename__ = "applications"
    __table_args__ = (
        Index("ix_app_scope", "unit_code", "stage", "status", "id"),
        Index("ix_app_status", "status"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    student_id: Mapped[int] = mapped_column(ForeignKey("students.id"), index=True)
    # Columns named as in cases.Application.
    student_name: Mapped[str] = mapped_column(String(50))
    student_no: Mapped[str] = mapped_column(String(30), index=True)
    id_number: Mapped[str] = mapped_column(String(18))
    phone: Mapped[str] = mapped_column(String(20))
    unit_code: Mapped[str] = mapped_column(String(20), index=True)
    unit_name: Mapped[str] = mapped_column(String(100))
    department_name: Mapped[str] = mapped_column(String(100))
    stage: Mapped[str] = mapped_column(String(10), index=True)
    degree: Mapped[str] = mapped_column(String(20))  # 学历
    schooling_years: Mapped[int] = mapped_column(Integer)  # 学制
    graduation_year: Mapped[int] = mapped_column(Integer)
    directed: Mapped[bool] = mapped_column(Boolean)  # 定向
    commissioned: Mapped[bool] = mapped_column(Boolean)  # 委培
    tuition_waived: Mapped[bool] = mapped_column(Boolean)  # 在校期间已享受免学费
    employer_name: Mapped[str] = mapped_column(String(200))
    employer_type: Mapped[str] = mapped_column(String(50))  # 单位性质
    province: Mapped[str] = mapped_column(String(50))
    city: Mapped[str] = mapped_column(String(50))
    county: Mapped[str] = mapped_column(String(50))
    town: Mapped[str] = mapped_column(String(50))
    location_level: Mapped[str] = mapped_column(String(20))  # 地点类型
    post: Mapped[str] = mapped_column(String(100))
    service_years: Mapped[int] = mapped_column(Integer)
    contract_type: Mapped[str] = mapped_column(String(20))  # 签约形式
    application_type: Mapped[str] = mapped_column(String(20))
    # Review state and the system's judgement (recomputed on resubmission).
    claimed_total: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(20), index=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    judge_result: Mapped[str] = mapped_column(String(10))
    judge_detail: Mapped[str] = mapped_column(Text)  # JSON: reasons, notes, cap_per_year
    approved_amount: Mapped[int] = mapped_column(Integer)
    payload: Mapped[str] = mapped_column(Text)  # cases.Application.to_dict() as JSON
    submitted_at: Mapped[datetime] = mapped_column(DateTime)

    years: Mapped[list[YearPaymentRecord]] = relationship(
        order_by="YearPaymentRecord.seq", lazy="raise", cascade="all, delete-orphan")
    materials: Mapped[list[MaterialRecord]] = relationship(
        order_by="MaterialRecord.seq", lazy="raise", cascade="all, delete-orphan")
    decisions: Mapped[list[Decision]] = relationship(
        order_by="Decision.id", lazy="raise", cascade="all, delete-orphan")

    @property
    def application_no(self) -> str:
        """申请编号 as the screens show it (stable across 重新提交)."""
        return f"JY{self.graduation_year}{self.id:06d}"

    @property
    def review_label(self) -> str:
        return REVIEW_LABELS.get(self.status, self.status)

    @property
    def location_parts(self) -> list[str]:
        """省, 市, 县, 乡 for the detail page."""
        return place_parts(self.province, self.city, self.county, self.town)

    @property
    def location(self) -> str:
        """省市县 for the list."""
        return format_place(self.province, self.city, self.county)

    @property
    def directed_label(self) -> str:
        """是否定向/委培: 否, 定向, 委培."""
        labels = [n for n, on in (("定向", self.directed), ("委培", self.commissioned)) if on]
        return "、".join(labels) or "否"


class YearPaymentRecord(Base):
    """Tuition paid / loan used for one school year: the student's claim and the receipt."""

    __tablename__ = "year_payments"
    __table_args__ = (UniqueConstraint("application_id", "seq"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer)  # YearPayment.year_index
    school_year: Mapped[str] = mapped_column(String(20))  # e.g. 2021-2022
    claimed_amount: Mapped[int] = mapped_column(Integer)
    # What the receipt / loan contract shows: only ever rendered inside the PDF.
    receipt_amount: Mapped[int] = mapped_column(Integer)
    loan_principal: Mapped[int] = mapped_column(Integer, default=0)


class MaterialRecord(Base):
    """One proof document (证明材料); the PDF is rendered on demand."""

    __tablename__ = "materials"
    __table_args__ = (UniqueConstraint("application_id", "seq"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(50))
    title: Mapped[str] = mapped_column(String(100))
    year_index: Mapped[int | None] = mapped_column(Integer, nullable=True)


class Decision(Base):
    """Audit row of one review decision (who, when, result, remark)."""

    __tablename__ = "decisions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), index=True)
    level: Mapped[str] = mapped_column(String(10), default="院系")
    result: Mapped[str] = mapped_column(String(20))  # APPROVED / REJECTED
    remark: Mapped[str] = mapped_column(String(200), default="")
    reviewer_account: Mapped[str] = mapped_column(String(50))
    reviewer_name: Mapped[str] = mapped_column(String(50))
    reviewer_unit: Mapped[str] = mapped_column(String(100))
    version: Mapped[int] = mapped_column(Integer)  # application version that was decided
    decided_at: Mapped[datetime] = mapped_column(DateTime)
