"""注册、登录资助办公系统：注册账户（短信验证码）与用户登录的正反例。"""

from __future__ import annotations

from typing import TYPE_CHECKING

import allure
from e2e_support import UNGRANTED_MEMBER, documented
from playwright.sync_api import Page, expect

from flows import steps
from flows.models import StaffMember
from pages.office import OfficeLoginPage, OfficeShell, ProfilePage, RegisterPage

if TYPE_CHECKING:
    from conftest import MockSites

WRONG_CREDENTIALS = "账号或密码错误"
DUPLICATE = "该手机号已注册，请直接登录"
WRONG_CODE = "短信验证码错误或已过期"
LOCKED = "登录失败次数过多，账号已临时锁定，请15分钟后再试"


def masked(mobile: str) -> str:
    """How the office shows a mobile number: 139****1234."""
    return f"{mobile[:3]}****{mobile[-4:]}"


def open_register(page: Page, office_url: str) -> RegisterPage:
    login = OfficeLoginPage(page, office_url)
    login.open()
    login.go_to_register()
    register = RegisterPage(page, office_url)
    register.expect_loaded()
    return register


def request_code(register: RegisterPage, mock_sites: MockSites, mobile: str) -> str:
    """获取验证码 and read it from the mock's SMS outbox."""
    register.request_sms_code(mobile)
    register.expect_code_sent()
    return mock_sites.office.latest_sms_code(mobile)


def other_code(code: str) -> str:
    """A well-formed 6-digit code that is not ``code``."""
    return f"{(int(code) + 1) % 10**6:06d}"


def expect_login_refused(page: Page, office_url: str, account: str, password: str, message: str) -> None:
    """Log in and expect to stay on 用户登录 with ``message`` (the page is re-rendered each time)."""
    login = OfficeLoginPage(page, office_url)
    if not login.title.is_visible():
        login.open()
    login.login(account, password)
    # The password is never echoed back: an empty field means the answer page has arrived.
    expect(login.form.password).to_have_value("")
    expect(page.get_by_role("alert")).to_have_text(message)
    login.expect_loaded()


@documented(steps.REGISTER)
@allure.title("注册账户：短信验证码取自模拟短信，注册后进入填写个人信息")
def test_register_with_sms_code(page: Page, mock_sites: MockSites, staff: StaffMember) -> None:
    url = mock_sites.urls.office_url
    register = open_register(page, url)
    code = request_code(register, mock_sites, staff.phone)
    expect(register.code_sent).to_have_text(f"验证码已发送至{masked(staff.phone)}，5分钟内有效")
    sms = mock_sites.office.sms(staff.phone)
    assert len(sms) == 1 and code in sms[0]["text"] and "全国学生资助办公系统" in sms[0]["text"]

    register.register(code, staff.password)

    profile = ProfilePage(page, url)
    profile.expect_loaded()
    expect(page.get_by_role("status")).to_have_text("注册成功，请填写个人信息")
    # The account exists: after logging out, its password opens the profile form again.
    OfficeShell(page).logout()
    login = OfficeLoginPage(page, url)
    login.expect_loaded()
    login.login(staff.phone, staff.password)
    profile.expect_loaded()
    expect(page.get_by_role("status")).to_have_text("登录成功，请先填写个人信息")


@documented(steps.REGISTER)
@allure.title("注册账户：两次密码不一致，确认密码处报错，账号未创建")
def test_register_mismatched_passwords(page: Page, mock_sites: MockSites, staff: StaffMember) -> None:
    url = mock_sites.urls.office_url
    register = open_register(page, url)
    code = request_code(register, mock_sites, staff.phone)

    register.register(code, staff.password, confirm_password=staff.password + "x")

    expect(register.confirm_password).to_have_accessible_description("两次输入的密码不一致")
    expect(register.confirm_password).to_have_attribute("aria-invalid", "true")
    register.expect_loaded()
    expect(register.mobile).to_have_value(staff.phone)
    # Nothing was created: neither password opens an account.
    expect_login_refused(page, url, staff.phone, staff.password, WRONG_CREDENTIALS)
    expect_login_refused(page, url, staff.phone, staff.password + "x", WRONG_CREDENTIALS)


@documented(steps.REGISTER)
@allure.title("注册账户：未填或填错短信验证码均被拒绝，填对后注册成功")
def test_register_absent_and_wrong_sms_code(
    page: Page, mock_sites: MockSites, staff: StaffMember
) -> None:
    url = mock_sites.urls.office_url
    register = open_register(page, url)
    code = request_code(register, mock_sites, staff.phone)

    register.register("", staff.password)
    expect(register.sms_code).to_have_accessible_description("请填写短信验证码")
    register.expect_loaded()

    register.register(other_code(code), staff.password)
    expect(register.sms_code).to_have_accessible_description(WRONG_CODE)
    register.expect_loaded()
    expect_login_refused(page, url, staff.phone, staff.password, WRONG_CREDENTIALS)

    # The code sent stays valid after a few wrong guesses.
    register = open_register(page, url)
    register.mobile.fill(staff.phone)
    register.register(code, staff.password)
    ProfilePage(page, url).expect_loaded()


@documented(steps.REGISTER)
@allure.title("注册账户：已注册的手机号照常获取验证码（不透露是否已注册），凭该验证码注册时才提示已注册")
def test_register_duplicate_mobile(page: Page, mock_sites: MockSites, staff: StaffMember) -> None:
    url = mock_sites.urls.office_url
    register = open_register(page, url)

    # A code sent to another number: only "wrong code", nothing about the number.
    code = request_code(register, mock_sites, staff.phone)
    register.mobile.fill(UNGRANTED_MEMBER)
    register.register(code, staff.password)
    expect(register.sms_code).to_have_accessible_description(WRONG_CODE)

    # The code that reached the registered phone: now (to its holder) it says so.
    code = request_code(register, mock_sites, UNGRANTED_MEMBER)
    register.register(code, staff.password)
    expect(register.mobile).to_have_accessible_description(DUPLICATE)
    register.expect_loaded()
    # The seeded account keeps its own password.
    expect_login_refused(page, url, UNGRANTED_MEMBER, staff.password, WRONG_CREDENTIALS)


@documented(steps.LOGIN_AGAIN)
@allure.title("用户登录：连续5次密码错误后账号被锁定，正确密码也无法登录")
def test_login_lockout_after_five_failures(page: Page, mock_sites: MockSites) -> None:
    url = mock_sites.urls.office_url
    account = mock_sites.credentials(UNGRANTED_MEMBER)
    OfficeLoginPage(page, url).open()
    for attempt in range(1, 5):
        expect_login_refused(page, url, account.account, f"Wrong{attempt}pass", WRONG_CREDENTIALS)

    expect_login_refused(page, url, account.account, "Wrong5pass", LOCKED)
    expect_login_refused(page, url, account.account, account.password, LOCKED)
    expect(OfficeShell(page).logout_button).to_have_count(0)
