"""`loopcoach bench load`'s figures from wrk's counts."""

from __future__ import annotations

from loopcoach.web.bench.load import _line, _result

RAW = {"requests": 1000, "duration_us": 10_000_000, "p50": 5000, "p95": 9000, "p99": 12000}
CLEAN = {"connect": 0, "read": 0, "write": 0, "status": 0, "timeout": 0}


def test_it_says_which_errors_a_scenario_had():
    result = _result("mixed", RAW | CLEAN | {"status": 1, "timeout": 3})
    assert result.errors == 4 and result.rps == 100
    assert _line(result, result).endswith("(status 1, timeout 3)")


def test_a_clean_run_names_no_error_kind():
    result = _result("guide page", RAW | CLEAN)
    assert result.errors == 0 and _line(result, result).endswith("100.0% of bare")
