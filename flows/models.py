"""Plain data the flows take and give: credentials, people, decisions, what a reviewer saw."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from pages.jcjy import PASSED, REJECTED, REVIEW_RESULTS
from pages.office import GRADUATE_ROLE, UNDERGRADUATE_ROLE

YEAR = re.compile(r"(\d{4}-\d{4})")


@dataclass(frozen=True)
class Credentials:
    """An office-system account. The password never appears in repr, logs or reports."""

    account: str
    password: str = field(repr=False)


@dataclass(frozen=True)
class StaffMember:
    """A 培养单位 staff member registering in 全国学生资助办公系统."""

    phone: str
    password: str = field(repr=False)
    name: str = ""
    id_number: str = field(default="", repr=False)
    position: str = "学生资助工作负责老师"
    office_phone: str = "010-88256000"
    email: str = ""
    department: str = ""  # 院（系）
    stage: str = "研究生"  # 学段
    unit: str = ""  # 培养单位

    @property
    def credentials(self) -> Credentials:
        return Credentials(self.phone, self.password)

    @property
    def reviewer_role(self) -> str:
        """研究生学院审核人员, or 本专科学院审核人员 for the undergraduate stage (本科部)."""
        return reviewer_role_of(self.stage)


def reviewer_role_of(stage: str) -> str:
    """The role granted in 授权管理 for a 学段: 本专科学院审核人员 for 本专科 (本科部), else
    研究生学院审核人员."""
    return UNDERGRADUATE_ROLE if stage == "本专科" else GRADUATE_ROLE


@dataclass(frozen=True)
class ReviewDecision:
    """审核结果 and 备注; a rejection must say why (the student receives it by SMS)."""

    result: str
    remark: str = ""

    def __post_init__(self) -> None:
        if self.result not in REVIEW_RESULTS:
            raise ValueError(f"审核结果只能是“{PASSED}”或“{REJECTED}”，收到：{self.result!r}")
        if self.result == REJECTED and not self.remark.strip():
            raise ValueError("审核结果为不通过时，必须在备注中写明不通过的原因")


@dataclass(frozen=True)
class ApplicationFacts:
    """What the reviewer read on 详情: the claim, the receipts and 系统判断结果 (仅供参考)."""

    student_no: str
    name: str
    application_type: str
    claimed: dict[str, Decimal]
    paid: dict[str, Decimal]
    system_result: str
    system_reasons: list[str]
    materials: list[str]

    def amount_problems(self) -> list[str]:
        """Differences between what was claimed and what the receipts or loan contract show."""
        if self.application_type == "贷款代偿":
            claimed, paid = sum(self.claimed.values(), Decimal()), sum(self.paid.values(), Decimal())
            if not self.paid:
                return ["未提供贷款合同，无法核实借款本金"]
            return [] if claimed <= paid else [f"申请总额{claimed}元超过借款本金{paid}元"]
        paid_by_year = {m[1]: amount for title, amount in self.paid.items() if (m := YEAR.search(title))}
        problems = []
        for year, amount in self.claimed.items():
            key = YEAR.search(year)
            actual = paid_by_year.get(key[1] if key else year)
            if actual is None:
                problems.append(f"{year}学年缺少缴费票据")
            elif actual != amount:
                problems.append(f"{year}学年申报{amount}元，票据实缴{actual}元")
        return problems


@dataclass(frozen=True)
class ReviewOutcome:
    """One decided application and what the site said afterwards."""

    student_no: str
    name: str
    decision: ReviewDecision
    message: str
