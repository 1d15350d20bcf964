"""Odd input never makes a 500 (issue 12 point 2): page numbers, versions, ids, amounts, tokens."""

from __future__ import annotations

import pytest
from jcjy_support import csrf_of
from test_jcjy_student import student_login

from mock_sites.jcjy.models import ApplicationRecord

LIST = "/review/applications"
#: Digits Python's str.isdigit() accepts and int() refuses, other scripts' digits, overflows.
ODD_NUMBERS = ["\u00b2", "\u0663", "\uff11", "1e3", "-1", "0x10", " 1", "99999999999999999999",
               "9" * 400, ""]


@pytest.mark.parametrize("number", ODD_NUMBERS + ["0"])
def test_odd_page_number_shows_the_first_page(reviewer, number: str) -> None:
    response = reviewer.client.get(LIST, query_string={"page": number})
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert ">申请名单审核</h1>" in html
    if number:
        assert "页码无效，已显示第1页" in html


@pytest.mark.parametrize("version", ODD_NUMBERS)
def test_odd_version_on_decide_saves_nothing(reviewer, app, version: str) -> None:
    target = reviewer.ids[0]
    response = reviewer.client.post(f"{LIST}/{target}/decide", data={
        "csrf_token": reviewer.token(), "result": "通过", "remark": "", "version": version})
    assert response.status_code == 409
    assert "本次提交未保存" in response.get_data(as_text=True)
    with app.extensions["db_factory"]() as db:
        assert db.get(ApplicationRecord, target).status == "待院系审核"


@pytest.mark.parametrize("app_id", ["99999999999999999999", str(2**63), str(2**31), "\u00b2"])
def test_ids_beyond_any_row_are_404(reviewer, app_id: str) -> None:
    assert reviewer.client.get(f"{LIST}/{app_id}").status_code == 404
    assert reviewer.client.get(f"{LIST}/1/materials/{app_id}").status_code == 404
    response = reviewer.client.post(f"{LIST}/{app_id}/decide", data={
        "csrf_token": reviewer.token(), "result": "通过", "version": "1"})
    assert response.status_code == 404


@pytest.mark.parametrize("token", ["令牌", "\u00e9" * 20, "\x00"])
def test_odd_csrf_token_is_refused_as_expired_page(reviewer, token: str) -> None:
    target = reviewer.ids[0]
    form = {"result": "通过", "version": "1"}
    response = reviewer.client.post(f"{LIST}/{target}/decide", data={**form, "csrf_token": token})
    assert response.status_code == 400
    header = token.encode().decode("latin-1")  # what a client can put in a header
    response = reviewer.client.post(f"{LIST}/{target}/decide", data=form,
                                    headers={"X-CSRF-Token": header})
    assert response.status_code == 400
    assert "页面已过期" in response.get_data(as_text=True)


@pytest.mark.parametrize("amount", ["\u00b2", "\u0663\u0663", "\uff11", "1.5", "-1",
                                    "99999999999999999999"])
def test_odd_amount_on_resubmit_is_a_form_error(reviewer, app, amount: str) -> None:
    target = reviewer.ids[0]
    reviewer.decide(target, "不通过", "金额不符")
    with app.extensions["db_factory"]() as db:
        phone = db.get(ApplicationRecord, target).phone
    student = app.test_client()
    student_login(student, phone)
    response = student.post(f"/student/applications/{target}/resubmit", data={
        "csrf_token": csrf_of(student, "/student/applications"), "amount_1": amount})
    assert response.status_code == 400
    assert "学年申请金额（元）须" in response.get_data(as_text=True)


@pytest.mark.parametrize("code", ["１２３４５６", "\u00b2" * 6, "令牌令牌令牌", "\x00" * 6])
def test_odd_sms_code_is_just_wrong(client, app, code: str) -> None:
    with app.extensions["db_factory"]() as db:
        phone = db.query(ApplicationRecord.phone).first()[0]
    token = csrf_of(client, "/student/login")
    client.post("/student/login", data={"csrf_token": token, "phone": phone, "action": "send"})
    response = client.post("/student/login", data={
        "csrf_token": token, "phone": phone, "sms_code": code, "action": "login"})
    assert response.status_code == 400
    assert "短信验证码错误" in response.get_data(as_text=True)
