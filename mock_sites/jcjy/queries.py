"""Reviewer-scoped queries: the filtered, paginated list, one application, the next one to do."""

from __future__ import annotations

import math
from dataclasses import dataclass

from flask import abort
from sqlalchemy import ColumnElement, and_, case, func, or_, select
from sqlalchemy.orm import Session, defer, selectinload

from ..common.params import page_number
from ..common.validators import plain_text
from .access import CurrentUser
from .models import APPROVED, PENDING, REJECTED, ApplicationRecord

PAGE_SIZE = 20
STATUS_FILTERS = {"待审核": PENDING, "审核通过": APPROVED, "审核不通过": REJECTED}


@dataclass(frozen=True)
class ListFilter:
    """The list's GET form (姓名/学号, 学段, 审核状态) and the page number."""

    q: str = ""
    stage: str = ""
    status: str = ""
    page: int = 1

    def args(self, page: int | None = None) -> dict[str, str | int]:
        """Query-string arguments that reproduce this filter (empty ones left out)."""
        values: dict[str, str | int] = {"q": self.q, "stage": self.stage, "status": self.status}
        values = {k: v for k, v in values.items() if v}
        if (page or self.page) > 1:
            values["page"] = page or self.page
        return values


@dataclass(frozen=True)
class ListPage:
    rows: list[ApplicationRecord]
    total: int
    page: int
    pages: int
    pending: int
    offset: int


def parse_filter(args: dict, reviewer: CurrentUser) -> tuple[ListFilter, dict[str, str]]:
    """Read and check the filter; invalid values are dropped and reported per field."""
    errors: dict[str, str] = {}
    q = str(args.get("q", "")).strip()
    if message := plain_text(q, "姓名/学号", 50):
        errors["q"], q = message, ""
    stage = str(args.get("stage", ""))
    if stage and stage not in reviewer.stages:
        errors["stage"], stage = "学段无效，请从列表中选择", ""
    status = str(args.get("status", ""))
    if status and status not in STATUS_FILTERS:
        errors["status"], status = "审核状态无效，请从列表中选择", ""
    page = page_number(args.get("page") or "1")
    if page is None:
        errors["page"], page = "页码无效，已显示第1页", 1
    return ListFilter(q, stage, status, page), errors


def scope(reviewer: CurrentUser) -> list[ColumnElement[bool]]:
    """Server-side scope: the reviewer's own 培养单位 and 学段 only."""
    return [
        ApplicationRecord.unit_code == reviewer.unit_code,
        ApplicationRecord.stage.in_(reviewer.stages),
    ]


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def list_page(db: Session, reviewer: CurrentUser, flt: ListFilter) -> ListPage:
    chosen: list[ColumnElement[bool]] = []  # the filter, inside the reviewer's scope
    if flt.q:
        pattern = f"%{_escape_like(flt.q)}%"
        chosen.append(or_(ApplicationRecord.student_name.like(pattern, escape="\\"),
                          ApplicationRecord.student_no.like(pattern, escape="\\")))
    if flt.stage:
        chosen.append(ApplicationRecord.stage == flt.stage)
    if flt.status:
        chosen.append(ApplicationRecord.status == STATUS_FILTERS[flt.status])
    # Both counts in one pass over the scope: the filtered total, and all 待审核 of the scope.
    total, pending = db.execute(
        select(_count_where(chosen), _count_where([ApplicationRecord.status == PENDING]))
        .where(*scope(reviewer))
    ).one()
    pages = max(1, math.ceil(total / PAGE_SIZE))
    page = min(flt.page, pages)
    offset = (page - 1) * PAGE_SIZE
    rows = list(db.scalars(
        select(ApplicationRecord).options(defer(ApplicationRecord.payload))
        .where(*scope(reviewer), *chosen).order_by(ApplicationRecord.id)
        .limit(PAGE_SIZE).offset(offset)
    ))
    return ListPage(rows, total, page, pages, pending, offset)


def _count_where(conditions: list[ColumnElement[bool]]) -> ColumnElement[int]:
    """How many rows meet all ``conditions`` (every row when there are none)."""
    if not conditions:
        return func.count()
    return func.coalesce(func.sum(case((and_(*conditions), 1), else_=0)), 0)


def get_in_scope(db: Session, reviewer: CurrentUser, app_id: int,
                 full: bool = False) -> ApplicationRecord:
    """The application, or 404 when missing and 403 when outside the reviewer's scope."""
    query = select(ApplicationRecord).where(ApplicationRecord.id == app_id)
    if full:
        query = query.options(
            selectinload(ApplicationRecord.years), selectinload(ApplicationRecord.materials),
            selectinload(ApplicationRecord.decisions),
        )
    record = db.scalar(query)
    if record is None:
        abort(404)
    if record.unit_code != reviewer.unit_code or record.stage not in reviewer.stages:
        abort(403)
    return record


def next_pending(db: Session, reviewer: CurrentUser, after_id: int) -> int | None:
    """The next 待审核 application after ``after_id`` in the scope, wrapping to the first."""
    base = select(func.min(ApplicationRecord.id)).where(
        *scope(reviewer), ApplicationRecord.status == PENDING)
    found = db.scalar(base.where(ApplicationRecord.id > after_id))
    return found if found is not None else db.scalar(base)
