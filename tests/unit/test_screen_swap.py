"""Redirects for screens.js: a header-marked request gets the target in X-Screen-Location."""

from __future__ import annotations

import pytest
from flask import Flask, redirect
from flask.typing import ResponseReturnValue

from mock_sites.common.screens import HEADER, LOCATION, install_screen_swap


@pytest.fixture()
def client():
    app = Flask("screen_swap_test")
    install_screen_swap(app)

    @app.post("/save")
    def save() -> ResponseReturnValue:
        return redirect("/done", code=303)

    @app.get("/done")
    def done() -> str:
        return "<h1>已保存</h1>"

    return app.test_client()


def test_script_request_gets_the_redirect_target_as_a_header(client) -> None:
    response = client.post("/save", headers={HEADER: "1"})
    assert response.status_code == 200
    assert response.headers[LOCATION] == "/done"
    assert "Location" not in response.headers and response.get_data() == b""
    assert HEADER in response.headers["Vary"]


def test_browser_request_is_redirected_as_before(client) -> None:
    response = client.post("/save")
    assert response.status_code == 303 and response.headers["Location"] == "/done"
    assert LOCATION not in response.headers


def test_pages_are_answered_alike(client) -> None:
    plain, scripted = client.get("/done"), client.get("/done", headers={HEADER: "1"})
    assert plain.get_data() == scripted.get_data() and scripted.status_code == 200
