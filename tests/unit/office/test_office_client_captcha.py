"""注册账户 demands the 图形验证码 of a client after repeated 获取验证码 (issue 12 point 6c,
captcha mode on): for sending and for 注册; with captcha mode off nothing changes."""

from __future__ import annotations

from sqlalchemy import select
from unit_support import drawn_code, run_together

from benchmarks.scrape import form_token
from mock_sites.office.models import SmsCode

CLIENT = "203.0.113.7"
FIELD = '<label for="f-captcha">图形验证码</label>'
PASSWORD = "Passw0rd123"


def _site(site_with, **changes):
    browser = site_with(captcha_mode="fixed", captcha_fixed_code="8888", **changes)
    browser.client.environ_base["REMOTE_ADDR"] = CLIENT
    return browser


def _send(browser, mobile: str, **extra: str):
    return browser.submit("/register", {"mobile": mobile, "action": "send_code", **extra})


def _outbox(browser) -> int:
    return len(browser.get("/__mock__/sms").get_json())


def test_code_requests_demand_the_captcha_after_codes_sent(site_with) -> None:
    browser = _site(site_with, captcha_after_sms=2)
    assert FIELD not in browser.text("/register")
    assert [_send(browser, f"1391234{n:04d}").status_code for n in range(2)] == [200, 200]
    page = browser.text("/register")
    assert FIELD in page and drawn_code(page) == "8888"  # drawn as on 用户登录
    refused = _send(browser, "13912340009")
    assert refused.status_code == 400 and "请填写图形验证码" in refused.get_data(as_text=True)
    wrong = _send(browser, "13912340009", captcha="1234")
    assert "图形验证码错误，请重新输入" in wrong.get_data(as_text=True)
    assert _outbox(browser) == 2
    assert _send(browser, "13912340009", captcha="8888").status_code == 200
    assert _outbox(browser) == 3
    other = site_with(captcha_mode="fixed", captcha_after_sms=2)
    other.client.environ_base["REMOTE_ADDR"] = "203.0.113.8"  # another client is not asked
    assert FIELD not in other.text("/register")


def test_register_demands_it_before_the_code_is_guessed(site_with) -> None:
    browser = _site(site_with, captcha_after_sms=1)
    mobile = "13912340001"
    assert _send(browser, mobile).status_code == 200
    form = {"mobile": mobile, "sms_code": browser.sms_code(mobile), "password": PASSWORD,
            "confirm": PASSWORD, "action": "register"}
    refused = browser.submit("/register", form)
    assert refused.status_code == 400 and "请填写图形验证码" in refused.get_data(as_text=True)
    with browser.client.application.extensions["db_factory"]() as db:
        assert db.scalar(select(SmsCode.failures).where(SmsCode.phone == mobile)) == 0
    registered = browser.submit("/register", dict(form, captcha="8888"))
    assert registered.status_code == 302 and registered.location.endswith("/profile")


def test_image_mode_answer_is_one_use(site_with) -> None:
    browser = site_with(captcha_mode="image", captcha_after_sms=0)
    page = browser.text("/register")
    form = {"csrf_token": form_token(page), "mobile": "13912340001",
            "captcha": drawn_code(page), "action": "send_code"}
    assert browser.client.post("/register", data=form).status_code == 200
    again = browser.client.post("/register", data=dict(form, mobile="13912340002"))
    assert "图形验证码错误" in again.get_data(as_text=True)


def test_a_parallel_burst_gets_past_only_up_to_the_threshold(site_with) -> None:
    app = _site(site_with, captcha_after_sms=2).client.application

    def requester(n: int):
        each = app.test_client()
        each.environ_base["REMOTE_ADDR"] = CLIENT
        page = each.get("/register").get_data(as_text=True)
        form = {"csrf_token": form_token(page), "mobile": f"1391234{n:04d}",
                "action": "send_code"}
        return lambda: each.post("/register", data=form).get_data(as_text=True)

    pages = run_together([requester(n) for n in range(8)])
    assert sum("请填写图形验证码" in p for p in pages) == 6
    assert len(app.test_client().get("/__mock__/sms").get_json()) == 2


def test_captcha_mode_off_never_asks(site_with) -> None:
    browser = site_with(captcha_after_sms=1)
    browser.client.environ_base["REMOTE_ADDR"] = CLIENT
    for n in range(3):
        sent = _send(browser, f"1391234{n:04d}")
        assert sent.status_code == 200 and FIELD not in sent.get_data(as_text=True)
    assert _outbox(browser) == 3
