"""``POST /api/sso/grants``: a staff member's grants without their password (issue 12 point 4)."""

from __future__ import annotations

from sqlalchemy import select

from mock_sites.office.models import Account

URL = "/api/sso/grants"
TOKEN = "office-test-token"  # the conftest's config.service_token
MEMBERS = "/mainList/organization/members"


def _grants(site, account: object, token: str = TOKEN):
    return site.client.post(URL, json={"account": account}, headers={"X-Service-Token": token})


def test_grants_as_verify_answers_them(site, accounts, config) -> None:
    verified = site.client.post("/api/sso/verify", headers={"X-Service-Token": TOKEN}, json={
        "account": accounts.grad_admin, "password": config.demo_password}).get_json()
    response = _grants(site, accounts.grad_admin)
    assert response.status_code == 200 and response.get_json() == verified
    assert verified["systems"] == ["基层就业系统"] and verified["roles"] == ["研究生学院审核人员"]


def test_grants_need_the_service_token(site, accounts) -> None:
    for token in ("", "wrong", "令牌".encode().decode("latin-1")):
        assert _grants(site, accounts.grad_admin, token).status_code == 403


def test_unknown_account_and_bad_requests(site) -> None:
    assert _grants(site, "13900000000").status_code == 404
    for account in (None, 5, ["x"]):
        assert _grants(site, account).status_code == 400
    response = site.client.post(URL, data="x", headers={"X-Service-Token": TOKEN})
    assert response.status_code == 400


def test_grants_follow_the_unit_admin_s_changes(as_user, site, accounts, app) -> None:
    """授权管理 without 基层就业系统: the next grants answer says so (the jcjy re-check)."""
    with app.extensions["db_factory"]() as session:
        account = session.scalar(select(Account).where(Account.mobile == accounts.grad_admin))
        member_id = account.memberships[-1].id
    admin = as_user(accounts.grad_admin)
    response = admin.submit(f"{MEMBERS}/authorize", {"member_id": [str(member_id)],
                                                     "system": [], "role": []}, form_page=MEMBERS)
    assert response.status_code == 302
    body = _grants(site, accounts.grad_admin).get_json()
    assert body["ok"] is True and body["systems"] == [] and body["roles"] == []
