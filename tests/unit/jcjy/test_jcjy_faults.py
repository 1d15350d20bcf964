"""Mock control surface and faults: session expiry, errors, latency, reset, persistence, CSRF."""

from __future__ import annotations

import time
from dataclasses import replace

from jcjy_support import PASSWORD, csrf_of, login

from mock_sites.jcjy import DATABASE, create_app
from mock_sites.jcjy.models import ApplicationRecord


def test_health(client) -> None:
    assert client.get("/__mock__/health").get_json() == {"ok": True, "site": "jcjy"}


def test_session_expiry_returns_to_the_page(reviewer, clock) -> None:
    client = reviewer.client
    path = f"/review/applications/{reviewer.ids[2]}"
    client.post("/__mock__/faults", json={"session_lifetime_s": 0})
    clock.advance(1)  # the session must be older than 0 s
    response = client.get(path)
    assert response.status_code == 302
    assert response.headers["Location"] == f"/staff/login?next={path}"
    html = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "登录已超时，请重新登录" in html and f'name="next" value="{path}"' in html
    client.post("/__mock__/faults", json={"session_lifetime_s": 3600})
    token = csrf_of(client, f"/staff/login?next={path}")
    response = client.post("/staff/login", data={
        "csrf_token": token, "account": "reviewer1", "password": PASSWORD, "next": path})
    assert response.headers["Location"] == path
    assert ">申请详情</h1>" in client.get(path).get_data(as_text=True)


def test_expired_session_on_decide_saves_nothing(reviewer, app, clock) -> None:
    client = reviewer.client
    path = f"/review/applications/{reviewer.ids[0]}"
    token = csrf_of(client, path)
    client.post("/__mock__/faults", json={"session_lifetime_s": 0})
    clock.advance(1)
    response = client.post(f"{path}/decide", data={
        "csrf_token": token, "result": "通过", "version": "1"},
        headers={"Referer": f"http://localhost{path}"})
    # Refused (the expired session lost its CSRF token too); back to the login page, which
    # returns to the application after logging in. Nothing saved.
    assert response.status_code == 302
    assert response.headers["Location"] == f"/staff/login?next={path}"
    assert "登录已超时，请重新登录" in client.get(response.headers["Location"]).get_data(
        as_text=True)
    with app.extensions["db_factory"]() as db:
        assert db.get(ApplicationRecord, reviewer.ids[0]).status == "待院系审核"


def test_error_rate(client) -> None:
    client.post("/__mock__/faults", json={"error_rate": 1})
    response = client.get("/loginHome")
    assert response.status_code == 500 and "系统繁忙" in response.get_data(as_text=True)
    assert client.get("/__mock__/health").status_code == 200
    client.post("/__mock__/faults", json={"error_rate": 0})
    assert client.get("/loginHome").status_code == 200


def test_latency(client) -> None:
    client.post("/__mock__/faults", json={"latency_ms": 300})
    started = time.monotonic()
    client.get("/loginHome")
    assert time.monotonic() - started >= 0.3
    assert client.post("/__mock__/faults", json={"latency_ms": -1}).status_code == 400


def test_reset_restores_seed(reviewer, app) -> None:
    reviewer.decide(reviewer.ids[0], "不通过", "材料不全")
    assert len(reviewer.client.get("/__mock__/sms").get_json()) == 1
    assert reviewer.client.post("/__mock__/reset").get_json() == {"ok": True}
    assert reviewer.client.get("/__mock__/sms").get_json() == []
    # Logins are data too: after a reset nobody is logged in.
    assert reviewer.client.get("/review/applications").status_code == 302
    assert login(reviewer.client, "reviewer1").status_code == 302
    html = reviewer.client.get("/review/applications").get_data(as_text=True)
    assert f'<strong id="pending-count">{len(reviewer.ids)}</strong>' in html


def test_persistence_across_app_instances(reviewer, config) -> None:
    reviewer.decide(reviewer.ids[0], "通过")
    again = create_app(config)
    with again.extensions["db_factory"]() as db:
        assert db.get(ApplicationRecord, reviewer.ids[0]).status == "院系审核通过"
        assert db.query(ApplicationRecord).count() == config.applications


def test_csrf_rejected(reviewer, app) -> None:
    response = reviewer.client.post(f"/review/applications/{reviewer.ids[0]}/decide", data={
        "csrf_token": "forged", "result": "通过", "version": "1"})
    assert response.status_code == 400
    assert "安全校验未通过" in response.get_data(as_text=True)
    response = reviewer.client.post("/staff/login", data={"account": "a", "password": "b"})
    assert response.status_code == 400
    # A token that is not even ASCII is refused the same way (it once made hmac raise: a 500).
    reviewer.token(f"/review/applications/{reviewer.ids[0]}")  # the session holds a token
    response = reviewer.client.post(f"/review/applications/{reviewer.ids[0]}/decide", data={
        "csrf_token": "令牌", "result": "通过", "version": "1"})
    assert response.status_code == 400
    assert "安全校验未通过" in response.get_data(as_text=True)
    response = reviewer.client.post(f"/review/applications/{reviewer.ids[0]}/decide", data={
        "result": "通过", "version": "1"}, headers={"X-CSRF-Token": "ÿ"})
    assert response.status_code == 400


def test_seeding_5000_applications_works(tmp_path, config) -> None:
    """The largest seed the CLI allows (its speed is measured by benchmarks, not here)."""
    big = replace(config, data_dir=tmp_path / "big", applications=5000)
    DATABASE.prepare(big)
    with create_app(big).extensions["db_factory"]() as db:
        assert db.query(ApplicationRecord).count() == 5000


def test_an_app_seeds_nothing_itself(tmp_path, config) -> None:
    """Seeding is a step of its own (mock_sites.server.prepare_data), not a side effect."""
    create_app(replace(config, data_dir=tmp_path / "unprepared"))
    assert not (tmp_path / "unprepared" / DATABASE.filename).exists()


def test_prepare_keeps_existing_data(reviewer, config) -> None:
    reviewer.decide(reviewer.ids[0], "通过")
    DATABASE.prepare(config)
    with create_app(config).extensions["db_factory"]() as db:
        assert db.get(ApplicationRecord, reviewer.ids[0]).status == "院系审核通过"
