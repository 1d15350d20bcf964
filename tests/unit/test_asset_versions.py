"""Static files under versioned addresses: cached for a year when current, revalidated otherwise."""

from __future__ import annotations

import re

import pytest
from flask import Flask, url_for

from mock_sites.common.assets import IMMUTABLE, install_asset_versions


@pytest.fixture()
def site(tmp_path):
    (tmp_path / "site.css").write_text("body { color: #333; }", encoding="utf-8")
    app = Flask("asset_test", static_folder=str(tmp_path), static_url_path="/static")
    install_asset_versions(app)

    @app.get("/")
    def index() -> str:
        return url_for("static", filename="site.css") + " " + url_for("static", filename="none.css")

    return app, tmp_path


def test_url_carries_the_file_hash_and_is_cached_for_a_year(site) -> None:
    app, _ = site
    client = app.test_client()
    versioned, missing = client.get("/").get_data(as_text=True).split()
    assert re.fullmatch(r"/static/site\.css\?v=[0-9a-f]{10}", versioned)
    assert missing == "/static/none.css"  # no file, no version
    response = client.get(versioned)
    assert response.status_code == 200 and response.headers["Cache-Control"] == IMMUTABLE


def test_old_or_missing_version_is_revalidated(site) -> None:
    app, _ = site
    client = app.test_client()
    for path in ("/static/site.css", "/static/site.css?v=0000000000"):
        response = client.get(path)
        assert response.status_code == 200
        assert response.headers.get("Cache-Control") != IMMUTABLE, path
    assert client.get("/static/none.css?v=x").status_code == 404


def test_editing_a_file_changes_its_address(site) -> None:
    app, folder = site
    client = app.test_client()
    before = client.get("/").get_data(as_text=True).split()[0]
    (folder / "site.css").write_text("body { color: #000; margin: 0; }", encoding="utf-8")
    after = client.get("/").get_data(as_text=True).split()[0]
    assert before != after
    assert client.get(before).headers.get("Cache-Control") != IMMUTABLE
    assert client.get(after).headers["Cache-Control"] == IMMUTABLE


def test_path_outside_the_folder_gets_no_version(site) -> None:
    app, _ = site
    with app.test_request_context():
        assert "v=" not in url_for("static", filename="../secret.txt")
