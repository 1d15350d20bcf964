"""申请详情: one student's application, the proof materials, 系统判断结果 and the decision form."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from decimal import Decimal

from playwright.sync_api import Locator, Page
from pypdf import PdfReader

from pages.base import BasePage, verb

RECEIPT_AMOUNT = re.compile(r"实缴学费[:：]\s*([\d,]+\.\d{2})")
LOAN_PRINCIPAL = re.compile(r"借款本金合计[:：]\s*([\d,]+\.\d{2})")
REVIEW_RESULTS = ("通过", "不通过")


def states_paid_amount(title: str) -> bool:
    """Whether the material titled ``title`` states what was paid (a 缴费票据 or the 借款合同)."""
    return "票据" in title or "借款合同" in title


@dataclass(frozen=True)
class Judgement:
    """系统判断结果 as shown (仅供参考)."""

    result: str
    reasons: list[str]
    approved_amount: Decimal


def _money(text: str) -> Decimal:
    return Decimal(text.replace(",", "").strip())


def _after(lines: list[str], label: str) -> str:
    """The value of the line that starts with ``label`` (as in "判断结果：符合")."""
    for line in lines:
        if line.startswith(label):
            return line.removeprefix(label).strip()
    raise AssertionError(f"系统判断结果中没有“{label.rstrip('：')}”")


class MaterialPreviewDialog:
    """The 预览 popup of one proof material: its pages as an image, and 下载 for the PDF."""

    def __init__(self, page: Page, title: str) -> None:
        self.page = page
        self.title = title
        self.dialog = page.get_by_role("dialog", name=title)
        self.image = self.dialog.get_by_role("img", name=title)
        self.position = self.dialog.get_by_text(re.compile(r"^第 \d+/\d+ 份$"))
        self.previous_button = self.dialog.get_by_role("button", name="上一份")
        self.next_button = self.dialog.get_by_role("button", name="下一份")
        self.download_link = self.dialog.get_by_role("link", name="下载")
        self.close_button = self.dialog.get_by_role("button", name="关闭")

    def expect_open(self) -> None:
        """The dialog is open and shows the material's pages, fully loaded (one round trip:
        the role locator waits for the open dialog, ``decode()`` for the image)."""
        shown = self.image.evaluate(
            "img => img.decode().then(() => img.naturalWidth > 0, () => false)"
        )
        if not shown:
            raise AssertionError(f"证明材料“{self.title}”的预览无法显示")

    def source(self) -> str:
        """Address of the image shown."""
        return self.image.get_attribute("src") or ""

    def download_address(self) -> str:
        """Address of the material's PDF behind 下载."""
        return self.download_link.get_attribute("href") or ""

    @verb("查看下一份证明材料")
    def next(self, title: str, *, by_key: bool = False) -> MaterialPreviewDialog:
        """下一份 (``by_key``: press → instead); ``title`` is the material expected next (the
        following row of 证明材料)."""
        return self._turn(self.next_button, "ArrowRight", title, by_key)

    @verb("查看上一份证明材料")
    def previous(self, title: str, *, by_key: bool = False) -> MaterialPreviewDialog:
        """上一份 (``by_key``: press ← instead); ``title`` is the material expected before."""
        return self._turn(self.previous_button, "ArrowLeft", title, by_key)

    def _turn(self, button: Locator, key: str, title: str, by_key: bool) -> MaterialPreviewDialog:
        if by_key:
            self.page.keyboard.press(key)
        else:
            button.click()
        shown = MaterialPreviewDialog(self.page, title)
        shown.expect_open()
        return shown

    @verb("关闭材料预览")
    def close(self) -> None:
        # The click closes the modal synchronously; the next action waits for it anyway.
        self.close_button.click()


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
        self.back_link = page.get_by_role("link", name="返回列表")
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
        rows = self.fee_table.locator("tbody tr").evaluate_all(
            "rows => rows.map(r => Array.from(r.cells, c => c.innerText.trim()))"
        )
        return {cells[0]: _money(cells[1]) for cells in rows}

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
        return Judgement(_after(lines, "判断结果："), reasons, _money(_after(lines, "核定金额（元）：")))

    # --- proof materials ------------------------------------------------------------------
    def _material_row(self, title: str) -> Locator:
        return self.materials_table.locator("tbody tr").filter(
            has=self.page.get_by_role("cell", name=title, exact=True)
        )

    @verb("预览证明材料")
    def preview_material(self, title: str) -> MaterialPreviewDialog:
        self._material_row(title).get_by_role("button", name="预览").click()
        dialog = MaterialPreviewDialog(self.page, title)
        dialog.expect_open()
        return dialog

    def material_text(self, title: str, href: str | None = None) -> str:
        """Text of a material's PDF, fetched with the browser's own session."""
        href = href or self.materials().get(title)
        if not href:
            raise AssertionError(f"证明材料“{title}”没有下载链接")
        response = self.page.request.get(self.base_url + href.split("?")[0])
        if not response.ok or "pdf" not in response.headers.get("content-type", ""):
            raise AssertionError(f"无法读取证明材料“{title}”：HTTP {response.status}")
        reader = PdfReader(io.BytesIO(response.body()))
        return "\n".join(page.extract_text() for page in reader.pages)

    @verb("核实缴纳的实际金额")
    def paid_amounts(self, materials: dict[str, str] | None = None) -> dict[str, Decimal]:
        """Amounts actually paid per receipt title (缴费票据) or the loan principal (贷款合同)
        (``materials``: :meth:`materials` when already read)."""
        found: dict[str, Decimal] = {}
        for title, href in (self.materials() if materials is None else materials).items():
            if not states_paid_amount(title):
                continue
            text = self.material_text(title, href)
            match = RECEIPT_AMOUNT.search(text) or LOAN_PRINCIPAL.search(text)
            if match:
                found[title] = _money(match[1])
        return found

    # --- the decision ---------------------------------------------------------------------
    @verb("选择审核结果")
    def choose_result(self, result: str) -> None:
        if result not in REVIEW_RESULTS:
            raise ValueError(f"审核结果只能是“通过”或“不通过”，收到：{result!r}")
        self.result_group.get_by_label(result, exact=True).check()

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
        return [self.page.locator(f"[id='{ref}']").inner_text().strip() for ref in ids]

    def history_rows(self) -> list[list[str]]:
        """审核记录: [审核时间, 审核人, 审核结果, 审核备注] per decision, oldest first."""
        if self.history.count() == 0:
            return []
        return self.history.locator("tbody tr").evaluate_all(
            "rows => rows.map(r => Array.from(r.cells, c => c.innerText.trim()))"
        )

    def remark_blocked_by_browser(self) -> bool:
        """True when the browser refuses the submit because 备注 is required and empty."""
        return bool(self.remark.evaluate("el => el.required && !el.checkValidity()"))

    def recorded_result(self) -> str:
        """审核结果 shown once the application has been decided."""
        return self.field("审核结果")
