"""Where and for whom the graduate works: the region (中西部 / 艰苦边远 / 老工业基地), the 基层
level (乡镇 below the county seat; not county organs) and, for central units in 艰苦行业, the post."""

from __future__ import annotations

import policy

from ..record import ApplicationRecord
from . import Found, rejected, unsure, whole_number

REGION = "区域范围：中西部地区、艰苦边远地区或老工业基地（domain.md §3）"
BASIC = "基层单位：县以下乡（镇、街道），县城与县直机关不属于基层（domain.md §3）"
POST = "艰苦行业中央单位须为生产第一线岗位（domain.md §3）"
_CITY_PLACEHOLDER = "省直辖县级行政区划"


def _parts(record: ApplicationRecord) -> list[str]:
    """单位所在地 as shown: 省 市 县 乡, separated by spaces (the 市 left out for 直辖市)."""
    return record.fields.get("单位所在地", "").split()


def _city_county_pairs(parts: list[str]) -> list[tuple[str, str]]:
    """Every (市, 县) the parts may name: consecutive parts, or a county right under the province."""
    province_name = parts[0]
    pairs = list(zip(parts[1:], parts[2:], strict=False))
    if len(parts) > 1:
        pairs += [(province_name, parts[1]), (_CITY_PLACEHOLDER, parts[1])]
    return pairs


def region(record: ApplicationRecord) -> list[Found]:
    parts = _parts(record)
    shown = "".join(parts)
    found_province = policy.province(parts[0]) if parts else None
    if found_province is None:
        return [unsure(REGION, f"单位所在地“{shown}”无法识别省份，请人工核实")]
    if found_province.category in policy.eligible_categories():
        return []
    pairs = _city_county_pairs(parts)
    if any(policy.is_hardship(found_province.name, city, county) for city, county in pairs):
        return []
    old_industrial = any(policy.is_old_industrial(found_province.name, p) for p in parts[1:])
    year = whole_number(record.fields.get("毕业年份", ""))
    first = policy.old_industrial_from_year()
    if old_industrial and year is not None and year >= first:
        return []
    where = f"单位所在地{shown}属{found_province.category}地区"
    if old_industrial:
        return [rejected(
            REGION, f"{where}，属老工业基地，但老工业基地自{first}届起纳入，该生为{year}届",
            f"就业地点{shown}属老工业基地，但自{first}届毕业生起才纳入范围",
        )]
    return [rejected(
        REGION, f"{where}，不在中西部地区，也不属于艰苦边远地区或老工业基地",
        f"就业地点{shown}不在中西部地区、艰苦边远地区或老工业基地范围内",
    )]


def _relaxed(province_name: str, parts: list[str], level: str) -> tuple[bool, str | None]:
    """(every level counts as 基层 in this province, why its exception applies here)."""
    for area in policy.relaxed_areas():
        if area.province != province_name:
            continue
        if area.except_city in parts and level in area.except_levels:
            return False, area.except_reason
        return True, None
    return False, None


def basic_level(record: ApplicationRecord) -> list[Found]:
    parts = _parts(record)
    level = record.fields.get("地点类型", "").strip()
    kind = record.fields.get("单位性质", "").strip()
    employer = record.fields.get("就业单位", "").strip()
    found_province = policy.province(parts[0]) if parts else None
    relaxed, exception = _relaxed(found_province.name if found_province else "", parts, level)
    if relaxed:
        return []
    unit_type = policy.unit_type(kind)
    if unit_type is None or policy.location_level(level) is None:
        return [unsure(BASIC, f"单位性质“{kind}”或地点类型“{level}”无法识别，请人工核实是否属于基层单位")]
    if level in unit_type.basic_levels:
        return []
    place = "".join(parts)
    if not unit_type.basic_levels:
        text = f"单位性质为{kind}（{employer}），在任何地点都不属于基层单位"
        student = f"就业单位{employer}为{kind}，不属于基层单位"
    elif level == "县城":
        text = f"地点类型为县城（{place}），基层单位须在县以下乡镇，不含县政府驻地"
        student = f"就业地点{place}为县城，不属于县以下基层单位"
    else:
        text = f"地点类型为{level}（{place}），不属于基层单位"
        student = f"就业地点{place}为城市{level}，不属于基层单位"
    if exception:
        text += f"；{exception}"
    return [rejected(BASIC, text, student)]


def frontline_post(record: ApplicationRecord) -> list[Found]:
    unit_type = policy.unit_type(record.fields.get("单位性质", "").strip())
    if unit_type is None or unit_type.post_rule != "frontline":
        return []
    post = record.fields.get("岗位", "").strip()
    if post in unit_type.frontline_posts:
        return []
    return [rejected(
        POST, f"岗位“{post}”不属于艰苦行业生产第一线岗位",
        f"岗位{post}不属于艰苦行业生产第一线岗位",
    )]
