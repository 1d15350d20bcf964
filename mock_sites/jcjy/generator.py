"""Deterministic demo applications with realistic proportions of eligible and faulty cases."""

from __future__ import annotations

import random
import zlib
from dataclasses import dataclass
from functools import cache

from faker import Faker
from faker.providers.ssn.zh_CN import Provider as ChineseSsnProvider

import policy
from mock_sites import reference
from mock_sites.common.validators import id_check_digit
from mock_sites.jcjy import rules
from mock_sites.jcjy.cases import (
    KIND_AGREEMENT,
    KIND_EMPLOYMENT_PROOF,
    KIND_LABOR_CONTRACT,
    KIND_LOAN_CONTRACT,
    KIND_NO_CONTRACT,
    KIND_RECEIPT,
    Application,
    Material,
    YearPayment,
)

CASE_ELIGIBLE = "符合条件"
CASE_REGION = "东部地区"
CASE_NOT_BASIC = "非基层单位"
CASE_SHORT_SERVICE = "服务期不足"
CASE_DIRECTED = "定向或委培"
CASE_AMOUNT_MISMATCH = "申报金额与票据不符"
CASE_OVER_CAP = "超出年度上限"
# What a 非基层单位 or 定向或委培 case turns out to be (its ``label``, the case's truth).
CASE_COUNTY_SEAT = "县城"
CASE_COUNTY_ORGAN = "县级机关"
CASE_CITY_DISTRICT = "市辖区街道"
CASE_TUITION_WAIVED = "已享受免学费"
#: The label each share is split into: 非基层单位 by where and what the employer is, 定向或委培
#: into 定向/委培 (kept as 定向或委培) and 已享受免学费.
CASE_PARTS: dict[str, tuple[str, ...]] = {
    CASE_NOT_BASIC: (CASE_COUNTY_SEAT, CASE_COUNTY_ORGAN, CASE_CITY_DISTRICT),
    CASE_DIRECTED: (CASE_DIRECTED, CASE_TUITION_WAIVED),
}
COUNTY_ORGANS = frozenset({"县直机关/县局委办", "县直事业单位"})
#: Share (percent) of 缴费票据 and 借款合同 uploaded as a phone photo: an image-only PDF.
SCANNED_SHARE = 20

# Percent of applications per case; the system says 符合 for the last two as well.
CASE_SHARES: tuple[tuple[str, int], ...] = (
    (CASE_ELIGIBLE, 55),
    (CASE_REGION, 8),
    (CASE_NOT_BASIC, 10),
    (CASE_SHORT_SERVICE, 7),
    (CASE_DIRECTED, 7),
    (CASE_AMOUNT_MISMATCH, 8),
    (CASE_OVER_CAP, 5),
)
INELIGIBLE_CASES = frozenset({
    CASE_REGION, CASE_SHORT_SERVICE, *CASE_PARTS[CASE_NOT_BASIC], *CASE_PARTS[CASE_DIRECTED],
})
SYSTEM_ELIGIBLE_CASES = frozenset({CASE_ELIGIBLE, CASE_AMOUNT_MISMATCH, CASE_OVER_CAP})


def case_share(label: str) -> str:
    """The CASE_SHARES entry a label belongs to (非基层单位 for 县城, …)."""
    return next((share for share, parts in CASE_PARTS.items() if label in parts), label)

GRADUATION_YEARS: tuple[tuple[int, int], ...] = ((2025, 60), (2024, 25), (2023, 15))
GRADUATE_DEMO_SHARE = 0.25
UNDERGRADUATE_DEMO_SHARE = 0.15
MIN_DEMO_ELIGIBLE, MIN_DEMO_INELIGIBLE = 3, 2

# Typical yearly tuition (元) and 学制 of UCAS programmes; high fees for over-cap cases.
TUITION = {"本科": 5300, "硕士": 8000, "博士": 10000}
SCHOOLING_YEARS = {"本科": (4,), "硕士": (3,), "博士": (4, 4, 5)}
HIGH_TUITIONS = (22000, 26000, 30000, 36000)
TYPICAL_AGE = {"本科": 22, "硕士": 25, "博士": 28}
DOCTOR_SHARE = 0.3
LOAN_SHARE = 0.2
CONTRACT_TYPES_WEIGHTED = ("就业协议书",) * 6 + ("劳动合同",) * 3 + ("不签约",)
SERVICE_YEARS_OK = (3, 3, 3, 4, 5)
SERVICE_YEARS_SHORT = (1, 2)
MISMATCH_DELTAS = (1000, 1200, 1500, 2000)


@dataclass(frozen=True, slots=True)
class _Posting:
    place: reference.Place
    etype: reference.EmployerType


