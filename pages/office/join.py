"""加入组织: the three-step wizard (业务 + 邀请码 → 院（系）+ 学段 → 培养单位 + 申请身份)."""

from __future__ import annotations

from playwright.sync_api import Locator, Page, expect

from pages.base import BasePage, verb


class _JoinStep(BasePage):
    heading = "加入组织"
    step_label = ""

    def __init__(self, page: Page, base_url: str) -> None:
        super().__init__(page, base_url)
        steps = page.get_by_role("list", name="加入组织步骤")
        self.current_step = steps.locator('[aria-current="step"]')  # aria-current has no role query
        self.next_button = page.get_by_role("button", name="下一步", exact=True)
        self.back_button = page.get_by_role("button", name="上一步", exact=True)

    def expect_loaded(self) -> None:
        super().expect_loaded()
        expect(self.current_step).to_contain_text(self.step_label)

    @verb("点击“上一步”")
    def back(self) -> None:
        self.back_button.click()

    @staticmethod
    def chosen(select: Locator) -> str:
        """The visible label of a select's chosen option ('' while it shows 请选择)."""
        label = select.evaluate("s => s.selectedOptions.length ? s.selectedOptions[0].label : ''")
        return "" if label.strip() == "请选择" else label.strip()


class JoinBusinessPage(_JoinStep):
    """Step 1: 选取“学生资助”业务，输入邀请码."""

    path = "/mainList/organization/join"
    step_label = "选择业务"

    def __init__(self, page: Page, base_url: str) -> None:
        super().__init__(page, base_url)
        self.businesses = page.get_by_role("group", name="选择业务")
        self.invite_code = page.get_by_label("邀请码", exact=True)

    @verb("选取业务")
    def choose_business(self, business: str) -> None:
        self.businesses.get_by_label(business, exact=True).check()

    @verb("输入邀请码")
    def enter_invite_code(self, code: str) -> None:
        self.invite_code.fill(code)

    @verb("点击“下一步”")
    def next(self) -> None:
        self.next_button.click()


class JoinDepartmentPage(_JoinStep):
    """Step 2: 选择中国科学院大学的院（系）及学段."""

    step_label = "选择院（系）及学段"

    def __init__(self, page: Page, base_url: str) -> None:
        super().__init__(page, base_url)
        self.organization = page.get_by_text("组织：")
        self.department = page.get_by_label("院（系）", exact=True)
        self.stage = page.get_by_label("学段", exact=True)

    @verb("选择院（系）及学段")
    def choose(self, department: str, stage: str) -> None:
        self.department.select_option(label=department)
        self.stage.select_option(label=stage)

    @verb("点击“下一步”")
    def next(self) -> None:
        self.next_button.click()


class JoinUnitPage(_JoinStep):
    """Step 3: 选择所属培养单位，申请资助办公系统的管理员."""

    step_label = "选择培养单位"

    def __init__(self, page: Page, base_url: str) -> None:
        super().__init__(page, base_url)
        self.unit = page.get_by_label("培养单位", exact=True)
        self.identities = page.get_by_role("group", name="申请身份")
        self.submit_button = page.get_by_role("button", name="提交申请", exact=True)

    def summary(self) -> dict[str, str]:
        """The 组织 / 院（系）/ 学段 chosen on the earlier steps (the list above the form)."""
        terms = [t.strip() for t in self.page.get_by_role("term").all_inner_texts()]
        values = [d.strip() for d in self.page.get_by_role("definition").all_inner_texts()]
        return dict(zip(terms, values, strict=False))

    def unit_options(self) -> list[str]:
        return [o.strip() for o in self.unit.get_by_role("option").all_inner_texts() if o.strip() != "请选择"]

    @verb("选择所属培养单位")
    def choose_unit(self, unit: str) -> None:
        self.unit.select_option(label=unit)

    @verb("选择申请身份")
    def choose_identity(self, identity: str = "管理员") -> None:
        self.identities.get_by_label(identity, exact=True).check()

    @verb("点击“提交申请”")
    def submit(self) -> None:
        self.submit_button.click()
