"""Flow-level data: decisions, amount checks, step definitions."""

from decimal import Decimal

import pytest

from flows import steps
from flows.models import ApplicationFacts, Credentials, ReviewDecision, StaffMember


def test_rejection_requires_a_reason():
    with pytest.raises(ValueError, match="备注"):
        ReviewDecision("不通过", "  ")
    assert ReviewDecision("不通过", "票据金额不符").remark == "票据金额不符"


def test_decision_result_is_checked():
    with pytest.raises(ValueError, match="通过"):
        ReviewDecision("待定")


def test_secrets_stay_out_of_repr():
    assert "s3cretPass1" not in repr(Credentials("13900000000", "s3cretPass1"))
    staff = StaffMember(phone="13900000000", password="s3cretPass1", id_number="11010519491231002X")
    assert "s3cretPass1" not in repr(staff) and "11010519491231002X" not in repr(staff)


def _facts(kind: str, claimed: dict, paid: dict) -> ApplicationFacts:
    return ApplicationFacts("1", "张三", kind, claimed, paid, "符合", [], [])


def test_receipts_matching_the_claim_raise_nothing():
    facts = _facts("学费补偿", {"2022-2023": Decimal(8000)}, {"缴费票据（2022-2023学年）": Decimal(8000)})
    assert facts.amount_problems() == []


def test_receipt_below_the_claim_is_named_with_the_year():
    facts = _facts("学费补偿", {"2022-2023": Decimal(9000)}, {"缴费票据（2022-2023学年）": Decimal(8000)})
    assert facts.amount_problems() == ["2022-2023学年申报9000元，票据实缴8000元"]


def test_missing_receipt_is_reported():
    facts = _facts("学费补偿", {"2022-2023": Decimal(8000)}, {})
    assert "缺少缴费票据" in facts.amount_problems()[0]


def test_loan_claim_above_principal_is_reported():
    facts = _facts("贷款代偿", {"a": Decimal(8000), "b": Decimal(9000)}, {"借款合同": Decimal(16000)})
    assert facts.amount_problems() == ["申请总额17000元超过借款本金16000元"]


def test_step_keys_unique_and_titles_from_the_procedure_document():
    assert len({s.key for s in steps.ALL_STEPS}) == len(steps.ALL_STEPS)
    assert steps.REGISTER.title == "输入网址，注册账户。"
    assert steps.GRANT_REVIEW_PERMISSION.label.startswith("3 在弹出窗口中")
