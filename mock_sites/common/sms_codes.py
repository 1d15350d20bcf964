"""One-time codes sent by SMS (office 注册, jcjy 学生登录): the same rules on both sites."""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, update
from sqlalchemy.orm import InstrumentedAttribute, Session

from . import clock
from .masking import mask_mobile

CODE_LIFETIME = timedelta(minutes=5)
RESEND_AFTER = timedelta(seconds=60)
MAX_GUESSES = 5  # wrong answers before a code is dead
VALIDITY = f"{CODE_LIFETIME // timedelta(minutes=1)}分钟内有效"
SEND_FAILED = "短信发送失败，请稍后重试"


def new_code() -> str:
    """Six random digits."""
    return f"{secrets.randbelow(10**6):06d}"


def resend_refusal(last_sent: datetime | None) -> str | None:
    """Why no new code may be sent yet (the last one is younger than ``RESEND_AFTER``), or None."""
    if last_sent is None:
        return None
    wait = last_sent + RESEND_AFTER - clock.now()
    if wait <= timedelta(0):
        return None
    return f"验证码已发送，请{int(wait.total_seconds()) + 1}秒后再重新获取"


def expired(sent_at: datetime) -> bool:
    return clock.now() - sent_at > CODE_LIFETIME


def sent_notice(phone: str) -> str:
    """What the page says once a code is on its way."""
    return f"验证码已发送至{mask_mobile(phone)}，{VALIDITY}"


def take_guess(session: Session, counter: InstrumentedAttribute[int],
               *where: ColumnElement[bool]) -> bool:
    """Count one guess at the code row matched by ``where``, atomically, and commit.

    ``UPDATE … SET counter = counter + 1 WHERE … AND counter < MAX_GUESSES``: parallel guesses
    cannot all read the same count (no lost update), and only ``MAX_GUESSES`` in all get through.
    False when no guess is left."""
    taken = session.execute(
        update(counter.class_).where(*where, counter < MAX_GUESSES)
        .values({counter.key: counter + 1}).execution_options(synchronize_session=False)
    ).rowcount
    session.commit()
    return taken == 1
