"""Deterministic demo applications: proportions, demo units, identities, consistency with rules."""

from __future__ import annotations

from collections import Counter

import pytest

import policy
from mock_sites import reference
from mock_sites.common.validators import id_check_digit, id_number
from mock_sites.jcjy import generator as gen
from mock_sites.jcjy.cases import KIND_LOAN_CONTRACT, KIND_RECEIPT, Application
from mock_sites.jcjy.generator import generate_applications
from mock_sites.jcjy.rules import judge, receipt_mismatches

DEMO = reference.demo_units()


@pytest.fixture(scope="module")
def apps() -> list[Application]:
    return generate_applications(seed=2024, count=2000)


def test_same_seed_same_data_other_seed_other_data() -> None:
    first = generate_applications(7, 150)
    assert first == generate_applications(7, 150)
    assert [a.to_dict() for a in first] == [a.to_dict() for a in generate_applications(7, 150)]
    other = generate_applications(8, 150)
    assert [a.student_name for a in first] != [a.student_name for a in other]


def test_zero_and_negative_counts() -> None:
    assert generate_applications(1, 0) == []
    with pytest.raises(ValueError):
        generate_applications(1, -1)


def test_case_proportions(apps: list[Application]) -> None:
    labels = Counter(gen.case_share(a.label) for a in apps)
    for label, percent in gen.CASE_SHARES:
        assert labels[label] == len(apps) * percent // 100
    clean = sum(
        judge(a).eligible and not receipt_mismatches(a) and not judge(a).notes for a in apps
    )
    assert clean / len(apps) == pytest.approx(0.55, abs=0.01)


def test_every_label_matches_the_system_judgement(apps: list[Application]) -> None:
    for app in apps:
        result = judge(app)
        assert result.eligible is (app.label in gen.SYSTEM_ELIGIBLE_CASES), (app.label, result)
        findings = receipt_mismatches(app)
        if app.label == gen.CASE_ELIGIBLE:
            assert not findings and not result.notes
        elif app.label == gen.CASE_AMOUNT_MISMATCH:
            assert findings and all("二者不一致" in f for f in findings)
            assert not result.notes
        elif app.label == gen.CASE_OVER_CAP:
            assert not findings
            assert all(
                y.claimed_amount == y.receipt_amount > result.cap_per_year for y in app.years
            )
            assert result.approved_amount == result.cap_per_year * app.schooling_years
        else:
            assert len(result.reasons) >= 1


@pytest.mark.parametrize(
    ("label", "fragment"),
    [
        (gen.CASE_REGION, "位于东部地区"),
        (gen.CASE_COUNTY_SEAT, "不属于基层单位"),
        (gen.CASE_COUNTY_ORGAN, "不属于基层单位"),
        (gen.CASE_CITY_DISTRICT, "不属于基层单位"),
        (gen.CASE_SHORT_SERVICE, "少于3年"),
        (gen.CASE_DIRECTED, "定向生，不属于补偿代偿范围"),
        (gen.CASE_TUITION_WAIVED, "已享受免除学费政策"),
    ],
)
def test_ineligible_cases_fail_for_their_own_reason(
    apps: list[Application], label: str, fragment: str
) -> None:
    cases = [a for a in apps if a.label == label]
    assert cases
    for app in cases:
        reasons = judge(app).reasons
        assert reasons and all(
            fragment in r or "拉萨市辖区" in r or "委培生" in r for r in reasons
        ), reasons


def test_not_basic_cases_are_county_seats_county_organs_or_city_districts(
    apps: list[Application],
) -> None:
    seats = [a for a in apps if a.label == gen.CASE_COUNTY_SEAT]
    organs = [a for a in apps if a.label == gen.CASE_COUNTY_ORGAN]
    districts = [a for a in apps if a.label == gen.CASE_CITY_DISTRICT]
    assert seats and organs and districts
    assert all(a.location_level == "县城" and a.employer_type not in gen.COUNTY_ORGANS for a in seats)
    assert any(a.employer_type == "县直机关/县局委办" for a in organs)
    assert all(a.location_level in ("街道", "市辖区") for a in districts)


def test_exclusions_are_directed_commissioned_or_tuition_waived(apps: list[Application]) -> None:
    directed = [a for a in apps if a.label == gen.CASE_DIRECTED]
    waived = [a for a in apps if a.label == gen.CASE_TUITION_WAIVED]
    assert any(a.directed for a in directed) and any(a.commissioned for a in directed)
    assert all(a.directed != a.commissioned and not a.tuition_waived for a in directed)
    assert waived and all(a.tuition_waived and not a.directed and not a.commissioned for a in waived)
    assert not any(a.tuition_waived for a in apps if a.label not in (gen.CASE_TUITION_WAIVED,))


