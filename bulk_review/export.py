"""`jcjy review export`: every application of 申请名单审核 read from its 详情, its proofs saved
and checked, written to a worksheet the reviewer fills (and the export kept in the journal)."""

from __future__ import annotations

import hashlib
import secrets
from collections import Counter, deque
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from flows.errors import ApplicationError
from flows.evidence import (
    ProofReading,
    browser_fetch,
    read_in_background,
    read_materials,
    session_fetch,
)
from flows.listing import ALL, walk_list
from pages.jcjy import PENDING

from . import checks
from .columns import EXPORT_ID, FINGERPRINT, REMARK, RESULT, SUGGESTION, row_values
from .fingerprint import new_key, row_fingerprint
from .journal import Draft, DraftRow, Export, ExportedRow, Journal, journal_path, now, opened
from .progress import progress_bar
from .reading import PageReading, read_page
from .site import SiteSession
from .worksheet import ExportInfo, write_csv, write_xlsx

EVIDENCE = "evidence"
STATUS_CHOICES = (PENDING, "all")
#: How many applications' proofs may wait to be fetched and read before the
#: browser waits for them.
PROOFS_AHEAD = 8


@dataclass(frozen=True)
class ExportResult:
    worksheet: Path
    csv: Path | None
    rows: int
    counts: dict[str, int]
    evidence: Path
    journal: Path
    resumed: int  # rows taken over from an export that had been interrupted


def reviewer_hash(account: str) -> str:
    """How the journal knows a reviewer without keeping the account in clear."""
    return hashlib.sha256(account.encode()).hexdigest()


def export(session: SiteSession, out: Path, status: str, tool_version: str, with_csv: bool,
           fresh: bool = False) -> ExportResult:
    """Log in, walk the list, read every 详情, write ``out`` (and its CSV twin).

    Each row read is kept in the journal's draft at once: an export of the same worksheet by the
    same reviewer that was interrupted (Ctrl-C, a kill, a crash) goes on where it stopped, unless
    ``fresh``. Rows no longer listed on the site are left out, as a new export would."""
    session.log_in()
    shown_status = ALL if status == "all" else status  # the list's own word for "all"
    listed = list(walk_list(session.page, session.url, shown_status, session.retrying))
    account_hash = reviewer_hash(session.reviewer.credentials.account)
    evidence = out.parent / EVIDENCE
    journal = journal_path(out)
    with opened(journal) as log:
        draft = log.draft_for(account_hash, status, out.name)
        if draft is not None and fresh:
            log.drop_draft(draft.export_id)
            draft = None
        if draft is None:
            draft = Draft(datetime.now().strftime("%Y%m%d%H%M%S") + secrets.token_hex(2), new_key(),
                          account_hash, session.url, status, out.name, now())
            log.start_draft(draft)
        done = log.draft_rows(draft.export_id)
        resumed = sum(1 for row, _ in listed if row.application_no in done)
        _read_all(session, [(row, path) for row, path in listed if row.application_no not in done],
                  draft, evidence, log, done, len(listed), resumed)
        rows = [done[row.application_no] for row, _ in listed]
        info = ExportInfo(
            draft.export_id, f"{session.reviewer.account_label} {session.name}".strip(), session.unit,
            session.url, now(), tool_version, shown_status,
        )
        values = [row.values for row in rows]
        write_xlsx(out, info, values, list(checks.RULES))
        csv_path = out.with_suffix(".csv") if with_csv else None
        if csv_path is not None:
            write_csv(csv_path, values)
        log.save_export(Export(
            draft.export_id, draft.key, account_hash, info.reviewer, info.unit, info.site_url,
            info.exported_at, tool_version, info.status_filter, out.name,
        ), [row.exported for row in rows])
    counts = dict(Counter(row[SUGGESTION] for row in values))
    return ExportResult(out, csv_path, len(rows), counts, evidence, journal, resumed)


def _read_all(session: SiteSession, listed: list, draft: Draft, evidence: Path, log: Journal,
              done: dict[str, DraftRow], total: int, resumed: int) -> None:
    """Each listed 详情 read, its proofs fetched and read, its row kept in the draft (``done``)."""
    with progress_bar() as bar:
        task = bar.add_task("导出申请", total=total, completed=resumed)
        # The browser reads the next 详情 while the proofs of the last ones are fetched and read.
        reading: deque[tuple[str, PageReading, Future[list[ProofReading]]]] = deque()

        def finish_oldest() -> None:
            path, page, future = reading.popleft()
            try:
                proofs = future.result()
            except ApplicationError:  # e.g. the login expired meanwhile: again, in the browser
                proofs = session.retrying(
                    f"读取申请 {page.application_no} 的证明材料",
                    lambda: read_materials(browser_fetch(session.page, session.url),
                                           page.shown.materials, page.keep(evidence)))
            row = _row(page, proofs, path, draft)
            log.save_draft_row(draft.export_id, row)
            done[row.exported.application_no] = row
            bar.advance(task)

        for row, path in listed:
            session.next_application()
            page = session.retrying(
                f"读取申请 {row.application_no}",
                lambda path=path: read_page(session.open_detail(path)))
            fetch = session_fetch(session.page, session.url)
            reading.append((path, page, read_in_background(fetch, page.shown.materials, page.keep(evidence))))
            while reading and (reading[0][2].done() or len(reading) > PROOFS_AHEAD):
                finish_oldest()
        while reading:
            finish_oldest()


def _row(page: PageReading, proofs: list[ProofReading], path: str, draft: Draft) -> DraftRow:
    """The worksheet row of one application (fingerprinted) and what the journal keeps of it."""
    record = page.record(proofs)
    assessment = checks.assess(record)
    values = row_values(record, assessment)
    values.update({
        RESULT: "", REMARK: assessment.remark, EXPORT_ID: draft.export_id,
        FINGERPRINT: row_fingerprint(draft.key, draft.export_id, values),
    })
    state = page.shown.state()
    return DraftRow(values, ExportedRow(
        record.application_id, path, state.review_status, state.submitted_at, state.digest,
        record.fields.get("姓名", ""), {h: values[h] for h in values if h not in (RESULT, REMARK)},
    ))
