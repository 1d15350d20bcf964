"""学生登录 demands the 图形验证码 of a client after repeated failures or codes sent (issue 12
point 6c, captcha mode on); with captcha mode off nothing changes."""

from __future__ import annotations

from jcjy_support import csrf_of
from sqlalchemy import select
from test_jcjy_student import sms_code
from unit_support import drawn_code, run_together

from benchmarks.scrape import form_token
from mock_sites.jcjy.models import ApplicationRecord, LoginCode

CLIENT = "203.0.113.7"
FIELD = '<label for="f-captcha">图形验证码</label>'
WRONG_CODE = "短信验证码错误"


def _client(client_with, **changes):
    client = client_with(captcha_mode="fixed", captcha_fixed_code="8888", **changes)
    client.environ_base["REMOTE_ADDR"] = CLIENT
    return client


def _phone(client) -> str:
    with client.application.extensions["db_factory"]() as db:
        return db.scalar(select(ApplicationRecord.phone).order_by(ApplicationRecord.id))


def _post(client, **data: str):
    return client.post("/student/login", data={"csrf_token": csrf_of(client, "/student/login"),
                                               **data})


def _guesses(client, phone: str) -> int:
    with client.application.extensions["db_factory"]() as db:
        return db.get(LoginCode, phone).attempts


def test_login_demands_the_captcha_after_failures(client_with) -> None:
    client = _client(client_with, captcha_after_failures=2)
    phone = _phone(client)
    assert FIELD not in client.get("/student/login").get_data(as_text=True)
    assert _post(client, phone=phone, action="send").status_code == 200
    wrong = "000000" if sms_code(client, phone) != "000000" else "111111"
    for _ in range(2):
        assert WRONG_CODE in _post(client, phone=phone, sms_code=wrong,
                                   action="login").get_data(as_text=True)
    html = client.get("/student/login").get_data(as_text=True)
    assert FIELD in html and 'src="data:image/svg+xml;base64,' in html  # as on 工作人员登录
    refused = _post(client, phone=phone, sms_code=sms_code(client, phone), action="login")
    assert refused.status_code == 400 and "请填写图形验证码" in refused.get_data(as_text=True)
    wrong_captcha = _post(client, phone=phone, sms_code=sms_code(client, phone),
                          captcha="1234", action="login")
    assert "图形验证码错误，请重新输入" in wrong_captcha.get_data(as_text=True)
    assert _guesses(client, phone) == 2  # refused before the SMS code was guessed
    passed = _post(client, phone=phone, sms_code=sms_code(client, phone), captcha="8888",
                   action="login")
    assert passed.headers["Location"] == "/student/applications"


def test_code_requests_demand_the_captcha_after_codes_sent(client_with) -> None:
    client = _client(client_with, captcha_after_sms=2)
    phones = [f"1390000{n:04d}" for n in range(4)]
    for phone in phones[:2]:
        assert "验证码已发送至" in _post(client, phone=phone, action="send").get_data(as_text=True)
    refused = _post(client, phone=phones[2], action="send")
    assert refused.status_code == 400 and "请填写图形验证码" in refused.get_data(as_text=True)
    assert FIELD in refused.get_data(as_text=True)
    assert "图形验证码错误" in _post(client, phone=phones[2], captcha="0000",
                               action="send").get_data(as_text=True)
    with client.application.extensions["db_factory"]() as db:
        assert db.get(LoginCode, phones[2]) is None  # nothing sent, nothing reserved
    sent = _post(client, phone=phones[2], captcha="8888", action="send")
    assert sent.status_code == 200 and "验证码已发送至" in sent.get_data(as_text=True)
    other = client_with(captcha_mode="fixed", captcha_after_sms=2)
    other.environ_base["REMOTE_ADDR"] = "203.0.113.8"  # another client is not asked
    assert FIELD not in other.get("/student/login").get_data(as_text=True)


def test_refused_captchas_do_not_use_up_the_sms_window(client_with) -> None:
    client = _client(client_with, captcha_after_sms=1, client_sms=2)
    assert _post(client, phone="13900000001", action="send").status_code == 200
    for _ in range(3):
        assert _post(client, phone="13900000002", action="send").status_code == 400
    assert _post(client, phone="13900000002", captcha="8888", action="send").status_code == 200


def test_image_mode_answer_is_one_use(client_with) -> None:
    client = client_with(captcha_mode="image", captcha_after_sms=0)
    html = client.get("/student/login").get_data(as_text=True)
    form = {"csrf_token": form_token(html), "phone": "13900000001",
            "captcha": drawn_code(html), "action": "send"}
    assert client.post("/student/login", data=form).status_code == 200
    again = client.post("/student/login", data=dict(form, phone="13900000002"))
    assert "图形验证码错误" in again.get_data(as_text=True)


def test_a_parallel_burst_gets_past_only_up_to_the_threshold(client_with) -> None:
    client = _client(client_with, captcha_after_failures=2)
    app = client.application

    def guesser(n: int):
        each = app.test_client()
        each.environ_base["REMOTE_ADDR"] = CLIENT
        form = {"csrf_token": csrf_of(each, "/student/login"), "phone": f"1390000{n:04d}",
                "sms_code": "123456", "action": "login"}
        return lambda: each.post("/student/login", data=form).get_data(as_text=True)

    pages = run_together([guesser(n) for n in range(8)])
    assert sum("短信验证码已失效" in p for p in pages) == 2
    assert sum("请填写图形验证码" in p for p in pages) == 6


def test_captcha_mode_off_never_asks(client_with) -> None:
    client = client_with(captcha_after_failures=1, captcha_after_sms=1)
    client.environ_base["REMOTE_ADDR"] = CLIENT
    for n in range(3):
        html = _post(client, phone=f"1390000{n:04d}", sms_code="123456",
                     action="login").get_data(as_text=True)
        assert "短信验证码已失效" in html and FIELD not in html
        sent = _post(client, phone=f"1390000{n:04d}", action="send")
        assert sent.status_code == 200 and FIELD not in sent.get_data(as_text=True)
