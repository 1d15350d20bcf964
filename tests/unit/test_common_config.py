"""MockConfig and fault switches: defaults, environment, validation."""

import pytest

from mock_sites.common.config import Faults, MockConfig
from mock_sites.common.throttle import Throttle


def test_defaults():
    config = MockConfig()
    assert config.captcha_mode == "off"
    assert config.applications == 60
    assert config.faults.error_rate == 0.0


def test_from_env_and_overrides(monkeypatch, tmp_path):
    monkeypatch.setenv("JCJY_MOCK_SEED", "7")
    monkeypatch.setenv("JCJY_MOCK_LATENCY_MS", "25")
    monkeypatch.setenv("JCJY_MOCK_SMS_FAIL", "true")
    config = MockConfig.from_env(data_dir=tmp_path, applications=None, faults={"error_rate": 0.5})
    assert config.seed == 7
    assert config.data_dir == tmp_path
    assert config.applications == 60
    assert config.faults.latency_ms == 25
    assert config.faults.sms_fail is True
    assert config.faults.error_rate == 0.5


@pytest.mark.parametrize(
    ("values", "fragment"),
    [
        ({"error_rate": 2}, "0 到 1"),
        ({"latency_ms": -1}, "不能为负数"),
        ({"latency_ms": "abc"}, "latency_ms"),
        ({"sms_fail": "maybe"}, "sms_fail"),
        ({"bogus": 1}, "未知的故障开关"),
        ({"latency_ms": 10, "error_rate": 5}, "0 到 1"),
    ],
)
def test_fault_update_rejects_bad_values(values, fragment):
    faults = Faults()
    with pytest.raises(ValueError, match=fragment):
        faults.update(values)
    assert faults == Faults()


def test_invalid_config_messages_are_chinese():
    with pytest.raises(ValueError, match="图形验证码模式"):
        MockConfig(captcha_mode="audio")
    with pytest.raises(ValueError, match="申请数量"):
        MockConfig(applications=0)


def test_throttle_locks_after_limit_and_clears():
    throttle = Throttle(limit=3, window_s=60)
    assert throttle.fail("13800000000") == 2
    throttle.fail("13800000000")
    assert not throttle.locked("13800000000")
    assert throttle.fail("13800000000") == 0
    assert throttle.locked("13800000000")
    assert not throttle.locked("13900000000")
    throttle.clear("13800000000")
    assert not throttle.locked("13800000000")


def test_throttle_lock_ends_with_the_window():
    now = [1000.0]
    throttle = Throttle(limit=2, window_s=60, now=lambda: now[0])
    throttle.fail("k")
    now[0] += 30
    throttle.fail("k")
    assert throttle.locked("k")
    now[0] += 31  # the first failure has left the window
    assert not throttle.locked("k")
    assert throttle.fail("k") == 0


def test_throttle_attempt_outcomes():
    throttle = Throttle(limit=2, window_s=60)
    assert throttle.attempt("k", lambda: False) is False  # one attempt left
    assert throttle.attempt("k", lambda: True) is True  # and the failure is forgotten
    assert throttle.attempt("k", lambda: False) is False
    assert throttle.attempt("k", lambda: False) is None  # locked by this failure
    assert throttle.attempt("k", lambda: True) is None  # and stays locked
