"""加入组织向导（业务 + 邀请码 → 院（系）+ 学段 → 培养单位 + 申请身份）与学校管理员的审批。"""

from __future__ import annotations

from typing import TYPE_CHECKING

import allure
from e2e_support import INVITE_CODE, SCHOOL_ADMIN, documented
from playwright.sync_api import Page, expect

from flows import office, steps
from flows.models import StaffMember
from flows.office import BUSINESS
from flows.runner import StepRunner
from pages.office import (
    JoinBusinessPage,
    JoinDepartmentPage,
    JoinUnitPage,
    OfficeShell,
    OrganizationPage,
)

if TYPE_CHECKING:
    from conftest import MockSites

CS_SCHOOL = "计算机科学与技术学院"
# 培养单位 of the reference data (mock_sites/data/ucas_units.json), per 院（系） and 学段.
CS_GRADUATE_UNITS = [
    "中国科学院计算技术研究所", "中国科学院软件研究所",
    "中国科学院沈阳计算技术研究所", "中国科学院成都计算机应用研究所",
]


def registered(page: Page, mock_sites: MockSites, staff: StaffMember, runner: StepRunner) -> None:
    """A new account with its personal information, on 组织管理."""
    url = mock_sites.urls.office_url
    office.register_account(page, url, staff, mock_sites.office.latest_sms_code, runner)
    office.fill_personal_info(page, url, staff, runner)


def start_join(page: Page, mock_sites: MockSites, staff: StaffMember, runner: StepRunner) -> JoinBusinessPage:
    """A new account with its personal information, on step 1 of 加入组织."""
    url = mock_sites.urls.office_url
    registered(page, mock_sites, staff, runner)
    OrganizationPage(page, url).start_join()
    business = JoinBusinessPage(page, url)
    business.expect_loaded()
    return business


def to_department_step(business: JoinBusinessPage) -> JoinDepartmentPage:
    business.choose_business(BUSINESS)
    business.enter_invite_code(INVITE_CODE)
    business.next()
    department = JoinDepartmentPage(business.page, business.base_url)
    department.expect_loaded()
    return department


def to_unit_step(department: JoinDepartmentPage, name: str, stage: str) -> JoinUnitPage:
    department.choose(name, stage)
    department.next()
    unit = JoinUnitPage(department.page, department.base_url)
    unit.expect_loaded()
    assert unit.summary() == {"组织": "中国科学院大学", "院（系）": name, "学段": stage}
    return unit


def back_to_department(unit: JoinUnitPage) -> JoinDepartmentPage:
    unit.back()
    department = JoinDepartmentPage(unit.page, unit.base_url)
    department.expect_loaded()
    return department


@documented(steps.ENTER_INVITE_CODE)
@allure.title("加入组织：邀请码错误或业务未开放时报错，停留在第一步")
def test_wrong_invite_code_stays_on_step_one(
    page: Page, mock_sites: MockSites, staff: StaffMember, runner: StepRunner
) -> None:
    business = start_join(page, mock_sites, staff, runner)
    business.choose_business(BUSINESS)

    business.enter_invite_code("1685953300118")
    business.next()
    expect(business.invite_code).to_have_accessible_description("邀请码无效，请核对群里通知的邀请码")
    business.expect_loaded()
    expect(business.invite_code).to_have_value("1685953300118")

    business.enter_invite_code("16859533")
    business.next()
    expect(business.invite_code).to_have_accessible_description("邀请码应为13位数字")
    business.expect_loaded()

    business.choose_business("学籍学历")
    business.enter_invite_code(INVITE_CODE)
    business.next()
    expect(business.businesses).to_have_accessible_description("该业务暂未开放加入")
    business.expect_loaded()

    # Nothing was stored: the wizard's later steps are still closed …
    page.goto(mock_sites.urls.office_url + JoinBusinessPage.path + "/unit")
    business.expect_loaded()
    # … and the right code opens step 2.
    department = to_department_step(business)
    expect(department.organization).to_contain_text("中国科学院大学")


