"""基准：从模拟站点的页面中读出表单令牌、选项和名单（纯文本 HTML）"""

from __future__ import annotations

import pytest

from benchmarks import scrape
from flows.errors import ApplicationError

FORM = """
<form method="post"><input type="hidden" name="csrf_token" value="a&amp;b">
  <select id="f-department" name="department" required>
    <option value="">请选择</option>
    <option value="0201">计算机科学与技术学院</option>
    <option value="0202" selected>数学科学学院</option>
  </select>
  <select id="f-stage" name="stage"><option value="研究生">研究生</option></select>
</form>
<div class="flash flash-error" role="alert">邀请码错误</div>
"""


def test_form_token_is_unescaped() -> None:
    assert scrape.form_token(FORM) == "a&b"
    with pytest.raises(ApplicationError, match="csrf_token"):
        scrape.form_token("<form></form>")


def test_options_are_picked_by_their_label_within_their_own_list() -> None:
    assert scrape.option_value(FORM, "department", "数学科学学院") == "0202"
    assert scrape.option_value(FORM, "stage", "研究生") == "研究生"
    with pytest.raises(ApplicationError, match="研究生"):
        scrape.option_value(FORM, "department", "研究生")


def test_messages_and_listed_applications() -> None:
    assert scrape.messages(FORM) == ["邀请码错误"]
    row = ('<tr><td><a href="/review/applications/7">详情</a></td>'
           '<td><span class="tag ok">符合</span></td><td><span class="tag wait">待审核</span></td></tr>')
    assert scrape.listed_applications(row) == [scrape.ListedApplication(7, "符合", "待审核")]
