"""The clause-level study of decision settings (models/decision_study.py) re-fuses what the product fused.

Its choice is only as good as that replay: fusing the recorded rule tags and model probabilities under the
shipped settings must give exactly the tags the tagger gives, and the counting must follow the hit sets.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from models.decision_study import TaggedContract, clause_prf, cuad_counts
from nlp.classifier import load_classifier
from nlp.components import fuse
from nlp.document import Clause, KindTag
from nlp.extract import extract_document
from nlp.segment import own_text_ends, segment
from nlp.tagger import ClauseDecision, Tagger, lift_list_items
from rules.registry import cue_patterns, tag_thresholds

SAMPLES = Path(__file__).resolve().parents[2] / "sample_contracts"


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return Tagger(cue_patterns(), tag_thresholds(), load_classifier())


@pytest.mark.parametrize("name", ["hospitalist_employed.pdf", "emergency_medicine_group.pdf", "academic_medicine_faculty.pdf"])
def test_replaying_the_decisions_under_the_shipped_settings_gives_the_tags(tagger, name):
    document = extract_document(SAMPLES / name)
    clauses = segment(document)
    own_ends = own_text_ends(clauses)
    decisions = tagger.decisions(document.text, clauses, own_ends)
    c = tagger.classifier
    replayed = {cid: fuse(d.rule_tags, d.model_probabilities, c.thresholds, c.vetoes, c.strong_vetoes)
                if d.model_probabilities is not None else list(d.tags) for cid, d in decisions.items()}
    assert lift_list_items(document.text, clauses, replayed, own_ends) == tagger.tag(document.text, clauses)
    assert any(d.rule_tags for d in decisions.values()) and any(d.model_probabilities for d in decisions.values())


TEXT = "1. Covenant text here.\n2. Another clause.\n3. Title of an agreement."
STRONG = KindTag("non_compete", 0.9, "rule", ("noncompetition",), ("nc.x",))


def _clause(cid: str, number: str, start: int, end: int) -> Clause:
    return Clause(cid, number, None, 1, None, start, end, start + 3, 1, 1, TEXT[start:end])


def _contract() -> TaggedContract:
    starts = [0, TEXT.index("2."), TEXT.index("3."), len(TEXT)]
    clauses = [_clause(f"c{i}", str(i + 1), starts[i], starts[i + 1]) for i in range(3)]
    decisions = {
        "c0": ClauseDecision([], {"non_compete": 0.7}, []),          # the covenant: model only
        "c1": ClauseDecision([], {"non_compete": 0.3}, []),          # nothing
        "c2": ClauseDecision([STRONG], {"non_compete": 0.1}, []),    # a title: strong rule, low model
    }
    # one labelled span, hit by c0 only; a second span nobody hits
    hit_sets = {"non_compete": ({"c0"}, [{"c0"}, set()])}
    return TaggedContract(1, TEXT, clauses, dict(own_text_ends(clauses)), decisions, hit_sets)


@pytest.mark.parametrize(
    "threshold, strong_veto, expected",
    [
        pytest.param(0.5, 0.0, {"tp": 1, "fp": 1, "hit": 1, "miss": 1}, id="strong-rule-kept"),
        pytest.param(0.5, 0.2, {"tp": 1, "fp": 0, "hit": 1, "miss": 1}, id="strong-rule-vetoed"),
        pytest.param(0.25, 0.2, {"tp": 1, "fp": 1, "hit": 1, "miss": 1}, id="low-threshold-adds-c1"),
        pytest.param(0.8, 0.2, {"tp": 0, "fp": 0, "hit": 0, "miss": 2}, id="high-threshold-tags-nothing"),
    ],
)
def test_cuad_counts_follow_the_settings(threshold, strong_veto, expected):
    counts = cuad_counts([_contract()], "non_compete", {"non_compete": threshold}, {"non_compete": 0.2},
                         {"non_compete": strong_veto})
    assert {k: counts[k] for k in expected} == expected


def test_clause_prf():
    assert clause_prf({"tp": 1, "fp": 1, "hit": 1, "miss": 1}) == {
        "precision": 0.5, "recall": 0.5, "f1": 0.5, "tagged_clauses": 2, "spans": 2}
    assert clause_prf({"tp": 0, "fp": 0, "hit": 0, "miss": 0})["f1"] == 0.0
