"""Section 二 of the seed: review the students' applications in 基层就业系统."""

from __future__ import annotations

from collections.abc import Callable

from playwright.sync_api import Page, expect

from pages.jcjy import ApplicationDetailPage, ApplicationListPage, LoginHomePage

from . import steps
from .models import ApplicationFacts, Credentials, ReviewDecision, ReviewOutcome
from .runner import StepRunner

Decide = Callable[[ApplicationFacts], ReviewDecision]
ALL_DONE = "所有申请均已审核完毕"


def staff_login(page: Page, jcjy_url: str, creds: Credentials, runner: StepRunner) -> ApplicationListPage:
    """点击工作人员登录 → 输入办公系统账号、密码，登录."""
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
    """申请名单审核 → 详情 of ``student_no`` (None: the first 待审核 application)."""
    with runner.step(steps.OPEN_APPLICATION, page):
        review_list = ApplicationListPage(page, jcjy_url).open_from_menu()
        if student_no is None:
            review_list.search(status="待审核")
            rows = review_list.rows()
            if not rows:
                raise LookupError("没有待审核的申请")
            student_no = rows[0].student_no
        return review_list.open_detail(student_no)


def check_materials(page: Page, detail: ApplicationDetailPage, runner: StepRunner) -> ApplicationFacts:
    """查看申请信息，预览证明材料，核实缴纳的实际金额."""
    with runner.step(steps.CHECK_MATERIALS, page):
        titles = detail.material_titles()
        for title in titles:
            detail.preview_material(title).close()
        judgement = detail.system_judgement()
        return ApplicationFacts(
            student_no=detail.field("学号"),
            name=detail.field("姓名"),
            application_type=detail.field("申请类型"),
            claimed=detail.claimed_amounts(),
            paid=detail.paid_amounts(),
            system_result=judgement.result,
            system_reasons=judgement.reasons,
            materials=titles,
        )


def decide_and_confirm(
    page: Page, detail: ApplicationDetailPage, facts: ApplicationFacts, decision: ReviewDecision,
    runner: StepRunner,
) -> ReviewOutcome:
    """审核结果选择（不通过写明备注）→ 点击右下角确定，进入下一位待审学生."""
    with runner.step(steps.CHOOSE_RESULT, page):
        detail.choose_result(decision.result)
        if decision.remark:
            detail.write_remark(decision.remark)
    with runner.step(steps.CONFIRM_AND_NEXT, page):
        detail.confirm()
        saved = page.get_by_role("status").filter(has_text=f"已保存：{facts.name}")
        done = page.get_by_text(ALL_DONE)
        expect(saved.or_(done).first).to_be_visible()
        message = " ".join(detail.messages())
    return ReviewOutcome(facts.student_no, facts.name, decision, message)


def review_one(
    page: Page, jcjy_url: str, decide: Decide, runner: StepRunner, student_no: str | None = None
) -> ReviewOutcome:
    """The whole of 3（1）–3（4） for one student."""
    detail = open_application(page, jcjy_url, student_no, runner)
    facts = check_materials(page, detail, runner)
    return decide_and_confirm(page, detail, facts, decide(facts), runner)


def careful_decision(facts: ApplicationFacts) -> ReviewDecision:
    """A reviewer's default rule: 系统判断结果 is only a hint; the receipts must match the claim."""
    problems = list(facts.system_reasons) + facts.amount_problems()
    if problems:
        return ReviewDecision("不通过", "；".join(problems)[:200])
    return ReviewDecision("通过")
