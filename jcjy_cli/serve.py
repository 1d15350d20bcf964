"""`jcjy serve`: both mock sites, each in its own process, until Ctrl-C."""

from __future__ import annotations

import argparse
import signal
import threading

from mock_sites.demo import (
    CAPTCHA_MODES,
    DEFAULT_APPLICATIONS,
    DEFAULT_SEED,
    MAX_APPLICATIONS,
    MockConfig,
    demo_invite_code,
    seeded_accounts,
)
from mock_sites.server import start_site_processes


def add_mock_options(parser: argparse.ArgumentParser) -> None:
    """Options shared by every sub-command that starts the embedded mock sites."""
    g = parser.add_argument_group("模拟站点")
    g.add_argument("--data-dir", help="数据目录（SQLite 文件所在处），默认 .data/")
    g.add_argument("--seed", type=int, help=f"演示数据随机种子（相同种子生成相同数据），默认 {DEFAULT_SEED}")
    g.add_argument("--applications", type=int, help=f"生成的学生申请数量（1–{MAX_APPLICATIONS}），默认 {DEFAULT_APPLICATIONS}")
    g.add_argument("--captcha", choices=CAPTCHA_MODES, help=f"图形验证码模式，默认 {CAPTCHA_MODES[0]}")
    g.add_argument("--latency-ms", type=int, help="故障开关：每个请求附加的延迟（毫秒）")
    g.add_argument("--error-rate", type=float, help="故障开关：返回 HTTP 500 的比例（0–1）")
    g.add_argument("--session-lifetime", type=int, help="故障开关：登录会话有效期（秒）")
    g.add_argument("--sms-fail", action="store_true", default=None, help="故障开关：短信网关失败")


def config_from_args(args: argparse.Namespace) -> MockConfig:
    """MockConfig from environment (JCJY_MOCK_*) overridden by the given flags."""
    faults = {
        name: value for name, value in (
            ("latency_ms", args.latency_ms), ("error_rate", args.error_rate),
            ("session_lifetime_s", args.session_lifetime), ("sms_fail", args.sms_fail),
        ) if value is not None
    }
    return MockConfig.from_env(
        data_dir=args.data_dir, seed=args.seed, applications=args.applications,
        captcha_mode=args.captcha, faults=faults,
    )


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("serve", help="启动两个模拟站点（资助办公系统、基层就业系统）")
    p.add_argument("--host", default="127.0.0.1", help="监听地址，默认 127.0.0.1")
    p.add_argument("--office-port", type=int, default=8001, help="资助办公系统端口，默认 8001")
    p.add_argument("--jcjy-port", type=int, default=8002, help="基层就业系统端口，默认 8002")
    add_mock_options(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    config = config_from_args(args)
    sites = start_site_processes(config, args.office_port, args.jcjy_port, args.host)
    try:
        print(f"全国学生资助办公系统：      {sites.office_url}/")
        print(f"中央高校基层就业资助管理系统：{sites.jcjy_url}/loginHome")
        print(f"数据目录：{config.data_dir.resolve()}（种子 {config.seed}，申请 {config.applications} 份）")
        print(f"演示邀请码（学生资助 · 中国科学院大学）：{demo_invite_code()}")
        print(f"预置账号（模拟数据，密码均为 {config.demo_password}）：")
        for acc in seeded_accounts(config):
            print(f"  {acc.account}  {acc.name}  {acc.role}  {acc.unit_name or ''}")
        print(f"模拟控制接口：{sites.office_url}/__mock__/sms  {sites.jcjy_url}/__mock__/sms")
        print("按 Ctrl-C 停止。", flush=True)
        stop = threading.Event()
        signal.signal(signal.SIGTERM, lambda *_: stop.set())
        stop.wait()
    except KeyboardInterrupt:
        pass
    finally:
        sites.stop()
        print("已停止。")
    return 0
