"""The apply journal: append-only, and a row's state read from its events."""

from __future__ import annotations

import sqlite3

import pytest
from review_support import EXPORT, export_worksheet

from bulk_review.journal import (
    DONE,
    FAILED,
    IN_DOUBT,
    INTENT,
    REFUSED,
    SAVED,
    TODO,
    UNKNOWN,
    Draft,
    DraftRow,
    Export,
    ExportedRow,
    journal_path,
    opened,
)

ROW = "JY2025000001"


@pytest.fixture
def journal(tmp_path):
    sheet = export_worksheet(tmp_path)
    with opened(journal_path(sheet.xlsx)) as log:
        yield log


@pytest.mark.parametrize(("kinds", "state"), [
    ((), TODO),
    ((FAILED,), TODO),  # nothing reached 确定: try again
    ((INTENT,), IN_DOUBT),  # killed between 确定 and the answer: look at the site first
    ((INTENT, UNKNOWN), IN_DOUBT),  # a 5xx or time-out after 确定
    ((INTENT, SAVED), DONE),
    ((INTENT, UNKNOWN, SAVED), DONE),  # the check on the site found it saved
    ((INTENT, REFUSED), REFUSED),
    ((INTENT, UNKNOWN, INTENT, SAVED), DONE),  # still 待审核 on the site: submitted again
])
def test_state_from_events(journal, kinds, state):
    for kind in kinds:
        journal.record(EXPORT, ROW, kind, "通过")
    assert journal.state(EXPORT, ROW) == state


def test_events_cannot_be_changed_or_removed(journal):
    journal.record(EXPORT, ROW, INTENT, "通过")
    db = sqlite3.connect(journal.path)
    with pytest.raises(sqlite3.IntegrityError, match="只能追加"):
        db.execute("UPDATE events SET kind = 'saved'")
    with pytest.raises(sqlite3.IntegrityError, match="只能追加"):
        db.execute("DELETE FROM events")
    db.close()


def test_unknown_kind_is_refused(journal):
    with pytest.raises(sqlite3.IntegrityError):
        journal.record(EXPORT, ROW, "done?", "通过")


def test_export_rows_keep_what_was_exported(journal):
    rows = journal.exported_rows(EXPORT)
    assert rows[ROW].exported["申请编号"] == ROW and "审核结果" not in rows[ROW].exported


def _draft(export_id: str, worksheet: str = "审核表.xlsx", status: str = "待审核",
           reviewer: str = "r1", started: str = "2026-12-04T10:00:00") -> Draft:
    return Draft(export_id, "k" * 64, reviewer, "http://127.0.0.1:5001", status, worksheet, started)


def _draft_row(application_no: str) -> DraftRow:
    exported = ExportedRow(application_no, f"/review/{application_no}", "待审核", "2026-11-01 10:00",
                           "d" * 64, "张三", {"申请编号": application_no})
    return DraftRow({"申请编号": application_no, "备注": "缴费票据金额与申请金额不一致"}, exported)


def test_an_interrupted_export_is_found_again_with_its_rows(journal):
    journal.start_draft(_draft("old", started="2026-12-04T09:00:00"))
    journal.start_draft(_draft("latest"))
    journal.start_draft(_draft("other-sheet", worksheet="另一份.xlsx"))
    journal.start_draft(_draft("all", status="all"))
    journal.start_draft(_draft("other-reviewer", reviewer="r2"))
    for no in ("JY1", "JY2"):
        journal.save_draft_row("latest", _draft_row(no))
    journal.save_draft_row("latest", _draft_row("JY2"))  # read again after a retry: kept once
    found = journal.draft_for("r1", "待审核", "审核表.xlsx")
    assert found is not None and found.export_id == "latest" and found.key == "k" * 64
    assert journal.draft_for("r3", "待审核", "审核表.xlsx") is None
    rows = journal.draft_rows("latest")
    assert list(rows) == ["JY1", "JY2"] and rows["JY2"] == _draft_row("JY2")


def test_the_finished_export_replaces_its_draft(journal):
    journal.start_draft(_draft("x1"))
    journal.save_draft_row("x1", _draft_row("JY1"))
    rows = journal.draft_rows("x1")
    journal.save_export(Export("x1", "k" * 64, "r1", "138****0011 张三", "某大学", "http://s",
                               "2026-12-04T10:05:00", "test", "待审核", "审核表.xlsx"),
                        [r.exported for r in rows.values()])
    assert journal.draft_for("r1", "待审核", "审核表.xlsx") is None and journal.draft_rows("x1") == {}
    assert list(journal.exported_rows("x1")) == ["JY1"]


def test_a_fresh_export_drops_the_draft(journal):
    journal.start_draft(_draft("x2"))
    journal.save_draft_row("x2", _draft_row("JY1"))
    journal.drop_draft("x2")
    assert journal.draft_for("r1", "待审核", "审核表.xlsx") is None and journal.draft_rows("x2") == {}
