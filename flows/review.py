"""Section 二 of the procedure document: review the students' applications in 基层就业系统.

A login can time out while the reviewer reads an application; 确定 then lands on 工作人员登录
("登录已超时，请重新登录") and nothing is saved. Given the reviewer's credentials,
:func:`decide_and_confirm` logs in again once, comes back to the same application, checks that it
is still 待审核 and submits the decision again; a second time-out raises
:class:`ReviewSessionExpired`. A decision is never submitted twice once the site has saved it.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future

from playwright.sync_api import Page, expect

from pages.base import report_step
from pages.jcjy import (
    PASSED,
    PENDING,
    REJECTED,
    ApplicationDetailPage,
    ApplicationListPage,
    LoginHomePage,
    StaffLoginPage,
)

from . import evidence, steps
from .errors import ApplicationError, BusinessError
from .models import ApplicationFacts, Credentials, ReviewDecision, ReviewOutcome
from .runner import StepRunner

Decide = Callable[[ApplicationFacts], ReviewDecision]
#: How often a review logs in again after the login timed out on 确定 (then it gives up).
SESSION_RETRIES = 1


class NothingPending(BusinessError):
    """申请名单审核 lists no application that is 待审核."""


class ReviewNotSaved(BusinessError):
    """The site refused the decision (or it was already decided); the message says why."""


class LoginRefused(BusinessError):
    """工作人员登录 refused the reviewer's account (wrong password, locked, no longer granted)."""


class ReviewSessionExpired(ApplicationError):
    """The login timed out and could not be renewed: no credentials, or it timed out again."""


def staff_login(page: Page, jcjy_url: str, creds: Credentials, runner: StepRunner) -> ApplicationListPage:
    """:data:`steps.CLICK_STAFF_LOGIN` and :data:`steps.STAFF_LOGIN`: lands on 申请名单审核."""
    with runner.step(steps.CLICK_STAFF_LOGIN, page):
        login = LoginHomePage(page, jcjy_url).open().choose_staff_login()
    with runner.step(steps.STAFF_LOGIN, page):
        login.login(creds.account, creds.password)
        review_list = ApplicationListPage(page, jcjy_url)
        expect(review_list.menu_link).to_be_visible()
    return review_list


def open_application(
    page: Page, jcjy_url: str, student_no: str | None, runner: StepRunner
) -> ApplicationDetailPage:
    """:data:`steps.OPEN_APPLICATION` for ``student_no`` (None: the first 待审核 application:
    from the list as it opens when it shows one, else after 查询 with 审核状态 待审核)."""
    with runner.step(steps.OPEN_APPLICATION, page):
        review_list = ApplicationListPage(page, jcjy_url)
        if page.url == review_list.base_url + review_list.path:
            review_list.expect_loaded()  # 登录 lands on the whole list: no need to click again
        else:
            review_list.open_from_menu()
        if student_no is None:
            student_no = review_list.first_pending()
            if student_no is None:
                review_list.search(status=PENDING)
                student_no = review_list.first_pending()
            if student_no is None:
                raise NothingPending("没有待审核的申请")
        return review_list.open_detail(student_no)


def check_materials(page: Page, detail: ApplicationDetailPage, runner: StepRunner) -> ApplicationFacts:
    """:data:`steps.CHECK_MATERIALS`: every material previewed, the paid amounts read."""
    with runner.step(steps.CHECK_MATERIALS, page):
        materials = detail.materials()
        readings = evidence.start_reading(page, detail.base_url, materials)  # read meanwhile
        titles = list(materials)
        if titles:
            # 预览 the first material, then page on with → (the dialog's 下一份 key).
            dialog = detail.preview_material(titles[0])
            for title in titles[1:]:
                dialog = dialog.next(title, by_key=True)
            dialog.close()
        return read_application(detail, materials, readings)


def read_application(
    detail: ApplicationDetailPage, materials: dict[str, str] | None = None,
    readings: Future[list[evidence.ProofReading]] | None = None,
) -> ApplicationFacts:
    """What 详情 says: the claim, the amounts on the receipts or loan contract, 系统判断结果
    (``materials``: the page's {材料名称: 下载地址} when already read; ``readings``: its proofs
    when already being read)."""
    materials = detail.materials() if materials is None else materials
    judgement = detail.system_judgement()
    fields = detail.fields()
    with report_step(steps.CHECK_MATERIALS.note):
        if readings is None:
            readings = evidence.start_reading(detail.page, detail.base_url, materials)
        paid = evidence.paid_amounts(readings.result())
    return ApplicationFacts(
        student_no=fields["学号"],
        name=fields["姓名"],
        application_type=fields["申请类型"],
        claimed=detail.claimed_amounts(),
        paid=paid,
        system_result=judgement.result,
        system_reasons=judgement.reasons,
        materials=list(materials),
    )


