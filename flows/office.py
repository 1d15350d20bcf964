"""Section 一 of the procedure document: register in 全国学生资助办公系统, become 管理员 of the
培养单位 and grant the 基层就业系统 review right.

Each public function runs the steps of :mod:`flows.steps` it names; their titles live there only.
"""

from __future__ import annotations

from collections.abc import Callable

from playwright.sync_api import Page, expect

from pages.office import (
    JCJY_SYSTEM,
    PENDING_ADMIN,
    JoinApplicationsPage,
    JoinBusinessPage,
    JoinDepartmentPage,
    JoinUnitPage,
    MembersPage,
    OfficeLoginPage,
    OfficeShell,
    OrganizationPage,
    ProfilePage,
    RegisterPage,
)
from pages.secrets import remember_secret

from . import steps
from .errors import BusinessError
from .models import Credentials, StaffMember
from .runner import StepRunner

#: Reads the SMS code sent to a mobile number (the mock's outbox, or a person at a prompt).
SmsCodeReader = Callable[[str], str]
BUSINESS = "学生资助"


class GrantNotEffective(BusinessError):
    """授权管理 reported success, but 部门成员 does not show the grant."""


def register_account(
    page: Page, office_url: str, staff: StaffMember, read_sms_code: SmsCodeReader, runner: StepRunner
) -> None:
    """:data:`steps.REGISTER`: the SMS code comes from ``read_sms_code``."""
    with runner.step(steps.REGISTER, page):
        OfficeLoginPage(page, office_url).open().go_to_register()
        register = RegisterPage(page, office_url)
        register.expect_loaded()
        register.request_sms_code(staff.phone)
        register.expect_code_sent()
        code = read_sms_code(staff.phone)
        remember_secret(code)
        register.register(code, staff.password)
        ProfilePage(page, office_url).expect_loaded()


def fill_personal_info(page: Page, office_url: str, staff: StaffMember, runner: StepRunner) -> None:
    """:data:`steps.FILL_PERSONAL_INFO`."""
    with runner.step(steps.FILL_PERSONAL_INFO, page):
        profile = ProfilePage(page, office_url)
        profile.fill_personal_info(
            staff.name, staff.id_number, staff.position, staff.office_phone, staff.email
        )
        profile.confirm()
        OrganizationPage(page, office_url).expect_loaded()


def join_organization(
    page: Page, office_url: str, staff: StaffMember, invite_code: str, runner: StepRunner
) -> None:
    """:data:`steps.JOIN_ORGANIZATION` to :data:`steps.APPLY_FOR_ADMIN`: business, invite code,
    department and stage, unit, identity 管理员."""
    with runner.step(steps.JOIN_ORGANIZATION, page):
        OrganizationPage(page, office_url).start_join()
        business = JoinBusinessPage(page, office_url)
        business.expect_loaded()
    with runner.step(steps.ENTER_INVITE_CODE, page):
        business.choose_business(BUSINESS)
        business.enter_invite_code(invite_code)
        business.next()
        department = JoinDepartmentPage(page, office_url)
        department.expect_loaded()
    with runner.step(steps.CHOOSE_DEPARTMENT_AND_STAGE, page):
        department.choose(staff.department, staff.stage)
        department.next()
        unit = JoinUnitPage(page, office_url)
        unit.expect_loaded()
    with runner.step(steps.APPLY_FOR_ADMIN, page):
        unit.choose_unit(staff.unit)
        unit.choose_identity("管理员")
        unit.submit()
        organization = OrganizationPage(page, office_url)
        organization.expect_loaded()
        organization.expect_state(PENDING_ADMIN)


def _to_login_screen(page: Page, office_url: str) -> OfficeLoginPage:
    """Reach 用户登录 from wherever the browser is, signing out whoever is signed in.

    Stays on the site when it already shows 用户登录 or a signed-in screen (no address
    typed, no document loaded); otherwise types the address (which, when signed in, shows 组织管理)."""
    login, shell = OfficeLoginPage(page, office_url), OfficeShell(page)
    on_site = page.url.startswith(login.base_url + "/")
    if not (on_site and (login.title.is_visible() or shell.logout_button.is_visible())):
        page.goto(login.base_url + login.path)
    if shell.logout_button.is_visible():
        shell.logout()  # lands on 用户登录
    login.expect_loaded()
    return login


def log_in(page: Page, office_url: str, creds: Credentials) -> OrganizationPage:
    """用户登录 → 组织管理 (logging out first when someone is signed in)."""
    login = _to_login_screen(page, office_url)
    login.login(creds.account, creds.password)
    organization = OrganizationPage(page, office_url)
    organization.expect_loaded()
    return organization


def open_join_applications(page: Page, office_url: str, admin: Credentials) -> JoinApplicationsPage:
    """An administrator logs in and opens 内部组织 → 加入申请."""
    log_in(page, office_url, admin)
    OfficeShell(page).menu_link(JoinApplicationsPage.menu_label).click()
    applications = JoinApplicationsPage(page, office_url)
    applications.expect_loaded()
    return applications


def approve_admin(
    page: Page, office_url: str, school_admin: Credentials, staff: StaffMember, runner: StepRunner
) -> None:
    """:data:`steps.APPROVE_ADMIN`: the school administrator approves the 管理员 application."""
    with runner.step(steps.APPROVE_ADMIN, page):
        applications = open_join_applications(page, office_url, school_admin)
        applications.approve(staff.name, staff.unit)
        applications.expect_approved(staff.name)
        OfficeShell(page).logout()
        OfficeLoginPage(page, office_url).expect_loaded()


def login_again(page: Page, office_url: str, staff: StaffMember, runner: StepRunner) -> None:
    """:data:`steps.LOGIN_AGAIN`: the staff member is now 管理员."""
    with runner.step(steps.LOGIN_AGAIN, page):
        organization = log_in(page, office_url, staff.credentials)
        expect(organization.details).to_contain_text("管理员")


def grant_review_permission(
    page: Page, office_url: str, staff: StaffMember, members: list[str], runner: StepRunner
) -> None:
    """:data:`steps.OPEN_MEMBERS` and :data:`steps.GRANT_REVIEW_PERMISSION` for ``members``
    (names), with the reviewer role of the staff member's stage; checks the grants took."""
    with runner.step(steps.OPEN_MEMBERS, page):
        OfficeShell(page).menu_link(MembersPage.menu_label).click()
        member_page = MembersPage(page, office_url)
        member_page.expect_loaded()
        member_page.tick(*members)
        dialog = member_page.open_authorization()
        dialog.expect_open()
    with runner.step(steps.GRANT_REVIEW_PERMISSION, page):
        dialog.tick([JCJY_SYSTEM], [staff.reviewer_role])
        dialog.confirm()
        member_page.expect_loaded()
        member_page.expect_granted(len(members))
        for name in members:
            systems, roles = member_page.grants_of(name)
            if JCJY_SYSTEM not in systems or staff.reviewer_role not in roles:
                raise GrantNotEffective(f"{name} 的授权未生效：系统 {systems}，角色 {roles}")
