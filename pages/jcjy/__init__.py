"""Screens of 中央高校基层就业资助管理系统."""

from .access_denied import AccessDeniedPage
from .application_detail import ApplicationDetailPage, Judgement, MaterialPreviewDialog
from .application_list import ApplicationListPage, ApplicationRow
from .login_home import LoginHomePage
from .staff_login import StaffLoginPage

__all__ = [
    "AccessDeniedPage", "ApplicationDetailPage", "ApplicationListPage", "ApplicationRow", "Judgement",
    "LoginHomePage", "MaterialPreviewDialog", "StaffLoginPage",
]
