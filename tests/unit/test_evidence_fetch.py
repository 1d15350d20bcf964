"""Proofs fetched beside the browser: with the browser's cookies, a redirect read as an expired
login, anything but a PDF refused; every material kept when asked, only payment proofs read.
And the OCR cleaning's fast 3×3 median gives the median filter's pixels."""

from __future__ import annotations

import random
from types import SimpleNamespace

import httpx
import pytest
from PIL import Image, ImageChops, ImageFilter

from flows import evidence, ocr
from flows.errors import ApplicationError, LoginExpired
from mock_sites.jcjy.generator import generate_applications
from mock_sites.jcjy.materials import render_material

BASE = "http://jcjy.test"


def _page(cookies: dict[str, str]) -> SimpleNamespace:
    jar = [{"name": k, "value": v} for k, v in cookies.items()]
    return SimpleNamespace(context=SimpleNamespace(cookies=lambda url: jar))


@pytest.fixture
def served(monkeypatch):
    """The site as a table {path: (status, headers, body)}; the requests it saw."""
    answers: dict[str, tuple[int, dict[str, str], bytes]] = {}
    seen: list[httpx.Request] = []

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        status, headers, body = answers[request.url.path]
        return httpx.Response(status, headers=headers, content=body)

    client = httpx.Client(transport=httpx.MockTransport(handle), follow_redirects=False)
    monkeypatch.setattr(evidence, "_http", lambda: client)
    return answers, seen


def test_fetched_with_the_browsers_cookies_query_left_out(served):
    answers, seen = served
    answers["/m/1"] = (200, {"content-type": "application/pdf"}, b"%PDF-1.4 x")
    fetch = evidence.session_fetch(_page({"session": "abc", "csrf": "d"}), BASE + "/")
    assert fetch("缴费票据", "/m/1?download=1") == b"%PDF-1.4 x"
    assert seen[0].headers["cookie"] == "session=abc; csrf=d"
    assert seen[0].url == httpx.URL(BASE + "/m/1")


def test_a_redirect_is_an_expired_login_other_answers_are_failures(served):
    answers, _ = served
    answers["/login"] = (302, {"location": "/staff/login"}, b"")
    answers["/html"] = (200, {"content-type": "text/html"}, b"<html>")
    answers["/500"] = (500, {"content-type": "text/html"}, b"")
    fetch = evidence.session_fetch(_page({}), BASE)
    with pytest.raises(LoginExpired, match="缴费票据"):
        fetch("缴费票据", "/login")
    for path in ("/html", "/500"):
        with pytest.raises(ApplicationError, match="无法读取证明材料“缴费票据”") as caught:
            fetch("缴费票据", path)
        assert not isinstance(caught.value, LoginExpired)


def test_every_material_kept_in_order_only_payment_proofs_read():
    app = next(a for a in generate_applications(3, 40)
               if not any(m.scanned for m in a.materials) and len(a.materials) > 2)
    pdfs = {f"/m/{i}": render_material(app, m) for i, m in enumerate(app.materials)}
    materials = {m.title: f"/m/{i}" for i, m in enumerate(app.materials)}
    kept: list[tuple[int, str]] = []
    readings = evidence.read_in_background(
        lambda title, href: pdfs[href], materials, lambda seq, title, data: kept.append((seq, title)),
    ).result(timeout=60)
    assert kept == [(i, title) for i, title in enumerate(materials, start=1)]
    assert [r.title for r in readings] == [t for t in materials if evidence.states_paid_amount(t)]
    assert all(r.amount is not None and r.method == evidence.TEXT for r in readings)
    fetched: list[str] = []
    evidence.read_materials(lambda title, href: fetched.append(title) or pdfs[href], materials)
    assert fetched == [t for t in materials if evidence.states_paid_amount(t)]  # nothing else


def test_fast_median_gives_the_median_filters_pixels():
    rng = random.Random(5)
    grey = Image.frombytes("L", (120, 80), bytes(rng.choice((0, 90, 170, 255)) for _ in range(120 * 80)))
    ink = grey.point(lambda v: 255 if v > 160 else 0)
    slow = ink.filter(ImageFilter.MedianFilter(3))
    inside = (1, 1, grey.width - 1, grey.height - 1)
    assert ImageChops.difference(ocr._despeckled(ink).crop(inside), slow.crop(inside)).getbbox() is None
