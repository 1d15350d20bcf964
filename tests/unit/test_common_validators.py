"""Shared input checks: each failure names the field in Chinese."""

import pytest

from mock_sites.common import validators as v


def _with_check_digit(first17: str) -> str:
    return first17 + v.id_check_digit(first17)


def test_id_number_accepts_valid_check_digit():
    assert v.id_number(_with_check_digit("11010519491231002")) is None


def test_id_number_accepts_lowercase_x():
    number = _with_check_digit("11010519800101001")
    assert v.id_number(number.lower()) is None


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        ("", "请填写身份证号"),
        ("1101051949123100", "应为18位"),
        ("11010519491331002X", "出生日期无效"),
        ("110105194912310021", "校验位不正确"),
    ],
)
def test_id_number_rejections_name_the_field(value, fragment):
    message = v.id_number(value)
    assert message is not None and fragment in message and "身份证号" in message


def test_wrong_check_digit_is_refused_even_if_format_ok():
    good = _with_check_digit("44030119900307123")
    bad = good[:-1] + ("0" if good[-1] != "0" else "1")
    assert v.id_number(good) is None
    assert "校验位" in v.id_number(bad)


@pytest.mark.parametrize("value", ["13800000000", "19912345678"])
def test_mobile_ok(value):
    assert v.mobile(value) is None


@pytest.mark.parametrize("value", ["12800000000", "1380000000", "138000000001", "abc"])
def test_mobile_rejected(value):
    assert "手机号" in v.mobile(value)


@pytest.mark.parametrize(
    ("value", "fragment"),
    [("abc12345", None), ("short1", "8到20位"), ("abcdefgh", "字母和数字"), ("12345678", "字母和数字")],
)
def test_password_rule(value, fragment):
    result = v.password(value)
    assert (result is None) if fragment is None else (fragment in result)


@pytest.mark.parametrize("text", ["<script>alert(1)</script>", "见<b>附件</b>", "javascript:void(0)"])
def test_plain_text_refuses_markup(text):
    assert "HTML" in v.plain_text(text, "备注", 200)


def test_plain_text_limits_length_and_names_field():
    assert v.plain_text("金额与票据不符", "备注", 200) is None
    message = v.plain_text("字" * 201, "备注", 200)
    assert "备注" in message and "200" in message


def test_collect_keeps_only_failures():
    assert v.collect({"a": None, "b": "请填写B"}) == {"b": "请填写B"}


@pytest.mark.parametrize("value", ["010-88256000", "0851-8123456", "13800000000"])
def test_office_phone_ok(value):
    assert v.office_phone(value) is None


def test_email():
    assert v.email("a.b@ucas.ac.cn") is None
    assert "邮箱" in v.email("not-an-email")


@pytest.mark.parametrize("text", ["原因\x00", "a\x07b", "\x1b[31m红", "\x7f", "\u202e反向", "\x85"])
def test_free_text_refuses_nul_and_control_characters(text):
    assert "不能包含控制字符" in v.plain_text(text, "备注", 200)


def test_free_text_keeps_line_breaks_and_tabs():
    assert v.plain_text("第一行\n第二行\r\n\t缩进", "备注", 200) is None


@pytest.mark.parametrize(
    ("check", "value"),
    [(v.mobile, "1٣800000001"), (v.mobile, "1３800000001"), (v.office_phone, "010-８8256000"),
     (v.id_number, "11010519491231002X".replace("1", "١", 1))],
)
def test_only_ascii_digits_count(check, value):
    assert check(value) is not None
