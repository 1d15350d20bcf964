"""`jcjy review apply`: the decisions a reviewer filled, submitted once each, resumably.

Per row: open 详情, settle any earlier attempt on the site (审核状态 and 审核记录), confirm the
application is still 待审核 and unchanged since export, set 审核结果 and 备注, write the intent
to the journal, 确定, read the site's answer and write the outcome. An answer not read (a
server error, a time-out, a login that timed out on 确定) is never followed by a blind second
确定: the next try starts by looking at the site.
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from flows.errors import ApplicationError
from pages.jcjy import ALL_DONE, PENDING, ApplicationDetailPage, StaffLoginPage

from .journal import DONE, FAILED, IN_DOUBT, INTENT, REFUSED, SAVED, UNKNOWN, Journal, state_of
from .progress import progress_bar
from .reading import file_name, site_state
from .site import SiteSession
from .validation import Decision

#: Submissions of one row at most (each after a look at the site).
SUBMIT_ATTEMPTS = 3
#: Rows in a row that fail for technical reasons before the run stops.
MAX_CONSECUTIVE_FAILURES = 5
DECIDE_PATH = "/decide"

# What happened to a row in this run (the report's and the summary's words).
SUBMITTED, CONFIRMED, SKIPPED, BLOCKED, FAILED_ROW, DRY = (
    "已提交", "经站点核对已保存", "跳过（此前已完成）", "未提交（站点拒绝或申请已变化）", "失败", "试运行（未点确定）")


class RunStopped(ApplicationError):
    """Too many rows failed one after another: something is wrong beyond one row."""


@dataclass(frozen=True)
class RowOutcome:
    row: int
    application_no: str
    name: str
    result: str
    remark: str
    outcome: str  # one of the labels above
    message: str
    screenshot: str = ""


@dataclass(frozen=True)
class Answer:
    kind: str  # SAVED, REFUSED or UNKNOWN
    message: str


class Applier:
    def __init__(self, session: SiteSession, journal: Journal, export_id: str, evidence: Path,
                 dry_run: bool) -> None:
        self.session = session
        self.journal = journal
        self.export_id = export_id
        self.evidence = evidence
        self.dry_run = dry_run
        self.done: list[RowOutcome] = []  # the outcomes so far (also when the run stops)

    def run(self, decisions: list[Decision]) -> list[RowOutcome]:
        outcomes = self.done
        failures = 0
        with progress_bar() as bar:
            task = bar.add_task("试运行" if self.dry_run else "提交审核结果", total=len(decisions))
            for decision in decisions:
                self.session.next_application()
                outcome = self.apply_row(decision)
                outcomes.append(outcome)
                bar.advance(task)
                failures = failures + 1 if outcome.outcome == FAILED_ROW else 0
                if failures >= MAX_CONSECUTIVE_FAILURES:
                    raise RunStopped(
                        f"连续 {failures} 行因系统故障失败，已停止（最后一行：{outcome.message}）。"
                        "请检查网络与站点后重新运行，已完成的行不会重复提交")
        return outcomes

    def apply_row(self, d: Decision) -> RowOutcome:
        events = self.journal.events(self.export_id).get(d.application_no, [])
        state = state_of(events)
        if state in (DONE, REFUSED):
            label = SKIPPED if state == DONE else BLOCKED
            return self._outcome(d, label, events[-1].message, events[-1].screenshot)
        try:
            return self._submit(d, state)
        except (ApplicationError, PlaywrightError) as exc:
            if state_of(self.journal.events(self.export_id).get(d.application_no, [])) != IN_DOUBT:
                self._record(d, FAILED, str(exc))  # nothing reached 确定: tried again next run
            return self._outcome(d, FAILED_ROW, str(exc))

    def _submit(self, d: Decision, state: str) -> RowOutcome:
        for _ in range(SUBMIT_ATTEMPTS):
            detail = self.session.detail(d.exported.detail_path, f"打开申请 {d.application_no}")
            site = site_state(detail)
            if state == IN_DOUBT or site.review_status != PENDING:
                settled = self._settle(detail, d, site.review_status)
                if settled is not None:
                    return settled
            if site.digest != d.exported.digest:
                message = "导出后此申请在站点上已变化（学生修改或重新提交），本表结果未提交，请重新导出后审核"
                self._record(d, REFUSED, message)
                return self._outcome(d, BLOCKED, message)
            detail.choose_result(d.result)
            detail.write_remark(d.remark)
            shot = self._screenshot(detail, d)
            if self.dry_run:
                return self._outcome(d, DRY, "校验通过，已填好审核结果（未点确定）", shot)
            self._record(d, INTENT, screenshot=shot)
            answer = self._confirm(detail)
            self._record(d, answer.kind, answer.message, shot)
            if answer.kind == SAVED:
                return self._outcome(d, SUBMITTED, answer.message, shot)
            if answer.kind == REFUSED:
                return self._outcome(d, BLOCKED, answer.message, shot)
            state = IN_DOUBT
        detail = self.session.detail(d.exported.detail_path, f"核对申请 {d.application_no}")
        settled = self._settle(detail, d, detail.review_status())
        if settled is not None:
            return settled
        raise ApplicationError(f"已尝试提交 {SUBMIT_ATTEMPTS} 次仍未得到站点答复，站点上仍为待审核")

    def _settle(self, detail: ApplicationDetailPage, d: Decision, status: str) -> RowOutcome | None:
        """After an answer not read: what the site shows now (None: still 待审核, not saved)."""
        if status == PENDING:
            return None
        last = detail.last_decision()
        if last is not None and last.records(self.session.name, d.result, d.remark):
            message = f"经站点核对：{last.time} 已保存为“{last.label}”（审核记录）"
            self._record(d, SAVED, message)
            return self._outcome(d, CONFIRMED, message)
        who = f"{last.reviewer} {last.time}" if last is not None else "审核记录为空"
        message = f"站点上此申请已是“{status}”（{who}），本表结果未提交"
        self._record(d, REFUSED, message)
        return self._outcome(d, BLOCKED, message)

    def _confirm(self, detail: ApplicationDetailPage) -> Answer:
        """确定, and the site's answer to that one request."""
        page = detail.page
        try:
            with page.expect_response(
                lambda r: r.request.method == "POST" and r.url.endswith(DECIDE_PATH)
            ) as info:
                detail.confirm()
            response = info.value
        except PlaywrightTimeout:
            return Answer(UNKNOWN, "点击确定后未收到站点答复（超时）")
        status = response.status
        location = response.headers.get("x-screen-location") or response.headers.get("location") or ""
        if status in (200, 302, 303) and location:
            if StaffLoginPage.path in location:
                return Answer(UNKNOWN, "点击确定时登录已超时")
            notice = detail.statuses.filter(has_text="已保存").or_(detail.statuses.filter(has_text=ALL_DONE))
            try:
                expect(notice.or_(detail.alerts).first).to_be_visible()
                message = " ".join(m for m in detail.messages() if m) or "已保存"
            except AssertionError:
                message = "已保存（站点已转到下一页）"
            return Answer(SAVED, message)
        if 400 <= status < 500 and status != 401:
            with suppress(AssertionError):
                expect(detail.alerts.first).to_be_visible()
            return Answer(REFUSED, detail.alert_text() or f"站点拒绝（HTTP {status}）")
        return Answer(UNKNOWN, f"站点答复 HTTP {status}，结果未知，将在站点上核对")

    def _screenshot(self, detail: ApplicationDetailPage, d: Decision) -> str:
        folder = self.evidence / file_name(d.application_no)
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"审核-{len(list(folder.glob('审核-*.png'))) + 1:02d}.png"
        try:
            detail.confirm_button.scroll_into_view_if_needed()
            detail.page.screenshot(path=path)
        except PlaywrightError:
            return ""
        return str(path)

    def _record(self, d: Decision, kind: str, message: str = "", screenshot: str = "") -> None:
        if self.dry_run:
            return
        self.journal.record(self.export_id, d.application_no, kind, d.result, d.remark, message, screenshot)

    def _outcome(self, d: Decision, label: str, message: str, screenshot: str = "") -> RowOutcome:
        return RowOutcome(d.row, d.application_no, d.exported.name, d.result, d.remark, label,
                          message, screenshot)
