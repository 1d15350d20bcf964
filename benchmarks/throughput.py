"""Benchmark: 申请名单审核 list / 详情 / 证明材料 / 确定 throughput under concurrent reviewers.

Both sites run in their own processes (``start_site_processes``) on 127.0.0.1 with
``applications`` generated applications; each client thread has its own logged-in jcjy session
(all of the seeded 研究生 reviewer ``GRADUATE_REVIEWER_ACCOUNT`` of the demo 培养单位). Every kind has a fixed
budget of operations and a time bound. Decisions are partitioned by application id so clients
never decide the same one; a 409 "already decided" would still be counted apart from errors.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import httpx

from flows.errors import BusinessError
from mock_sites.demo import GRADUATE_REVIEWER_ACCOUNT
from pages.jcjy import PASSED, PENDING, REJECTED, ApplicationListPage, StaffLoginPage, saved_notice

from . import scrape, sites, table
from .browsing import expect, submit, tab
from .load import CONFLICT, ERROR, OK, STOP, Phase, Sample

REVIEWER = GRADUATE_REVIEWER_ACCOUNT  # seeded: 管理员 and 研究生学院审核人员 of the demo 培养单位
LIST = ApplicationListPage.path
REJECT_REMARK = "经核查，就业单位不属于基层单位，不符合学费补偿条件"


@dataclass
class Worker:
    client: httpx.Client
    csrf: str
    decide_ids: list[int]
    cursor: int = 0


def _log_in(jcjy_url: str, password: str) -> tuple[httpx.Client, str]:
    """A reviewer's session; the list page it lands on."""
    client = tab(jcjy_url)
    form = expect(client.get(StaffLoginPage.path), "工作人员登录").text
    listed = submit(client, StaffLoginPage.path, form, next=LIST, account=REVIEWER, password=password)
    return client, expect(listed, "工作人员登录", path=LIST, contains=("申请名单审核",)).text


def _pending_ids(client: httpx.Client) -> list[int]:
    """Every 待审核 application in the reviewer's scope (all pages of the filtered list)."""
    first = expect(client.get(LIST, params={"status": PENDING}), "待审核名单").text
    ids = [a.app_id for a in scrape.listed_applications(first)]
    for page in range(2, scrape.page_count(first) + 1):
        listed = client.get(LIST, params={"status": PENDING, "page": str(page)})
        ids.extend(a.app_id for a in scrape.listed_applications(expect(listed, "待审核名单").text))
    return ids


def _timed(call: Callable[[], httpx.Response]) -> tuple[httpx.Response, float]:
    started = time.perf_counter()
    response = call()
    return response, time.perf_counter() - started


def _list_op(pages: int) -> Callable[[Worker, int], Sample]:
    def op(worker: Worker, seq: int) -> Sample:
        params = {"page": str(seq % pages + 1)}
        if seq % 2:
            params["status"] = PENDING
        response, seconds = _timed(lambda: worker.client.get(LIST, params=params))
        expect(response, "申请名单审核", contains=("申请名单审核", "详情"))
        return Sample(OK, seconds)

    return op


def _detail_op(ids: list[int]) -> Callable[[Worker, int], Sample]:
    def op(worker: Worker, seq: int) -> Sample:
        response, seconds = _timed(lambda: worker.client.get(f"{LIST}/{ids[seq % len(ids)]}"))
        expect(response, "详情", contains=("申请详情", "证明材料"))
        return Sample(OK, seconds)

    return op


def _material_op(ids: list[int]) -> Callable[[Worker, int], Sample]:
    def op(worker: Worker, seq: int) -> Sample:
        url = f"{LIST}/{ids[seq % len(ids)]}/materials/1"
        response, seconds = _timed(lambda: worker.client.get(url))
        expect(response, "证明材料", content_type="application/pdf")
        return Sample(OK, seconds)

    return op


def _decide_op(version: str) -> Callable[[Worker, int], Sample]:
    """确定: the POST (timed alone too) and the next 待审核 详情 it leads to, like a browser."""

    def op(worker: Worker, seq: int) -> Sample:
        if worker.cursor >= len(worker.decide_ids):
            return STOP
        app_id = worker.decide_ids[worker.cursor]
        worker.cursor += 1
        passed = app_id % 2 == 0
        form = {"csrf_token": worker.csrf, "version": version,
                "result": PASSED if passed else REJECTED, "remark": "" if passed else REJECT_REMARK}
        started = time.perf_counter()
        posted = worker.client.post(f"{LIST}/{app_id}/decide", data=form, follow_redirects=False)
        post_seconds = time.perf_counter() - started
        location = posted.headers.get("Location", "")
        if posted.status_code == 409:
            return Sample(CONFLICT, post_seconds)
        if posted.status_code != 302 or LIST not in location:
            said = "；".join(scrape.messages(posted.text)) or scrape.title(posted.text)
            return Sample(ERROR, post_seconds, message=f"确定 HTTP {posted.status_code}：{said}")
        following = worker.client.get(location)
        expect(following, "确定后的下一页", contains=(saved_notice(""),))
        return Sample(OK, time.perf_counter() - started, post_seconds)

    return op


