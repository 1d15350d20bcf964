"""Times the steps of one procedure run and counts the HTTP requests each step makes."""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

from .client import TRANSPORT_ERRORS, CheckFailed, HttpClient


@dataclass
class StepTiming:
    key: str
    label: str
    seconds: float = 0.0
    requests: int = 0


class StepFailed(RuntimeError):
    """A step of the procedure failed; the message names the step."""


@dataclass
class Stopwatch:
    """Steps with the same key (e.g. the second 详情) add up, in order of first appearance."""

    clients: Sequence[HttpClient]
    steps: dict[str, StepTiming] = field(default_factory=dict)

    def _requests(self) -> int:
        return sum(c.requests for c in self.clients)

    @contextmanager
    def step(self, key: str, label: str) -> Iterator[None]:
        timing = self.steps.setdefault(key, StepTiming(key, label))
        before = self._requests()
        started = time.perf_counter()
        try:
            yield
        except (CheckFailed, *TRANSPORT_ERRORS) as exc:
            raise StepFailed(f"步骤失败：{label}：{exc}") from exc
        finally:
            timing.seconds += time.perf_counter() - started
            timing.requests += self._requests() - before

    @property
    def total(self) -> float:
        return sum(s.seconds for s in self.steps.values())
