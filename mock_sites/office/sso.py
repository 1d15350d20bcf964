"""The 基层就业系统's calls to this site (docs/architecture.md, "Cross-site contract: SSO").

- ``POST /api/sso/verify``: check a staff login (account and password);
- ``POST /api/sso/grants``: the same answer for an account, without the password: jcjy re-checks
  a logged-in reviewer's grant with it (a grant the unit admin removed ends their session).

Both take the service token in ``X-Service-Token``: only the jcjy site may ask.
"""

from __future__ import annotations

from flask import Blueprint, Response, jsonify, request
from flask.typing import ResponseReturnValue
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from ..common import params
from ..common.db import db
from ..common.site import current_config
from .auth import WRONG_CREDENTIALS, authenticate
from .models import SCHOOL_ADMIN, Account
from .organization import describe

bp = Blueprint("sso", __name__, url_prefix="/api/sso")


@bp.before_request
def _service_token() -> tuple[Response, int] | None:
    if not params.same_token(request.headers.get("X-Service-Token"), current_config().service_token):
        return jsonify(ok=False, error="服务令牌无效"), 403
    return None


def _strings(*names: str) -> list[str] | None:
    """The request body's string fields ``names``, or None when the body is not of that form."""
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        return None
    values = [body.get(name) for name in names]
    return values if all(isinstance(v, str) for v in values) else None


def _bad_request() -> tuple[Response, int]:
    return jsonify(ok=False, error="请求格式无效"), 400


@bp.post("/verify")
def verify() -> ResponseReturnValue:
    fields = _strings("account", "password")
    if fields is None:
        return _bad_request()
    account, message = authenticate(*fields)
    if account is None:
        status = 401 if message == WRONG_CREDENTIALS else 423
        return jsonify(ok=False, error=message), status
    return _identity(account)


@bp.post("/grants")
def grants() -> ResponseReturnValue:
    fields = _strings("account")
    if fields is None:
        return _bad_request()
    account = db().scalar(select(Account).options(joinedload(Account.memberships))
                          .where(Account.mobile == fields[0].strip()))
    if account is None:
        return jsonify(ok=False, error="账号不存在"), 404
    return _identity(account)


def _identity(account: Account) -> Response:
    """Who ``account`` is and what it may do in the 基层就业系统 (the contract's 200 answer)."""
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
