"""Input checks shared by both sites. Each returns a Chinese message naming the field, or None."""

from __future__ import annotations

import re
from datetime import date

# re.ASCII: \d is 0-9 only (not '٣' or '３'); fullmatch: no trailing newline slips through.
MOBILE_RE = re.compile(r"1[3-9]\d{9}", re.ASCII)
EMAIL_RE = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}", re.ASCII)
PHONE_RE = re.compile(r"0\d{2,3}-?\d{7,8}(-\d{1,6})?|1[3-9]\d{9}", re.ASCII)
MARKUP_RE = re.compile(r"<\s*/?\s*[A-Za-z!?]|javascript:", re.IGNORECASE)
#: C0/C1 controls but tab and line breaks, DEL, and the bidirectional overrides (U+202A–202E,
#: U+2066–2069) that make text read otherwise than it is stored (in an SMS, on a page).
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
ID_NUMBER_RE = re.compile(r"\d{17}[\dX]", re.ASCII)
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


def id_check_digit(first17: str) -> str:
    """GB 11643 check character of an 18-digit 身份证号 (ISO 7064 MOD 11-2)."""
    return _ID_CHECK[sum(int(d) * w for d, w in zip(first17, _ID_WEIGHTS, strict=True)) % 11]


def required(value: str, label: str) -> str | None:
    return None if value.strip() else f"请填写{label}"


def max_length(value: str, label: str, limit: int) -> str | None:
    return None if len(value) <= limit else f"{label}不能超过{limit}个字符（当前{len(value)}个）"


def mobile(value: str, label: str = "手机号") -> str | None:
    if not value:
        return f"请填写{label}"
    return None if MOBILE_RE.fullmatch(value) else f"{label}格式不正确，应为11位手机号码"


def id_number(value: str, label: str = "身份证号") -> str | None:
    """18-digit 居民身份证号码: birth date and ISO 7064 check digit."""
    value = value.strip().upper()
    if not value:
        return f"请填写{label}"
    if not ID_NUMBER_RE.fullmatch(value):
        return f"{label}格式不正确，应为18位（最后一位可为X）"
    try:
        born = date(int(value[6:10]), int(value[10:12]), int(value[12:14]))
    except ValueError:
        return f"{label}中的出生日期无效"
    if not date(1900, 1, 1) <= born <= date.today():
        return f"{label}中的出生日期无效"
    if id_check_digit(value[:17]) != value[17]:
        return f"{label}校验位不正确，请核对后重新输入"
    return None


def email(value: str, label: str = "邮箱") -> str | None:
    if not value:
        return f"请填写{label}"
    if len(value) > 100:
        return f"{label}不能超过100个字符"
    return None if EMAIL_RE.fullmatch(value) else f"{label}格式不正确"


def office_phone(value: str, label: str = "办公电话") -> str | None:
    if not value:
        return f"请填写{label}"
    return None if PHONE_RE.fullmatch(value) else f"{label}格式不正确，例如 010-88256000"


def password(value: str, label: str = "密码") -> str | None:
    """Rule of the office site: 8–20 characters mixing letters and digits."""
    if not value:
        return f"请填写{label}"
    if not 8 <= len(value) <= 20:
        return f"{label}长度应为8到20位"
    if not (re.search(r"[A-Za-z]", value) and re.search(r"\d", value)):
        return f"{label}须同时包含字母和数字"
    return None


def plain_text(value: str, label: str, limit: int) -> str | None:
    """Free text: bounded length, no HTML or script, no NUL or other control characters."""
    if CONTROL_RE.search(value):
        return f"{label}不能包含控制字符，请只填写文字"
    if MARKUP_RE.search(value):
        return f"{label}不能包含HTML标签或脚本，请只填写文字"
    return max_length(value, label, limit)


def collect(checks: dict[str, str | None]) -> dict[str, str]:
    """Keep only the failed checks: {field: message}."""
    return {name: msg for name, msg in checks.items() if msg}
