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
