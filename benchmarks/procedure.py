"""The whole documented procedure over plain HTTP, step by step (no browser, no JavaScript).

A new staff member (``harness.people``) registers, joins 中国科学院大学 as 管理员 of their 培养单位,
is approved by the school administrator, grants themself the 基层就业系统 reviewer role, then
reviews in 基层就业系统: one eligible application 通过, one ineligible 不通过 with 备注 (the
student gets an SMS). Every step runs in ``StepRunner.step`` with the step of ``flows.steps``.
"""

from __future__ import annotations

from dataclasses import dataclass

import httpx

from flows import steps
from flows.errors import ApplicationError, BusinessError
from flows.evidence import paid_amount_in, pdf_text, states_paid_amount
from flows.models import Credentials, ReviewDecision
from flows.office import BUSINESS
from flows.runner import StepRunner
from harness.mock_control import MockControl
from harness.people import new_staff_member
from mock_sites.demo import SCHOOL_ADMIN_ACCOUNT, demo_invite_code
from mock_sites.server import RunningSites
from pages.jcjy import (
    PASSED,
    PENDING,
    REJECTED,
    ApplicationListPage,
    LoginHomePage,
    StaffLoginPage,
    saved_notice,
)
from pages.office import (
    JCJY_SYSTEM,
    JoinApplicationsPage,
    JoinBusinessPage,
    MembersPage,
    OfficeLoginPage,
    OrganizationPage,
    ProfilePage,
    RegisterPage,
)
from pages.office.applications import APPROVED
from pages.office.members import GRANTED

from . import scrape
from .browsing import RequestCounter, expect, submit, tab

#: Not a step of the procedure document: the check that the rejected student got the SMS.
VERIFY_SMS = steps.Step("verify_sms", steps.SECTION_JCJY, steps.PART_REVIEW, "核对",
                        "学生收到不通过短信（模拟短信箱）。", steps.JCJY_SYSTEM)
# The screens' addresses, as the page objects know them; forms post to these or below them.
ORGANIZATION, JOIN, MEMBERS = OrganizationPage.path, JoinBusinessPage.path, MembersPage.path
JOIN_APPLICATIONS, LIST = JoinApplicationsPage.path, ApplicationListPage.path
REGISTER, PROFILE, LOGIN = RegisterPage.path, ProfilePage.path, OfficeLoginPage.path
DEFAULT_REMARK = "经核查，就业情况不符合基层就业学费补偿条件"


@dataclass(frozen=True)
class Outcome:
    """What the run did (for checks by callers and tests)."""

    staff_name: str
    approved_id: int
    rejected_id: int
    rejected_student: str
    remark: str
    sms_text: str


