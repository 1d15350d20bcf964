"""基准：进程树内存（子进程、孙进程都计入）"""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest

from benchmarks.memory import PeakMemory, tree_rss_bytes

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")

HOLD = "import sys, time; sys.stdout.write('ready\\n'); sys.stdout.flush(); time.sleep(30)"


def start() -> subprocess.Popen[str]:
    """A child (with a grandchild) that holds some memory."""
    code = f"import subprocess, sys; b = b'x' * 50_000_000; c = subprocess.Popen([sys.executable, '-c', {HOLD!r}]); c.wait()"
    return subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True,
                            start_new_session=True)


def test_children_and_grandchildren_are_counted() -> None:
    with PeakMemory(interval_s=0.05) as memory:
        before = tree_rss_bytes()
        child = start()
        try:
            assert child.stdout is not None and child.stdout.readline() == "ready\n"
            assert tree_rss_bytes() - before > 40_000_000
        finally:
            os.killpg(child.pid, signal.SIGKILL)  # the grandchild too
            child.wait()
    assert memory.peak - before > 40_000_000
