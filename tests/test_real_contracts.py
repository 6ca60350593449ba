"""Evaluation on real contracts nobody on this project wrote (../shared/data; evaluation only).

Physician agreements (issue 3): no false non-compete, partnership-track, RVU or call clause, and the
30-day termination-without-cause clause of each is found with notice_days = 30. These files are
visible to developers, so they are a check, not a blind test; nothing was tuned on them.
"""

from __future__ import annotations

import pytest

NOT_IN_EITHER = ("non_compete", "partnership_track", "rvu_compensation", "call_compensation")
AGREEMENTS = ("01_dermcheck-physician-independent-contractor.pdf", "02_dermdash-physician-platform-services.pdf")


@pytest.mark.shared_data
@pytest.mark.parametrize("name", AGREEMENTS)
def test_real_physician_agreement(analyzer, shared_data, name):
    report = analyzer.analyze(shared_data / "physician_contracts" / name)
    false_kinds = sorted({k.kind for c in report.clauses for k in c.kinds if k.kind in NOT_IN_EITHER})
    assert false_kinds == []
    notice = [t for t in report.terms if t.name == "termination_without_cause.notice_days"]
    assert 30.0 in [t.value for t in notice]
    assert any(k.kind == "termination_without_cause" for c in report.clauses for k in c.kinds)


@pytest.mark.shared_data
def test_cuad_evaluation_runs_on_validation_contracts(analyzer, shared_data):
    from app.evaluate import evaluate_cuad

    result = evaluate_cuad(analyzer, "validation", limit=3)
    assert result["contracts"] == 3
    scores = result["systems"]["contract-risk"]["non_compete"]
    assert 0.0 <= scores["precision"] <= 1.0 and scores["spans"] >= 0


@pytest.mark.shared_data
def test_cuad_per_contract_counts_sum_to_the_scores(analyzer, shared_data):
    """scripts/cuad_bootstrap.py resamples the per-contract counts: they must add up to the printed scores."""
    from app.evaluate import evaluate_cuad

    result = evaluate_cuad(analyzer, "validation", limit=4, per_contract=True)
    assert len(result["per_contract"]) == result["contracts"] == 4
    for system, kinds in result["systems"].items():
        for kind, scores in kinds.items():
            total = {what: sum(c.get(f"{system}|{kind}|{what}", 0) for c in result["per_contract"].values())
                     for what in ("tp_clause", "fp", "span_hit", "span_miss")}
            assert total["tp_clause"] + total["fp"] == scores["tagged_clauses"], (system, kind)
            assert total["span_hit"] + total["span_miss"] == scores["spans"], (system, kind)
            tagged = total["tp_clause"] + total["fp"]
            assert scores["precision"] == round(total["tp_clause"] / tagged if tagged else 0.0, 3), (system, kind)
    assert "per_contract" not in evaluate_cuad(analyzer, "validation", limit=1)
