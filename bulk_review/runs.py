"""A whole apply run: the worksheet checked offline, then against the reviewer and the site,
then applied; nothing is submitted while a problem remains."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from flows.listing import ALL, walk_list

from .apply import Applier, RowOutcome, RunStopped
from .export import EVIDENCE, reviewer_hash
from .journal import journal_path, opened, state_of
from .report import write_report
from .site import SiteSession
from .validation import Plan, Problem, check_reviewer, check_sheet, check_site
from .worksheet import read_worksheet


@dataclass
class ApplyResult:
    problems: list[Problem] = field(default_factory=list)
    outcomes: list[RowOutcome] = field(default_factory=list)
    report: Path | None = None
    stopped: str = ""
    kind: str = ""  # what the file was read as


def check_offline(worksheet: Path) -> tuple[Plan, str]:
    """The worksheet against its export in the journal (WorksheetError: not a worksheet)."""
    sheet = read_worksheet(worksheet)
    journal = journal_path(worksheet)
    if not journal.exists():
        problem = Problem(2, "导出编号", f"找不到审核日志“{journal.name}”：请把工作表放回导出时的目录")
        return Plan(None, [], [problem]), sheet.kind
    with opened(journal) as log:
        return check_sheet(sheet, log), sheet.kind


def apply_worksheet(session: SiteSession, worksheet: Path, dry_run: bool) -> ApplyResult:
    plan, kind = check_offline(worksheet)
    result = ApplyResult(list(plan.problems), kind=kind)
    if plan.problems or plan.export is None:
        return result
    session.log_in()
    first_row = plan.decisions[0].row if plan.decisions else 2
    result.problems += check_reviewer(
        plan.export, reviewer_hash(session.reviewer.credentials.account), session.unit, first_row)
    if result.problems:
        return result
    with opened(journal_path(worksheet)) as log:
        events = log.events(plan.export.export_id)
        states = {d.application_no: state_of(events.get(d.application_no, [])) for d in plan.decisions}
        listed = {row.application_no: (row.status, row.submitted_at)
                  for row, _ in walk_list(session.page, session.url, ALL, session.retrying)}
        result.problems += check_site(plan.decisions, listed, states)
        if result.problems:
            return result
        evidence = worksheet.resolve().parent / EVIDENCE
        applier = Applier(session, log, plan.export.export_id, evidence, dry_run)
        try:
            result.outcomes = applier.run(plan.decisions)
        except RunStopped as exc:
            result.stopped = str(exc)
        result.report = write_report(worksheet.resolve().parent, worksheet, result.outcomes or applier.done,
                                     evidence, dry_run, result.stopped)
    return result
