"""Concurrent requests on the office site: one decision per 加入申请 (issue 12 point 5)."""

from __future__ import annotations

import re
from collections.abc import Callable

from sqlalchemy import select, update
from unit_support import run_together

from mock_sites.office import auth
from mock_sites.office.models import PENDING, Account, Membership
from mock_sites.reference import demo_units

COOKIE = "office_session"

PAGE = "/mainList/organization/applications"
ROUNDS = 4


def poster(browser, path: str, **data: str) -> Callable[[], object]:
    """A POST of ``data`` to ``path`` by ``browser`` (token read now), to run later."""
    form = {"csrf_token": browser.csrf(PAGE if path.startswith(PAGE) else path), **data}
    return lambda: browser.client.post(path, data=form, follow_redirects=True)


def _pending_application(app, mobile: str) -> int:
    with app.extensions["db_factory"]() as session, session.begin():
        account = session.scalar(select(Account).where(Account.mobile == mobile))
        application = account.memberships[-1]
        session.execute(update(Membership).where(Membership.id == application.id)
                        .values(status=PENDING, reason=None, decided_by_id=None))
        return application.id


def test_simultaneous_approve_and_reject_decide_once(as_user, accounts, app) -> None:
    school = [as_user(accounts.school_admin) for _ in range(2)]
    unit = [as_user(accounts.grad_admin) for _ in range(2)]
    for _ in range(ROUNDS):
        application_id = _pending_application(app, accounts.pending)
        approve, reject = f"{PAGE}/{application_id}/approve", f"{PAGE}/{application_id}/reject"
        calls = [*(poster(b, approve) for b in school),
                 *(poster(b, reject, reason="请重新申请") for b in unit)]
        pages = [r.get_data(as_text=True) for r in run_together(calls)]
        decided = [p for p in pages if "的加入申请" in p and ("已通过" in p or "已驳回" in p)]
        assert len(decided) == 1, [re.findall(r"<div class=\"flash[^>]*>([^<]*)", p) or p[-300:] for p in pages]
        assert sum("该申请已处理" in p for p in pages) == len(calls) - 1
        with app.extensions["db_factory"]() as session:
            stored = session.get(Membership, application_id)
        assert stored.status == ("approved" if "已通过" in decided[0] else "rejected")


def test_parallel_wrong_passwords_get_only_the_attempts_left(new_browser, accounts,
                                                              monkeypatch) -> None:
    """After 4 of 5 failures, a burst of 9 wrong passwords and the right one: one is checked."""
    checked = []
    real = auth.verify_password
    monkeypatch.setattr(auth, "verify_password", lambda *a: checked.append(1) or real(*a))
    first = new_browser()
    for _ in range(4):
        first.login(accounts.grad_admin, "WrongPass1")
    burst = [new_browser() for _ in range(10)]
    calls = [poster(b, "/login", account=accounts.grad_admin, password="WrongPass1")
             for b in burst[:-1]]
    calls.append(poster(burst[-1], "/login", account=accounts.grad_admin,
                        password=burst[-1].password))
    responses = run_together(calls)
    assert len(checked) == 4 + 1
    logged_in = [r.request.path != "/login" for r in responses]  # redirects were followed
    assert sum(logged_in) <= 1
    if not any(logged_in):  # a wrong password took the last attempt: the right one is too late
        late = new_browser().login(accounts.grad_admin)
        assert late.status_code == 400 and "已临时锁定" in late.get_data(as_text=True)


def test_parallel_wrong_registration_codes_kill_the_code(new_browser) -> None:
    """30 parallel wrong codes: five guesses in all, then even the right code is refused."""
    mobile = "13912340002"
    sender = new_browser()
    assert sender.submit("/register", {"mobile": mobile, "action": "send_code"}).status_code == 200
    real = sender.sms_code(mobile)
    wrong = "000000" if real != "000000" else "111111"
    form = {"mobile": mobile, "password": "Passw0rd123", "confirm": "Passw0rd123",
            "action": "register"}
    calls = [poster(new_browser(), "/register", **form, sms_code=wrong) for _ in range(30)]
    assert all(r.status_code == 400 for r in run_together(calls))
    late = sender.submit("/register", {**form, "sms_code": real})
    assert late.status_code == 400
    assert "短信验证码错误或已过期" in late.get_data(as_text=True)


def test_parallel_code_requests_send_one_sms(new_browser) -> None:
    """8 parallel 获取验证码 for one number: one code is sent, the others are told to wait."""
    mobile = "13912340003"
    calls = [poster(new_browser(), "/register", mobile=mobile, action="send_code")
             for _ in range(8)]
    pages = [r.get_data(as_text=True) for r in run_together(calls)]
    outbox = new_browser().client.get(f"/__mock__/sms?phone={mobile}").get_json()
    assert len(outbox) == 1
    assert sum("秒后再重新获取" in p for p in pages) == 7


def test_parallel_applications_make_one(new_browser, app) -> None:
    """提交申请 in four tabs at once: one pending application, the others are told so."""
    first = new_browser()
    first.new_staff("13912340004")
    base = "/mainList/organization/join"
    first.submit(base, {"business": "学生资助", "invite_code": "1685953300117"})
    first.submit(f"{base}/department", {"department": "08", "stage": "研究生", "action": "next"})
    tabs = [first]
    for _ in range(3):
        tab = new_browser()
        tab.client.set_cookie(COOKIE, first.client.get_cookie(COOKIE).value)
        tabs.append(tab)
    unit = demo_units().graduate_unit
    calls = [poster(tab, f"{base}/unit", unit=unit, identity="管理员", action="submit")
             for tab in tabs]
    pages = [r.get_data(as_text=True) for r in run_together(calls)]
    with app.extensions["db_factory"]() as session:
        account = session.scalar(select(Account).where(Account.mobile == "13912340004"))
        assert [m.status for m in account.memberships] == [PENDING]
    assert sum("已提交加入申请" in p for p in pages) == 1
    assert sum("不能重复申请" in p for p in pages) == 3
