"""Suite-wide collection order: the long checks (``slow``) first, so that on xdist workers they
start at once and the short tests fill the other workers around them."""

from __future__ import annotations

import pytest


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)  # stable: order kept
