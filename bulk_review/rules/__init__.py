"""The project's own checks (domain.md §3), one module per group of rules; each check reads an
:class:`~bulk_review.record.ApplicationRecord` and returns what it found."""

from __future__ import annotations

from dataclasses import dataclass

from pages.jcjy import PASSED, REJECTED

from ..assessment import NEEDS_PERSON, Finding


@dataclass(frozen=True)
class Found:
    """A finding, and for a rule not met how the student is told (the suggested 备注)."""

    finding: Finding
    student: str = ""


def rejected(rule: str, text: str, student: str) -> Found:
    return Found(Finding(rule, text, REJECTED), student)


def unsure(rule: str, text: str) -> Found:
    return Found(Finding(rule, text, NEEDS_PERSON))


def note(rule: str, text: str) -> Found:
    """A rule met with something the reviewer should know (the amount is capped, …)."""
    return Found(Finding(rule, text, PASSED))


def whole_number(text: str) -> int | None:
    """An integer as 详情 shows it ("3", "4年"); None when it is not one."""
    digits = text.strip().removesuffix("年").strip()
    return int(digits) if digits.isdigit() else None
