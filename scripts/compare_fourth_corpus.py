"""Physician-validation scores of the classifier fitted with and without the fourth corpus.

    .venv/bin/python scripts/compare_fourth_corpus.py      # two fits, about 5 minutes

The evidence on which the fourth corpus (writers ya-yd, models/data/README_fourth.md) is kept or dropped, decided
before it was written: keep it when, on the physician validation rows both models can be scored on (first corpus
and third corpus validation documents; the fourth corpus's own validation documents left out), with settings
chosen by the trainer's row-level rule (``choose_thresholds``), the macro F1 of the five headline kinds rises and
no headline kind's F1 falls by more than 0.02. No held-out or test data is read.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from models.train import (  # noqa: E402
    CUAD_FILE,
    PHYSICIAN_FOURTH_FILE,
    choose_thresholds,
    fit_pipeline,
    fused,
    load_rows,
    rule_kinds,
    score,
    split_rows,
)
from nlp.classifier import prepare  # noqa: E402
from nlp.kinds import HEADLINE_KINDS  # noqa: E402


def main() -> None:
    split = split_rows(load_rows())
    validation = [r for r in split["validation"] if r.source_file != PHYSICIAN_FOURTH_FILE]
    rules = rule_kinds(validation)
    physician = [i for i, r in enumerate(validation) if r.source_file != CUAD_FILE]
    variants = {
        "without fourth": [r for r in split["train"] if r.source_file != PHYSICIAN_FOURTH_FILE],
        "with fourth": split["train"],
    }
    print(f"physician validation rows: {len(physician)}; P/R/F1 per kind, row-level settings")
    results = {}
    for name, rows in variants.items():
        probabilities = fit_pipeline(rows).predict_proba([prepare(r.text) for r in validation])
        thresholds, vetoes, strong = choose_thresholds(probabilities, rules, validation)
        results[name] = score(fused(probabilities[physician], [rules[i] for i in physician], thresholds, vetoes, strong),
                              [validation[i] for i in physician])
        macro = sum(results[name][k]["f1"] for k in HEADLINE_KINDS) / len(HEADLINE_KINDS)
        print(f"{name:16}" + "".join(f"  {k} {results[name][k]['precision']:.3f}/{results[name][k]['recall']:.3f}/"
                                     f"{results[name][k]['f1']:.3f}" for k in HEADLINE_KINDS) + f"  macro F1 {macro:.4f}")
    before, after = results["without fourth"], results["with fourth"]
    rises = sum(after[k]["f1"] for k in HEADLINE_KINDS) > sum(before[k]["f1"] for k in HEADLINE_KINDS)
    worst = min(after[k]["f1"] - before[k]["f1"] for k in HEADLINE_KINDS)
    print(f"keep the fourth corpus: {rises and worst >= -0.02} (macro rises: {rises}; largest drop {worst:+.3f})")


if __name__ == "__main__":
    main()
