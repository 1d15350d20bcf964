"""TCP_NODELAY 补丁：编译、对接受的连接生效、浏览器环境变量"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from browser import launch, nodelay

needs_compiler = pytest.mark.skipif(
    not (sys.platform.startswith("linux") and (shutil.which("cc") or shutil.which("gcc"))),
    reason="needs Linux and a C compiler",
)

# A server that accepts one connection and prints TCP_NODELAY as seen on the accepted socket.
SERVER = textwrap.dedent("""
    import socket, sys
    listener = socket.create_server(("127.0.0.1", 0))
    print(listener.getsockname()[1], flush=True)
    client, _ = listener.accept()
    print(client.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY), flush=True)
""")


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv(nodelay.SWITCH_ENV, raising=False)
    monkeypatch.setattr(nodelay, "_warned", False)
    return tmp_path / "jcjy"


def nodelay_on_accepted_socket(env: dict[str, str] | None) -> int:
    server = subprocess.Popen(
        [sys.executable, "-c", SERVER], stdout=subprocess.PIPE, text=True, env=env
    )
    try:
        assert server.stdout is not None
        port = int(server.stdout.readline())
        with socket.create_connection(("127.0.0.1", port)):
            value = int(server.stdout.readline())
        server.wait(timeout=10)
        return value
    finally:
        server.kill()


@needs_compiler
def test_shim_sets_nodelay_on_accepted_sockets(cache: Path) -> None:
    library = nodelay.build()
    assert library.parent == cache and library.is_file()
    assert nodelay_on_accepted_socket(None) == 0  # Linux default: Nagle on
    env = nodelay.preloaded({})
    assert env is not None and env["LD_PRELOAD"] == str(library)
    assert nodelay_on_accepted_socket(env) == 1


@needs_compiler
def test_build_is_cached_and_named_after_the_source(cache: Path) -> None:
    first = nodelay.build()
    stamp = first.stat().st_mtime_ns
    assert nodelay.build() == first and first.stat().st_mtime_ns == stamp
    assert nodelay.library_path() == first
    assert not list(cache.glob(".build-*"))  # no partial files left behind


@needs_compiler
def test_an_interrupted_build_is_cleaned_up_later(cache: Path) -> None:
    cache.mkdir(parents=True)
    stale, fresh = cache / ".build-old.so", cache / ".build-new.so"
    stale.write_bytes(b"half")
    fresh.write_bytes(b"half")
    os.utime(stale, (0, 0))  # a build killed long ago
    nodelay.build()
    assert not stale.exists() and fresh.exists()  # a concurrent build's file is left alone


@needs_compiler
def test_preloading_keeps_other_preloads(cache: Path) -> None:
    env = nodelay.preloaded({"LD_PRELOAD": "/opt/other.so", "PATH": "/usr/bin"})
    assert env is not None and nodelay.is_preloaded(env)
    assert env["LD_PRELOAD"] == f"{nodelay.library_path()} /opt/other.so"
    assert env["PATH"] == "/usr/bin"


def test_browser_env_drops_every_secret() -> None:
    base = {
        "PATH": "/usr/bin", "JCJY_STAFF_NAME": "张三", "JCJY_TCP_NODELAY": "1",
        "JCJY_STAFF_PASSWORD": "secret", "JCJY_STAFF_ID_NUMBER": "110101199001011234",
        "JCJY_SCHOOL_ADMIN_PASSWORD": "secret", "JCJY_SMS_CODE": "123456",
        "JCJY_MOCK_SERVICE_TOKEN": "token", "JCJY_MOCK_DEMO_PASSWORD": "Demo2024abc",
    }
    assert launch.browser_env(base) == {
        "PATH": "/usr/bin", "JCJY_STAFF_NAME": "张三", "JCJY_TCP_NODELAY": "1",
    }


@pytest.mark.parametrize("kind", ["firefox", "chromium", "webkit"])
def test_every_browser_is_launched_without_the_secrets(
    cache: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    monkeypatch.setenv("JCJY_STAFF_PASSWORD", "secret")
    monkeypatch.setenv(nodelay.SWITCH_ENV, "0")  # the environment is scrubbed with or without it
    try:
        options = launch.launch_options(kind)
    except launch.BrowserSetupError:
        pytest.skip("no Firefox on this machine")
    assert "JCJY_STAFF_PASSWORD" not in options["env"] and options["env"]["PATH"]


def test_switched_off_by_environment(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(nodelay.SWITCH_ENV, "0")
    assert nodelay.preloaded({}) is None
    assert not cache.exists()  # nothing built either


def test_without_compiler_the_browser_runs_plain_and_says_why(
    cache: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("CC", "/nonexistent/cc")
    with pytest.raises(nodelay.ShimUnavailable, match="无法运行 C 编译器"):
        nodelay.build()
    assert nodelay.preloaded({}) is None
    assert nodelay.preloaded({}) is None
    warnings = [r for r in caplog.records if r.name == "browser.nodelay"]
    assert len(warnings) == 1 and "TCP_NODELAY" in warnings[0].getMessage()  # once per process
    assert not list(cache.glob("*.so")) and not list(cache.glob(".build-*"))


def test_unwritable_cache_is_reported(cache: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    with pytest.raises(nodelay.ShimUnavailable, match="无法写入缓存目录"):
        nodelay.build()
    assert nodelay.preloaded({}) is None


def test_compile_error_is_reported_with_the_compiler_output(
    cache: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    fake = tmp_path / "fake-cc"
    fake.write_text("#!/bin/sh\necho 'tcp_nodelay.c:1: error: boom' >&2\nexit 1\n")
    fake.chmod(0o755)
    monkeypatch.setenv("CC", str(fake))
    with pytest.raises(nodelay.ShimUnavailable, match="boom"):
        nodelay.build()
    assert not list(cache.glob(".build-*"))


@needs_compiler
def test_firefox_esr_launch_options_preload_the_shim(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(launch, "playwright_firefox_executable", lambda: None)
    monkeypatch.setattr(launch, "FIREFOX_ESR", Path(sys.executable))  # any executable file
    options = launch.firefox_launch_options()
    assert options["channel"] == launch.BIDI_CHANNEL
    assert options["env"]["LD_PRELOAD"] == str(nodelay.library_path())
    assert launch.firefox_kind().endswith("TCP_NODELAY shim")
    monkeypatch.setenv(nodelay.SWITCH_ENV, "0")
    assert not nodelay.is_preloaded(launch.firefox_launch_options()["env"])
