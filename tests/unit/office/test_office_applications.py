"""内部组织 → 加入申请: who may approve or reject which application."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest
from flask import Flask
from sqlalchemy import select

from mock_sites.office.models import Account, Membership

if TYPE_CHECKING:
    from conftest import Browser

PAGE = "/mainList/organization/applications"
NEWCOMER = "13912345678"


def _application(app: Flask, mobile: str) -> Membership:
    with app.extensions["db_factory"]() as session:
        account = session.scalar(select(Account).where(Account.mobile == mobile))
        return account.memberships[-1]


@pytest.fixture
def applicant(new_browser: Callable[[], Browser]) -> Browser:
    """A newly registered 王晓明 who applied as 管理员 of the graduate demo unit."""
    browser = new_browser()
    browser.new_staff(NEWCOMER, "王晓明")
    browser.join(identity="管理员")
    return browser


def test_school_admin_sees_pending_applications(as_user, accounts, applicant) -> None:
    page = as_user(accounts.school_admin).text(PAGE)
    assert "<h1" in page and "加入申请" in page
    for header in ("姓名", "手机号", "院（系）", "学段", "培养单位", "申请身份", "申请时间"):
        assert f'<th scope="col">{header}</th>' in page
    assert "王晓明" in page and "139****5678" in page and NEWCOMER not in page
    assert page.count('<button type="submit">通过</button>') == 2  # with the seeded one
    assert ">驳回</button>" in page


def test_school_admin_approves(as_user, accounts, applicant, app) -> None:
    admin = as_user(accounts.school_admin)
    application = _application(app, NEWCOMER)
    response = admin.submit(f"{PAGE}/{application.id}/approve", form_page=PAGE, follow=True)
    assert "已通过王晓明的加入申请" in response.get_data(as_text=True)
    assert _application(app, NEWCOMER).status == "approved"
    page = applicant.text("/mainList/organization")
    assert "已加入" in page and "管理员" in page and "中国科学院计算技术研究所" in page
    # Approving twice only says so.
    again = admin.submit(f"{PAGE}/{application.id}/approve", form_page=PAGE, follow=True)
    assert "该申请已处理" in again.get_data(as_text=True)


def test_school_admin_rejects_with_reason(as_user, accounts, applicant, app) -> None:
    admin = as_user(accounts.school_admin)
    application = _application(app, NEWCOMER)
    reject = f"{PAGE}/{application.id}/reject"
    page = admin.text(reject)
    assert "驳回申请" in page and '">驳回原因</label>' in page and "确认驳回" in page
    for reason, message in (("", "请填写驳回原因"),
                            ("<script>x</script>", "驳回原因不能包含HTML标签或脚本"),
                            ("长" * 201, "驳回原因不能超过200个字符")):
        response = admin.submit(reject, {"reason": reason})
        assert response.status_code == 400 and message in response.get_data(as_text=True)
    assert _application(app, NEWCOMER).status == "pending"
    response = admin.submit(reject, {"reason": "请选择所在培养单位后重新申请"}, follow=True)
    assert "已驳回王晓明的加入申请" in response.get_data(as_text=True)
    page = applicant.text("/mainList/organization")
    assert "已驳回" in page and "请选择所在培养单位后重新申请" in page
    assert '<button type="submit">加入组织</button>' in page
    # Rejected: may apply again.
    assert applicant.join(identity="普通成员").status_code == 302
    assert _application(app, NEWCOMER).status == "pending"


def test_unit_admin_approves_only_members_of_own_unit(as_user, accounts, applicant, app,
                                                      new_browser) -> None:
    unit_admin = as_user(accounts.grad_admin)
    page = unit_admin.text(PAGE)
    assert "王晓明" not in page  # a 管理员 application: the school admin decides
    admin_application = _application(app, NEWCOMER)
    response = unit_admin.submit(f"{PAGE}/{admin_application.id}/approve", form_page=PAGE)
    assert response.status_code == 403
    # The seeded pending 普通成员 of the same unit is theirs to approve.
    pending = _application(app, accounts.pending)
    assert re.search(r"<td>[^<]+</td>\s*<td>138\*\*\*\*0041</td>", page)
    response = unit_admin.submit(f"{PAGE}/{pending.id}/approve", form_page=PAGE)
    assert response.status_code == 302
    assert _application(app, accounts.pending).status == "approved"
    # Another unit's administrator may not.
    other = new_browser()
    other.new_staff("13912345600", "李四")
    other.join(identity="普通成员")
    application = _application(app, "13912345600")
    other_admin = as_user(accounts.other_admin)
    assert "李四" not in other_admin.text(PAGE)
    response = other_admin.submit(f"{PAGE}/{application.id}/approve", form_page=PAGE)
    assert response.status_code == 403
    response = other_admin.submit(f"{PAGE}/{application.id}/reject", {"reason": "不是本单位"},
                                  form_page=PAGE)
    assert response.status_code == 403
    assert _application(app, "13912345600").status == "pending"


def test_members_and_newcomers_may_not_review(as_user, accounts, applicant, app) -> None:
    member = as_user(accounts.grad_member)
    assert member.get(PAGE).status_code == 403
    assert "加入申请" not in member.text("/mainList/organization")  # not in the menu
    application = _application(app, accounts.pending)
    response = member.submit(f"{PAGE}/{application.id}/approve", form_page="/profile")
    assert response.status_code == 403
    assert applicant.get(PAGE).status_code == 403


def test_unknown_application_is_404(as_user, accounts) -> None:
    admin = as_user(accounts.school_admin)
    assert admin.submit(f"{PAGE}/9999/approve", form_page=PAGE).status_code == 404
    # Beyond SQLite's integers the id is no route either (not a 500 from the database).
    assert admin.submit(f"{PAGE}/99999999999999999999/approve", form_page=PAGE).status_code == 404


def test_approve_requires_csrf(as_user, accounts, app) -> None:
    admin = as_user(accounts.school_admin)
    application = _application(app, accounts.pending)
    assert admin.client.post(f"{PAGE}/{application.id}/approve").status_code == 400
    assert _application(app, accounts.pending).status == "pending"
