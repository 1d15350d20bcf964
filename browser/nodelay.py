"""TCP_NODELAY for firefox-esr's WebDriver BiDi socket (the shim in ``native/tcp_nodelay.c``).

Firefox's Remote Agent leaves Nagle's algorithm on, so a reply that follows another closely
waits for the driver's delayed ACK (40 ms on Linux). Playwright pipelines its commands, so this
happens on most element actions: a click costs about 220 ms instead of about 60 ms.

:func:`preloaded` compiles the shim once per source version into the user cache (with the
system C compiler) and returns the environment that preloads it. Without a compiler the browser
still works, only slower, and a warning says how to fix it (``make setup`` builds the shim).
``JCJY_TCP_NODELAY=0`` turns the shim off, to measure its effect or to rule it out.

Run ``python -m browser.nodelay`` to build it and print where it is.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path

SOURCE = Path(__file__).with_name("native") / "tcp_nodelay.c"
SWITCH_ENV = "JCJY_TCP_NODELAY"
_LIBRARY_PREFIX = "libjcjy_tcp_nodelay-"

log = logging.getLogger(__name__)
_warned = False


class ShimUnavailable(RuntimeError):
    """The shim cannot be built here; the message says why and how to fix it."""


def supported() -> bool:
    return sys.platform.startswith("linux")


def enabled() -> bool:
    return os.environ.get(SWITCH_ENV, "1") != "0"


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base).expanduser() / "jcjy"


def library_path() -> Path:
    """Where the shim for the current source lives (the name changes when the source does)."""
    digest = hashlib.sha256(SOURCE.read_bytes()).hexdigest()[:12]
    return cache_dir() / f"{_LIBRARY_PREFIX}{digest}.so"


def _compiler() -> str | None:
    configured = os.environ.get("CC")
    if configured:
        return shutil.which(configured) or configured
    return shutil.which("cc") or shutil.which("gcc")


def build() -> Path:
    """Return the compiled shim, compiling it first if needed (safe to call concurrently)."""
    if not supported():
        raise ShimUnavailable(f"仅支持 Linux（当前 {sys.platform}）")
    target = library_path()
    if target.is_file():
        return target
    compiler = _compiler()
    if compiler is None:
        raise ShimUnavailable(
            "找不到 C 编译器（cc/gcc）；以 root 执行 `apt-get install -y gcc libc6-dev` 后重新运行 `make setup`"
        )
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        _remove_stale_partials(target.parent)
        fd, partial = tempfile.mkstemp(dir=target.parent, prefix=".build-", suffix=".so")
        os.close(fd)
    except OSError as error:
        raise ShimUnavailable(f"无法写入缓存目录 {target.parent}：{error}（可设置 XDG_CACHE_HOME）") from error
    command = [compiler, "-O2", "-shared", "-fPIC", "-o", partial, str(SOURCE), "-ldl"]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired) as error:
        Path(partial).unlink(missing_ok=True)
        raise ShimUnavailable(f"无法运行 C 编译器 {compiler}：{error}") from error
    if result.returncode != 0:
        Path(partial).unlink(missing_ok=True)
        detail = (result.stderr or result.stdout).strip()[-800:]
        raise ShimUnavailable(f"编译 {SOURCE.name} 失败（{compiler}）：{detail}")
    os.replace(partial, target)  # atomic: a concurrent builder never sees half a library
    return target


def _remove_stale_partials(directory: Path, older_than_s: float = 600) -> None:
    """Drop what an interrupted build left behind (a running build is younger than this)."""
    now = time.time()
    for partial in directory.glob(".build-*.so"):
        with contextlib.suppress(OSError):
            if now - partial.stat().st_mtime > older_than_s:
                partial.unlink()


def preloaded(env: Mapping[str, str]) -> dict[str, str] | None:
    """``env`` with the shim preloaded (other preloads kept), or None to launch as usual.

    None when the shim is switched off or cannot be built (then a warning, once per process).
    """
    global _warned
    if not enabled() or not supported():
        return None
    try:
        library = build()
    except ShimUnavailable as error:
        if not _warned:
            _warned = True
            log.warning(
                "Firefox 将以较慢的方式运行（每个页面操作多约 40 毫秒）：%s。"
                " Firefox runs slower without the TCP_NODELAY shim: %s", error, error,
            )
        return None
    preload = env.get("LD_PRELOAD", "")
    return {**env, "LD_PRELOAD": f"{library} {preload}".strip()}


def is_preloaded(env: Mapping[str, str]) -> bool:
    """Whether ``env`` preloads the shim."""
    return _LIBRARY_PREFIX in env.get("LD_PRELOAD", "")


def main() -> int:
    if not enabled():
        print(f"TCP_NODELAY 补丁已关闭（{SWITCH_ENV}=0）")
        return 0
    try:
        print(f"TCP_NODELAY 补丁：{build()}")
    except ShimUnavailable as error:
        print(f"TCP_NODELAY 补丁不可用（Firefox 仍可运行，只是较慢）：{error}")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
