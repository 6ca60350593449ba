"""Flags for base compensation (benchmarked when a specialty is known)."""

import pytest

from tests.rules.flag_table import check

CASES = [
    ("Employer shall pay Physician an annual base salary of $180,000.", "base_compensation.below_benchmark", "medium",
     {"specialty": "cardiology"}),
    ("Employer shall pay Physician an annual base salary of $540,000.", "base_compensation.below_benchmark", None,
     {"specialty": "cardiology"}),
    ("Employer shall pay Physician an annual base salary of $180,000.", "base_compensation.below_benchmark", None, {}),
]


@pytest.mark.parametrize("text, flag_id, severity, context", CASES)
def test_base_compensation_flags(analyze_text, text, flag_id, severity, context):
    check(analyze_text, text, flag_id, severity, **context)
