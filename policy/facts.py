"""Typed, cached access to ``policy/data/*.json``."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).parent / "data"
STAGES = ("本专科", "研究生")


@dataclass(frozen=True, slots=True)
class Province:
    name: str
    short: str
    category: str  # 西部 / 中部 / 东部


@dataclass(frozen=True, slots=True)
class LocationLevel:
    """A 地点类型 (乡镇 / 县城 / 街道 / 市辖区) and why it is not 基层 (None: it is)."""

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
class UnitType:
    """A 单位性质 and where it counts as a 基层单位."""

    name: str
    basic_levels: tuple[str, ...]  # the 地点类型 where it counts; empty: nowhere
    post_rule: str | None  # "frontline": only 艰苦行业生产第一线 posts count
    not_basic_reason: str | None
    frontline_posts: frozenset[str]


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
def _hardship_counties() -> frozenset[tuple[str, str, str]]:
    return frozenset(tuple(c) for c in _load("regions.json")["hardship_counties"])


@cache
def _old_industrial_cities() -> frozenset[tuple[str, str]]:
    return frozenset(tuple(c) for c in _load("regions.json")["old_industrial_cities"])


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


# --- 单位性质 ----------------------------------------------------------------------------


@cache
def unit_types() -> tuple[UnitType, ...]:
    return tuple(
        UnitType(
            name=t["name"],
            basic_levels=tuple(t["basic_levels"]),
            post_rule=t["post_rule"],
            not_basic_reason=t["not_basic_reason"],
            frontline_posts=frozenset(t["frontline_posts"]),
        )
        for t in _load("unit_types.json")["types"]
    )


def unit_type(name: str) -> UnitType | None:
    return next((t for t in unit_types() if t.name == name), None)


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
