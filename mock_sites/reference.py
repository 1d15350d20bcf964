"""Typed, cached access to the mock's own data in ``mock_sites/data/*.json`` (units, places,
employers), joined with the public policy facts of :mod:`policy` (which the mock's modules import
directly)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from policy import is_hardship, is_old_industrial, unit_type

DATA_DIR = Path(__file__).parent / "data"
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
        rule = unit_type(self.name)
        return rule.frontline_posts if rule else frozenset()


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


# --- places -----------------------------------------------------------------------------


@cache
def places() -> tuple[Place, ...]:
    """Real places used for seeding, each marked from the policy facts."""
    return tuple(
        Place(
            **p,
            hardship=is_hardship(p["province"], p["city"], p["county"]),
            old_industrial=is_old_industrial(p["province"], p["city"]),
        )
        for p in _load("regions.json")["places"]
    )


# --- employers --------------------------------------------------------------------------


@cache
def employer_types() -> tuple[EmployerType, ...]:
    result = []
    for t in _load("employers.json")["types"]:
        variants = tuple(EmployerVariant(v["pattern"], tuple(v["posts"])) for v in t["variants"])
        rule = unit_type(t["name"])
        if rule is None:
            raise ValueError(f"employers.json：单位性质“{t['name']}”不在 policy/data/unit_types.json 中")
        result.append(
            EmployerType(
                name=t["name"],
                levels=tuple(t["levels"]),
                basic_levels=rule.basic_levels,
                post_rule=rule.post_rule,
                not_basic_reason=rule.not_basic_reason,
                variants=variants,
            )
        )
    return tuple(result)


def employer_type(name: str) -> EmployerType | None:
    return next((t for t in employer_types() if t.name == name), None)


def employer_words() -> tuple[str, ...]:
    return tuple(_load("employers.json")["words"])
