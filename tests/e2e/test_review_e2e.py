"""`jcjy review` end to end on the mock: export → the sheet filled → apply → every decision on
the site exactly as written (its 审核记录 and SMS outbox), once, also after a re-run, a kill
between 确定 and the answer, or a change on the site since export."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest
from e2e_support import GRADUATE_REVIEWER

from bulk_review import site
from bulk_review.apply import CONFIRMED, SKIPPED, SUBMITTED
from bulk_review.columns import HEADERS
from bulk_review.export import export
from bulk_review.journal import INTENT, journal_path, opened
from bulk_review.runs import apply_worksheet
from bulk_review.session import Reviewer
from bulk_review.site import SiteSession
from bulk_review.worksheet import read_worksheet
from flows.models import Credentials, ReviewDecision
from flows.review import decide_and_confirm, read_application
from flows.runner import StepRunner
from jcjy_cli.review import Firefox
from mock_sites.server import start_sites
from pages.jcjy import ApplicationDetailPage

REASON = "缴费票据金额与申请金额不一致，请核对后重新提交"


def session_for(page, mock_sites, tmp_path) -> SiteSession:
    creds = mock_sites.credentials(GRADUATE_REVIEWER)
    return SiteSession(page, Reviewer(mock_sites.urls.jcjy_url, creds, None, tmp_path / "c.png", "138****0011"))


def fill(path: Path, decisions: dict[int, tuple[str, str]]) -> None:
    wb = openpyxl.load_workbook(path)
    ws = wb["审核表"]
    result, remark = HEADERS.index("审核结果") + 1, HEADERS.index("备注") + 1
    for row, (value, note) in decisions.items():
        ws.cell(row, result).value = value
        ws.cell(row, remark).value = note
    wb.save(path)


def history(session: SiteSession, path: str) -> list[list[str]]:
    return session.open_detail(path).history_rows()


def paths(worksheet: Path) -> dict[int, tuple[str, str]]:
    """{row: (申请编号, 详情 path)} from the sheet and its journal."""
    sheet = read_worksheet(worksheet)
    export_id = sheet.rows[0].values["导出编号"]
    with opened(journal_path(worksheet)) as log:
        rows = log.exported_rows(export_id)
    return {r.number: (r.values["申请编号"], rows[r.values["申请编号"]].detail_path) for r in sheet.rows}


class CountedReviewer(Reviewer):
    logins = 0

    def log_in(self, page):
        self.logins += 1
        return super().log_in(page)


@pytest.fixture(scope="module")
def export_template(seeded, playwright, pytestconfig, tmp_path_factory) -> Path:
    """One real export of the seeded graduate reviewer's 待审核 (worksheet, CSV, journal,
    evidence), made on a copy of the sites as seeded. Every test gets its own copy of it, beside
    its own copy of the same seeded sites: the ids, digests and 提交时间 the journal holds are
    the seed's (an export reads for a minute or so; the tests only need its result).

    Made in the CLI's browser, with a new tab every 2 applications and Firefox restarted after
    the 5th, as a long run does every 25 and 100: the login survives both."""
    folder = tmp_path_factory.mktemp("export")
    shutil.copytree(seeded.directory, folder / "data")
    out = folder / "review" / "审核表.xlsx"
    with start_sites(seeded.config(folder / "data")) as running, pytest.MonkeyPatch.context() as patch:
        patch.setattr(site, "TAB_USES", 2)
        patch.setattr(site, "BROWSER_USES", 5)
        creds = Credentials(GRADUATE_REVIEWER, running.config.demo_password)
        reviewer = CountedReviewer(running.jcjy_url, creds, None, folder / "c.png", "138****0011")
        firefox = Firefox(playwright, headless=not pytestconfig.getoption("headed"))
        try:
            session = SiteSession(firefox.start(), reviewer, fresh_browser=firefox.restart)
            result = export(session, out, "待审核", "test", with_csv=True)
        finally:
            firefox.close()
    assert result.rows >= 6 and (out.parent / "evidence").is_dir()
    assert reviewer.logins == 1  # neither a new tab nor a new browser asked for the login again
    assert sum(1 for _ in (out.parent / "evidence").iterdir()) == result.rows
    return out.parent


@pytest.fixture
def exported(page, mock_sites, tmp_path, export_template):
    """This test's copy of the export, and a session logged in to this test's sites."""
    shutil.copytree(export_template, tmp_path / "review")
    session = session_for(page, mock_sites, tmp_path)
    session.log_in()
    return session, tmp_path / "review" / "审核表.xlsx"


def test_export_fill_apply_exactly_once(exported, mock_sites):
    session, out = exported
    where = paths(out)
    fill(out, {2: ("通过", ""), 3: ("不通过", REASON), 4: ("通过", "")})
    sms_before = len(mock_sites.jcjy.sms())
    result = apply_worksheet(session, out, dry_run=False)
    assert result.problems == [] and [o.outcome for o in result.outcomes] == [SUBMITTED] * 3
    for row, expected in ((2, "审核通过"), (3, "审核不通过"), (4, "审核通过")):
        records = history(session, where[row][1])
        assert [(r[2], r[3]) for r in records] == [(expected, REASON if row == 3 else "无")]
    assert history(session, where[5][1]) == []  # not filled: not submitted
    sms = mock_sites.jcjy.sms()[sms_before:]
    assert len(sms) == 1 and REASON.rstrip("。") in sms[0]["text"]
    assert (out.parent / "审核报告.html").read_text("utf-8").count("已提交") >= 3

    again = apply_worksheet(session, out, dry_run=False)  # a re-run submits nothing again
    assert [o.outcome for o in again.outcomes] == [SKIPPED] * 3
    assert len(history(session, where[3][1])) == 1 and len(mock_sites.jcjy.sms()) == sms_before + 1


def test_killed_between_confirm_and_answer_is_settled_on_the_site(exported, mock_sites, page):
    session, out = exported
    where = paths(out)
    number, path = where[2]
    fill(out, {2: ("不通过", REASON)})
    sheet_export = read_worksheet(out).rows[0].values["导出编号"]
    # 确定 reached the site, then the tool died before reading the answer.
    with opened(journal_path(out)) as log:
        log.record(sheet_export, number, INTENT, "不通过", REASON)
    detail = session.open_detail(path)
    decide_and_confirm(page, detail, read_application(detail), ReviewDecision("不通过", REASON), StepRunner())
    sms_before = len(mock_sites.jcjy.sms())
    result = apply_worksheet(session, out, dry_run=False)
    assert [o.outcome for o in result.outcomes] == [CONFIRMED]
    assert len(history(session, path)) == 1 and len(mock_sites.jcjy.sms()) == sms_before


def test_decided_on_the_site_since_export_refuses_the_whole_file(exported):
    session, out = exported
    where = paths(out)
    page = session.page
    detail = session.open_detail(where[3][1])
    detail.choose_result("通过")
    detail.confirm()
    ApplicationDetailPage(page, session.url).expect_loaded()
    fill(out, {2: ("通过", ""), 3: ("通过", "")})
    result = apply_worksheet(session, out, dry_run=False)
    assert [(p.row, p.column) for p in result.problems] == [(3, "审核结果")]
    assert "已被审核" in str(result.problems[0]) and result.outcomes == []
    assert history(session, where[2][1]) == []  # nothing submitted


def test_dry_run_submits_nothing(exported):
    session, out = exported
    where = paths(out)
    fill(out, {2: ("通过", "")})
    result = apply_worksheet(session, out, dry_run=True)
    assert [o.outcome for o in result.outcomes] == ["试运行（未点确定）"]
    assert history(session, where[2][1]) == []


@pytest.mark.skipif(shutil.which("soffice") is None, reason="需要 LibreOffice（make setup 安装 libreoffice-calc-nogui）")
@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_round_trip_through_libreoffice(exported, tmp_path, kind):
    session, out = exported
    where = paths(out)
    fill(out, {2: ("通过", ""), 3: ("不通过", REASON)})
    converted = tmp_path / "lo"
    # CSV as Calc saves it for Chinese text: comma, double quotes, UTF-8 (character set 76).
    target_filter = kind if kind == "xlsx" else 'csv:Text - txt - csv (StarCalc):44,34,76'

    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo-profile",
                    "--convert-to", target_filter, "--outdir", str(converted), str(out)],
                   check=True, capture_output=True, timeout=180)
    target = out.parent / f"审核表-LibreOffice.{kind}"
    shutil.move(converted / f"审核表.{kind}", target)
    result = apply_worksheet(session, target, dry_run=False)
    assert result.problems == [], [str(p) for p in result.problems]
    assert [o.outcome for o in result.outcomes] == [SUBMITTED] * 2
    assert [r[2] for r in history(session, where[3][1])] == ["审核不通过"]


def test_under_faults_every_filled_row_is_decided_once(exported, mock_sites):
    session, out = exported
    where = paths(out)
    rows = sorted(where)[:8]
    fill(out, {r: ("不通过", REASON) if r % 2 else ("通过", "") for r in rows})
    sms_before = len(mock_sites.jcjy.sms())
    mock_sites.jcjy.set_faults(error_rate=0.1, latency_ms=200, session_lifetime_s=30)
    outcomes = []
    for _ in range(3):  # a row that failed after its retries is tried again by a re-run
        result = apply_worksheet(session, out, dry_run=False)
        assert result.problems == [], [str(p) for p in result.problems]
        outcomes = result.outcomes
        if all(o.outcome in (SUBMITTED, CONFIRMED, SKIPPED) for o in outcomes):
            break
    mock_sites.jcjy.set_faults(error_rate=0.0, latency_ms=0, session_lifetime_s=3600)
    assert all(o.outcome in (SUBMITTED, CONFIRMED, SKIPPED) for o in outcomes), outcomes
    for r in rows:
        expected = "审核不通过" if r % 2 else "审核通过"
        assert [h[2] for h in history(session, where[r][1])] == [expected]
    rejected = sum(1 for r in rows if r % 2)
    assert len(mock_sites.jcjy.sms()) == sms_before + rejected
