"""An application for 学费补偿/贷款代偿 as the student declared it (amounts in whole 元)."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

from mock_sites.reference import format_place

DEGREES_BY_STAGE: dict[str, tuple[str, ...]] = {"本专科": ("本科",), "研究生": ("硕士", "博士")}
CONTRACT_TYPES = ("就业协议书", "劳动合同", "不签约")
APPLICATION_TYPES = ("学费补偿", "贷款代偿")

KIND_AGREEMENT = "就业协议书"
KIND_LABOR_CONTRACT = "劳动合同"
KIND_EMPLOYMENT_PROOF = "就业证明"
KIND_RECEIPT = "缴费票据"
KIND_LOAN_CONTRACT = "贷款合同"
KIND_NO_CONTRACT = "不签约情况说明"
MATERIAL_KINDS = (
    KIND_AGREEMENT,
    KIND_LABOR_CONTRACT,
    KIND_EMPLOYMENT_PROOF,
    KIND_RECEIPT,
    KIND_LOAN_CONTRACT,
    KIND_NO_CONTRACT,
)


@dataclass(slots=True)
class YearPayment:
    """One school year: what the student typed in and what the evidence shows."""

    year_index: int  # 1-based 学年
    claimed_amount: int  # 申报金额 (typed in by the student)
    receipt_amount: int  # 实缴学费 on the 缴费票据
    loan_principal: int = 0  # 贷款本金 for that year (贷款代偿 only)


@dataclass(slots=True)
class Material:
    """An uploaded proof document; year_index is set for per-year receipts."""

    kind: str
    title: str
    year_index: int | None = None
    scanned: bool = False  # a phone photo: an image-only PDF, no text layer


@dataclass(kw_only=True, slots=True)
class Application:
    student_name: str
    student_no: str  # 学号
    id_number: str  # 身份证号
    phone: str
    unit_code: str
    unit_name: str
    department_name: str
    stage: str  # 本专科 / 研究生
    degree: str  # 本科 / 硕士 / 博士
    schooling_years: int  # 学制
    graduation_year: int
    directed: bool = False  # 定向
    commissioned: bool = False  # 委培
    tuition_waived: bool = False  # 在校期间已享受免学费
    employer_name: str
    employer_type: str
    province: str
    city: str
    county: str
    town: str
    location_level: str  # 乡镇 / 县城 / 街道 / 市辖区
    post: str  # 岗位
    service_years: int
    contract_type: str  # 就业协议书 / 劳动合同 / 不签约
    application_type: str  # 学费补偿 / 贷款代偿 (one type for the whole stage)
    years: list[YearPayment] = field(default_factory=list)
    materials: list[Material] = field(default_factory=list)
    label: str = ""  # generator bookkeeping: which case this application illustrates

    @property
    def location(self) -> str:
        """Human-readable work location, e.g. 四川省凉山彝族自治州昭觉县支尔莫乡."""
        return format_place(self.province, self.city, self.county, self.town)

    @property
    def gender(self) -> str:
        """性别 from the 17th digit of the 身份证号 (odd: 男)."""
        return "男" if int(self.id_number[16]) % 2 else "女"

    @property
    def claimed_total(self) -> int:
        return sum(y.claimed_amount for y in self.years)

    @property
    def enrollment_year(self) -> int:
        return self.graduation_year - self.schooling_years

    def academic_year(self, year_index: int) -> str:
        """The 学年 of a year index, e.g. 2021-2022."""
        start = self.enrollment_year + year_index - 1
        return f"{start}-{start + 1}"

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready dict (nested lists of dicts)."""
        result: dict[str, Any] = {f.name: getattr(self, f.name) for f in fields(self)}
        result["years"] = [
            {f.name: getattr(y, f.name) for f in fields(YearPayment)} for y in self.years
        ]
        result["materials"] = [
            {f.name: getattr(m, f.name) for f in fields(Material)} for m in self.materials
        ]
        return result

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Application:
        """Inverse of to_dict."""
        values = dict(data)
        values["years"] = [YearPayment(**y) for y in data.get("years", [])]
        values["materials"] = [Material(**m) for m in data.get("materials", [])]
        return cls(**values)
