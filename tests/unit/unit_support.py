"""Helpers shared by the unit tests of both sites (importable as ``unit_support``)."""

from __future__ import annotations

from types import ModuleType

from flask import Flask

from mock_sites.common.config import MockConfig


def new_app(site: ModuleType, config: MockConfig) -> Flask:
    """``site``'s app (``mock_sites.office`` or ``.jcjy``) over its prepared database, testing."""
    site.DATABASE.prepare(config)
    app = site.create_app(config)
    app.testing = True
    return app
