"""Per-client windows (issue 12 point 6c): password spraying and SMS pumping from one address."""

from __future__ import annotations

CLIENT, OTHER = "203.0.113.7", "203.0.113.8"  # documentation addresses, only WSGI environ values
SPRAYED = [f"139{n:08d}" for n in range(20)]


def _from(browser, address: str):
    browser.client.environ_base["REMOTE_ADDR"] = address
    return browser


def test_spraying_many_accounts_is_stopped(site_with, accounts) -> None:
    browser = _from(site_with(client_failures=6), CLIENT)
    pages = [browser.login(account, "WrongPass1").get_data(as_text=True) for account in SPRAYED]
    assert sum("账号或密码错误" in p for p in pages) == 6
    assert all("登录失败次数过多，请15分钟后再试" in p for p in pages[6:])
    # Even a right password is not tried from there until the window ends; others log in.
    assert browser.login(accounts.grad_admin).status_code == 400
    other = _from(site_with(client_failures=6), OTHER)
    assert other.login(accounts.grad_admin).status_code == 302


def test_successful_logins_do_not_count(site_with, accounts) -> None:
    browser = _from(site_with(client_failures=2), CLIENT)
    for _ in range(5):
        assert browser.login(accounts.grad_admin).status_code == 302
        browser.logout()
    assert browser.login(accounts.grad_admin).status_code == 302


def test_sms_pumping_is_stopped(site_with, clock) -> None:
    browser = _from(site_with(client_sms=3), CLIENT)
    sent = [browser.submit("/register", {"mobile": f"1391234{n:04d}", "action": "send_code"})
            for n in range(5)]
    assert [r.status_code for r in sent] == [200, 200, 200, 400, 400]
    assert "获取验证码过于频繁，请60分钟后再试" in sent[3].get_data(as_text=True)
    assert len(browser.get("/__mock__/sms").get_json()) == 3
    clock.advance(3601)
    again = browser.submit("/register", {"mobile": "13912349999", "action": "send_code"})
    assert again.status_code == 200
