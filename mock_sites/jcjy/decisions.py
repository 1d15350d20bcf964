"""The 院系 review decision: checks, optimistic locking, SMS to the student, audit row."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import update
from sqlalchemy.orm import Session

from ..common import clock, params
from ..common.sms import send_sms
from ..common.validators import plain_text
from .access import CurrentUser
from .models import (
    APPROVED,
    PENDING,
    REJECTED,
    REVIEW_LABELS,
    ApplicationRecord,
    Decision,
    SmsMessage,
)

RESULTS = {"通过": APPROVED, "不通过": REJECTED}
REMARK_LIMIT = 200
REMARK_REQUIRED = "审核结果为不通过时，请在备注中写明不通过的原因"
SMS_FAILED = "短信发送失败，审核结果未保存，请稍后重试"


class StaleDecision(Exception):
    """The application changed since the form was shown; nothing was saved."""


@dataclass(frozen=True)
class DecisionForm:
    result: str = ""
    remark: str = ""
    version: int = 0


def parse_form(form: dict) -> tuple[DecisionForm, dict[str, str]]:
    """Read the posted form; errors are keyed by field (result, remark)."""
    result = str(form.get("result", ""))
    remark = str(form.get("remark", "")).strip()
    version = params.version(form.get("version"))
    errors: dict[str, str] = {}
    if result not in RESULTS:
        errors["result"] = "请选择审核结果（通过或不通过）"
    if message := plain_text(remark, "备注", REMARK_LIMIT):
        errors["remark"] = message
    elif result == "不通过" and not remark:
        errors["remark"] = REMARK_REQUIRED
    return DecisionForm(result, remark, -1 if version is None else version), errors


def already_decided(record: ApplicationRecord) -> str | None:
    """Why a decision cannot be taken on this application any more (None while 待审核)."""
    if record.status == PENDING:
        return None
    return f"该申请已被审核（结果：{REVIEW_LABELS.get(record.status, record.status)}），本次提交未保存"


def rejection_sms(name: str, remark: str) -> str:
    reason = remark.rstrip("。.；;，, ")
    return (f"【基层就业资助】{name}同学，您的基层就业学费补偿申请未通过院系审核，原因：{reason}。"
            "请登录系统修改后重新提交。")


def record_decision(db: Session, reviewer: CurrentUser, record: ApplicationRecord,
                    form: DecisionForm) -> str:
    """Save the decision atomically and return the confirmation for the reviewer.

    Raises StaleDecision when another submit or the student got there first, and
    SmsGatewayError (after rolling back) when the rejection SMS cannot be sent.
    """
    new_status = RESULTS[form.result]
    changed = db.execute(
        update(ApplicationRecord)
        .where(ApplicationRecord.id == record.id, ApplicationRecord.status == PENDING,
               ApplicationRecord.version == form.version)
        .values(status=new_status, version=ApplicationRecord.version + 1)
        .execution_options(synchronize_session=False)
    ).rowcount
    if changed != 1:
        db.rollback()
        db.refresh(record)
        raise StaleDecision(already_decided(record) or
                            "该申请的信息已更新（学生已修改并重新提交），请核对后重新审核，本次提交未保存")
    db.add(Decision(
        application_id=record.id, level="院系", result=new_status, remark=form.remark,
        reviewer_account=reviewer.account, reviewer_name=reviewer.name,
        reviewer_unit=reviewer.unit_name, version=form.version, decided_at=clock.now(),
    ))
    try:
        if new_status == REJECTED:
            send_sms(db, SmsMessage, record.phone, rejection_sms(record.student_name, form.remark))
        db.commit()
    except Exception:
        db.rollback()
        raise
    if new_status == REJECTED:
        return f"已保存：{record.student_name} 审核不通过，已发送短信通知学生。"
    return f"已保存：{record.student_name} 审核通过。"
