"""Values as the sites print them (on screens and in the proofs)."""

from __future__ import annotations

from decimal import Decimal


def amount(text: str) -> Decimal:
    """An amount in 元 as printed: "8,000.00" → Decimal("8000.00")."""
    return Decimal(text.replace(",", "").strip())


_CAPITAL_DIGITS = {c: i for i, c in enumerate("零壹贰叁肆伍陆柒捌玖")}
_CAPITAL_UNITS = {"拾": 10, "佰": 100, "仟": 1000}
_CAPITAL_GROUPS = {"万": 10_000, "亿": 100_000_000}


def amount_in_capitals(text: str) -> Decimal | None:
    """An amount in Chinese capitals (大写) of whole 元: "壹万零伍佰元整" → Decimal("10500");
    None when ``text`` is not one (a misread character, no 元)."""
    body = text.strip()
    if not body.endswith(("元整", "元正", "元")):
        return None
    body = body.removesuffix("整").removesuffix("正").removesuffix("元")
    if not body:
        return None
    total = group = digit = 0
    for char in body:
        if char in _CAPITAL_DIGITS:
            digit = _CAPITAL_DIGITS[char]
        elif char in _CAPITAL_UNITS:
            group += (digit or 1) * _CAPITAL_UNITS[char]
            digit = 0
        elif char in _CAPITAL_GROUPS:
            total += (group + digit) * _CAPITAL_GROUPS[char]
            group = digit = 0
        else:
            return None
    return Decimal(total + group + digit)
