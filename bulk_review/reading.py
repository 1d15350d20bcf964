"""One application read whole from its 详情: what it shows, its proofs saved and read, and a
digest of what the reviewer saw (to tell later whether it changed on the site)."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from flows.errors import ApplicationError
from flows.evidence import download_material, read_proof, states_paid_amount
from pages.jcjy import ApplicationDetailPage

from .record import ApplicationRecord

#: Items of 详情 that name the application and when it was (re)submitted.
APPLICATION_NO, SUBMITTED_AT = "申请编号", "提交时间"
_UNSAFE_NAME = re.compile(r"[^\w\-（）.]+")


@dataclass(frozen=True)
class SiteState:
    """What tells whether an application changed on the site: 审核状态, 提交时间, and a digest of
    everything 详情 shows (its items, the claim, the materials, 审核记录)."""

    review_status: str
    submitted_at: str
    digest: str


def site_state(detail: ApplicationDetailPage) -> SiteState:
    """The application's state as its 详情 shows it now (one read per part of the screen)."""
    fields = detail.fields()
    seen = {
        "fields": fields,
        "claimed": {year: str(value) for year, value in detail.claimed_amounts().items()},
        "materials": list(detail.materials()),
        "history": detail.history_rows(),
        "status": detail.review_status(),
    }
    digest = hashlib.sha256(json.dumps(seen, ensure_ascii=False, sort_keys=True).encode()).hexdigest()
    return SiteState(seen["status"], fields.get(SUBMITTED_AT, ""), digest)


def file_name(title: str) -> str:
    """A file name for a material titled ``title`` (its words kept, path characters not)."""
    return _UNSAFE_NAME.sub("_", title).strip("_")[:80] or "材料"


def read_record(detail: ApplicationDetailPage, evidence_dir: Path) -> tuple[ApplicationRecord, SiteState]:
    """Everything 详情 shows, each proof saved to ``evidence_dir/<申请编号>/`` and those that
    state a payment read."""
    state = site_state(detail)
    fields = detail.fields()
    application_no = fields.get(APPLICATION_NO)
    if not application_no:
        raise ApplicationError("详情页中没有申请编号")
    folder = evidence_dir / file_name(application_no)
    folder.mkdir(parents=True, exist_ok=True)
    proofs = []
    for seq, (title, href) in enumerate(detail.materials().items(), start=1):
        data = download_material(detail.page, detail.base_url, title, href)
        (folder / f"{seq:02d}-{file_name(title)}.pdf").write_bytes(data)
        if states_paid_amount(title):
            proofs.append(read_proof(title, data))
    judgement = detail.system_judgement()
    record = ApplicationRecord(
        application_id=application_no, fields=fields, claimed=detail.claimed_amounts(),
        proofs=proofs, system_result=judgement.result, system_reasons=judgement.reasons,
        review_status=state.review_status,
    )
    return record, state
