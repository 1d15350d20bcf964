"""Per-client windows on the jcjy site (issue 12 point 6c): staff logins, student codes, SMS."""

from __future__ import annotations

from jcjy_support import csrf_of, login

CLIENT = "203.0.113.7"


def test_staff_login_spraying_is_stopped(client_with, office) -> None:
    office.add("real", "14430-0801", ["研究生学院审核人员"])
    client = client_with(client_failures=4)
    client.environ_base["REMOTE_ADDR"] = CLIENT
    statuses = [login(client, f"guess{n}", "Wrong1234").status_code for n in range(6)]
    assert statuses == [401] * 4 + [429] * 2
    calls = office.calls
    response = login(client, "real")
    assert response.status_code == 429 and office.calls == calls  # the office is not even asked
    assert "登录失败次数过多" in response.get_data(as_text=True)


def test_student_sms_pumping_is_stopped(client_with) -> None:
    client = client_with(client_sms=2)
    client.environ_base["REMOTE_ADDR"] = CLIENT
    token = csrf_of(client, "/student/login")
    pages = [client.post("/student/login", data={
        "csrf_token": token, "phone": f"1390000{n:04d}", "action": "send"}) for n in range(3)]
    assert [p.status_code for p in pages] == [200, 200, 400]
    assert "获取验证码过于频繁" in pages[2].get_data(as_text=True)


def test_student_code_guessing_across_phones_is_stopped(client_with) -> None:
    client = client_with(client_failures=3)
    client.environ_base["REMOTE_ADDR"] = CLIENT
    token = csrf_of(client, "/student/login")
    pages = [client.post("/student/login", data={
        "csrf_token": token, "phone": f"1390000{n:04d}", "sms_code": "123456",
        "action": "login"}).get_data(as_text=True) for n in range(5)]
    assert sum("登录失败次数过多" in p for p in pages) == 2
