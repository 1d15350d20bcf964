"""Display helpers (Jinja filters): masking of personal data and money."""

from __future__ import annotations

from decimal import Decimal

from flask import Flask

from ..common.masking import mask_id, mask_mobile


def money(value: int | float | Decimal | None) -> str:
    """Yuan with two decimals, no thousands separator: 16000 → 16000.00."""
    return "" if value is None else f"{Decimal(value):.2f}"


def install_filters(app: Flask) -> None:
    app.jinja_env.filters.update(mask_id=mask_id, mask_phone=mask_mobile, money=money)
