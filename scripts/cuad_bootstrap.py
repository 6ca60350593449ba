"""How sure is a CUAD clause-level F1? Contracts resampled with replacement (a percentile bootstrap).

    .venv/bin/python scripts/cuad_bootstrap.py                  # the test split, 10,000 resamples (about 1 minute)
    .venv/bin/python scripts/cuad_bootstrap.py --split validation

Runs ``evaluate_cuad`` once with per-contract counts (the point figures are ``contract-risk eval-cuad``'s), then
redraws the split's contracts with replacement (seeded) and recomputes each kind's F1 for the shipped tagger and
for the keyword baseline. Prints the 95% interval, the share of resamples at or above issue 3's 0.60, and the share
in which the tagger beats the baseline. It chooses nothing: it reads how far a split of this size can say a bar is
met or missed.
"""

from __future__ import annotations

import argparse

import numpy as np

BAR = 0.60
SYSTEMS = ("contract-risk", "keyword baseline")
COUNTS = ("tp_clause", "fp", "span_hit", "span_miss")


def f1(matrix: np.ndarray) -> np.ndarray:
    """F1 per row of summed counts (columns COUNTS): clause precision, span recall."""
    tp, fp, hit, miss = (matrix[..., i] for i in range(4))
    with np.errstate(divide="ignore", invalid="ignore"):
        precision = np.where(tp + fp > 0, tp / (tp + fp), 0.0)
        recall = np.where(hit + miss > 0, hit / (hit + miss), 0.0)
        return np.where(precision + recall > 0, 2 * precision * recall / (precision + recall), 0.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", default="test", choices=("test", "validation"))
    parser.add_argument("--resamples", type=int, default=10_000)
    args = parser.parse_args()

    from app.analyze import Analyzer
    from app.evaluate import CUAD_CATEGORY_FOR_KIND, evaluate_cuad

    result = evaluate_cuad(Analyzer.load(), args.split, per_contract=True)
    docs = sorted(result["per_contract"])
    kinds = list(CUAD_CATEGORY_FOR_KIND)
    # counts[doc, system, kind, count]
    counts = np.array([[[[result["per_contract"][d].get(f"{s}|{k}|{c}", 0) for c in COUNTS] for k in kinds]
                        for s in SYSTEMS] for d in docs], dtype=float)
    draws = np.random.RandomState(20261127).randint(0, len(docs), size=(args.resamples, len(docs)))
    resampled = f1(counts[draws].sum(axis=1))  # [resample, system, kind]
    point = f1(counts.sum(axis=0))
    print(f"CUAD {args.split} split: {len(docs)} contracts, {args.resamples} resamples by contract")
    print(f"{'kind':28s} {'F1':>6s} {'95% interval':>15s} {'>= 0.60':>8s}   {'baseline':>8s} {'tagger > baseline':>17s}")
    for j, kind in enumerate(kinds):
        ours, baseline = resampled[:, 0, j], resampled[:, 1, j]
        low, high = np.percentile(ours, [2.5, 97.5])
        print(f"{kind:28s} {point[0, j]:6.3f} {low:7.3f}-{high:.3f} {np.mean(ours >= BAR):8.3f}   "
              f"{point[1, j]:8.3f} {np.mean(ours > baseline):17.3f}")


if __name__ == "__main__":
    main()
