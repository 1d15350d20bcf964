"""Smoke test of the plain-HTTP benchmark, so the benchmark code cannot rot as the sites change."""

from __future__ import annotations

from benchmarks import sites
from benchmarks.client import HttpClient
from benchmarks.http_procedure import measure, report, summarize


def test_one_run_completes_the_procedure_and_the_student_gets_the_sms() -> None:
    with sites.in_process() as running:
        cold, warm = measure(running, runs=1, progress=lambda _line: None)
        with HttpClient(running.jcjy_url) as client:
            outbox = sites.sms_outbox(client)  # reset before the warm run: only its SMS
    outcome = warm[0].outcome
    assert outcome.approved_id != outcome.rejected_id and outcome.remark
    rejected = [m for m in outbox if f"{outcome.rejected_student}同学" in m["text"]]
    assert rejected and "未通过" in rejected[-1]["text"]
    assert outcome.remark.rstrip("。") in rejected[-1]["text"]

    figures = summarize(cold, warm)
    assert figures["runs"] == 1 and figures["median_total_ms"] > 0 and figures["cold_total_ms"] > 0
    keys = [s["key"] for s in figures["steps"]]
    assert keys[0] == "register" and keys[-1] == "verify_sms"
    assert all(s["requests"] > 0 and s["median_ms"] > 0 for s in figures["steps"])
    assert figures["requests"] == sum(s["requests"] for s in figures["steps"])
    assert "合计 total" in report(figures)
