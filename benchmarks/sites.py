"""Start the mock sites for a benchmark (fresh temp data dir, the demo defaults, no faults)."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from harness.mock_control import MockControl
from mock_sites.demo import DEFAULT_APPLICATIONS, MockConfig
from mock_sites.server import RunningSites, start_site_processes, start_sites


def bench_config(data_dir: Path, applications: int) -> MockConfig:
    """Defaults only (no JCJY_MOCK_* environment): the same conditions on every machine."""
    return MockConfig(data_dir=data_dir, applications=applications)


@contextmanager
def in_process(applications: int = DEFAULT_APPLICATIONS) -> Iterator[RunningSites]:
    """Both sites in threads of this process, on free ports of 127.0.0.1."""
    with (
        tempfile.TemporaryDirectory(prefix="jcjy-bench-") as tmp,
        start_sites(bench_config(Path(tmp), applications)) as running,
    ):
        yield running


@contextmanager
def _stderr_to(path: Path) -> Iterator[None]:
    """Point file descriptor 2 at ``path`` meanwhile: processes started now inherit it."""
    sys.stderr.flush()
    saved = os.dup(2)
    with path.open("ab") as log:
        os.dup2(log.fileno(), 2)
    try:
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


@contextmanager
def in_processes(applications: int) -> Iterator[RunningSites]:
    """Each site in its own process (the clients do not share the servers' GIL).

    The sites' access logs go to a file, not the console (the log is shown on failure).
    """
    with tempfile.TemporaryDirectory(prefix="jcjy-bench-") as tmp:
        log = Path(tmp) / "sites.log"
        with _stderr_to(log):
            running = start_site_processes(bench_config(Path(tmp), applications), 0, 0)
        with running:
            try:
                yield running
            except BaseException:
                tail = log.read_text(encoding="utf-8", errors="replace").splitlines()[-20:]
                print("站点日志（最后20行）：", *tail, sep="\n", file=sys.stderr)
                raise


def reset(running: RunningSites) -> None:
    """``/__mock__/reset`` on both sites: the demo data as after start-up."""
    for url in (running.office_url, running.jcjy_url):
        MockControl(url).reset()
