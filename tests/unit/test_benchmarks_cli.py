"""The benchmark command line and its small helpers (no sites started)."""

from __future__ import annotations

import pytest

from benchmarks import table
from benchmarks.__main__ import browser_ratio, parse_args
from benchmarks.stats import percentile


def test_only_accepts_commas_and_repeats_in_a_fixed_order() -> None:
    assert parse_args(["--only", "throughput,http"]).kinds == ["http", "throughput"]
    assert parse_args(["--only", "browser", "--only", "http"]).kinds == ["http", "browser"]
    assert parse_args([]).kinds == ["http", "throughput", "browser", "suite", "review-faults", "review-speed",
                                   "review-memory"]


def test_unknown_kind_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        parse_args(["--only", "gui"])
    assert "未知的基准" in capsys.readouterr().err


def test_ratio_needs_both_medians() -> None:
    assert browser_ratio({"http": {"median_total_ms": 500.0}}) is None
    ratio = browser_ratio({"http": {"median_total_ms": 500.0},
                           "browser": {"median_total_ms": 4000.0}})
    assert ratio == {"browser_vs_http_median": 8.0}


def test_nearest_rank_percentiles() -> None:
    values = [float(v) for v in range(1, 101)]
    assert percentile(values, 50) == 50.0
    assert percentile(values, 95) == 95.0
    assert percentile([3.0], 95) == 3.0


def test_table_lines_up_chinese_text() -> None:
    lines = table.render(["步骤", "ms"], [["注册", 1.0], ["a", None]]).splitlines()
    assert len({table.width(line) for line in lines}) == 1
    assert lines[-1].endswith("—")
    assert table.clip("输入网址，注册账户", 9) == "输入网址…"
