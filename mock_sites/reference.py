"""Typed, cached access to the reference data in ``mock_sites/data/*.json``."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).parent / "data"
STAGES = ("本专科", "研究生")
_CITY_PLACEHOLDER = "省直辖县级行政区划"


def place_parts(province_name: str, city: str, county: str, town: str = "") -> list[str]:
    """省, 市, 县, 乡 as shown: no repeated 直辖市 name, no 省直辖县级行政区划, no empty part."""
    shown_city = "" if city in (province_name, _CITY_PLACEHOLDER) else city
    return [part for part in (province_name, shown_city, county, town) if part]


def format_place(province_name: str, city: str, county: str, town: str = "") -> str:
    """Address text such as 四川省凉山彝族自治州昭觉县支尔莫乡."""
    return "".join(place_parts(province_name, city, county, town))


@dataclass(frozen=True, slots=True)
class School:
    code: str
    name: str


@dataclass(frozen=True, slots=True)
class Unit:
    """A 培养单位 with the 学段 it trains."""

    code: str
    name: str
    stages: tuple[str, ...]
    department_code: str
    department_name: str


@dataclass(frozen=True, slots=True)
class Department:
    """A 院（系） of the school."""

    code: str
    name: str
    units: tuple[Unit, ...]


@dataclass(frozen=True, slots=True)
class DemoUnits:
    graduate_unit: str
    undergraduate_unit: str
    invite_code: str


@dataclass(frozen=True, slots=True)
class Province:
    name: str
    short: str
    category: str  # 西部 / 中部 / 东部


@dataclass(frozen=True, slots=True)
class Place:
    """A real employment location used for seeding."""

    province: str
    city: str
    county: str
    town: str
    level: str  # 乡镇 / 县城 / 街道 / 市辖区
    hardship: bool
    old_industrial: bool


@dataclass(frozen=True, slots=True)
class LocationLevel:
    name: str
    description: str
    not_basic_reason: str | None


@dataclass(frozen=True, slots=True)
class RelaxedArea:
    """A province where every level counts as 基层 except one city's districts."""

    province: str
    except_city: str
    except_levels: tuple[str, ...]
    description: str
    except_reason: str


@dataclass(frozen=True, slots=True)
class EmployerVariant:
    pattern: str
    posts: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class EmployerType:
    name: str
    levels: tuple[str, ...]
    basic_levels: tuple[str, ...]
    post_rule: str | None
    not_basic_reason: str | None
    variants: tuple[EmployerVariant, ...]

    @property
    def frontline_posts(self) -> frozenset[str]:
        """Posts that count as 生产第一线 (only meaningful when post_rule is 'frontline')."""
        return frozenset(post for v in self.variants for post in v.posts)


@dataclass(frozen=True, slots=True)
class CapPeriod:
    from_year: int | None
    to_year: int | None
    caps: dict[str, int]
    basis: str

    def covers(self, year: int) -> bool:
        return (self.from_year is None or year >= self.from_year) and (
            self.to_year is None or year <= self.to_year
        )


@cache
def _load(name: str) -> dict[str, Any]:
    with (DATA_DIR / name).open(encoding="utf-8") as fh:
        return json.load(fh)


# --- UCAS units -----------------------------------------------------------------------


def school() -> School:
    data = _load("ucas_units.json")["school"]
    return School(code=data["code"], name=data["name"])


@cache
def departments() -> tuple[Department, ...]:
    result = []
    for dep in _load("ucas_units.json")["departments"]:
        units = tuple(
            Unit(u["code"], u["name"], tuple(u["stages"]), dep["code"], dep["name"])
            for u in dep["units"]
        )
        result.append(Department(code=dep["code"], name=dep["name"], units=units))
    return tuple(result)


def units() -> tuple[Unit, ...]:
    return tuple(u for dep in departments() for u in dep.units)


@cache
def _units_by_code() -> dict[str, Unit]:
    return {u.code: u for u in units()}


def unit(code: str) -> Unit:
    """The unit with this code; raises KeyError for an unknown code."""
    return _units_by_code()[code]


def find_unit(code: str | None) -> Unit | None:
    """The unit with this code, or None (codes come from forms and stored rows too)."""
    return _units_by_code().get(code) if code else None


