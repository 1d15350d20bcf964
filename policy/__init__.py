"""Public policy facts of 学费补偿/贷款代偿 (domain.md §3), once, as data: the regions, the
基层 rules by 单位性质 and 地点类型, the yearly caps by cohort and 学段, the service minimum.

The bottom of the project: it imports nothing of it. Both the mock site (系统判断结果) and the
review tool's own checks (``bulk_review``) read these facts from here.
"""

from .facts import (
    STAGES,
    CapPeriod,
    LocationLevel,
    Province,
    RelaxedArea,
    UnitType,
    cap_for,
    cap_periods,
    eligible_categories,
    is_hardship,
    is_old_industrial,
    location_level,
    location_levels,
    min_service_years,
    old_industrial_from_year,
    payment_split,
    province,
    provinces,
    relaxed_areas,
    unit_type,
    unit_types,
)

__all__ = [
    "STAGES", "CapPeriod", "LocationLevel", "Province", "RelaxedArea", "UnitType", "cap_for",
    "cap_periods", "eligible_categories", "is_hardship", "is_old_industrial", "location_level",
    "location_levels", "min_service_years", "old_industrial_from_year", "payment_split",
    "province", "provinces", "relaxed_areas", "unit_type", "unit_types",
]
