"""申请名单审核: the reviewer's list, the detail page, proof materials and the decision."""

from __future__ import annotations

import json
from io import BytesIO

from flask import (
    Blueprint,
    Response,
    abort,
    flash,
    redirect,
    render_template,
    request,
    send_file,
    url_for,
)
from flask.typing import ResponseReturnValue

from ..common.db import db
from ..common.sms import SmsGatewayError
from . import materials as material_pdfs
from .access import current_user, staff_required
from .cases import Application, Material
from .decisions import (
    SMS_FAILED,
    DecisionForm,
    StaleDecision,
    already_decided,
    parse_form,
    record_decision,
)
from .grants import grant_refusal
from .models import PENDING, ApplicationRecord
from .queries import STATUS_FILTERS, get_in_scope, list_page, next_pending, parse_filter
from .store import to_case

bp = Blueprint("review", __name__, url_prefix="/review")
ALL_DONE = "所有申请均已审核完毕，暂无待审核的申请"


@bp.get("/applications")
@staff_required
def application_list() -> ResponseReturnValue:
    if request.args.get("reset"):
        return redirect(url_for("review.application_list"))
    reviewer = current_user()
    flt, errors = parse_filter(request.args, reviewer)
    page = list_page(db(), reviewer, flt)
    return render_template(
        "jcjy/review_list.html", menu="review", flt=flt, page=page, errors=errors,
        stage_options=[(s, s) for s in reviewer.stages],
        status_options=[(s, s) for s in STATUS_FILTERS],
    )


@bp.get("/applications/<row_id:app_id>")
@staff_required
def application_detail(app_id: int) -> tuple[str, int]:
    record = get_in_scope(db(), current_user(), app_id, full=True)
    return _detail(record)


def _detail(record: ApplicationRecord, form: DecisionForm | None = None,
            errors: dict[str, str] | None = None, status: int = 200) -> tuple[str, int]:
    detail = json.loads(record.judge_detail)
    return render_template(
        "jcjy/review_detail.html", menu="review", app=record, pending=PENDING,
        reasons=detail.get("reasons", []), notes=detail.get("notes", []),
        cap_per_year=detail.get("cap_per_year"),
        form=form or DecisionForm(), errors=errors or {},
        list_url=url_for("review.application_list"),
    ), status


@bp.get("/applications/<row_id:app_id>/materials/<row_id:seq>")
@staff_required
def material(app_id: int, seq: int) -> Response:
    """The material as a PDF (inline, or as a file with ``?download=1``)."""
    case, proof = _material_in_scope(app_id, seq)
    response = send_file(
        BytesIO(material_pdfs.render_material(case, proof)), mimetype="application/pdf",
        as_attachment=bool(request.args.get("download")),
        download_name=material_pdfs.material_filename(case, proof), max_age=0,
    )
    response.headers["Cache-Control"] = "private, no-store"
    return response


@bp.get("/applications/<row_id:app_id>/materials/<row_id:seq>/preview")
@staff_required
def material_preview(app_id: int, seq: int) -> Response:
    """The material's pages as one image (SVG; the photo of a scan), for the 预览 dialog."""
    case, proof = _material_in_scope(app_id, seq)
    image, mimetype = material_pdfs.render_material_preview(case, proof)
    response = Response(image, mimetype=mimetype)
    response.headers["Cache-Control"] = "private, no-store"
    # Opened on its own, the image is a document: nothing in it may run or load.
    response.headers["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
    return response


def _material_in_scope(app_id: int, seq: int) -> tuple[Application, Material]:
    """Material ``seq`` of an application the reviewer may see (403 or 404 otherwise).

    One query: the materials are those of the stored application (``payload``), numbered from 1
    as on the detail page."""
    case = to_case(get_in_scope(db(), current_user(), app_id))
    if not 1 <= seq <= len(case.materials):
        abort(404)
    return case, case.materials[seq - 1]


@bp.post("/applications/<row_id:app_id>/decide")
@staff_required
def decide(app_id: int) -> ResponseReturnValue:
    if refusal := grant_refusal(always=True):  # a revoked grant decides nothing
        return refusal
    reviewer = current_user()
    session = db()
    record = get_in_scope(session, reviewer, app_id)
    form, errors = parse_form(request.form)
    if reason := already_decided(record):
        return _reload(app_id, form, {"form": reason}, 409)
    if errors:
        return _reload(app_id, form, errors, 400)
    try:
        saved = record_decision(session, reviewer, record, form)
    except StaleDecision as exc:
        return _reload(app_id, DecisionForm(), {"form": str(exc)}, 409)
    except SmsGatewayError:
        return _reload(app_id, form, {"form": SMS_FAILED}, 503)
    flash(saved, "success")
    following = next_pending(session, reviewer, app_id)
    if following is None:
        flash(ALL_DONE, "info")
        return redirect(url_for("review.application_list"))
    return redirect(url_for("review.application_detail", app_id=following))


def _reload(
    app_id: int, form: DecisionForm, errors: dict[str, str], status: int
) -> tuple[str, int]:
    session = db()
    session.expire_all()
    return _detail(get_in_scope(session, current_user(), app_id, full=True), form, errors, status)