def department_name(code: str | None) -> str | None:
    """Name of the 院（系） with this code, or None."""
    return next((d.name for d in departments() if d.code == code), None)


def units_for(department_code: str, stage: str) -> tuple[Unit, ...]:
    """Units of a department that train the given 学段."""
    return tuple(u for u in units() if u.department_code == department_code and stage in u.stages)


def demo_units() -> DemoUnits:
    data = _load("ucas_units.json")["demo"]
    return DemoUnits(data["graduate_unit"], data["undergraduate_unit"], data["invite_code"])


def demo_invite_code() -> str:
    """The 邀请码 announced in the group chat (step 4 of the procedure document, 操作流程)."""
    return demo_units().invite_code


# --- regions ----------------------------------------------------------------------------


@cache
def provinces() -> tuple[Province, ...]:
    return tuple(Province(**p) for p in _load("regions.json")["provinces"])


@cache
def _provinces_by_name() -> dict[str, Province]:
    index = {p.name: p for p in provinces()}
    index.update({p.short: p for p in provinces()})
    return index


def province(name: str) -> Province | None:
    """Look a province up by full (四川省) or short (四川) name."""
    return _provinces_by_name().get(name)


def eligible_categories() -> tuple[str, ...]:
    return tuple(_load("regions.json")["eligible_categories"])


def old_industrial_from_year() -> int:
    return int(_load("regions.json")["old_industrial_from_year"])


@cache
def places() -> tuple[Place, ...]:
    return tuple(Place(**p) for p in _load("regions.json")["places"])


@cache
def _hardship_counties() -> frozenset[tuple[str, str, str]]:
    return frozenset((p.province, p.city, p.county) for p in places() if p.hardship)


@cache
def _old_industrial_cities() -> frozenset[tuple[str, str]]:
    return frozenset((p.province, p.city) for p in places() if p.old_industrial)


def is_hardship(province_name: str, city: str, county: str) -> bool:
    """Whether the county is a known 艰苦边远地区."""
    return (province_name, city, county) in _hardship_counties()


def is_old_industrial(province_name: str, city: str) -> bool:
    """Whether the city is a known 老工业基地."""
    return (province_name, city) in _old_industrial_cities()


@cache
def location_levels() -> tuple[LocationLevel, ...]:
    return tuple(LocationLevel(**lv) for lv in _load("regions.json")["location_levels"])


def location_level(name: str) -> LocationLevel | None:
    return next((lv for lv in location_levels() if lv.name == name), None)


@cache
def relaxed_areas() -> tuple[RelaxedArea, ...]:
    return tuple(
        RelaxedArea(**{**a, "except_levels": tuple(a["except_levels"])})
        for a in _load("regions.json")["relaxed_areas"]
    )


# --- employers --------------------------------------------------------------------------


@cache
def employer_types() -> tuple[EmployerType, ...]:
    result = []
    for t in _load("employers.json")["types"]:
        variants = tuple(EmployerVariant(v["pattern"], tuple(v["posts"])) for v in t["variants"])
        result.append(
            EmployerType(
                name=t["name"],
                levels=tuple(t["levels"]),
                basic_levels=tuple(t["basic_levels"]),
                post_rule=t["post_rule"],
                not_basic_reason=t["not_basic_reason"],
                variants=variants,
            )
        )
    return tuple(result)


def employer_type(name: str) -> EmployerType | None:
    return next((t for t in employer_types() if t.name == name), None)


def employer_words() -> tuple[str, ...]:
    return tuple(_load("employers.json")["words"])


# --- caps -------------------------------------------------------------------------------


@cache
def cap_periods() -> tuple[CapPeriod, ...]:
    return tuple(CapPeriod(**c) for c in _load("caps.json")["cohorts"])


def cap_for(graduation_year: int, stage: str) -> int:
    """Yearly cap (元) for a graduate of this year and 学段."""
    if stage not in STAGES:
        raise ValueError(f"未知学段：{stage}")
    for period in cap_periods():
        if period.covers(graduation_year):
            return period.caps[stage]
    raise ValueError(f"没有适用于{graduation_year}届的上限标准")


def payment_split() -> tuple[int, ...]:
    """Percentages paid in each of the three years (33/33/34)."""
    return tuple(_load("caps.json")["payment_split"])


def min_service_years() -> int:
    return int(_load("caps.json")["min_service_years"])
