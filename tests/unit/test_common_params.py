"""mock_sites.common.params: one parser per kind of parameter, None instead of an exception."""

from __future__ import annotations

import pytest

from mock_sites.common import params


@pytest.mark.parametrize("raw", ["\u00b2", "\u0663", "\uff11", "1e3", "-1", "+1", " 1", "1 ", "0x1",
                                 "", "9" * 19, None, 5, ["1"]])
def test_only_ascii_digits_within_range_are_numbers(raw: object) -> None:
    assert params.whole_number(raw, 10**18) is None
    assert params.row_id(raw) is None and params.version(raw) is None
    assert params.page_number(raw) is None
    if not (isinstance(raw, str) and raw.strip() == "1"):  # amounts as typed may be padded
        assert params.amount_yuan(raw) is None


def test_ranges() -> None:
    assert params.row_id("2147483647") == 2**31 - 1 and params.row_id("2147483648") is None
    assert params.row_id(str(2**63)) is None and params.row_id("007") == 7
    assert params.page_number("0") is None and params.page_number("1") == 1
    assert params.page_number("1000001") is None
    assert params.amount_yuan(" 16,000 ") == 16000 and params.amount_yuan("1.5") is None


@pytest.mark.parametrize("raw", ["令牌", "\u00e9", "a\x00b", "a\nb", "x" * 201, None, 1])
def test_tokens_are_printable_ascii(raw: object) -> None:
    assert params.token(raw) is None
    assert params.same_token(raw, "secret") is False


def test_same_token() -> None:
    assert params.same_token("secret", "secret")
    assert not params.same_token("secreT", "secret") and not params.same_token("", "secret")
