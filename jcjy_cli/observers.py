"""Step observers for the command line: progress lines and a screenshot per step."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Page

from flows.steps import Step


class ConsoleReporter:
    """Prints every documented step as it starts and ends, with its duration."""

    def __init__(self, out: Callable[..., None] = print) -> None:
        self.out = out

    def step_started(self, step: Step, page: Page | None) -> None:
        self.out(f"  … {step.label}", flush=True)

    def step_finished(self, step: Step, page: Page | None, seconds: float) -> None:
        self.out(f"  ✔ {step.label}（{seconds:.1f} 秒）", flush=True)

    def step_failed(self, step: Step, page: Page | None, seconds: float, error: BaseException) -> None:
        self.out(f"  ✘ {step.label}（{seconds:.1f} 秒）", flush=True)


class StepScreenshots:
    """Saves a full-page screenshot after each step (and on failure) into a folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.count = 0
        self.last: Path | None = None

    def _shoot(self, step: Step, page: Page | None, suffix: str = "") -> None:
        if page is None or page.is_closed():
            return
        self.count += 1
        name = re.sub(r"[^\w（）′]+", "_", step.key)
        path = self.folder / f"{self.count:02d}-{name}{suffix}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            page.screenshot(path=path, full_page=True)
        except Exception:  # a screenshot must never hide the step's own outcome
            return
        self.last = path

    def step_started(self, step: Step, page: Page | None) -> None:
        pass

    def step_finished(self, step: Step, page: Page | None, seconds: float) -> None:
        self._shoot(step, page)

    def step_failed(self, step: Step, page: Page | None, seconds: float, error: BaseException) -> None:
        self._shoot(step, page, "-失败")
