"""系统判断结果: eligibility and amount computed from the DECLARED data of an application.

The real system shows this result "仅供参考": it trusts the amounts the student typed in.
`receipt_mismatches` lists what a careful reviewer finds by comparing them with the evidence.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import policy
from mock_sites import reference
from mock_sites.jcjy.cases import (
    APPLICATION_TYPES,
    CONTRACT_TYPES,
    DEGREES_BY_STAGE,
    KIND_LOAN_CONTRACT,
    KIND_RECEIPT,
    Application,
)

RESULT_ELIGIBLE = "符合"
RESULT_INELIGIBLE = "不符合"


@dataclass(frozen=True, slots=True)
class YearAmount:
    """How one declared year enters the amount."""

    year_index: int
    claimed_amount: int
    cap: int
    counted_amount: int  # min(claimed, cap) within 学制, else 0


@dataclass(frozen=True, slots=True)
class Judgement:
    eligible: bool
    result: str  # 符合 / 不符合
    reasons: list[str]  # why not eligible (empty when eligible)
    cap_per_year: int
    approved_amount: int  # sum of counted amounts; 0 when not eligible
    years: list[YearAmount] = field(default_factory=list)
    installments: list[int] = field(default_factory=list)  # 33% / 33% / 34%
    notes: list[str] = field(default_factory=list)  # non-blocking remarks (cap applied, …)


def judge(app: Application) -> Judgement:
    """Apply the rules of domain.md §3 to what the student declared.

    Amounts are the declared tuition (or loan principal) per year; they never include 住宿费.
    """
    reasons = [
        *_exclusion_reasons(app),
        *_choice_reasons(app),
        *_stage_reasons(app),
        *_service_reasons(app),
        *_region_reasons(app.province, app.city, app.county, app.graduation_year),
        *_basic_unit_reasons(_place_of(app), app.employer_type, app.employer_name),
        *_post_reasons(app),
    ]
    cap = policy.cap_for(app.graduation_year, app.stage) if app.stage in policy.STAGES else 0
    years, notes = _year_amounts(app, cap)
    if not years:
        reasons.append("未填报各学年学费（贷款）金额")
    eligible = not reasons
    approved = sum(y.counted_amount for y in years) if eligible else 0
    return Judgement(
        eligible=eligible,
        result=RESULT_ELIGIBLE if eligible else RESULT_INELIGIBLE,
        reasons=reasons,
        cap_per_year=cap,
        approved_amount=approved,
        years=years,
        installments=split_installments(approved),
        notes=notes,
    )


def split_installments(amount: int) -> list[int]:
    """Split an amount by the payment split (33/33/34); the last share takes the rest."""
    shares = policy.payment_split()
    parts = [amount * pct // 100 for pct in shares[:-1]]
    return [*parts, amount - sum(parts)]


def receipt_mismatches(app: Application) -> list[str]:
    """Differences between declared amounts and the evidence, as a reviewer would note them."""
    findings: list[str] = []
    receipt_years = {m.year_index for m in app.materials if m.kind == KIND_RECEIPT}
    has_loan_contract = any(m.kind == KIND_LOAN_CONTRACT for m in app.materials)
    if app.application_type == "贷款代偿" and not has_loan_contract:
        findings.append("未上传贷款合同，无法核实贷款本金")
    for y in sorted(app.years, key=lambda y: y.year_index):
        if app.application_type == "贷款代偿":
            if has_loan_contract and y.claimed_amount != y.loan_principal:
                findings.append(
                    f"第{y.year_index}学年申报代偿金额{y.claimed_amount}元，"
                    f"贷款合同本金{y.loan_principal}元，二者不一致"
                )
            continue
        if y.year_index not in receipt_years:
            findings.append(f"第{y.year_index}学年未上传缴费票据，无法核实实缴学费")
        elif y.claimed_amount != y.receipt_amount:
            findings.append(
                f"第{y.year_index}学年申报学费{y.claimed_amount}元，"
                f"缴费票据实缴学费{y.receipt_amount}元，二者不一致"
            )
    return findings


def region_ok(place: reference.Place, graduation_year: int) -> bool:
    """Whether a place lies in the eligible region for a graduate of this year."""
    return not _region_reasons(place.province, place.city, place.county, graduation_year)


def counts_as_basic(place: reference.Place, employer_type: str) -> bool:
    """Whether an employer of this type at this place is a 基层单位."""
    return not _basic_unit_reasons(place, employer_type, "")


# --- individual checks --------------------------------------------------------------------


def _place_of(app: Application) -> reference.Place:
    hardship = policy.is_hardship(app.province, app.city, app.county)
    old_industrial = policy.is_old_industrial(app.province, app.city)
    return reference.Place(
        app.province, app.city, app.county, app.town, app.location_level, hardship, old_industrial
    )


def _exclusion_reasons(app: Application) -> list[str]:
    reasons = []
    if app.directed:
        reasons.append("该生为定向生，不属于补偿代偿范围")
    if app.commissioned:
        reasons.append("该生为委培生，不属于补偿代偿范围")
    if app.tuition_waived:
        reasons.append("该生在校期间已享受免除学费政策，不属于补偿代偿范围")
    return reasons


def _choice_reasons(app: Application) -> list[str]:
    reasons = []
    if app.application_type not in APPLICATION_TYPES:
        reasons.append(f"申请类型“{app.application_type}”无效，须为学费补偿或贷款代偿之一")
    if app.contract_type not in CONTRACT_TYPES:
        reasons.append(f"签约类型“{app.contract_type}”无效")
    return reasons


def _stage_reasons(app: Application) -> list[str]:
    degrees = DEGREES_BY_STAGE.get(app.stage, ())
    if app.degree not in degrees:
        return [f"学历层次“{app.degree}”与学段“{app.stage}”不一致"]
    return []


def _service_reasons(app: Application) -> list[str]:
    minimum = policy.min_service_years()
    if app.service_years < minimum:
        return [f"服务期{app.service_years}年，少于{minimum}年"]
    return []


def _region_reasons(province_name: str, city: str, county: str, graduation_year: int) -> list[str]:
    prov = policy.province(province_name)
    if prov is None:
        return [f"就业省份“{province_name}”无法识别"]
    if prov.category in policy.eligible_categories():
        return []
    if policy.is_hardship(province_name, city, county):
        return []
    place = reference.format_place(province_name, city, county)
    if policy.is_old_industrial(province_name, city):
        first = policy.old_industrial_from_year()
        if graduation_year >= first:
            return []
        return [
            f"就业地点{place}位于{prov.category}地区，该市属于老工业基地，"
            f"但老工业基地自{first}届毕业生起纳入范围，该生为{graduation_year}届毕业生"
        ]
    return [f"就业地点{place}位于{prov.category}地区，且不属于艰苦边远地区或老工业基地"]


def _relaxed(province_name: str, city: str, level: str) -> tuple[bool, str | None]:
    """(whether every level counts as 基层 here, reason when the area's exception applies)."""
    for area in policy.relaxed_areas():
        if area.province != province_name:
            continue
        if city == area.except_city and level in area.except_levels:
            return False, area.except_reason
        return True, None
    return False, None


def _basic_unit_reasons(
    place: reference.Place, employer_type: str, employer_name: str
) -> list[str]:
    relaxed, exception = _relaxed(place.province, place.city, place.level)
    if relaxed:
        return []
    etype = reference.employer_type(employer_type)
    if etype is None:
        return [f"就业单位类型“{employer_type}”无法识别"]
    if place.level in etype.basic_levels:
        return []
    values = {
        "province": place.province,
        "city": place.city,
        "county": place.county,
        "town": place.town,
        "employer_name": employer_name,
    }
    reasons = []
    level = policy.location_level(place.level)
    if level is None:
        reasons.append(f"就业地点层级“{place.level}”无法识别")
    elif level.not_basic_reason:
        reasons.append(level.not_basic_reason.format(**values))
    if etype.not_basic_reason:
        reasons.append(etype.not_basic_reason.format(**values))
    if not reasons:
        reasons.append(f"就业单位类型“{etype.name}”在{place.level}不属于基层单位")
    if exception:
        reasons.append(exception)
    return reasons


def _post_reasons(app: Application) -> list[str]:
    etype = reference.employer_type(app.employer_type)
    if etype is None or etype.post_rule != "frontline":
        return []
    if app.post in etype.frontline_posts:
        return []
    return [f"岗位“{app.post}”不属于艰苦行业生产第一线岗位"]


def _year_amounts(app: Application, cap: int) -> tuple[list[YearAmount], list[str]]:
    years: list[YearAmount] = []
    notes: list[str] = []
    label = "学费" if app.application_type == "学费补偿" else "代偿金额"
    for y in sorted(app.years, key=lambda y: y.year_index):
        if y.year_index > app.schooling_years:
            notes.append(f"第{y.year_index}学年超出学制{app.schooling_years}年，不予计算")
            counted = 0
        else:
            counted = min(y.claimed_amount, cap)
            if y.claimed_amount > cap:
                notes.append(
                    f"第{y.year_index}学年申报{label}{y.claimed_amount}元，"
                    f"超过年度上限{cap}元，按{cap}元计算"
                )
        years.append(YearAmount(y.year_index, y.claimed_amount, cap, counted))
    return years, notes
