"""The checker (bulk_review.checks) against the generator's truth, on the real 详情 pages and proofs
of the mock: every case kind gets the suggestion its truth calls for; 需人工 only where a scan was
read without certainty. Prints the confusion table (case kind × 核查建议) and the disagreements
with 系统判断结果."""

from __future__ import annotations

import os
from collections import Counter

import pytest
from detail_html import record_from_detail
from jcjy_support import FakeOffice, login, scope_ids
from unit_support import new_app

from bulk_review.assessment import NEEDS_PERSON, SUGGESTIONS
from bulk_review.checks import assess
from flows.evidence import OCR, SURE
from mock_sites import jcjy
from mock_sites.common.config import MockConfig
from mock_sites.common.roles import STAGE_ROLES
from mock_sites.jcjy import generator as gen
from mock_sites.jcjy.generator import generate_applications
from pages.jcjy import PASSED, REJECTED

# One seed in `make test`: 50 applications hold every case kind and 27 scans (about 35 s of OCR);
# more with, e.g., CHECKER_TRUTH_SEEDS=7,2024,99 CHECKER_TRUTH_COUNT=300 pytest -m slow tests/unit/jcjy
SEEDS = tuple(int(s) for s in os.environ.get("CHECKER_TRUTH_SEEDS", "7").split(","))
COUNT = int(os.environ.get("CHECKER_TRUTH_COUNT", "50"))
TRUTH = {
    gen.CASE_ELIGIBLE: PASSED, gen.CASE_OVER_CAP: PASSED, gen.CASE_AMOUNT_MISMATCH: REJECTED,
    **{label: REJECTED for label in gen.INELIGIBLE_CASES},
}
SCANNED = "（含扫描件）"


def _kinds_and_records(config: MockConfig, office: FakeOffice) -> list[tuple[str, object, object]]:
    app = new_app(jcjy, config)
    truth = {a.student_no: a for a in generate_applications(config.seed, config.applications)}
    scopes = sorted({(a.unit_code, a.stage) for a in truth.values()})
    rows = []
    for number, (unit_code, stage) in enumerate(scopes):
        account = f"reviewer{number}"
        office.add(account, unit_code, [STAGE_ROLES[stage]])
        client = app.test_client()
        assert login(client, account).status_code == 302
        for app_id in scope_ids(app, unit_code, stage):
            record = record_from_detail(client, app_id)
            rows.append((truth[record.fields["学号"]], record, assess(record)))
    assert len(rows) == config.applications
    return rows


@pytest.mark.slow
@pytest.mark.parametrize("seed", SEEDS)
def test_suggestions_agree_with_each_case_truth(
    seed: int, config: MockConfig, office: FakeOffice, capsys: pytest.CaptureFixture[str]
) -> None:
    config = MockConfig(**{**config.__dict__, "seed": seed, "applications": COUNT})
    table: Counter[tuple[str, str]] = Counter()
    against_system: Counter[tuple[str, str, str]] = Counter()
    wrong = []
    for case, record, assessment in _kinds_and_records(config, office):
        scans = [p for p in record.proofs if p.method == OCR]
        kind = case.label + (SCANNED if scans else "")
        table[kind, assessment.suggestion] += 1
        if assessment.disagrees_with_system:
            against_system[kind, record.system_result, assessment.suggestion] += 1
        expected = TRUTH[case.label]
        unsure_scan = any(p.confidence < SURE for p in scans)
        if assessment.suggestion != expected and not (
            assessment.suggestion == NEEDS_PERSON and unsure_scan
        ):
            wrong.append((case.label, assessment))
    with capsys.disabled():
        print(f"\n核查建议 × 造数真值（seed={seed}，{COUNT} 份申请）")
        for kind in sorted({k for k, _ in table}):
            print(f"  {kind:<16}" + "".join(f"{s}={table[kind, s]:<4}" for s in SUGGESTIONS))
        print("  与系统判断结果不一致：")
        for (kind, system, suggestion), n in sorted(against_system.items()):
            print(f"    {kind}：系统{system}，核查建议{suggestion} × {n}")
    assert not wrong, wrong[:3]
    labels = {k.removesuffix(SCANNED) for k, _ in table}
    assert labels == set(TRUTH), set(TRUTH) - labels
    assert any(k.endswith(SCANNED) for k, _ in table)
