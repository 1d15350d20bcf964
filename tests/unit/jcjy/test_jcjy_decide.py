"""The decision: 通过 / 不通过 with SMS, checks, stale and double submits, next application."""

from __future__ import annotations

from sqlalchemy import select

from mock_sites.jcjy.models import ApplicationRecord, Decision
from mock_sites.jcjy.review import ALL_DONE


def state(app, app_id: int) -> tuple[str, int, list[Decision]]:
    with app.extensions["db_factory"]() as db:
        record = db.get(ApplicationRecord, app_id)
        decisions = db.scalars(select(Decision).where(Decision.application_id == app_id)).all()
        return record.status, record.version, list(decisions)


def sms(client) -> list[dict]:
    return client.get("/__mock__/sms").get_json()


def test_approve_saves_audit_and_moves_to_next(reviewer, app) -> None:
    first, second = reviewer.ids[:2]
    response = reviewer.decide(first, "通过")
    assert response.status_code == 302
    assert response.headers["Location"] == f"/review/applications/{second}"
    status, version, decisions = state(app, first)
    assert status == "院系审核通过" and version == 2
    assert [(d.result, d.reviewer_account, d.reviewer_name, d.remark) for d in decisions] == [
        ("院系审核通过", "reviewer1", "王老师", "")]
    assert sms(reviewer.client) == []
    html = reviewer.client.get(response.headers["Location"]).get_data(as_text=True)
    assert "已保存：" in html and "审核通过。" in html
    html = reviewer.client.get(f"/review/applications/{first}").get_data(as_text=True)
    assert 'id="recorded-result">审核通过<' in html and "王老师" in html
    assert 'id="decision-form"' not in html


def test_reject_sends_sms_and_says_so(reviewer, app) -> None:
    target = reviewer.ids[3]
    with app.extensions["db_factory"]() as db:
        record = db.get(ApplicationRecord, target)
    response = reviewer.decide(target, "不通过", "第2学年缴费票据金额与填报金额不一致。", follow=True)
    html = response.get_data(as_text=True)
    assert f"已保存：{record.student_name} 审核不通过，已发送短信通知学生。" in html
    assert ">申请详情</h1>" in html  # landed on the next application
    assert state(app, target)[0] == "院系审核不通过"
    messages = sms(reviewer.client)
    assert messages == [{
        "phone": record.phone, "sent_at": messages[0]["sent_at"],
        "text": f"【基层就业资助】{record.student_name}同学，您的基层就业学费补偿申请未通过院系审核，"
                "原因：第2学年缴费票据金额与填报金额不一致。请登录系统修改后重新提交。",
    }]
    remark = state(app, target)[2][0].remark
    assert remark == "第2学年缴费票据金额与填报金额不一致。"


def test_reject_without_remark_is_blocked(reviewer, app) -> None:
    target = reviewer.ids[0]
    for remark in ("", "   "):
        response = reviewer.decide(target, "不通过", remark)
        html = response.get_data(as_text=True)
        assert response.status_code == 400
        assert "审核结果为不通过时，请在备注中写明不通过的原因" in html
        assert 'value="不通过" checked' in html  # the choice is kept
    assert state(app, target)[:2] == ("待院系审核", 1)
    assert sms(reviewer.client) == []


def test_remark_markup_and_length_refused(reviewer, app) -> None:
    target = reviewer.ids[0]
    response = reviewer.decide(target, "不通过", "<script>alert(1)</script>")
    assert "备注不能包含HTML标签或脚本" in response.get_data(as_text=True)
    response = reviewer.decide(target, "通过", "好" * 201)
    assert "备注不能超过200个字符" in response.get_data(as_text=True)
    response = reviewer.decide(target, "同意")
    assert "请选择审核结果" in response.get_data(as_text=True)
    assert state(app, target)[:2] == ("待院系审核", 1)


def test_double_submit_changes_nothing(reviewer, app) -> None:
    target = reviewer.ids[0]
    reviewer.decide(target, "通过")
    response = reviewer.decide(target, "不通过", "重复提交", version=1)
    html = response.get_data(as_text=True)
    assert response.status_code == 409
    assert "该申请已被审核（结果：审核通过），本次提交未保存" in html
    status, version, decisions = state(app, target)
    assert (status, version, len(decisions)) == ("院系审核通过", 2, 1)
    assert sms(reviewer.client) == []


def test_stale_version_changes_nothing(reviewer, app) -> None:
    target = reviewer.ids[0]
    response = reviewer.decide(target, "通过", version=7)
    html = response.get_data(as_text=True)
    assert response.status_code == 409 and "本次提交未保存" in html
    assert state(app, target)[:2] == ("待院系审核", 1)


def test_next_wraps_around_and_all_done(reviewer, app) -> None:
    ids = reviewer.ids
    # Decide the last one first: the next is the first 待审核 (wrap-around).
    response = reviewer.decide(ids[-1], "通过")
    assert response.headers["Location"] == f"/review/applications/{ids[0]}"
    for app_id in ids[1:-1]:
        reviewer.decide(app_id, "通过")
    response = reviewer.decide(ids[0], "通过", follow=True)
    html = response.get_data(as_text=True)
    assert ">申请名单审核</h1>" in html
    assert ALL_DONE in html
    assert '<strong id="pending-count">0</strong>' in html


def test_sms_failure_rolls_back(reviewer, app) -> None:
    target = reviewer.ids[0]
    reviewer.client.post("/__mock__/faults", json={"sms_fail": True})
    response = reviewer.decide(target, "不通过", "就业地点不属于基层")
    html = response.get_data(as_text=True)
    assert response.status_code == 503
    assert "短信发送失败，审核结果未保存，请稍后重试" in html
    assert "就业地点不属于基层" in html  # the remark is kept for the retry
    assert state(app, target) == ("待院系审核", 1, [])
    reviewer.client.post("/__mock__/faults", json={"sms_fail": False})
    assert reviewer.decide(target, "不通过", "就业地点不属于基层").status_code == 302
    assert state(app, target)[0] == "院系审核不通过" and len(sms(reviewer.client)) == 1
