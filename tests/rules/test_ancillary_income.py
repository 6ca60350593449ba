"""Flags for ancillary and outside income."""

import pytest

from tests.rules.flag_table import check

CASES = [
    ("Revenue from imaging, laboratory and physical therapy services shall not be included in Physician's productivity.",
     "ancillary_income.excluded", "medium"),
    ("Net profits of the ambulatory surgery center shall be distributed only to the shareholders of the Group.",
     "ancillary_income.partners_only", "high"),
    ("Physician shall share in ancillary income, including imaging and laboratory revenue, on a per capita basis.",
     "ancillary_income.excluded", None),
    ("Net profits of the ambulatory surgery center are shared per capita among all physicians of the Group, "
     "employed physicians included.", "ancillary_income.partners_only", None),
    ("All fees earned by Physician for expert witness testimony, honoraria and moonlighting shall be remitted to Employer.",
     "ancillary_income.outside_income_assigned", "high"),
    ("Physician may perform expert witness work and may retain all fees earned from such outside activities.",
     "ancillary_income.outside_income_assigned", None),
]


@pytest.mark.parametrize("text, flag_id, severity", CASES)
def test_ancillary_income_flags(analyze_text, text, flag_id, severity):
    check(analyze_text, text, flag_id, severity)
