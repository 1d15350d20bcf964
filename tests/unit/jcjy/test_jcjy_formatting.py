"""Display helpers: masking of personal data, money, work location."""

from __future__ import annotations

from mock_sites.common.masking import mask_id, mask_mobile
from mock_sites.jcjy.formatting import money
from mock_sites.jcjy.models import ApplicationRecord


def test_mask_id_and_phone() -> None:
    assert mask_id("11010519900307123X") == "110105********123X"
    assert mask_id("123") == "***"
    assert mask_mobile("13812345678") == "138****5678"
    assert mask_mobile("12345") == "*****"


def test_money() -> None:
    assert money(16000) == "16000.00"
    assert money(None) == ""


def test_location_leaves_out_placeholder_city() -> None:
    record = ApplicationRecord(province="海南省", city="省直辖县级行政区划",
                               county="琼中黎族苗族自治县", town="湾岭镇")
    assert record.location_parts == ["海南省", "琼中黎族苗族自治县", "湾岭镇"]
    assert record.location == "海南省琼中黎族苗族自治县"
    record = ApplicationRecord(province="四川省", city="凉山彝族自治州", county="昭觉县", town="")
    assert record.location == "四川省凉山彝族自治州昭觉县"