class HttpProcedure:
    """One run against running sites; ``run()`` returns the outcome, the runner the timings."""

    page: str  # the new staff member's last office page (its form token is reused)

    def __init__(self, running: RunningSites, runner: StepRunner, counter: RequestCounter) -> None:
        self.runner = runner
        self.staff = new_staff_member()
        self.school_admin = Credentials(SCHOOL_ADMIN_ACCOUNT, running.config.demo_password)
        self.office = tab(running.office_url, counter)  # the new staff member's browser
        self.jcjy = tab(running.jcjy_url, counter)
        self.admin = tab(running.office_url, counter)  # the school administrator's browser
        self.office_sms = MockControl(running.office_url)  # the phone receiving the code
        self.jcjy_sms = MockControl(running.jcjy_url)

    def run(self) -> Outcome:
        with self.office, self.jcjy, self.admin:
            self._register()
            self._join()
            self._approve()
            self._authorize()
            self._staff_login()
            approved_id, rejected_id = self._choose_applications()
            self._review(approved_id, PASSED)
            student, remark = self._review(rejected_id, REJECTED)
            sms_text = self._verify_sms(student, remark)
        return Outcome(self.staff.name, approved_id, rejected_id, student, remark, sms_text)

    # --- 全国学生资助办公系统 ------------------------------------------------------------

    def _register(self) -> None:
        s, office = self.staff, self.office
        with self.runner.step(steps.REGISTER):
            page = expect(office.get(REGISTER), "注册页面", contains=("获取验证码",)).text
            sent = expect(submit(office, REGISTER, page, mobile=s.phone, action="send_code"),
                          "获取验证码", contains=("验证码已发送",)).text
            code = self.office_sms.latest_sms_code(s.phone)
            done = submit(office, REGISTER, sent, mobile=s.phone, sms_code=code,
                          password=s.password, confirm=s.password, action="register")
            self.page = expect(done, "注册", path=PROFILE, contains=("注册成功",)).text
        with self.runner.step(steps.FILL_PERSONAL_INFO):
            saved = submit(office, PROFILE, self.page, name=s.name, id_number=s.id_number,
                           title=s.position, office_phone=s.office_phone, email=s.email)
            expect(saved, "填写个人信息", path=ORGANIZATION,
                   contains=("个人信息已保存", "您尚未加入任何组织"))

    def _join(self) -> None:
        s, office = self.staff, self.office
        with self.runner.step(steps.JOIN_ORGANIZATION):
            page = expect(office.get(JOIN), "加入组织", path=JOIN, contains=(BUSINESS, "邀请码")).text
        with self.runner.step(steps.ENTER_INVITE_CODE):
            chosen = submit(office, JOIN, page, business=BUSINESS, invite_code=demo_invite_code())
            page = expect(chosen, "输入邀请码", path=f"{JOIN}/department",
                          contains=("院（系）", "学段")).text
        with self.runner.step(steps.CHOOSE_DEPARTMENT_AND_STAGE):
            chosen = submit(office, f"{JOIN}/department", page, action="next",
                            department=scrape.option_value(page, "department", s.department),
                            stage=scrape.option_value(page, "stage", s.stage))
            page = expect(chosen, "选择院（系）及学段", path=f"{JOIN}/unit", contains=(s.unit,)).text
        with self.runner.step(steps.APPLY_FOR_ADMIN):
            applied = submit(office, f"{JOIN}/unit", page, identity="管理员", action="submit",
                             unit=scrape.option_value(page, "unit", s.unit))
            self.page = expect(applied, "申请管理员", path=ORGANIZATION,
                               contains=("已提交加入申请", "待审批")).text

    def _approve(self) -> None:
        admin, s = self.admin, self.staff
        with self.runner.step(steps.APPROVE_ADMIN):
            self._log_in_office(admin, self.school_admin)
            listed = expect(admin.get(JOIN_APPLICATIONS), "加入申请", contains=(s.name,)).text
            row = next((r for r in scrape.rows(listed) if s.name in r and s.unit in r), "")
            action = scrape.form_action(row, "/approve")
            if action is None:
                raise ApplicationError(f"加入申请中没有{s.name}（{s.unit}）的“通过”按钮")
            expect(submit(admin, action, listed), "通过加入申请", path=JOIN_APPLICATIONS,
                   contains=(APPROVED.format(name=s.name),))

    @staticmethod
    def _log_in_office(client: httpx.Client, creds: Credentials, *shown: str) -> None:
        form = expect(client.get(LOGIN), "登录页面", contains=("用户登录",)).text
        answer = submit(client, LOGIN, form, account=creds.account, password=creds.password)
        expect(answer, "登录资助办公系统", path=ORGANIZATION, contains=("组织管理", *shown))

    def _authorize(self) -> None:
        office, s, role = self.office, self.staff, self.staff.reviewer_role
        with self.runner.step(steps.LOGIN_AGAIN):
            expect(submit(office, "/logout", self.page), "退出登录", path=LOGIN,
                   contains=("您已退出登录",))
            self._log_in_office(office, s.credentials, "已加入", "管理员")
        with self.runner.step(steps.OPEN_MEMBERS):
            members = expect(office.get(MEMBERS), "部门成员",
                             contains=("授权管理", JCJY_SYSTEM, role)).text
            member_id = scrape.checkbox_value(members, "member_id", f"选择 {s.name}")
        with self.runner.step(steps.GRANT_REVIEW_PERMISSION):
            granted = submit(office, f"{MEMBERS}/authorize", members, member_id=member_id,
                             system=JCJY_SYSTEM, role=role)
            page = expect(granted, "授权管理", path=MEMBERS, contains=(GRANTED.format(count=1),)).text
            row = next((r for r in scrape.rows(page) if f"选择 {s.name}" in r), "")
            if JCJY_SYSTEM not in row or role not in row:
                raise BusinessError(f"授权后{s.name}的一行没有显示{JCJY_SYSTEM}和{role}")

    # --- 中央高校基层就业资助管理系统 ------------------------------------------------------

    def _staff_login(self) -> None:
        jcjy, s = self.jcjy, self.staff
        with self.runner.step(steps.CLICK_STAFF_LOGIN):
            expect(jcjy.get(LoginHomePage.path), "登录首页", contains=("工作人员登录",))
            self.page = expect(jcjy.get(StaffLoginPage.path), "工作人员登录",
                               contains=("请使用全国学生资助办公系统账号登录",)).text
        with self.runner.step(steps.STAFF_LOGIN):
            listed = submit(jcjy, StaffLoginPage.path, self.page, next=LIST, account=s.phone,
                            password=s.password)
            expect(listed, "工作人员登录", path=LIST,
                   contains=("申请名单审核", s.name, s.reviewer_role))

    def _choose_applications(self) -> tuple[int, int]:
        """申请名单审核 filtered to 待审核: an eligible one to pass and an ineligible one to reject."""
        with self.runner.step(steps.OPEN_APPLICATION):
            listed = expect(self.jcjy.get(LIST, params={"status": PENDING}), "申请名单审核",
                            contains=("申请名单审核",)).text
            pending = [a for a in scrape.listed_applications(listed) if a.status == PENDING]
            eligible = next((a.app_id for a in pending if a.judge_result == "符合"), None)
            ineligible = next((a.app_id for a in pending if a.judge_result == "不符合"), None)
            if eligible is None or ineligible is None:
                raise BusinessError("待审核名单第一页中没有“符合”和“不符合”的申请各一条")
        return eligible, ineligible

    def _review(self, app_id: int, result: str) -> tuple[str, str]:
        """详情 → 证明材料 → 审核结果/备注 → 确定; returns (student name, remark)."""
        jcjy = self.jcjy
        with self.runner.step(steps.OPEN_APPLICATION):
            detail = expect(jcjy.get(f"{LIST}/{app_id}"), "详情", contains=(
                "申请详情", "系统判断结果（仅供参考）", 'id="decision-form"')).text
            student = scrape.detail_value(detail, "姓名")
        with self.runner.step(steps.CHECK_MATERIALS):
            self._check_materials(app_id, detail)
        # 审核结果选择 makes no request: it is timed with 确定.
        with self.runner.step(steps.CONFIRM_AND_NEXT):
            reason = (scrape.reasons(detail) or [DEFAULT_REMARK])[0][:200]  # ≤ 200 characters
            decision = ReviewDecision(result, "" if result == PASSED else reason)
            done = submit(jcjy, f"{LIST}/{app_id}/decide", detail, result=decision.result,
                          remark=decision.remark, version=scrape.input_value(detail, "version"))
            said = "审核通过。" if result == PASSED else "已发送短信通知学生"
            expect(done, f"确定（{result}）", contains=(saved_notice(student), said))
            if not done.url.path.startswith(LIST):
                raise ApplicationError(f"确定后到达 {done.url.path}，应为下一条待审核申请或名单")
        return student, decision.remark

    def _check_materials(self, app_id: int, detail: str) -> None:
        """As in the browser: preview every material (a page image, or the photo of a scan);
        read the amount from each that states one. A scan's amount is not read here: OCR is
        tesseract's time, not the sites' (``flows.evidence`` reads it in the browser flows)."""
        found = scrape.materials(detail)
        if not found:
            raise BusinessError(f"申请 {app_id} 没有证明材料")
        for material in found:
            preview = expect(self.jcjy.get(material.preview_url), f"证明材料预览 {material.title}",
                             content_type=("image/svg+xml", "image/jpeg"), contains=("<svg",))
            if states_paid_amount(material.title):
                pdf = expect(self.jcjy.get(material.download_url), f"证明材料 {material.title}",
                             content_type="application/pdf")
                scan = preview.headers["Content-Type"].startswith("image/jpeg")
                if not scan and paid_amount_in(pdf_text(pdf.content)) is None:
                    raise BusinessError(f"证明材料 {material.title} 中没有实缴金额")

    def _verify_sms(self, student: str, remark: str) -> str:
        with self.runner.step(VERIFY_SMS):
            reason = remark.rstrip("。.；;，, ")
            texts = [m["text"] for m in self.jcjy_sms.sms()]
            found = [t for t in texts if f"{student}同学" in t and reason in t]
            if not found:
                raise BusinessError(f"模拟短信箱中没有发给{student}的不通过短信")
        return found[-1]
