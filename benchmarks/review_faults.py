"""Benchmark: `jcjy review apply` under faults (10 % HTTP 500, 200 ms added, sessions of 30 s),
killed with SIGKILL at random points and re-run until done, checked on the SITE's side.

The reviewer's 待审核 queue holds ``count`` applications (the generator gives the demo graduate
unit a quarter of them). Export runs fault-free; every row is filled (通过, 通过 with a 备注,
不通过 with a reason naming its 申请编号, some left empty); then apply runs with the faults on and
is killed (tool and browser, the whole process group) after a random number of journal events
plus a random delay, ``kills`` times, then re-run until a run ends with every filled row done.
Afterwards, faults off, each exported 详情's 审核记录 and the SMS outbox are compared with the sheet.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bulk_review.status import read_status
from harness.mock_control import MockControl
from pages.jcjy import REJECTED, decided_label
from pages.jcjy.application_detail import NO_REMARK

from . import review_tool, sites, table

FAULTS = {"error_rate": 0.1, "latency_ms": 200, "session_lifetime_s": 30}
NO_FAULTS = {"error_rate": 0.0, "latency_ms": 0, "session_lifetime_s": 8 * 3600}
MAX_RUNS_AFTER_KILLS = 10


def run(count: int = 200, kills: int = 5, seed: int | None = None,
        progress: Callable[[str], None] = print) -> dict:
    rng = random.Random(seed)
    with (tempfile.TemporaryDirectory(prefix="jcjy-review-faults-") as tmp,
          sites.in_processes(count * review_tool.APPLICATIONS_PER_REVIEWER) as running):
        folder = Path(tmp)
        log = folder / "review.log"
        sheet = folder / "review" / "审核表.xlsx"
        progress(f"导出 {count} 份待审核申请（无故障）…")
        exported = review_tool.start(running, log, "export", "--out", str(sheet)).wait()
        if exported != 0:
            raise RuntimeError(f"export 退出码 {exported}：{review_tool.tail(log)}")
        paths = review_tool.detail_paths(sheet)
        if len(paths) < count:
            raise RuntimeError(f"审核人员的待审核申请只有 {len(paths)} 份（应至少 {count} 份）")
        filled = review_tool.fill(sheet, review_tool.mixed_plan)
        control = MockControl(running.jcjy_url)
        sms_before = len(review_tool.sms_texts(running))
        control.set_faults(**FAULTS)
        runs, killed, in_doubt_at_kill, started = 0, 0, 0, time.perf_counter()
        try:
            while True:
                runs += 1
                proc = review_tool.start(running, log, "apply", str(sheet))
                if killed < kills:
                    if _kill_at_random(proc, sheet, rng):
                        killed += 1
                        in_doubt_at_kill += len(read_status(sheet).in_doubt)
                        progress(f"第 {runs} 次运行：已用 SIGKILL 终止（第 {killed} 次）")
                        continue
                else:
                    proc.wait(timeout=3600)
                status = read_status(sheet)
                progress(f"第 {runs} 次运行：退出码 {proc.returncode}，已完成 {len(status.done)}/{status.filled}")
                if len(status.done) == status.filled:
                    break
                if runs > kills + MAX_RUNS_AFTER_KILLS:
                    raise RuntimeError(f"运行 {runs} 次后仍未完成：{review_tool.tail(log)}")
        finally:
            control.set_faults(**NO_FAULTS)
        apply_s = time.perf_counter() - started
        histories = review_tool.site_histories(running, paths)
        sms = review_tool.sms_texts(running)[sms_before:]
    return check(filled, histories, sms) | {
        "applications": len(paths), "filled": len(filled), "runs": runs, "kills": killed,
        "in_doubt_at_kill": in_doubt_at_kill, "apply_seconds": round(apply_s, 1), "faults": FAULTS,
    }


def _kill_at_random(proc: subprocess.Popen, sheet: Path, rng: random.Random) -> bool:
    """SIGKILL the tool and its browser after 1–8 more journal events and 0–1.5 s more
    (False: the run ended first)."""
    target = review_tool.journal_events(sheet) + rng.randint(1, 8)
    while proc.poll() is None and review_tool.journal_events(sheet) < target:
        time.sleep(0.1)
    time.sleep(rng.uniform(0, 1.5))
    if proc.poll() is not None:
        return False
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    return True


def check(filled: dict[str, tuple[str, str]], histories: dict[str, list[list[str]]],
          sms: list[str]) -> dict:
    """Every filled row decided once as the sheet says, every empty row untouched, one SMS per
    不通过 and none for anything else — from the site's 审核记录 and outbox."""
    once = wrong = duplicated = lost = touched = 0
    sms_once = sms_duplicated = sms_missing = sms_stray = 0
    problems: list[str] = []
    for number, records in histories.items():
        expected = filled.get(number)
        sent = sum(1 for text in sms if review_tool.remark_marker(number) in text)
        if expected is None:
            touched += bool(records)
            sms_stray += sent
            if records or sent:
                problems.append(f"{number}：未填写却有审核记录 {records} 或短信 {sent} 条")
            continue
        result, remark = expected
        if not records:
            lost += 1
        elif len(records) > 1:
            duplicated += 1
        elif (records[0][2], records[0][3]) != (decided_label(result), remark or NO_REMARK):
            wrong += 1
        else:
            once += 1
        if len(records) != 1 or (records and records[0][2] != decided_label(result)):
            problems.append(f"{number}：表中为 {result}，站点审核记录 {records}")
        want = 1 if result == REJECTED else 0
        if sent == want == 1:
            sms_once += 1
        elif sent > want == 1:
            sms_duplicated += 1
        elif sent < want:
            sms_missing += 1
        else:
            sms_stray += sent
        if sent != want:
            problems.append(f"{number}：应发短信 {want} 条，实际 {sent} 条")
    rejected = sum(1 for r, _ in filled.values() if r == REJECTED)
    return {"decided_once_as_written": once, "wrong_result": wrong, "duplicate_decisions": duplicated,
            "lost": lost, "empty_rows_touched": touched, "empty_rows": len(histories) - len(filled),
            "rejections": rejected, "sms_once": sms_once, "sms_duplicated": sms_duplicated,
            "sms_missing": sms_missing, "sms_stray": sms_stray, "sms_total": len(sms),
            "problems": problems[:20], "ok": not problems and len(sms) == rejected}


def report(f: dict) -> str:
    rows = [
        ("待审核申请（导出）", f["applications"]), ("已填写审核结果", f["filled"]),
        ("未填写", f["empty_rows"]), ("apply 运行次数", f["runs"]), ("SIGKILL 次数", f["kills"]),
        ("被杀时结果待核对的行（累计）", f["in_doubt_at_kill"]), ("apply 总用时（秒）", f["apply_seconds"]),
        ("站点上恰好一次且与表一致", f["decided_once_as_written"]), ("结果或备注与表不符", f["wrong_result"]),
        ("重复决定", f["duplicate_decisions"]), ("丢失（已填写而未审核）", f["lost"]),
        ("未填写而被审核", f["empty_rows_touched"]), ("不通过（应发短信）", f["rejections"]),
        ("短信恰好一条", f["sms_once"]), ("短信重复", f["sms_duplicated"]), ("短信缺失", f["sms_missing"]),
        ("多余短信", f["sms_stray"]), ("新短信总数", f["sms_total"]),
        ("结论", "通过" if f["ok"] else "不通过"),
    ]
    text = table.render(["项目", "数值"], rows)
    if f["problems"]:
        text += "\n问题：\n" + "\n".join(f"  {p}" for p in f["problems"])
    return text
