"""One application as the reviewer's tools see it: what 详情 shows and what its proofs state."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from flows.evidence import ProofReading


@dataclass(frozen=True)
class ApplicationRecord:
    """Everything read from one application's 详情 (masked values stay masked)."""

    application_id: str  # 申请编号
    fields: dict[str, str]  # every 基本信息/就业信息 item as shown: {姓名: …, 单位所在地: …}
    claimed: dict[str, Decimal]  # {学年: 申请金额} as the student typed them
    proofs: list[ProofReading]  # one per 缴费票据 / 借款合同
    system_result: str  # 系统判断结果 (仅供参考)
    system_reasons: list[str]
    review_status: str  # 审核状态