def generate_applications(seed: int, count: int) -> list[Application]:
    """`count` applications; the same seed and count give the same list."""
    if count < 0:
        raise ValueError("count must be >= 0")
    rng = random.Random(seed)
    fake = Faker("zh_CN")
    fake.seed_instance(seed)
    labels = _labels(count, rng)
    units = _assign_units(labels, rng)
    years = _spread(GRADUATION_YEARS, count, rng)
    used_phones: set[str] = set()
    result = []
    for index, (label, unit, year) in enumerate(zip(labels, units, years, strict=True)):
        stage = rng.choice(unit.stages)
        app = _application(index, label, unit, stage, year, rng, fake, used_phones)
        result.append(app)
    return result


# --- distribution -------------------------------------------------------------------------


def _spread(shares: tuple[tuple, ...], count: int, rng: random.Random) -> list:
    """Exactly proportional list (largest remainder), shuffled."""
    total = sum(weight for _, weight in shares)
    exact = [(value, count * weight / total) for value, weight in shares]
    items = [value for value, q in exact for _ in range(int(q))]
    by_remainder = sorted(exact, key=lambda vq: vq[1] - int(vq[1]), reverse=True)
    items += [value for value, _ in by_remainder[: count - len(items)]]
    rng.shuffle(items)
    return items


def _labels(count: int, rng: random.Random) -> list[str]:
    return _spread(CASE_SHARES, count, rng)


def _assign_units(labels: list[str], rng: random.Random) -> list[reference.Unit]:
    """About 40 % in the two demo units; the graduate demo unit gets both kinds of case."""
    count = len(labels)
    demo = reference.demo_units()
    n_grad = round(count * GRADUATE_DEMO_SHARE)
    n_under = round(count * UNDERGRADUATE_DEMO_SHARE)
    grad: list[int] = []
    if count >= 10:
        n_grad = max(n_grad, MIN_DEMO_ELIGIBLE + MIN_DEMO_INELIGIBLE)
        n_under = max(n_under, 1)
        grad += [i for i, lb in enumerate(labels) if lb == CASE_ELIGIBLE][:MIN_DEMO_ELIGIBLE]
        ineligible = {case_share(lb) for lb in INELIGIBLE_CASES}
        grad += [i for i, lb in enumerate(labels) if lb in ineligible][:MIN_DEMO_INELIGIBLE]
    chosen = set(grad)
    rest = [i for i in range(count) if i not in chosen]
    rng.shuffle(rest)
    take = max(n_grad - len(grad), 0)
    grad += rest[:take]
    under = rest[take : take + n_under]
    demo_codes = (demo.graduate_unit, demo.undergraduate_unit)
    others = [u for u in reference.units() if u.code not in demo_codes]
    assigned = [rng.choice(others) for _ in range(count)]
    for i in grad:
        assigned[i] = reference.unit(demo.graduate_unit)
    for i in under:
        assigned[i] = reference.unit(demo.undergraduate_unit)
    return assigned


@cache
def _postings(graduation_year: int) -> dict[str, tuple[_Posting, ...]]:
    """Place/employer combinations grouped by the single fault they exhibit."""
    good, wrong_region, not_basic = [], [], []
    for place in reference.places():
        in_region = rules.region_ok(place, graduation_year)
        for etype in reference.employer_types():
            if place.level not in etype.levels:
                continue
            posting = _Posting(place, etype)
            basic = rules.counts_as_basic(place, etype.name)
            if in_region and basic:
                good.append(posting)
            elif basic:
                wrong_region.append(posting)
            elif in_region:
                not_basic.append(posting)
    return {"good": tuple(good), "region": tuple(wrong_region), "basic": tuple(not_basic)}


# --- one application ----------------------------------------------------------------------


def _application(
    index: int,
    label: str,
    unit: reference.Unit,
    stage: str,
    graduation_year: int,
    rng: random.Random,
    fake: Faker,
    used_phones: set[str],
) -> Application:
    degree = "本科"
    if stage == "研究生":
        degree = "博士" if rng.random() < DOCTOR_SHARE else "硕士"
    schooling = rng.choice(SCHOOLING_YEARS[degree])
    pool = {CASE_REGION: "region", CASE_NOT_BASIC: "basic"}.get(label, "good")
    posting = rng.choice(_postings(graduation_year)[pool])
    variant = rng.choice(posting.etype.variants)
    place = posting.place
    employer = variant.pattern.format(
        province=place.province,
        city=place.city,
        county=place.county,
        town=place.town,
        word=rng.choice(reference.employer_words()),
    )
    male = rng.random() < 0.5
    cap = policy.cap_for(graduation_year, stage)
    app_type = "学费补偿" if label == CASE_OVER_CAP or rng.random() >= LOAN_SHARE else "贷款代偿"
    # One draw splits 定向或委培 into thirds: 定向, 委培, 已享受免学费 (so the stream is unchanged).
    exclusion = rng.random() if label == CASE_DIRECTED else 1.0
    directed, commissioned = exclusion < 1 / 3, 1 / 3 <= exclusion < 2 / 3
    waived = label == CASE_DIRECTED and not (directed or commissioned)
    app = Application(
        student_name=fake.name_male() if male else fake.name_female(),
        student_no=_student_no(index, unit, stage, graduation_year - schooling),
        id_number=_id_number(fake, rng, male, graduation_year - TYPICAL_AGE[degree]),
        phone=_phone(fake, used_phones),
        unit_code=unit.code,
        unit_name=unit.name,
        department_name=unit.department_name,
        stage=stage,
        degree=degree,
        schooling_years=schooling,
        graduation_year=graduation_year,
        directed=directed,
        commissioned=commissioned,
        tuition_waived=waived,
        employer_name=employer,
        employer_type=posting.etype.name,
        province=place.province,
        city=place.city,
        county=place.county,
        town=place.town,
        location_level=place.level,
        post=rng.choice(variant.posts),
        service_years=rng.choice(
            SERVICE_YEARS_SHORT if label == CASE_SHORT_SERVICE else SERVICE_YEARS_OK
        ),
        contract_type=rng.choice(CONTRACT_TYPES_WEIGHTED),
        application_type=app_type,
        label=_truth(label, posting, waived),
    )
    app.years = _years(app, label, cap, rng)
    app.materials = _materials(app)
    return app


