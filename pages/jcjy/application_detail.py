"""申请详情: one student's application, the proof materials, 系统判断结果 and the decision form."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from playwright.sync_api import Locator, Page

from pages.base import BasePage, data_rows, verb
from pages.values import amount

from .material_preview import MaterialPreviewDialog

#: The two 审核结果 a reviewer can choose (the labels of the radio buttons).
PASSED, REJECTED = "通过", "不通过"
REVIEW_RESULTS = (PASSED, REJECTED)
#: The two 系统判断结果 (仅供参考).
ELIGIBLE, INELIGIBLE = "符合", "不符合"


#: What 审核记录 shows in 审核备注 for a decision without one.
NO_REMARK = "无"


def decided_label(result: str) -> str:
    """How a decision is named once taken (审核记录's 审核结果, the notice, 审核状态): "审核通过"."""
    return f"审核{result}"


def saved_notice(name: str, result: str = "") -> str:
    """How the notice after 确定 begins (on the next student's 详情, or on the list):
    "已保存：张三 审核通过。"."""
    return f"已保存：{name}" + (f" {decided_label(result)}" if result else "")


@dataclass(frozen=True)
class HistoryEntry:
    """One line of 审核记录."""

    time: str
    reviewer: str
    label: str
    remark: str

    def records(self, reviewer: str, result: str, remark: str) -> bool:
        """True when this line is ``reviewer``'s decision ``result`` with ``remark`` ("" for none)."""
        return (self.reviewer, self.label, self.remark) == (
            reviewer, decided_label(result), remark or NO_REMARK)


@dataclass(frozen=True)
class Judgement:
    """系统判断结果 as shown (仅供参考)."""

    result: str
    reasons: list[str]
    approved_amount: Decimal


def _after(lines: list[str], label: str) -> str:
    """The value of the line that starts with ``label`` (as in "判断结果：符合")."""
    for line in lines:
        if line.startswith(label):
            return line.removeprefix(label).strip()
    raise AssertionError(f"系统判断结果中没有“{label.rstrip('：')}”")


class ApplicationDetailPage(BasePage):
    heading = "申请详情"

    def __init__(self, page: Page, base_url: str) -> None:
        super().__init__(page, base_url)
        self.status = page.get_by_text(re.compile(r"^审核状态："))
        self.fee_table = page.get_by_role("table", name="学费/贷款信息")
        self.materials_table = page.get_by_role("table", name="证明材料")
        judgement = page.get_by_role("region", name="系统判断结果（仅供参考）")
        self.judgement = judgement
        self.judgement_reasons = judgement.get_by_role("list", name="不符合原因").get_by_role("listitem")
        self.result_group = page.get_by_role("group", name="审核结果")
        self.remark = page.get_by_label("备注")
        self.confirm_button = page.get_by_role("button", name="确定")
        self.history = page.get_by_role("table", name="审核记录")

    # --- reading the application -------------------------------------------------------
    def fields(self) -> dict[str, str]:
        """Every 基本信息/就业信息 item ({姓名: …, 学号: …, 单位所在地: …}) in one read."""
        pairs = self.page.get_by_role("term").evaluate_all(
            "terms => terms.map(t => [t.innerText.trim(),"
            " (t.nextElementSibling || {innerText: ''}).innerText.trim()])"
        )
        return {term: value for term, value in pairs if term}

    def field(self, label: str) -> str:
        """Value of one item such as 姓名, 学号, 单位所在地."""
        values = self.fields()
        if label not in values:
            raise AssertionError(f"申请详情中没有“{label}”一项")
        return values[label]

    def review_status(self) -> str:
        return self.status.inner_text().split("：", 1)[1].strip()

    def claimed_amounts(self) -> dict[str, Decimal]:
        """{学年: 申请金额} as the student typed them."""
        rows = data_rows(self.fee_table).evaluate_all(
            "rows => rows.map(r => Array.from(r.cells, c => c.innerText.trim()))"
        )
        return {cells[0]: amount(cells[1]) for cells in rows}

    def materials(self) -> dict[str, str]:
        """{材料名称: 下载地址} for every proof material, in one read."""
        rows = self.materials_table.get_by_role("link", name="下载").evaluate_all(
            "links => links.map(a => [a.closest('tr').cells[1].innerText.trim(),"
            " a.getAttribute('href')])"
        )
        return dict(rows)

    def material_titles(self) -> list[str]:
        return list(self.materials())

    def system_judgement(self) -> Judgement:
        """判断结果, 不符合原因 and 核定金额 as shown: one read of the region (and one of the
        reasons when it lists them)."""
        lines = [line.strip() for line in self.judgement.inner_text().splitlines()]
        # The list of reasons is there only for 不符合: read it only then.
        listed = "不符合原因：" in lines
        reasons = [r.strip() for r in self.judgement_reasons.all_inner_texts()] if listed else []
        return Judgement(_after(lines, "判断结果："), reasons, amount(_after(lines, "核定金额（元）：")))

    # --- proof materials ------------------------------------------------------------------
    def _material_row(self, title: str) -> Locator:
        return data_rows(self.materials_table).filter(
            has=self.page.get_by_role("cell", name=title, exact=True)
        )

    @verb("预览证明材料")
    def preview_material(self, title: str) -> MaterialPreviewDialog:
        self._material_row(title).get_by_role("button", name="预览").click()
        dialog = MaterialPreviewDialog(self.page, title)
        dialog.expect_open()
        return dialog

    # --- the decision ---------------------------------------------------------------------
    @verb("选择审核结果")
    def choose_result(self, result: str) -> None:
        """``result``: one of :data:`REVIEW_RESULTS`."""
        self.result_group.get_by_label(result, exact=True).check()

    def saved(self, name: str) -> Locator:
        """The notice that ``name``'s decision was saved (shown by the screen 确定 leads to)."""
        return self.statuses.filter(has_text=saved_notice(name))

    @verb("在备注中写明原因")
    def write_remark(self, text: str) -> None:
        self.remark.fill(text)

    @verb("点击右下角“确定”")
    def confirm(self) -> None:
        self.confirm_button.click()

    @verb("点击“确定”（不经浏览器校验，直接交给服务器）")
    def confirm_without_browser_checks(self) -> None:
        """Submit as a client that ignores the page's checks would (to test the server's own)."""
        self.confirm_button.evaluate("button => { button.form.noValidate = true; }")
        self.confirm_button.click()

    def decision_url(self) -> str:
        """Where 确定 posts the decision."""
        return str(self.confirm_button.evaluate("button => button.form.action"))

    def decision_fields(self) -> dict[str, str]:
        """What 确定 would post now: the chosen result, 备注 and the form's hidden fields."""
        return dict(self.confirm_button.evaluate(
            "button => Object.fromEntries(new FormData(button.form))"
        ))

    def remark_validation_message(self) -> str:
        """The browser's message for 备注 ('' while it is valid)."""
        return str(self.remark.evaluate("el => el.validationMessage"))

    def remark_messages(self) -> list[str]:
        """Texts tied to 备注 through aria-describedby (the hint and, after a refusal, the error)."""
        ids = (self.remark.get_attribute("aria-describedby") or "").split()
        # A description is found by its id (it has no role or name of its own).
        return [self.page.locator(f"[id='{ref}']").inner_text().strip() for ref in ids]

    def history_rows(self) -> list[list[str]]:
        """审核记录: [审核时间, 审核人, 审核结果, 审核备注] per decision, oldest first."""
        if self.history.count() == 0:
            return []
        return data_rows(self.history).evaluate_all(
            "rows => rows.map(r => Array.from(r.cells, c => c.innerText.trim()))"
        )

    def last_decision(self) -> HistoryEntry | None:
        """The latest line of 审核记录, None before any decision."""
        rows = self.history_rows()
        return HistoryEntry(*rows[-1][:4]) if rows else None

    def remark_blocked_by_browser(self) -> bool:
        """True when the browser refuses the submit because 备注 is required and empty."""
        return bool(self.remark.evaluate("el => el.required && !el.checkValidity()"))

    def recorded_result(self) -> str:
        """审核结果 shown once the application has been decided."""
        return self.field("审核结果")
