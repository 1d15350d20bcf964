"""Student side: SMS-code login, own applications, correction and resubmission."""

from __future__ import annotations

import re

from jcjy_support import csrf_of, form_token
from sqlalchemy import select

from harness.mock_control import SMS_CODE
from mock_sites.common.masking import mask_mobile
from mock_sites.jcjy.models import ApplicationRecord, YearPaymentRecord


def sms_code(client, phone: str) -> str:
    texts = [m["text"] for m in client.get(f"/__mock__/sms?phone={phone}").get_json()]
    return SMS_CODE.search(texts[-1]).group(1)


def student_login(client, phone: str) -> None:
    token = csrf_of(client, "/student/login")
    response = client.post("/student/login", data={
        "csrf_token": token, "phone": phone, "action": "send"})
    assert "验证码已发送至" in response.get_data(as_text=True)
    response = client.post("/student/login", data={
        "csrf_token": token, "phone": phone, "sms_code": sms_code(client, phone),
        "action": "login"})
    assert response.headers["Location"] == "/student/applications"


def test_login_page(client) -> None:
    html = client.get("/student/login").get_data(as_text=True)
    assert ">学生登录</h1>" in html
    assert '<label for="f-phone">' in html and "短信验证码</label>" in html
    assert 'formnovalidate>获取验证码</button>' in html and ">登录</button>" in html


def test_login_errors(client, app) -> None:
    token = csrf_of(client, "/student/login")
    cases = [
        ({"phone": "123", "action": "send"}, "手机号格式不正确"),
        ({"phone": "", "sms_code": "", "action": "login"}, "请填写手机号"),
    ]
    for data, message in cases:
        response = client.post("/student/login", data={"csrf_token": token, **data})
        assert message in response.get_data(as_text=True), message
    with app.extensions["db_factory"]() as db:
        phone = db.scalar(select(ApplicationRecord.phone))
    response = client.post("/student/login", data={
        "csrf_token": token, "phone": phone, "sms_code": "123456", "action": "login"})
    assert "短信验证码已失效，请重新获取" in response.get_data(as_text=True)
    client.post("/student/login", data={"csrf_token": token, "phone": phone, "action": "send"})
    response = client.post("/student/login", data={
        "csrf_token": token, "phone": phone, "action": "send"})
    assert "秒后再重新获取" in response.get_data(as_text=True)
    real = sms_code(client, phone)
    wrong = "000000" if real != "000000" else "111111"
    for _ in range(5):
        response = client.post("/student/login", data={
            "csrf_token": token, "phone": phone, "sms_code": wrong, "action": "login"})
        assert "短信验证码错误" in response.get_data(as_text=True)
    response = client.post("/student/login", data={
        "csrf_token": token, "phone": phone, "sms_code": real, "action": "login"})
    assert "错误次数过多" in response.get_data(as_text=True)


def test_reject_then_student_corrects_and_resubmits(reviewer, app) -> None:
    target = reviewer.ids[0]
    reviewer.decide(target, "不通过", "第1学年缴费票据金额与填报金额不一致")
    with app.extensions["db_factory"]() as db:
        record = db.get(ApplicationRecord, target)
        years = db.scalars(select(YearPaymentRecord).where(
            YearPaymentRecord.application_id == target).order_by(YearPaymentRecord.seq)).all()
    student = app.test_client()
    student_login(student, record.phone)
    html = student.get("/student/applications").get_data(as_text=True)
    assert ">我的申请</h1>" in html and "院系审核不通过" in html
    assert "审核意见：第1学年缴费票据金额与填报金额不一致" in html
    assert f"{years[0].school_year}学年申请金额（元）</label>" in html
    token = csrf_of(student, "/student/applications")
    bad = {"csrf_token": token, **{f"amount_{y.seq}": y.claimed_amount for y in years}}
    bad["amount_1"] = "abc"
    response = student.post(f"/student/applications/{target}/resubmit", data=bad)
    assert response.status_code == 400
    assert f"{years[0].school_year}学年申请金额（元）须为整数金额（元）" in response.get_data(
        as_text=True)
    fixed = {**bad, "amount_1": "1"}
    response = student.post(f"/student/applications/{target}/resubmit", data=fixed,
                            follow_redirects=True)
    assert "已重新提交，请等待院系审核" in response.get_data(as_text=True)
    with app.extensions["db_factory"]() as db:
        again = db.get(ApplicationRecord, target)
        first_year = db.scalar(select(YearPaymentRecord).where(
            YearPaymentRecord.application_id == target, YearPaymentRecord.seq == 1))
    assert again.status == "待院系审核" and again.version == 3
    assert first_year.claimed_amount == 1
    assert again.claimed_total == record.claimed_total - years[0].claimed_amount + 1
    if record.judge_result == "符合":
        assert again.approved_amount < record.approved_amount  # 系统判断结果 recomputed
    # The reviewer sees it as 待审核 again, with the new amount, and can decide again.
    html = reviewer.client.get(f"/review/applications/{target}").get_data(as_text=True)
    assert 'id="decision-form"' in html and f'{years[0].school_year}</td><td class="num">1.00' in html
    assert ">审核记录</h2>" in html and "第1学年缴费票据金额与填报金额不一致" in html
    assert reviewer.decide(target, "通过").status_code == 302
    # A second resubmission of a non-rejected application is refused.
    response = student.post(f"/student/applications/{target}/resubmit", data=fixed,
                            follow_redirects=True)
    assert "无需重新提交" in response.get_data(as_text=True)


def test_student_cannot_touch_others(reviewer, app) -> None:
    mine, other = reviewer.ids[0], reviewer.ids[1]
    reviewer.decide(other, "不通过", "材料不全")
    with app.extensions["db_factory"]() as db:
        phone = db.get(ApplicationRecord, mine).phone
    student = app.test_client()
    student_login(student, phone)
    html = student.get("/student/applications").get_data(as_text=True)
    assert "材料不全" not in html
    token = csrf_of(student, "/student/applications")
    response = student.post(f"/student/applications/{other}/resubmit",
                            data={"csrf_token": token, "amount_1": "1"})
    assert response.status_code == 403
    assert student.get("/review/applications").status_code == 302  # not a reviewer


def test_login_does_not_tell_whether_a_phone_has_applied(client, app) -> None:
    """Issue 12 point 7: a phone without an application gets the same answers as one with."""
    with app.extensions["db_factory"]() as db:
        applied = db.scalar(select(ApplicationRecord.phone))
    token = csrf_of(client, "/student/login")
    answers = []
    for phone in (applied, "13900000000"):
        first = client.post("/student/login", data={
            "csrf_token": token, "phone": phone, "action": "send"})
        again = client.post("/student/login", data={
            "csrf_token": token, "phone": phone, "action": "send"})
        guess = client.post("/student/login", data={
            "csrf_token": token, "phone": phone, "sms_code": "000001", "action": "login"})
        # The form's CSRF token is signed with the time (a new value each second): left out.
        answers.append([(r.status_code, re.sub(r"请\d+秒", "请N秒", r.get_data(as_text=True)
                                               .replace(form_token(r.get_data(as_text=True)), "TOKEN")
                                               .replace(phone, "PHONE")
                                               .replace(mask_mobile(phone), "MASKED")))
                        for r in (first, again, guess)])
    assert answers[0] == answers[1]
    assert "验证码已发送至" in answers[1][0][1]
    assert client.get("/__mock__/sms?phone=13900000000").get_json() == []
