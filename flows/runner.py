"""Runs documented steps: reports each as an Allure step, logs it and tells observers (progress
lines, screenshots, request counts) when it starts, ends or fails."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Protocol

from playwright.sync_api import Page

from pages.base import report_step

from .steps import Step

log = logging.getLogger("jcjy.flows")


class StepFailed(RuntimeError):
    """A documented step failed; carries the step so the caller can name it."""

    def __init__(self, step: Step, cause: BaseException) -> None:
        super().__init__(f"步骤失败：{step.label}：{cause}")
        self.step = step
        self.cause = cause


class StepObserver(Protocol):
    def step_started(self, step: Step, page: Page | None) -> None: ...
    def step_finished(self, step: Step, page: Page | None, seconds: float) -> None: ...
    def step_failed(
        self, step: Step, page: Page | None, seconds: float, error: BaseException
    ) -> None: ...


@dataclass
class StepRecord:
    step: Step
    seconds: float
    ok: bool


@dataclass
class StepRunner:
    """Wraps each documented step; keeps a record of what ran and how long it took."""

    observers: Sequence[StepObserver] = ()
    records: list[StepRecord] = field(default_factory=list)

    @contextmanager
    def step(self, step: Step, page: Page | None = None) -> Iterator[None]:
        started = time.perf_counter()
        log.info("开始：%s", step.label)
        for obs in self.observers:
            obs.step_started(step, page)
        try:
            with report_step(step.label):
                yield
        except BaseException as exc:
            seconds = time.perf_counter() - started
            self.records.append(StepRecord(step, seconds, ok=False))
            log.error("失败：%s（%.2f 秒）", step.label, seconds)
            for obs in self.observers:
                obs.step_failed(step, page, seconds, exc)
            if isinstance(exc, StepFailed) or not isinstance(exc, Exception):
                raise
            raise StepFailed(step, exc) from exc
        seconds = time.perf_counter() - started
        self.records.append(StepRecord(step, seconds, ok=True))
        log.info("完成：%s（%.2f 秒）", step.label, seconds)
        for obs in self.observers:
            obs.step_finished(step, page, seconds)
