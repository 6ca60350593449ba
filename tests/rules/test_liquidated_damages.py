"""Flags for liquidated damages."""

import pytest

from tests.rules.flag_table import check

CASES = [
    ("If Physician breaches the covenant, Physician shall pay liquidated damages of $50,000, which is not a penalty.",
     "liquidated_damages.present", "medium"),
    ("Employer shall pay Physician an annual base salary of $250,000.\n"
     "If Physician breaches the covenant, Physician shall pay liquidated damages of $300,000.",
     "liquidated_damages.present", "high"),
    ("If Physician breaches the covenant, Physician shall pay liquidated damages of $50,000, in addition to injunctive relief.",
     "liquidated_damages.present", "high"),
    ("Neither party shall be liable for consequential damages.", "liquidated_damages.present", None),
]


@pytest.mark.parametrize("text, flag_id, severity", CASES)
def test_liquidated_damages_flags(analyze_text, text, flag_id, severity):
    check(analyze_text, text, flag_id, severity)