def test_a_share_of_receipts_and_loan_contracts_are_scans(apps: list[Application]) -> None:
    proofs = [m for a in apps for m in a.materials if m.kind in (KIND_RECEIPT, KIND_LOAN_CONTRACT)]
    share = sum(m.scanned for m in proofs) / len(proofs)
    assert share == pytest.approx(gen.SCANNED_SHARE / 100, abs=0.03)
    others = [
        m for a in apps for m in a.materials if m.kind not in (KIND_RECEIPT, KIND_LOAN_CONTRACT)
    ]
    assert not any(m.scanned for m in others)


def test_demo_units_hold_about_forty_percent(apps: list[Application]) -> None:
    units = Counter(a.unit_code for a in apps)
    share = (units[DEMO.graduate_unit] + units[DEMO.undergraduate_unit]) / len(apps)
    assert share == pytest.approx(0.40, abs=0.02)
    others = set(units) - {DEMO.graduate_unit, DEMO.undergraduate_unit}
    assert len(others) >= len(reference.units()) - 4


@pytest.mark.parametrize("count", [10, 11, 15, 20, 30])
@pytest.mark.parametrize("seed", [0, 1, 99])
def test_graduate_demo_unit_has_both_outcomes(seed: int, count: int) -> None:
    apps = generate_applications(seed, count)
    demo = [a for a in apps if a.unit_code == DEMO.graduate_unit]
    eligible = [a for a in demo if a.label == gen.CASE_ELIGIBLE and judge(a).eligible]
    ineligible = [a for a in demo if not judge(a).eligible]
    assert len(eligible) >= 3 and len(ineligible) >= 2
    assert {a.stage for a in apps} == set(policy.STAGES)
    assert any(a.unit_code == DEMO.undergraduate_unit for a in apps)


def test_units_stages_and_degrees_agree(apps: list[Application]) -> None:
    for app in apps:
        unit = reference.unit(app.unit_code)
        assert app.stage in unit.stages
        assert (app.unit_name, app.department_name) == (unit.name, unit.department_name)
        assert app.degree in ({"本科"} if app.stage == "本专科" else {"硕士", "博士"})
        assert [y.year_index for y in app.years] == list(range(1, app.schooling_years + 1))


def test_identities_are_valid_and_unique(apps: list[Application]) -> None:
    assert len({a.student_no for a in apps}) == len(apps)
    assert len({a.phone for a in apps}) == len(apps)
    for app in apps:
        assert id_number(app.id_number) is None, app.id_number
        assert not app.id_number[:6].endswith("00")
        assert 20 <= app.graduation_year - int(app.id_number[6:10]) <= 30
        assert app.phone.isdigit() and len(app.phone) == 11 and app.phone.startswith("1")
        assert app.student_no.isdigit() and app.student_no.startswith(str(app.enrollment_year))


def test_id_check_digit_known_value() -> None:
    assert id_check_digit("11010519491231002") == "X"
    assert id_number("11010519491231002X") is None
    assert id_number("110105194912310021") is not None


def test_places_and_employers_come_from_reference_data(apps: list[Application]) -> None:
    places = {(p.province, p.city, p.county, p.town, p.level) for p in reference.places()}
    for app in apps:
        key = (app.province, app.city, app.county, app.town, app.location_level)
        assert key in places
        etype = reference.employer_type(app.employer_type)
        assert etype is not None and app.location_level in etype.levels
        assert app.post in {post for v in etype.variants for post in v.posts}
        assert "{" not in app.employer_name


def test_materials_match_application_type(apps: list[Application]) -> None:
    for app in apps:
        kinds = [m.kind for m in app.materials]
        assert kinds[0] == {"就业协议书": "就业协议书", "劳动合同": "劳动合同"}.get(
            app.contract_type, "不签约情况说明"
        )
        assert "就业证明" in kinds
        if app.application_type == "贷款代偿":
            assert KIND_LOAN_CONTRACT in kinds and KIND_RECEIPT not in kinds
            assert all(y.loan_principal == y.receipt_amount for y in app.years)
        else:
            receipts = [m.year_index for m in app.materials if m.kind == KIND_RECEIPT]
            assert receipts == [y.year_index for y in app.years]
    assert Counter(a.application_type for a in apps)["贷款代偿"] > 0


def test_roundtrip_through_dict(apps: list[Application]) -> None:
    for app in apps[:50]:
        assert Application.from_dict(app.to_dict()) == app


def test_five_thousand_applications() -> None:
    apps = generate_applications(5, 5000)
    assert len(apps) == 5000
