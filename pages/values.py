"""Values as the sites print them (on screens and in the proofs)."""

from __future__ import annotations

from decimal import Decimal


def amount(text: str) -> Decimal:
    """An amount in 元 as printed: "8,000.00" → Decimal("8000.00")."""
    return Decimal(text.replace(",", "").strip())
