"""Masking of personal data for display: the full value is never rendered."""

from __future__ import annotations


def mask_id(value: str | None) -> str:
    """110105199001011234 → 110105********1234."""
    value = value or ""
    if len(value) < 10:
        return "*" * len(value)
    return value[:6] + "*" * (len(value) - 10) + value[-4:]


def mask_mobile(value: str | None) -> str:
    """13800000001 → 138****0001."""
    value = value or ""
    if len(value) < 8:
        return "*" * len(value)
    return value[:3] + "****" + value[-4:]