@documented(steps.CHOOSE_DEPARTMENT_AND_STAGE)
@allure.title("加入组织：“上一步”“下一步”来回切换时保留已做的选择")
def test_back_and_forward_keep_choices(
    page: Page, mock_sites: MockSites, staff: StaffMember, runner: StepRunner
) -> None:
    business = start_join(page, mock_sites, staff, runner)
    department = to_department_step(business)
    unit = to_unit_step(department, CS_SCHOOL, "研究生")
    unit.choose_unit("中国科学院软件研究所")
    unit.choose_identity("普通成员")

    department = back_to_department(unit)
    assert department.chosen(department.department) == CS_SCHOOL
    assert department.chosen(department.stage) == "研究生"

    unit = to_unit_step(department, CS_SCHOOL, "研究生")
    assert unit.chosen(unit.unit) == "中国科学院软件研究所"
    expect(unit.identities.get_by_label("普通成员", exact=True)).to_be_checked()

    department = back_to_department(unit)
    department.back()
    business.expect_loaded()
    expect(business.businesses.get_by_label(BUSINESS, exact=True)).to_be_checked()
    expect(business.invite_code).to_have_value(INVITE_CODE)

    # Submitting after the round trip stores what was chosen.
    department = to_department_step(business)
    unit = to_unit_step(department, CS_SCHOOL, "研究生")
    unit.choose_unit("中国科学院软件研究所")
    unit.choose_identity("普通成员")
    unit.submit()
    organization = OrganizationPage(page, mock_sites.urls.office_url)
    organization.expect_loaded()
    expect(organization.details).to_be_visible()
    info = organization.membership()
    assert (info["培养单位"], info["身份"]) == ("中国科学院软件研究所", "普通成员")


@documented(steps.CHOOSE_DEPARTMENT_AND_STAGE)
@allure.title("加入组织：退回第一步再“下一步”，第二、三步的选择仍然保留")
def test_round_trip_through_step_one_keeps_later_choices(
    page: Page, mock_sites: MockSites, staff: StaffMember, runner: StepRunner
) -> None:
    business = start_join(page, mock_sites, staff, runner)
    unit = to_unit_step(to_department_step(business), CS_SCHOOL, "研究生")
    unit.choose_unit("中国科学院软件研究所")
    unit.choose_identity("普通成员")
    back_to_department(unit).back()
    business.expect_loaded()

    department = to_department_step(business)
    assert department.chosen(department.department) == CS_SCHOOL
    assert department.chosen(department.stage) == "研究生"


@documented(steps.CHOOSE_DEPARTMENT_AND_STAGE)
@allure.title("加入组织：培养单位选项与所选院（系）及学段一致，无该学段时报错")
def test_unit_options_follow_department_and_stage(
    page: Page, mock_sites: MockSites, staff: StaffMember, runner: StepRunner
) -> None:
    department = to_department_step(start_join(page, mock_sites, staff, runner))

    for school, stage, expected in (
        (CS_SCHOOL, "研究生", CS_GRADUATE_UNITS),
        ("经济与管理学院", "本专科", ["中国科学院大学经济与管理学院"]),
        ("经济与管理学院", "研究生", ["中国科学院大学经济与管理学院"]),
        ("本科部", "本专科", ["中国科学院大学本科部"]),
    ):
        unit = to_unit_step(department, school, stage)
        assert unit.unit_options() == expected, f"{school}/{stage}"
        department = back_to_department(unit)

    department.choose(CS_SCHOOL, "本专科")
    department.next()
    expect(department.stage).to_have_accessible_description(
        "所选院（系）没有本专科学段的培养单位，请重新选择")
    department.expect_loaded()


