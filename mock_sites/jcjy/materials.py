"""Proof materials (证明材料) rendered as small deterministic PDFs, and as SVG page images.

Chinese text uses the built-in CID font STSong-Light; every run of ASCII characters (all amounts,
dates and numbers) is drawn in Helvetica so that PDF text extraction returns it verbatim.
The 预览 dialog shows the SVG rendering of the same layout (pages stacked top to bottom), the way
attachment-preview services show page images; 下载 gives the PDF.
"""

from __future__ import annotations

import io
import re
import zlib
from collections.abc import Callable
from functools import cache
from typing import Protocol
from xml.sax.saxutils import escape, quoteattr

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from mock_sites import reference
from mock_sites.common.masking import mask_id
from mock_sites.jcjy.cases import (
    KIND_AGREEMENT,
    KIND_EMPLOYMENT_PROOF,
    KIND_LABOR_CONTRACT,
    KIND_LOAN_CONTRACT,
    KIND_NO_CONTRACT,
    KIND_RECEIPT,
    Application,
    Material,
    YearPayment,
)

FONT_CN = "STSong-Light"
FONT_NUM = "Helvetica"
_MARGIN = 60
_ASCII_RUN = re.compile(r"[\x20-\x7e¥]+|[^\x20-\x7e¥]+")
_TOKEN = re.compile(r"[!-~¥]+|\s|[^\x20-\x7e¥]")
_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_SMALL_UNITS = ("", "拾", "佰", "仟")
_BIG_UNITS = ("", "万", "亿")


def receipt_amount_text(amount: int) -> str:
    """How an amount appears on every material, e.g. 8000 -> '8000.00'."""
    return f"{amount:.2f}"


def rmb_upper(amount: int) -> str:
    """金额大写 for whole yuan, e.g. 8000 -> '捌仟元整', 10500 -> '壹万零伍佰元整'."""
    if amount < 0:
        raise ValueError("金额不能为负数")
    if amount == 0:
        return "零元整"
    groups: list[int] = []
    while amount:
        groups.append(amount % 10000)
        amount //= 10000
    if len(groups) > len(_BIG_UNITS):
        raise ValueError("金额过大")
    text = ""
    need_zero = False
    for idx in range(len(groups) - 1, -1, -1):
        group = groups[idx]
        if group == 0:
            need_zero = bool(text)
            continue
        if text and (need_zero or group < 1000):
            text += "零"
        text += _group_upper(group) + _BIG_UNITS[idx]
        need_zero = False
    return text + "元整"


def _group_upper(group: int) -> str:
    digits = [int(d) for d in f"{group:04d}"]
    out = ""
    pending_zero = False
    for pos, digit in enumerate(digits):
        if digit == 0:
            pending_zero = bool(out)
            continue
        if pending_zero:
            out += "零"
            pending_zero = False
        out += _DIGITS[digit] + _SMALL_UNITS[3 - pos]
    return out


def material_filename(app: Application, material: Material) -> str:
    return f"{app.student_no}_{material.title}.pdf"


def render_material(app: Application, material: Material) -> bytes:
    """The PDF bytes of one material; same input, same bytes."""
    renderer = _renderer(material)
    _register_fonts()
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=A4, invariant=1)
    pdf.setTitle(material.title)
    pdf.setAuthor(app.student_name)
    renderer(_Page(_PdfSurface(pdf)), app, material)
    pdf.showPage()
    pdf.save()
    return buf.getvalue()


def render_material_svg(app: Application, material: Material) -> str:
    """The same material as one SVG image, its pages stacked top to bottom."""
    renderer = _renderer(material)
    _register_fonts()
    surface = _SvgSurface()
    renderer(_Page(surface), app, material)
    return surface.document(material.title)


def _renderer(material: Material) -> Callable[[_Page, Application, Material], None]:
    renderer = _RENDERERS.get(material.kind)
    if renderer is None:
        raise ValueError(f"未知的材料类型：{material.kind}")
    return renderer


@cache
def _register_fonts() -> None:
    pdfmetrics.registerFont(UnicodeCIDFont(FONT_CN))


def _font_for(run: str) -> str:
    return FONT_NUM if run[0].isascii() or run[0] == "¥" else FONT_CN


class _Surface(Protocol):
    """Where a layout is drawn: y grows upwards from the page's bottom edge, as in PDF."""

    def text(self, x: float, y: float, runs: list[tuple[str, str]], size: float) -> None:
        """One line at (x, y) made of (text, font) runs."""

    def rule(self, x1: float, x2: float, y: float) -> None: ...

    def next_page(self) -> None: ...


