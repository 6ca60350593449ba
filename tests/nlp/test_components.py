"""The clause_kinds component: rules and model fused, each decision explained; list items lifted."""

from __future__ import annotations

import pytest

from nlp.components import fuse
from nlp.document import Clause, KindTag
from nlp.tagger import Tagger, lift_list_items, make_nlp
from rules.registry import cue_patterns, tag_thresholds

RULE = KindTag("non_compete", 0.9, "rule", ("covenant not to compete",), ("nc.covenant",))
WEAK_RULE = KindTag("non_compete", 0.6, "rule", ("competing practice",), ("nc.competing",))
THRESHOLDS = {"non_compete": 0.6, "liquidated_damages": 0.6}
VETOES = {"non_compete": 0.05}
STRONG_VETOES = {"non_compete": 0.02}


@pytest.mark.parametrize(
    "rule_tags, probabilities, expected",
    [
        pytest.param([RULE], {"non_compete": 0.8}, [("non_compete", "both")], id="rule-and-model"),
        pytest.param([RULE], {"non_compete": 0.3}, [("non_compete", "rule")], id="rule-only"),
        pytest.param([], {"non_compete": 0.7}, [("non_compete", "model")], id="model-only"),
        pytest.param([], {"non_compete": 0.5}, [], id="model-below-threshold"),
        pytest.param([WEAK_RULE], {"non_compete": 0.01}, [], id="model-vetoes-weak-rule"),
        pytest.param([RULE], {"non_compete": 0.03}, [("non_compete", "rule")], id="strong-rule-not-vetoed-by-weak-veto"),
        pytest.param([RULE], {"non_compete": 0.01}, [], id="strong-rule-vetoed-below-strong-veto"),
        pytest.param([RULE], {"liquidated_damages": 0.01}, [("non_compete", "rule")], id="no-probability-no-veto"),
        pytest.param([RULE], {}, [("non_compete", "rule")], id="no-model"),
        pytest.param([RULE], {"non_compete": 0.2, "liquidated_damages": 0.9},
                     [("liquidated_damages", "model"), ("non_compete", "rule")], id="two-kinds"),
    ],
)
def test_components_fuse(rule_tags, probabilities, expected):
    fused = fuse(rule_tags, probabilities, THRESHOLDS, VETOES, STRONG_VETOES)
    assert sorted((t.kind, t.source) for t in fused) == sorted(expected)
    for tag in fused:
        assert tag.evidence, "every decision names its evidence"


class FixedModel:
    """A stand-in classifier: the same probabilities for every text."""

    thresholds = {"liquidated_damages": 0.5}
    vetoes: dict[str, float] = {}
    strong_vetoes: dict[str, float] = {}

    def __init__(self, probabilities):
        self.probabilities = probabilities

    def predict_proba(self, texts):
        return [dict(self.probabilities) for _ in texts]


def test_components_pipeline_is_one_spacy_component():
    assert make_nlp().pipe_names == ["clause_kinds"]


def test_components_model_decision_reaches_the_clause():
    tagger = Tagger(cue_patterns(), tag_thresholds(), FixedModel({"liquidated_damages": 0.9}))
    text = "1. Payment. Physician shall pay the Practice fifty thousand dollars if Physician leaves early."
    clause = Clause("c1", "1", "Payment", 0, None, 0, len(text), 12, 1, 1, text)
    tags = tagger.tag(text, [clause])
    assert [(t.kind, t.source) for t in tags["c1"]] == [("liquidated_damages", "model")]


def _clause(cid, number, parent, start, end, body_start, level, text):
    return Clause(cid, number, None, level, parent, start, end, body_start, 1, 1, text[start:end])


def test_components_lift_gives_the_list_kind_to_its_lead_in():
    text = "7.2 During the term, Physician shall not:\n(a) practise within 20 miles; or\n(b) own a competing clinic."
    a_start, b_start = text.index("(a)"), text.index("(b)")
    clauses = [
        _clause("c1", "7.2", None, 0, len(text), 4, 0, text),
        _clause("c2", "7.2(a)", "c1", a_start, b_start - 1, a_start + 4, 1, text),
        _clause("c3", "7.2(b)", "c1", b_start, len(text), b_start + 4, 1, text),
    ]
    tag = KindTag("non_compete", 0.7, "rule", ("within 20 miles",), ("nc.within_distance",))
    own_ends = {"c1": a_start - 1, "c2": b_start - 1, "c3": len(text)}
    lifted = lift_list_items(text, clauses, {"c1": [], "c2": [tag], "c3": []}, own_ends)
    assert [t.kind for t in lifted["c1"]] == ["non_compete"]
    assert lifted["c2"] == [] and lifted["c3"] == []


def test_components_no_lift_without_a_lead_in():
    text = "7.2 Covenant. Physician shall not compete.\n(a) This applies to cardiology."
    a_start = text.index("(a)")
    clauses = [
        _clause("c1", "7.2", None, 0, len(text), 4, 0, text),
        _clause("c2", "7.2(a)", "c1", a_start, len(text), a_start + 4, 1, text),
    ]
    tag = KindTag("non_compete", 0.7, "rule", ("compete",), ("nc.covenant",))
    lifted = lift_list_items(text, clauses, {"c1": [], "c2": [tag]}, {"c1": a_start - 1, "c2": len(text)})
    assert lifted["c2"] == [tag] and lifted["c1"] == []
