"""Bridge between the generator's dataclasses (cases.py) and the tables: seeding, rebuilding."""

from __future__ import annotations

import json
from datetime import timedelta

from sqlalchemy import insert
from sqlalchemy.orm import Session

from ..common import clock
from ..common.config import MockConfig
from .cases import Application
from .generator import generate_applications
from .models import (
    PENDING,
    ApplicationRecord,
    MaterialRecord,
    Student,
    YearPaymentRecord,
)
from .rules import judge

# Columns copied one to one from cases.Application.
COPIED = (
    "student_name", "student_no", "id_number", "phone", "unit_code", "unit_name",
    "department_name", "stage", "degree", "schooling_years", "graduation_year", "directed",
    "commissioned", "tuition_waived", "employer_name", "employer_type", "province", "city",
    "county", "town", "location_level", "post", "service_years", "contract_type",
    "application_type",
)


def judgement_columns(app: Application) -> dict:
    """系统判断结果 of the declared data, as column values."""
    result = judge(app)
    detail = {"reasons": result.reasons, "notes": result.notes, "cap_per_year": result.cap_per_year}
    return {
        "claimed_total": app.claimed_total,
        "judge_result": result.result,
        "judge_detail": json.dumps(detail, ensure_ascii=False),
        "approved_amount": result.approved_amount,
        "payload": json.dumps(app.to_dict(), ensure_ascii=False),
    }


def to_case(record: ApplicationRecord) -> Application:
    """The application as cases.Application (for rules.judge and materials.render_material)."""
    return Application.from_dict(json.loads(record.payload))


def store_applications(db: Session, apps: list[Application]) -> None:
    """Insert generated applications in bulk (executemany; 5000 in a few seconds)."""
    students: dict[str, int] = {}
    student_rows: list[dict] = []
    app_rows: list[dict] = []
    year_rows: list[dict] = []
    material_rows: list[dict] = []
    start = clock.now().replace(microsecond=0) - timedelta(minutes=len(apps))
    for app_id, app in enumerate(apps, start=1):
        if app.phone not in students:
            students[app.phone] = len(students) + 1
            student_rows.append({"id": students[app.phone], "phone": app.phone,
                                 "name": app.student_name, "student_no": app.student_no})
        app_rows.append({
            "id": app_id, "student_id": students[app.phone],
            **{name: getattr(app, name) for name in COPIED},
            **judgement_columns(app),
            "status": PENDING, "version": 1,
            "submitted_at": start + timedelta(minutes=app_id),
        })
        year_rows.extend({
            "application_id": app_id, "seq": y.year_index,
            "school_year": app.academic_year(y.year_index), "claimed_amount": y.claimed_amount,
            "receipt_amount": y.receipt_amount, "loan_principal": y.loan_principal,
        } for y in app.years)
        material_rows.extend({
            "application_id": app_id, "seq": seq, "kind": m.kind, "title": m.title,
            "year_index": m.year_index,
        } for seq, m in enumerate(app.materials, start=1))
    for model, rows in ((Student, student_rows), (ApplicationRecord, app_rows),
                        (YearPaymentRecord, year_rows), (MaterialRecord, material_rows)):
        if rows:
            db.execute(insert(model), rows)


def seed(db: Session, config: MockConfig) -> None:
    """Add ``config.applications`` generated applications to an empty database."""
    store_applications(db, generate_applications(config.seed, config.applications))
