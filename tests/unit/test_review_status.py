"""`jcjy review status`: what the journal says of each filled row (done, in doubt, refused,
failed, left), read without a site; unfilled rows are not counted."""

from __future__ import annotations

import openpyxl
import pytest
from review_support import EXPORT, export_worksheet

from bulk_review.columns import HEADERS
from bulk_review.journal import FAILED, INTENT, REFUSED, SAVED, UNKNOWN, journal_path, opened
from bulk_review.status import read_status
from jcjy_cli.main import main

ROWS = {  # 申请编号: the journal's events for it
    "JY2025000001": (INTENT, SAVED),
    "JY2025000002": (INTENT, UNKNOWN),
    "JY2025000003": (INTENT, REFUSED),
    "JY2025000004": (FAILED,),
    "JY2025000005": (),
}


@pytest.fixture
def sheet(tmp_path):
    exported = export_worksheet(tmp_path, count=6)
    wb = openpyxl.load_workbook(exported.xlsx)
    ws = wb["审核表"]
    for row in range(2, 7):  # 申请编号 …0001 to …0005 filled, …0006 left empty
        ws.cell(row, HEADERS.index("审核结果") + 1).value = "通过"
    wb.save(exported.xlsx)
    with opened(journal_path(exported.xlsx)) as log:
        for number, kinds in ROWS.items():
            for kind in kinds:
                log.record(EXPORT, number, kind, "通过", message=f"{number} {kind} 的原因")
    return exported.xlsx


def test_status_reads_each_filled_row_from_the_journal(sheet):
    status = read_status(sheet)
    assert (status.export_id, status.filled) == (EXPORT, 5)
    assert status.done == ["JY2025000001"] and status.in_doubt == ["JY2025000002"]
    assert status.refused == [("JY2025000003", "JY2025000003 refused 的原因")]
    assert status.failed == [("JY2025000004", "JY2025000004 failed 的原因")]
    assert status.left == ["JY2025000005"]


def test_status_command_prints_every_group(sheet, capsys):
    assert main(["review", "status", str(sheet)]) == 0
    out = capsys.readouterr().out
    assert f"导出编号 {EXPORT}：已填写审核结果 5 行" in out
    assert "已完成 1 行" in out and "结果待核对" in out and "JY2025000002" in out
    assert "JY2025000003：JY2025000003 refused 的原因" in out
    assert "JY2025000004：JY2025000004 failed 的原因" in out and "剩余（尚未提交）1 行" in out


def test_status_without_its_journal_says_so(sheet, tmp_path, capsys):
    moved = tmp_path / "elsewhere" / sheet.name
    moved.parent.mkdir()
    moved.write_bytes(sheet.read_bytes())
    assert main(["review", "status", str(moved)]) == 2
    assert "找不到审核日志" in capsys.readouterr().err
