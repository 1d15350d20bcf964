"""Concurrent requests on the office site: one decision per 加入申请 (issue 12 point 5)."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable

from sqlalchemy import select, update

from mock_sites.office.models import PENDING, Account, Membership

PAGE = "/mainList/organization/applications"
ROUNDS = 4


def run_together(calls: list[Callable[[], object]], timeout: float = 30.0) -> list[object]:
    """Run ``calls`` in threads released at once by a barrier; their results, in order."""
    barrier = threading.Barrier(len(calls))
    results: list[object] = [None] * len(calls)

    def run(i: int) -> None:
        barrier.wait(timeout)
        results[i] = calls[i]()

    threads = [threading.Thread(target=run, args=(i,), daemon=True) for i in range(len(calls))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout)
        assert not thread.is_alive(), "a request did not finish in time"
    return results


def poster(browser, path: str, **data: str) -> Callable[[], object]:  # noqa: ANN001
    """A POST of ``data`` to ``path`` by ``browser`` (token read now), to run later."""
    form = {"csrf_token": browser.csrf(PAGE), **data}
    return lambda: browser.client.post(path, data=form, follow_redirects=True)


def _pending_application(app, mobile: str) -> int:  # noqa: ANN001
    with app.extensions["db_factory"]() as session, session.begin():
        account = session.scalar(select(Account).where(Account.mobile == mobile))
        application = account.memberships[-1]
        session.execute(update(Membership).where(Membership.id == application.id)
                        .values(status=PENDING, reason=None, decided_by_id=None))
        return application.id


def test_simultaneous_approve_and_reject_decide_once(as_user, accounts, app) -> None:
    school = [as_user(accounts.school_admin) for _ in range(2)]
    unit = [as_user(accounts.grad_admin) for _ in range(2)]
    for _ in range(ROUNDS):
        application_id = _pending_application(app, accounts.pending)
        approve, reject = f"{PAGE}/{application_id}/approve", f"{PAGE}/{application_id}/reject"
        calls = [*(poster(b, approve) for b in school),
                 *(poster(b, reject, reason="请重新申请") for b in unit)]
        pages = [r.get_data(as_text=True) for r in run_together(calls)]
        decided = [p for p in pages if "的加入申请" in p and ("已通过" in p or "已驳回" in p)]
        assert len(decided) == 1, [re.findall(r"<div class=\"flash[^>]*>([^<]*)", p) or p[-300:] for p in pages]
        assert sum("该申请已处理" in p for p in pages) == len(calls) - 1
        with app.extensions["db_factory"]() as session:
            stored = session.get(Membership, application_id)
        assert stored.status == ("approved" if "已通过" in decided[0] else "rejected")
