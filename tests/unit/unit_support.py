"""Helpers shared by the unit tests of both sites (importable as ``unit_support``)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from types import ModuleType

from flask import Flask

from mock_sites.common.config import Faults, MockConfig


def new_app(site: ModuleType, config: MockConfig) -> Flask:
    """``site``'s app (``mock_sites.office`` or ``.jcjy``) over its prepared database, testing."""
    site.DATABASE.prepare(config)
    app = site.create_app(config)
    app.testing = True
    return app


def other_app(site: ModuleType, config: MockConfig, data_dir: Path, **changes: object) -> Flask:
    """A second app of ``site`` on its own data, its configuration changed by ``changes``."""
    return new_app(site, replace(config, data_dir=data_dir, faults=Faults(), **changes))
