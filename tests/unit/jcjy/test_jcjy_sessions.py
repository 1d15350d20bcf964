"""Logging out ends the session on the server (issue 12 point 3), for reviewers and students."""

from __future__ import annotations

from jcjy_support import csrf_of
from test_jcjy_student import student_login

from mock_sites.jcjy.models import ApplicationRecord

COOKIE = "jcjy_session"
LIST = "/review/applications"


def copy_cookie(source, target) -> None:
    target.set_cookie(COOKIE, source.get_cookie(COOKIE).value)


def log_out(client, page: str) -> None:
    response = client.post("/logout", data={"csrf_token": csrf_of(client, page)})
    assert response.status_code == 302


def test_reviewer_cookie_copied_before_logout_is_logged_out(reviewer, app) -> None:
    thief = app.test_client()
    copy_cookie(reviewer.client, thief)
    assert thief.get(LIST).status_code == 200
    log_out(reviewer.client, LIST)
    response = thief.get(LIST)
    assert response.status_code == 302 and response.headers["Location"].startswith("/staff/login")
    page = thief.get(f"{LIST}/{reviewer.ids[0]}")
    assert page.status_code == 302


def test_student_cookie_copied_before_logout_is_logged_out(app) -> None:
    with app.extensions["db_factory"]() as db:
        phone = db.query(ApplicationRecord.phone).first()[0]
    student, thief = app.test_client(), app.test_client()
    student_login(student, phone)
    copy_cookie(student, thief)
    assert thief.get("/student/applications").status_code == 200
    log_out(student, "/student/applications")
    assert thief.get("/student/applications").status_code == 302
