"""A worksheet exported without a site: synthetic applications, written and journalled as
`jcjy review export` writes them."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from test_checks import FIELDS, YEARS

from bulk_review import checks
from bulk_review.columns import EXPORT_ID, FINGERPRINT, REMARK, RESULT, row_values
from bulk_review.export import reviewer_hash
from bulk_review.fingerprint import new_key, row_fingerprint
from bulk_review.journal import Export, ExportedRow, journal_path, opened
from bulk_review.record import ApplicationRecord
from bulk_review.worksheet import ExportInfo, write_csv, write_xlsx
from flows.evidence import TEXT, ProofReading
from pages.jcjy import ELIGIBLE, PENDING

EXPORT = "20261203000000abcd"
ACCOUNT = "13800000011"


def record(n: int, name: str = "张三", paid: int = 8000) -> ApplicationRecord:
    return ApplicationRecord(
        application_id=f"JY2025{n:06d}",
        fields={**FIELDS, "申请编号": f"JY2025{n:06d}", "姓名": name, "学号": f"2022{n:08d}",
                "培养单位": "计算所", "提交时间": "2026-12-03 07:00:00",
                "申请总额（元）": "8,000.00", "就业单位": "=HYPERLINK(\"http://x\")"},
        claimed={YEARS[0]: Decimal(8000)},
        proofs=[ProofReading(f"缴费票据（{YEARS[0]}学年）", Decimal(paid), TEXT, 1.0)],
        system_result=ELIGIBLE, system_reasons=[], review_status=PENDING,
    )


@dataclass
class Exported:
    xlsx: Path
    csv: Path
    rows: list[dict[str, str]]


def export_worksheet(folder: Path, count: int = 4) -> Exported:
    key = new_key()
    rows, exported = [], []
    for n in range(1, count + 1):
        rec = record(n, paid=8000 if n % 2 else 7000)
        assessment = checks.assess(rec)
        values = row_values(rec, assessment)
        values.update({RESULT: "", REMARK: assessment.remark, EXPORT_ID: EXPORT,
                       FINGERPRINT: row_fingerprint(key, EXPORT, values)})
        rows.append(values)
        exported.append(ExportedRow(rec.application_id, f"/review/applications/{n}", PENDING,
                                    "2026-12-03 07:00:00", "d", rec.fields["姓名"],
                                    {h: v for h, v in values.items() if h not in (RESULT, REMARK)}))
    info = ExportInfo(EXPORT, "138****0011 郭文", "计算所", "http://x", "2026-12-03T08:00:00", "0.1.0", "待审核")
    xlsx = folder / "审核表.xlsx"
    write_xlsx(xlsx, info, rows, list(checks.RULES))
    write_csv(folder / "审核表.csv", rows)
    with opened(journal_path(xlsx)) as log:
        log.save_export(Export(EXPORT, key, reviewer_hash(ACCOUNT), info.reviewer, info.unit,
                               info.site_url, info.exported_at, "0.1.0", "待审核", xlsx.name), exported)
    return Exported(xlsx, folder / "审核表.csv", rows)
