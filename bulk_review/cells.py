"""Text in a cell that no spreadsheet runs: what students typed may start like a formula."""

from __future__ import annotations

#: A cell starting with one of these is taken as a formula by Excel, WPS or LibreOffice (a tab
#: or carriage return first is a known way around the check; an apostrophe is our own escape).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "'")


def escaped(value: str) -> str:
    """``value`` for a CSV cell: an apostrophe before a formula-like start (OWASP's advice)."""
    return "'" + value if value.startswith(FORMULA_START) else value


def unescaped(value: str) -> str:
    """The text :func:`escaped` was given."""
    if len(value) > 1 and value[0] == "'" and value[1:].startswith(FORMULA_START):
        return value[1:]
    return value


def looks_like_formula(value: str) -> bool:
    """Whether a spreadsheet would run ``value`` typed into a cell."""
    return value.lstrip(" ").startswith(("=", "+", "-", "@"))
