"""Writing the worksheet (xlsx with openpyxl, optionally CSV in UTF-8 with BOM) and reading a
filled one back (xlsx, or CSV in UTF-8, UTF-8 with BOM or GBK), within bounds."""

from __future__ import annotations

import csv
import io
import zipfile
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from pages.jcjy import REVIEW_RESULTS

from .assessment import NEEDS_PERSON
from .cells import FORMULA_START, escaped, unescaped
from .columns import ALL, FINDINGS, HEADERS, HIDDEN, RESULT, REVIEWER, SUGGESTION, citation
from .sheet_layout import HEADER_LINES, LINE_PT, fitted_width, row_height

SHEET, SUMMARY, META = "审核表", "汇总", "导出信息"
#: Bounds of a worksheet read back: far above any 培养单位's queue, far below what hurts.
MAX_BYTES = 20 * 1024 * 1024
MAX_ROWS = 10_000
CSV_ENCODINGS = ("utf-8-sig", "gbk")
_HEADER_FILL = PatternFill("solid", fgColor="DDE6F2")
_PERSON_FILL = PatternFill("solid", fgColor="FCE4C4")
_REVIEWER_FILL = PatternFill("solid", fgColor="FFF9D6")


class WorksheetError(ValueError):
    """The file cannot be read as a worksheet at all (the message says why, in Chinese)."""


@dataclass(frozen=True)
class ExportInfo:
    """What the hidden 导出信息 sheet says of the export."""

    export_id: str
    reviewer: str  # masked account and name
    unit: str
    site_url: str
    exported_at: str
    tool_version: str
    status_filter: str


META_LABELS = {
    "export_id": "导出编号", "reviewer": "审核人员", "unit": "培养单位", "site_url": "站点地址",
    "exported_at": "导出时间", "tool_version": "工具版本", "status_filter": "审核状态范围",
}


@dataclass
class SheetRow:
    """One data row read back: its row number in the file and its cells by header."""

    number: int
    values: dict[str, str]
    formulas: set[str] = field(default_factory=set)  # headers whose cell holds a formula


@dataclass
class ReadSheet:
    headers: list[str]
    rows: list[SheetRow]
    kind: str  # "xlsx" or "csv (<encoding>)"


# --- writing -------------------------------------------------------------------------------
def _text_cell(cell: object, value: str) -> None:
    cell.value = value  # type: ignore[attr-defined]
    if value.startswith(FORMULA_START):
        cell.data_type = "s"  # type: ignore[attr-defined]  # stored as text, never a formula
        cell.quotePrefix = True  # type: ignore[attr-defined]


def write_xlsx(path: Path, info: ExportInfo, rows: list[dict[str, str]], rules: Iterable[str]) -> None:
    """The worksheet a reviewer fills: ``rows`` are every column of :data:`columns.ALL`."""
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    ws.append(list(HEADERS))
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(vertical="center", wrap_text=True)
    reviewer = {c.header for c in REVIEWER}
    index = {h: i + 1 for i, h in enumerate(HEADERS)}
    widths = {c.header: c.width or fitted_width(c.header, (v.get(c.header, "") for v in rows)) for c in ALL}
    wrapped = {c.header for c in ALL if c.width}  # the others are as wide as what they hold
    for r, values in enumerate(rows, start=2):
        person = values[SUGGESTION] == NEEDS_PERSON
        for header in HEADERS:
            cell = ws.cell(row=r, column=index[header])
            _text_cell(cell, values.get(header, ""))
            cell.alignment = Alignment(vertical="top", wrap_text=header in wrapped)
            if header in reviewer:
                cell.protection = Protection(locked=False)
                cell.fill = _REVIEWER_FILL
            elif person:
                cell.fill = _PERSON_FILL
        ws.row_dimensions[r].height = row_height(
            (values.get(c.header, ""), widths[c.header]) for c in ALL if c.header in wrapped)
    ws.row_dimensions[1].height = LINE_PT * HEADER_LINES
    for column in ALL:
        ws.column_dimensions[get_column_letter(index[column.header])].width = widths[column.header]
    for column in HIDDEN:
        ws.column_dimensions[get_column_letter(index[column.header])].hidden = True
    last = max(len(rows) + 1, 2)
    choice = DataValidation(type="list", formula1='"' + ",".join(REVIEW_RESULTS) + '"',
                            allow_blank=True, showErrorMessage=True, errorTitle="审核结果",
                            error="请选择“通过”或“不通过”（或留空，暂不审核）")
    ws.add_data_validation(choice)
    letter = get_column_letter(index[RESULT])
    choice.add(f"{letter}2:{letter}{last}")
    ws.freeze_panes = "C2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(HEADERS))}{last}"
    ws.protection.sheet = True
    ws.protection.autoFilter = False  # filter, sort, widen columns and heighten rows stay allowed
    ws.protection.sort = False
    ws.protection.formatColumns = False  # (Excel and WPS; LibreOffice refuses it while protected)
    ws.protection.formatRows = False
    _summary(wb.create_sheet(SUMMARY), info, rows, rules)
    meta = wb.create_sheet(META)
    for key, value in asdict(info).items():
        meta.append([META_LABELS[key], value])
    meta.sheet_state = "hidden"
    meta.protection.sheet = True
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)


