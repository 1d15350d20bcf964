"""Small statistics helpers (nearest-rank percentiles, medians) and rounding for reports."""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence


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
