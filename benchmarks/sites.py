"""Start the mock sites for a benchmark (fresh temp data dir, no faults) and talk to /__mock__/."""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mock_sites.common.config import MockConfig
from mock_sites.server import RunningSites, start_site_processes, start_sites

from .client import CheckFailed, HttpClient

SEED = 2024


def bench_config(data_dir: Path, applications: int, seed: int = SEED) -> MockConfig:
    """Defaults only (no JCJY_MOCK_* environment): the same conditions on every machine."""
    return MockConfig(data_dir=data_dir, seed=seed, applications=applications)


@contextmanager
def in_process(applications: int = 60, seed: int = SEED) -> Iterator[RunningSites]:
    """Both sites in threads of this process, on free ports of 127.0.0.1."""
    with (
        tempfile.TemporaryDirectory(prefix="jcjy-bench-") as tmp,
        start_sites(bench_config(Path(tmp), applications, seed)) as running,
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
def in_processes(applications: int = 2000, seed: int = SEED) -> Iterator[RunningSites]:
    """Each site in its own process (the clients do not share the servers' GIL).

    The sites' access logs go to a file, not the console (the log is shown on failure).
    """
    with tempfile.TemporaryDirectory(prefix="jcjy-bench-") as tmp:
        log = Path(tmp) / "sites.log"
        with _stderr_to(log):
            running = start_site_processes(bench_config(Path(tmp), applications, seed), 0, 0)
        with running:
            try:
                yield running
            except BaseException:
                tail = log.read_text(encoding="utf-8", errors="replace").splitlines()[-20:]
                print("站点日志（最后20行）：", *tail, sep="\n", file=sys.stderr)
                raise


def mock_json(client: HttpClient, path: str, *, post: bool = False) -> object:
    response = client.post(path, {}) if post else client.get(path)
    if response.status != 200 or response.content_type != "application/json":
        raise CheckFailed(f"模拟控制接口 {path} 返回 HTTP {response.status}")
    return json.loads(response.body)


def sms_outbox(client: HttpClient, phone: str | None = None) -> list[dict]:
    """``GET /__mock__/sms`` of the client's site (optionally of one phone number)."""
    outbox = mock_json(client, "/__mock__/sms" + (f"?phone={phone}" if phone else ""))
    if not isinstance(outbox, list):
        raise CheckFailed("模拟短信箱返回的不是列表")
    return outbox


def reset(running: RunningSites) -> None:
    """``POST /__mock__/reset`` on both sites: the demo data as after start-up."""
    for url in (running.office_url, running.jcjy_url):
        with HttpClient(url) as client:
            mock_json(client, "/__mock__/reset", post=True)
