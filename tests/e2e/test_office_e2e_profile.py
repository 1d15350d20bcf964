"""填写个人信息：身份证号的校验、保存后只以掩码出现、填写时在截图中被模糊。"""

from __future__ import annotations

from typing import TYPE_CHECKING

import allure
from e2e_support import INVITE_CODE, SCHOOL_ADMIN, documented
from playwright.sync_api import Page, expect

from flows import office, steps
from flows.models import StaffMember
from flows.runner import StepRunner
from pages.office import (
    MembersPage,
    OfficeShell,
    OrganizationPage,
    ProfilePage,
)

if TYPE_CHECKING:
    from conftest import MockSites

#: The characters a 身份证号 may end with (which one is right is the site's business).
CHECK_CHARACTERS = "0123456789X"


def masked_id(id_number: str) -> str:
    """How the office shows a stored 身份证号: 110105********1234."""
    return id_number[:6] + "*" * 8 + id_number[-4:]


def wrong_check_digit(id_number: str) -> str:
    """The same number with another (well-formed) last character, so only the check digit fails."""
    return id_number[:17] + next(c for c in CHECK_CHARACTERS if c != id_number[17])


def expect_id_not_shown(page: Page, id_number: str) -> None:
    """The whole page source (text, attributes, placeholders) lacks the unmasked number."""
    html = page.content()
    assert id_number not in html, f"{page.url} 中出现了完整的身份证号"
    assert id_number.lower() not in html


def register(page: Page, mock_sites: MockSites, staff: StaffMember, runner: StepRunner) -> ProfilePage:
    office.register_account(
        page, mock_sites.urls.office_url, staff, mock_sites.office.latest_sms_code, runner
    )
    return ProfilePage(page, mock_sites.urls.office_url)


@documented(steps.FILL_PERSONAL_INFO)
@allure.title("填写个人信息：身份证号校验位错误时报错且不保存，改正后保存成功")
def test_profile_bad_id_check_digit_then_fixed(
    page: Page, mock_sites: MockSites, staff: StaffMember, runner: StepRunner
) -> None:
    url = mock_sites.urls.office_url
    profile = register(page, mock_sites, staff, runner)
    bad_id = wrong_check_digit(staff.id_number)

    profile.fill_personal_info(staff.name, bad_id, staff.position, staff.office_phone, staff.email)
    profile.confirm()

    expect(profile.id_number).to_have_accessible_description("身份证号校验位不正确，请核对后重新输入")
    expect(page.get_by_role("alert")).to_have_text("请修改以下标红的项目后重新提交。")
    profile.expect_loaded()
    expect(profile.name).to_have_value(staff.name)  # the other fields are kept …
    expect(profile.id_number).to_have_value("")  # … the 身份证号 is never echoed back
    expect_id_not_shown(page, bad_id)
    # Nothing was saved: the site still asks for the personal information first.
    page.goto(url + OrganizationPage.path)
    profile.expect_loaded()
    expect(page.get_by_role("status")).to_have_text("请先填写个人信息")
    expect(OfficeShell(page).menu).to_have_count(0)

    profile.fill_personal_info(
        staff.name, staff.id_number, staff.position, staff.office_phone, staff.email
    )
    profile.confirm()

    organization = OrganizationPage(page, url)
    organization.expect_loaded()
    expect(page.get_by_role("status")).to_have_text("个人信息已保存")
    OfficeShell(page).menu_link("个人信息").click()
    profile.expect_loaded()
    expect(page.get_by_text(f"已登记身份证号：{masked_id(staff.id_number)}")).to_be_visible()
    expect(profile.name).to_have_value(staff.name)
    expect(profile.email).to_have_value(staff.email)


@documented(steps.FILL_PERSONAL_INFO)
@allure.title("身份证号：填写时截图中已模糊，保存后任何页面都不出现完整号码")
def test_id_number_blurred_and_never_shown(
    page: Page, mock_sites: MockSites, staff: StaffMember, runner: StepRunner
) -> None:
    url = mock_sites.urls.office_url
    profile = register(page, mock_sites, staff, runner)

    profile.fill_personal_info(
        staff.name, staff.id_number, staff.position, staff.office_phone, staff.email
    )
    screenshot = page.screenshot()
    style_filter = profile.id_number.evaluate("el => getComputedStyle(el).filter")
    allure.attach(screenshot, name="填写身份证号后的截图", attachment_type=allure.attachment_type.PNG)
    assert "blur" in style_filter, f"身份证号输入框截图时未模糊（filter: {style_filter!r}）"
    profile.confirm()

    # Every screen the staff member and the approver see afterwards.
    organization = OrganizationPage(page, url)
    organization.expect_loaded()
    expect_id_not_shown(page, staff.id_number)
    OfficeShell(page).menu_link("个人信息").click()
    profile.expect_loaded()
    expect(page.get_by_text(f"已登记身份证号：{masked_id(staff.id_number)}")).to_be_visible()
    expect(profile.id_number).to_have_value("")
    expect_id_not_shown(page, staff.id_number)

    OfficeShell(page).menu_link("组织管理").click()
    organization.expect_loaded()
    office.join_organization(page, url, staff, INVITE_CODE, runner)
    expect_id_not_shown(page, staff.id_number)

    applications = office.open_join_applications(page, url, mock_sites.credentials(SCHOOL_ADMIN))
    expect(applications.row(staff.name, staff.unit)).to_have_count(1)
    expect_id_not_shown(page, staff.id_number)
    applications.approve(staff.name, staff.unit)
    applications.expect_approved(staff.name)

    office.log_in(page, url, staff.credentials)
    expect_id_not_shown(page, staff.id_number)
    OfficeShell(page).menu_link("部门成员").click()
    members = MembersPage(page, url)
    members.expect_loaded()
    expect(members.row(staff.name)).to_have_count(1)
    expect_id_not_shown(page, staff.id_number)
