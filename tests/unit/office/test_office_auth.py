"""用户登录, 退出登录, 图形验证码, throttling and the session timeout."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest
from unit_support import drawn_code

from benchmarks.scrape import form_token
from mock_sites.office.seed import GRADUATE_REVIEWER_ACCOUNT


def test_home_redirects_to_login_then_to_organization(site, accounts) -> None:
    assert site.get("/").location.endswith("/login")
    site.login(accounts.grad_admin)
    assert site.get("/").location.endswith("/mainList/organization")


def test_login_page_has_labelled_fields_and_register_link(site) -> None:
    page = site.text("/login")
    assert "<h1" in page and "用户登录" in page
    for label in ("账号", "密码"):
        assert re.search(rf'<label for="f-\w+">.*{label}</label>', page)
    assert '<button type="submit">登录</button>' in page
    assert '<a href="/register">注册</a>' in page
    assert "图形验证码" not in page  # captcha_mode off


def test_login_success_goes_to_organization_with_user_menu(site, accounts) -> None:
    response = site.login(accounts.grad_admin)
    assert response.location.endswith("/mainList/organization")
    page = site.text("/mainList/organization")
    assert "退出登录" in page and "组织管理" in page and "部门成员" in page


@pytest.mark.parametrize("account,password", [
    (GRADUATE_REVIEWER_ACCOUNT, "WrongPass123"), ("13900000000", "Demo2024abc"), ("", "Secret999zz"),
])
def test_wrong_credentials_same_message(site, account, password) -> None:
    response = site.login(account, password)
    page = response.get_data(as_text=True)
    if account:
        assert "账号或密码错误" in page
        assert f'value="{account}"' in page  # the account is kept, the password is not
    else:
        assert "请填写账号" in page
    assert response.status_code == 400
    assert password not in page


def test_login_throttle_locks_account(site, accounts, config) -> None:
    for _ in range(config.max_failures - 1):
        assert "账号或密码错误" in site.login(accounts.grad_admin, "Bad12345x").get_data(
            as_text=True)
    page = site.login(accounts.grad_admin, "Bad12345x").get_data(as_text=True)
    assert "登录失败次数过多，账号已临时锁定，请15分钟后再试" in page
    # Even the right password is refused while locked.
    page = site.login(accounts.grad_admin).get_data(as_text=True)
    assert "账号已临时锁定" in page
    # Another account is not affected.
    assert site.login(accounts.school_admin).status_code == 302


def test_successful_login_clears_failures(site, accounts, config) -> None:
    for _ in range(config.max_failures - 1):
        site.login(accounts.grad_admin, "Bad12345x")
    assert site.login(accounts.grad_admin).status_code == 302
    site.logout()
    assert "账号或密码错误" in site.login(accounts.grad_admin, "Bad12345x").get_data(
        as_text=True)


def test_next_is_honoured_only_for_local_paths(site, accounts) -> None:
    response = site.get("/mainList/organization/members")
    assert response.status_code == 302
    assert "next=/mainList/organization/members" in response.location
    response = site.login(accounts.grad_admin, next="/mainList/organization/members")
    assert response.location.endswith("/mainList/organization/members")
    site.logout()
    for evil in ("https://evil.example/", "//evil.example/x", "/\\evil.example"):
        response = site.login(accounts.grad_admin, next=evil)
        assert response.location.endswith("/mainList/organization"), evil
        site.logout()


def test_logout_requires_post_and_csrf(site, accounts) -> None:
    site.login(accounts.grad_admin)
    assert site.get("/logout").status_code == 405
    assert site.client.post("/logout").status_code == 400  # no CSRF token
    site.logout()
    response = site.get("/mainList/organization")
    assert response.location.startswith("/login")


def test_protected_pages_need_login(site) -> None:
    for path in ("/profile", "/mainList/organization", "/mainList/organization/join",
                 "/mainList/organization/applications", "/mainList/organization/members"):
        response = site.get(path)
        assert response.status_code == 302 and response.location.startswith("/login"), path


def test_captcha_fixed_mode(site_with, accounts) -> None:
    site = site_with(captcha_mode="fixed", captcha_fixed_code="8888")
    page = site.text("/login")
    assert '<label for="f-captcha">' in page and "图形验证码" in page and "换一张" in page
    assert drawn_code(page) == "8888"
    response = site.login(accounts.grad_admin, captcha="1234")
    assert "图形验证码错误，请重新输入" in response.get_data(as_text=True)
    assert "请填写图形验证码" in site.login(accounts.grad_admin).get_data(as_text=True)
    assert site.login(accounts.grad_admin, captcha="8888").status_code == 302


def test_captcha_image_mode_one_use_per_drawing(site_with, accounts) -> None:
    site = site_with(captcha_mode="image")
    code = drawn_code(site.text("/login"))
    assert len(code) == 4
    # submit() loads /login again (a new drawing), so read the code from that same page.
    token_page = site.text("/login")
    token = form_token(token_page)
    code = drawn_code(token_page)
    wrong = "".join("A" if c != "A" else "B" for c in code)
    response = site.client.post("/login", data={
        "csrf_token": token, "account": accounts.grad_admin, "password": site.password,
        "captcha": wrong})
    assert "图形验证码错误" in response.get_data(as_text=True)
    page = site.text("/login")
    response = site.client.post("/login", data={
        "csrf_token": token, "account": accounts.grad_admin, "password": site.password,
        "captcha": drawn_code(page).lower()})
    assert response.status_code == 302


def test_session_timeout_asks_to_log_in_again(site, accounts, config, clock) -> None:
    site.login(accounts.grad_admin)
    token = site.csrf("/mainList/organization")
    config.faults.session_lifetime_s = 0
    clock.advance(1)
    response = site.get("/mainList/organization/members")
    assert response.status_code == 302
    assert response.location.startswith("/login?next=/mainList/organization/members")
    assert "登录已超时，请重新登录" in site.text(response.location)
    # A form posted after the timeout says so too (instead of a bare CSRF error).
    config.faults.session_lifetime_s = 3600
    site.login(accounts.grad_admin)
    config.faults.session_lifetime_s = 0
    clock.advance(1)
    response = site.client.post("/mainList/organization/members/authorize",
                                data={"csrf_token": token})
    assert response.status_code == 401
    assert "登录已超时，请重新登录" in response.get_data(as_text=True)


def test_a_form_left_open_for_hours_still_posts(site, accounts, clock, monkeypatch) -> None:
    """CSRF tokens live as long as the login session (8 h), not Flask-WTF's default hour."""
    site.login(accounts.grad_admin)
    token = site.csrf("/mainList/organization")
    clock.advance(2 * 3600)
    # Flask-WTF dates its tokens by itsdangerous, which reads time.time itself.
    later = clock.now().timestamp()
    monkeypatch.setattr("itsdangerous.timed.time", SimpleNamespace(time=lambda: later))
    response = site.client.post("/logout", data={"csrf_token": token})
    assert response.status_code == 302 and response.location.endswith("/login")


def test_profile_incomplete_login_goes_to_profile(site) -> None:
    site.register("13912345678")
    site.logout()
    response = site.login("13912345678", "Passw0rd123")
    assert response.location.endswith("/profile")
    response = site.get("/mainList/organization")
    assert response.location.endswith("/profile")
