"""First-year pay projection from the contract's own terms."""

from __future__ import annotations

import pytest

CASES = [
    pytest.param(
        "Employer shall pay Physician an annual base salary of $250,000. Physician earns $50.00 per wRVU above 5,000 wRVUs per year.",
        {"wrvu_levels": (6000,)}, [("at the contract's threshold", 5000, 250000), ("your level 6,000", 6000, 300000)],
        id="base-plus-bonus"),
    pytest.param(
        "Physician shall be paid $55.00 per wRVU for all wRVUs personally performed.",
        {"wrvu_levels": (5000,)}, [("your level 5,000", 5000, 275000)], id="production-only"),
]


@pytest.mark.parametrize("text, context, rows", CASES)
def test_projection_rows(analyze_text, text, context, rows):
    projection = analyze_text(text, **context).projection
    assert [(r.label, r.wrvus, r.total_usd) for r in projection.rows] == rows


def test_projection_uses_reported_percentiles_and_says_so(analyze_text):
    report = analyze_text("Employer shall pay an annual base salary of $250,000 and $50.00 per wRVU above 5,000 wRVUs per year.",
                          specialty="internal medicine")
    labels = [r.label for r in report.projection.rows]
    assert any("75th percentile for Internal medicine" in label for label in labels)
    assert any("reported figures" in note for note in report.projection.notes)


def test_projection_absent_without_a_conversion_factor(analyze_text):
    assert analyze_text("Employer shall pay an annual base salary of $250,000.").projection is None


def test_projection_notes_tiers(analyze_text):
    report = analyze_text("Physician earns $45.00 per wRVU from 4,000 to 5,000 wRVUs and $55.00 per wRVU above 5,000 wRVUs.",
                          wrvu_levels=(6000,))
    assert any("tiers" in note for note in report.projection.notes)
