"""Throttle under concurrency: an attempt is reserved before its check runs (issue 12 point 6a)."""

from __future__ import annotations

import threading

from mock_sites.common.throttle import Throttle

TIMEOUT = 10.0


def _checks_entered(throttle: Throttle, parallel: int, **options: bool) -> int:
    """How many of ``parallel`` simultaneous failing attempts got as far as their check."""
    ready = threading.Condition()
    state = {"in_check": 0, "done": 0}
    release = threading.Event()

    def check() -> bool:
        with ready:
            state["in_check"] += 1
            ready.notify_all()
        release.wait(TIMEOUT)
        return False

    def attempt() -> None:
        throttle.attempt("k", check, **options)
        with ready:
            state["done"] += 1
            ready.notify_all()

    threads = [threading.Thread(target=attempt, daemon=True) for _ in range(parallel)]
    for thread in threads:
        thread.start()
    with ready:  # every attempt is either inside its check or already refused
        assert ready.wait_for(lambda: state["in_check"] + state["done"] == parallel, TIMEOUT)
    release.set()
    for thread in threads:
        thread.join(TIMEOUT)
        assert not thread.is_alive()
    return state["in_check"]


def test_a_burst_gets_only_the_attempts_left() -> None:
    throttle = Throttle(limit=5, window_s=900)
    for _ in range(4):
        throttle.attempt("k", lambda: False)
    assert _checks_entered(throttle, 8) == 1
    assert throttle.attempt("k", lambda: True) is None  # the right password comes too late


def test_a_burst_on_a_fresh_key_gets_the_limit() -> None:
    assert _checks_entered(Throttle(limit=3, window_s=900), 10) == 3


def test_a_passed_attempt_may_keep_the_other_failures() -> None:
    throttle = Throttle(limit=3, window_s=900)
    throttle.attempt("k", lambda: False)
    assert throttle.attempt("k", lambda: True, forget=False) is True  # refunded, not cleared
    assert throttle.attempt("k", lambda: False) is False
    assert throttle.attempt("k", lambda: False) is None


def test_take_gives_each_attempt_its_place_in_the_window() -> None:
    throttle = Throttle(limit=3, window_s=60)
    assert [throttle.take("k") for _ in range(4)] == [0, 1, 2, None]
    assert throttle.count("k") == 3 and throttle.count("other") == 0
    throttle.refund("k")
    assert throttle.take("k") == 2