def run_throughput(
    clients: int = 8, requests: int = 400, max_seconds: float = 30.0,
    applications: int = 2000, progress: Callable[[str], None] = print,
) -> dict:
    """Start the sites in processes, log ``clients`` sessions in, run each kind, summarize."""
    with sites.in_processes(applications) as running:
        progress(f"站点已启动（独立进程）：{running.office_url}、{running.jcjy_url}；"
                 f"{applications} 条申请，{clients} 个并发客户端")
        logged_in = [_log_in(running.jcjy_url, running.config.demo_password)
                     for _ in range(clients)]
        first_client, first_page = logged_in[0]
        ids = _pending_ids(first_client)
        if not ids:
            raise BusinessError("审核范围内没有待审核的申请")
        probe = expect(first_client.get(f"{LIST}/{ids[0]}"), "详情", contains=("申请详情",)).text
        version = scrape.input_value(probe, "version")
        # Warm-up outside the figures: the first PDF loads the fonts.
        expect(first_client.get(f"{LIST}/{ids[0]}/materials/1"), "证明材料",
               content_type="application/pdf")
        workers = [Worker(client, scrape.form_token(page), ids[i::clients])
                   for i, (client, page) in enumerate(logged_in)]
        progress(f"  审核范围内待审核 {len(ids)} 条；每类最多 {requests} 次操作或 {max_seconds:g} 秒")
        phase = Phase(workers, requests, max_seconds)
        results = []
        for kind, label, op, per_op in (
            ("list", "申请名单（列表）", _list_op(scrape.page_count(first_page)), 1),
            ("detail", "详情", _detail_op(ids), 1),
            ("material", "证明材料（PDF）", _material_op(ids), 1),
            ("decide", "确定（提交+下一条详情）", _decide_op(version), 2),
        ):
            result = phase.run(kind, label, op, per_op).summary()
            progress(f"  {label}：{result['ops_per_s']:,.1f} 次/秒，p50 {result['p50_ms']} ms，"
                     f"p95 {result['p95_ms']} ms，错误 {result['errors']}")
            results.append(result)
        pending_after = _check_decisions_saved(first_client, len(ids), results[-1])
        for client, _page in logged_in:
            client.close()
    return {
        "benchmark": "throughput", "clients": clients, "budget_per_kind": requests,
        "max_seconds": max_seconds, "applications": applications, "pending_in_scope": len(ids),
        "pending_after": pending_after, "kinds": results,
    }


def _check_decisions_saved(client: httpx.Client, pending_before: int, decide: dict) -> int:
    """Every successful 确定 must have left exactly one fewer 待审核 application."""
    pending_after = scrape.pending_count(expect(client.get(LIST), "申请名单审核").text)
    if pending_after != pending_before - decide["ok"]:
        raise BusinessError(f"待审核由 {pending_before} 条变为 {pending_after} 条，"
                          f"与成功的确定次数 {decide['ok']} 不符")
    return pending_after


def report(figures: dict) -> str:
    rows = []
    for k in figures["kinds"]:
        rows.append([k["label"], k["operations"], k["ops_per_s"], k["http_requests_per_s"],
                     k["p50_ms"], k["p95_ms"], k["max_ms"], k["errors"], k["conflicts"]])
        if "first_p50_ms" in k:
            rows.append(["  其中仅提交 POST only", "", "", "", k["first_p50_ms"],
                         k["first_p95_ms"], "", "", ""])
    headers = ["类别", "操作数", "操作/秒", "HTTP请求/秒", "p50 ms", "p95 ms", "最大 ms", "错误",
               "已被审核(409)"]
    summary = "; ".join(f"{k['kind']} {k['ops_per_s']:,.1f} ops/s p50 {k['p50_ms']} ms "
                        f"p95 {k['p95_ms']} ms errors {k['errors']}" for k in figures["kinds"])
    return "\n".join([
        f"并发吞吐（{figures['clients']} 个客户端，站点独立进程，{figures['applications']} 条申请，"
        f"审核范围内待审核 {figures['pending_in_scope']} 条）",
        table.render(headers, rows),
        f"Throughput with {figures['clients']} clients: {summary}.",
    ])
