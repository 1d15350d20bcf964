"""Smoke test of the plain-HTTP benchmark, so the benchmark code cannot rot as the sites change."""

from __future__ import annotations

from benchmarks import sites
from benchmarks.http_procedure import measure, report, summarize
from benchmarks.procedure import VERIFY_SMS
from flows import steps
from harness.mock_control import MockControl

# Every documented step the HTTP procedure times, in order (审核结果选择 is timed with 确定).
TIMED = [s.key for s in steps.ALL_STEPS if s is not steps.CHOOSE_RESULT] + [VERIFY_SMS.key]


def test_one_run_completes_the_procedure_and_the_student_gets_the_sms() -> None:
    with sites.in_process() as running:
        cold, warm = measure(running, runs=1, progress=lambda _line: None)
        outbox = MockControl(running.jcjy_url).sms()  # reset before the warm run: only its SMS
    outcome = warm[0].outcome
    assert outcome.approved_id != outcome.rejected_id and outcome.remark
    rejected = [m for m in outbox if f"{outcome.rejected_student}同学" in m["text"]]
    assert rejected and "未通过" in rejected[-1]["text"]
    assert outcome.remark.rstrip("。") in rejected[-1]["text"]

    figures = summarize(cold, warm)
    assert figures["runs"] == 1 and figures["median_total_ms"] > 0 and figures["cold_total_ms"] > 0
    assert [s["key"] for s in figures["steps"]] == TIMED
    assert all(s["median_ms"] > 0 for s in figures["steps"])
    requests = {s["key"]: s["requests"] for s in figures["steps"]}
    # Redirect hops count: 注册 = the form, 获取验证码, 注册 and the redirect to 个人信息.
    assert requests[steps.REGISTER.key] == 4
    assert requests[VERIFY_SMS.key] == 0  # the mock outbox is not one of the sites' pages
    assert all(n > 0 for key, n in requests.items() if key != VERIFY_SMS.key)
    assert figures["requests"] == sum(requests.values())  # every request falls in a step
    text = report(figures)
    assert "合计 total" in text and steps.SECTION_OFFICE in text and steps.REGISTER.title in text
