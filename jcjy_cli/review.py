"""`jcjy review export | apply | status`: bulk review assistance (the reviewer keeps every
decision). Credentials come from the environment or a prompt, never from argv."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from importlib.metadata import version
from pathlib import Path

from playwright.sync_api import Browser, Page, Playwright, StorageState, sync_playwright
from rich.console import Console
from rich.table import Table

from browser.installation import check_playwright_version
from browser.launch import context_options, launch_options
from bulk_review import status as review_status
from bulk_review.export import STATUS_CHOICES, export
from bulk_review.runs import apply_worksheet, check_offline
from bulk_review.session import Reviewer
from bulk_review.site import SiteSession
from bulk_review.worksheet import WorksheetError
from flows.errors import ApplicationError
from flows.models import Credentials
from harness.mock_control import is_mock
from mock_sites.demo import GRADUATE_REVIEWER_ACCOUNT
from mock_sites.server import start_sites

from .masking import mask_phone
from .serve import add_mock_options, config_from_args
from .targets import _ask

STEP_TIMEOUT_MS = 15_000
RESUME_HINT = "已读取的申请已记入审核日志，再次运行同一命令即从中断处继续（加 --fresh 则重新导出）。"
console = Console()


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("review", help="批量审核辅助：导出审核表、提交审核结果、查看进度")
    group = p.add_subparsers(dest="review_command", required=True, metavar="子命令")
    e = group.add_parser("export", help="导出申请名单、证明材料与核查建议到审核表（xlsx）")
    e.add_argument("--out", type=Path, default=Path("reviews/审核表.xlsx"),
                   help="审核表路径（.xlsx），默认 reviews/审核表.xlsx；证明材料存于同目录 evidence/")
    e.add_argument("--csv", action="store_true", help="另存一份 CSV（UTF-8 带 BOM）")
    e.add_argument("--fresh", action="store_true",
                   help="重新导出；默认接着同一审核表上次中断（Ctrl-C、被终止）的导出继续，已读取的申请不再读取")
    e.add_argument("--status", choices=STATUS_CHOICES, default=STATUS_CHOICES[0],
                   help="导出哪些申请：待审核（默认）或 all（全部）")
    _site_options(e)
    e.set_defaults(func=run_export)
    a = group.add_parser("apply", help="校验并提交审核表中已填写的审核结果（可中断后重新运行）")
    a.add_argument("worksheet", type=Path, metavar="审核表", help="填好的审核表（.xlsx 或 .csv）")
    a.add_argument("--dry-run", action="store_true", help="只校验并在页面上填好，不点击“确定”")
    _site_options(a)
    a.set_defaults(func=run_apply)
    s = group.add_parser("status", help="按审核日志显示进度：已完成、失败及原因、剩余")
    s.add_argument("worksheet", type=Path, metavar="审核表")
    s.set_defaults(func=run_status)


def _site_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--jcjy-url", default=os.environ.get("JCJY_JCJY_URL"),
                   help="基层就业系统地址（如 jcjy serve 打印的地址；环境变量 JCJY_JCJY_URL）；默认启动内置模拟站点（数据目录 .data/）")
    p.add_argument("--headed", action="store_true", help="显示浏览器窗口（图形验证码可在窗口中输入）")
    add_mock_options(p)


def _credentials(embedded_password: str | None) -> Credentials:
    if embedded_password is not None:  # the embedded mock: its seeded reviewer unless told
        return Credentials(os.environ.get("JCJY_REVIEW_ACCOUNT", GRADUATE_REVIEWER_ACCOUNT),
                           os.environ.get("JCJY_REVIEW_PASSWORD", embedded_password))
    return Credentials(_ask("JCJY_REVIEW_ACCOUNT", "审核人员账号（资助办公系统账号）"),
                       _ask("JCJY_REVIEW_PASSWORD", "审核人员密码", secret=True))


def _ask_captcha(image: Path) -> str:
    if not os.isatty(0):
        raise ValueError(f"登录需要图形验证码（图片：{image}），请在终端中运行或使用 --headed")
    print(f"图形验证码图片已保存：{image.resolve()}（请打开查看）", flush=True)
    answer = input("请输入图片中的图形验证码：").strip()
    if not answer:
        raise ValueError("图形验证码不能为空")
    return answer


@contextmanager
def _session(args: argparse.Namespace, work_dir: Path) -> Iterator[SiteSession]:
    if args.headed and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        raise ValueError("--headed 需要图形界面；无显示器时请用 xvfb-run -a")
    check_playwright_version()
    with ExitStack() as stack:
        if args.jcjy_url:
            url, creds = args.jcjy_url.rstrip("/"), _credentials(None)
            where = f"{'模拟' if is_mock(url) else ''}站点 {url}"
        else:
            running = stack.enter_context(start_sites(config_from_args(args)))
            url, creds = running.jcjy_url, _credentials(running.config.demo_password)
            where = f"内置模拟站点（数据目录 {Path(running.config.data_dir).resolve()}）"
        print(f"目标：{where}；审核人员 {mask_phone(creds.account)}", flush=True)
        reviewer = Reviewer(url, creds, None if args.headed else _ask_captcha,
                            work_dir / "图形验证码.png", mask_phone(creds.account))
        firefox = Firefox(stack.enter_context(sync_playwright()), headless=not args.headed)
        stack.callback(firefox.close)
        yield SiteSession(firefox.start(), reviewer, fresh_browser=firefox.restart)


class Firefox:
    """The reviewer's browser, restarted with the same login (its cookies, kept in memory only)
    as often as :data:`bulk_review.site.BROWSER_USES` says."""

    def __init__(self, playwright: Playwright, headless: bool) -> None:
        self.playwright, self.headless = playwright, headless
        self.browser: Browser | None = None

    def start(self, state: StorageState | None = None) -> Page:
        self.browser = self.playwright.firefox.launch(headless=self.headless, **launch_options("firefox"))
        context = self.browser.new_context(**context_options(None), storage_state=state)
        context.set_default_timeout(STEP_TIMEOUT_MS)
        return context.new_page()

    def restart(self, old: Page) -> Page:
        state = old.context.storage_state()
        self.close()
        return self.start(state)

    def close(self) -> None:
        if self.browser is not None:
            self.browser.close()
            self.browser = None


def run_export(args: argparse.Namespace) -> int:
    out: Path = args.out
    if out.suffix.lower() != ".xlsx":
        raise ValueError(f"--out 须为 .xlsx 文件：{out}")
    out.parent.mkdir(parents=True, exist_ok=True)
    try:
        with _session(args, out.parent) as session:
            result = export(session, out, args.status, version("jcjy"), args.csv, args.fresh)
    except KeyboardInterrupt:
        print(f"导出已中断：{RESUME_HINT}", file=sys.stderr)
        raise
    except ApplicationError as exc:
        print(f"错误：{exc}\n导出未完成：{RESUME_HINT}", file=sys.stderr)
        return 1
    if result.resumed:
        print(f"接续上次中断的导出：其中 {result.resumed} 份此前已读取")
    print(f"已导出 {result.rows} 份申请：{result.worksheet}")
    if result.csv:
        print(f"CSV：{result.csv}")
    print("核查建议：" + "，".join(f"{k} {v}" for k, v in sorted(result.counts.items())))
    print(f"证明材料：{result.evidence}/<申请编号>/；审核日志：{result.journal}")
    print(f"请在“审核结果”列选择通过/不通过（“备注”可修改），然后运行：jcjy review apply {result.worksheet}")
    return 0


def run_apply(args: argparse.Namespace) -> int:
    worksheet: Path = args.worksheet
    try:
        plan, kind = check_offline(worksheet)  # before any browser: a bad file stops here
    except WorksheetError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 2
    if plan.problems:
        return _problems(plan.problems)
    with _session(args, worksheet.resolve().parent) as session:
        result = apply_worksheet(session, worksheet, args.dry_run)
    if result.problems:
        return _problems(result.problems)
    table = Table(title="提交结果" + ("（试运行）" if args.dry_run else ""))
    for header in ("行", "申请编号", "姓名", "审核结果", "结果", "说明"):
        table.add_column(header)
    for o in result.outcomes:
        table.add_row(str(o.row), o.application_no, o.name, o.result, o.outcome, o.message[:60])
    console.print(table)
    counts: dict[str, int] = {}
    for o in result.outcomes:
        counts[o.outcome] = counts.get(o.outcome, 0) + 1
    print("统计：" + ("，".join(f"{k} {v}" for k, v in counts.items()) or "没有已填写审核结果的行"))
    if result.report:
        print(f"报告：{result.report}")
    if result.stopped:
        print(f"已停止：{result.stopped}", file=sys.stderr)
        return 3
    failed = [o for o in result.outcomes if o.outcome.startswith(("失败", "未提交"))]
    return 1 if failed else 0


def _problems(problems: list) -> int:
    print(f"审核表有 {len(problems)} 处问题，未提交任何结果：", file=sys.stderr)
    for problem in problems:
        print(f"  {problem}", file=sys.stderr)
    return 1


def run_status(args: argparse.Namespace) -> int:
    try:
        s = review_status.read_status(args.worksheet)
    except ValueError as exc:  # WorksheetError, or no journal for this sheet
        print(f"错误：{exc}", file=sys.stderr)
        return 2
    print(f"导出编号 {s.export_id}：已填写审核结果 {s.filled} 行")
    print(f"  已完成 {len(s.done)} 行")
    print(f"  结果待核对（上次中断于确定前后，重新运行 apply 时先在站点核对）{len(s.in_doubt)} 行"
          + (f"：{'、'.join(s.in_doubt)}" if s.in_doubt else ""))
    print(f"  未提交（站点拒绝或申请已变化）{len(s.refused)} 行")
    for number, why in s.refused:
        print(f"    {number}：{why}")
    print(f"  失败（可重新运行 apply）{len(s.failed)} 行")
    for number, why in s.failed:
        print(f"    {number}：{why}")
    print(f"  剩余（尚未提交）{len(s.left)} 行")
    return 0
