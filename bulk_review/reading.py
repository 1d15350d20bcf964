"""One application read whole from its 详情: what it shows, its proofs saved and read, and a
digest of what the reviewer saw (to tell later whether it changed on the site)."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from flows.errors import ApplicationError
from flows.evidence import Keep, ProofReading
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


@dataclass(frozen=True)
class Shown:
    """What 详情 shows, read once (one read per part of the screen)."""

    fields: dict[str, str]
    claimed: dict[str, Decimal]
    materials: dict[str, str]  # {材料名称: 下载地址}
    history: list[list[str]]
    status: str

    def state(self) -> SiteState:
        seen = {
            "fields": self.fields,
            "claimed": {year: str(value) for year, value in self.claimed.items()},
            "materials": list(self.materials),
            "history": self.history,
            "status": self.status,
        }
        digest = hashlib.sha256(json.dumps(seen, ensure_ascii=False, sort_keys=True).encode()).hexdigest()
        return SiteState(self.status, self.fields.get(SUBMITTED_AT, ""), digest)


def shown(detail: ApplicationDetailPage) -> Shown:
    return Shown(detail.fields(), detail.claimed_amounts(), detail.materials(),
                 detail.history_rows(), detail.review_status())


def site_state(detail: ApplicationDetailPage) -> SiteState:
    """The application's state as its 详情 shows it now."""
    return shown(detail).state()


def file_name(title: str) -> str:
    """A file name for a material titled ``title`` (its words kept, path characters not)."""
    return _UNSAFE_NAME.sub("_", title).strip("_")[:80] or "材料"


@dataclass(frozen=True)
class PageReading:
    """One 详情 read in the browser; its proofs are fetched, saved and read beside the browser
    (``flows.evidence.read_in_background`` with :meth:`keep`), then :meth:`record` makes the
    record of them."""

    shown: Shown
    application_no: str
    system_result: str
    system_reasons: list[str]

    def keep(self, evidence_dir: Path) -> Keep:
        """Saves each material to ``evidence_dir/<申请编号>/<序号>-<材料名称>.pdf``."""
        folder = evidence_dir / file_name(self.application_no)

        def save(seq: int, title: str, data: bytes) -> None:
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"{seq:02d}-{file_name(title)}.pdf").write_bytes(data)

        return save

    def record(self, proofs: list[ProofReading]) -> ApplicationRecord:
        return ApplicationRecord(
            application_id=self.application_no, fields=self.shown.fields,
            claimed=self.shown.claimed, proofs=proofs, system_result=self.system_result,
            system_reasons=self.system_reasons, review_status=self.shown.status,
        )


def read_page(detail: ApplicationDetailPage) -> PageReading:
    """Everything 详情 shows (its proofs not yet fetched)."""
    seen = shown(detail)
    application_no = seen.fields.get(APPLICATION_NO)
    if not application_no:
        raise ApplicationError("详情页中没有申请编号")
    judgement = detail.system_judgement()
    return PageReading(seen, application_no, judgement.result, judgement.reasons)