def _truth(label: str, posting: _Posting, waived: bool) -> str:
    """The case's label refined by what it turned out to be (县城, 县级机关, 已享受免学费, …)."""
    if label == CASE_DIRECTED and waived:
        return CASE_TUITION_WAIVED
    if label != CASE_NOT_BASIC:
        return label
    if posting.etype.name in COUNTY_ORGANS:
        return CASE_COUNTY_ORGAN
    return CASE_COUNTY_SEAT if posting.place.level == "县城" else CASE_CITY_DISTRICT


def scanned(student_no: str, title: str) -> bool:
    """Whether this proof was uploaded as a photo (no text layer): a fixed share, by a hash of
    the student and the title so that the seeded stream of everything else stays as it was."""
    return zlib.crc32(f"{student_no}:{title}:扫描".encode()) % 100 < SCANNED_SHARE


def _years(app: Application, label: str, cap: int, rng: random.Random) -> list[YearPayment]:
    tuition = TUITION[app.degree]
    if label == CASE_OVER_CAP:
        tuition = rng.choice([t for t in HIGH_TUITIONS if t > cap])
    loan = app.application_type == "贷款代偿"
    years = [
        YearPayment(i, tuition, tuition, tuition if loan else 0)
        for i in range(1, app.schooling_years + 1)
    ]
    if label == CASE_AMOUNT_MISMATCH:
        for y in rng.sample(years, k=rng.choice((1, 2))):
            y.claimed_amount = min(y.claimed_amount + rng.choice(MISMATCH_DELTAS), cap)
    return years


def _materials(app: Application) -> list[Material]:
    contract = {
        "就业协议书": Material(KIND_AGREEMENT, "就业协议书"),
        "劳动合同": Material(KIND_LABOR_CONTRACT, "劳动合同"),
        "不签约": Material(KIND_NO_CONTRACT, "不签约情况说明"),
    }[app.contract_type]
    materials = [contract, Material(KIND_EMPLOYMENT_PROOF, "就业证明")]
    if app.application_type == "贷款代偿":
        title = "国家助学贷款借款合同"
        materials.append(
            Material(KIND_LOAN_CONTRACT, title, scanned=scanned(app.student_no, title))
        )
    else:
        for y in app.years:
            title = f"缴费票据（{app.academic_year(y.year_index)}学年）"
            materials.append(
                Material(KIND_RECEIPT, title, y.year_index, scanned(app.student_no, title))
            )
    return materials


# --- identities ---------------------------------------------------------------------------


@cache
def _area_codes() -> tuple[str, ...]:
    """County-level codes from Faker's zh_CN list (province/city totals excluded)."""
    return tuple(c for c in ChineseSsnProvider.area_codes if not c.endswith("00"))


def _id_number(fake: Faker, rng: random.Random, male: bool, birth_year: int) -> str:
    """Valid 18-digit 身份证号 with a birth date fixed by the data, not by today's date.

    Faker's ssn() derives the birth date from today, which would break determinism; the area
    code and sequence come from Faker's tables and the check digit is recomputed.
    """
    area = fake.random_element(_area_codes())
    birth = f"{birth_year + rng.randint(-1, 1)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
    sequence = f"{rng.randint(0, 99):02d}{rng.choice('13579' if male else '02468')}"
    first17 = area + birth + sequence
    return first17 + id_check_digit(first17)


def _phone(fake: Faker, used: set[str]) -> str:
    while (phone := fake.phone_number()) in used:
        pass
    used.add(phone)
    return phone


def _student_no(index: int, unit: reference.Unit, stage: str, enrollment_year: int) -> str:
    """Unique 学号: 入学年 + 学段码 + 培养单位码 + 序号."""
    stage_code = "80" if stage == "研究生" else "10"
    return f"{enrollment_year}{stage_code}{unit.code[-4:]}{index + 1:05d}"
