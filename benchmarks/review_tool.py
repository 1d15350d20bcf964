"""`jcjy review` as a reviewer runs it, for the review benchmarks: the CLI in its own process
(its own process group: the tool and its Firefox can be killed together), a worksheet filled as
a person would, and what the site shows afterwards read over plain HTTP (not the journal)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import openpyxl

from bulk_review.columns import HEADERS, REMARK, RESULT
from bulk_review.journal import journal_path, opened
from bulk_review.worksheet import read_worksheet
from harness.mock_control import MockControl
from mock_sites.server import RunningSites
from pages.jcjy import PASSED, REJECTED

from . import scrape, throughput
from .browsing import expect
from .memory import tree_rss_bytes

APPLICATION_NO = "申请编号"
PASS_NOTE = "材料齐全，已核对"
#: Generated applications per one in the reviewer's queue (the demo graduate unit gets 25 %).
APPLICATIONS_PER_REVIEWER = 4


def remark_marker(application_no: str) -> str:
    return f"（申请编号 {application_no}）"


def remark_for(application_no: str) -> str:
    """A 不通过 reason a student reads, unique per application (its SMS can be told apart)."""
    return f"缴费票据金额与申请金额不一致{remark_marker(application_no)}，请核对后重新提交"


def cli(running: RunningSites, *args: str) -> list[str]:
    return [sys.executable, "-m", "jcjy_cli", "review", *args, "--jcjy-url", running.jcjy_url]


def cli_env(running: RunningSites) -> dict[str, str]:
    return {**os.environ, "JCJY_REVIEW_ACCOUNT": throughput.REVIEWER,
            "JCJY_REVIEW_PASSWORD": running.config.demo_password}


def start(running: RunningSites, log: Path, *args: str) -> subprocess.Popen:
    """The CLI in a new session (process group = its pid), output appended to ``log``."""
    with log.open("ab") as out:
        return subprocess.Popen(cli(running, *args), env=cli_env(running), stdout=out,
                                stderr=subprocess.STDOUT, start_new_session=True)


@dataclass(frozen=True)
class Sampled:
    seconds: float
    returncode: int
    samples: list[tuple[float, int, int]]  # (seconds since start, progress count, tree RSS bytes)


def run_sampled(proc: subprocess.Popen, progress: Callable[[], int], interval_s: float = 0.5,
                timeout_s: float = 3600) -> Sampled:
    """Wait for ``proc``, sampling its progress and the RSS of its process tree (tool + browser)."""
    started = time.perf_counter()
    samples: list[tuple[float, int, int]] = []
    while True:
        try:
            proc.wait(timeout=interval_s)
            break
        except subprocess.TimeoutExpired:
            samples.append((time.perf_counter() - started, progress(), tree_rss_bytes(proc.pid)))
            if time.perf_counter() - started > timeout_s:
                proc.kill()
                raise RuntimeError(f"命令运行超过 {timeout_s:.0f} 秒") from None
    return Sampled(time.perf_counter() - started, proc.returncode, samples)


def evidence_count(worksheet: Path) -> int:
    """Applications exported so far (export makes one evidence folder per application)."""
    folder = worksheet.parent / "evidence"
    return sum(1 for _ in folder.iterdir()) if folder.is_dir() else 0


def journal_events(worksheet: Path) -> int:
    """Events in the apply journal so far (read only; 0 before it exists)."""
    path = journal_path(worksheet)
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
        try:
            return int(db.execute("SELECT COUNT(*) FROM events").fetchone()[0])
        finally:
            db.close()
    except sqlite3.Error:
        return 0


def fill(worksheet: Path, plan: Callable[[int, str], tuple[str, str] | None]) -> dict[str, tuple[str, str]]:
    """Fill 审核结果/备注 as ``plan(index, 申请编号)`` says (None: leave the row empty); returns
    {申请编号: (result, remark)} for the filled rows."""
    wb = openpyxl.load_workbook(worksheet)
    ws = wb["审核表"]
    number_col = HEADERS.index(APPLICATION_NO) + 1
    result_col, remark_col = HEADERS.index(RESULT) + 1, HEADERS.index(REMARK) + 1
    filled: dict[str, tuple[str, str]] = {}
    for index, row in enumerate(range(2, ws.max_row + 1)):
        number = str(ws.cell(row, number_col).value)
        decision = plan(index, number)
        if decision is None:
            ws.cell(row, remark_col).value = None  # an empty row: no suggested 备注 left either
            continue
        ws.cell(row, result_col).value, ws.cell(row, remark_col).value = decision[0], decision[1] or None
        filled[number] = decision
    wb.save(worksheet)
    return filled


def mixed_plan(index: int, number: str) -> tuple[str, str] | None:
    """Of every five rows: 通过, 通过 with a 备注, 不通过 twice (a reason each), one left empty."""
    kind = index % 5
    if kind == 4:
        return None
    if kind == 0:
        return (PASSED, "")
    if kind == 1:
        return (PASSED, PASS_NOTE)
    return (REJECTED, remark_for(number))


def detail_paths(worksheet: Path) -> dict[str, str]:
    """{申请编号: 详情 path} of the sheet's export (what was exported, from its journal)."""
    sheet = read_worksheet(worksheet)
    export_id = sheet.rows[0].values["导出编号"]
    with opened(journal_path(worksheet)) as log:
        return {n: r.detail_path for n, r in log.exported_rows(export_id).items()}


def site_histories(running: RunningSites, paths: dict[str, str]) -> dict[str, list[list[str]]]:
    """{申请编号: 审核记录 rows} as 详情 shows them to the reviewer (plain HTTP, faults off)."""
    client, _ = throughput._log_in(running.jcjy_url, running.config.demo_password)
    with closing(client):
        return {number: scrape.history(expect(client.get(path), f"详情 {number}").text)
                for number, path in paths.items()}


def sms_texts(running: RunningSites) -> list[str]:
    """Every text in the jcjy mock's SMS outbox (/__mock__/sms), oldest first."""
    return [m["text"] for m in MockControl(running.jcjy_url).sms()]


def tail(log: Path, lines: int = 15) -> str:
    """The last lines of a command's output (shown when it failed)."""
    return "\n".join(log.read_text("utf-8", errors="replace").splitlines()[-lines:])
