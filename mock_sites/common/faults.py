"""Fault injection (latency, HTTP 500s); the session lifetime is applied by ``logins``."""

from __future__ import annotations

import random
import time

from flask import Flask, request

from .config import Faults
from .message import message_page
from .site import current_config


def faults() -> Faults:
    return current_config().faults


def _is_exempt() -> bool:
    return request.path.startswith(("/__mock__/", "/static/", "/common-static/"))


def install_faults(app: Flask) -> None:
    rng = random.Random()

    @app.before_request
    def _inject() -> object:
        if _is_exempt():
            return None
        current = faults()
        if current.latency_ms:
            # Simulated network/server latency of the real system, not a wait in a test.
            time.sleep(current.latency_ms / 1000)
        if current.error_rate and rng.random() < current.error_rate:
            return message_page(500, "系统繁忙", "系统繁忙，请稍后再试。（HTTP 500，模拟故障）")
        return None
