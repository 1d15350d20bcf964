"""Checking a filled worksheet whole before anything is submitted: every problem, with its row
and column, in Chinese. Nothing is submitted while one remains."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pages.jcjy import PENDING, REJECTED, REVIEW_RESULTS

from .assessment import REMARK_MAX
from .cells import looks_like_formula
from .columns import EXPORT_ID, EXPORTED_HEADERS, FINGERPRINT, HEADERS, REMARK, RESULT
from .fingerprint import matches
from .journal import DONE, IN_DOUBT, REFUSED, Export, ExportedRow, Journal
from .reading import APPLICATION_NO, SUBMITTED_AT
from .worksheet import ReadSheet

#: What 备注 may not hold: it reaches the student as an SMS, as plain words.
MARKUP = re.compile(r"<\s*/?\s*[A-Za-z!?]|javascript:|&#?\w+;", re.IGNORECASE)
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
HEADER_ROW = 1


@dataclass(frozen=True)
class Problem:
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        where = "表头" if self.row == HEADER_ROW else f"第 {self.row} 行"
        return f"{where}，“{self.column}”列：{self.message}"


@dataclass(frozen=True)
class Decision:
    """One filled row: what the reviewer decided, on which exported application."""

    row: int
    application_no: str
    result: str
    remark: str
    exported: ExportedRow


@dataclass
class Plan:
    export: Export | None
    decisions: list[Decision]
    problems: list[Problem]


def check_sheet(sheet: ReadSheet, journal: Journal) -> Plan:
    """Everything that can be checked without the site."""
    problems: list[Problem] = []
    seen_headers: set[str] = set()
    for header in sheet.headers:
        if header in seen_headers:
            problems.append(Problem(HEADER_ROW, header, "列名重复"))
        elif header and header not in HEADERS:
            problems.append(Problem(HEADER_ROW, header, "不是导出的列（请勿增加或改名列）"))
        seen_headers.add(header)
    missing = [h for h in HEADERS if h not in seen_headers]
    problems += [Problem(HEADER_ROW, h, "缺少此列（请勿删除或改名列）") for h in missing]
    if not sheet.rows:
        problems.append(Problem(2, APPLICATION_NO, "工作表中没有任何申请行"))
    if missing:
        return Plan(None, [], problems)
    export = _the_export(sheet, journal, problems)
    if export is None:
        return Plan(None, [], problems)
    exported = journal.exported_rows(export.export_id)
    decisions: list[Decision] = []
    first_row: dict[str, int] = {}
    for row in sheet.rows:
        values, n = row.values, row.number
        number = values.get(APPLICATION_NO, "")
        if number in first_row:
            problems.append(Problem(n, APPLICATION_NO, f"申请编号 {number} 重复（第 {first_row[number]} 行已有）"))
            continue
        first_row[number] = n
        original = exported.get(number)
        if original is None:
            problems.append(Problem(n, APPLICATION_NO, f"申请编号“{number}”不在本次导出中"))
            continue
        if not matches(export.key, export.export_id, values, values.get(FINGERPRINT, "")):
            changed = [h for h in EXPORTED_HEADERS if values.get(h, "") != original.exported.get(h, "")]
            for header in changed or [FINGERPRINT]:
                problems.append(Problem(n, header, "导出的内容被修改（与指纹不符），请恢复原值，只填写“审核结果”和“备注”"))
            continue
        decision = _decision(row.number, values, row.formulas, original, problems)
        if decision is not None:
            decisions.append(decision)
    return Plan(export, decisions, problems)


def _the_export(sheet: ReadSheet, journal: Journal, problems: list[Problem]) -> Export | None:
    ids = {r.values.get(EXPORT_ID, "") for r in sheet.rows}
    if len(ids) > 1:
        row = next(r for r in sheet.rows if r.values.get(EXPORT_ID, "") != sheet.rows[0].values.get(EXPORT_ID, ""))
        problems.append(Problem(row.number, EXPORT_ID, "各行来自不同的导出（请勿拼接多个工作表）"))
        return None
    export_id = ids.pop() if ids else ""
    export = journal.export(export_id) if export_id else None
    if sheet.rows and export is None:
        problems.append(Problem(sheet.rows[0].number, EXPORT_ID,
                                f"找不到导出记录“{export_id}”：此工作表不是在本目录导出的（请放回导出时的目录，与“{journal.path.name}”同在一处）"))
    return export


def _decision(n: int, values: dict[str, str], formulas: set[str], original: ExportedRow,
              problems: list[Problem]) -> Decision | None:
    result, remark = values.get(RESULT, "").strip(), values.get(REMARK, "").strip()
    before = len(problems)
    for header in (RESULT, REMARK):
        if header in formulas or looks_like_formula(values.get(header, "")):
            problems.append(Problem(n, header, "单元格中是公式（以 =、+、-、@ 开头），请填写文字"))
    if len(problems) > before:
        return None
    if result and result not in REVIEW_RESULTS:
        problems.append(Problem(n, RESULT, f"只能填写“{'”或“'.join(REVIEW_RESULTS)}”（或留空），现为“{result}”"))
    if result == REJECTED and not remark:
        problems.append(Problem(n, REMARK, "审核结果为不通过时，须在备注中写明原因（将以短信发送给学生）"))
    if len(remark) > REMARK_MAX:
        problems.append(Problem(n, REMARK, f"备注不能超过 {REMARK_MAX} 个字（现为 {len(remark)} 个字）"))
    if MARKUP.search(remark):
        problems.append(Problem(n, REMARK, "备注不能包含 HTML 标签、脚本或字符实体，请只填写文字"))
    if CONTROL.search(remark):
        problems.append(Problem(n, REMARK, "备注不能包含控制字符，请只填写文字"))
    if result and original.status != PENDING:
        problems.append(Problem(n, RESULT, f"导出时该申请已是“{original.status}”，不能再审核"))
    if len(problems) > before or not result:
        return None
    return Decision(n, values[APPLICATION_NO], result, remark, original)


def check_reviewer(export: Export, reviewer_hash: str, unit: str, row: int) -> list[Problem]:
    """The worksheet must come from this reviewer's own export, for this 培养单位."""
    problems = []
    if export.reviewer_hash != reviewer_hash:
        problems.append(Problem(row, EXPORT_ID, f"此工作表由其他审核人员（{export.reviewer}）导出，不能用当前账号提交"))
    if export.unit != unit:
        problems.append(Problem(row, EXPORT_ID, f"此工作表属于“{export.unit}”，当前账号的培养单位是“{unit}”"))
    return problems


def check_site(decisions: list[Decision], listed: dict[str, tuple[str, str]],
               states: dict[str, str]) -> list[Problem]:
    """Filled rows not yet applied must still be 待审核 and unchanged (提交时间) on the site's
    list; rows this journal has applied (or may have) are settled row by row instead."""
    problems = []
    for d in decisions:
        if states.get(d.application_no) in (DONE, IN_DOUBT, REFUSED):
            continue
        shown = listed.get(d.application_no)
        if shown is None:
            problems.append(Problem(d.row, APPLICATION_NO, "站点的申请名单中已没有此申请"))
        elif shown[0] != PENDING:
            problems.append(Problem(d.row, RESULT, f"导出后此申请已被审核（现为“{shown[0]}”），本表中的结果不会提交"))
        elif shown[1] != d.exported.submitted_at:
            problems.append(Problem(d.row, SUBMITTED_AT, f"导出后学生重新提交了申请（提交时间 {d.exported.submitted_at} → {shown[1]}），请重新导出后审核"))
    return problems
