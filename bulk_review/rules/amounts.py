"""How much: each year's claim against what the proof says was paid (实缴学费 on the receipt, or the
loan principal), and the yearly cap by cohort and stage within the years of the 学制."""

from __future__ import annotations

from decimal import Decimal

import policy
from flows.evidence import OCR, SURE, ProofReading

from ..record import ApplicationRecord
from . import Found, note, rejected, unsure, whole_number

PAID = "申请金额须与实际缴纳的学费或贷款本金一致（domain.md §3；需核实缴纳的实际金额）"
CAP = "每年金额不超过该届该学段的年度上限，且只计学制内的学年（domain.md §3）"
LOAN = "贷款代偿"


def _yuan(value: Decimal) -> str:
    return f"{value:.2f}"


def _unsure_reading(reading: ProofReading) -> Found | None:
    """需人工 when a proof's amount could not be read, or a scan was read without certainty."""
    if reading.amount is None:
        return unsure(PAID, f"“{reading.title}”中未能读出金额，请人工查看")
    if reading.method == OCR and reading.confidence < SURE:
        return unsure(
            PAID,
            f"“{reading.title}”为扫描件，识别结果{_yuan(reading.amount)}元把握不足"
            f"（{reading.confidence:.0%}），请人工核对",
        )
    return None


def paid(record: ApplicationRecord) -> list[Found]:
    if record.fields.get("申请类型", "").strip() == LOAN:
        return _loan(record)
    found = []
    for school_year, claimed in record.claimed.items():
        readings = [p for p in record.proofs if "票据" in p.title and school_year in p.title]
        if not readings:
            found.append(unsure(PAID, f"{school_year}学年未上传缴费票据，无法核实实缴学费"))
            continue
        reading = readings[0]
        problem = _unsure_reading(reading)
        if problem is not None:
            found.append(problem)
        elif reading.amount != claimed:
            found.append(rejected(
                PAID,
                f"{school_year}学年申请学费{_yuan(claimed)}元，缴费票据实缴学费"
                f"{_yuan(reading.amount)}元，二者不一致",
                f"{school_year}学年申请金额{_yuan(claimed)}元与缴费票据实缴"
                f"{_yuan(reading.amount)}元不一致",
            ))
    return found


def _loan(record: ApplicationRecord) -> list[Found]:
    readings = [p for p in record.proofs if "借款合同" in p.title]
    if not readings:
        return [unsure(PAID, "未上传借款合同，无法核实贷款本金")]
    reading = readings[0]
    problem = _unsure_reading(reading)
    if problem is not None:
        return [problem]
    claimed = sum(record.claimed.values(), Decimal(0))
    if reading.amount != claimed:
        return [rejected(
            PAID,
            f"申请代偿合计{_yuan(claimed)}元，借款合同借款本金合计{_yuan(reading.amount)}元，二者不一致",
            f"申请代偿金额合计{_yuan(claimed)}元与借款合同本金{_yuan(reading.amount)}元不一致",
        )]
    return []


def cap(record: ApplicationRecord) -> list[Found]:
    year = whole_number(record.fields.get("毕业年份", ""))
    stage = record.fields.get("学段", "").strip()
    schooling = whole_number(record.fields.get("学制", ""))
    if year is None or stage not in policy.STAGES or schooling is None:
        return [unsure(CAP, "毕业年份、学段或学制无法识别，无法确定年度上限")]
    try:
        limit = Decimal(policy.cap_for(year, stage))
    except ValueError as exc:
        return [unsure(CAP, str(exc))]
    found = []
    for index, (school_year, claimed) in enumerate(record.claimed.items(), start=1):
        if index > schooling:
            found.append(note(CAP, f"{school_year}学年超出学制{schooling}年，不予计算"))
        elif claimed > limit:
            found.append(note(
                CAP, f"{school_year}学年申请{_yuan(claimed)}元，超过{year}届{stage}年度上限"
                f"{_yuan(limit)}元，按上限计算",
            ))
    return found
