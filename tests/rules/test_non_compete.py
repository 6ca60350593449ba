"""Flags for non-compete clauses (positives and negatives in one table)."""

import pytest

from tests.rules.flag_table import check

BUYOUT = ("1. Salary. Employer shall pay Physician an annual base salary of $300,000.\n"
          "2. Covenant Not to Compete. For one year after termination Physician shall not practice within 10 miles of the "
          "Clinic. Physician may obtain a release from this covenant by paying Employer {amount}.\n")

CASES = [
    # radius
    ("For two (2) years after termination Physician shall not practice within twenty-five (25) miles of the Hospital.",
     "non_compete.radius_wide", "high"),
    ("Physician shall not practice medicine within a 12-mile radius of the Clinic for one year after employment ends.",
     "non_compete.radius_wide", "medium"),
    ("Physician shall not practice medicine within 10 miles of the Clinic for one year after employment ends.",
     "non_compete.radius_wide", None),
    ("Physician will not compete with the Group within forty (40) kilometers of its main office for 12 months.",
     "non_compete.radius_wide", "high"),
    # duration
    ("For two (2) years after termination Physician shall not practice within 10 miles of the Hospital.",
     "non_compete.duration_long", "high"),
    ("For eighteen months after termination Physician shall not practice within 10 miles of the Hospital.",
     "non_compete.duration_long", "medium"),
    ("For twelve (12) months after termination Physician shall not practice within 10 miles of the Hospital.",
     "non_compete.duration_long", None),
    # scope
    ("Physician shall not practice within 10 miles of any location of Employer or its affiliates for one year after termination.",
     "non_compete.all_sites", "high"),
    ("Physician shall not practice within 10 miles of Physician's primary practice location for one year after termination.",
     "non_compete.all_sites", None),
    # survives termination without cause
    ("Upon termination for any reason, Physician shall not practice within 10 miles of the Clinic for one year.",
     "non_compete.survives_without_cause", "medium"),
    ("Upon termination for any reason, Physician shall not practice within 10 miles of the Clinic for one year; "
     "provided that this covenant shall not apply if Employer terminates Physician without cause.",
     "non_compete.survives_without_cause", None),
    # buyout against salary
    (BUYOUT.format(amount="$750,000"), "non_compete.buyout_high", "high"),
    (BUYOUT.format(amount="$450,000"), "non_compete.buyout_high", "medium"),
    (BUYOUT.format(amount="$150,000"), "non_compete.buyout_high", None),
]


@pytest.mark.parametrize("text, flag_id, severity", CASES)
def test_non_compete_flags(analyze_text, text, flag_id, severity):
    check(analyze_text, text, flag_id, severity)


def test_non_compete_radius_from_a_definition_elsewhere(analyze_text):
    report = analyze_text(
        '1. Definitions. "Restricted Area" means the area within thirty (30) miles of the Practice.\n'
        "2. Duties. Physician shall see patients.\n"
        "9. Covenant Not to Compete. For one year after termination, Physician shall not practice in the Restricted Area.\n"
    )
    radius = [t for t in report.terms if t.name == "non_compete.radius_miles"]
    assert [(t.value, t.page) for t in radius] == [(30.0, 1)]
    assert any(f.id == "non_compete.radius_wide" and f.severity == "high" for f in report.flags)

