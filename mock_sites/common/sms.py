"""The mock SMS gateway: messages land in an outbox table readable via /__mock__/sms."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Integer, String
from sqlalchemy.orm import Mapped, Session, mapped_column

from . import clock
from .faults import faults


class SmsGatewayError(RuntimeError):
    """The (simulated) SMS gateway refused the message."""


class SmsMessageMixin:
    """Columns of an outbox row; each site declares ``class SmsMessage(SmsMessageMixin, Base)``."""

    __tablename__ = "sms_outbox"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    phone: Mapped[str] = mapped_column(String(20), index=True)
    text: Mapped[str] = mapped_column(String(500))
    sent_at: Mapped[datetime] = mapped_column(DateTime, default=clock.now)

    def as_dict(self) -> dict:
        return {"phone": self.phone, "text": self.text, "sent_at": self.sent_at.isoformat()}


def check_gateway() -> None:
    """Raise SmsGatewayError while the ``sms_fail`` fault switch is on."""
    if faults().sms_fail:
        raise SmsGatewayError("短信网关暂时不可用")


def send_sms(session: Session, model: type[SmsMessageMixin], phone: str, text: str) -> None:
    """Queue a message in the outbox (caller commits); raise SmsGatewayError on the fault switch."""
    check_gateway()
    session.add(model(phone=phone, text=text, sent_at=clock.now()))
