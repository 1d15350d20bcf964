"""The whole documented procedure for a new staff member, as the procedure document describes it."""

from __future__ import annotations

import allure
from e2e_support import INVITE_CODE, SCHOOL_ADMIN, documented
from playwright.sync_api import Page

from flows import steps
from flows.procedure import full_procedure
from flows.runner import StepRunner
from pages.jcjy import PASSED, REJECTED, saved_notice


@documented(steps.CONFIRM_AND_NEXT)
@allure.title("完整流程：注册、加入组织、授权，审核通过一份、不通过一份")
def test_full_procedure(
    recorded_page: Page, mock_sites, staff, illustrated_runner: StepRunner
) -> None:
    result = full_procedure(
        recorded_page, mock_sites.urls, staff, INVITE_CODE,
        mock_sites.office.latest_sms_code, mock_sites.credentials(SCHOOL_ADMIN),
        illustrated_runner,
    )
    approved, rejected = result.first(PASSED), result.first(REJECTED)
    assert approved.message.startswith(saved_notice(approved.name, PASSED))
    assert rejected.decision.remark
    sms = [m["text"] for m in mock_sites.jcjy.sms()]
    assert any(rejected.name in text and rejected.decision.remark in text for text in sms)
    assert not any(approved.name in text for text in sms)
    ran = [r.step for r in illustrated_runner.records]
    assert set(steps.ALL_STEPS) <= set(ran)
    assert all(r.ok for r in illustrated_runner.records)
