"""Concurrent SMS-code guesses on the student login: five in all (issue 12 point 6b)."""

from __future__ import annotations

from jcjy_support import csrf_of
from test_jcjy_student import sms_code
from unit_support import run_together

from mock_sites.jcjy.models import ApplicationRecord

PARALLEL = 30


def test_parallel_wrong_codes_get_five_guesses_in_all(app) -> None:
    with app.extensions["db_factory"]() as db:
        phone = db.query(ApplicationRecord.phone).first()[0]
    sender = app.test_client()
    sender.post("/student/login", data={
        "csrf_token": csrf_of(sender, "/student/login"), "phone": phone, "action": "send"})
    real = sms_code(sender, phone)
    wrong = "000000" if real != "000000" else "111111"

    def guesser(code: str, address: str = "127.0.0.1"):
        client = app.test_client()
        client.environ_base["REMOTE_ADDR"] = address  # the code's counter, not the client's
        form = {"csrf_token": csrf_of(client, "/student/login"), "phone": phone,
                "sms_code": code, "action": "login"}
        return lambda: client.post("/student/login", data=form).get_data(as_text=True)

    pages = run_together([guesser(wrong) for _ in range(PARALLEL)])
    wrong_answers = sum('id="e-sms_code">短信验证码错误</p>' in p for p in pages)
    assert wrong_answers <= 5
    assert sum("错误次数过多" in p for p in pages) >= PARALLEL - 5
    late = guesser(real, "203.0.113.9")()
    assert "错误次数过多" in late and "我的申请" not in late


def test_parallel_code_requests_send_one_sms(app) -> None:
    """8 parallel 获取验证码 for one phone: one code is sent, the others are told to wait."""
    with app.extensions["db_factory"]() as db:
        phone = db.query(ApplicationRecord.phone).first()[0]

    def requester():
        client = app.test_client()
        form = {"csrf_token": csrf_of(client, "/student/login"), "phone": phone, "action": "send"}
        return lambda: client.post("/student/login", data=form).get_data(as_text=True)

    pages = run_together([requester() for _ in range(8)])
    outbox = app.test_client().get(f"/__mock__/sms?phone={phone}").get_json()
    assert len(outbox) == 1
    assert sum("秒后再重新获取" in p for p in pages) == 7
