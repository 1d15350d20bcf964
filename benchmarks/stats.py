"""Small statistics helpers (nearest-rank percentiles, medians, seconds per step) and rounding
for reports."""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from flows.runner import StepRecord
    from flows.steps import Step


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else math.nan


def percentile(values: Sequence[float], pct: float) -> float:
    """Nearest-rank percentile (p50, p95 …) of ``values``; NaN when empty."""
    if not values:
        return math.nan
    ordered = sorted(values)
    rank = max(1, math.ceil(pct / 100 * len(ordered)))
    return ordered[rank - 1]


def ms(seconds: float) -> float | None:
    """Seconds → milliseconds rounded for JSON; None when there is no value (NaN)."""
    return None if math.isnan(seconds) else round(seconds * 1000, 2)


def step_seconds(records: Iterable[StepRecord]) -> dict[Step, float]:
    """Seconds per step of one run (a step run twice adds up), in order of first appearance."""
    totals: dict[Step, float] = {}
    for record in records:
        totals[record.step] = totals.get(record.step, 0.0) + record.seconds
    return totals
