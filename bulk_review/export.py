"""`jcjy review export`: every application of 申请名单审核 read from its 详情, its proofs saved
and checked, written to a worksheet the reviewer fills (and the export kept in the journal)."""

from __future__ import annotations

import hashlib
import secrets
from collections import deque
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from flows.evidence import ProofReading, read_in_background
from flows.listing import ALL, walk_list
from pages.jcjy import PENDING

from . import checks
from .columns import EXPORT_ID, FINGERPRINT, REMARK, RESULT, row_values
from .fingerprint import new_key, row_fingerprint
from .journal import Export, ExportedRow, journal_path, opened
from .progress import progress_bar
from .reading import PageReading, read_page
from .site import SiteSession
from .worksheet import ExportInfo, write_csv, write_xlsx

EVIDENCE = "evidence"
STATUS_CHOICES = (PENDING, "all")
#: How many applications' proofs may wait to be read (their PDFs held in memory) before the
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


def reviewer_hash(account: str) -> str:
    """How the journal knows a reviewer without keeping the account in clear."""
    return hashlib.sha256(account.encode()).hexdigest()


def export(session: SiteSession, out: Path, status: str, tool_version: str, with_csv: bool) -> ExportResult:
    """Log in, walk the list, read every 详情, write ``out`` (and its CSV twin)."""
    session.log_in()
    listed = session.retrying(
        "读取申请名单", lambda: list(walk_list(session.page, session.url, ALL if status == "all" else status)))
    export_id = datetime.now().strftime("%Y%m%d%H%M%S") + secrets.token_hex(2)
    key = new_key()
    evidence = out.parent / EVIDENCE
    rows: list[dict[str, str]] = []
    exported: list[ExportedRow] = []
    with progress_bar() as bar:
        task = bar.add_task("导出申请", total=len(listed))
        # The browser reads the next 详情 while the proofs of the last ones are read (OCR).
        reading: deque[tuple[str, PageReading, Future[list[ProofReading]]]] = deque()

        def finish_oldest() -> None:
            path, page, future = reading.popleft()
            record = page.record(future.result())
            assessment = checks.assess(record)
            values = row_values(record, assessment)
            values.update({
                RESULT: "", REMARK: assessment.remark, EXPORT_ID: export_id,
                FINGERPRINT: row_fingerprint(key, export_id, values),
            })
            rows.append(values)
            state = page.shown.state()
            exported.append(ExportedRow(
                record.application_id, path, state.review_status, state.submitted_at,
                state.digest, record.fields.get("姓名", ""),
                {h: values[h] for h in values if h not in (RESULT, REMARK)},
            ))
            bar.advance(task)

        for row, path in listed:
            page = session.retrying(
                f"读取申请 {row.application_no}",
                lambda path=path: read_page(session.open_detail(path), evidence))
            reading.append((path, page, read_in_background(page.to_read)))
            while reading and (reading[0][2].done() or len(reading) > PROOFS_AHEAD):
                finish_oldest()
        while reading:
            finish_oldest()
    account = session.reviewer.credentials.account
    info = ExportInfo(
        export_id, f"{session.reviewer.account_label} {session.name}".strip(), session.unit,
        session.url, datetime.now().isoformat(timespec="seconds"), tool_version,
        "全部" if status == "all" else status,
    )
    write_xlsx(out, info, rows, list(checks.RULES))
    csv_path = out.with_suffix(".csv") if with_csv else None
    if csv_path is not None:
        write_csv(csv_path, rows)
    journal = journal_path(out)
    with opened(journal) as log:
        log.save_export(Export(
            export_id, key, reviewer_hash(account), info.reviewer, info.unit, info.site_url,
            info.exported_at, tool_version, info.status_filter, out.name,
        ), exported)
    counts: dict[str, int] = {}
    for values in rows:
        counts[values["核查建议"]] = counts.get(values["核查建议"], 0) + 1
    return ExportResult(out, csv_path, len(rows), counts, evidence, journal)
