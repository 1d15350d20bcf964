"""What the command line may print of personal data."""

from __future__ import annotations


def mask_phone(phone: str) -> str:
    """A mobile number as the sites show it: 139****1234."""
    return f"{phone[:3]}****{phone[-4:]}" if len(phone) >= 7 else "****"
