"""Configuration shared by both mock sites."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field, fields
from pathlib import Path

CAPTCHA_MODES = ("off", "fixed", "image")
#: The demo data every run starts from unless told otherwise (`jcjy serve --seed/--applications`).
DEFAULT_SEED = 2024
DEFAULT_APPLICATIONS = 60
MAX_APPLICATIONS = 5000
#: Password of every seeded demo account (mock data only; printed by `jcjy serve`).
DEFAULT_DEMO_PASSWORD = "Demo2024abc"


@dataclass
class Faults:
    """Fault switches a tester can flip at run time (via /__mock__/faults, flags or env)."""

    latency_ms: int = 0
    error_rate: float = 0.0  # share of ordinary requests answered with HTTP 500
    session_lifetime_s: int = 8 * 3600
    sms_fail: bool = False

    def update(self, values: dict) -> None:
        """Apply a partial update atomically; raise ValueError (in Chinese) and change nothing."""
        known = {f.name: f for f in fields(self)}
        unknown = set(values) - set(known)
        if unknown:
            raise ValueError(f"未知的故障开关：{', '.join(sorted(unknown))}")
        parsed = {}
        for name, raw in values.items():
            try:
                value = _coerce(known[name].type, raw)
            except (TypeError, ValueError):
                raise ValueError(f"故障开关 {name} 的值无效：{raw!r}") from None
            if name == "error_rate" and not 0.0 <= value <= 1.0:
                raise ValueError("故障开关 error_rate 必须在 0 到 1 之间")
            if name in ("latency_ms", "session_lifetime_s") and value < 0:
                raise ValueError(f"故障开关 {name} 不能为负数")
            parsed[name] = value
        for name, value in parsed.items():
            setattr(self, name, value)

    def as_dict(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self)}


def _coerce(type_name: str, raw: object) -> object:
    if type_name == "bool":
        if isinstance(raw, str):
            if raw.lower() in ("1", "true", "yes", "on"):
                return True
            if raw.lower() in ("0", "false", "no", "off", ""):
                return False
            raise ValueError(raw)
        return bool(raw)
    if type_name == "int":
        if isinstance(raw, bool):
            raise TypeError(raw)
        return int(raw)
    return float(raw)


@dataclass
class MockConfig:
    """Everything both mock sites need to start; one instance may serve both."""

    data_dir: Path = Path(".data")
    seed: int = DEFAULT_SEED
    applications: int = DEFAULT_APPLICATIONS
    captcha_mode: str = CAPTCHA_MODES[0]
    captcha_fixed_code: str = "8888"
    demo_password: str = field(default=DEFAULT_DEMO_PASSWORD, repr=False)
    service_token: str = field(default_factory=lambda: secrets.token_urlsafe(24), repr=False)
    office_url: str = "http://127.0.0.1:8001"
    secret_key: str = field(default_factory=lambda: secrets.token_hex(32), repr=False)
    faults: Faults = field(default_factory=Faults)
    # Failed logins / invite-code guesses allowed per window before a lock-out.
    max_failures: int = 5
    failure_window_s: int = 15 * 60
    # jcjy re-checks a reviewer's grant with the office (SSO) on every 确定, and on reading
    # when the last check is older than this (not on every page view: each check is a call).
    grant_recheck_s: int = 5 * 60
    # Per client address (throttle.client_key): failed logins across accounts (stops password
    # spraying; successes are not counted) and SMS codes sent (stops SMS pumping).
    client_failures: int = 30
    client_failure_window_s: int = 15 * 60
    client_sms: int = 10
    client_sms_window_s: int = 60 * 60
    # With captcha mode on, forms without a 图形验证码 (学生登录, 注册's 获取验证码) demand one of
    # a client once these windows hold this many failed logins / codes sent (client_captcha).
    captcha_after_failures: int = 3
    captcha_after_sms: int = 3

    def __post_init__(self) -> None:
        self.data_dir = Path(self.data_dir)
        if self.captcha_mode not in CAPTCHA_MODES:
            raise ValueError(f"图形验证码模式必须是 {'/'.join(CAPTCHA_MODES)} 之一")
        if not 1 <= self.applications <= MAX_APPLICATIONS:
            raise ValueError(f"申请数量必须在 1 到 {MAX_APPLICATIONS} 之间")

    @classmethod
    def from_env(cls, **overrides: object) -> MockConfig:
        """Build from JCJY_MOCK_* variables; explicit overrides (not None) win."""
        env = os.environ
        values: dict[str, object] = {}
        for name, conv in (
            ("data_dir", Path), ("seed", int), ("applications", int),
            ("captcha_mode", str), ("captcha_fixed_code", str), ("service_token", str),
            ("demo_password", str), ("grant_recheck_s", int), ("client_failures", int),
            ("client_failure_window_s", int), ("client_sms", int), ("client_sms_window_s", int),
            ("captcha_after_failures", int), ("captcha_after_sms", int),
        ):
            key = f"JCJY_MOCK_{name.upper()}"
            if key in env:
                values[name] = conv(env[key])
        values.update({k: v for k, v in overrides.items() if v is not None and k != "faults"})
        config = cls(**values)  # type: ignore[arg-type]
        config.faults.update({
            f.name: env[f"JCJY_MOCK_{f.name.upper()}"]
            for f in fields(Faults) if f"JCJY_MOCK_{f.name.upper()}" in env
        })
        if isinstance(overrides.get("faults"), dict):
            config.faults.update(overrides["faults"])  # type: ignore[arg-type]
        return config
