"""The mock-only control surface under /__mock__/ (JSON, never part of the real sites)."""

from __future__ import annotations

from flask import Blueprint, Response, current_app, jsonify, request
from flask.typing import ResponseReturnValue
from sqlalchemy import select

from .db import db, reseed
from .faults import faults as current_faults
from .sms import SmsMessageMixin
from .throttle import reset_throttles


def control_blueprint(site: str, sms_model: type[SmsMessageMixin]) -> Blueprint:
    bp = Blueprint("mock_control", __name__, url_prefix="/__mock__")

    @bp.get("/health")
    def health() -> Response:
        return jsonify(ok=True, site=site)

    @bp.get("/sms")
    def sms() -> Response:
        rows = db().scalars(select(sms_model).order_by(sms_model.id)).all()
        phone = request.args.get("phone")
        return jsonify([r.as_dict() for r in rows if not phone or r.phone == phone])

    @bp.post("/reset")
    def reset() -> Response:
        reseed(current_app)
        reset_throttles(current_app)
        return jsonify(ok=True)

    @bp.route("/faults", methods=["GET", "POST"])
    def faults() -> ResponseReturnValue:
        current = current_faults()
        if request.method == "POST":
            try:
                current.update(request.get_json(force=True, silent=True) or {})
            except ValueError as exc:
                return jsonify(ok=False, error=str(exc)), 400
        return jsonify(current.as_dict())

    return bp