def decide_and_confirm(
    page: Page, detail: ApplicationDetailPage, facts: ApplicationFacts, decision: ReviewDecision,
    runner: StepRunner, creds: Credentials | None = None,
) -> ReviewOutcome:
    """:data:`steps.CHOOSE_RESULT` and :data:`steps.CONFIRM_AND_NEXT` for ``decision``.

    With ``creds``, a login that timed out while the form was open is renewed (once): log in
    again, come back to the same application, check it is still 待审核, decide again.
    Raises :class:`ReviewNotSaved` when the site refuses the decision and
    :class:`ReviewSessionExpired` when the login cannot be renewed (both inside a StepFailed).
    """
    detail_url = page.url
    for attempt in range(SESSION_RETRIES + 1):
        with runner.step(steps.CHOOSE_RESULT, page):
            _enter_decision(detail, decision)
        with runner.step(steps.CONFIRM_AND_NEXT, page):
            message = _submit(page, detail, facts)
            if message is None and creds is None:
                raise ReviewSessionExpired(
                    f"登录已超时，{_who(facts)}的审核结果未保存；未提供办公系统账号，无法重新登录"
                )
            if message is None and attempt == SESSION_RETRIES:
                raise ReviewSessionExpired(_expired_again(facts))
        if message is not None:
            return ReviewOutcome(facts.student_no, facts.name, decision, message)
        assert creds is not None  # checked inside the step above
        detail = _resume_after_timeout(page, detail.base_url, detail_url, facts, creds, runner)
    raise AssertionError("unreachable")  # the loop returns or raises on its last attempt


def _who(facts: ApplicationFacts) -> str:
    return f"{facts.name}（学号 {facts.student_no}）"


def _expired_again(facts: ApplicationFacts) -> str:
    return (f"重新登录后登录再次超时，{_who(facts)}的审核结果未保存（已重新登录 {SESSION_RETRIES} 次）；"
            "请稍后重新登录并审核该申请")


def _enter_decision(detail: ApplicationDetailPage, decision: ReviewDecision) -> None:
    detail.choose_result(decision.result)
    if decision.remark:
        detail.write_remark(decision.remark)


def _submit(page: Page, detail: ApplicationDetailPage, facts: ApplicationFacts) -> str | None:
    """Click 确定 and read the answer: the site's message once saved, None when the login had
    timed out (the browser is on 工作人员登录); ReviewNotSaved when the site refused."""
    if detail.remark_blocked_by_browser():
        raise ReviewNotSaved(f"浏览器未提交：{detail.remark_validation_message()}")
    login = StaffLoginPage(page, detail.base_url)
    with page.expect_navigation():
        detail.confirm()
    saved = detail.saved(facts.name)
    done = ApplicationListPage(page, detail.base_url).all_done
    expect(saved.or_(done).or_(login.expired_notice).or_(detail.alerts).first).to_be_visible()
    if saved.count() or done.count():
        return " ".join(detail.messages())
    if login.session_expired():
        return None
    raise ReviewNotSaved(f"{_who(facts)}的审核结果未保存：{detail.alert_text()}")


def _resume_after_timeout(
    page: Page, base_url: str, detail_url: str, facts: ApplicationFacts, creds: Credentials,
    runner: StepRunner,
) -> ApplicationDetailPage:
    """On 工作人员登录 after a time-out: log in again, back to the application, still 待审核?"""
    login = StaffLoginPage(page, base_url)
    detail = ApplicationDetailPage(page, base_url)
    with runner.step(steps.STAFF_LOGIN, page):
        with page.expect_navigation():
            login.login(creds.account, creds.password)
        if login.session_expired():
            raise ReviewSessionExpired(_expired_again(facts))
        if login.title.is_visible():
            raise LoginRefused(
                f"登录已超时，重新登录被拒绝（{login.alert_text()}），{_who(facts)}的审核结果未保存"
            )
    with runner.step(steps.OPEN_APPLICATION, page):
        # The site returns to the page the form was on; make sure it is this application.
        if not (detail.title.is_visible() and detail.field("学号") == facts.student_no):
            page.goto(detail_url)
            if login.session_expired():
                raise ReviewSessionExpired(_expired_again(facts))
        detail.expect_loaded()
        status = detail.review_status()
        if status != PENDING:
            raise ReviewNotSaved(
                f"重新登录后，{_who(facts)}的申请已是“{status}”，本次审核未重复提交；请核对审核记录"
            )
    return detail


def careful_decision(facts: ApplicationFacts) -> ReviewDecision:
    """A reviewer's default rule: 系统判断结果 is only a hint; the receipts must match the claim."""
    problems = list(facts.system_reasons) + facts.amount_problems()
    if problems:
        return ReviewDecision(REJECTED, "；".join(problems)[:200])
    return ReviewDecision(PASSED)
