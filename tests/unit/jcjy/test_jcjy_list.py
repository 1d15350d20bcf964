"""申请名单审核 list: scope, filters, pagination, bad input."""

from __future__ import annotations

import re

from jcjy_support import login, scope_ids
from sqlalchemy import select

from mock_sites.common.roles import STAGE_ROLES
from mock_sites.jcjy.models import ApplicationRecord

COLUMNS = ("序号", "申请编号", "姓名", "学号", "培养单位", "学段", "就业单位", "单位所在地", "申请类型",
           "申请金额（元）", "系统判断结果", "审核状态", "提交时间", "操作")


def rows(html: str) -> list[str]:
    body = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return [r for r in re.findall(r"<tr>(.*?)</tr>", body, re.S) if "详情" in r]


def detail_ids(html: str) -> list[int]:
    return [int(i) for i in re.findall(r'href="/review/applications/(\d+)">详情</a>', html)]


def test_list_layout_and_first_page(reviewer) -> None:
    html = reviewer.client.get("/review/applications").get_data(as_text=True)
    assert ">申请名单审核</h1>" in html
    assert 'aria-current="page">申请名单审核</a>' in html  # left menu
    headers = re.findall(r'<th scope="col">([^<]+)</th>', html)
    assert tuple(headers) == COLUMNS
    for label in ("姓名/学号", "学段", "审核状态"):
        assert re.search(rf'<label for="f-\w+">{re.escape(label)}</label>', html), label
    assert '<button type="submit">查询</button>' in html and ">重置</button>" in html
    assert detail_ids(html) == reviewer.ids[:20]
    total = len(reviewer.ids)
    assert f"第 1/{-(-total // 20)} 页，共 {total} 条" in html
    assert f'<strong id="pending-count">{total}</strong>' in html
    assert "上一页</span>" in html and 'rel="next">下一页</a>' in html
    first = rows(html)[0]
    assert "<td>1</td>" in first and "待审核" in first


def test_scope_is_enforced_in_the_query(reviewer, app) -> None:
    seen: list[int] = []
    page = 1
    while True:
        html = reviewer.client.get(f"/review/applications?page={page}").get_data(as_text=True)
        seen += detail_ids(html)
        if 'rel="next"' not in html:
            break
        page += 1
    assert seen == reviewer.ids
    with app.extensions["db_factory"]() as db:
        others = db.scalars(select(ApplicationRecord.id).where(
            ApplicationRecord.unit_code != reviewer.unit_code)).all()
    assert others and not set(others) & set(seen)


def test_stage_filter_only_offers_own_stages(reviewer) -> None:
    html = reviewer.client.get("/review/applications").get_data(as_text=True)
    stage_select = html.split('id="f-stage"', 1)[1].split("</select>", 1)[0]
    options = re.findall(r"<option value=\"([^\"]*)\"", stage_select)
    assert options == ["", reviewer.stage]
    other = "本专科" if reviewer.stage == "研究生" else "研究生"
    html = reviewer.client.get(f"/review/applications?stage={other}").get_data(as_text=True)
    assert "学段无效" in html and detail_ids(html) == reviewer.ids[:20]


def test_two_stage_reviewer_sees_both(app, client, office) -> None:
    office.add("both", "14430-1201", [STAGE_ROLES["研究生"], STAGE_ROLES["本专科"]])
    login(client, "both")
    both = sorted(scope_ids(app, "14430-1201", "研究生") + scope_ids(app, "14430-1201", "本专科"))
    html = client.get("/review/applications").get_data(as_text=True)
    assert detail_ids(html) == both[:20]
    html = client.get("/review/applications?stage=本专科").get_data(as_text=True)
    assert detail_ids(html) == scope_ids(app, "14430-1201", "本专科")[:20]


def test_search_by_name_and_student_no(reviewer, app) -> None:
    with app.extensions["db_factory"]() as db:
        target = db.get(ApplicationRecord, reviewer.ids[5])
    html = reviewer.client.get(
        "/review/applications", query_string={"q": target.student_no}).get_data(as_text=True)
    assert detail_ids(html) == [target.id]
    html = reviewer.client.get(
        "/review/applications", query_string={"q": target.student_name}).get_data(as_text=True)
    assert target.id in detail_ids(html)
    assert f'value="{target.student_name}"' in html  # the filter is kept in the form
    html = reviewer.client.get(
        "/review/applications", query_string={"q": "%"}).get_data(as_text=True)
    assert detail_ids(html) == [] and "暂无符合条件的申请" in html


def test_status_filter_and_pending_count(reviewer) -> None:
    reviewer.decide(reviewer.ids[0], "通过")
    reviewer.decide(reviewer.ids[1], "不通过", "票据金额与填报不符")
    client = reviewer.client
    passed = client.get("/review/applications?status=审核通过").get_data(as_text=True)
    assert detail_ids(passed) == [reviewer.ids[0]] and "共 1 条" in passed
    # The filtered total and the scope's 待审核 come from one statement; each is its own count.
    assert f'<strong id="pending-count">{len(reviewer.ids) - 2}</strong>' in passed
    assert detail_ids(client.get("/review/applications?status=审核不通过").get_data(
        as_text=True)) == [reviewer.ids[1]]
    html = client.get("/review/applications?status=待审核").get_data(as_text=True)
    assert detail_ids(html)[0] == reviewer.ids[2]
    assert f'<strong id="pending-count">{len(reviewer.ids) - 2}</strong>' in html


def test_pagination_keeps_filters(reviewer) -> None:
    html = reviewer.client.get(
        f"/review/applications?status=待审核&stage={reviewer.stage}").get_data(as_text=True)
    next_link = re.search(r'href="([^"]+)" rel="next"', html).group(1).replace("&amp;", "&")
    assert "status=" in next_link and "stage=" in next_link and "page=2" in next_link
    html = reviewer.client.get(next_link).get_data(as_text=True)
    assert detail_ids(html) == reviewer.ids[20:40]
    assert "<td>21</td>" in html and 'rel="prev">上一页</a>' in html
    # A page past the end shows the last page.
    html = reviewer.client.get("/review/applications?page=999").get_data(as_text=True)
    assert detail_ids(html) == reviewer.ids[(len(reviewer.ids) - 1) // 20 * 20:]


def test_reset_button_clears_filters(reviewer) -> None:
    response = reviewer.client.get("/review/applications?q=abc&status=待审核&reset=1")
    assert response.status_code == 302 and response.headers["Location"] == "/review/applications"


def test_bad_filter_values_are_named_not_500(reviewer) -> None:
    cases = {
        "q=" + "x" * 51: "姓名/学号不能超过50个字符",
        "q=<script>": "姓名/学号不能包含HTML标签或脚本",
        "status=已删除": "审核状态无效",
        "page=abc": "页码无效",
        "page=-1": "页码无效",
        "page=99999999999": "页码无效",
    }
    for query, message in cases.items():
        response = reviewer.client.get(f"/review/applications?{query}")
        assert response.status_code == 200, query
        assert message in response.get_data(as_text=True), query
