"""Screens of 全国学生资助办公系统."""

from .applications import JoinApplicationsPage, RejectApplicationPage
from .authorization_dialog import (
    GRADUATE_ROLE,
    JCJY_SYSTEM,
    ROLES,
    SYSTEMS,
    UNDERGRADUATE_ROLE,
    AuthorizationDialog,
)
from .join import JoinBusinessPage, JoinDepartmentPage, JoinUnitPage
from .login import OfficeLoginPage
from .members import MembersPage
from .organization import PENDING_ADMIN, OrganizationPage
from .profile import ProfilePage
from .register import RegisterPage
from .shell import OfficeShell

__all__ = [
    "GRADUATE_ROLE", "JCJY_SYSTEM", "PENDING_ADMIN", "ROLES", "SYSTEMS", "UNDERGRADUATE_ROLE",
    "AuthorizationDialog", "JoinApplicationsPage", "JoinBusinessPage", "JoinDepartmentPage",
    "JoinUnitPage", "MembersPage", "OfficeLoginPage", "OfficeShell", "OrganizationPage",
    "ProfilePage", "RegisterPage", "RejectApplicationPage",
]