class _PdfSurface:
    def __init__(self, pdf: canvas.Canvas) -> None:
        self.pdf = pdf

    def text(self, x: float, y: float, runs: list[tuple[str, str]], size: float) -> None:
        # One text object per line, so extractors keep the runs of a line together.
        text_object = self.pdf.beginText(x, y)
        for run, font in runs:
            text_object.setFont(font, size)
            text_object.textOut(run)
        self.pdf.drawText(text_object)

    def rule(self, x1: float, x2: float, y: float) -> None:
        self.pdf.setLineWidth(0.5)
        self.pdf.line(x1, y, x2, y)

    def next_page(self) -> None:
        self.pdf.showPage()


_SVG_FONTS = {
    FONT_CN: "'Noto Serif CJK SC','Source Han Serif SC','Noto Sans CJK SC','SimSun','Songti SC',serif",
    FONT_NUM: "Helvetica,Arial,'Liberation Sans',sans-serif",
}
_PAGE_GAP = 12.0


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_text(text: str) -> str:
    """``text`` escaped for XML, without the control characters XML 1.0 cannot carry."""
    return escape(_NOT_XML.sub("", text))


class _SvgSurface:
    """Collects SVG elements per page; every piece of text is XML-escaped."""

    def __init__(self) -> None:
        self.width, self.height = A4
        self.pages: list[list[str]] = [[]]

    def _y(self, y: float) -> float:
        return (len(self.pages) - 1) * (self.height + _PAGE_GAP) + self.height - y

    def text(self, x: float, y: float, runs: list[tuple[str, str]], size: float) -> None:
        spans = "".join(
            f"<tspan font-family={quoteattr(_SVG_FONTS[font])}>{_xml_text(run)}</tspan>"
            for run, font in runs
        )
        self.pages[-1].append(f'<text x="{x:.1f}" y="{self._y(y):.1f}" font-size="{size:g}">{spans}</text>')

    def rule(self, x1: float, x2: float, y: float) -> None:
        y_svg = self._y(y)
        self.pages[-1].append(
            f'<line x1="{x1:.1f}" y1="{y_svg:.1f}" x2="{x2:.1f}" y2="{y_svg:.1f}" stroke="#000" stroke-width="0.5"/>'
        )

    def next_page(self) -> None:
        self.pages.append([])

    def document(self, title: str) -> str:
        total = len(self.pages) * (self.height + _PAGE_GAP) - _PAGE_GAP
        parts = [
            '<svg xmlns="http://www.w3.org/2000/svg" version="1.1" xml:space="preserve"'
            f' width="{self.width:.0f}" height="{total:.0f}" viewBox="0 0 {self.width:.2f} {total:.2f}">',
            f"<title>{_xml_text(title)}</title>",
            '<rect width="100%" height="100%" fill="#dcdfe6"/>',
        ]
        for index, elements in enumerate(self.pages):
            top = index * (self.height + _PAGE_GAP)
            parts.append(f'<rect y="{top:.1f}" width="{self.width:.2f}" height="{self.height:.2f}" fill="#fff"/>')
            parts.extend(elements)
        parts.append("</svg>")
        return "\n".join(parts)


class _Page:
    """Top-down text layout with automatic font switching and wrapping."""

    def __init__(self, surface: _Surface) -> None:
        self.surface = surface
        self.width, self.height = A4
        self.y = self.height - _MARGIN

    def _width(self, text: str, size: float) -> float:
        return sum(
            pdfmetrics.stringWidth(run, _font_for(run), size) for run in _ASCII_RUN.findall(text)
        )

    def _draw(self, x: float, text: str, size: float) -> None:
        self.surface.text(x, self.y, [(run, _font_for(run)) for run in _ASCII_RUN.findall(text)], size)

    def _advance(self, height: float) -> None:
        self.y -= height
        if self.y < _MARGIN:
            self.surface.next_page()
            self.y = self.height - _MARGIN - height

    def title(self, text: str, size: float = 18) -> None:
        self._advance(size)
        self._draw((self.width - self._width(text, size)) / 2, text, size)
        self._advance(size * 0.6)

    def line(self, text: str, size: float = 11, indent: float = 0) -> None:
        """One line of text, wrapped at token boundaries when it is too wide."""
        for part in self._wrap(text, size, self.width - 2 * _MARGIN - indent):
            self._advance(size * 1.7)
            self._draw(_MARGIN + indent, part, size)

    def field(self, label: str, value: str | int, size: float = 11) -> None:
        self.line(f"{label}：{value}", size)

    def paragraph(self, text: str, size: float = 11) -> None:
        """Wrapped text; the first line is indented by two characters."""
        self.line("\u3000\u3000" + text, size)

    def _wrap(self, text: str, size: float, limit: float) -> list[str]:
        lines, current, width = [], "", 0.0
        for token in _TOKEN.findall(text):
            token_width = self._width(token, size)
            if width + token_width > limit and current.strip():
                lines.append(current)
                current, width = "", 0.0
                if token.isspace():
                    continue
            current += token
            width += token_width
        if current.strip():
            lines.append(current)
        return lines

    def gap(self, height: float = 8) -> None:
        self._advance(height)

    def rule(self) -> None:
        self._advance(6)
        self.surface.rule(_MARGIN, self.width - _MARGIN, self.y)


