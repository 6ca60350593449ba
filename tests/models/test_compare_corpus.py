"""The keep rule of scripts/compare_corpus.py (a new authored corpus stays only if physician validation gains)."""

from __future__ import annotations

import pytest

from nlp.kinds import HEADLINE_KINDS
from scripts.compare_corpus import MAX_KIND_DROP, decide, macro_f1


def table(**f1s: float) -> dict[str, dict]:
    """Score table with F1 0.90 for every headline kind but the ones given."""
    return {k: {"f1": f1s.get(k, 0.90)} for k in HEADLINE_KINDS}


@pytest.mark.parametrize(("before", "after", "keep", "rises", "drop"), [
    (table(), table(non_compete=0.95), True, True, 0.0),                                  # one kind up, none down
    (table(), table(), False, False, 0.0),                                                # no change: not kept
    (table(), table(non_compete=0.99, call_compensation=0.885), True, True, -0.015),      # small fall allowed
    (table(), table(non_compete=0.99, call_compensation=0.87), False, True, -0.03),       # fall too large
    (table(), table(ancillary_income=0.80, rvu_compensation=0.95), False, False, -0.10),  # macro falls
])
def test_decide(before, after, keep, rises, drop):
    verdict = decide(before, after)
    assert verdict == {"keep": keep, "macro_rises": rises, "largest_drop": pytest.approx(drop, abs=1e-9)}


def test_the_allowed_fall_is_the_fourth_corpus_rule():
    assert MAX_KIND_DROP == 0.02


def test_macro_f1_averages_the_headline_kinds():
    assert macro_f1(table(non_compete=0.40)) == pytest.approx((0.40 + 4 * 0.90) / 5)
