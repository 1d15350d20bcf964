"""Made-up staff members for runs against the mock sites (never real people)."""

from __future__ import annotations

import random
import secrets

from faker import Faker

from flows.models import StaffMember

# 中国科学院大学: the 院（系） and 培养单位 the procedure document's walkthrough uses, per 学段 (本科部 for 本专科).
DEFAULT_PLACEMENT = {
    "研究生": ("计算机科学与技术学院", "中国科学院计算技术研究所"),
    "本专科": ("本科部", "中国科学院大学本科部"),
}


def new_staff_member(
    stage: str = "研究生", department: str | None = None, unit: str | None = None,
    seed: int | None = None,
) -> StaffMember:
    """A fresh staff member with a unique-looking mobile number and a strong random password."""
    if stage not in DEFAULT_PLACEMENT:
        raise ValueError(f"学段只能是 {'、'.join(DEFAULT_PLACEMENT)}，收到：{stage!r}")
    fake = Faker("zh_CN")
    rng = random.Random(seed)
    if seed is not None:
        fake.seed_instance(seed)
    default_department, default_unit = DEFAULT_PLACEMENT[stage]
    # 139 numbers: the mock's seeded accounts use 138.
    phone = "139" + "".join(rng.choice("0123456789") for _ in range(8))
    return StaffMember(
        phone=phone,
        password=f"Jc{secrets.token_hex(5)}7",
        name=fake.name(),
        id_number=fake.ssn(),
        office_phone=f"010-8825{rng.randrange(10000):04d}",
        email=f"staff{phone[-6:]}@ucas.ac.cn",
        department=department or default_department,
        stage=stage,
        unit=unit or default_unit,
    )
