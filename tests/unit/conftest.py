"""Allure labels for the unit tests, so the report groups them beside the documented steps."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import allure
import pytest

from mock_sites.common import clock as site_clock

HERE = Path(__file__).parent
EPIC = "单元测试：模拟站点、判断规则与工具"
FEATURES = {"office": "全国学生资助办公系统（模拟）", "jcjy": "中央高校基层就业资助管理系统（模拟）"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        path = Path(str(item.fspath))
        if HERE not in path.parents:
            continue
        feature = FEATURES.get(path.parent.name, "共用模块、规则与基准")
        story = (item.module.__doc__ or path.stem).strip().splitlines()[0] if item.module else path.stem
        for label in (allure.epic(EPIC), allure.feature(feature), allure.story(story)):
            item.add_marker(label)


class MovedClock:
    """The sites' clock, moved on by a test instead of waiting (see ``mock_sites.common.clock``)."""

    def __init__(self) -> None:
        self.offset = timedelta()

    def now(self) -> datetime:
        return datetime.now() + self.offset

    def advance(self, seconds: float) -> None:
        self.offset += timedelta(seconds=seconds)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> MovedClock:
    moved = MovedClock()
    monkeypatch.setattr(site_clock, "now", moved.now)
    return moved
