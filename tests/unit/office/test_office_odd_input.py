"""Odd input never makes a 500 (issue 12 point 2): member and application ids, tokens, codes."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from mock_sites.office.models import Account, Membership

MEMBERS = "/mainList/organization/members"
APPLICATIONS = "/mainList/organization/applications"
ODD_IDS = ["99999999999999999999", str(2**63), "\u00b2", "\u0663", "\uff11", "-1", "1e3", ""]


def _member_id(app, mobile: str) -> int:
    with app.extensions["db_factory"]() as session:
        account = session.scalar(select(Account).where(Account.mobile == mobile))
        return account.memberships[-1].id


@pytest.mark.parametrize("member_id", ODD_IDS)
def test_odd_member_id_on_authorize_is_forbidden(as_user, app, accounts, member_id: str) -> None:
    admin = as_user(accounts.grad_admin)
    good = _member_id(app, accounts.grad_member)
    response = admin.submit(f"{MEMBERS}/authorize", {
        "member_id": [str(good), member_id], "system": ["基层就业系统"],
        "role": ["研究生学院审核人员"]}, form_page=MEMBERS)
    assert response.status_code == 403
    with app.extensions["db_factory"]() as session:
        assert session.get(Membership, good).systems == []


@pytest.mark.parametrize("application_id", ODD_IDS[:3])
def test_odd_application_id_is_404(as_user, accounts, application_id: str) -> None:
    admin = as_user(accounts.school_admin)
    for verb in ("approve", "reject"):
        path = f"{APPLICATIONS}/{application_id}/{verb}"
        assert admin.submit(path, form_page=APPLICATIONS).status_code == 404
    assert admin.get(f"{APPLICATIONS}/{application_id}/reject").status_code == 404


@pytest.mark.parametrize("token", ["令牌", "\u00e9" * 20, "\x00"])
def test_odd_csrf_token_is_refused_as_expired_page(site, token: str) -> None:
    site.get("/login")
    form = {"account": "13800000001", "password": "x"}
    response = site.client.post("/login", data={**form, "csrf_token": token})
    assert response.status_code == 400
    response = site.client.post("/login", data=form,
                                headers={"X-CSRF-Token": token.encode().decode("latin-1")})
    assert response.status_code == 400
    assert "页面已过期" in response.get_data(as_text=True)


@pytest.mark.parametrize("code", ["１２３４５６", "\u00b2" * 6, "令牌令牌令牌", "\x00" * 6])
def test_odd_registration_code_is_just_wrong(site, code: str) -> None:
    mobile = "13912340001"
    assert site.submit("/register", {"mobile": mobile, "action": "send_code"}).status_code == 200
    response = site.submit("/register", {
        "mobile": mobile, "sms_code": code, "password": "Passw0rd123", "confirm": "Passw0rd123",
        "action": "register"})
    assert response.status_code == 400
    assert "短信验证码错误或已过期" in response.get_data(as_text=True)


@pytest.mark.parametrize("token", ["令牌", "\u00e9" * 20, ""])
def test_odd_service_token_is_403(site, token: str) -> None:
    response = site.client.post("/api/sso/verify", json={"account": "1", "password": "x"},
                                headers={"X-Service-Token": token.encode().decode("latin-1")})
    assert response.status_code == 403


@pytest.mark.parametrize("name", ["王\x00明", "王晓\x1b明"])
def test_control_characters_in_profile_are_refused(as_user, app, accounts, name: str) -> None:
    member = as_user(accounts.grad_member)
    response = member.fill_profile(name)
    assert response.status_code == 400
    assert "姓名不能包含控制字符" in response.get_data(as_text=True)
    with app.extensions["db_factory"]() as session:
        stored = session.scalar(select(Account.name).where(Account.mobile == accounts.grad_member))
    assert "\x00" not in stored and "\x1b" not in stored
