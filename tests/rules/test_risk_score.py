"""The risk scores: min(100, 25 x high + 10 x medium + 3 x low), over all, legal and financial flags."""

from __future__ import annotations

import pytest

from rules.base import Flag
from rules.report import _score


def flag(severity: str, category: str) -> Flag:
    return Flag("x.y", "non_compete", severity, "t", "e", "q", None, None, None, None, None, category, None)


@pytest.mark.parametrize(
    "severities, expected",
    [([], 0), (["high"], 25), (["medium", "low"], 13), (["info"], 0), (["high"] * 5, 100)],
)
def test_risk_score_formula(severities, expected):
    assert _score([flag(s, "legal") for s in severities]) == expected


def test_risk_score_split(analyze_text):
    report = analyze_text(
        "1. Termination. Either party may terminate without cause on thirty (30) days' written notice.\n"
        "2. Tail. Physician shall purchase tail coverage at Physician's own expense.\n"
    )
    legal = [f for f in report.flags if f.category == "legal"]
    financial = [f for f in report.flags if f.category == "financial"]
    assert legal and financial
    assert report.summary.legal_risk_score == _score(legal)
    assert report.summary.financial_risk_score == _score(financial)
    assert report.summary.risk_score == _score(report.flags)
