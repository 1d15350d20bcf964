"""The review worksheet: written safely, read back in every accepted form, and every malformed
one refused whole (row and column named, non-zero exit, nothing reaches a site)."""

from __future__ import annotations

import csv
import io
import shutil
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from review_support import EXPORT, export_worksheet

from bulk_review import checks, worksheet
from bulk_review.columns import HEADERS, citation
from bulk_review.rules import amounts
from bulk_review.runs import check_offline
from bulk_review.sheet_layout import (
    HEADER_ROOM,
    LINE_PT,
    MAX_ROW_PT,
    MAX_WIDTH,
    MIN_WIDTH,
    fitted_width,
    lines_in,
    row_height,
    text_width,
)
from jcjy_cli import review as review_cli
from jcjy_cli.main import main

LONG = "原因" * 101  # 202 characters


@pytest.fixture
def exported(tmp_path: Path):
    return export_worksheet(tmp_path)


@pytest.fixture(autouse=True)
def no_site(monkeypatch: pytest.MonkeyPatch) -> None:
    """A malformed worksheet must be refused before any browser or site is touched."""
    def refuse(*args, **kwargs):
        raise AssertionError("不应访问站点")
    monkeypatch.setattr(review_cli, "_session", refuse)


def edit(path: Path, change: Callable) -> None:
    wb = openpyxl.load_workbook(path)
    ws = wb["审核表"]
    column = {c.value: c.column for c in ws[1]}
    change(ws, column)
    wb.save(path)


def fill(row: int, result: str, remark: str | None = None) -> Callable:
    def change(ws, column):
        ws.cell(row, column["审核结果"]).value = result
        if remark is not None:
            ws.cell(row, column["备注"]).value = remark
    return change


def edit_csv(path: Path, row: int, result: str, remark: str = "", encoding: str = "utf-8-sig") -> None:
    lines = list(csv.reader(io.StringIO(path.read_text("utf-8-sig"), newline="")))
    lines[row - 1][HEADERS.index("审核结果")] = result
    lines[row - 1][HEADERS.index("备注")] = remark
    out = io.StringIO(newline="")
    csv.writer(out).writerows(lines)
    path.write_bytes(out.getvalue().encode(encoding))


def refused(path: Path, capsys: pytest.CaptureFixture, *fragments: str) -> str:
    rc = main(["review", "apply", str(path), "--jcjy-url", "http://127.0.0.1:9"])
    err = capsys.readouterr().err
    assert rc != 0, err
    for fragment in fragments:
        assert fragment in err, err
    return err


# --- writing --------------------------------------------------------------------------------
def test_formula_like_text_is_stored_as_text(exported):
    wb = openpyxl.load_workbook(exported.xlsx)
    ws = wb["审核表"]
    column = {c.value: c.column for c in ws[1]}
    cell = ws.cell(2, column["就业单位"])
    assert cell.data_type == "s" and cell.value.startswith("=HYPERLINK")
    assert "'=HYPERLINK" in exported.csv.read_text("utf-8-sig")


def test_sheet_is_a_tool_for_a_person(exported):
    wb = openpyxl.load_workbook(exported.xlsx)
    ws = wb["审核表"]
    column = {c.value: c.column for c in ws[1]}
    assert ws.freeze_panes == "C2" and ws.protection.sheet
    unlocked = {c.value for c in ws[1] if not ws.cell(2, c.column).protection.locked}
    assert unlocked == {"审核结果", "备注"}
    validation = ws.data_validations.dataValidation[0]
    assert validation.formula1 == '"通过,不通过"'
    assert ws.cell(2, column["审核结果"]).value is None  # never copied from 核查建议
    assert ws.cell(3, column["核查建议"]).value == "不通过" and ws.cell(3, column["备注"]).value
    assert ws.cell(2, column["备注"]).value is None
    for hidden in ("导出编号", "指纹"):
        letter = openpyxl.utils.get_column_letter(column[hidden])
        assert ws.column_dimensions[letter].hidden
    assert wb["导出信息"].sheet_state == "hidden" and "汇总" in wb.sheetnames
    listed = {r[0]: r[1] for r in wb["汇总"].iter_rows(values_only=True) if r}
    assert all(rule in listed for rule in checks.RULES)  # every rule applied, not only those found
    cited = sum(1 for v in exported.rows if citation(amounts.PAID) in v["核查发现"])
    assert cited == 2 and listed[amounts.PAID] == cited  # how many rows each rule was cited in


