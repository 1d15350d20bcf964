"""Fixtures for the office site (全国学生资助办公系统): app on a temporary SQLite file, clients."""

from __future__ import annotations

from collections.abc import Callable
from types import SimpleNamespace

import pytest
from flask import Flask
from flask.testing import FlaskClient
from unit_support import new_app, other_app
from werkzeug.test import TestResponse

from benchmarks.scrape import form_token
from harness.mock_control import SMS_CODE
from mock_sites import office
from mock_sites.common.config import MockConfig
from mock_sites.office import seed

TOKEN = "office-test-token"
GRAD_UNIT, UNDER_UNIT, OTHER_UNIT = "14430-0801", "14430-9901", "14430-0802"
ID_NUMBER = "11010519491231002X"  # valid check digit


class Browser:
    """A test client that reads the CSRF token from a page and posts forms like a user."""

    def __init__(self, client: FlaskClient, password: str) -> None:
        self.client = client
        self.password = password

    def get(self, path: str, **kwargs: object) -> TestResponse:
        return self.client.get(path, **kwargs)

    def text(self, path: str) -> str:
        return self.client.get(path, follow_redirects=True).get_data(as_text=True)

    def csrf(self, path: str = "/login") -> str:
        return form_token(self.text(path))

    def submit(self, path: str, data: dict | None = None, *, form_page: str | None = None,
               follow: bool = False) -> TestResponse:
        """POST ``data`` to ``path`` with the token of ``form_page`` (default: ``path``)."""
        token = self.csrf(form_page or path)
        return self.client.post(path, data={"csrf_token": token, **(data or {})},
                                follow_redirects=follow)

    def login(self, account: str, password: str | None = None, **extra: str) -> TestResponse:
        data = {"account": account, "password": password or self.password, **extra}
        return self.submit("/login", data)

    def sms_code(self, mobile: str) -> str:
        messages = self.client.get(f"/__mock__/sms?phone={mobile}").get_json()
        return SMS_CODE.search(messages[-1]["text"]).group(1)

    def register(self, mobile: str, password: str = "Passw0rd123") -> TestResponse:
        """注册 with a fresh SMS code; leaves the new account logged in (on /profile)."""
        sent = self.submit("/register", {"mobile": mobile, "action": "send_code"})
        assert sent.status_code == 200, sent.get_data(as_text=True)
        return self.submit("/register", {
            "mobile": mobile, "sms_code": self.sms_code(mobile), "password": password,
            "confirm": password, "action": "register",
        })

    def fill_profile(self, name: str = "王晓明", **overrides: str) -> TestResponse:
        data = {"name": name, "id_number": ID_NUMBER, "title": "研究生办公室主任",
                "office_phone": "010-88256000", "email": "wang@ucas.ac.cn", **overrides}
        return self.submit("/profile", data)

    def new_staff(self, mobile: str, name: str = "王晓明") -> None:
        assert self.register(mobile).status_code == 302
        assert self.fill_profile(name).status_code == 302

    def join(self, *, department: str = "08", stage: str = "研究生", unit: str = GRAD_UNIT,
             identity: str = "管理员", invite_code: str = "1685953300117") -> TestResponse:
        """The 加入组织 wizard, all three steps; returns the final response."""
        base = "/mainList/organization/join"
        step = self.submit(base, {"business": "学生资助", "invite_code": invite_code})
        assert step.status_code == 302, step.get_data(as_text=True)
        step = self.submit(f"{base}/department",
                           {"department": department, "stage": stage, "action": "next"})
        assert step.status_code == 302, step.get_data(as_text=True)
        return self.submit(f"{base}/unit", {"unit": unit, "identity": identity,
                                            "action": "submit"})

    def logout(self) -> None:
        self.submit("/logout", form_page="/mainList/organization")


@pytest.fixture
def config(tmp_path) -> MockConfig:
    return MockConfig(data_dir=tmp_path, seed=11, service_token=TOKEN,
                      secret_key="office-test-secret")


@pytest.fixture
def app(config: MockConfig) -> Flask:
    return new_app(office, config)


@pytest.fixture
def site_with(config: MockConfig, tmp_path) -> Callable[..., Browser]:
    """A browser on a second app whose config differs (e.g. ``captcha_mode="image"``)."""

    def make(**changes: object) -> Browser:
        other = other_app(office, config, tmp_path / "other", **changes)
        return Browser(other.test_client(), config.demo_password)

    return make


@pytest.fixture
def new_browser(app: Flask, config: MockConfig) -> Callable[[], Browser]:
    return lambda: Browser(app.test_client(), config.demo_password)


@pytest.fixture
def site(new_browser: Callable[[], Browser]) -> Browser:
    return new_browser()


@pytest.fixture
def accounts() -> SimpleNamespace:
    """The seeded accounts' mobile numbers."""
    return SimpleNamespace(
        school_admin=seed.SCHOOL_ADMIN_ACCOUNT, grad_admin=seed.GRADUATE_REVIEWER_ACCOUNT,
        under_admin=seed.UNDERGRADUATE_REVIEWER_ACCOUNT, other_admin=seed.OTHER_UNIT_REVIEWER_ACCOUNT,
        plain_member=seed.UNGRANTED_MEMBER_ACCOUNT, grad_member=seed.GRADUATE_MEMBER_ACCOUNT,
        under_member=seed.UNDERGRADUATE_MEMBER_ACCOUNT, pending=seed.PENDING_APPLICANT_ACCOUNT,
    )


@pytest.fixture
def as_user(new_browser: Callable[[], Browser]) -> Callable[[str], Browser]:
    """A new browser logged in as a seeded account."""

    def login(account: str) -> Browser:
        browser = new_browser()
        response = browser.login(account)
        assert response.status_code == 302, response.get_data(as_text=True)
        return browser

    return login
