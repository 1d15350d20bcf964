"""基准：进程树内存（可排除对比用的第二个浏览器）"""

from __future__ import annotations

import subprocess
import sys

import pytest

from benchmarks.memory import descendants, new_subtrees, tree_rss_bytes

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")

HOLD = "import sys, time; sys.stdout.write('ready\\n'); sys.stdout.flush(); time.sleep(30)"


def start(*marker: str) -> subprocess.Popen[str]:
    """A child (with a grandchild) that holds some memory; ``marker`` ends up in its argv."""
    code = f"import subprocess, sys; b = b'x' * 50_000_000; c = subprocess.Popen([sys.executable, '-c', {HOLD!r}]); c.wait()"
    return subprocess.Popen([sys.executable, "-c", code, *marker], stdout=subprocess.PIPE, text=True)


def test_new_subtrees_are_found_by_command_line_and_left_out_of_the_sum() -> None:
    before = descendants()
    wanted, other = start("--remote-debugging-port=0"), start()
    try:
        for process in (wanted, other):
            assert process.stdout is not None and process.stdout.readline() == "ready\n"
        after = descendants()
        assert new_subtrees(before, after, "--remote-debugging-port") == {wanted.pid}
        assert new_subtrees(before, after) == {wanted.pid, other.pid}  # grandchildren are not roots
        assert tree_rss_bytes() - tree_rss_bytes(exclude={wanted.pid}) > 40_000_000
    finally:
        wanted.kill()
        other.kill()
