"""Flags for malpractice tail coverage, including silence."""

import pytest

from tests.rules.flag_table import check

CASES = [
    ("Upon termination, Physician shall purchase tail coverage at Physician's own expense.", "tail_coverage.physician_pays", "high"),
    ("The cost of the extended reporting endorsement shall be shared equally by Employer and Physician.",
     "tail_coverage.physician_pays", "medium"),
    ("Employer shall pay for tail coverage upon any termination of this Agreement.", "tail_coverage.physician_pays", None),
    ("Employer shall provide claims-made professional liability insurance with limits of $1,000,000/$3,000,000.",
     "tail_coverage.unspecified", "high"),
    ("Employer shall provide occurrence-based professional liability insurance; Employer shall pay any tail premium.",
     "tail_coverage.unspecified", None),
    ("Physician shall be paid an annual base salary of $250,000.", "tail_coverage.missing", "medium"),
    ("Employer shall pay for tail coverage upon any termination of this Agreement.", "tail_coverage.missing", None),
]


@pytest.mark.parametrize("text, flag_id, severity", CASES)
def test_tail_coverage_flags(analyze_text, text, flag_id, severity):
    check(analyze_text, text, flag_id, severity)


def test_tail_coverage_missing_flag_has_no_clause(analyze_text):
    report = analyze_text("Physician shall be paid an annual base salary of $250,000.")
    missing = next(f for f in report.flags if f.id == "tail_coverage.missing")
    assert missing.clause_id is None and missing.page is None and missing.quote is None


def test_tail_coverage_occurrence_policy_needs_no_payer(analyze_text):
    report = analyze_text(
        "Employer shall provide professional liability insurance. Because the coverage is written on an occurrence basis, "
        "no extended reporting or tail coverage will be needed when Physician's employment ends."
    )
    assert not [f for f in report.flags if f.kind == "tail_coverage"]
    assert not [t for t in report.terms if t.name == "tail_coverage.payer"]