# --- documents ----------------------------------------------------------------------------


def _serial(app: Application, salt: str, digits: int) -> str:
    value = zlib.crc32(f"{app.student_no}:{salt}".encode())
    return f"{value % 10**digits:0{digits}d}"


def _service_period(app: Application) -> str:
    start, end = app.graduation_year, app.graduation_year + app.service_years
    return f"{start} 年 07 月 01 日起至 {end} 年 06 月 30 日止"


def _year(app: Application, material: Material) -> YearPayment:
    for payment in app.years:
        if payment.year_index == material.year_index:
            return payment
    raise ValueError(f"申请中没有第{material.year_index}学年的缴费信息")


def _graduate_lines(page: _Page, app: Application) -> None:
    page.field("姓名", app.student_name)
    page.field("性别", app.gender)
    page.field("身份证号", mask_id(app.id_number))
    page.field("学号", app.student_no)
    page.field("学历", f"{app.degree}（学制 {app.schooling_years} 年）")
    page.field("毕业学校", f"{reference.school().name}（{app.unit_name}）")
    page.field("毕业时间", f"{app.graduation_year} 年 07 月")
    page.field("联系电话", app.phone)


def _employer_lines(page: _Page, app: Application) -> None:
    page.field("单位名称", app.employer_name)
    page.field("单位性质", app.employer_type)
    page.field("单位所在地", app.location)
    page.field("工作岗位", app.post)


def _agreement(page: _Page, app: Application, material: Material) -> None:
    page.title("全国普通高等学校毕业生就业协议书")
    page.line(f"编号：{app.graduation_year}{_serial(app, material.kind, 8)}", 10)
    page.rule()
    page.line("一、毕业生情况", 12)
    _graduate_lines(page, app)
    page.line("二、用人单位情况", 12)
    _employer_lines(page, app)
    page.line("三、协议条款", 12)
    page.field("服务期限", f"{app.service_years} 年")
    page.paragraph(
        f"经双方协商一致，毕业生自愿到用人单位工作，服务期限为 {app.service_years} 年，"
        f"自{_service_period(app)}。工作地点：{app.location}。"
    )
    page.gap(16)
    page.line(f"毕业生（签名）：{app.student_name}")
    page.line(f"用人单位（盖章）：{app.employer_name}")
    day = 10 + int(_serial(app, "day", 2)) % 18
    page.line(f"签约日期：{app.graduation_year} 年 05 月 {day} 日")


def _labor_contract(page: _Page, app: Application, material: Material) -> None:
    page.title("劳动合同书")
    page.line(f"合同编号：LD{app.graduation_year}{_serial(app, material.kind, 6)}", 10)
    page.rule()
    page.field("甲方（用人单位）", app.employer_name)
    page.field("单位性质", app.employer_type)
    page.field("单位地址", app.location)
    page.field("乙方（劳动者）", app.student_name)
    page.field("身份证号", mask_id(app.id_number))
    page.field("联系电话", app.phone)
    page.line("一、合同期限", 12)
    page.field("合同期限", f"{app.service_years} 年")
    page.paragraph(f"本合同为固定期限劳动合同，自{_service_period(app)}。")
    page.line("二、工作内容和工作地点", 12)
    page.field("工作岗位", app.post)
    page.field("工作地点", app.location)
    page.gap(16)
    page.line(f"甲方（盖章）：{app.employer_name}")
    page.line(f"乙方（签名）：{app.student_name}")
    page.line(f"签订日期：{app.graduation_year} 年 07 月 01 日")


