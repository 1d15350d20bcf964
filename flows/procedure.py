"""`full_procedure`: everything the procedure document describes, for a new staff member."""

from __future__ import annotations

from dataclasses import dataclass, field

from playwright.sync_api import Page

from pages.jcjy import ALL_DONE, PASSED, REJECTED, ApplicationDetailPage

from . import office, review
from .errors import BusinessError
from .models import Credentials, ReviewOutcome, StaffMember
from .runner import StepRunner


@dataclass(frozen=True)
class Sites:
    office_url: str
    jcjy_url: str


@dataclass
class ProcedureResult:
    staff: StaffMember
    outcomes: list[ReviewOutcome] = field(default_factory=list)

    def first(self, result: str) -> ReviewOutcome:
        return next(o for o in self.outcomes if o.decision.result == result)


def register_and_authorize(
    page: Page, sites: Sites, staff: StaffMember, invite_code: str,
    read_sms_code: office.SmsCodeReader, school_admin: Credentials, runner: StepRunner,
) -> None:
    """Section 一: register, join as 管理员 (approved by the school), grant oneself the review role."""
    office.register_account(page, sites.office_url, staff, read_sms_code, runner)
    office.fill_personal_info(page, sites.office_url, staff, runner)
    office.join_organization(page, sites.office_url, staff, invite_code, runner)
    office.approve_admin(page, sites.office_url, school_admin, staff, runner)
    office.login_again(page, sites.office_url, staff, runner)
    office.grant_review_permission(page, sites.office_url, staff, [staff.name], runner)


def review_until_both_results(
    page: Page, sites: Sites, runner: StepRunner, decide: review.Decide = review.careful_decision,
    limit: int = 20, creds: Credentials | None = None,
) -> list[ReviewOutcome]:
    """Section 二 for consecutive 待审核 students until one is approved and one rejected
    (``creds``: log in again if the login times out on 确定)."""
    outcomes: list[ReviewOutcome] = []
    detail = review.open_application(page, sites.jcjy_url, None, runner)
    while len(outcomes) < limit:
        facts = review.check_materials(page, detail, runner)
        outcomes.append(review.decide_and_confirm(page, detail, facts, decide(facts), runner, creds))
        seen = {o.decision.result for o in outcomes}
        if {PASSED, REJECTED} <= seen or ALL_DONE in outcomes[-1].message:
            break
        detail = ApplicationDetailPage(page, sites.jcjy_url)
        detail.expect_loaded()  # 确定 has opened the next student
    return outcomes


def full_procedure(
    page: Page, sites: Sites, staff: StaffMember, invite_code: str,
    read_sms_code: office.SmsCodeReader, school_admin: Credentials, runner: StepRunner,
) -> ProcedureResult:
    """The whole procedure document for a new staff member; ends with one approval and one
    rejection."""
    register_and_authorize(page, sites, staff, invite_code, read_sms_code, school_admin, runner)
    review.staff_login(page, sites.jcjy_url, staff.credentials, runner)
    result = ProcedureResult(
        staff, review_until_both_results(page, sites, runner, creds=staff.credentials)
    )
    missing = {PASSED, REJECTED} - {o.decision.result for o in result.outcomes}
    if missing:
        raise BusinessError(f"待审核的申请中没有可“{'、'.join(missing)}”的申请")
    return result
