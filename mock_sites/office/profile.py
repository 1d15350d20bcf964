"""填写个人信息 (also the menu item 个人信息)."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue

from ..common import validators as v
from ..common.db import db
from ..common.masking import mask_id
from .access import login_required, user

bp = Blueprint("profile", __name__)

FIELDS = ("name", "title", "office_phone", "email")


def _name(value: str) -> str | None:
    if not value:
        return "请填写姓名"
    if len(value) < 2:
        return "姓名至少需要2个字符"
    return v.plain_text(value, "姓名", 20)


def _title(value: str) -> str | None:
    return v.required(value, "职务") or v.plain_text(value, "职务", 50)


@bp.route("/profile", methods=["GET", "POST"])
@login_required(profile=False)
def edit() -> ResponseReturnValue:
    account = user()
    first_time = not account.profile_complete
    if request.method == "GET":
        values = {f: getattr(account, f) or "" for f in FIELDS}
        return render_template(
            "office/profile.html", values=values, errors={}, masked_id=mask_id(account.id_number)
        )
    values = {f: request.form.get(f, "").strip() for f in FIELDS}
    id_number = request.form.get("id_number", "").strip().upper()
    errors = v.collect({
        "name": _name(values["name"]),
        # Once stored, an empty field keeps the stored number (it is never shown unmasked).
        "id_number": v.id_number(id_number) if id_number or first_time else None,
        "title": _title(values["title"]),
        "office_phone": v.office_phone(values["office_phone"]),
        "email": v.email(values["email"]),
    })
    if errors:
        return render_template(
            "office/profile.html", values=values, errors=errors,
            masked_id=mask_id(account.id_number),
        ), 400
    for f in FIELDS:
        setattr(account, f, values[f])
    if id_number:
        account.id_number = id_number
    db().commit()
    flash("个人信息已保存", "success")
    return redirect(url_for("organization.overview"))
