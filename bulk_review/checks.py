"""核查建议 for one application: the project's own checks (domain.md §3) on what 详情 shows and
what its proofs state. A suggestion, never a decision: the reviewer keeps every decision."""

from __future__ import annotations

from collections.abc import Callable

from pages.jcjy import ELIGIBLE, INELIGIBLE, PASSED, REJECTED

from .assessment import NEEDS_PERSON, REMARK_MAX, Assessment
from .record import ApplicationRecord
from .rules import Found, amounts, eligibility, place

Check = Callable[[ApplicationRecord], list[Found]]
#: Every check, in the order its findings are listed.
CHECKS: tuple[Check, ...] = (
    eligibility.exclusions,
    eligibility.service,
    place.region,
    place.basic_level,
    place.frontline_post,
    eligibility.one_type,
    amounts.cap,
    amounts.paid,
)
#: Every rule the checks apply, in the order of CHECKS (the 汇总 sheet lists them).
RULES: tuple[str, ...] = (
    eligibility.EXCLUSIONS,
    eligibility.SERVICE,
    place.REGION,
    place.BASIC,
    place.POST,
    eligibility.ONE_TYPE,
    amounts.CAP,
    amounts.PAID,
)
#: What the system's 判断结果 corresponds to among the suggestions.
SYSTEM_SUGGESTS = {ELIGIBLE: PASSED, INELIGIBLE: REJECTED}
_REMARK_HEAD = "审核未通过："
_REMARK_TAIL = "。请核对后修改申请并重新提交。"


def assess(record: ApplicationRecord) -> Assessment:
    """Run every check: 不通过 when a rule is not met, else 需人工 when one cannot tell, else 通过."""
    found = [f for check in CHECKS for f in check(record)]
    verdicts = {f.finding.verdict for f in found}
    suggestion = (
        REJECTED if REJECTED in verdicts else NEEDS_PERSON if NEEDS_PERSON in verdicts else PASSED
    )
    remark = student_remark([f.student for f in found if f.student]) if suggestion == REJECTED else ""
    system = SYSTEM_SUGGESTS.get(record.system_result)
    return Assessment(
        suggestion=suggestion,
        findings=tuple(f.finding for f in found),
        remark=remark,
        disagrees_with_system=suggestion != NEEDS_PERSON and suggestion != system,
    )


def student_remark(reasons: list[str]) -> str:
    """The suggested 备注: the reasons in plain words, within REMARK_MAX characters."""
    text = _REMARK_HEAD + "；".join(reasons) + _REMARK_TAIL
    if len(text) <= REMARK_MAX:
        return text
    room = REMARK_MAX - len(_REMARK_HEAD) - len(_REMARK_TAIL) - 1
    return _REMARK_HEAD + "；".join(reasons)[:room] + "…" + _REMARK_TAIL
