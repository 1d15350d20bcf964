"""NUL and control characters in free text are refused before they reach a page or an SMS."""

from __future__ import annotations

import pytest

from mock_sites.jcjy.models import ApplicationRecord


@pytest.mark.parametrize("remark", ["材料不全\x00", "材料\x1b[2J不全", "材料\u202e全不"])
def test_control_characters_in_remark_are_refused_and_send_no_sms(reviewer, app, remark) -> None:
    target = reviewer.ids[0]
    response = reviewer.decide(target, "不通过", remark)
    assert response.status_code == 400
    assert "备注不能包含控制字符" in response.get_data(as_text=True)
    with app.extensions["db_factory"]() as db:
        record = db.get(ApplicationRecord, target)
        assert record.status == "待院系审核"
    assert reviewer.client.get(f"/__mock__/sms?phone={record.phone}").get_json() == []


def test_control_characters_in_the_list_search_are_dropped(reviewer) -> None:
    response = reviewer.client.get("/review/applications", query_string={"q": "王\x00"})
    assert response.status_code == 200
    assert "姓名/学号不能包含控制字符" in response.get_data(as_text=True)
