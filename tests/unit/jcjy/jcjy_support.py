"""Helpers of the jcjy unit tests: the fake office SSO, login, CSRF, scope look-ups."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from flask import Flask, jsonify, request
from flask.testing import FlaskClient
from flask.typing import ResponseReturnValue
from sqlalchemy import func, select
from werkzeug.test import TestResponse

from benchmarks.scrape import form_token
from mock_sites.common.roles import JCJY_SYSTEM
from mock_sites.jcjy.models import ApplicationRecord, LoginSession

TOKEN = "test-service-token"
PASSWORD = "Review2024ok"


@dataclass
class FakeOffice:
    """The office site's /api/sso/verify and /grants per docs/architecture.md, switchable."""

    url: str = ""
    accounts: dict[str, dict] = field(default_factory=dict)
    locked: set[str] = field(default_factory=set)
    fail_with: int | None = None  # answer every call with this status (e.g. 500)
    calls: int = 0
    grant_checks: int = 0  # calls of /api/sso/grants

    def add(self, account: str, unit_code: str, roles: list[str],
            systems: tuple[str, ...] = (JCJY_SYSTEM,), name: str = "王老师") -> str:
        self.accounts[account] = {
            "ok": True, "account": account, "name": name, "unit_code": unit_code,
            "unit_name": f"培养单位{unit_code}", "department": "计算机科学与技术学院",
            "systems": list(systems), "roles": roles,
        }
        return account

    def wsgi(self) -> Flask:
        app = Flask("fake_office")

        @app.post("/api/sso/verify")
        def verify() -> ResponseReturnValue:
            self.calls += 1
            if self.fail_with:
                return jsonify(ok=False, error="内部错误"), self.fail_with
            if request.headers.get("X-Service-Token") != TOKEN:
                return jsonify(ok=False, error="服务凭证无效"), 403
            body = request.get_json(force=True)
            account = body.get("account", "")
            if account in self.locked:
                return jsonify(ok=False, error="账号已锁定，请15分钟后再试"), 423
            if account not in self.accounts or body.get("password") != PASSWORD:
                return jsonify(ok=False, error="账号或密码错误"), 401
            return jsonify(self.accounts[account])

        @app.post("/api/sso/grants")
        def grants():
            self.calls += 1
            self.grant_checks += 1
            if self.fail_with:
                return jsonify(ok=False, error="内部错误"), self.fail_with
            if request.headers.get("X-Service-Token") != TOKEN:
                return jsonify(ok=False, error="服务凭证无效"), 403
            account = request.get_json(force=True).get("account", "")
            if account not in self.accounts:
                return jsonify(ok=False, error="账号不存在"), 404
            return jsonify(self.accounts[account])

        return app


def csrf_of(client: FlaskClient, path: str = "/staff/login") -> str:
    """The session's CSRF token, read from a page that has a form."""
    return form_token(client.get(path).get_data(as_text=True))


def busiest_scope(app: Flask) -> tuple[str, str]:
    """(unit_code, stage) with the most seeded applications."""
    with app.extensions["db_factory"]() as db:
        row = db.execute(
            select(ApplicationRecord.unit_code, ApplicationRecord.stage, func.count())
            .group_by(ApplicationRecord.unit_code, ApplicationRecord.stage)
            .order_by(func.count().desc(), ApplicationRecord.unit_code)
        ).first()
    return row[0], row[1]


def scope_ids(app: Flask, unit_code: str, stage: str) -> list[int]:
    with app.extensions["db_factory"]() as db:
        return list(db.scalars(select(ApplicationRecord.id).where(
            ApplicationRecord.unit_code == unit_code, ApplicationRecord.stage == stage,
        ).order_by(ApplicationRecord.id)))


def outside_id(app: Flask, unit_code: str, stage: str) -> int:
    """An application the reviewer of (unit_code, stage) must not see."""
    with app.extensions["db_factory"]() as db:
        return db.scalar(select(ApplicationRecord.id).where(
            (ApplicationRecord.unit_code != unit_code) | (ApplicationRecord.stage != stage)))


@dataclass
class Reviewer:
    """A logged-in reviewer: the test client plus their scope."""

    client: FlaskClient
    unit_code: str
    stage: str
    ids: list[int]

    def token(self, path: str = "/review/applications") -> str:
        return csrf_of(self.client, path)

    def decide(self, app_id: int, result: str, remark: str = "", version: int | None = None,
               follow: bool = False) -> TestResponse:
        page = self.client.get(f"/review/applications/{app_id}").get_data(as_text=True)
        token = form_token(page)
        if version is None:
            found = re.search(r'name="version" value="(\d+)"', page)
            version = int(found.group(1)) if found else 1
        return self.client.post(f"/review/applications/{app_id}/decide", data={
            "csrf_token": token, "result": result, "remark": remark, "version": version,
        }, follow_redirects=follow)


def login(client: FlaskClient, account: str, password: str = PASSWORD, next_path: str = "",
          captcha: str | None = None) -> TestResponse:
    data = {"csrf_token": csrf_of(client), "account": account, "password": password,
            "next": next_path}
    if captcha is not None:
        data["captcha"] = captcha
    return client.post("/staff/login", data=data)


def only_login(app: Flask) -> dict:
    """What the site's one stored login remembers (``login_sessions``)."""
    with app.extensions["db_factory"]() as db:
        (row,) = db.scalars(select(LoginSession)).all()
        return row.data
