"""注册账户: SMS code, its limits and every field's validation."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from sqlalchemy import select
from werkzeug.test import TestResponse

from mock_sites.office.models import Account
from mock_sites.office.seed import GRADUATE_REVIEWER_ACCOUNT

if TYPE_CHECKING:
    from conftest import Browser

MOBILE = "13912345678"


def _send(site: Browser, mobile: str = MOBILE) -> TestResponse:
    return site.submit("/register", {"mobile": mobile, "action": "send_code"})


def _register(site: Browser, **fields: str) -> TestResponse:
    data = {"mobile": MOBILE, "sms_code": "", "password": "Passw0rd123",
            "confirm": "Passw0rd123", "action": "register", **fields}
    return site.submit("/register", data)


def test_register_page_labels(site) -> None:
    page = site.text("/register")
    assert "注册账户" in page
    for label in ("手机号", "短信验证码", "密码", "确认密码"):
        assert f'">{label}</label>' in page
    assert 'value="send_code" class="secondary" formnovalidate>获取验证码</button>' in page
    assert 'value="register">注册</button>' in page


def test_send_code_puts_sms_in_outbox_and_keeps_number(site) -> None:
    response = _send(site)
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "验证码已发送至139****5678" in page
    assert f'value="{MOBILE}"' in page
    messages = site.get(f"/__mock__/sms?phone={MOBILE}").get_json()
    assert len(messages) == 1
    text = messages[0]["text"]
    assert text.startswith("【全国学生资助办公系统】您的注册验证码为")
    assert text.endswith("，5分钟内有效。")
    assert len(site.sms_code(MOBILE)) == 6


def test_one_code_per_minute(site, clock) -> None:
    _send(site)
    page = _send(site).get_data(as_text=True)
    assert "验证码已发送，请" in page and "秒后再重新获取" in page
    assert len(site.get(f"/__mock__/sms?phone={MOBILE}").get_json()) == 1
    clock.advance(61)
    assert _send(site).status_code == 200
    assert len(site.get(f"/__mock__/sms?phone={MOBILE}").get_json()) == 2


def test_sms_gateway_failure(site, config) -> None:
    config.faults.sms_fail = True
    page = _send(site).get_data(as_text=True)
    assert "短信发送失败，请稍后重试" in page
    assert site.get("/__mock__/sms").get_json() == []
    config.faults.sms_fail = False
    assert _send(site).status_code == 200  # no resend lock after a failed send


@pytest.mark.parametrize("mobile,message", [
    ("", "请填写手机号"), ("1234", "手机号格式不正确"),
])
def test_send_code_checks_number(site, mobile, message) -> None:
    assert message in _send(site, mobile).get_data(as_text=True)


def test_register_success_logs_in_and_asks_for_profile(site, app) -> None:
    _send(site)
    response = _register(site, sms_code=site.sms_code(MOBILE))
    assert response.location.endswith("/profile")
    page = site.text("/profile")
    assert "填写个人信息" in page and "退出登录" in page
    with app.extensions["db_factory"]() as session:
        account = session.scalar(select(Account).where(Account.mobile == MOBILE))
        assert account.password_hash != "Passw0rd123"
    site.logout()
    assert site.login(MOBILE, "Passw0rd123").location.endswith("/profile")


@pytest.mark.parametrize("fields,field_message", [
    ({"password": "short1", "confirm": "short1"}, "密码长度应为8到20位"),
    ({"password": "onlyletters", "confirm": "onlyletters"}, "密码须同时包含字母和数字"),
    ({"confirm": "Passw0rd124"}, "两次输入的密码不一致"),
    ({"confirm": ""}, "请填写确认密码"),
    ({"mobile": "12345678901"}, "手机号格式不正确"),
    ({"sms_code": "000000"}, "短信验证码错误或已过期"),
    ({"sms_code": ""}, "请填写短信验证码"),
])
def test_register_validation(site, app, fields, field_message) -> None:
    _send(site)
    if "sms_code" not in fields:
        fields = {"sms_code": site.sms_code(MOBILE), **fields}
    response = _register(site, **fields)
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert field_message in page
    assert "Passw0rd" not in page and "onlyletters" not in page  # passwords never echoed
    with app.extensions["db_factory"]() as session:
        assert session.scalar(select(Account).where(Account.mobile == MOBILE)) is None


def test_code_expires_after_five_minutes(site, clock) -> None:
    _send(site)
    code = site.sms_code(MOBILE)
    clock.advance(5 * 60 + 1)
    assert "短信验证码错误或已过期" in _register(site, sms_code=code).get_data(as_text=True)


def test_code_is_single_use_and_dies_after_repeated_guesses(site) -> None:
    _send(site)
    code = site.sms_code(MOBILE)
    for _ in range(5):
        _register(site, sms_code="999999" if code != "999999" else "888888")
    # The right code no longer works after five wrong guesses.
    assert "短信验证码错误或已过期" in _register(site, sms_code=code).get_data(as_text=True)


def test_code_of_another_number_is_refused(site) -> None:
    _send(site, "13912345679")
    other_code = site.sms_code("13912345679")
    page = _register(site, sms_code=other_code).get_data(as_text=True)
    assert "短信验证码错误或已过期" in page


def test_register_without_csrf_is_refused(site) -> None:
    response = site.client.post("/register", data={"mobile": MOBILE, "action": "send_code"})
    assert response.status_code == 400
    assert "页面已过期" in response.get_data(as_text=True)
    assert site.get("/__mock__/sms").get_json() == []


def test_registered_number_is_told_only_to_the_holder_of_the_phone(site, app) -> None:
    """Issue 12 point 7: 获取验证码 answers a registered number as any other; 注册 with the code
    that reached that phone says it is registered, a wrong code says only that the code is wrong."""
    fresh, taken = _send(site), _send(site, GRADUATE_REVIEWER_ACCOUNT)
    assert fresh.status_code == taken.status_code == 200
    assert "验证码已发送至" in taken.get_data(as_text=True)
    assert "已注册" not in taken.get_data(as_text=True)
    wrong = _register(site, mobile=GRADUATE_REVIEWER_ACCOUNT, sms_code="000000")
    assert "已注册" not in wrong.get_data(as_text=True)
    right = _register(site, mobile=GRADUATE_REVIEWER_ACCOUNT,
                      sms_code=site.sms_code(GRADUATE_REVIEWER_ACCOUNT))
    assert right.status_code == 400 and "该手机号已注册，请直接登录" in right.get_data(as_text=True)
    with app.extensions["db_factory"]() as session:  # the seeded account is untouched
        assert session.scalar(select(Account).where(Account.mobile == GRADUATE_REVIEWER_ACCOUNT))
