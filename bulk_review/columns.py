"""The worksheet's columns: what each holds, in the reviewer's words, and which ones the reviewer
fills. One row per application; every value is text, as the site shows it."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .assessment import Assessment
from .reading import APPLICATION_NO, SUBMITTED_AT
from .record import ApplicationRecord


@dataclass(frozen=True)
class Column:
    header: str
    item: str = ""  # the 详情 item it copies ("" when computed)
    width: int = 0  # this wide, long text wrapped (character widths); 0: as wide as its values


SUGGESTION, FINDINGS = "核查建议", "核查发现"
#: Exported columns, in order: what the site showed and what the checks found.
EXPORTED = (
    Column(APPLICATION_NO, APPLICATION_NO),
    Column("姓名", "姓名"),
    Column("学号", "学号"),
    Column("学段", "学段"),
    Column("培养单位", "培养单位"),
    Column("毕业年份", "毕业年份"),
    Column("就业单位", "就业单位"),
    Column("单位性质", "单位性质"),
    Column("单位所在地", "单位所在地"),
    Column("地点类型", "地点类型"),
    Column("服务期限（年）", "服务期限（年）"),
    Column("定向/委培", "是否定向/委培"),
    Column("免学费", "在校期间是否享受免学费"),
    Column("申请类型", "申请类型"),
    Column("申请金额（各学年）", width=44),
    Column("申请总额（元）", "申请总额（元）"),
    Column("票据/合同金额（各学年）", width=60),
    Column("系统判断结果", width=40),
    Column("审核状态"),
    Column(SUBMITTED_AT, SUBMITTED_AT),
    Column(SUGGESTION),
    Column(FINDINGS, width=50),
)
RESULT, REMARK = "审核结果", "备注"
#: The two columns the reviewer fills (the only unlocked cells).
REVIEWER = (Column(RESULT, width=10), Column(REMARK, width=40))
EXPORT_ID, FINGERPRINT = "导出编号", "指纹"
#: Hidden columns: which export the row comes from and a keyed digest of its exported values.
HIDDEN = (Column(EXPORT_ID), Column(FINGERPRINT))
ALL = EXPORTED + REVIEWER + HIDDEN
HEADERS = tuple(c.header for c in ALL)
EXPORTED_HEADERS = tuple(c.header for c in EXPORTED)


def money(value: Decimal) -> str:
    """8000 → "8,000.00" (as the site prints amounts)."""
    return f"{value:,.2f}"


def _per_year(claimed: dict[str, Decimal]) -> str:
    return "；".join(f"{year}：{money(value)}" for year, value in claimed.items())


def _proofs(record: ApplicationRecord) -> str:
    parts = []
    for proof in record.proofs:
        shown = "无法读取" if proof.amount is None else money(proof.amount)
        how = f"{proof.method}，置信度{proof.confidence:.0%}" if proof.method != "文本" else proof.method
        parts.append(f"{proof.title}：{shown}（{how}）")
    return "；".join(parts) or "无缴费票据或借款合同"


def citation(rule: str) -> str:
    """How a finding in 核查发现 names the rule it comes from."""
    return f"〔{rule}〕"


def _findings(assessment: Assessment, system: str) -> str:
    lines = [f.text + citation(f.rule) for f in assessment.findings]
    if assessment.disagrees_with_system:
        lines.append(f"核查建议与系统判断结果（{system}，仅供参考）不一致")
    return "\n".join(lines) or "未发现问题"


def row_values(record: ApplicationRecord, assessment: Assessment) -> dict[str, str]:
    """The exported columns of one application, as text."""
    values = {c.header: record.fields.get(c.item, "") for c in EXPORTED if c.item}
    system = record.system_result
    if record.system_reasons:
        system += "：" + "；".join(record.system_reasons)
    values.update({
        "申请金额（各学年）": _per_year(record.claimed),
        "票据/合同金额（各学年）": _proofs(record),
        "系统判断结果": system,
        "审核状态": record.review_status,
        SUGGESTION: assessment.suggestion,
        FINDINGS: _findings(assessment, record.system_result),
    })
    return {header: values[header] for header in EXPORTED_HEADERS}
