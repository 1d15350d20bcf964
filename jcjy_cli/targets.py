"""Where the demo runs: the embedded mock sites (default) or sites given by URL, and whose
credentials it uses. Credentials come from the environment or a prompt, never from argv."""

from __future__ import annotations

import getpass
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from flows.models import Credentials, StaffMember
from flows.procedure import Sites
from harness.mock_control import MockControl, is_mock
from harness.people import new_staff_member
from mock_sites.demo import SCHOOL_ADMIN_ACCOUNT, MockConfig, demo_invite_code
from mock_sites.server import start_sites

from .masking import mask_phone


@dataclass
class Target:
    sites: Sites
    staff: StaffMember
    school_admin: Credentials
    invite_code: str
    read_sms_code: Callable[[str], str]
    mock: MockControl | None  # the jcjy mock's control surface, when the target is a mock
    description: str


def _ask(name: str, prompt: str, secret: bool = False) -> str:
    """A value from the environment variable ``name``, else from a prompt."""
    value = os.environ.get(name)
    if value:
        return value
    if not os.isatty(0):
        raise ValueError(f"缺少 {prompt}：请设置环境变量 {name}（非交互运行时无法提示输入）")
    value = (getpass.getpass if secret else input)(f"{prompt}：").strip()
    if not value:
        raise ValueError(f"{prompt}不能为空")
    return value


@contextmanager
def embedded_target(
    config: MockConfig, stage: str, staff_seed: int | None = None
) -> Iterator[Target]:
    """Both mock sites in this process on free ports, with a made-up staff member (the same one
    for the same ``staff_seed``)."""
    with start_sites(config) as running:
        office = MockControl(running.office_url)
        yield Target(
            sites=Sites(running.office_url, running.jcjy_url),
            staff=new_staff_member(stage, seed=staff_seed),
            school_admin=Credentials(SCHOOL_ADMIN_ACCOUNT, running.config.demo_password),
            invite_code=demo_invite_code(),
            read_sms_code=office.latest_sms_code,
            mock=MockControl(running.jcjy_url),
            description=f"内置模拟站点（数据目录 {Path(running.config.data_dir).resolve()}）",
        )


def external_target(office_url: str, jcjy_url: str, stage: str) -> Target:
    """Sites given by URL. On a mock (it has /__mock__/) SMS codes are read from its outbox."""
    mock = is_mock(office_url)
    base = new_staff_member(stage)
    if mock:
        staff, read_code = base, MockControl(office_url).latest_sms_code
        # That mock's own demo password is not known here: it is asked for, never guessed.
        admin = Credentials(
            os.environ.get("JCJY_SCHOOL_ADMIN_ACCOUNT", SCHOOL_ADMIN_ACCOUNT),
            _ask("JCJY_SCHOOL_ADMIN_PASSWORD", "学校管理员密码（模拟站点的演示密码）", secret=True),
        )
        invite = os.environ.get("JCJY_INVITE_CODE", demo_invite_code())
    else:
        staff = StaffMember(
            phone=_ask("JCJY_STAFF_ACCOUNT", "工作人员手机号（资助办公系统账号）"),
            password=_ask("JCJY_STAFF_PASSWORD", "工作人员密码", secret=True),
            name=_ask("JCJY_STAFF_NAME", "工作人员姓名"),
            id_number=_ask("JCJY_STAFF_ID_NUMBER", "工作人员身份证号", secret=True),
            email=_ask("JCJY_STAFF_EMAIL", "工作人员邮箱"),
            office_phone=_ask("JCJY_STAFF_OFFICE_PHONE", "办公电话"),
            department=_ask("JCJY_DEPARTMENT", "院（系）"),
            stage=stage,
            unit=_ask("JCJY_UNIT", "培养单位"),
        )
        admin = Credentials(
            _ask("JCJY_SCHOOL_ADMIN_ACCOUNT", "学校管理员账号"),
            _ask("JCJY_SCHOOL_ADMIN_PASSWORD", "学校管理员密码", secret=True),
        )
        invite = _ask("JCJY_INVITE_CODE", "邀请码（群里通知）")

        def read_code(phone: str) -> str:
            return _ask("JCJY_SMS_CODE", f"发送到 {mask_phone(phone)} 的短信验证码", secret=True)

    return Target(
        Sites(office_url, jcjy_url), staff, admin, invite, read_code,
        MockControl(jcjy_url) if mock else None,
        f"{'模拟' if mock else '外部'}站点 {office_url} · {jcjy_url}",
    )
