"""Flags for call coverage and call pay."""

import pytest

from tests.rules.flag_table import check

CASES = [
    ("Physician shall take call as assigned by the Medical Director.", "call_compensation.no_cap", "high"),
    ("Physician shall take call as assigned by the Medical Director, not to exceed four (4) nights per month.",
     "call_compensation.no_cap", None),
    ("Physician shall share call on a 1:3 rotation with the other surgeons.", "call_compensation.frequent", "high"),
    ("Physician shall share call on a one-in-five rotation with the other surgeons.", "call_compensation.frequent", None),
    ("Physician shall take call one in four nights. Call is included in base salary and no additional compensation is paid.",
     "call_compensation.unpaid", "medium"),
    ("Physician shall take call one in four nights and shall be paid $1,200 per call day.", "call_compensation.unpaid", None),
    ("Physician shall take call one in four nights. Employer may change the call schedule and call stipend at any time.",
     "call_compensation.unilateral_change", "high"),
    ("Physician shall take call one in four nights for a stipend of $900 per night, changed only by mutual agreement.",
     "call_compensation.unilateral_change", None),
]


@pytest.mark.parametrize("text, flag_id, severity", CASES)
def test_call_compensation_flags(analyze_text, text, flag_id, severity):
    check(analyze_text, text, flag_id, severity)


def test_call_compensation_terms(analyze_text):
    report = analyze_text("Physician shall take call no more than 1 in 5 weekends and shall be paid $1,500 per call day.")
    values = {(t.name, t.value) for t in report.terms}
    assert ("call_compensation.frequency_one_in", 5.0) in values
    assert ("call_compensation.per_diem_usd", 1500.0) in values


MORE = [
    ("Physician shall take call one in four nights and shall be paid $300 per call day.",
     "call_compensation.per_diem_below_benchmark", "medium", {"specialty": "anesthesiology"}),
    ("Physician shall take call one in four nights and shall be paid $1,800 per call day.",
     "call_compensation.per_diem_below_benchmark", None, {"specialty": "anesthesiology"}),
    ("Physician shall participate in the call schedule for the Hospital's emergency department.",
     "call_compensation.no_cap", "medium", {}),
]


@pytest.mark.parametrize("text, flag_id, severity, context", MORE)
def test_call_compensation_more_flags(analyze_text, text, flag_id, severity, context):
    check(analyze_text, text, flag_id, severity, **context)
