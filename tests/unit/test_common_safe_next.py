"""Redirect targets after logging in: only local paths are followed."""

import pytest

from mock_sites.common.security import safe_next


@pytest.mark.parametrize("target", ["/review/applications", "/mainList/organization?unit=1"])
def test_local_paths_are_kept(target):
    assert safe_next(target) == target


@pytest.mark.parametrize("target", [
    None, "", "review", "//evil.example/", "/\\evil.example", "http://evil.example/",
    "https://evil.example/x",
], ids=["none", "empty", "relative", "scheme-relative", "backslash", "http", "https"])
def test_anything_else_is_refused(target):
    assert safe_next(target) is None
