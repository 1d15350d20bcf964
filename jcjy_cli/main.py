"""The `jcjy` command."""

from __future__ import annotations

import argparse
import sys

from flows.errors import ApplicationError

from . import demo, review, serve, walkthrough


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="jcjy",
        description="基层就业学费补偿审核流程：模拟站点、自动化流程与回归测试",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="命令")
    demo.register(sub)
    serve.register(sub)
    walkthrough.register(sub)
    review.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        print("已中断。", file=sys.stderr)
        return 130
    except ApplicationError as exc:  # retried within bounds, still failing (site down, time-outs)
        print(f"错误：{exc}\n（系统故障，已按上限重试；请稍后重新运行。）", file=sys.stderr)
        return 1
    except (ValueError, RuntimeError, OSError) as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 2
