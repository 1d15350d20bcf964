"""The documented procedure, one definition per step, titles verbatim from the procedure document
(操作流程（培养单位）).

Flows, Allure steps, logs, progress lines and the benchmarks all read these; nobody types a title
twice.
"""

from __future__ import annotations

from dataclasses import dataclass

#: The procedure document's own title (the illustrated guide and the videos carry it).
DOCUMENT_TITLE = "操作流程（培养单位）"
OFFICE_SYSTEM = "全国学生资助办公系统"
JCJY_SYSTEM = "中央高校基层就业资助管理系统"

SECTION_OFFICE = "一、在全国学生资助办公系统中授权基层就业审批权限"
PART_REGISTER = "（一）注册、登录资助办公系统"
PART_AUTHORIZE = "（二）授权基层就业系统的审核权限"
SECTION_JCJY = "二、在中央高校基层就业资助管理系统中审核申报信息"
PART_REVIEW = "审核学生申报信息"


@dataclass(frozen=True)
class Step:
    """One documented step: where it stands in the procedure document and what it says."""

    key: str
    section: str
    part: str
    number: str
    title: str
    system: str
    note: str = ""

    @property
    def label(self) -> str:
        """Short form for logs and progress lines: "1 输入网址，注册账户。"."""
        return f"{self.number} {self.title}"


def _office(key: str, part: str, number: str, title: str, note: str = "") -> Step:
    return Step(key, SECTION_OFFICE, part, number, title, OFFICE_SYSTEM, note)


def _jcjy(key: str, number: str, title: str, note: str = "") -> Step:
    return Step(key, SECTION_JCJY, PART_REVIEW, number, title, JCJY_SYSTEM, note)


REGISTER = _office("register", PART_REGISTER, "1", "输入网址，注册账户。")
FILL_PERSONAL_INFO = _office("fill_personal_info", PART_REGISTER, "2", "填写个人信息，点击确认。")
JOIN_ORGANIZATION = _office("join_organization", PART_REGISTER, "3", "加入组织。")
ENTER_INVITE_CODE = _office(
    "enter_invite_code", PART_REGISTER, "4", "选取“学生资助”业务，输入邀请码（群里通知）。"
)
CHOOSE_DEPARTMENT_AND_STAGE = _office(
    "choose_department_and_stage", PART_REGISTER, "5", "选择中国科学院大学的院（系）及学段。"
)
APPLY_FOR_ADMIN = _office(
    "apply_for_admin", PART_REGISTER, "6", "选择所属培养单位，申请资助办公系统的管理员。",
    note="至此，资助办公系统的注册工作完成。",
)
APPROVE_ADMIN = _office(
    "approve_admin", PART_REGISTER, "6′", "学校管理员审批管理员申请。",
    note="由学校管理员在资助办公系统中完成（操作流程中未单列）。",
)
LOGIN_AGAIN = _office("login_again", PART_AUTHORIZE, "1", "再次登录资助办公系统。")
OPEN_MEMBERS = _office(
    "open_members", PART_AUTHORIZE, "2", "在内部组织-部门成员界面下，勾选人员，点击“授权管理”。"
)
GRANT_REVIEW_PERMISSION = _office(
    "grant_review_permission", PART_AUTHORIZE, "3",
    "在弹出窗口中，勾选基层就业系统、研究生学院审核人员（本科部勾选本专科学院审核人员）。",
)
CLICK_STAFF_LOGIN = _jcjy("click_staff_login", "1", "点击工作人员登录")
STAFF_LOGIN = _jcjy("staff_login", "2", "输入办公系统账号、密码，登录")
OPEN_APPLICATION = _jcjy(
    "open_application", "3（1）",
    "点击“申请名单审核”，在需要审核的学生名单右侧，点击“详情”，查看学生具体申报情况。",
    note="“系统判断结果”仅供参考，审核人员需根据审核说明对学生就业情况是否符合资助条件进行判断。",
)
CHECK_MATERIALS = _jcjy(
    "check_materials", "3（2）", "对学生的申请信息进行查看，证明材料可以进行预览查看。",
    note="需核实缴纳的实际金额。",
)
CHOOSE_RESULT = _jcjy(
    "choose_result", "3（3）", "审核结果选择。",
    note="审核结果不通过，需在备注中写明不通过的原因，系统自动发送短信通知学生。",
)
CONFIRM_AND_NEXT = _jcjy(
    "confirm_and_next", "3（4）", "审核完成后点击右下角确定，然后进入下一位待审学生。"
)

ALL_STEPS: tuple[Step, ...] = (
    REGISTER, FILL_PERSONAL_INFO, JOIN_ORGANIZATION, ENTER_INVITE_CODE,
    CHOOSE_DEPARTMENT_AND_STAGE, APPLY_FOR_ADMIN, APPROVE_ADMIN, LOGIN_AGAIN, OPEN_MEMBERS,
    GRANT_REVIEW_PERMISSION, CLICK_STAFF_LOGIN, STAFF_LOGIN, OPEN_APPLICATION, CHECK_MATERIALS,
    CHOOSE_RESULT, CONFIRM_AND_NEXT,
)
STEPS_BY_KEY = {s.key: s for s in ALL_STEPS}
