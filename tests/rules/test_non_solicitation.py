"""Flags for non-solicitation clauses."""

import pytest

from tests.rules.flag_table import check

CASES = [
    ("For one year after termination Physician shall not accept or treat any patient of the Practice, "
     "even if the patient contacts Physician on their own.", "non_solicitation.patient_contact_barred", "high"),
    ("For one year after termination Physician shall not notify patients of Physician's departure or new practice location.",
     "non_solicitation.patient_contact_barred", "high"),
    ("For one year after termination Physician shall not solicit any patient of the Practice.",
     "non_solicitation.patient_contact_barred", None),
    ("For two (2) years after termination Physician shall not solicit any employee of the Practice.",
     "non_solicitation.long", "medium"),
    ("For twelve (12) months after termination Physician shall not solicit any employee of the Practice.",
     "non_solicitation.long", None),
]


@pytest.mark.parametrize("text, flag_id, severity", CASES)
def test_non_solicitation_flags(analyze_text, text, flag_id, severity):
    check(analyze_text, text, flag_id, severity)
