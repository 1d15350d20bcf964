"""What the project's own checks say of one application: a suggestion for the reviewer, never a
decision (the reviewer keeps every decision)."""

from __future__ import annotations

from dataclasses import dataclass

from pages.jcjy import PASSED, REJECTED

#: The checks cannot tell (an unsure OCR reading, a proof missing): a person must look.
NEEDS_PERSON = "需人工"
SUGGESTIONS = (PASSED, REJECTED, NEEDS_PERSON)
#: 备注 is sent to the student by SMS; the site takes at most this many characters.
REMARK_MAX = 200


@dataclass(frozen=True)
class Finding:
    """One thing a check found, in words a reviewer reads, with the rule it comes from."""

    rule: str  # e.g. "区域范围（domain.md §3）"
    text: str  # e.g. "单位所在地浙江省属东部地区，不在中西部地区范围内"
    verdict: str  # REJECTED (not met), NEEDS_PERSON (cannot tell), PASSED (met, a note: 按上限计算)


@dataclass(frozen=True)
class Assessment:
    """核查建议, 核查发现 and, where the suggestion is 不通过, a reason the student understands."""

    suggestion: str  # one of SUGGESTIONS
    findings: tuple[Finding, ...]
    remark: str  # suggested 备注 (≤ REMARK_MAX); "" unless the suggestion is 不通过
    disagrees_with_system: bool  # the suggestion differs from 系统判断结果 (仅供参考)
