"""Physician-validation scores of the classifier fitted with and without round 2 of the third corpus.

    .venv/bin/python scripts/compare_third_round2.py      # two fits, about 5 minutes

The evidence on which round 2 (writers we-wh, models/data/README_third.md) was kept: both models are fitted
as ``contract-risk train`` fits, settings chosen on the validation rows by the trainer's row-level rule
(``choose_thresholds``), and scored on the physician validation rows (first corpus and third corpus validation
documents). No held-out or test data is read.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from models.train import CUAD_FILE, choose_thresholds, fit_pipeline, fused, load_rows, rule_kinds, score, split_rows  # noqa: E402
from nlp.classifier import prepare  # noqa: E402
from nlp.kinds import HEADLINE_KINDS  # noqa: E402

ROUND_2 = ("we", "wf", "wg", "wh")


def main() -> None:
    split = split_rows(load_rows())
    validation = split["validation"]
    rules = rule_kinds(validation)
    physician = [i for i, r in enumerate(validation) if r.source_file != CUAD_FILE]
    variants = {
        "without round 2": [r for r in split["train"] if not r.doc.startswith(ROUND_2)],
        "with round 2": split["train"],
    }
    print(f"physician validation rows: {len(physician)}; P/R per kind, row-level settings")
    print(f"{'':18}" + "".join(f"{k:>20}" for k in HEADLINE_KINDS))
    for name, rows in variants.items():
        probabilities = fit_pipeline(rows).predict_proba([prepare(r.text) for r in validation])
        thresholds, vetoes, strong = choose_thresholds(probabilities, rules, validation)
        scores = score(fused(probabilities[physician], [rules[i] for i in physician], thresholds, vetoes, strong),
                       [validation[i] for i in physician])
        print(f"{name:18}" + "".join(f"{scores[k]['precision']:>13.2f} / {scores[k]['recall']:.2f}" for k in HEADLINE_KINDS))


if __name__ == "__main__":
    main()
