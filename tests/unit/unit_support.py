"""Helpers shared by the unit tests of both sites (importable as ``unit_support``)."""

from __future__ import annotations

import base64
import re
import threading
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from types import ModuleType

from flask import Flask

from mock_sites.common.config import Faults, MockConfig


def new_app(site: ModuleType, config: MockConfig) -> Flask:
    """``site``'s app (``mock_sites.office`` or ``.jcjy``) over its prepared database, testing."""
    site.DATABASE.prepare(config)
    app = site.create_app(config)
    app.testing = True
    return app


def other_app(site: ModuleType, config: MockConfig, data_dir: Path, **changes: object) -> Flask:
    """A second app of ``site`` on its own data, its configuration changed by ``changes``."""
    return new_app(site, replace(config, data_dir=data_dir, faults=Faults(), **changes))


def run_together(calls: list[Callable[[], object]], timeout: float = 30.0) -> list[object]:
    """Run ``calls`` in threads released at once by a barrier; their results, in order."""
    barrier = threading.Barrier(len(calls))
    results: list[object] = [None] * len(calls)

    def run(i: int) -> None:
        barrier.wait(timeout)
        results[i] = calls[i]()

    threads = [threading.Thread(target=run, args=(i,), daemon=True) for i in range(len(calls))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout)
        assert not thread.is_alive(), "a request did not finish in time"
    return results


def drawn_code(html: str) -> str:
    """The code of the 图形验证码 drawn on ``html`` (image mode), read from its SVG."""
    uri = re.search(r'<img src="data:image/svg\+xml;base64,([^"]+)" alt="图形验证码"', html)
    assert uri, "no captcha image"
    svg = base64.b64decode(uri.group(1)).decode()
    return "".join(re.findall(r">([A-Z0-9])</text>", svg))
