"""Helpers for the end-to-end tests (a module, not a conftest, so tests can import it)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import allure

from flows.steps import Step

F = TypeVar("F", bound=Callable[..., object])

# The seeded mock data every end-to-end test starts from (see mock_sites/office/seed.py).
SEED = 2024
APPLICATIONS = 60
INVITE_CODE = "1685953300117"  # 邀请码 for 学生资助 · 中国科学院大学
SCHOOL_ADMIN = "13800000001"
GRADUATE_REVIEWER = "13800000011"  # 计算所, 研究生学院审核人员
UNDERGRADUATE_REVIEWER = "13800000012"  # 本科部, 本专科学院审核人员
OTHER_UNIT_REVIEWER = "13800000013"  # 软件所, 研究生学院审核人员
UNGRANTED_MEMBER = "13800000014"  # 计算所 member without any grant
GRADUATE_UNIT = "中国科学院计算技术研究所"
UNDERGRADUATE_UNIT = "中国科学院大学本科部"


def documented(step: Step) -> Callable[[F], F]:
    """Label a test with the seed's section, part and step (Allure epic / feature / story)."""

    def decorate(test: F) -> F:
        for label in (allure.epic(step.section), allure.feature(step.part), allure.story(step.label)):
            test = label(test)
        return test

    return decorate
