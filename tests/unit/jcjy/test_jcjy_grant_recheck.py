"""A revoked 基层就业系统 grant ends the reviewer's session (issue 12 point 4).

The grant is re-checked with the office (``/api/sso/grants``) on every 确定, and on reading when
the last check is older than ``grant_recheck_s``; not on every page view.
"""

from __future__ import annotations

from mock_sites.common.roles import STAGE_ROLES
from mock_sites.jcjy.models import ApplicationRecord, Decision

LIST = "/review/applications"
REVOKED = "审核权限已被撤销"


def _status(app, app_id: int) -> str:
    with app.extensions["db_factory"]() as db:
        return db.get(ApplicationRecord, app_id).status


def _revoke(office) -> None:
    office.accounts["reviewer1"]["systems"] = []


def test_revoked_reviewer_cannot_decide(reviewer, app, office) -> None:
    target = reviewer.ids[0]
    _revoke(office)
    response = reviewer.decide(target, "通过")
    assert response.status_code == 302 and response.headers["Location"].startswith("/staff/login")
    assert _status(app, target) == "待院系审核"
    with app.extensions["db_factory"]() as db:
        assert db.query(Decision).count() == 0
    page = reviewer.client.get(LIST, follow_redirects=True).get_data(as_text=True)
    assert "工作人员登录" in page
    assert reviewer.client.get(LIST).status_code == 302  # logged out


def test_every_decide_rechecks_but_reading_only_after_the_interval(reviewer, office,
                                                                   clock) -> None:
    before = office.grant_checks
    for app_id in reviewer.ids[:3]:
        reviewer.client.get(f"{LIST}/{app_id}")
    reviewer.client.get(LIST)
    assert office.grant_checks == before  # reading within the interval asks nobody
    reviewer.decide(reviewer.ids[0], "通过")
    assert office.grant_checks == before + 1
    _revoke(office)
    clock.advance(299)
    assert reviewer.client.get(LIST).status_code == 200  # still within grant_recheck_s of 确定
    clock.advance(2)
    response = reviewer.client.get(LIST)
    assert response.status_code == 302 and response.headers["Location"].startswith("/staff/login")
    assert office.grant_checks == before + 2
    html = reviewer.client.get(response.headers["Location"]).get_data(as_text=True)
    assert REVOKED in html


def test_interval_is_configurable(client_with, office) -> None:
    from jcjy_support import login

    client = client_with(grant_recheck_s=0)
    office.add("reviewer2", "14430-0801", [STAGE_ROLES["研究生"]])
    assert login(client, "reviewer2").status_code == 302
    before = office.grant_checks
    client.get(LIST)
    client.get(LIST)
    assert office.grant_checks == before + 2


def test_changed_role_changes_the_scope_at_the_recheck(reviewer, office, clock) -> None:
    other = "本专科" if reviewer.stage == "研究生" else "研究生"
    office.accounts["reviewer1"]["roles"] = [STAGE_ROLES[other]]
    clock.advance(301)
    html = reviewer.client.get(LIST).get_data(as_text=True)
    assert STAGE_ROLES[other] in html
    assert reviewer.client.get(f"{LIST}/{reviewer.ids[0]}").status_code == 403


def test_unreachable_office_saves_no_decision(reviewer, app, office) -> None:
    office.fail_with = 500
    response = reviewer.decide(reviewer.ids[0], "通过")
    assert response.status_code == 503
    assert "暂时无法连接全国学生资助办公系统" in response.get_data(as_text=True)
    assert _status(app, reviewer.ids[0]) == "待院系审核"
    office.fail_with = None
    assert reviewer.client.get(LIST).status_code == 200  # still logged in: try again later


def test_account_gone_at_the_office_ends_the_session(reviewer, office, clock) -> None:
    del office.accounts["reviewer1"]
    clock.advance(301)
    assert reviewer.client.get(LIST).status_code == 302


def test_a_due_recheck_on_decide_asks_once(reviewer, office, clock) -> None:
    token = reviewer.token()
    clock.advance(301)
    before = office.grant_checks
    assert reviewer.client.post(f"{LIST}/{reviewer.ids[0]}/decide", data={
        "csrf_token": token, "result": "通过", "version": "1"}).status_code == 302
    assert office.grant_checks == before + 1
