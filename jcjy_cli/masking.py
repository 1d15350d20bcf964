"""What the command line may print of personal data."""

from __future__ import annotations


def mask_phone(phone: str) -> str:
    """A mobile number as the command line prints it: 139****1234 (anything but an 11-digit
    number: ****). The sites mask their pages by rules of their own."""
    return f"{phone[:3]}****{phone[-4:]}" if len(phone) == 11 and phone.isascii() and phone.isdigit() else "****"
