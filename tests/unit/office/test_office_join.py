"""组织管理 states and the 加入组织 wizard (业务 + 邀请码 → 院（系） + 学段 → 培养单位 + 身份)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from flask import Flask
from sqlalchemy import func, select
from werkzeug.test import TestResponse

from mock_sites.office.models import Membership

if TYPE_CHECKING:
    from conftest import Browser

BASE = "/mainList/organization/join"
INVITE = "1685953300117"


@pytest.fixture
def staff(site: Browser) -> Browser:
    site.new_staff("13912345678")
    return site


def _memberships(app: Flask) -> int:
    with app.extensions["db_factory"]() as session:
        return session.scalar(select(func.count()).select_from(Membership))


def _step1(site: Browser, business: str = "学生资助", invite_code: str = INVITE) -> TestResponse:
    return site.submit(BASE, {"business": business, "invite_code": invite_code})


def _step2(site: Browser, department: str = "08", stage: str = "研究生",
           action: str = "next") -> TestResponse:
    return site.submit(f"{BASE}/department",
                       {"department": department, "stage": stage, "action": action})


def test_no_membership_state(staff) -> None:
    page = staff.text("/mainList/organization")
    assert "组织管理" in page and "您尚未加入任何组织" in page
    assert '<button type="submit">加入组织</button>' in page


def test_step1_page(staff) -> None:
    page = staff.text(BASE)
    assert "加入组织" in page and '<legend>选择业务</legend>' in page and "选择业务" in page
    for business in ("学生资助", "学籍学历", "教育统计", "教师管理"):
        assert f'type="radio" name="business" value="{business}"' in page
    assert '">邀请码</label>' in page and "下一步" in page


@pytest.mark.parametrize("business,code,message", [
    ("", INVITE, "请选择业务"),
    ("学籍学历", INVITE, "该业务暂未开放加入"),
    ("学生资助", "", "请填写邀请码"),
    ("学生资助", "12345", "邀请码应为13位数字"),
    ("学生资助", "16859533001a7", "邀请码应为13位数字"),
    ("学生资助", "1685953300118", "邀请码无效，请核对群里通知的邀请码"),
])
def test_step1_validation(staff, business, code, message) -> None:
    response = _step1(staff, business, code)
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and message in page
    assert f'value="{code}"' in page  # kept


def test_invite_code_guesses_are_throttled(staff, config) -> None:
    for _ in range(config.max_failures - 1):
        assert "邀请码无效" in _step1(staff, invite_code="1000000000000").get_data(as_text=True)
    page = _step1(staff, invite_code="1000000000001").get_data(as_text=True)
    assert "邀请码错误次数过多，已临时锁定，请15分钟后再试" in page
    # Locked: even the right code is refused now.
    assert "已临时锁定" in _step1(staff).get_data(as_text=True)


def test_steps_cannot_be_skipped(staff) -> None:
    assert staff.get(f"{BASE}/department").location.endswith(BASE)
    assert staff.get(f"{BASE}/unit").location.endswith(f"{BASE}/department")


def test_step2_page_and_validation(staff) -> None:
    _step1(staff)
    page = staff.text(f"{BASE}/department")
    assert "中国科学院大学" in page and '">院（系）</label>' in page
    assert '">学段</label>' in page and ">上一步</button>" in page
    assert '<option value="本专科">本专科</option>' in page
    assert "计算机科学与技术学院" in page
    assert "请选择院（系）" in _step2(staff, department="").get_data(as_text=True)
    assert "请选择学段" in _step2(staff, stage="博士").get_data(as_text=True)
    page = _step2(staff, department="08", stage="本专科").get_data(as_text=True)
    assert "所选院（系）没有本专科学段的培养单位，请重新选择" in page


def test_back_buttons_keep_choices(staff) -> None:
    _step1(staff)
    assert _step2(staff, action="back").location.endswith(BASE)
    assert f'value="{INVITE}"' in staff.text(BASE)
    _step1(staff)
    _step2(staff, department="12", stage="本专科")
    back = staff.submit(f"{BASE}/unit", {"unit": "", "identity": "普通成员", "action": "back"})
    assert back.location.endswith(f"{BASE}/department")
    page = staff.text(f"{BASE}/department")
    assert '<option value="12" selected>' in page and '<option value="本专科" selected>' in page


def test_step3_offers_only_units_of_department_and_stage(staff) -> None:
    _step1(staff)
    _step2(staff, department="08", stage="研究生")
    page = staff.text(f"{BASE}/unit")
    assert "中国科学院计算技术研究所" in page and "中国科学院软件研究所" in page
    assert "中国科学院大学本科部" not in page and "中国科学院自动化研究所" not in page
    assert "申请身份" in page and 'value="管理员"' in page and 'value="普通成员"' in page
    assert ">提交申请</button>" in page
    _step2(staff, department="99", stage="本专科")
    page = staff.text(f"{BASE}/unit")
    assert "中国科学院大学本科部" in page and "中国科学院计算技术研究所" not in page


def test_step3_validation_and_tampered_unit(staff, app) -> None:
    _step1(staff)
    _step2(staff)
    for data, message in (
        ({"unit": "", "identity": "管理员"}, "请选择培养单位"),
        ({"unit": "14430-9901", "identity": "管理员"}, "请选择培养单位"),  # other dept/stage
        ({"unit": "14430-0801", "identity": ""}, "请选择申请身份"),
        ({"unit": "14430-0801", "identity": "校级管理员"}, "请选择申请身份"),
    ):
        response = staff.submit(f"{BASE}/unit", {**data, "action": "submit"})
        assert response.status_code == 400 and message in response.get_data(as_text=True)
    assert _memberships(app) == 10  # only the seeded ones: nothing stored half-way


def test_wizard_creates_pending_admin_application(staff, app) -> None:
    before = _memberships(app)
    response = staff.join(identity="管理员")
    assert response.location.endswith("/mainList/organization")
    page = staff.text("/mainList/organization")
    assert "已提交加入申请" in page
    assert "申请管理员，待学校管理员审批" in page
    assert "中国科学院计算技术研究所" in page and "计算机科学与技术学院" in page
    assert "加入组织</button>" not in page
    assert _memberships(app) == before + 1


def test_second_application_is_refused(staff, app) -> None:
    staff.join()
    response = staff.get(BASE)
    assert response.location.endswith("/mainList/organization")
    assert "您已有待审批的加入申请" in staff.text("/mainList/organization")
    # Posting the last step directly (an old tab) is refused too.
    before = _memberships(app)
    response = staff.submit(f"{BASE}/unit", {"unit": "14430-0801", "identity": "普通成员",
                                             "action": "submit"}, form_page="/profile")
    assert response.status_code == 302
    assert _memberships(app) == before


def test_approved_member_cannot_join_again(as_user, accounts) -> None:
    browser = as_user(accounts.grad_member)
    assert browser.get(BASE).location.endswith("/mainList/organization")
    assert "您已加入组织，不能重复申请" in browser.text("/mainList/organization")


def test_join_requires_csrf(staff) -> None:
    response = staff.client.post(BASE, data={"business": "学生资助", "invite_code": INVITE})
    assert response.status_code == 400