def test_nothing_is_cut_off(exported):
    """Widths count a Chinese character as two; wrapped cells get rows tall enough for them; the
    reviewer may still widen columns and heighten rows under the protection."""
    wb = openpyxl.load_workbook(exported.xlsx)
    ws = wb["审核表"]
    column = {c.value: openpyxl.utils.get_column_letter(c.column) for c in ws[1]}
    column_of = {c.value: c.column for c in ws[1]}
    width = {h: ws.column_dimensions[letter].width for h, letter in column.items()}
    assert width["学号"] >= len("202200000001") + 1  # every digit shows
    assert width["培养单位"] >= 2 * len("计算所") and width["姓名"] >= 2 * len("张三")
    assert width["服务期限（年）"] >= text_width("服务期限（年）") / 2 + HEADER_ROOM  # two lines and the filter button
    assert ws.row_dimensions[1].height >= 2 * LINE_PT
    for r, values in enumerate(exported.rows, start=2):
        lines = values["核查发现"].count("\n") + 1
        assert ws.row_dimensions[r].height >= lines * LINE_PT, values["核查发现"]
        assert ws.cell(r, column_of["核查发现"]).alignment.wrap_text
        assert not ws.cell(r, column_of["学号"]).alignment.wrap_text  # as wide as it, not broken
    assert not ws.protection.formatColumns and not ws.protection.formatRows
    summary = wb["汇总"]
    assert not summary.protection.formatRows and summary.column_dimensions["B"].width >= 2 * len("计算所")
    for r in range(1, summary.max_row + 1):  # every line as tall as its text wrapped needs
        text = str(summary.cell(r, 1).value or "")
        assert not text or summary.row_dimensions[r].height >= row_height([(text, 60)]), (r, text)


@pytest.mark.parametrize(("text", "width"), [("", 0), ("ab1", 4), ("计算所", 6), ("２０２", 6), ("核查\n发现了", 6), ("20228008010000", 17)])
def test_text_width_counts_wide_characters_twice(text, width):
    assert text_width(text) == width


def test_rows_grow_with_wrapped_lines():
    assert lines_in("一" * 10, 12) == 2 and lines_in("a\nb\nc", 10) == 3
    assert row_height([("一" * 10, 12), ("x", 10)]) == 2 * LINE_PT
    assert row_height([("很长" * 10_000, 20)]) == MAX_ROW_PT
    assert fitted_width("学号", ["2022" * 30]) == MAX_WIDTH and fitted_width("学段", ["硕士"]) == 7 and fitted_width("", ["是"]) == MIN_WIDTH


def test_csv_has_a_bom(exported):
    assert exported.csv.read_bytes().startswith(b"\xef\xbb\xbf")


# --- reading back ---------------------------------------------------------------------------
@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-8", "gbk"])
def test_csv_in_each_encoding_is_read_and_matches(exported, encoding):
    edit_csv(exported.csv, 2, "通过", encoding=encoding)
    plan, kind = check_offline(exported.csv)
    assert plan.problems == []
    assert [(d.row, d.result) for d in plan.decisions] == [(2, "通过")]
    assert kind.startswith("csv")


def test_filled_xlsx_gives_only_filled_rows(exported):
    edit(exported.xlsx, fill(2, "通过"))
    edit(exported.xlsx, fill(3, "不通过"))  # keeps the suggested 备注
    plan, _ = check_offline(exported.xlsx)
    assert plan.problems == []
    assert [(d.row, d.result, bool(d.remark)) for d in plan.decisions] == [(2, "通过", False), (3, "不通过", True)]


# --- malformed: each refused with its row and column ----------------------------------------
def _rename_header(old: str, new: str) -> Callable:
    def change(ws, column):
        ws.cell(1, column[old]).value = new
    return change


