"""The HTML report of an apply run, beside the worksheet: counts, every row's outcome, each
failure with its reason, links to its screenshot and its evidence."""

from __future__ import annotations

import os
from collections import Counter
from datetime import datetime
from html import escape
from pathlib import Path

from .apply import RowOutcome
from .reading import file_name

REPORT_NAME = "审核报告.html"
_STYLE = """body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}
td,th{border:1px solid #ccc;padding:4px 8px;vertical-align:top}th{background:#eef3fa}
.失败,.未提交{background:#fde2e2}"""


def _link(target: str, folder: Path, label: str) -> str:
    if not target:
        return ""
    href = os.path.relpath(target, folder)
    return f'<a href="{escape(Path(href).as_posix())}">{escape(label)}</a>'


def write_report(folder: Path, worksheet: Path, outcomes: list[RowOutcome], evidence: Path,
                 dry_run: bool, stopped: str = "") -> Path:
    path = folder / REPORT_NAME
    counts = Counter(o.outcome for o in outcomes)
    rows = []
    for o in outcomes:
        css = "失败" if o.outcome.startswith("失败") else ("未提交" if o.outcome.startswith("未提交") else "")
        rows.append(
            f'<tr class="{css}"><td>{o.row}</td><td>{escape(o.application_no)}</td><td>{escape(o.name)}</td>'
            f"<td>{escape(o.result)}</td><td>{escape(o.remark)}</td><td>{escape(o.outcome)}</td>"
            f"<td>{escape(o.message)}</td><td>{_link(o.screenshot, folder, '截图')}</td>"
            f"<td>{_link(str(evidence / file_name(o.application_no)), folder, '证明材料')}</td></tr>")
    summary = "".join(f"<li>{escape(k)}：{v}</li>" for k, v in counts.items())
    title = "审核结果提交报告" + ("（试运行）" if dry_run else "")
    path.write_text(
        f'<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>{title}</title>'
        f"<style>{_STYLE}</style><h1>{title}</h1>"
        f"<p>工作表：{escape(worksheet.name)}；生成时间：{datetime.now():%Y-%m-%d %H:%M:%S}</p>"
        + (f'<p role="alert">{escape(stopped)}</p>' if stopped else "")
        + f"<h2>统计</h2><ul><li>已填写审核结果的行：{len(outcomes)}</li>{summary}</ul>"
        "<h2>各行结果</h2><table><tr><th>行</th><th>申请编号</th><th>姓名</th><th>审核结果</th>"
        "<th>备注</th><th>结果</th><th>说明</th><th>截图</th><th>证明材料</th></tr>"
        + "".join(rows) + "</table></html>", "utf-8")
    return path
