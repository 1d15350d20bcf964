"""系统判断结果 rules (domain.md §3) and the reference data they read."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

import pytest

import policy
from mock_sites import reference
from mock_sites.jcjy.cases import (
    KIND_AGREEMENT,
    KIND_LOAN_CONTRACT,
    KIND_RECEIPT,
    Application,
    Material,
    YearPayment,
)
from mock_sites.jcjy.rules import judge, receipt_mismatches, split_installments


def place(county: str, town: str) -> reference.Place:
    return next(p for p in reference.places() if p.county == county and p.town == town)


def make_app(
    at: reference.Place | None = None, claims: tuple[int, ...] = (8000, 8000, 8000), **changes
) -> Application:
    """A clean 2025 硕士 application: 乡镇机关 in a western 乡镇, 3 years of 8000 元."""
    at = at or place("昭觉县", "支尔莫乡")
    years = [YearPayment(i, amount, amount) for i, amount in enumerate(claims, start=1)]
    app = Application(
        student_name="张伟",
        student_no="202280080100001",
        id_number="11010519491231002X",
        phone="13800138000",
        unit_code="14430-0801",
        unit_name="中国科学院计算技术研究所",
        department_name="计算机科学与技术学院",
        stage="研究生",
        degree="硕士",
        schooling_years=3,
        graduation_year=2025,
        employer_name=f"{at.county}{at.town}人民政府",
        employer_type="乡镇机关",
        province=at.province,
        city=at.city,
        county=at.county,
        town=at.town,
        location_level=at.level,
        post="党政综合办公室科员",
        service_years=3,
        contract_type="就业协议书",
        application_type="学费补偿",
        years=years,
        materials=[Material(KIND_AGREEMENT, "就业协议书")]
        + [Material(KIND_RECEIPT, f"缴费票据{y.year_index}", y.year_index) for y in years],
    )
    return replace(app, **changes)


def only_reason(app: Application) -> str:
    result = judge(app)
    assert result.result == "不符合" and not result.eligible
    assert len(result.reasons) == 1, result.reasons
    assert result.approved_amount == 0
    return result.reasons[0]


# --- the clean case and amounts --------------------------------------------------------------


def test_clean_application_is_eligible_with_full_amount() -> None:
    result = judge(make_app())
    assert result.eligible and result.result == "符合"
    assert result.reasons == [] and result.notes == []
    assert result.cap_per_year == 25000
    assert result.approved_amount == 24000
    assert [y.counted_amount for y in result.years] == [8000, 8000, 8000]


def test_installments_follow_33_33_34_split() -> None:
    assert policy.payment_split() == (33, 33, 34)
    assert judge(make_app()).installments == [7920, 7920, 8160]
    assert split_installments(10001) == [3300, 3300, 3401]
    assert sum(split_installments(123457)) == 123457


@pytest.mark.parametrize(
    ("year", "stage", "cap"),
    [
        (2021, "本专科", 12000),
        (2022, "研究生", 16000),
        (2023, "本专科", 16000),
        (2024, "研究生", 20000),
        (2025, "本专科", 20000),
        (2026, "研究生", 25000),
    ],
)
def test_cap_by_cohort_and_stage(year: int, stage: str, cap: int) -> None:
    assert policy.cap_for(year, stage) == cap
    degree = "本科" if stage == "本专科" else "硕士"
    result = judge(make_app(graduation_year=year, stage=stage, degree=degree))
    assert result.eligible and result.cap_per_year == cap


def test_amount_is_min_of_claim_and_cap_per_year() -> None:
    result = judge(make_app(claims=(30000, 25000, 8000)))
    assert [y.counted_amount for y in result.years] == [25000, 25000, 8000]
    assert result.approved_amount == 58000
    assert result.notes == ["第1学年申报学费30000元，超过年度上限25000元，按25000元计算"]


def test_cap_applies_per_cohort_to_the_same_claims() -> None:
    claims = (18000, 18000, 18000)
    assert judge(make_app(claims=claims, graduation_year=2022)).approved_amount == 48000
    assert judge(make_app(claims=claims, graduation_year=2024)).approved_amount == 54000


def test_years_beyond_schooling_are_not_counted() -> None:
    result = judge(make_app(claims=(8000, 8000, 8000, 8000)))
    assert result.eligible
    assert result.approved_amount == 24000
    assert result.years[3].counted_amount == 0
    assert "第4学年超出学制3年，不予计算" in result.notes


def test_application_without_years_is_rejected() -> None:
    assert only_reason(make_app(claims=())) == "未填报各学年学费（贷款）金额"


def test_loan_repayment_uses_declared_amounts_too() -> None:
    app = make_app(application_type="贷款代偿")
    for y in app.years:
        y.loan_principal = y.claimed_amount
    assert judge(app).approved_amount == 24000


def test_mixing_application_types_is_impossible() -> None:
    reason = only_reason(make_app(application_type="学费补偿+贷款代偿"))
    assert reason == "申请类型“学费补偿+贷款代偿”无效，须为学费补偿或贷款代偿之一"


# --- region ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("county", "town"),
    [("昭觉县", "支尔莫乡"), ("勐腊县", "勐仑镇"), ("兰考县", "东坝头镇"), ("金寨县", "花石乡")],
)
def test_western_and_central_townships_are_eligible(county: str, town: str) -> None:
    at = place(county, town)
    assert policy.province(at.province).category in ("西部", "中部")
    assert judge(make_app(at)).eligible


def test_eastern_township_is_outside_the_region() -> None:
    reason = only_reason(make_app(place("浦东新区", "张江镇")))
    assert reason == "就业地点上海市浦东新区位于东部地区，且不属于艰苦边远地区或老工业基地"


def test_eastern_hardship_area_is_eligible(monkeypatch: pytest.MonkeyPatch) -> None:
    at = place("寿宁县", "下党乡")
    assert not judge(make_app(at)).eligible
    hardship = {(at.province, at.city, at.county)}
    monkeypatch.setattr(policy, "is_hardship", lambda p, c, k: (p, c, k) in hardship)
    assert judge(make_app(at)).eligible


def test_real_hardship_counties_are_flagged() -> None:
    assert policy.is_hardship("西藏自治区", "林芝市", "墨脱县")
    assert policy.is_hardship("陕西省", "延安市", "延川县")
    assert not policy.is_hardship("上海市", "上海市", "浦东新区")


@pytest.mark.parametrize(("year", "eligible"), [(2022, False), (2023, True), (2025, True)])
def test_old_industrial_base_counts_from_2023(year: int, eligible: bool) -> None:
    app = make_app(place("法库县", "叶茂台镇"), graduation_year=year)
    result = judge(app)
    assert result.eligible is eligible
    if not eligible:
        assert result.reasons == [
            "就业地点辽宁省沈阳市法库县位于东部地区，该市属于老工业基地，"
            "但老工业基地自2023届毕业生起纳入范围，该生为2022届毕业生"
        ]


# --- 基层单位 ---------------------------------------------------------------------------------


def test_county_seat_is_not_basic() -> None:
    app = make_app(place("兰考县", "城关镇"), employer_type="民营企业")
    assert only_reason(app) == "就业地点为县城（兰考县城关镇），不属于基层单位"


def test_county_bureau_is_not_basic() -> None:
    app = make_app(
        place("兰考县", "城关镇"), employer_type="县直机关/县局委办", employer_name="兰考县教育局"
    )
    assert judge(app).reasons == [
        "就业地点为县城（兰考县城关镇），不属于基层单位",
        "就业单位为县直机关（兰考县教育局），县局委办不属于基层单位",
    ]


def test_street_of_prefecture_city_district_is_not_basic() -> None:
    app = make_app(place("古城区", "大研街道"), employer_type="民营企业")
    assert only_reason(app) == "就业地点为地级市市辖区街道（丽江市古城区大研街道），不属于基层单位"


@pytest.mark.parametrize(
    "employer_type", ["乡镇机关", "农村中小学", "国有农场/林场/牧场", "乡镇卫生院", "民营企业"]
)
def test_township_units_are_basic(employer_type: str) -> None:
    assert judge(make_app(place("秭归县", "屈原镇"), employer_type=employer_type)).eligible


def test_tibet_counts_everywhere_outside_lhasa_districts() -> None:
    seat = place("当雄县", "当曲卡镇")
    assert seat.level == "县城"
    app = make_app(seat, employer_type="县直机关/县局委办", employer_name="当雄县教育局")
    assert judge(app).eligible


def test_lhasa_districts_are_the_exception() -> None:
    app = make_app(
        place("城关区", "八廓街道"),
        employer_type="地级市街道办事处",
        employer_name="拉萨市城关区八廓街道办事处",
    )
    assert judge(app).reasons == [
        "就业地点为拉萨市城关区城区（八廓街道），不属于基层单位",
        "就业单位为市辖区街道办事处（拉萨市城关区八廓街道办事处），不属于基层单位",
        "拉萨市辖区不适用西藏自治区全区视同基层的规定",
    ]


def test_hard_industry_needs_a_frontline_post() -> None:
    kwargs = {
        "employer_type": "艰苦行业中央单位一线岗位",
        "employer_name": "额济纳旗国家气象观测站",
    }
    at = place("额济纳旗", "东风镇")
    assert judge(make_app(at, post="地面气象观测员", **kwargs)).eligible
    reason = only_reason(make_app(at, post="办公室文员", **kwargs))
    assert reason == "岗位“办公室文员”不属于艰苦行业生产第一线岗位"


# --- service period and exclusions ---------------------------------------------------------


def test_service_of_two_years_is_too_short() -> None:
    assert only_reason(make_app(service_years=2)) == "服务期2年，少于3年"
    assert judge(make_app(service_years=3)).eligible


@pytest.mark.parametrize(
    ("flag", "reason"),
    [
        ("directed", "该生为定向生，不属于补偿代偿范围"),
        ("commissioned", "该生为委培生，不属于补偿代偿范围"),
        ("tuition_waived", "该生在校期间已享受免除学费政策，不属于补偿代偿范围"),
    ],
)
def test_excluded_students(flag: str, reason: str) -> None:
    assert only_reason(make_app(**{flag: True})) == reason


def test_degree_must_match_stage() -> None:
    assert only_reason(make_app(degree="本科")) == "学历层次“本科”与学段“研究生”不一致"


# --- receipts (reviewer's check, not the system's) -----------------------------------------


def test_receipt_mismatch_is_invisible_to_the_system() -> None:
    app = make_app()
    app.years[1].claimed_amount = 9000
    result = judge(app)
    assert result.result == "符合" and result.approved_amount == 25000
    assert receipt_mismatches(app) == ["第2学年申报学费9000元，缴费票据实缴学费8000元，二者不一致"]


def test_matching_receipts_give_no_findings() -> None:
    assert receipt_mismatches(make_app()) == []


def test_missing_receipt_is_reported() -> None:
    app = make_app()
    app.materials = [m for m in app.materials if m.year_index != 3]
    assert receipt_mismatches(app) == ["第3学年未上传缴费票据，无法核实实缴学费"]


def test_loan_claim_is_compared_with_the_contract() -> None:
    app = make_app(application_type="贷款代偿", materials=[])
    for y in app.years:
        y.loan_principal = 8000
    assert receipt_mismatches(app) == ["未上传贷款合同，无法核实贷款本金"]
    app.materials = [Material(KIND_LOAN_CONTRACT, "国家助学贷款借款合同")]
    app.years[0].claimed_amount = 10000
    assert receipt_mismatches(app) == ["第1学年申报代偿金额10000元，贷款合同本金8000元，二者不一致"]


WEST = {"西藏", "内蒙古", "广西", "重庆", "四川", "贵州"}
WEST |= {"云南", "陕西", "甘肃", "青海", "宁夏", "新疆"}
CENTRAL = {"河北", "山西", "吉林", "黑龙江", "安徽", "江西", "河南", "湖北", "湖南", "海南"}
EAST_EXAMPLES = {"北京", "上海", "广东", "江苏", "浙江", "山东", "辽宁", "福建", "天津"}


# --- reference data -------------------------------------------------------------------------


def test_region_categories() -> None:
    by_category = defaultdict(set)
    for p in policy.provinces():
        by_category[p.category].add(p.short)
    assert by_category["西部"] == WEST
    assert by_category["中部"] == CENTRAL
    assert EAST_EXAMPLES.issubset(by_category["东部"])
    assert len(policy.provinces()) == 31
    assert policy.province("四川省") is policy.province("四川")


def test_places_are_consistent() -> None:
    places = reference.places()
    assert len(places) >= 60
    level_names = {lv.name for lv in policy.location_levels()}
    assert all(p.level in level_names for p in places)
    assert all(policy.province(p.province) for p in places)
    hardship = defaultdict(set)
    old_industrial = defaultdict(set)
    for p in places:
        hardship[(p.province, p.city, p.county)].add(p.hardship)
        old_industrial[(p.province, p.city)].add(p.old_industrial)
    assert all(len(flags) == 1 for flags in hardship.values())
    assert all(len(flags) == 1 for flags in old_industrial.values())
    assert any(p.city == "拉萨市" and p.level == "市辖区" for p in places)
    eastern = [p for p in places if policy.province(p.province).category == "东部"]
    assert any(p.old_industrial for p in eastern)
    assert any(not p.old_industrial and not p.hardship and p.level == "乡镇" for p in eastern)


def test_employer_types_reference_known_levels() -> None:
    level_names = {lv.name for lv in policy.location_levels()}
    for etype in reference.employer_types():
        assert set(etype.levels) <= level_names
        assert set(etype.basic_levels) <= set(etype.levels)
        assert etype.variants and all(v.posts for v in etype.variants)
    assert reference.employer_type("县直机关/县局委办").basic_levels == ()


def test_units_accessors() -> None:
    assert policy.STAGES == ("本专科", "研究生")
    assert reference.school().name == "中国科学院大学"
    demo = reference.demo_units()
    assert reference.unit(demo.graduate_unit).stages == ("研究生",)
    assert reference.unit(demo.undergraduate_unit).stages == ("本专科",)
    assert [u.code for u in reference.units_for("12", "本专科")] == ["14430-1201"]
    assert reference.units_for("08", "本专科") == ()
    assert len(reference.units_for("08", "研究生")) == 4
    assert reference.demo_invite_code() == "1685953300117"
    with pytest.raises(KeyError):
        reference.unit("nope")
