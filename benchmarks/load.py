"""A fixed budget of operations spread over worker threads, with a time bound; latency summary."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from flows.errors import ApplicationError

from .browsing import TRANSPORT_ERRORS
from .stats import ms, percentile

OK, CONFLICT, ERROR = "ok", "conflict", "error"
W = TypeVar("W")


@dataclass(frozen=True)
class Sample:
    outcome: str  # ok / conflict (409 already decided) / error
    seconds: float  # the whole operation
    first_seconds: float | None = None  # e.g. the decide POST alone, without the next page
    message: str = ""


STOP = Sample("stop", 0.0)  # returned by an operation whose worker has no work left


@dataclass
class PhaseResult:
    kind: str
    label: str
    wall_s: float
    samples: list[Sample] = field(default_factory=list)
    http_per_op: int = 1

    def summary(self) -> dict:
        ok = [s.seconds for s in self.samples if s.outcome == OK]
        first = [s.first_seconds for s in self.samples
                 if s.outcome == OK and s.first_seconds is not None]
        errors = [s.message for s in self.samples if s.outcome == ERROR]
        result = {
            "kind": self.kind, "label": self.label, "operations": len(self.samples),
            "ok": len(ok), "conflicts": sum(s.outcome == CONFLICT for s in self.samples),
            "errors": len(errors), "error_samples": sorted(set(errors))[:5],
            "wall_s": round(self.wall_s, 3),
            "ops_per_s": round(len(self.samples) / self.wall_s, 1) if self.wall_s else 0.0,
            "http_requests_per_s": round(
                len(self.samples) * self.http_per_op / self.wall_s, 1) if self.wall_s else 0.0,
            "p50_ms": ms(percentile(ok, 50)), "p95_ms": ms(percentile(ok, 95)),
            "max_ms": ms(max(ok)) if ok else None,
        }
        if first:
            result["first_p50_ms"] = ms(percentile(first, 50))
            result["first_p95_ms"] = ms(percentile(first, 95))
        return result


Operation = Callable[[W, int], Sample]


class Phase(Generic[W]):
    """Run ``operation(worker, seq)`` for seq = 0, 1, … until ``budget`` operations were
    started or ``max_seconds`` passed; one thread per worker, all released together."""

    def __init__(self, workers: Sequence[W], budget: int, max_seconds: float) -> None:
        self.workers = workers
        self.budget = budget
        self.max_seconds = max_seconds
        self._lock = threading.Lock()
        self._issued = 0
        self._deadline = 0.0

    def _take(self) -> int | None:
        with self._lock:
            if self._issued >= self.budget or time.perf_counter() > self._deadline:
                return None
            self._issued += 1
            return self._issued - 1

    def run(self, kind: str, label: str, operation: Operation, http_per_op: int = 1) -> PhaseResult:
        self._issued = 0
        barrier = threading.Barrier(len(self.workers) + 1)
        collected: list[list[Sample]] = [[] for _ in self.workers]

        def loop(index: int) -> None:
            barrier.wait()
            while (seq := self._take()) is not None:
                started = time.perf_counter()
                try:
                    sample = operation(self.workers[index], seq)
                except (ApplicationError, *TRANSPORT_ERRORS) as exc:
                    message = f"{type(exc).__name__}: {exc}"[:300]
                    sample = Sample(ERROR, time.perf_counter() - started, message=message)
                if sample is STOP:
                    break
                collected[index].append(sample)

        threads = [threading.Thread(target=loop, args=(i,), name=f"bench-{kind}-{i}")
                   for i in range(len(self.workers))]
        for thread in threads:
            thread.start()
        self._deadline = time.perf_counter() + self.max_seconds
        started = time.perf_counter()
        barrier.wait()
        for thread in threads:
            thread.join()
        wall = time.perf_counter() - started
        return PhaseResult(kind, label, wall, [s for part in collected for s in part], http_per_op)
