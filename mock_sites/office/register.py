"""注册账户: mobile number, SMS code (获取验证码), password."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from sqlalchemy import delete, exists, insert, literal, select, update
from sqlalchemy.exc import IntegrityError

from ..common import clock, params, sms_codes
from ..common import validators as v
from ..common.client_captcha import client_captcha, client_captcha_refusal
from ..common.db import db
from ..common.hashing import hash_password
from ..common.sms import SmsGatewayError, send_sms
from ..common.throttle import client_sms_full, client_sms_refund, client_sms_take
from .auth import log_in
from .models import Account, SmsCode, SmsMessage

bp = Blueprint("register", __name__)

SMS_TEXT = f"【全国学生资助办公系统】您的注册验证码为{{code}}，{sms_codes.VALIDITY}。"
DUPLICATE = "该手机号已注册，请直接登录"
WRONG_CODE = "短信验证码错误或已过期"


def _registered(mobile: str) -> bool:
    return db().scalar(select(Account.id).where(Account.mobile == mobile)) is not None


def _latest_code(mobile: str) -> SmsCode | None:
    return db().scalar(
        select(SmsCode).where(SmsCode.phone == mobile).order_by(SmsCode.id.desc()).limit(1)
    )


def _send_code(mobile: str) -> dict[str, str]:
    """Send a registration code; {} on success, else {field: message}."""
    error = v.mobile(mobile)
    if error:
        return {"mobile": error}
    # A registered number gets its code too: whether it is registered is told only to whoever
    # holds the phone (on 注册 with the right code), never to someone trying numbers.
    latest = _latest_code(mobile)
    if refusal := sms_codes.resend_refusal(latest.sent_at if latest else None):
        return {"sms_code": refusal}
    sms_before = client_sms_take()
    if sms_before is None:
        return {"sms_code": client_sms_full()}
    if refusal := client_captcha_refusal(sms_before=sms_before):
        client_sms_refund()  # nothing is sent
        return {"captcha": refusal}
    code = sms_codes.new_code()
    reserved = _reserve(mobile, code)
    if reserved is None:  # a parallel request was first
        latest = _latest_code(mobile)
        return {"sms_code": sms_codes.resend_refusal(latest.sent_at if latest else None)
                or sms_codes.SEND_FAILED}
    session = db()
    try:
        send_sms(session, SmsMessage, mobile, SMS_TEXT.format(code=code))
    except SmsGatewayError:
        session.rollback()
        session.execute(delete(SmsCode).where(SmsCode.id == reserved))  # may be asked again
        session.commit()
        return {"sms_code": sms_codes.SEND_FAILED}
    session.commit()
    return {}


def _reserve(mobile: str, code: str) -> int | None:
    """Record the code unless one younger than ``RESEND_AFTER`` exists, in one statement (SQLite
    runs it under its write lock: of parallel requests, one wins); its id, or None."""
    now = clock.now()
    recent = select(SmsCode.id).where(
        SmsCode.phone == mobile, SmsCode.sent_at > now - sms_codes.RESEND_AFTER)
    row = select(literal(mobile), literal(code), literal(now), literal(0), literal(False))
    inserted = db().execute(
        insert(SmsCode).from_select(["phone", "code", "sent_at", "failures", "used"],
                                    row.where(~exists(recent))).returning(SmsCode.id)
    ).scalar()
    db().commit()
    return inserted


def _check_code(mobile: str, code: str) -> str | None:
    """Consume the latest code of this number if it matches; else the error message."""
    if not code.strip():
        return "请填写短信验证码"
    latest = _latest_code(mobile)
    if latest is None or latest.used or sms_codes.expired(latest.sent_at):
        return WRONG_CODE
    this_code = (SmsCode.id == latest.id, SmsCode.used.is_(False))
    if not sms_codes.take_guess(db(), SmsCode.failures, *this_code):
        return WRONG_CODE
    if not params.same_token(code.strip(), latest.code):
        return WRONG_CODE
    # Single use: of two right guesses at once, only one marks the code used.
    used = db().execute(update(SmsCode).where(*this_code).values(used=True)).rowcount
    return None if used == 1 else WRONG_CODE


def _validate(mobile: str, password: str, confirm: str) -> dict[str, str]:
    errors = v.collect({
        "mobile": v.mobile(mobile),
        "password": v.password(password),
        "confirm": v.required(confirm, "确认密码"),
    })
    if "password" not in errors and "confirm" not in errors and password != confirm:
        errors["confirm"] = "两次输入的密码不一致"
    return errors


@bp.route("/register", methods=["GET", "POST"])
def register() -> ResponseReturnValue:
    mobile = request.form.get("mobile", "").strip()
    code = request.form.get("sms_code", "").strip()
    errors: dict[str, str] = {}
    if request.method == "POST":
        if request.form.get("action") == "send_code":
            errors = _send_code(mobile)
            if not errors:
                flash(sms_codes.sent_notice(mobile), "success")
                return _form(mobile)
        else:
            password = request.form.get("password", "")
            errors = _validate(mobile, password, request.form.get("confirm", ""))
            if not errors and (refusal := client_captcha_refusal()):
                errors["captcha"] = refusal  # before the code is guessed
            if not errors:
                code_error = _check_code(mobile, code)
                if code_error:
                    errors["sms_code"] = code_error
                elif _registered(mobile):  # told only now, to the holder of the phone
                    errors["mobile"] = DUPLICATE
            if not errors:
                account = Account(mobile=mobile, password_hash=hash_password(password))
                db().add(account)
                try:
                    db().commit()
                except IntegrityError:  # registered concurrently
                    db().rollback()
                    errors["mobile"] = DUPLICATE
                else:
                    log_in(account)
                    flash("注册成功，请填写个人信息", "success")
                    return redirect(url_for("profile.edit"))
    return _form(mobile, errors)


def _form(mobile: str, errors: dict[str, str] | None = None) -> tuple[str, int]:
    """注册账户, with the 图形验证码 when this client must answer it (client_captcha). The SMS
    code is never echoed back (like the passwords)."""
    return render_template("office/register.html", errors=errors or {}, mobile=mobile,
                           captcha=client_captcha()), 400 if errors else 200
