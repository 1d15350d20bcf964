"""Who is logged in (staff reviewer or student) and the login-required decorators."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import ParamSpec
from urllib.parse import urlsplit

from flask import Flask, Response, flash, redirect, request, url_for
from flask.typing import ResponseReturnValue

from ..common.logins import LOGIN_EXPIRED, current_login, session_expired
from ..common.roles import STAGE_ROLES
from .grants import STAFF, grant_refusal

STUDENT = "student"
P = ParamSpec("P")


@dataclass(frozen=True)
class CurrentUser:
    """The logged-in person, read from the session."""

    kind: str
    name: str
    account: str = ""
    unit_code: str = ""
    unit_name: str = ""
    stages: tuple[str, ...] = ()
    student_id: int = 0

    @property
    def role(self) -> str:
        if self.kind == STUDENT:
            return "学生"
        return "、".join(STAGE_ROLES[s] for s in self.stages if s in STAGE_ROLES)


def current_user() -> CurrentUser | None:
    login = current_login()
    data = login.data if login is not None else {}
    kind = data.get("kind")
    if kind == STAFF:
        return CurrentUser(
            kind=STAFF, name=data.get("name", ""), account=data.get("account", ""),
            unit_code=data.get("unit_code", ""), unit_name=data.get("unit_name", ""),
            stages=tuple(data.get("stages", ())),
        )
    if kind == STUDENT:
        return CurrentUser(kind=STUDENT, name=data.get("name", ""),
                           student_id=int(data.get("student_id", 0)))
    return None


def _return_path() -> str:
    """Where to come back after logging in: this page, or for a POST the page it came from."""
    if request.method == "GET":
        return request.full_path.rstrip("?")
    referrer = request.referrer or ""
    parts = urlsplit(referrer)
    if parts.netloc == request.host and parts.path:
        return parts.path + (f"?{parts.query}" if parts.query else "")
    return ""


def _login_required(
    kind: str, endpoint: str
) -> Callable[[Callable[P, ResponseReturnValue]], Callable[P, ResponseReturnValue]]:
    def decorator(view: Callable[P, ResponseReturnValue]) -> Callable[P, ResponseReturnValue]:
        @wraps(view)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> ResponseReturnValue:
            user = current_user()
            if user is None or user.kind != kind:
                flash(LOGIN_EXPIRED if session_expired() else "请先登录", "warning")
                return redirect(url_for(endpoint, next=_return_path() or None))
            if kind == STAFF and (refusal := grant_refusal(always=False)):
                return refusal
            return view(*args, **kwargs)

        return wrapper

    return decorator


staff_required = _login_required(STAFF, "auth.staff_login")
student_required = _login_required(STUDENT, "student.login")


def install_expiry_redirect(app: Flask) -> None:
    """A form posted after the login timed out (refused by the CSRF check, 401) leads to the
    login page, which then returns to the page the form was on."""

    @app.after_request
    def _to_login(response: Response) -> Response:
        if response.status_code != 401 or request.method != "POST" or not session_expired():
            return response
        if request.path.startswith("/review/"):
            target = url_for("auth.staff_login", next=_return_path() or None)
        elif request.path.startswith("/student/"):
            target = url_for("student.login")
        else:
            return response
        flash(LOGIN_EXPIRED, "warning")
        return redirect(target)