def _employment_proof(page: _Page, app: Application, material: Material) -> None:
    page.title("就业证明")
    page.gap(12)
    page.paragraph(
        f"兹证明{app.student_name}（身份证号：{mask_id(app.id_number)}）系{reference.school().name}"
        f"{app.unit_name} {app.graduation_year} 届{app.degree}毕业生，自 {app.graduation_year} 年"
        f" 07 月 01 日起在我单位从事{app.post}工作，工作地点位于{app.location}，"
        f"服务期 {app.service_years} 年。"
    )
    page.paragraph("特此证明。")
    page.gap(24)
    page.field("单位名称（盖章）", app.employer_name)
    page.field("单位性质", app.employer_type)
    page.line(f"{app.graduation_year} 年 09 月 15 日")


def _receipt(page: _Page, app: Application, material: Material) -> None:
    payment = _year(app, material)
    amount = receipt_amount_text(payment.receipt_amount)
    start = app.enrollment_year + payment.year_index - 1
    page.title("中央非税收入统一票据")
    page.line(
        f"票据代码：{_serial(app, 'code', 8)}    "
        f"票据号码：{_serial(app, f'receipt{payment.year_index}', 10)}",
        10,
    )
    page.line(f"开票日期：{start}-09-{1 + int(_serial(app, f'day{start}', 2)) % 20:02d}", 10)
    page.rule()
    page.field("交款人", app.student_name)
    page.field("学号", app.student_no)
    page.field("身份证号", mask_id(app.id_number))
    school_year = app.academic_year(payment.year_index)
    page.field("收费学年", f"{school_year} 学年（第 {payment.year_index} 学年）")
    page.rule()
    page.line("项目名称        数量        标准（元）        金额（元）")
    page.line(f"学费            1           {amount}           {amount}")
    page.rule()
    page.field("实缴学费", f"{amount} 元")
    page.field("金额合计（大写）", rmb_upper(payment.receipt_amount))
    page.field("金额合计（小写）", f"¥{amount}")
    page.gap(16)
    page.field("收款单位（章）", reference.school().name)
    page.field("备注", f"{school_year} 学年学费")


def _loan_contract(page: _Page, app: Application, material: Material) -> None:
    total = sum(y.loan_principal for y in app.years)
    page.title("国家助学贷款借款合同")
    page.title("（生源地信用助学贷款）", 12)
    page.line(f"合同编号：GZ{app.enrollment_year + 1}{_serial(app, material.kind, 10)}", 10)
    page.rule()
    page.field("贷款人", "国家开发银行")
    page.field("借款学生", app.student_name)
    page.field("身份证号", mask_id(app.id_number))
    page.field("就读学校", f"{reference.school().name}（学号 {app.student_no}）")
    page.field("借款用途", "支付在校期间学费")
    page.rule()
    page.line("学年                        借款金额（元）        用途")
    for y in sorted(app.years, key=lambda y: y.year_index):
        page.line(
            f"{app.academic_year(y.year_index)}                  "
            f"{receipt_amount_text(y.loan_principal)}              学费"
        )
    page.rule()
    page.field("借款本金合计", f"{receipt_amount_text(total)} 元（{rmb_upper(total)}）")
    page.gap(16)
    page.line(f"借款人（签名）：{app.student_name}")
    page.line("贷款人（盖章）：国家开发银行")


def _no_contract(page: _Page, app: Application, material: Material) -> None:
    page.title("不签约情况说明")
    page.gap(12)
    page.paragraph(
        f"本人{app.student_name}，身份证号 {mask_id(app.id_number)}，系{reference.school().name}"
        f" {app.graduation_year} 届{app.degree}毕业生。"
        f"本人自 {app.graduation_year} 年 07 月 01 日起在{app.employer_name}"
        f"（{app.location}）从事{app.post}工作。因单位用工安排，"
        f"未签订就业协议书或劳动合同，本人承诺在该单位服务不少于 {app.service_years} 年。"
    )
    page.paragraph("特此说明。")
    page.gap(16)
    page.line(f"本人签名：{app.student_name}")
    page.line("单位意见：情况属实。")
    page.line(f"单位（盖章）：{app.employer_name}")
    page.line(f"{app.graduation_year} 年 09 月 15 日")


_RENDERERS: dict[str, Callable[[_Page, Application, Material], None]] = {
    KIND_AGREEMENT: _agreement,
    KIND_LABOR_CONTRACT: _labor_contract,
    KIND_EMPLOYMENT_PROOF: _employment_proof,
    KIND_RECEIPT: _receipt,
    KIND_LOAN_CONTRACT: _loan_contract,
    KIND_NO_CONTRACT: _no_contract,
}
