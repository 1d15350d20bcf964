"""The six kinds of material, each laid out from the application as the student declared it."""

from __future__ import annotations

import zlib
from collections.abc import Callable

from mock_sites import reference
from mock_sites.common.masking import mask_id, mask_mobile
from mock_sites.jcjy import cases
from mock_sites.jcjy.cases import Application, Material, YearPayment

from .layout import Page
from .rmb import receipt_amount_text, rmb_upper

Document = Callable[[Page, Application, Material], None]


def document_for(material: Material) -> Document:
    """The layout of this kind of material; ValueError (in Chinese) for an unknown kind."""
    document = _DOCUMENTS.get(material.kind)
    if document is None:
        raise ValueError(f"未知的材料类型：{material.kind}")
    return document


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


def _identity_lines(page: Page, app: Application) -> None:
    """身份证号 and 联系电话, masked as on the pages (a material is shown and downloaded)."""
    page.field("身份证号", mask_id(app.id_number))
    page.field("联系电话", mask_mobile(app.phone))


def _graduate_lines(page: Page, app: Application) -> None:
    page.field("姓名", app.student_name)
    page.field("性别", app.gender)
    page.field("学号", app.student_no)
    page.field("学历", f"{app.degree}（学制 {app.schooling_years} 年）")
    page.field("毕业学校", f"{reference.school().name}（{app.unit_name}）")
    page.field("毕业时间", f"{app.graduation_year} 年 07 月")
    _identity_lines(page, app)


def _employer_lines(page: Page, app: Application) -> None:
    page.field("单位名称", app.employer_name)
    page.field("单位性质", app.employer_type)
    page.field("单位所在地", app.location)
    page.field("工作岗位", app.post)


def _agreement(page: Page, app: Application, material: Material) -> None:
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


def _labor_contract(page: Page, app: Application, material: Material) -> None:
    page.title("劳动合同书")
    page.line(f"合同编号：LD{app.graduation_year}{_serial(app, material.kind, 6)}", 10)
    page.rule()
    page.field("甲方（用人单位）", app.employer_name)
    page.field("单位性质", app.employer_type)
    page.field("单位地址", app.location)
    page.field("乙方（劳动者）", app.student_name)
    _identity_lines(page, app)
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


def _employment_proof(page: Page, app: Application, material: Material) -> None:
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


def _receipt(page: Page, app: Application, material: Material) -> None:
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


def _loan_contract(page: Page, app: Application, material: Material) -> None:
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


def _no_contract(page: Page, app: Application, material: Material) -> None:
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


_DOCUMENTS: dict[str, Document] = {
    cases.KIND_AGREEMENT: _agreement,
    cases.KIND_LABOR_CONTRACT: _labor_contract,
    cases.KIND_EMPLOYMENT_PROOF: _employment_proof,
    cases.KIND_RECEIPT: _receipt,
    cases.KIND_LOAN_CONTRACT: _loan_contract,
    cases.KIND_NO_CONTRACT: _no_contract,
}
