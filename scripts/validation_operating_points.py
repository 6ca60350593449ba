"""What recall the shipped classifier can reach on the physician validation rows, and at what precision.

    .venv/bin/python scripts/validation_operating_points.py       # about a minute

For each headline kind, every setting of the trainer's grids (veto, strong veto, threshold) is fused on the
physician validation rows, and for each recall reached the best precision is printed with its setting. The top
line is the recall ceiling: the clauses it still misses score below the lowest threshold and carry no rule tag,
so no threshold can buy them back. Validation rows only; no held-out or test data is read.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from models.train import (  # noqa: E402
    CUAD_FILE,
    STRONG_VETO_GRID,
    THRESHOLD_GRID,
    VETO_GRID,
    load_rows,
    prf,
    rule_kinds,
    split_rows,
)
from nlp.classifier import load_classifier, read_card  # noqa: E402
from nlp.components import STRONG_RULE  # noqa: E402
from nlp.kinds import CLAUSE_KINDS, HEADLINE_KINDS  # noqa: E402

SHOWN = 5


def main() -> None:
    rows = [r for r in split_rows(load_rows())["validation"] if r.source_file != CUAD_FILE]
    card, classifier = read_card(), load_classifier()
    probabilities = np.array([[p[k] for k in CLAUSE_KINDS] for p in classifier.predict_proba([r.text for r in rows])])
    rules = rule_kinds(rows)
    print(f"physician validation rows: {len(rows)}; shipped model {card['model_sha256'][:12]}")
    for kind in HEADLINE_KINDS:
        i = CLAUSE_KINDS.index(kind)
        truth = np.array([kind in r.kinds for r in rows])
        ruled = np.array([kind in r for r in rules])
        strong = np.array([r.get(kind, 0.0) >= STRONG_RULE for r in rules])
        best: dict[float, tuple[dict, float, float, float]] = {}
        for veto in VETO_GRID:
            for strong_veto in (v for v in STRONG_VETO_GRID if v <= veto):
                kept = ruled & (probabilities[:, i] >= np.where(strong, strong_veto, veto))
                for threshold in THRESHOLD_GRID:
                    predicted = kept | (probabilities[:, i] >= threshold)
                    s = prf(int((predicted & truth).sum()), int((predicted & ~truth).sum()), int((~predicted & truth).sum()))
                    if s["recall"] not in best or s["precision"] > best[s["recall"]][0]["precision"]:
                        best[s["recall"]] = (s, float(threshold), veto, strong_veto)
        print(f"{kind} ({int(truth.sum())} positives; shipped threshold {card['thresholds'][kind]}, veto "
              f"{card['vetoes'][kind]}, strong veto {card['strong_vetoes'][kind]})")
        for recall in sorted(best, reverse=True)[:SHOWN]:
            s, threshold, veto, strong_veto = best[recall]
            print(f"  R {s['recall']:.3f}  P {s['precision']:.3f}  F1 {s['f1']:.3f}   threshold {threshold:.2f} veto {veto} "
                  f"strong veto {strong_veto}")


if __name__ == "__main__":
    main()
