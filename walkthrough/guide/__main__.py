"""``python -m walkthrough.guide RUN_DIR [--compare PREVIOUS_DIR]``: (re)build the illustrated
guide of a recorded run folder and, with ``--compare``, say which screenshots changed since an
earlier run (``对比.html``). Needs no mock sites: only the folder and Firefox (to print the PDF)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from browser.installation import BrowserSetupError, check_playwright_version
from browser.launch import launch_options
from walkthrough.manifest import Manifest

from . import build_guide, compare_runs


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m walkthrough.guide",
        description="由一次演示录制的输出目录（run.json 与截图）生成图文操作指南（HTML、DOCX、PDF）",
    )
    parser.add_argument("run_dir", type=Path, metavar="RUN_DIR", help="录制输出目录")
    parser.add_argument("--compare", type=Path, metavar="PREVIOUS_DIR",
                        help="与之前一次录制的输出目录对比截图，写出 对比.html")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        for folder in (args.run_dir, args.compare):
            if folder is not None:
                Manifest.load(folder)  # a clear message before Firefox starts
        check_playwright_version()
        with sync_playwright() as playwright:
            browser = playwright.firefox.launch(**launch_options("firefox"))
            try:
                written = build_guide(args.run_dir, browser)
            finally:
                browser.close()
        if args.compare is not None:
            result = compare_runs(args.compare, args.run_dir)
            print("\n".join(result.summary()))
            written.append(result.page)
    except (ValueError, BrowserSetupError) as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 2
    print("已写出：")
    print("\n".join(f"  {path}" for path in written))
    return 0


if __name__ == "__main__":
    sys.exit(main())
