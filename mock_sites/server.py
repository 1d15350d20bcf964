"""Run both mock sites on real ports: in threads (tests, demo) or in two processes (serve)."""

from __future__ import annotations

import importlib
import multiprocessing as mp
import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from types import ModuleType
from typing import Literal, get_args

from flask import Flask
from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler, make_server

from .common.config import MockConfig

Site = Literal["office", "jcjy"]
#: The ``Server`` header of both sites: no product version for an attacker to look up.
SERVER_NAME = "jcjy-mock"


def _package(site: Site) -> ModuleType:
    """``mock_sites.office`` or ``mock_sites.jcjy``, imported only when that site is wanted."""
    return importlib.import_module(f"{__package__}.{site}")


def create_site(site: Site, config: MockConfig) -> Flask:
    """The site's app over the database ``prepare_data`` made (it seeds nothing itself)."""
    return _package(site).create_app(config)


def prepare_data(config: MockConfig) -> None:
    """Create both databases in ``config.data_dir`` and seed each one that is empty.

    The explicit step before serving (as flaskr's ``init-db``): ``start_sites`` and
    ``start_site_processes`` take it; a kept data directory keeps its data."""
    for site in get_args(Site):
        _package(site).DATABASE.prepare(config)


@dataclass
class RunningSites:
    """Both sites, started; ``stop()`` (or leaving the ``with`` block) shuts them down."""

    office_url: str
    jcjy_url: str
    config: MockConfig
    _stoppers: list = field(default_factory=list, repr=False)

    def stop(self) -> None:
        for stop in reversed(self._stoppers):
            stop()
        self._stoppers.clear()

    def __enter__(self) -> RunningSites:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.stop()


class _Handler(WSGIRequestHandler):
    """Werkzeug's handler, without telling clients which server and Python versions run."""

    def version_string(self) -> str:
        return SERVER_NAME


class _QuietHandler(_Handler):
    """No access log on the console (the sites are started inside tests and the demo)."""

    def log_request(self, *args: object, **kwargs: object) -> None:
        pass


def _serve_in_thread(app: Flask, host: str, port: int) -> tuple[BaseWSGIServer, str]:
    server = make_server(host, port, app, threaded=True, request_handler=_QuietHandler)
    thread = threading.Thread(target=server.serve_forever, name=f"mock-{port}", daemon=True)
    thread.start()
    return server, f"http://{host}:{server.server_port}"


def start_sites(
    config: MockConfig, office_port: int = 0, jcjy_port: int = 0, host: str = "127.0.0.1"
) -> RunningSites:
    """Start both sites in this process (port 0 = a free port); the office URL is fed to jcjy."""
    prepare_data(config)
    # Each site gets its own fault switches, as when they run in separate processes.
    office_config = replace(config, faults=replace(config.faults))
    office_server, office_url = _serve_in_thread(create_site("office", office_config), host, office_port)
    config = replace(config, office_url=office_url, faults=replace(config.faults))
    try:
        jcjy_server, jcjy_url = _serve_in_thread(create_site("jcjy", config), host, jcjy_port)
    except BaseException:
        office_server.shutdown()
        raise
    running = RunningSites(office_url, jcjy_url, config)
    for server in (office_server, jcjy_server):
        running._stoppers.append(_shutdown(server))
    return running


def _shutdown(server: BaseWSGIServer) -> Callable[[], None]:
    def stop() -> None:
        server.shutdown()
        server.server_close()

    return stop


def _child(site: Site, config: MockConfig, host: str, port: int, conn: Connection) -> None:
    try:
        server = make_server(host, port, create_site(site, config), threaded=True,
                             request_handler=_Handler)
    except BaseException as exc:  # report start-up failures (port in use…) to the parent
        conn.send(("error", f"{type(exc).__name__}: {exc}"))
        return
    conn.send(("ok", server.server_port))
    conn.close()
    server.serve_forever()


def check_port_free(host: str, port: int) -> None:
    """Raise a clear error when a fixed port is taken (werkzeug would print and exit)."""
    if port == 0:
        return
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            raise RuntimeError(
                f"无法监听 {host}:{port}（{exc.strerror}）：端口可能已被占用，"
                "请停止占用该端口的程序，或用 --office-port / --jcjy-port 换一个端口"
            ) from None


def start_site_processes(
    config: MockConfig, office_port: int, jcjy_port: int, host: str = "127.0.0.1"
) -> RunningSites:
    """Start each site in its own process, as the real systems are separate services."""
    ctx = mp.get_context("spawn")
    running = RunningSites("", "", config)
    urls: dict[str, str] = {}
    for port in (office_port, jcjy_port):
        check_port_free(host, port)
    prepare_data(config)
    for site, port in (("office", office_port), ("jcjy", jcjy_port)):
        if site == "jcjy":
            config = replace(config, office_url=urls["office"])
        parent, child = ctx.Pipe()
        proc = ctx.Process(target=_child, args=(site, config, host, port, child), daemon=True)
        proc.start()
        running._stoppers.append(_terminate(proc))
        if not parent.poll(60):
            running.stop()
            raise RuntimeError(f"{site} 站点启动超时")
        status, value = parent.recv()
        if status != "ok":
            running.stop()
            raise RuntimeError(f"{site} 站点无法启动（{host}:{port}）：{value}")
        urls[site] = f"http://{host}:{value}"
    running.office_url, running.jcjy_url, running.config = urls["office"], urls["jcjy"], config
    return running


def _terminate(proc: BaseProcess) -> Callable[[], None]:
    def stop() -> None:
        proc.terminate()
        proc.join(10)

    return stop
