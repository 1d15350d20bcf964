"""``POST /api/sso/verify``: the 基层就业系统 checks a staff login against this site."""

from __future__ import annotations

from flask import Blueprint, jsonify, request

from ..common import params
from ..common.site import current_config
from .auth import WRONG_CREDENTIALS, authenticate
from .models import SCHOOL_ADMIN
from .organization import describe

bp = Blueprint("sso", __name__, url_prefix="/api/sso")


@bp.post("/verify")
def verify():  # noqa: ANN201
    if not params.same_token(request.headers.get("X-Service-Token"), current_config().service_token):
        return jsonify(ok=False, error="服务令牌无效"), 403
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        return jsonify(ok=False, error="请求格式无效"), 400
    account_name, password = body.get("account"), body.get("password")
    if not isinstance(account_name, str) or not isinstance(password, str):
        return jsonify(ok=False, error="请求格式无效"), 400
    account, message = authenticate(account_name, password)
    if account is None:
        status = 401 if message == WRONG_CREDENTIALS else 423
        return jsonify(ok=False, error=message), status
    membership = account.approved
    has_unit = membership is not None and membership.identity != SCHOOL_ADMIN
    info = describe(membership) if has_unit else {}
    return jsonify(
        ok=True,
        account=account.mobile,
        name=account.name,
        unit_code=membership.unit_code if has_unit else None,
        unit_name=info.get("unit"),
        department=info.get("department"),
        systems=list(membership.systems) if has_unit else [],
        roles=list(membership.roles) if has_unit else [],
    )
