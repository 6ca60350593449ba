"""Flags for repayment of signing, relocation and loan money."""

import pytest

from tests.rules.flag_table import check

CASES = [
    ("If Physician leaves within two years, Physician shall repay the entire signing bonus of $30,000.",
     "repayment_clawback.no_proration", "high"),
    ("If Physician resigns within two years, Physician shall repay a pro rata portion of the $30,000 signing bonus.",
     "repayment_clawback.no_proration", None),
    ("If employment ends for any reason within two years, Physician shall repay a pro rata portion of the relocation allowance.",
     "repayment_clawback.without_cause_trigger", "high"),
    ("If Physician resigns within two years, Physician shall repay a pro rata portion of the relocation allowance; "
     "no repayment is due if Employer terminates Physician without cause.",
     "repayment_clawback.without_cause_trigger", None),
]


@pytest.mark.parametrize("text, flag_id, severity", CASES)
def test_repayment_clawback_flags(analyze_text, text, flag_id, severity):
    check(analyze_text, text, flag_id, severity)


def test_repayment_clawback_without_proration_is_not_prorated(analyze_text):
    report = analyze_text(
        "3.3 Signing Bonus. The Group shall pay Physician a signing bonus of $25,000. If Physician resigns before "
        "completing two (2) years, Physician shall repay the full amount of the signing bonus, without proration."
    )
    assert ("repayment_clawback.no_proration", "high") in {(f.id, f.severity) for f in report.flags}
