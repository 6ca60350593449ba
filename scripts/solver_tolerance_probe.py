"""How far liblinear's solution moves when the features move by a rounding error, at three stopping tolerances.

    .venv/bin/python scripts/solver_tolerance_probe.py     # about 1 minute

Two machines compute the same TF-IDF features up to the last bits (SIMD sums in another order). This fits the
non_compete classifier (the trainer's settings, physician rows once) on the training rows' features and on the same
features with every value multiplied by 1 + u, u uniform in +-1e-7 (seeded), and prints the Newton steps taken and
the largest coefficient difference at each tolerance. At liblinear's default (1e-4) the step count can differ, and
with it the solution by far more than the rounding; the trainer's SOLVER_TOL is chosen from this.
"""

from __future__ import annotations

import time

import numpy as np
import skops.io as sio
from sklearn.linear_model import LogisticRegression

from models import train as training
from nlp.classifier import prepare, read_card
from nlp.kinds import CLAUSE_KINDS

TOLERANCES = (1e-4, 1e-6, 1e-8)


def main() -> None:
    card = read_card()
    pipeline = sio.load(training.MODEL_PATH, trusted=card["trusted_types"])
    rows = training._repeated(training.split_rows(training.load_rows())["train"], 1)
    features = pipeline.named_steps["features"].transform([prepare(r.text) for r in rows]).astype(np.float32)
    labels = training.label_matrix(rows)[:, CLAUSE_KINDS.index("non_compete")]
    perturbed = features.copy()
    noise = np.random.RandomState(0).uniform(-1e-7, 1e-7, perturbed.data.shape)
    perturbed.data = (perturbed.data * (1 + noise)).astype(np.float32)
    print(f"{len(rows)} rows, {features.shape[1]} features; non_compete, C=4, balanced")
    for tol in TOLERANCES:
        fitted = []
        for matrix in (features, perturbed):
            started = time.perf_counter()
            model = LogisticRegression(C=4.0, class_weight="balanced", solver="liblinear", max_iter=2000,
                                       random_state=training.SEED, tol=tol).fit(matrix, labels)
            fitted.append((model, time.perf_counter() - started))
        (a, time_a), (b, time_b) = fitted
        print(f"tol {tol:g}: Newton steps {int(a.n_iter_[0])} / {int(b.n_iter_[0])}, fit {time_a:.1f} s / {time_b:.1f} s, "
              f"largest coefficient difference {np.abs(a.coef_ - b.coef_).max():.2e}, "
              f"intercept {abs(a.intercept_ - b.intercept_)[0]:.2e}")


if __name__ == "__main__":
    main()
