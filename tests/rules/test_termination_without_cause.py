"""Flags for termination without cause."""

import pytest

from tests.rules.flag_table import check

CASES = [
    ("Either party may terminate this Agreement without cause upon thirty (30) days' prior written notice.",
     "termination_without_cause.short_notice", "high"),
    ("Either party may terminate this Agreement without cause upon sixty (60) days' prior written notice.",
     "termination_without_cause.short_notice", "medium"),
    ("Either party may terminate this Agreement without cause upon ninety (90) days' prior written notice.",
     "termination_without_cause.short_notice", None),
    ("Employer may terminate this Agreement without cause on 60 days' written notice. "
     "Physician may terminate this Agreement without cause on 180 days' written notice.",
     "termination_without_cause.asymmetric", "high"),
    ("Employer may terminate this Agreement at any time for any reason upon ninety (90) days' written notice.",
     "termination_without_cause.asymmetric", "high"),
    ("Either party may terminate this Agreement without cause upon ninety (90) days' prior written notice.",
     "termination_without_cause.asymmetric", None),
]


@pytest.mark.parametrize("text, flag_id, severity", CASES)
def test_termination_without_cause_flags(analyze_text, text, flag_id, severity):
    check(analyze_text, text, flag_id, severity)


def test_termination_without_cause_notice_in_months(analyze_text):
    report = analyze_text("Either party may terminate this Agreement without cause upon three (3) months' written notice.")
    assert [t.value for t in report.terms if t.name == "termination_without_cause.notice_days"] == [90.0]


@pytest.mark.parametrize(
    "text",
    [
        "Either Employer or Physician may terminate this Agreement without cause by giving the other at least ninety (90) days' written notice.",
        "The Practice or Physician may terminate this Agreement without cause on ninety (90) days' written notice.",
    ],
    ids=["either-named", "x-or-y"],
)
def test_termination_without_cause_mutual_wording_is_not_asymmetric(analyze_text, text):
    assert "termination_without_cause.asymmetric" not in {f.id for f in analyze_text(text).flags}
