"""Risks no single clause shows."""

import datetime as dt

import pytest

from tests.rules.flag_table import check

FIRED_AND_BARRED = (
    "1. Termination. Employer may terminate this Agreement without cause upon thirty (30) days' written notice.\n"
    "2. Covenant Not to Compete. For one year after termination for any reason, Physician shall not practice medicine "
    "within ten (10) miles of the Clinic.\n"
    "3. Tail. Upon termination, Physician shall purchase tail coverage at Physician's own expense.\n"
)
CASES = [
    pytest.param(FIRED_AND_BARRED, "high", {}, id="all-three"),
    pytest.param(FIRED_AND_BARRED.replace("Physician shall purchase tail coverage at Physician's own expense",
                                          "Employer shall purchase tail coverage at its expense"), None, {}, id="employer-pays-tail"),
    pytest.param(FIRED_AND_BARRED.replace("within ten (10) miles of the Clinic.",
                                          "within ten (10) miles of the Clinic; this covenant shall not apply if Employer "
                                          "terminates Physician without cause."), None, {}, id="covenant-lapses"),
    pytest.param(FIRED_AND_BARRED.replace("thirty (30)", "one hundred twenty (120)").replace(
        "Employer may terminate", "Either party may terminate"), None, {}, id="long-mutual-notice"),
    pytest.param(FIRED_AND_BARRED, None, {"state": "CA", "signed": dt.date(2025, 1, 1)}, id="void-covenant"),
]


@pytest.mark.parametrize("text, severity, context", CASES)
def test_combined_fired_and_barred(analyze_text, text, severity, context):
    check(analyze_text, text, "non_compete.fired_and_barred", severity, **context)
