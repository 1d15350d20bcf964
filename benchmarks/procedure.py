"""The whole documented procedure over plain HTTP, step by step (no browser, no JavaScript).

A new staff member registers, joins 中国科学院大学 as 管理员 of the demo 培养单位, is approved by the
school administrator, grants themself the 基层就业系统 reviewer role, then reviews in 基层就业系统:
one eligible application 通过, one ineligible 不通过 with 备注 (the student gets an SMS).
Step keys and titles are those of ``flows.steps`` so the browser benchmark lines up with it.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass

from flows import steps as doc
from flows.evidence import states_paid_amount
from mock_sites import reference
from mock_sites.office.seed import SCHOOL_ADMIN_ACCOUNT as SCHOOL_ADMIN
from mock_sites.server import RunningSites

from . import scrape
from .client import CheckFailed, HttpClient, Response
from .sites import sms_outbox
from .stopwatch import Stopwatch

PASSWORD = "Bench2024pass"
GRADUATE_ROLE = "研究生学院审核人员"
JCJY_SYSTEM = "基层就业系统"
VERIFY_SMS = "verify_sms"
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
DIGIT_NAMES = "零一二三四五六七八九"
JOIN = "/mainList/organization/join"
LIST = "/review/applications"


def label(step: doc.Step) -> str:
    system = "办公" if step.system == doc.OFFICE_SYSTEM else "基层就业"
    return f"[{system}] {step.number} {step.title}"


def valid_id_number() -> str:
    """A fresh 18-digit 身份证号 with the right check digit (born 1990-01-01 in 北京)."""
    body = f"11010519900101{secrets.randbelow(1000):03d}"
    total = sum(int(d) * w for d, w in zip(body, ID_WEIGHTS, strict=True))
    return body + "10X98765432"[total % 11]


@dataclass(frozen=True)
class NewStaff:
    mobile: str
    name: str
    id_number: str

    @classmethod
    def fresh(cls) -> NewStaff:
        mobile = f"139{secrets.randbelow(10**8):08d}"
        name = "基准" + "".join(DIGIT_NAMES[int(d)] for d in mobile[-4:])
        return cls(mobile, name, valid_id_number())


@dataclass(frozen=True)
class Outcome:
    """What the run did (for checks by callers and tests)."""

    staff: NewStaff
    approved_id: int
    rejected_id: int
    rejected_student: str
    remark: str
    sms_text: str


class HttpProcedure:
    """One run against running sites; ``run()`` returns the outcome, ``watch`` the timings."""

    page: Response  # the new staff member's last office page (its CSRF token is reused)

    def __init__(self, running: RunningSites, demo_password: str) -> None:
        self.running = running
        self.demo_password = demo_password
        self.staff = NewStaff.fresh()
        self.office = HttpClient(running.office_url)  # the new staff member's browser
        self.jcjy = HttpClient(running.jcjy_url)
        self.admin = HttpClient(running.office_url)  # the school administrator's browser
        self.office_mock = HttpClient(running.office_url)  # the phone receiving the code
        self.jcjy_mock = HttpClient(running.jcjy_url)
        self.clients = (self.office, self.jcjy, self.admin, self.office_mock, self.jcjy_mock)
        self.watch = Stopwatch(self.clients)
        demo = reference.demo_units()
        self.unit_code = demo.graduate_unit
        self.department_code = reference.unit(self.unit_code).department_code
        self.invite_code = reference.demo_invite_code()

    def close(self) -> None:
        for client in self.clients:
            client.close()

    def run(self) -> Outcome:
        try:
            self._register()
            self._join()
            self._approve()
            self._authorize()
            self._staff_login()
            approved_id, rejected_id = self._choose_applications()
            self._review(approved_id, "通过")
            student, remark = self._review(rejected_id, "不通过")
            sms_text = self._verify_sms(student, remark)
        finally:
            self.close()
        return Outcome(self.staff, approved_id, rejected_id, student, remark, sms_text)

    # --- 全国学生资助办公系统 ------------------------------------------------------------

    def _register(self) -> None:
        s, office = self.staff, self.office
        with self.watch.step(doc.REGISTER.key, label(doc.REGISTER)):
            page = scrape.expect(office.get("/register"), "注册页面", contains=("获取验证码",))
            sent = office.post("/register", {
                "csrf_token": scrape.csrf_token(page), "mobile": s.mobile, "action": "send_code"})
            scrape.expect(sent, "获取验证码", contains=("验证码已发送",))
            outbox = sms_outbox(self.office_mock, s.mobile)
            code = re.search(r"验证码为(\d{6})", outbox[-1]["text"] if outbox else "")
            if code is None:
                raise CheckFailed(f"模拟短信箱中没有发给 {s.mobile} 的验证码")
            done = office.post("/register", {
                "csrf_token": scrape.csrf_token(sent), "mobile": s.mobile,
                "sms_code": code.group(1), "password": PASSWORD, "confirm": PASSWORD,
                "action": "register"})
            self.page = scrape.expect(done, "注册", path="/profile", contains=("注册成功",))
        with self.watch.step(doc.FILL_PERSONAL_INFO.key, label(doc.FILL_PERSONAL_INFO)):
            saved = office.post("/profile", {
                "csrf_token": scrape.csrf_token(self.page), "name": s.name,
                "id_number": s.id_number, "title": "研究生办公室干事",
                "office_phone": "010-88256000", "email": f"bench{s.mobile[-6:]}@ucas.ac.cn"})
            scrape.expect(saved, "填写个人信息", path="/mainList/organization",
                          contains=("个人信息已保存", "您尚未加入任何组织"))

    def _join(self) -> None:
        office = self.office
        with self.watch.step(doc.JOIN_ORGANIZATION.key, label(doc.JOIN_ORGANIZATION)):
            page = scrape.expect(office.get(JOIN), "加入组织", path=JOIN,
                                 contains=("学生资助", "邀请码"))
        with self.watch.step(doc.ENTER_INVITE_CODE.key, label(doc.ENTER_INVITE_CODE)):
            page = scrape.expect(office.post(JOIN, {
                "csrf_token": scrape.csrf_token(page), "business": "学生资助",
                "invite_code": self.invite_code}),
                "输入邀请码", path=f"{JOIN}/department", contains=("院（系）", "学段"))
        step = doc.CHOOSE_DEPARTMENT_AND_STAGE
        with self.watch.step(step.key, label(step)):
            page = scrape.expect(office.post(f"{JOIN}/department", {
                "csrf_token": scrape.csrf_token(page), "department": self.department_code,
                "stage": "研究生", "action": "next"}),
                "选择院（系）及学段", path=f"{JOIN}/unit", contains=(f'value="{self.unit_code}"',))
        with self.watch.step(doc.APPLY_FOR_ADMIN.key, label(doc.APPLY_FOR_ADMIN)):
            self.page = scrape.expect(office.post(f"{JOIN}/unit", {
                "csrf_token": scrape.csrf_token(page), "unit": self.unit_code,
                "identity": "管理员", "action": "submit"}),
                "申请管理员", path="/mainList/organization", contains=("已提交加入申请", "待审批"))

    def _approve(self) -> None:
        admin, name = self.admin, self.staff.name
        with self.watch.step(doc.APPROVE_ADMIN.key, label(doc.APPROVE_ADMIN)):
            page = self._log_in_office(admin, SCHOOL_ADMIN, self.demo_password)
            listed = scrape.expect(admin.get("/mainList/organization/applications"), "加入申请",
                                   contains=(name,))
            row = next((r for r in scrape.rows(listed) if name in r), "")
            action = scrape.form_action(row, "/approve")
            if action is None:
                raise CheckFailed(f"加入申请中没有{name}的“通过”按钮")
            page = admin.post(action, {"csrf_token": scrape.csrf_token(listed)})
            scrape.expect(page, "通过加入申请", path="/mainList/organization/applications",
                          contains=(f"已通过{name}的加入申请",))

    def _log_in_office(self, client: HttpClient, account: str, password: str) -> Response:
        form = scrape.expect(client.get("/login"), "登录页面", contains=("用户登录",))
        return scrape.expect(client.post("/login", {
            "csrf_token": scrape.csrf_token(form), "account": account, "password": password}),
            "登录资助办公系统", path="/mainList/organization", contains=("组织管理",))

    def _authorize(self) -> None:
        office, name = self.office, self.staff.name
        with self.watch.step(doc.LOGIN_AGAIN.key, label(doc.LOGIN_AGAIN)):
            out = office.post("/logout", {"csrf_token": scrape.csrf_token(self.page)})
            scrape.expect(out, "退出登录", path="/login", contains=("您已退出登录",))
            page = self._log_in_office(office, self.staff.mobile, PASSWORD)
            scrape.expect(page, "再次登录", contains=("已加入", "管理员"))
        with self.watch.step(doc.OPEN_MEMBERS.key, label(doc.OPEN_MEMBERS)):
            members = scrape.expect(office.get("/mainList/organization/members"), "部门成员",
                                    contains=("授权管理", JCJY_SYSTEM, GRADUATE_ROLE))
            member_id = scrape.member_checkbox(members, name)
        step = doc.GRANT_REVIEW_PERMISSION
        with self.watch.step(step.key, label(step)):
            granted = office.post("/mainList/organization/members/authorize", {
                "csrf_token": scrape.csrf_token(members), "member_id": member_id,
                "system": JCJY_SYSTEM, "role": GRADUATE_ROLE})
            scrape.expect(granted, "授权管理", path="/mainList/organization/members",
                          contains=("已为1名人员完成授权",))
            row = next((r for r in scrape.rows(granted) if f"选择 {name}" in r), "")
            if JCJY_SYSTEM not in row or GRADUATE_ROLE not in row:
                raise CheckFailed(f"授权后{name}的一行没有显示{JCJY_SYSTEM}和{GRADUATE_ROLE}")

    # --- 中央高校基层就业资助管理系统 ------------------------------------------------------

    def _staff_login(self) -> None:
        jcjy = self.jcjy
        with self.watch.step(doc.CLICK_STAFF_LOGIN.key, label(doc.CLICK_STAFF_LOGIN)):
            scrape.expect(jcjy.get("/loginHome"), "登录首页", contains=("工作人员登录",))
            form = scrape.expect(jcjy.get("/staff/login"), "工作人员登录",
                                 contains=("请使用全国学生资助办公系统账号登录",))
        with self.watch.step(doc.STAFF_LOGIN.key, label(doc.STAFF_LOGIN)):
            listed = jcjy.post("/staff/login", {
                "csrf_token": scrape.csrf_token(form), "next": LIST,
                "account": self.staff.mobile, "password": PASSWORD})
            scrape.expect(listed, "工作人员登录", path=LIST,
                          contains=("申请名单审核", self.staff.name, GRADUATE_ROLE))

    def _choose_applications(self) -> tuple[int, int]:
        """申请名单审核 filtered to 待审核: an eligible one to pass and an ineligible one to reject."""
        with self.watch.step(doc.OPEN_APPLICATION.key, label(doc.OPEN_APPLICATION)):
            listed = scrape.expect(self.jcjy.get(LIST, {"status": "待审核"}), "申请名单审核",
                                   contains=("申请名单审核",))
            pending = [a for a in scrape.listed_applications(listed) if a.status == "待审核"]
            eligible = next((a.app_id for a in pending if a.judge_result == "符合"), None)
            ineligible = next((a.app_id for a in pending if a.judge_result == "不符合"), None)
            if eligible is None or ineligible is None:
                raise CheckFailed("待审核名单第一页中没有“符合”和“不符合”的申请各一条")
        return eligible, ineligible

    def _review(self, app_id: int, result: str) -> tuple[str, str]:
        """详情 → 证明材料 → 审核结果/备注 → 确定; returns (student name, remark)."""
        jcjy = self.jcjy
        with self.watch.step(doc.OPEN_APPLICATION.key, label(doc.OPEN_APPLICATION)):
            detail = scrape.expect(jcjy.get(f"{LIST}/{app_id}"), "详情", contains=(
                "申请详情", "系统判断结果（仅供参考）", 'id="decision-form"'))
            student = _detail_value(detail, "姓名")
        with self.watch.step(doc.CHECK_MATERIALS.key, label(doc.CHECK_MATERIALS)):
            materials = scrape.materials(detail)
            if not materials:
                raise CheckFailed(f"申请 {app_id} 没有证明材料")
            # As in the browser: preview every material, download the ones that state amounts.
            for material in materials:
                scrape.expect(jcjy.get(material.preview_url), f"证明材料预览 {material.title}",
                              content_type="image/svg+xml", contains=("<svg",))
                if states_paid_amount(material.title):
                    pdf = scrape.expect(jcjy.get(material.download_url),
                                        f"证明材料 {material.title}",
                                        content_type="application/pdf")
                    if not pdf.body.startswith(b"%PDF"):
                        raise CheckFailed(f"证明材料 {material.title} 不是PDF")
        remark = "" if result == "通过" else _first_reason(detail)
        with self.watch.step(doc.CONFIRM_AND_NEXT.key, label(doc.CONFIRM_AND_NEXT)):
            done = jcjy.post(f"{LIST}/{app_id}/decide", {
                "csrf_token": scrape.csrf_token(detail),
                "version": scrape.input_value(detail, "version"),
                "result": result, "remark": remark})
            expected = "审核通过。" if result == "通过" else "已发送短信通知学生"
            scrape.expect(done, f"确定（{result}）", contains=(f"已保存：{student}", expected))
            if not done.path.startswith(LIST):
                raise CheckFailed(f"确定后到达 {done.path}，应为下一条待审核申请或名单")
        return student, remark

    def _verify_sms(self, student: str, remark: str) -> str:
        with self.watch.step(VERIFY_SMS, "[基层就业] 核对：学生收到不通过短信（模拟短信箱）"):
            texts = [m["text"] for m in sms_outbox(self.jcjy_mock)]
            reason = remark.rstrip("。.；;，, ")
            found = [t for t in texts if f"{student}同学" in t and reason in t]
            if not found:
                raise CheckFailed(f"模拟短信箱中没有发给{student}的不通过短信")
        return found[-1]


def _detail_value(page: Response, term: str) -> str:
    found = re.search(rf"<dt>{re.escape(term)}</dt><dd>(.*?)</dd>", page.text, re.S)
    if not found:
        raise CheckFailed(f"详情页中没有“{term}”")
    return scrape.text_of(found.group(1))


def _first_reason(page: Response) -> str:
    """The first 不符合原因 the system gives, as the reviewer's 备注 (≤ 200 characters)."""
    found = re.search(r'<ul class="reasons"[^>]*>\s*<li>(.*?)</li>', page.text, re.S)
    reason = scrape.text_of(found.group(1)) if found else ""
    return (reason or "经核查，就业情况不符合基层就业学费补偿条件")[:200]
