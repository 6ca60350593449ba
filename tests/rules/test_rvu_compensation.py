"""Flags for RVU / productivity compensation clauses."""

import pytest

from tests.rules.flag_table import check

CASES = [
    ("Physician earns $50.00 per wRVU above 5,000 wRVUs. Employer may modify the conversion factor annually in its sole discretion.",
     "rvu_compensation.unilateral_change", "high"),
    ("Physician earns $50.00 per wRVU above 5,000 wRVUs. The conversion factor may be changed only by mutual written agreement.",
     "rvu_compensation.unilateral_change", None),
    ("Salary assumes 4,800 wRVUs per year. If Physician fails to meet the threshold, Employer shall reduce base salary for the next year.",
     "rvu_compensation.salary_clawback", "high"),
    ("Physician receives a bonus of $45 per wRVU for production above 4,800 wRVUs; base salary is guaranteed.",
     "rvu_compensation.salary_clawback", None),
    ("Physician shall be paid $34.00 per wRVU for all wRVUs personally performed.", "rvu_compensation.cf_near_medicare", "medium"),
    ("Physician shall be paid $58.00 per wRVU for all wRVUs personally performed.", "rvu_compensation.cf_near_medicare", None),
    ("wRVUs shall be calculated using the 2020 Medicare Physician Fee Schedule for the entire term at $52 per wRVU.",
     "rvu_compensation.frozen_rvu_year", "medium"),
    ("wRVUs shall be calculated using the Medicare fee schedule in effect for the year the services are performed, at $52 per wRVU.",
     "rvu_compensation.frozen_rvu_year", None),
]


@pytest.mark.parametrize("text, flag_id, severity", CASES)
def test_rvu_compensation_flags(analyze_text, text, flag_id, severity):
    check(analyze_text, text, flag_id, severity)


def test_rvu_compensation_terms(analyze_text):
    report = analyze_text("Physician earns $52.50 per wRVU for all wRVUs in excess of 400 wRVUs per month.")
    values = {(t.name, t.value) for t in report.terms}
    assert ("rvu_compensation.conversion_factor_usd", 52.5) in values
    assert ("rvu_compensation.wrvu_threshold", 4800.0) in values


NEGATED = [
    "Physician earns $50 per wRVU above 5,000 wRVUs. The Base Salary shall not be reduced, offset or recovered because "
    "Physician's production is below the Threshold.",
    "You will earn $49.50 for each wRVU above 425 wRVUs a month. Your salary will not be reduced, and you will not owe "
    "anything back, if you fall below the target in any month.",
    "The Base Salary is not contingent on reaching 5,200 wRVUs and shall not be reduced or repaid if Physician does not reach it.",
    "The Group may revise the call schedule and the call stipend from time to time; Physician earns $50 per wRVU.",
]


@pytest.mark.parametrize("text", NEGATED, ids=["not-recovered", "not-owe", "not-contingent", "call-not-rvu"])
def test_rvu_compensation_negations_raise_nothing_high(analyze_text, text):
    report = analyze_text(text)
    assert not [f.id for f in report.flags if f.kind == "rvu_compensation" and f.severity == "high"]


BENCHMARKED = [
    ("Physician earns $45.00 per wRVU above 4,000 wRVUs per year.", "rvu_compensation.cf_below_benchmark", "medium",
     {"specialty": "internal medicine"}),
    ("Physician earns $70.00 per wRVU above 4,000 wRVUs per year.", "rvu_compensation.cf_below_benchmark", None,
     {"specialty": "internal medicine"}),
    ("Physician earns $45.00 per wRVU above 6,500 wRVUs per year.", "rvu_compensation.high_threshold_low_rate", "high",
     {"specialty": "internal medicine"}),
    ("Physician earns $70.00 per wRVU above 6,500 wRVUs per year.", "rvu_compensation.high_threshold_low_rate", None,
     {"specialty": "internal medicine"}),
    ("Physician earns $45.00 per wRVU above 6,500 wRVUs per year.", "rvu_compensation.high_threshold_low_rate", None, {}),
    ("Physician earns $55 per wRVU. Physician shall not receive wRVU credit for services of nurse practitioners or "
     "physician assistants that Physician supervises.", "rvu_compensation.no_app_credit", "medium", {}),
    ("Physician earns $55 per wRVU, including one half of the wRVUs of the physician assistants Physician supervises.",
     "rvu_compensation.no_app_credit", None, {}),
]


@pytest.mark.parametrize("text, flag_id, severity, context", BENCHMARKED)
def test_rvu_compensation_benchmarked_flags(analyze_text, text, flag_id, severity, context):
    check(analyze_text, text, flag_id, severity, **context)
