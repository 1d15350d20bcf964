"""Peak resident memory of this process and all its descendants (browser, driver), from /proc."""

from __future__ import annotations

import os
import threading
from pathlib import Path


def _children(pid: int) -> list[int]:
    kids: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            kids += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
    return kids


def descendants(root: int | None = None) -> dict[int, int]:
    """{pid: parent pid} for every descendant of ``root`` (default: this process)."""
    found: dict[int, int] = {}
    todo = [root or os.getpid()]
    while todo:
        pid = todo.pop()
        for child in _children(pid):
            if child not in found:
                found[child] = pid
                todo.append(child)
    return found


def new_subtrees(
    before: dict[int, int], after: dict[int, int], command_contains: str = ""
) -> set[int]:
    """Roots of the process subtrees that appeared between two :func:`descendants` snapshots
    (only those whose command line contains ``command_contains``)."""
    appeared = after.keys() - before.keys()
    return {
        pid for pid in appeared
        if after[pid] not in appeared and command_contains in _command(pid)
    }


def _command(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def tree_rss_bytes(root: int | None = None, exclude: frozenset[int] | set[int] = frozenset()) -> int:
    """Sum of VmRSS over ``root`` (default: this process) and its descendants, leaving out the
    subtrees rooted at ``exclude``."""
    todo, total, seen = [root or os.getpid()], 0, set(exclude)
    while todo:
        pid = todo.pop()
        if pid in seen:
            continue
        seen.add(pid)
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) * 1024
                    break
        except OSError:
            continue
        todo += _children(pid)
    return total


class PeakMemory:
    """Samples the process tree's RSS in a background thread; ``peak`` is the maximum seen.

    Subtrees whose root pid is added to ``exclude`` (say, a second browser kept for comparison)
    are left out from then on.
    """

    def __init__(self, interval_s: float = 0.25) -> None:
        self.interval_s = interval_s
        self.peak = 0
        self.exclude: set[int] = set()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while True:
            self.peak = max(self.peak, tree_rss_bytes(exclude=self.exclude))
            if self._stop.wait(self.interval_s):
                return

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, tree_rss_bytes(exclude=self.exclude))
