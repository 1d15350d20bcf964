"""Display helpers (Jinja filters): masking of personal data and money."""

from __future__ import annotations

from decimal import Decimal

from flask import Flask


def mask_id(value: str) -> str:
    """110105199001011234 → 110105********1234 (the full number is never rendered)."""
    value = value or ""
    if len(value) < 10:
        return "*" * len(value)
    return value[:6] + "*" * (len(value) - 10) + value[-4:]


def mask_phone(value: str) -> str:
    value = value or ""
    return value[:3] + "****" + value[-4:] if len(value) == 11 else "*" * len(value)


def money(value: int | float | Decimal | None) -> str:
    """Yuan with two decimals, no thousands separator: 16000 → 16000.00."""
    return "" if value is None else f"{Decimal(value):.2f}"


def install_filters(app: Flask) -> None:
    app.jinja_env.filters.update(mask_id=mask_id, mask_phone=mask_phone, money=money)