@documented(steps.APPLY_FOR_ADMIN)
@allure.title("申请管理员：提交后显示待学校管理员审批，不能重复申请")
def test_apply_for_admin_is_pending(
    page: Page, mock_sites: MockSites, staff: StaffMember, runner: StepRunner
) -> None:
    url = mock_sites.urls.office_url
    department = to_department_step(start_join(page, mock_sites, staff, runner))
    unit = to_unit_step(department, staff.department, staff.stage)
    unit.choose_unit(staff.unit)
    unit.choose_identity("管理员")
    unit.submit()

    organization = OrganizationPage(page, url)
    organization.expect_loaded()
    expect(page.get_by_role("status")).to_have_text("已提交加入申请（申请管理员），请等待审批")
    expect(page.get_by_text("申请管理员，待学校管理员审批")).to_be_visible()
    info = organization.membership()
    assert info["身份"] == "管理员" and info["培养单位"] == staff.unit
    assert (info["院（系）"], info["学段"], info["组织"]) == (staff.department, staff.stage, "中国科学院大学")
    assert "已授权系统" not in info
    expect(organization.join_button).to_have_count(0)
    expect(OfficeShell(page).menu_link("部门成员")).to_have_count(0)

    page.goto(url + JoinBusinessPage.path)
    organization.expect_loaded()
    expect(page.get_by_role("alert")).to_have_text("您已有待审批的加入申请，请等待审批结果，不能重复申请")


@documented(steps.APPROVE_ADMIN)
@allure.title("学校管理员通过管理员申请：申请人成为管理员并可进入部门成员")
def test_school_admin_approves(
    page: Page, mock_sites: MockSites, staff: StaffMember, runner: StepRunner
) -> None:
    url = mock_sites.urls.office_url
    registered(page, mock_sites, staff, runner)
    office.join_organization(page, url, staff, INVITE_CODE, runner)

    applications = office.open_join_applications(page, url, mock_sites.credentials(SCHOOL_ADMIN))
    row = applications.row(staff.name, staff.unit)
    expect(row).to_contain_text("管理员")
    applications.approve(staff.name, staff.unit)
    expect(page.get_by_role("status")).to_have_text(f"已通过{staff.name}的加入申请")
    expect(row).to_have_count(0)

    organization = office.log_in(page, url, staff.credentials)
    expect(page.get_by_text("您已加入以下组织")).to_be_visible()
    info = organization.membership()
    assert (info["身份"], info["培养单位"]) == ("管理员", staff.unit)
    assert (info["已授权系统"], info["角色"]) == ("无", "无")
    expect(OfficeShell(page).menu_link("部门成员")).to_be_visible()


@documented(steps.APPROVE_ADMIN)
@allure.title("学校管理员驳回申请：须填写原因，申请人看到驳回原因并可重新申请")
def test_school_admin_rejects_with_reason(
    page: Page, mock_sites: MockSites, staff: StaffMember, runner: StepRunner
) -> None:
    url = mock_sites.urls.office_url
    reason = "培养单位选择有误，请选择本人所在的研究所后重新申请"
    registered(page, mock_sites, staff, runner)
    office.join_organization(page, url, staff, INVITE_CODE, runner)

    applications = office.open_join_applications(page, url, mock_sites.credentials(SCHOOL_ADMIN))
    rejection = applications.reject(staff.name, "   ", staff.unit)
    expect(rejection.reason).to_have_accessible_description("请填写驳回原因")
    rejection.confirm(reason)
    expect(page.get_by_role("status")).to_have_text(f"已驳回{staff.name}的加入申请")
    expect(applications.row(staff.name, staff.unit)).to_have_count(0)

    organization = office.log_in(page, url, staff.credentials)
    expect(page.get_by_text("您的加入申请（申请管理员）未通过审批")).to_be_visible()
    expect(page.get_by_text(f"驳回原因：{reason}")).to_be_visible()
    expect(OfficeShell(page).menu_link("部门成员")).to_have_count(0)

    # Joining again is open (a pending or approved account is turned back at step 1).
    organization.start_join()
    business = JoinBusinessPage(page, url)
    business.expect_loaded()
    expect(page.get_by_role("alert")).to_have_count(0)
    to_department_step(business)
