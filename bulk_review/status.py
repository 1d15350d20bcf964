"""`jcjy review status`: what the journal says of a worksheet: done, failed and why, left."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .columns import EXPORT_ID, RESULT
from .journal import DONE, FAILED, IN_DOUBT, REFUSED, TODO, journal_path, opened, state_of
from .reading import APPLICATION_NO
from .worksheet import read_worksheet


@dataclass
class Status:
    export_id: str
    filled: int = 0
    done: list[str] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)  # (申请编号, why)
    failed: list[tuple[str, str]] = field(default_factory=list)
    in_doubt: list[str] = field(default_factory=list)
    left: list[str] = field(default_factory=list)


def read_status(worksheet: Path) -> Status:
    sheet = read_worksheet(worksheet)
    export_ids = {r.values.get(EXPORT_ID, "") for r in sheet.rows} - {""}
    if len(export_ids) != 1:
        raise ValueError("工作表中没有（或有多个）导出编号，无法对应审核日志")
    status = Status(export_ids.pop())
    journal = journal_path(worksheet)
    if not journal.exists():
        raise ValueError(f"找不到审核日志：{journal}")
    with opened(journal) as log:
        events = log.events(status.export_id)
    for row in sheet.rows:
        if not row.values.get(RESULT, "").strip():
            continue
        status.filled += 1
        number = row.values.get(APPLICATION_NO, "")
        own = events.get(number, [])
        state = state_of(own)
        if state == DONE:
            status.done.append(number)
        elif state == REFUSED:
            status.refused.append((number, own[-1].message))
        elif state == IN_DOUBT:
            status.in_doubt.append(number)
        elif own and own[-1].kind == FAILED:
            status.failed.append((number, own[-1].message))
        else:
            assert state == TODO
            status.left.append(number)
    return status
