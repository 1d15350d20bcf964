"""bulk_review.checks: each rule of domain.md §3 on a synthetic ApplicationRecord."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from bulk_review.assessment import NEEDS_PERSON, REMARK_MAX
from bulk_review.checks import assess, student_remark
from bulk_review.record import ApplicationRecord
from bulk_review.rules import amounts, eligibility, place
from flows.evidence import OCR, TEXT, ProofReading
from pages.jcjy import ELIGIBLE, INELIGIBLE, PASSED, REJECTED

YEARS = ("2021-2022", "2022-2023", "2023-2024")
FIELDS = {
    "姓名": "张莉", "学号": "202180080100001", "学段": "研究生", "学历": "硕士", "学制": "3年",
    "毕业年份": "2024", "是否定向/委培": "否", "在校期间是否享受免学费": "否",
    "就业单位": "昭觉县支尔莫乡人民政府", "单位性质": "乡镇机关",
    "单位所在地": "四川省 凉山彝族自治州 昭觉县 支尔莫乡", "地点类型": "乡镇",
    "岗位": "党政综合办公室科员", "服务期限（年）": "3", "签约形式": "就业协议书",
    "申请类型": "学费补偿",
}


def receipts(*amounts_: str, method: str = TEXT, confidence: float = 1.0) -> list[ProofReading]:
    return [
        ProofReading(f"缴费票据（{year}学年）", Decimal(a), method, confidence)
        for year, a in zip(YEARS, amounts_, strict=False)
    ]


def record(proofs: list[ProofReading] | None = None, claimed: tuple[str, ...] = ("8000",) * 3,
           system: str = ELIGIBLE, **fields: str) -> ApplicationRecord:
    return ApplicationRecord(
        application_id="1", fields={**FIELDS, **fields},
        claimed={y: Decimal(a) for y, a in zip(YEARS, claimed, strict=False)},
        proofs=receipts("8000", "8000", "8000") if proofs is None else proofs,
        system_result=system, system_reasons=[], review_status="待审核",
    )


def rules_of(found: list) -> list[str]:
    return [f.finding.verdict for f in found]


def test_an_eligible_application_passes_with_no_finding() -> None:
    result = assess(record())
    assert (result.suggestion, result.findings, result.remark) == (PASSED, (), "")
    assert not result.disagrees_with_system


@pytest.mark.parametrize(("field", "value", "words"), [
    ("是否定向/委培", "定向", "定向生"),
    ("是否定向/委培", "委培", "委培生"),
    ("在校期间是否享受免学费", "是", "已享受免除学费政策"),
])
def test_directed_commissioned_and_tuition_waived_are_excluded(
    field: str, value: str, words: str
) -> None:
    result = assess(record(**{field: value}))
    assert result.suggestion == REJECTED and words in result.remark
    assert result.findings[0].rule == eligibility.EXCLUSIONS


def test_service_under_three_years_is_rejected_unreadable_needs_a_person() -> None:
    assert rules_of(eligibility.service(record(**{"服务期限（年）": "2"}))) == [REJECTED]
    assert rules_of(eligibility.service(record(**{"服务期限（年）": "三年"}))) == [NEEDS_PERSON]
    assert eligibility.service(record(**{"服务期限（年）": "5"})) == []


@pytest.mark.parametrize(("where", "year", "verdicts"), [
    ("浙江省 杭州市 淳安县 千岛湖镇", "2024", [REJECTED]),  # 东部
    ("河北省 张家口市 张北县 公会镇", "2024", []),  # 中部
    ("辽宁省 抚顺市 新宾满族自治县 永陵镇", "2024", []),  # 老工业基地, 2023 届起
    ("辽宁省 抚顺市 新宾满族自治县 永陵镇", "2022", [REJECTED]),
    ("火星 奥林匹斯山", "2024", [NEEDS_PERSON]),
])
def test_region(where: str, year: str, verdicts: list[str]) -> None:
    assert rules_of(place.region(record(单位所在地=where, 毕业年份=year))) == verdicts


def test_region_counts_a_hardship_county_of_the_east_when_listed() -> None:
    # No eastern county is on the list: an eastern county seat is out whatever its level.
    found = place.region(record(单位所在地="江苏省 苏州市 昆山市 玉山镇"))
    assert rules_of(found) == [REJECTED] and "东部" in found[0].finding.text


@pytest.mark.parametrize(("level", "kind", "employer", "words"), [
    ("县城", "民营企业", "昭觉县绿源农业科技有限公司", "县城"),
    ("县城", "县直机关/县局委办", "昭觉县教育局", "县直机关/县局委办"),
    ("市辖区", "民营企业", "锦江区绿源食品有限公司", "市辖区"),
])
def test_county_seats_county_organs_and_city_districts_are_not_basic(
    level: str, kind: str, employer: str, words: str
) -> None:
    found = place.basic_level(record(地点类型=level, 单位性质=kind, 就业单位=employer))
    assert rules_of(found) == [REJECTED] and words in found[0].finding.text
    assert found[0].student


def test_tibet_counts_everywhere_but_lhasa_districts() -> None:
    tibet = {"单位所在地": "西藏自治区 日喀则市 定日县 协格尔镇", "单位性质": "民营企业"}
    assert place.basic_level(record(**tibet, 地点类型="县城")) == []
    lhasa = {"单位所在地": "西藏自治区 拉萨市 城关区 八廓街道", "单位性质": "民营企业"}
    found = place.basic_level(record(**lhasa, 地点类型="市辖区"))
    assert rules_of(found) == [REJECTED] and "拉萨市辖区" in found[0].finding.text


def test_frontline_posts_of_central_units() -> None:
    kind = {"单位性质": "艰苦行业中央单位一线岗位"}
    assert place.frontline_post(record(**kind, 岗位="采油工")) == []
    assert rules_of(place.frontline_post(record(**kind, 岗位="行政文员"))) == [REJECTED]


def test_one_application_type_for_the_stage() -> None:
    assert rules_of(eligibility.one_type(record(申请类型="混合"))) == [REJECTED]
    loan = ProofReading("国家助学贷款借款合同", Decimal("24000"), TEXT, 1.0)
    mixed = record(proofs=[*receipts("8000"), loan])
    assert rules_of(eligibility.one_type(mixed)) == [NEEDS_PERSON]


def test_claimed_against_receipts() -> None:
    found = amounts.paid(record(claimed=("8000", "9500", "8000")))
    assert rules_of(found) == [REJECTED]
    assert "9500.00" in found[0].finding.text and "8000.00" in found[0].finding.text
    result = assess(record(claimed=("8000", "9500", "8000")))
    assert result.suggestion == REJECTED and result.disagrees_with_system  # the system said 符合
    missing = amounts.paid(record(proofs=receipts("8000", "8000")))
    assert rules_of(missing) == [NEEDS_PERSON]


def test_an_unsure_scan_needs_a_person_a_sure_one_is_trusted() -> None:
    unsure = record(proofs=receipts("8000", "8000", "8000", method=OCR, confidence=0.6))
    assert assess(unsure).suggestion == NEEDS_PERSON
    assert not assess(unsure).disagrees_with_system
    sure = record(proofs=receipts("8000", "8000", "8000", method=OCR, confidence=0.95))
    assert assess(sure).suggestion == PASSED
    unread = record(proofs=[replace(receipts("8000")[0], amount=None), *receipts("8", "8")[1:]])
    assert NEEDS_PERSON in rules_of(amounts.paid(unread))


def test_loan_principal_against_the_claim() -> None:
    loan = {"申请类型": "贷款代偿"}
    contract = ProofReading("国家助学贷款借款合同", Decimal("24000"), TEXT, 1.0)
    assert amounts.paid(record(proofs=[contract], **loan)) == []
    more = record(proofs=[contract], claimed=("8000", "8000", "9000"), **loan)
    assert rules_of(amounts.paid(more)) == [REJECTED]
    assert rules_of(amounts.paid(record(proofs=[], **loan))) == [NEEDS_PERSON]


def test_over_the_cap_passes_with_a_note_and_years_beyond_the_schooling() -> None:
    over = record(claimed=("26000",) * 3, proofs=receipts("26000", "26000", "26000"))
    result = assess(over)
    assert result.suggestion == PASSED
    assert [f.verdict for f in result.findings] == [PASSED] * 3
    assert "20000.00" in result.findings[0].text  # 2024 届研究生
    longer = amounts.cap(record(学制="2年"))
    assert "超出学制" in longer[0].finding.text


def test_a_correct_rejection_agrees_with_the_system() -> None:
    result = assess(record(system=INELIGIBLE, **{"服务期限（年）": "1"}))
    assert result.suggestion == REJECTED and not result.disagrees_with_system
    wrongly = assess(record(system=INELIGIBLE))
    assert wrongly.suggestion == PASSED and wrongly.disagrees_with_system


def test_the_remark_stays_within_what_the_site_takes() -> None:
    remark = student_remark(["原因" * 60, "另一个原因" * 10])
    assert len(remark) <= REMARK_MAX and remark.endswith("重新提交。")
    short = student_remark(["服务期限为2年，须不少于3年"])
    assert short == "审核未通过：服务期限为2年，须不少于3年。请核对后修改申请并重新提交。"
