"""Screens of 中央高校基层就业资助管理系统."""

from .access_denied import AccessDeniedPage
from .application_detail import (
    ELIGIBLE,
    INELIGIBLE,
    PASSED,
    REJECTED,
    REVIEW_RESULTS,
    ApplicationDetailPage,
    HistoryEntry,
    Judgement,
    decided_label,
    saved_notice,
)
from .application_list import ALL_DONE, PENDING, ApplicationListPage, ApplicationRow
from .login_home import LoginHomePage
from .material_preview import MaterialPreviewDialog
from .staff_login import StaffLoginPage

__all__ = [
    "ALL_DONE", "ELIGIBLE", "INELIGIBLE", "PASSED", "PENDING", "REJECTED", "REVIEW_RESULTS", "AccessDeniedPage",
    "ApplicationDetailPage", "ApplicationListPage", "ApplicationRow", "HistoryEntry", "Judgement", "LoginHomePage",
    "MaterialPreviewDialog", "StaffLoginPage", "decided_label", "saved_notice",
]
