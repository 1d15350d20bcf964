"""Student side: SMS-code login, own applications, correction and 重新提交 after a rejection."""

from __future__ import annotations

import hmac

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from sqlalchemy import delete, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload

from ..common import clock, params, sms_codes
from ..common.client_captcha import client_captcha, client_captcha_refusal
from ..common.db import db
from ..common.hashing import keyed_digest
from ..common.logins import start_login_session
from ..common.message import message_page
from ..common.sms import SmsGatewayError, check_gateway, send_sms
from ..common.throttle import (
    client_login_full,
    client_login_passed,
    client_login_take,
    client_sms_full,
    client_sms_refund,
    client_sms_take,
)
from ..common.validators import mobile
from ..common.validators import required as required_check
from .access import STUDENT, current_user, student_required
from .models import (
    PENDING,
    REJECTED,
    ApplicationRecord,
    LoginCode,
    SmsMessage,
    Student,
    YearPaymentRecord,
)
from .store import judgement_columns, to_case

bp = Blueprint("student", __name__, url_prefix="/student")
MAX_AMOUNT = 100_000
EXPIRED = "短信验证码已失效，请重新获取"


def _digest(phone: str, code: str) -> str:
    return keyed_digest(f"{phone}:{code}")


def _reserve(phone: str, code: str) -> bool:
    """Make ``code`` the phone's code unless one younger than ``RESEND_AFTER`` exists, each way
    in one statement (SQLite runs it under its write lock: of parallel requests, one wins)."""
    session, now = db(), clock.now()
    values = {"code_hash": _digest(phone, code), "sent_at": now, "attempts": 0}
    renewed = session.execute(
        update(LoginCode).where(LoginCode.phone == phone,
                                LoginCode.sent_at <= now - sms_codes.RESEND_AFTER)
        .values(values).execution_options(synchronize_session=False)
    ).rowcount
    if not renewed:
        try:  # the first code of this phone
            session.execute(insert(LoginCode).values(phone=phone, **values))
        except IntegrityError:  # it has one, and too young
            session.rollback()
            return False
    session.commit()
    return True


@bp.route("/login", methods=["GET", "POST"])
def login() -> ResponseReturnValue:
    if request.method == "GET":
        return _form("")
    phone = request.form.get("phone", "").strip()
    if request.form.get("action") == "send":
        return _send_code(phone)
    code = request.form.get("sms_code", "").strip()
    errors = {k: v for k, v in {
        "phone": mobile(phone, "手机号"),
        "sms_code": required_check(code, "短信验证码"),
    }.items() if v}
    if not errors:
        errors = _attempt(phone, code)
    if errors:
        return _form(phone, errors, status=400)
    student = db().scalar(select(Student).where(Student.phone == phone))
    if student is None:  # cannot happen: only a student's phone is sent a code
        return _form(phone, {"sms_code": EXPIRED}, status=400)
    start_login_session({"kind": STUDENT, "student_id": student.id, "name": student.name})
    return redirect(url_for("student.applications"))


def _form(phone: str, errors: dict[str, str] | None = None, sent: str = "",
          status: int = 200) -> tuple[str, int]:
    """学生登录, with the 图形验证码 when this client must answer it (client_captcha)."""
    return render_template("jcjy/student_login.html", phone=phone, errors=errors or {},
                           sent=sent, captcha=client_captcha()), status


def _attempt(phone: str, code: str) -> dict[str, str]:
    """One login attempt of this client (counted before anything is checked); {} when it passes.
    A wrong 图形验证码 is a failed attempt that takes no guess at the SMS code."""
    failures_before = client_login_take()
    if failures_before is None:
        return {"form": client_login_full()}
    if refusal := client_captcha_refusal(failures_before=failures_before):
        return {"captcha": refusal}
    errors = _check_code(phone, code)
    if not errors:
        client_login_passed()
    return errors


def _send_code(phone: str) -> tuple[str, int]:
    """获取验证码. Any well-formed number gets the same answer (and the same resend timer), so
    nobody learns whether it has applied; only a student's phone receives a code."""
    session = db()
    error = mobile(phone, "手机号")
    last = None if error else session.get(LoginCode, phone)
    error = error or sms_codes.resend_refusal(last.sent_at if last else None)
    if error:
        return _form(phone, {"phone": error}, status=400)
    sms_before = client_sms_take()
    if sms_before is None:
        return _form(phone, {"phone": client_sms_full()}, status=400)
    if refusal := client_captcha_refusal(sms_before=sms_before):
        client_sms_refund()  # nothing is sent
        return _form(phone, {"captcha": refusal}, status=400)
    code = sms_codes.new_code()
    if not _reserve(phone, code):  # a parallel request was first
        last = session.get(LoginCode, phone, populate_existing=True)
        return _form(phone, {"phone": sms_codes.resend_refusal(last.sent_at if last else None)
                             or sms_codes.SEND_FAILED}, status=400)
    try:
        if session.scalar(select(Student.id).where(Student.phone == phone)) is None:
            check_gateway()  # nobody to tell: the code is never sent, so never right
        else:
            send_sms(session, SmsMessage, phone,
                     f"【基层就业资助】您的登录验证码为{code}，{sms_codes.VALIDITY}。如非本人操作，请忽略本短信。")
        session.commit()
    except SmsGatewayError:
        session.rollback()
        session.execute(delete(LoginCode).where(LoginCode.phone == phone))  # may be asked again
        session.commit()
        return _form(phone, {"form": sms_codes.SEND_FAILED}, status=503)
    return _form(phone, sent=sms_codes.sent_notice(phone))


