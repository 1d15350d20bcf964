"""内部组织 → 部门成员 and 授权管理: the table, the dialog and the server-side rules."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from types import SimpleNamespace
from typing import TYPE_CHECKING

import pytest
from flask import Flask
from sqlalchemy import select
from werkzeug.test import TestResponse

from mock_sites.office.models import Account, Membership

if TYPE_CHECKING:
    from conftest import Browser

PAGE = "/mainList/organization/members"
AUTHORIZE = f"{PAGE}/authorize"
JCJY = "基层就业系统"
GRAD_ROLE, UNDER_ROLE = "研究生学院审核人员", "本专科学院审核人员"


def _membership(app: Flask, mobile: str) -> Membership:
    with app.extensions["db_factory"]() as session:
        account = session.scalar(select(Account).where(Account.mobile == mobile))
        return account.memberships[-1]


def _name(app: Flask, mobile: str) -> str:
    with app.extensions["db_factory"]() as session:
        return session.scalar(select(Account.name).where(Account.mobile == mobile))


def _grant(browser: Browser, member_ids: Sequence[int | str], systems: Sequence[str] = (),
           roles: Sequence[str] = (), form_page: str = PAGE) -> TestResponse:
    return browser.submit(AUTHORIZE, {
        "member_id": [str(i) for i in member_ids], "system": list(systems), "role": list(roles),
    }, form_page=form_page)


@pytest.fixture
def grad_admin(as_user: Callable[[str], Browser], accounts: SimpleNamespace) -> Browser:
    return as_user(accounts.grad_admin)


def test_members_table_of_own_unit(grad_admin, app, accounts) -> None:
    page = grad_admin.text(PAGE)
    assert "<h1" in page and "部门成员" in page and "中国科学院计算技术研究所" in page
    for header in ("选择", "姓名", "手机号", "职务", "身份", "已授权系统", "角色"):
        assert f'<th scope="col">{header}</th>' in page
    name = _name(app, accounts.grad_member)
    assert f'aria-label="选择 {name}"' in page
    assert "138****0021" in page and accounts.grad_member not in page
    # Only approved members of this unit: not the pending applicant, not another unit.
    assert _name(app, accounts.pending) not in page
    assert _name(app, accounts.under_member) not in page
    assert 'id="open-grant" aria-haspopup="dialog">授权管理</button>' in page
    assert '<dialog id="grant-dialog" aria-labelledby="grant-dialog-title"' in page
    assert '<h2 id="grant-dialog-title">授权管理</h2>' in page
    for text in ("<legend>系统</legend>", "<legend>角色</legend>", JCJY, "全国学生资助管理信息系统",
                 "国家助学贷款管理系统", GRAD_ROLE, UNDER_ROLE, ">确定</button>", ">取消</button>"):
        assert text in page


def test_authorize_ticked_members(grad_admin, app, accounts) -> None:
    ids = [_membership(app, m).id for m in (accounts.grad_member, accounts.plain_member)]
    response = _grant(grad_admin, ids, [JCJY, "国家助学贷款管理系统"], [GRAD_ROLE])
    assert response.status_code == 302
    page = grad_admin.text(PAGE)
    assert "已为2名人员完成授权" in page
    for mobile in (accounts.grad_member, accounts.plain_member):
        member = _membership(app, mobile)
        assert member.systems == [JCJY, "国家助学贷款管理系统"] and member.roles == [GRAD_ROLE]
    # 确定 sets exactly the ticked grants: a second grant replaces the first.
    _grant(grad_admin, ids[:1], ["全国学生资助管理信息系统"], [])
    member = _membership(app, accounts.grad_member)
    assert member.systems == ["全国学生资助管理信息系统"] and member.roles == []
    assert _membership(app, accounts.plain_member).roles == [GRAD_ROLE]


@pytest.mark.parametrize("systems,roles,message", [
    ([JCJY], [], "勾选基层就业系统时，请同时勾选审核人员角色"),
    ([JCJY], [UNDER_ROLE], "没有本专科学段，不能授予本专科学院审核人员角色"),
])
def test_grant_rules(grad_admin, app, accounts, systems, roles, message) -> None:
    member_id = _membership(app, accounts.grad_member).id
    response = _grant(grad_admin, [member_id], systems, roles)
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and message in page
    assert 'data-open="true"' in page  # the dialog opens again with the error
    assert f'value="{member_id}" form="grant-form"' in page
    assert _membership(app, accounts.grad_member).systems == []


def test_no_member_ticked(grad_admin) -> None:
    response = _grant(grad_admin, [], [JCJY], [GRAD_ROLE])
    assert response.status_code == 400
    assert "请先勾选需要授权的人员" in response.get_data(as_text=True)


def test_undergraduate_unit_gets_undergraduate_role(as_user, app, accounts) -> None:
    admin = as_user(accounts.under_admin)
    member_id = _membership(app, accounts.under_member).id
    page = _grant(admin, [member_id], [JCJY], [GRAD_ROLE]).get_data(as_text=True)
    assert "没有研究生学段，不能授予研究生学院审核人员角色" in page
    assert _grant(admin, [member_id], [JCJY], [UNDER_ROLE]).status_code == 302
    assert _membership(app, accounts.under_member).roles == [UNDER_ROLE]


@pytest.mark.parametrize("tamper", ["other_unit", "pending", "unknown", "not_a_number"])
def test_tampered_member_ids_are_forbidden(grad_admin, app, accounts, tamper) -> None:
    good = _membership(app, accounts.grad_member).id
    bad = {
        "other_unit": _membership(app, accounts.under_member).id,
        "pending": _membership(app, accounts.pending).id,
        "unknown": 9999,
        "not_a_number": "1 or 1=1",
    }[tamper]
    response = _grant(grad_admin, [good, bad], [JCJY], [GRAD_ROLE])
    assert response.status_code == 403
    assert _membership(app, accounts.grad_member).systems == []  # nothing saved
    if tamper == "other_unit":
        assert _membership(app, accounts.under_member).systems == []


def test_unknown_system_or_role_is_refused(grad_admin, app, accounts) -> None:
    member_id = _membership(app, accounts.grad_member).id
    assert _grant(grad_admin, [member_id], ["超级系统"], []).status_code == 400
    assert _grant(grad_admin, [member_id], [JCJY], ["校长"]).status_code == 400


def test_ordinary_member_may_not_view_or_authorize(as_user, app, accounts) -> None:
    member = as_user(accounts.grad_member)
    assert member.get(PAGE).status_code == 403
    assert "部门成员" not in member.text("/mainList/organization")
    own = _membership(app, accounts.grad_member).id
    assert _grant(member, [own], [JCJY], [GRAD_ROLE], form_page="/profile").status_code == 403
    assert _membership(app, accounts.grad_member).systems == []


def test_school_admin_views_any_unit_but_cannot_authorize(as_user, app, accounts) -> None:
    admin = as_user(accounts.school_admin)
    page = admin.text(PAGE)
    assert '">培养单位</label>' in page and "请选择培养单位后点击“查询”" in page
    page = admin.text(f"{PAGE}?unit=14430-9901")
    assert _name(app, accounts.under_member) in page
    assert "授权管理</button>" not in page and 'type="checkbox"' not in page
    assert "所选培养单位不存在" in admin.text(f"{PAGE}?unit=nope")
    member_id = _membership(app, accounts.under_member).id
    assert _grant(admin, [member_id], [JCJY], [UNDER_ROLE]).status_code == 403


def test_authorize_requires_csrf(grad_admin, app, accounts) -> None:
    member_id = _membership(app, accounts.grad_member).id
    response = grad_admin.client.post(AUTHORIZE, data={
        "member_id": str(member_id), "system": JCJY, "role": GRAD_ROLE})
    assert response.status_code == 400
    assert _membership(app, accounts.grad_member).systems == []


def test_whole_procedure_register_to_authorized(new_browser, as_user, accounts, app) -> None:
    """The procedure document's order: 注册 → 个人信息 → 加入组织 → 审批 → 授权 (by the new admin)."""
    newcomer = new_browser()
    newcomer.new_staff("13912345678", "王晓明")
    newcomer.join(identity="管理员")
    assert "申请管理员，待学校管理员审批" in newcomer.text("/mainList/organization")
    school_admin = as_user(accounts.school_admin)
    application = _membership(app, "13912345678")
    school_admin.submit(f"/mainList/organization/applications/{application.id}/approve",
                        form_page="/mainList/organization/applications")
    newcomer.logout()
    newcomer.login("13912345678", "Passw0rd123")  # 再次登录资助办公系统
    page = newcomer.text(PAGE)
    assert 'aria-label="选择 王晓明"' in page
    assert _grant(newcomer, [application.id], [JCJY], [GRAD_ROLE]).status_code == 302
    page = newcomer.text("/mainList/organization")
    assert JCJY in page and GRAD_ROLE in page
