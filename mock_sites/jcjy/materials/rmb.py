"""Amounts as every material prints them: 8000.00 and, in Chinese capitals, 捌仟元整."""

from __future__ import annotations

_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_SMALL_UNITS = ("", "拾", "佰", "仟")
_BIG_UNITS = ("", "万", "亿")


def receipt_amount_text(amount: int) -> str:
    """How an amount appears on every material, e.g. 8000 -> '8000.00'."""
    return f"{amount:.2f}"


def rmb_upper(amount: int) -> str:
    """金额大写 for whole yuan, e.g. 8000 -> '捌仟元整', 10500 -> '壹万零伍佰元整'."""
    if amount < 0:
        raise ValueError("金额不能为负数")
    if amount == 0:
        return "零元整"
    groups: list[int] = []
    while amount:
        groups.append(amount % 10000)
        amount //= 10000
    if len(groups) > len(_BIG_UNITS):
        raise ValueError("金额过大")
    text = ""
    need_zero = False
    for idx in range(len(groups) - 1, -1, -1):
        group = groups[idx]
        if group == 0:
            need_zero = bool(text)
            continue
        if text and (need_zero or group < 1000):
            text += "零"
        text += _group_upper(group) + _BIG_UNITS[idx]
        need_zero = False
    return text + "元整"


def _group_upper(group: int) -> str:
    digits = [int(d) for d in f"{group:04d}"]
    out = ""
    pending_zero = False
    for pos, digit in enumerate(digits):
        if digit == 0:
            pending_zero = bool(out)
            continue
        if pending_zero:
            out += "零"
            pending_zero = False
        out += _DIGITS[digit] + _SMALL_UNITS[3 - pos]
    return out
