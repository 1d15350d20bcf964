"""填写个人信息: validation of each field; the 身份证号 is stored but only ever shown masked."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from flask import Flask
from sqlalchemy import select

from mock_sites.office.models import Account

if TYPE_CHECKING:
    from conftest import Browser

MOBILE = "13912345678"
ID_NUMBER = "11010519491231002X"  # as filled by the Browser helper


@pytest.fixture
def newcomer(site: Browser) -> Browser:
    site.register(MOBILE)
    return site


def _stored(app: Flask) -> Account:
    with app.extensions["db_factory"]() as session:
        return session.scalar(select(Account).where(Account.mobile == MOBILE))


def test_profile_page_labels(newcomer) -> None:
    page = newcomer.text("/profile")
    assert "<h1" in page and "填写个人信息" in page
    for label in ("姓名", "身份证号", "职务", "办公电话", "邮箱"):
        assert f'">{label}</label>' in page
    assert '<button type="submit">确认</button>' in page


def test_profile_saved_then_organization(newcomer, app) -> None:
    response = newcomer.fill_profile("王晓明", id_number=ID_NUMBER.lower())
    assert response.location.endswith("/mainList/organization")
    page = newcomer.text("/mainList/organization")
    assert "个人信息已保存" in page and "王晓明" in page
    account = _stored(app)
    assert account.id_number == ID_NUMBER and account.title == "研究生办公室主任"


def test_id_number_never_shown_unmasked(newcomer) -> None:
    newcomer.fill_profile()
    page = newcomer.text("/profile")
    assert ID_NUMBER not in page
    assert "110105********002X" in page
    for path in ("/mainList/organization", "/mainList/organization/join"):
        assert ID_NUMBER not in newcomer.text(path)


def test_edit_later_keeps_id_number_when_left_empty(newcomer, app) -> None:
    newcomer.fill_profile()
    response = newcomer.fill_profile("王晓红", id_number="", title="教育处干事")
    assert response.status_code == 302
    account = _stored(app)
    assert (account.name, account.id_number, account.title) == ("王晓红", ID_NUMBER, "教育处干事")


@pytest.mark.parametrize("field,value,message", [
    ("name", "", "请填写姓名"),
    ("name", "王", "姓名至少需要2个字符"),
    ("name", "王" * 21, "姓名不能超过20个字符"),
    ("name", "<script>alert(1)</script>", "姓名不能包含HTML标签或脚本"),
    ("id_number", "", "请填写身份证号"),
    ("id_number", "12345", "身份证号格式不正确"),
    ("id_number", "110105194913310021", "身份证号中的出生日期无效"),
    ("id_number", "110105194912310021", "身份证号校验位不正确"),
    ("title", "", "请填写职务"),
    ("title", "<b>主任</b>", "职务不能包含HTML标签或脚本"),
    ("title", "主" * 51, "职务不能超过50个字符"),
    ("office_phone", "", "请填写办公电话"),
    ("office_phone", "abc", "办公电话格式不正确"),
    ("email", "", "请填写邮箱"),
    ("email", "not-an-email", "邮箱格式不正确"),
])
def test_profile_validation(newcomer, app, field, value, message) -> None:
    response = newcomer.fill_profile(**{field: value})
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert message in page
    assert 'aria-invalid="true"' in page
    if field != "name":
        assert 'value="王晓明"' in page  # other values kept
    assert "<script>alert" not in page
    account = _stored(app)
    assert account.name is None and account.id_number is None  # nothing stored half-way
    assert ID_NUMBER not in page  # not even echoed back


def test_profile_needs_login(site) -> None:
    assert site.get("/profile").location.startswith("/login")
