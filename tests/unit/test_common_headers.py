"""Hardening both sites share (issue 12 point 8): caching, CSP, no server version."""

from __future__ import annotations

import httpx
import pytest
from unit_support import new_app

from mock_sites import jcjy, office
from mock_sites.common.config import MockConfig
from mock_sites.server import start_sites

CSP = "default-src 'self'"


@pytest.fixture(params=["office", "jcjy"])
def client(request, tmp_path):
    site = {"office": office, "jcjy": jcjy}[request.param]
    config = MockConfig(data_dir=tmp_path, applications=5, secret_key="headers")
    return new_app(site, config).test_client()


@pytest.mark.parametrize("path", ["/", "/login", "/register", "/loginHome", "/staff/login",
                                  "/student/login", "/no-such-page"])
def test_pages_are_not_stored_and_have_a_content_security_policy(client, path: str) -> None:
    response = client.get(path)
    if response.status_code == 404 and path != "/no-such-page":
        return  # a page of the other site
    assert response.headers["Cache-Control"] == "no-store"
    policy = response.headers["Content-Security-Policy"]
    assert policy.startswith(CSP) and "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "frame-ancestors 'self'" in policy and "object-src 'none'" in policy


def test_static_files_keep_their_cache_headers(client) -> None:
    html = client.get("/login" if client.get("/login").status_code == 200 else "/loginHome")
    css = next(part.split('"')[1] for part in html.get_data(as_text=True).split("href=")[1:]
               if ".css" in part.split('"')[1])
    assert "immutable" in client.get(css).headers["Cache-Control"]
    assert client.get("/favicon.ico").headers["Cache-Control"] == "public, max-age=86400"


def test_servers_do_not_tell_their_version(tmp_path) -> None:
    config = MockConfig(data_dir=tmp_path, applications=5)
    with start_sites(config) as running:
        for url in (running.office_url, running.jcjy_url):
            server = httpx.get(f"{url}/__mock__/health").headers.get("Server", "")
            assert "Werkzeug" not in server and "Python" not in server
            assert not any(ch.isdigit() for ch in server), server
