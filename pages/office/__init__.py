"""Screens of 全国学生资助办公系统."""

from .applications import JoinApplicationsPage
from .join import JoinBusinessPage, JoinDepartmentPage, JoinUnitPage
from .login import OfficeLoginPage
from .members import ROLES, SYSTEMS, AuthorizationDialog, MembersPage
from .organization import OrganizationPage
from .profile import ProfilePage
from .register import RegisterPage
from .shell import OfficeShell

__all__ = [
    "ROLES", "SYSTEMS", "AuthorizationDialog", "JoinApplicationsPage", "JoinBusinessPage",
    "JoinDepartmentPage", "JoinUnitPage", "MembersPage", "OfficeLoginPage", "OfficeShell",
    "OrganizationPage", "ProfilePage", "RegisterPage",
]
