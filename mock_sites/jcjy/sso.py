"""Client of the office site's SSO API (全国学生资助办公系统 ``/api/sso/verify`` and ``/grants``)."""

from __future__ import annotations

import http.client
import json
import urllib.parse
from dataclasses import dataclass, field

from ..common.roles import JCJY_SYSTEM, ROLE_STAGES

UNREACHABLE = "暂时无法连接全国学生资助办公系统，请稍后再试"
WRONG_CREDENTIALS = "账号或密码错误"
NO_GRANT = (
    "您尚未获得基层就业系统审核权限，请联系本单位管理员在全国学生资助办公系统"
    "“内部组织-部门成员”中授权"
)
BAD_SERVICE_TOKEN = "基层就业系统与全国学生资助办公系统的对接凭证无效，请联系系统管理员"


class SsoError(Exception):
    """Login refused or impossible; ``str(exc)`` is the Chinese message for the user."""


@dataclass(frozen=True)
class StaffIdentity:
    """The office's answer for a valid account."""

    account: str
    name: str
    unit_code: str
    unit_name: str
    department: str = ""
    systems: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)

    @property
    def stages(self) -> list[str]:
        """学段 this person may review here, in a stable order (研究生 first)."""
        return [stage for role, stage in ROLE_STAGES.items() if role in self.roles]

    @property
    def may_review(self) -> bool:
        return JCJY_SYSTEM in self.systems and bool(self.stages) and bool(self.unit_code)


def verify(office_url: str, token: str, account: str, password: str,
           timeout: float = 10.0) -> StaffIdentity:
    """POST the credentials to the office; raise SsoError with the user-facing message."""
    return _ask(office_url, token, "verify", {"account": account, "password": password}, timeout)


def grants(office_url: str, token: str, account: str, timeout: float = 10.0) -> StaffIdentity:
    """The office's current answer for a logged-in ``account`` (no password): its grants now.

    Raises SsoError(NO_GRANT) when the office knows the account no more."""
    return _ask(office_url, token, "grants", {"account": account}, timeout)


def _ask(office_url: str, token: str, verb: str, body: dict, timeout: float) -> StaffIdentity:
    try:
        status, answer_body = _post(f"{office_url.rstrip('/')}/api/sso/{verb}", token, body, timeout)
    except (OSError, http.client.HTTPException, ValueError):
        raise SsoError(UNREACHABLE) from None
    answer = _json(answer_body)
    if status == 200 and answer.get("ok"):
        try:
            return StaffIdentity(
                account=str(answer["account"]), name=str(answer["name"]),
                unit_code=str(answer.get("unit_code") or ""),
                unit_name=str(answer.get("unit_name") or ""),
                department=str(answer.get("department") or ""),
                systems=[str(s) for s in answer.get("systems") or []],
                roles=[str(r) for r in answer.get("roles") or []],
            )
        except KeyError:
            raise SsoError(UNREACHABLE) from None
    if status == 401:
        raise SsoError(WRONG_CREDENTIALS)
    if status == 404:
        raise SsoError(NO_GRANT)
    if status == 423:
        raise SsoError(str(answer.get("error") or "账号已锁定，请稍后再试"))
    if status == 403:
        raise SsoError(BAD_SERVICE_TOKEN)
    raise SsoError(UNREACHABLE)


def _post(url: str, token: str, body: dict, timeout: float) -> tuple[int, bytes]:
    """POST ``body`` as JSON: (status, body). Plain ``http.client``: a re-check is made on every
    确定, and urllib would build an opener (and read the proxy settings) for each one."""
    parts = urllib.parse.urlsplit(url)
    kinds = {"http": http.client.HTTPConnection, "https": http.client.HTTPSConnection}
    if parts.scheme not in kinds or not parts.hostname:
        raise ValueError(url)
    connection = kinds[parts.scheme](parts.hostname, parts.port, timeout=timeout)
    try:
        connection.request("POST", parts.path, json.dumps(body).encode(),
                           {"Content-Type": "application/json", "X-Service-Token": token})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def _json(body: bytes) -> dict:
    try:
        value = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}
