"""The demo data as seen from outside the mocks: seeded accounts, the 邀请码, the defaults.

Besides :mod:`mock_sites.server` (start the sites), this is the one module of ``mock_sites`` that
the CLI, the benchmarks and the end-to-end tests may import: they talk to the sites over HTTP
and need to know only whom to log in as. Each fact is defined where the mocks use it; this
module names it for the outside.
"""

from __future__ import annotations

from .common.config import (
    CAPTCHA_MODES,
    DEFAULT_APPLICATIONS,
    DEFAULT_SEED,
    MAX_APPLICATIONS,
    MockConfig,
)
from .office.seed import (
    GRADUATE_REVIEWER_ACCOUNT,
    OTHER_UNIT_REVIEWER_ACCOUNT,
    SCHOOL_ADMIN_ACCOUNT,
    UNDERGRADUATE_REVIEWER_ACCOUNT,
    UNGRANTED_MEMBER_ACCOUNT,
    seeded_accounts,
)
from .reference import demo_invite_code, demo_units, unit


def graduate_unit_name() -> str:
    """培养单位 of the graduate demo reviewer (计算所, as in the procedure document's walkthrough)."""
    return unit(demo_units().graduate_unit).name


def undergraduate_unit_name() -> str:
    """培养单位 of the undergraduate demo reviewer (本科部)."""
    return unit(demo_units().undergraduate_unit).name


__all__ = [
    "CAPTCHA_MODES",
    "DEFAULT_APPLICATIONS",
    "DEFAULT_SEED",
    "GRADUATE_REVIEWER_ACCOUNT",
    "MAX_APPLICATIONS",
    "OTHER_UNIT_REVIEWER_ACCOUNT",
    "SCHOOL_ADMIN_ACCOUNT",
    "UNDERGRADUATE_REVIEWER_ACCOUNT",
    "UNGRANTED_MEMBER_ACCOUNT",
    "MockConfig",
    "demo_invite_code",
    "graduate_unit_name",
    "seeded_accounts",
    "undergraduate_unit_name",
]
