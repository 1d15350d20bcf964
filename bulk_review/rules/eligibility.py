"""Who may apply: 定向/委培 and 免学费 are excluded, the service agreement is ≥ 3 years, and one
application type is chosen for the whole stage."""

from __future__ import annotations

import policy

from ..record import ApplicationRecord
from . import Found, rejected, unsure, whole_number

EXCLUSIONS = "资助对象：定向、委培及在校期间已享受免除学费政策的不属于补偿代偿范围（domain.md §3）"
SERVICE = f"服务期限不少于{policy.min_service_years()}年（domain.md §3）"
ONE_TYPE = "同一学段只能选择学费补偿或贷款代偿一种（domain.md §3）"
APPLICATION_TYPES = ("学费补偿", "贷款代偿")
_NO = "否"


def exclusions(record: ApplicationRecord) -> list[Found]:
    found = []
    directed = record.fields.get("是否定向/委培", "").strip()
    if directed != _NO:
        found.append(rejected(
            EXCLUSIONS, f"是否定向/委培为“{directed or '未填写'}”",
            f"您为{directed}生，不属于学费补偿贷款代偿范围" if directed else "未填写是否定向/委培",
        ))
    waived = record.fields.get("在校期间是否享受免学费", "").strip()
    if waived != _NO:
        found.append(rejected(
            EXCLUSIONS, f"在校期间是否享受免学费为“{waived or '未填写'}”",
            "您在校期间已享受免除学费政策，不属于学费补偿贷款代偿范围",
        ))
    return found


def service(record: ApplicationRecord) -> list[Found]:
    shown = record.fields.get("服务期限（年）", "")
    years = whole_number(shown)
    minimum = policy.min_service_years()
    if years is None:
        return [unsure(SERVICE, f"服务期限“{shown}”无法识别，请查看就业协议或劳动合同")]
    if years < minimum:
        return [rejected(
            SERVICE, f"服务期限{years}年，少于{minimum}年",
            f"服务期限为{years}年，须不少于{minimum}年",
        )]
    return []


def one_type(record: ApplicationRecord) -> list[Found]:
    kind = record.fields.get("申请类型", "").strip()
    if kind not in APPLICATION_TYPES:
        return [rejected(
            ONE_TYPE, f"申请类型“{kind}”不是学费补偿或贷款代偿",
            "申请类型须为学费补偿或贷款代偿之一",
        )]
    receipts = any("票据" in p.title for p in record.proofs)
    loans = any("借款合同" in p.title for p in record.proofs)
    if receipts and loans:
        return [unsure(
            ONE_TYPE, f"申请类型为{kind}，材料中却既有缴费票据又有借款合同，请核实是否混合申请",
        )]
    return []
