"""Interim checks: the amount comparison only (claimed vs what the proofs state).

The full checks of domain.md §3 (region, 基层 level, service, exclusions, caps, OCR certainty)
replace this module at the merge; :func:`assess` keeps its signature.
"""

from __future__ import annotations

import re
from decimal import Decimal

from pages.jcjy import PASSED, REJECTED

from .assessment import NEEDS_PERSON, REMARK_MAX, Assessment, Finding
from .record import ApplicationRecord

AMOUNT_RULE = "申请金额与实缴金额（domain.md §3）"
LOAN = "贷款代偿"
YEAR = re.compile(r"(\d{4}-\d{4})")
#: 系统判断结果 that means eligible.
SYSTEM_ELIGIBLE = "符合"


def _amount_findings(record: ApplicationRecord) -> list[Finding]:
    if record.fields.get("申请类型") == LOAN:
        claimed = sum(record.claimed.values(), Decimal())
        read = [p.amount for p in record.proofs if p.amount is not None]
        if len(read) < len(record.proofs) or not read:
            return [Finding(AMOUNT_RULE, "借款合同金额无法读取，需人工核对", NEEDS_PERSON)]
        principal = sum(read, Decimal())
        if claimed > principal:
            return [Finding(AMOUNT_RULE, f"申请总额{claimed}元超过借款本金{principal}元", REJECTED)]
        return []
    paid: dict[str, Decimal | None] = {}
    for proof in record.proofs:
        if match := YEAR.search(proof.title):
            paid[match[1]] = proof.amount
    findings = []
    for year, claimed in record.claimed.items():
        key = m[1] if (m := YEAR.search(year)) else year
        if key not in paid:
            findings.append(Finding(AMOUNT_RULE, f"{year}学年缺少缴费票据", REJECTED))
        elif paid[key] is None:
            findings.append(Finding(AMOUNT_RULE, f"{year}学年缴费票据金额无法读取，需人工核对", NEEDS_PERSON))
        elif paid[key] != claimed:
            findings.append(Finding(
                AMOUNT_RULE, f"{year}学年申请{claimed}元，缴费票据实缴{paid[key]}元", REJECTED))
    return findings


def assess(record: ApplicationRecord) -> Assessment:
    """核查建议 from the amounts alone."""
    findings = _amount_findings(record)
    if any(f.verdict == REJECTED for f in findings):
        suggestion = REJECTED
    elif findings:
        suggestion = NEEDS_PERSON
    else:
        suggestion = PASSED
    remark = ""
    if suggestion == REJECTED:
        remark = "；".join(f.text for f in findings if f.verdict == REJECTED)[:REMARK_MAX]
    system_passed = record.system_result == SYSTEM_ELIGIBLE
    disagrees = suggestion != NEEDS_PERSON and (suggestion == PASSED) != system_passed
    return Assessment(suggestion, tuple(findings), remark, disagrees)
