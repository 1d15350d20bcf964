"""基准：进程树内存（子进程、孙进程都计入）"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable

import pytest

from benchmarks.memory import PeakMemory, tree_rss_bytes

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")

HOLD = "import sys, time; sys.stdout.write('ready\\n'); sys.stdout.flush(); time.sleep(30)"
HELD_BYTES = 50_000_000


def start() -> subprocess.Popen[str]:
    """A child (with a grandchild) that holds some memory until it is killed."""
    code = (f"import subprocess, sys; b = b'x' * {HELD_BYTES}; "
            f"c = subprocess.Popen([sys.executable, '-c', {HOLD!r}]); c.wait()")
    return subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True,
                            start_new_session=True)


def kill(child: subprocess.Popen[str]) -> None:
    os.killpg(child.pid, signal.SIGKILL)  # the grandchild too
    child.wait()


def wait_until(condition: Callable[[], bool], timeout_s: float = 10.0) -> bool:
    """Whether ``condition`` became true within ``timeout_s`` (checked every 10 ms)."""
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)
    return True


def test_children_and_grandchildren_are_counted() -> None:
    before = tree_rss_bytes()
    child = start()
    try:
        assert child.stdout is not None and child.stdout.readline() == "ready\n"
        assert tree_rss_bytes() - before > 0.8 * HELD_BYTES
    finally:
        kill(child)


def test_background_sampling_keeps_the_peak_after_the_memory_is_freed() -> None:
    with PeakMemory(interval_s=0.05) as memory:
        before = tree_rss_bytes()
        child = start()
        try:
            assert child.stdout is not None and child.stdout.readline() == "ready\n"
            # The sampler runs on its own: wait for it to see the child, not for a fixed time.
            assert wait_until(lambda: memory.peak - before > 0.8 * HELD_BYTES)
        finally:
            kill(child)
        assert tree_rss_bytes() - before < 0.5 * HELD_BYTES  # freed, yet the peak stays
    assert memory.peak - before > 0.8 * HELD_BYTES
