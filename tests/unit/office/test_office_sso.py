"""``POST /api/sso/verify`` as docs/architecture.md specifies it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from werkzeug.test import TestResponse

if TYPE_CHECKING:
    from conftest import Browser

URL = "/api/sso/verify"


TOKEN = "office-test-token"  # the conftest's config.service_token


def _verify(site: Browser, account: str, password: str, token: str = TOKEN) -> TestResponse:
    return site.client.post(URL, json={"account": account, "password": password},
                            headers={"X-Service-Token": token})


def test_token_is_the_configured_one(config) -> None:
    assert config.service_token == TOKEN


def test_reviewer_gets_unit_and_grants(site, accounts, config) -> None:
    response = _verify(site, accounts.grad_admin, config.demo_password)
    assert response.status_code == 200
    body = response.get_json()
    assert body["ok"] is True and body["account"] == accounts.grad_admin and body["name"]
    assert body["unit_code"] == "14430-0801" and body["unit_name"] == "中国科学院计算技术研究所"
    assert body["department"] == "计算机科学与技术学院"
    assert body["systems"] == ["基层就业系统"] and body["roles"] == ["研究生学院审核人员"]
    assert set(body) == {"ok", "account", "name", "unit_code", "unit_name", "department",
                         "systems", "roles"}


def test_undergraduate_reviewer(site, accounts, config) -> None:
    body = _verify(site, accounts.under_admin, config.demo_password).get_json()
    assert body["unit_code"] == "14430-9901" and body["roles"] == ["本专科学院审核人员"]


def test_member_without_grant(site, accounts, config) -> None:
    body = _verify(site, accounts.plain_member, config.demo_password).get_json()
    assert body["ok"] is True and body["unit_code"] == "14430-0801"
    assert body["systems"] == [] and body["roles"] == []


def test_no_approved_membership_gives_nulls(site, accounts, config) -> None:
    for account in (accounts.pending, accounts.school_admin):
        body = _verify(site, account, config.demo_password).get_json()
        assert body["ok"] is True
        assert (body["unit_code"], body["unit_name"], body["department"]) == (None, None, None)
        assert body["systems"] == [] and body["roles"] == []


def test_wrong_password_and_unknown_account(site, accounts) -> None:
    for account in (accounts.grad_admin, "13900000000"):
        response = _verify(site, account, "Wrong12345")
        assert response.status_code == 401
        assert response.get_json() == {"ok": False, "error": "账号或密码错误"}


def test_bad_service_token(site, accounts, config) -> None:
    assert _verify(site, accounts.grad_admin, config.demo_password, "nope").status_code == 403
    response = site.client.post(URL, json={"account": accounts.grad_admin,
                                           "password": config.demo_password})
    assert response.status_code == 403 and response.get_json()["ok"] is False


def test_malformed_body(site) -> None:
    headers = {"X-Service-Token": TOKEN}
    assert site.client.post(URL, data="x", headers=headers).status_code == 400
    assert site.client.post(URL, json={"account": 1, "password": []},
                            headers=headers).status_code == 400


def test_locked_after_failures_shared_with_web_login(site, accounts, config) -> None:
    for _ in range(config.max_failures - 1):
        assert _verify(site, accounts.grad_admin, "Wrong12345").status_code == 401
    response = _verify(site, accounts.grad_admin, "Wrong12345")
    assert response.status_code == 423
    assert "已临时锁定" in response.get_json()["error"]
    assert _verify(site, accounts.grad_admin, config.demo_password).status_code == 423
    assert "账号已临时锁定" in site.login(accounts.grad_admin).get_data(as_text=True)


def test_web_failures_count_for_api(site, accounts, config) -> None:
    for _ in range(config.max_failures):
        site.login(accounts.grad_admin, "Wrong12345")
    assert _verify(site, accounts.grad_admin, config.demo_password).status_code == 423


def test_grants_made_in_the_dialog_show_in_sso(as_user, accounts, config, app) -> None:
    from sqlalchemy import select

    from mock_sites.office.models import Account

    with app.extensions["db_factory"]() as session:
        member_id = session.scalar(select(Account).where(
            Account.mobile == accounts.grad_member)).memberships[-1].id
    admin = as_user(accounts.grad_admin)
    admin.submit("/mainList/organization/members/authorize", {
        "member_id": str(member_id), "system": "基层就业系统", "role": "研究生学院审核人员",
    }, form_page="/mainList/organization/members")
    body = _verify(admin, accounts.grad_member, config.demo_password).get_json()
    assert body["systems"] == ["基层就业系统"] and body["roles"] == ["研究生学院审核人员"]
