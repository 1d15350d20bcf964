"""内部组织 → 部门成员 → 授权管理：勾选人员、授予基层就业系统与审核人员角色，及其反例。"""

from __future__ import annotations

from typing import TYPE_CHECKING

import allure
from e2e_support import GRADUATE_REVIEWER, INVITE_CODE, SCHOOL_ADMIN, UNGRANTED_MEMBER, documented
from playwright.sync_api import Page, expect

from flows import office, steps
from flows.models import StaffMember
from flows.runner import StepRunner
from pages.office import (
    GRADUATE_ROLE,
    JCJY_SYSTEM,
    UNDERGRADUATE_ROLE,
    MembersPage,
    OfficeShell,
    OrganizationPage,
)

if TYPE_CHECKING:
    from conftest import MockSites

UNGRANTED_SHOWN = "138****0014"


def members_of_graduate_unit(page: Page, mock_sites: MockSites) -> MembersPage:
    """Signed in as the seeded 计算所 管理员, on 部门成员."""
    url = mock_sites.urls.office_url
    office.log_in(page, url, mock_sites.credentials(GRADUATE_REVIEWER))
    OfficeShell(page).menu_link("部门成员").click()
    members = MembersPage(page, url)
    members.expect_loaded()
    return members


@documented(steps.OPEN_MEMBERS)
@allure.title("授权管理：未勾选人员时提示“请先勾选需要授权的人员”；点“取消”不做任何更改")
def test_authorize_nobody_ticked_and_cancel(page: Page, mock_sites: MockSites) -> None:
    members = members_of_graduate_unit(page, mock_sites)
    name = members.name_by_mobile(UNGRANTED_SHOWN)
    dialog = members.dialog

    members.open_authorization()
    expect(page.get_by_role("alert").filter(has_text="请先勾选需要授权的人员")).to_be_visible()
    expect(dialog.dialog).to_be_hidden()

    members.tick(name)
    members.open_authorization()
    dialog.expect_open()
    expect(dialog.dialog).to_contain_text("已选择 1 名人员")
    expect(page.get_by_role("alert").filter(has_text="请先勾选需要授权的人员")).to_have_count(0)
    dialog.tick([JCJY_SYSTEM, "国家助学贷款管理系统"], [GRADUATE_ROLE])
    dialog.cancel()

    assert members.grants_of(name) == ([], [])
    # Opening again shows the member's real (empty) grants, not the cancelled ticks …
    members.open_authorization()
    dialog.expect_open()
    expect(dialog.systems.get_by_label(JCJY_SYSTEM, exact=True)).not_to_be_checked()
    expect(dialog.roles.get_by_label(GRADUATE_ROLE, exact=True)).not_to_be_checked()
    dialog.cancel()
    # … and the server stored nothing.
    page.reload()
    members.expect_loaded()
    assert members.grants_of(name) == ([], [])
    expect(page.get_by_role("status")).to_have_count(0)


@documented(steps.GRANT_REVIEW_PERMISSION)
@allure.title("授权管理：新管理员为自己授予基层就业系统与研究生学院审核人员，成员列表和组织管理均显示")
def test_grant_review_permission_shows_in_row_and_organization(
    page: Page, mock_sites: MockSites, staff: StaffMember, runner: StepRunner
) -> None:
    url = mock_sites.urls.office_url
    office.register_account(page, url, staff, mock_sites.office.latest_sms_code, runner)
    office.fill_personal_info(page, url, staff, runner)
    office.join_organization(page, url, staff, INVITE_CODE, runner)
    office.approve_admin(page, url, mock_sites.credentials(SCHOOL_ADMIN), staff, runner)
    office.login_again(page, url, staff, runner)

    OfficeShell(page).menu_link("部门成员").click()
    members = MembersPage(page, url)
    members.expect_loaded()
    assert members.grants_of(staff.name) == ([], [])
    others_before = {n: members.grants_of(n) for n in members.member_names() if n != staff.name}
    members.tick(staff.name)
    dialog = members.open_authorization()
    dialog.expect_open()
    dialog.tick([JCJY_SYSTEM], [GRADUATE_ROLE])
    dialog.confirm()

    members.expect_loaded()
    expect(page.get_by_role("status")).to_have_text("已为1名人员完成授权")
    expect(dialog.dialog).to_be_hidden()
    assert members.grants_of(staff.name) == ([JCJY_SYSTEM], [GRADUATE_ROLE])
    assert {n: members.grants_of(n) for n in others_before} == others_before

    OfficeShell(page).menu_link("组织管理").click()
    organization = OrganizationPage(page, url)
    organization.expect_loaded()
    info = organization.membership()
    assert (info["已授权系统"], info["角色"]) == (JCJY_SYSTEM, GRADUATE_ROLE)
    assert (info["身份"], info["培养单位"]) == ("管理员", staff.unit)


@documented(steps.GRANT_REVIEW_PERMISSION)
@allure.title("授权管理：只勾选基层就业系统不勾角色、或勾选本单位没有的学段角色时，弹窗内报错且不保存")
def test_grant_without_role_is_refused_in_dialog(page: Page, mock_sites: MockSites) -> None:
    members = members_of_graduate_unit(page, mock_sites)
    name = members.name_by_mobile(UNGRANTED_SHOWN)
    members.tick(name)
    dialog = members.open_authorization()
    dialog.expect_open()

    dialog.tick([JCJY_SYSTEM], [])
    dialog.confirm()
    expect(dialog.error).to_have_text("勾选基层就业系统时，请同时勾选审核人员角色")
    dialog.expect_open()
    expect(dialog.systems.get_by_label(JCJY_SYSTEM, exact=True)).to_be_checked()
    expect(page.get_by_role("checkbox", name=f"选择 {name}", exact=True)).to_be_checked()
    assert members.grants_of(name) == ([], [])

    dialog.tick([JCJY_SYSTEM], [UNDERGRADUATE_ROLE])
    dialog.confirm()
    expect(dialog.error).to_have_text(
        "培养单位“中国科学院计算技术研究所”没有本专科学段，不能授予本专科学院审核人员角色")
    dialog.cancel()
    # Read the list afresh (a reload would re-post the refused form).
    members.open()
    assert members.grants_of(name) == ([], [])


@documented(steps.OPEN_MEMBERS)
@allure.title("普通成员：菜单中没有部门成员，直接访问部门成员页面返回403")
def test_ordinary_member_has_no_members_page(page: Page, mock_sites: MockSites) -> None:
    url = mock_sites.urls.office_url
    office.log_in(page, url, mock_sites.credentials(UNGRANTED_MEMBER))
    shell = OfficeShell(page)
    expect(shell.menu_link("组织管理")).to_be_visible()
    expect(shell.menu_link("个人信息")).to_be_visible()
    expect(shell.menu_link("部门成员")).to_have_count(0)
    expect(shell.menu_link("加入申请")).to_have_count(0)

    for path in (MembersPage.path, "/mainList/organization/applications"):
        response = page.goto(url + path)
        assert response is not None and response.status == 403, path
        expect(page.get_by_role("heading", name="无权访问", level=1)).to_be_visible()
        expect(page.get_by_text("您没有权限访问该页面或数据。")).to_be_visible()
        expect(page.get_by_role("button", name="授权管理")).to_have_count(0)