def _summary(ws: object, info: ExportInfo, rows: list[dict[str, str]], rules: Iterable[str]) -> None:
    counts = Counter(values[SUGGESTION] for values in rows)
    disagree = sum(1 for v in rows if "与系统判断结果" in v[FINDINGS])
    lines: list[list[str | int]] = [
        ["导出时间", info.exported_at], ["培养单位", info.unit], ["审核人员", info.reviewer],
        ["申请总数", len(rows)],
        *([f"核查建议：{s}", counts.get(s, 0)] for s in (*REVIEW_RESULTS, NEEDS_PERSON)),
        ["核查建议与系统判断结果不一致", disagree], [],
        [f"核查所依据的规则（“核查发现”列中以{citation('…')}注明）", "引用此规则的申请数"],
        *([rule, sum(1 for v in rows if citation(rule) in v[FINDINGS])] for rule in rules), [],
        ["说明：核查建议仅供参考。审核结果由审核人员填写，工具不会自动填写或提交未填写的行。"],
    ]
    widths = {"A": 60, "B": fitted_width("", (str(line[1]) for line in lines if len(line) > 1))}
    for row, line in enumerate(lines, start=1):
        for col, value in enumerate(line, start=1):
            cell = ws.cell(row, col, value)  # type: ignore[attr-defined]
            cell.alignment = Alignment(vertical="top", wrap_text=col == 1)
        if line:
            ws.row_dimensions[row].height = row_height([(str(line[0]), widths["A"])])  # type: ignore[attr-defined]
    for letter, width in widths.items():
        ws.column_dimensions[letter].width = width  # type: ignore[attr-defined]
    ws.protection.formatColumns = False  # type: ignore[attr-defined]
    ws.protection.formatRows = False  # type: ignore[attr-defined]
    ws.protection.sheet = True  # type: ignore[attr-defined]


def write_csv(path: Path, rows: list[dict[str, str]]) -> None:
    """The same rows as CSV, UTF-8 with BOM (what Excel and WPS open without garbling)."""
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(HEADERS)
        for values in rows:
            writer.writerow([escaped(values.get(h, "")) for h in HEADERS])


# --- reading -------------------------------------------------------------------------------
def read_worksheet(path: Path) -> ReadSheet:
    """A filled worksheet, whatever of the accepted kinds it is; WorksheetError otherwise."""
    if not path.is_file():
        raise WorksheetError(f"找不到文件：{path}")
    size = path.stat().st_size
    if size == 0:
        raise WorksheetError(f"文件为空：{path.name}")
    if size > MAX_BYTES:
        raise WorksheetError(f"文件过大（{size // 1024 // 1024} MB，上限 {MAX_BYTES // 1024 // 1024} MB）：{path.name}")
    data = path.read_bytes()
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return _read_xlsx(data, path.name)
    if suffix == ".csv":
        return _read_csv(data, path.name)
    raise WorksheetError(f"只接受 .xlsx 或 .csv 文件：{path.name}")


def _read_xlsx(data: bytes, name: str) -> ReadSheet:
    if not data.startswith(b"PK\x03\x04"):
        raise WorksheetError(f"{name} 不是 xlsx 工作簿（可能是其他类型的文件改了扩展名）")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if "xl/workbook.xml" not in archive.namelist():
                raise WorksheetError(f"{name} 不是 xlsx 工作簿（压缩包中没有 xl/workbook.xml）")
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except WorksheetError:
        raise
    except Exception as exc:  # openpyxl raises many kinds on a broken file
        raise WorksheetError(f"{name} 无法作为 xlsx 工作簿打开：{exc}") from None
    ws = wb[SHEET] if SHEET in wb.sheetnames else wb.worksheets[0]
    if (ws.max_row or 0) > MAX_ROWS + 1:
        raise WorksheetError(f"{name} 行数过多（{ws.max_row} 行，上限 {MAX_ROWS} 行）")
    rows = ws.iter_rows()
    try:
        header_cells = next(rows)
    except StopIteration:
        raise WorksheetError(f"{name} 是空的工作表") from None
    headers = [_cell_text(c.value) for c in header_cells]
    while headers and not headers[-1]:
        headers.pop()
    read = []
    for number, cells in enumerate(rows, start=2):
        if number > MAX_ROWS + 1:
            raise WorksheetError(f"{name} 行数过多（上限 {MAX_ROWS} 行）")
        values, formulas = {}, set()
        for header, cell in zip(headers, cells, strict=False):
            if not header:
                continue
            values[header] = _cell_text(cell.value)
            if getattr(cell, "data_type", "") == "f":
                formulas.add(header)
        if any(values.values()):
            read.append(SheetRow(number, values, formulas))
    wb.close()
    return ReadSheet(headers, read, "xlsx")


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).replace("\r\n", "\n").strip()


def _read_csv(data: bytes, name: str) -> ReadSheet:
    if b"\x00" in data[:4096]:
        raise WorksheetError(f"{name} 不是文本文件（可能是其他类型的文件改了扩展名）")
    for encoding in CSV_ENCODINGS:
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise WorksheetError(f"{name} 的编码无法识别（请保存为 UTF-8 或 GBK 编码的 CSV）")
    lines = list(csv.reader(io.StringIO(text, newline="")))
    if len(lines) > MAX_ROWS + 1:
        raise WorksheetError(f"{name} 行数过多（{len(lines) - 1} 行，上限 {MAX_ROWS} 行）")
    if not lines:
        raise WorksheetError(f"{name} 是空的工作表")
    headers = [h.strip() for h in lines[0]]
    read = []
    for number, cells in enumerate(lines[1:], start=2):
        values = {h: unescaped(c.replace("\r\n", "\n").strip()) for h, c in zip(headers, cells, strict=False) if h}
        if any(values.values()):
            read.append(SheetRow(number, values))
    shown = "GBK" if encoding == "gbk" else ("UTF-8-BOM" if data.startswith(b"\xef\xbb\xbf") else "UTF-8")
    return ReadSheet(headers, read, f"csv（{shown}）")
