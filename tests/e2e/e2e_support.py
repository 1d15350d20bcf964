"""Helpers for the end-to-end tests (a module, not a conftest, so tests can import it)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import allure

from flows.steps import Step
from mock_sites.office import seed
from mock_sites.reference import demo_invite_code

F = TypeVar("F", bound=Callable[..., object])

# The seeded mock data every end-to-end test starts from (see mock_sites/office/seed.py).
SEED = 2024
APPLICATIONS = 60
INVITE_CODE = demo_invite_code()  # 邀请码 for 学生资助 · 中国科学院大学
SCHOOL_ADMIN = seed.SCHOOL_ADMIN_ACCOUNT
GRADUATE_REVIEWER = seed.GRADUATE_REVIEWER_ACCOUNT  # 计算所, 研究生学院审核人员
UNDERGRADUATE_REVIEWER = seed.UNDERGRADUATE_REVIEWER_ACCOUNT  # 本科部, 本专科学院审核人员
OTHER_UNIT_REVIEWER = seed.OTHER_UNIT_REVIEWER_ACCOUNT  # 软件所, 研究生学院审核人员
UNGRANTED_MEMBER = seed.UNGRANTED_MEMBER_ACCOUNT  # 计算所 member without any grant
GRADUATE_UNIT = "中国科学院计算技术研究所"
UNDERGRADUATE_UNIT = "中国科学院大学本科部"


def documented(step: Step) -> Callable[[F], F]:
    """Label a test with the seed's section, part and step (Allure epic / feature / story)."""

    def decorate(test: F) -> F:
        for label in (allure.epic(step.section), allure.feature(step.part), allure.story(step.label)):
            test = label(test)
        return test

    return decorate