CASES: dict[str, tuple[Callable, tuple[str, ...]]] = {
    "缺少列": (_rename_header("备注", "说明"), ("表头", "“备注”列", "缺少此列", "“说明”列")),
    "列名重复": (_rename_header("学段", "学号"), ("表头", "“学号”列", "列名重复")),
    "未知申请编号": (lambda ws, c: setattr(ws.cell(2, c["申请编号"]), "value", "JY9999999999"),
                     ("第 2 行", "“申请编号”列", "不在本次导出中")),
    "审核结果不合法": (fill(2, "同意"), ("第 2 行", "“审核结果”列", "同意")),
    "不通过无备注": (fill(2, "不通过"), ("第 2 行", "“备注”列", "写明原因")),
    "备注过长": (fill(2, "不通过", LONG), ("第 2 行", "“备注”列", "200")),
    "备注含标签": (fill(2, "不通过", "<script>alert(1)</script>"), ("第 2 行", "“备注”列", "HTML")),
    "备注含实体": (fill(2, "不通过", "票据不符&#60;"), ("第 2 行", "“备注”列", "HTML")),
    "审核结果是公式": (fill(2, '=IF(1,"通过","不通过")'), ("第 2 行", "“审核结果”列", "公式")),
    "备注是公式": (fill(2, "不通过", "=A1&B1"), ("第 2 行", "“备注”列", "公式")),
    "备注以@开头": (fill(2, "不通过", "@SUM(A1)"), ("第 2 行", "“备注”列", "公式")),
    "导出内容被修改": (lambda ws, c: setattr(ws.cell(3, c["申请总额（元）"]), "value", "1.00"),
                       ("第 3 行", "“申请总额（元）”列", "指纹")),
    "核查建议被修改": (lambda ws, c: setattr(ws.cell(3, c["核查建议"]), "value", "通过"),
                       ("第 3 行", "“核查建议”列", "指纹")),
    "指纹被修改": (lambda ws, c: setattr(ws.cell(2, c["指纹"]), "value", "0" * 32),
                   ("第 2 行", "“指纹”列", "指纹")),
    "其他导出": (lambda ws, c: [setattr(ws.cell(r, c["导出编号"]), "value", "20250101000000ffff")
                                for r in range(2, ws.max_row + 1)], ("第 2 行", "“导出编号”列", "找不到导出记录")),
    "拼接两个导出": (lambda ws, c: setattr(ws.cell(4, c["导出编号"]), "value", "20250101000000ffff"),
                     ("第 4 行", "“导出编号”列", "不同的导出")),
    "重复行": (lambda ws, c: ws.append([ws.cell(2, i).value for i in range(1, len(HEADERS) + 1)]),
               ("第 6 行", "“申请编号”列", "重复")),
    "只有表头": (lambda ws, c: ws.delete_rows(2, ws.max_row), ("第 2 行", "没有任何申请行")),
}


@pytest.mark.parametrize("case", list(CASES))
def test_malformed_xlsx_is_refused(exported, capsys, case):
    change, fragments = CASES[case]
    edit(exported.xlsx, fill(5, "通过"))  # a good row too: still nothing is submitted
    edit(exported.xlsx, change)
    refused(exported.xlsx, capsys, "未提交任何结果", *fragments)


def test_every_problem_is_listed_at_once(exported, capsys):
    edit(exported.xlsx, fill(2, "同意"))
    edit(exported.xlsx, fill(3, "不通过", LONG))
    err = refused(exported.xlsx, capsys, "2 处问题")
    assert "第 2 行" in err and "第 3 行" in err


def test_csv_formula_in_remark_is_refused(exported, capsys):
    edit_csv(exported.csv, 2, "不通过", "+cmd|' /C calc'!A0")
    refused(exported.csv, capsys, "第 2 行", "“备注”列", "公式")


def test_gbk_csv_with_a_control_character_is_refused(exported, capsys):
    edit_csv(exported.csv, 2, "不通过", "票据\x07不符", encoding="gbk")
    refused(exported.csv, capsys, "第 2 行", "“备注”列", "控制字符")


def test_empty_file_is_refused(exported, capsys):
    exported.xlsx.write_bytes(b"")
    refused(exported.xlsx, capsys, "文件为空")


def test_other_kind_renamed_to_xlsx_is_refused(exported, capsys):
    exported.xlsx.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    refused(exported.xlsx, capsys, "不是 xlsx 工作簿")


def test_a_zip_that_is_not_a_workbook_is_refused(exported, capsys, tmp_path):
    archive = shutil.make_archive(str(tmp_path / "a"), "zip", root_dir=tmp_path, base_dir="evidence" if (tmp_path / "evidence").exists() else ".")
    exported.xlsx.write_bytes(Path(archive).read_bytes())
    refused(exported.xlsx, capsys, "不是 xlsx 工作簿")


def test_binary_renamed_to_csv_is_refused(exported, capsys):
    exported.csv.write_bytes(b"\x00\x01\x02PK\x00")
    refused(exported.csv, capsys, "不是文本文件")


def test_huge_file_is_refused(exported, capsys, monkeypatch):
    monkeypatch.setattr(worksheet, "MAX_BYTES", 1024)
    refused(exported.xlsx, capsys, "文件过大")


def test_too_many_rows_are_refused(exported, capsys, monkeypatch):
    monkeypatch.setattr(worksheet, "MAX_ROWS", 2)
    refused(exported.xlsx, capsys, "行数过多")


def test_other_file_type_is_refused(exported, capsys, tmp_path):
    other = tmp_path / "审核表.txt"
    other.write_text("x")
    refused(other, capsys, "只接受 .xlsx 或 .csv")


def test_sheet_moved_away_from_its_journal_is_refused(exported, capsys, tmp_path):
    moved = tmp_path / "elsewhere"
    moved.mkdir()
    target = moved / "审核表.xlsx"
    shutil.copy(exported.xlsx, target)
    refused(target, capsys, "“导出编号”列", "找不到审核日志")


def test_export_id_is_in_every_row(exported):
    rows = worksheet.read_worksheet(exported.xlsx).rows
    assert {r.values["导出编号"] for r in rows} == {EXPORT}
