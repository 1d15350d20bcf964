"""/__mock__/ control surface, fault switches, error pages, reset and restart persistence."""

from __future__ import annotations

import time

from benchmarks.scrape import form_token
from mock_sites.office import create_app, seeded_accounts
from mock_sites.office.seed import SCHOOL_ADMIN_ACCOUNT


def test_health(site) -> None:
    assert site.get("/__mock__/health").get_json() == {"ok": True, "site": "office"}


def test_latency_fault(site, config) -> None:
    assert site.client.post("/__mock__/faults", json={"latency_ms": 150}).status_code == 200
    started = time.monotonic()
    site.get("/login")
    assert time.monotonic() - started >= 0.15
    assert site.get("/__mock__/faults").get_json()["latency_ms"] == 150


def test_error_rate_one_gives_500_page(site) -> None:
    site.client.post("/__mock__/faults", json={"error_rate": 1.0})
    response = site.get("/login")
    assert response.status_code == 500
    assert "系统繁忙，请稍后再试" in response.get_data(as_text=True)
    assert site.get("/__mock__/health").status_code == 200  # the control surface still works
    site.client.post("/__mock__/faults", json={"error_rate": 0})
    assert site.get("/login").status_code == 200


def test_bad_fault_value(site) -> None:
    response = site.client.post("/__mock__/faults", json={"error_rate": 2})
    assert response.status_code == 400 and "error_rate" in response.get_json()["error"]


def test_session_lifetime_zero_needs_login_again(site, accounts, clock) -> None:
    site.login(accounts.grad_admin)
    site.client.post("/__mock__/faults", json={"session_lifetime_s": 0})
    clock.advance(1)
    response = site.get("/mainList/organization")
    assert response.location.startswith("/login?next=/mainList/organization")
    assert "登录已超时，请重新登录" in site.text(response.location)


def test_sms_fail_switch(site) -> None:
    site.client.post("/__mock__/faults", json={"sms_fail": True})
    response = site.submit("/register", {"mobile": "13912345678", "action": "send_code"})
    assert "短信发送失败，请稍后重试" in response.get_data(as_text=True)


def test_reset_reseeds_and_logs_out(site, accounts) -> None:
    site.new_staff("13912345678")
    site.client.post("/__mock__/faults", json={"error_rate": 0})
    for _ in range(5):
        site.login(accounts.under_admin, "Wrong12345")
    assert site.client.post("/__mock__/reset").get_json() == {"ok": True}
    # The new account is gone, the seeded ones are back, throttles are cleared.
    assert site.get("/mainList/organization").location.startswith("/login")
    assert "账号或密码错误" in site.login("13912345678", "Passw0rd123").get_data(as_text=True)
    assert site.login(accounts.under_admin).status_code == 302


def test_restart_keeps_data(site, config) -> None:
    site.new_staff("13912345678", "王晓明")
    restarted = create_app(config).test_client()
    token_page = restarted.get("/login").get_data(as_text=True)
    token = form_token(token_page)
    response = restarted.post("/login", data={
        "csrf_token": token, "account": "13912345678", "password": "Passw0rd123"})
    assert response.location.endswith("/mainList/organization")
    assert "王晓明" in restarted.get("/mainList/organization").get_data(as_text=True)


def test_seeded_accounts_are_deterministic_and_can_log_in(config, site) -> None:
    listed = seeded_accounts(config)
    assert listed == seeded_accounts(config)
    assert len({a.account for a in listed}) == len(listed)
    assert listed[0].account == SCHOOL_ADMIN_ACCOUNT and listed[0].unit_name == "中国科学院大学"
    for account in listed:
        assert site.login(account.account).status_code == 302, account
        assert account.name in site.text("/mainList/organization")
        site.logout()


def test_error_pages_are_chinese(site, accounts) -> None:
    response = site.get("/no-such-page")
    assert response.status_code == 404 and "页面不存在" in response.get_data(as_text=True)
    site.login(accounts.grad_member)
    response = site.get("/mainList/organization/applications")
    assert response.status_code == 403 and "无权访问" in response.get_data(as_text=True)


def test_pages_send_security_headers(site) -> None:
    response = site.get("/login")
    assert response.headers["X-Frame-Options"] == "SAMEORIGIN"
    assert "office_session" in response.headers.get("Set-Cookie", "")


def test_favicon_is_served_and_may_be_kept(site) -> None:
    response = site.get("/favicon.ico")
    assert response.status_code == 200 and response.mimetype == "image/svg+xml"
    assert response.get_data(as_text=True).startswith("<svg")
    assert "max-age=86400" in response.headers["Cache-Control"]
