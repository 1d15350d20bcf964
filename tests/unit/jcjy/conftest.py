"""Fixtures for the jcjy site: a fake office SSO on a real port, the app, a logged-in reviewer."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator

import pytest
from flask import Flask
from flask.testing import FlaskClient
from jcjy_support import (
    TOKEN,
    FakeOffice,
    Reviewer,
    busiest_scope,
    login,
    scope_ids,
)
from unit_support import new_app, other_app
from werkzeug.serving import make_server

from mock_sites import jcjy
from mock_sites.common.config import MockConfig
from mock_sites.common.roles import STAGE_ROLES


@pytest.fixture(scope="session")
def office() -> Iterator[FakeOffice]:
    fake = FakeOffice()
    server = make_server("127.0.0.1", 0, fake.wsgi(), threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    fake.url = f"http://127.0.0.1:{server.server_port}"
    yield fake
    server.shutdown()
    server.server_close()


@pytest.fixture(autouse=True)
def _fresh_office(office: FakeOffice) -> None:
    office.accounts.clear()
    office.locked.clear()
    office.fail_with = None
    office.grant_checks = 0


@pytest.fixture
def config(tmp_path, office: FakeOffice) -> MockConfig:
    return MockConfig(data_dir=tmp_path, seed=7, applications=120, service_token=TOKEN,
                      office_url=office.url, secret_key="test-secret")


@pytest.fixture
def app(config: MockConfig) -> Flask:
    return new_app(jcjy, config)


@pytest.fixture
def client_with(config: MockConfig, tmp_path) -> Callable[..., FlaskClient]:
    """A client of a second app (5 applications) whose configuration differs by ``changes``."""
    return lambda **changes: other_app(
        jcjy, config, tmp_path / "other", applications=5, **changes).test_client()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def reviewer(app: Flask, client: FlaskClient, office: FakeOffice) -> Reviewer:
    unit_code, stage = busiest_scope(app)
    office.add("reviewer1", unit_code, [STAGE_ROLES[stage]])
    response = login(client, "reviewer1")
    assert response.status_code == 302, response.get_data(as_text=True)
    return Reviewer(client, unit_code, stage, scope_ids(app, unit_code, stage))

