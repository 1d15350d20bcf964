"""The review-faults benchmark's check on the site's side: decided once as written, empty rows
untouched, one SMS per 不通过 — and each kind of deviation counted."""

from __future__ import annotations

from benchmarks import scrape
from benchmarks.review_faults import check
from benchmarks.review_tool import mixed_plan, remark_for

A, B, C = "JY2025000001", "JY2025000002", "JY2025000003"
FILLED = {A: ("通过", ""), B: ("不通过", remark_for(B))}


def sms_for(number: str) -> str:
    return f"【基层就业资助】张三同学，您的申请未通过院系审核，原因：{remark_for(number).rstrip('。')}。"


def test_every_row_once_as_written_is_ok():
    histories = {A: [["t", "王老师", "审核通过", "无"]], B: [["t", "王老师", "审核不通过", remark_for(B)]], C: []}
    f = check(FILLED, histories, [sms_for(B)])
    assert f["ok"] and (f["decided_once_as_written"], f["empty_rows"], f["sms_once"]) == (2, 1, 1)


def test_duplicates_losses_touched_rows_and_stray_sms_are_counted():
    histories = {A: [], B: [["t", "王老师", "审核不通过", remark_for(B)]] * 2, C: [["t", "王老师", "审核通过", "无"]]}
    f = check(FILLED, histories, [sms_for(B), sms_for(B), sms_for(C)])
    assert not f["ok"]
    assert (f["lost"], f["duplicate_decisions"], f["empty_rows_touched"]) == (1, 1, 1)
    assert (f["sms_duplicated"], f["sms_stray"]) == (1, 1) and len(f["problems"]) >= 3


def test_a_different_remark_is_a_wrong_result():
    histories = {A: [["t", "王老师", "审核通过", "材料齐全"]], B: [["t", "王老师", "审核不通过", remark_for(B)]], C: []}
    assert check(FILLED, histories, [sms_for(B)])["wrong_result"] == 1


def test_the_plan_leaves_one_row_in_five_empty_and_gives_each_rejection_its_reason():
    plan = [mixed_plan(i, f"JY{i}") for i in range(10)]
    assert plan.count(None) == 2 and plan[2] == ("不通过", remark_for("JY2"))


def test_history_is_read_from_the_detail_page():
    page = ('<section class="panel history" aria-labelledby="history-title"><table><tbody>'
            "<tr><td>2026-12-03 08:00:00</td><td>王老师</td>\n<td>审核不通过</td><td>票据不符</td></tr>"
            "</tbody></table></section>")
    assert scrape.history(page) == [["2026-12-03 08:00:00", "王老师", "审核不通过", "票据不符"]]
    assert scrape.history("<p>无审核记录</p>") == []
