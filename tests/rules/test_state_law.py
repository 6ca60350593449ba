"""State non-compete law applied by state and contract date (rules/data/state_noncompete.yaml)."""

from __future__ import annotations

import datetime as dt

import pytest

COVENANT = (
    "1. Compensation. Employer shall pay Physician an annual base salary of {salary}.\n"
    "2. Covenant Not to Compete. For {months} after termination, Physician shall not practice medicine within "
    "{miles} of the primary practice location.{buyout}\n"
)


def covenant(salary="$300,000", months="two (2) years", miles="twenty (20) miles", buyout=""):
    return COVENANT.format(salary=salary, months=months, miles=miles, buyout=buyout)


FAIR_TX = covenant(months="twelve (12) months", miles="five (5) miles",
                   buyout=" Physician may buy out this covenant by paying Employer $250,000.")

CASES = [
    # state, signed, text, setting, specialty, expected severity, words in the title
    pytest.param("TX", "2025-10-01", covenant(), None, None, "high", "beyond the statute's limits", id="TX-2025-too-wide-long-no-buyout"),
    pytest.param("TX", "2025-10-01", FAIR_TX, None, None, "info", "within the statute's limits", id="TX-2025-within-limits"),
    pytest.param("TX", "2025-06-01", covenant(), None, None, "info", "starts 2025-09-01", id="TX-before-effective-date"),
    pytest.param("MD", "2025-08-01", covenant(salary="$300,000"), None, None, "high", "void for pay of $350,000 or less", id="MD-under-350k"),
    pytest.param("MD", "2025-08-01", covenant(salary="$420,000"), None, None, "high", "beyond the statute's limits", id="MD-over-350k-too-wide"),
    pytest.param("MD", "2025-08-01", covenant(salary="$420,000", months="twelve (12) months", miles="ten (10) miles"),
                 None, None, "info", "within the statute's limits", id="MD-over-350k-within"),
    pytest.param("CO", "2025-09-01", covenant(), None, None, "high", "likely void", id="CO-2025"),
    pytest.param("IN", "2025-08-01", covenant(), "employed", None, "high", "void if your employer is", id="IN-hospital-employed"),
    pytest.param("IN", "2025-08-01", covenant(), "private_group", "family_medicine", "high", "primary-care", id="IN-primary-care"),
    pytest.param("IN", "2025-08-01", covenant(), "private_group", "cardiology", "medium", "void if your employer is", id="IN-group-cardiology"),
    pytest.param("MT", "2026-02-01", covenant(), None, None, "high", "likely void", id="MT-2026"),
    pytest.param("MT", "2025-06-01", covenant(), None, None, "info", "starts 2026-01-01", id="MT-2025-before"),
    pytest.param("MA", "2024-01-01", covenant(), None, None, "high", "likely void", id="MA"),
    pytest.param("DE", "2024-01-01", covenant(), None, None, "high", "money damages may be owed", id="DE"),
    pytest.param("RI", "2024-01-01", covenant(), None, None, "high", "likely void", id="RI"),
    pytest.param("NH", "2024-01-01", covenant(), None, None, "high", "likely void", id="NH"),
    pytest.param("CA", "2024-01-01", covenant(), None, None, "high", "likely void", id="CA"),
    pytest.param("ND", "2024-01-01", covenant(), None, None, "high", "likely void", id="ND"),
    pytest.param("OK", "2024-01-01", covenant(), None, None, "high", "likely void", id="OK"),
    pytest.param("TN", "2024-01-01", covenant(), None, None, "medium", "safe harbour", id="TN-outside-safe-harbour"),
    pytest.param("TN", "2024-01-01", covenant(months="two (2) years", miles="ten (10) miles"), None, None, "info",
                 "within the statute's safe harbour", id="TN-within-safe-harbour"),
]


@pytest.mark.parametrize("state, signed, text, setting, specialty, severity, words", CASES)
def test_state_law_verdicts(analyze_text, state, signed, text, setting, specialty, severity, words):
    report = analyze_text(text, state=state, signed=dt.date.fromisoformat(signed), setting=setting, specialty=specialty)
    flag = next(f for f in report.flags if f.id == "non_compete.state_law")
    assert flag.severity == severity, flag.title
    assert words in flag.title
    assert "not legal advice" in flag.explanation and flag.benchmark and "http" in flag.benchmark


def test_state_law_not_checked_without_a_state(analyze_text):
    report = analyze_text(covenant())  # no governing-law clause, no --state
    assert not [f for f in report.flags if f.id == "non_compete.state_law"]
    assert report.context.origins["state"] == "assumed"
    assert any("State not given" in note for note in report.context.notes)


def test_state_law_state_without_a_physician_rule_is_not_flagged(analyze_text):
    report = analyze_text(covenant(), state="OH", signed=dt.date(2025, 1, 1))
    assert not [f for f in report.flags if f.id == "non_compete.state_law"]


def test_state_law_uses_the_governing_law_clause_and_says_so(analyze_text):
    text = covenant() + "3. Governing Law. This Agreement shall be governed by the laws of the State of Colorado.\n"
    report = analyze_text(text, signed=dt.date(2025, 9, 1))
    assert report.context.state == "CO" and report.context.origins["state"] == "inferred"
    assert any(f.id == "non_compete.state_law" and f.severity == "high" for f in report.flags)


def test_state_law_practice_state_differs_from_governing_law(analyze_text):
    text = covenant() + "3. Governing Law. This Agreement shall be governed by the laws of the State of Ohio.\n"
    report = analyze_text(text, state="MA", signed=dt.date(2025, 1, 1))
    flag = next(f for f in report.flags if f.id == "non_compete.state_law")
    assert "another state (OH)" in flag.explanation
    assert any("governed by Ohio law" in note for note in report.context.notes)
