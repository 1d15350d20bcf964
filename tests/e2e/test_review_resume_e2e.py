"""`jcjy review export` killed halfway (SIGKILL: no clean-up) and run again: it goes on where it
stopped, and the worksheet lists every 待审核 application once, fingerprinted, as one export."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from e2e_support import GRADUATE_REVIEWER

from bulk_review.journal import journal_path
from bulk_review.runs import check_offline
from bulk_review.worksheet import read_worksheet
from flows.listing import walk_list
from pages.jcjy import PENDING

#: Rows read before the kill.
KILL_AFTER_ROWS = 2
DEADLINE_S = 180


def _draft_rows(out: Path) -> int:
    journal = journal_path(out)
    if not journal.exists():
        return 0
    with sqlite3.connect(journal, timeout=30) as db:
        try:
            return db.execute("SELECT count(*) FROM draft_rows").fetchone()[0]
        except sqlite3.OperationalError:  # the schema is not written yet
            return 0


def test_export_killed_midway_goes_on_where_it_stopped(mock_sites, signed_in, tmp_path):
    out = tmp_path / "review" / "审核表.xlsx"
    cmd = [sys.executable, "-m", "jcjy_cli", "review", "export", "--out", str(out),
           "--jcjy-url", mock_sites.urls.jcjy_url]
    env = {**os.environ, "JCJY_REVIEW_ACCOUNT": GRADUATE_REVIEWER,
           "JCJY_REVIEW_PASSWORD": mock_sites.config.demo_password}
    with (tmp_path / "first.log").open("wb") as log:
        first = subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    deadline = time.monotonic() + DEADLINE_S
    try:
        while _draft_rows(out) < KILL_AFTER_ROWS and first.poll() is None:
            assert time.monotonic() < deadline, (tmp_path / "first.log").read_text()
            time.sleep(0.1)  # polling the journal for the condition (another process writes it)
    finally:
        os.killpg(first.pid, signal.SIGKILL)  # the tool and its Firefox, mid-way
        first.wait()
    kept = _draft_rows(out)
    assert first.returncode == -signal.SIGKILL and kept >= KILL_AFTER_ROWS and not out.exists()

    second = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=DEADLINE_S)
    assert second.returncode == 0, second.stdout + second.stderr
    assert f"其中 {kept} 份此前已读取" in second.stdout

    listed = [row.application_no for row, _ in walk_list(
        signed_in(GRADUATE_REVIEWER).page, mock_sites.urls.jcjy_url, PENDING)]
    sheet = read_worksheet(out)
    assert [r.values["申请编号"] for r in sheet.rows] == listed  # all, once, in the site's order
    assert len({r.values["导出编号"] for r in sheet.rows}) == 1
    plan, _ = check_offline(out)
    assert plan.problems == []  # every fingerprint is the one export's
    assert all(any((out.parent / "evidence" / no).iterdir()) for no in listed)
    assert _draft_rows(out) == 0  # the finished export replaced its draft
