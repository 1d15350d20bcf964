"""The ``MockConfig`` a site app was created with, for the code that serves its requests."""

from __future__ import annotations

from flask import Flask, current_app

from .config import MockConfig

_KEY = "mock_config"


def bind_config(app: Flask, config: MockConfig) -> None:
    app.extensions[_KEY] = config


def site_config(app: Flask) -> MockConfig:
    """The configuration of ``app`` (its fault switches change at run time)."""
    return app.extensions[_KEY]


def current_config() -> MockConfig:
    """The configuration of the site handling the current request."""
    return site_config(current_app)