def _check_code(phone: str, code: str) -> dict[str, str]:
    session = db()
    entry = session.get(LoginCode, phone)
    if entry is None or sms_codes.expired(entry.sent_at):
        return {"sms_code": EXPIRED}
    sent = (LoginCode.phone == phone, LoginCode.sent_at == entry.sent_at)  # this code, not a newer
    if not sms_codes.take_guess(session, LoginCode.attempts, *sent):
        return {"sms_code": "短信验证码错误次数过多，请重新获取"}
    digest = _digest(phone, code)
    if not hmac.compare_digest(entry.code_hash, digest):
        return {"sms_code": "短信验证码错误"}
    # Single use: of two right guesses at once, one deletes the code and the other finds none.
    used = session.execute(delete(LoginCode).where(*sent, LoginCode.code_hash == digest)).rowcount
    session.commit()
    return {} if used == 1 else {"sms_code": EXPIRED}


@bp.get("/applications")
@student_required
def applications() -> tuple[str, int]:
    return _page()


def _page(errors: dict[int, dict[str, str]] | None = None, status: int = 200) -> tuple[str, int]:
    rows = db().scalars(
        select(ApplicationRecord).where(ApplicationRecord.student_id == current_user().student_id)
        .options(selectinload(ApplicationRecord.years), selectinload(ApplicationRecord.decisions))
        .order_by(ApplicationRecord.id)
    ).all()
    return render_template("jcjy/student_applications.html", apps=rows, errors=errors or {},
                           rejected=REJECTED, values=request.form), status


@bp.post("/applications/<row_id:app_id>/resubmit")
@student_required
def resubmit(app_id: int) -> ResponseReturnValue:
    session = db()
    record = session.scalar(
        select(ApplicationRecord).where(ApplicationRecord.id == app_id)
        .options(selectinload(ApplicationRecord.years))
    )
    if record is None or record.student_id != current_user().student_id:
        return message_page(403, "无权访问", "您没有权限访问该申请。",
                            back_url=url_for("student.applications"))
    if record.status != REJECTED:
        flash("该申请当前不是“院系审核不通过”状态，无需重新提交", "warning")
        return redirect(url_for("student.applications"))
    amounts, errors = _read_amounts(record)
    if errors:
        return _page({record.id: errors}, 400)
    case = to_case(record)
    for year in case.years:
        year.claimed_amount = amounts[year.year_index]
    changed = session.execute(
        update(ApplicationRecord)
        .where(ApplicationRecord.id == record.id, ApplicationRecord.status == REJECTED,
               ApplicationRecord.version == record.version)
        .values(status=PENDING, version=ApplicationRecord.version + 1,
                submitted_at=clock.now(), **judgement_columns(case))
        .execution_options(synchronize_session=False)
    ).rowcount
    if changed != 1:
        session.rollback()
        flash("申请状态已变化，本次提交未保存，请刷新后重试", "error")
        return redirect(url_for("student.applications"))
    for year in record.years:
        session.execute(update(YearPaymentRecord).where(YearPaymentRecord.id == year.id)
                        .values(claimed_amount=amounts[year.seq]))
    session.commit()
    flash("已重新提交，请等待院系审核", "success")
    return redirect(url_for("student.applications"))


def _read_amounts(record: ApplicationRecord) -> tuple[dict[int, int], dict[str, str]]:
    amounts: dict[int, int] = {}
    errors: dict[str, str] = {}
    for year in record.years:
        name = f"amount_{year.seq}"
        label = f"{year.school_year}学年申请金额（元）"
        raw = request.form.get(name, "").strip()
        amount = params.amount_yuan(raw)
        if not raw:
            errors[name] = f"请填写{label}"
        elif amount is None:
            errors[name] = f"{label}须为整数金额（元）"
        elif not 0 < amount <= MAX_AMOUNT:
            errors[name] = f"{label}须大于0且不超过{MAX_AMOUNT}元"
        else:
            amounts[year.seq] = amount
    return amounts, errors


