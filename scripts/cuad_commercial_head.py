"""How far a non-compete classifier of CUAD's own notion would go on CUAD, out of fold (an experiment, not shipped).

    .venv/bin/python scripts/cuad_commercial_head.py        # three fits and 347 contracts, about 15 minutes

CUAD's "Non-Compete" covers more than the labelling guide's covenant (advertising exclusivity, reseller
territories, technology-acquisition bars). This measures what a classifier that learns only CUAD's notion would
give: on the decision study's out-of-fold CUAD train-split contracts (never the validation contracts, never the
test split), each fold's model is fitted as the trainer fits, and beside its non_compete classifier a second one
is fitted on the same features from the fold's CUAD rows only. Each is fused with the rules on the same clauses
under every setting of the study's grid. Printed: the shipped settings' F1 and the best five settings per
classifier. The best settings are chosen on the contracts they are scored on, so those figures are optimistic.
"""

from __future__ import annotations

import sys
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from models import cuad  # noqa: E402
from models.decision_study import (  # noqa: E402
    FOLDS,
    HIGH_STRONG_VETOES,
    THRESHOLDS,
    TaggedContract,
    clause_prf,
    cuad_counts,
    tag_contract,
)
from models.train import (  # noqa: E402
    CUAD_FILE,
    SEED,
    STRONG_VETO_GRID,
    VETO_GRID,
    fit_pipeline,
    label_matrix,
    load_rows,
    split_rows,
)
from nlp.classifier import prepare, read_card  # noqa: E402
from nlp.kinds import CLAUSE_KINDS  # noqa: E402

KIND = "non_compete"
COMMERCIAL = "non_compete (CUAD rows only)"


class _TwoHeads:
    """The fold's pipeline, plus the CUAD-only classifier's probability under COMMERCIAL."""

    thresholds: dict[str, float] = {}
    vetoes: dict[str, float] = {}
    strong_vetoes: dict[str, float] = {}

    def __init__(self, pipeline, commercial) -> None:
        self.pipeline, self.commercial = pipeline, commercial

    def predict_proba(self, texts: list[str]) -> list[dict[str, float]]:
        prepared = [prepare(t) for t in texts]
        shipped = self.pipeline.predict_proba(prepared)
        commercial = self.commercial.predict_proba(self.pipeline.named_steps["features"].transform(prepared))[:, 1]
        return [dict(zip(CLAUSE_KINDS, map(float, row), strict=True)) | {COMMERCIAL: float(p)}
                for row, p in zip(shipped, commercial, strict=True)]


def tag_contracts() -> list[TaggedContract]:
    from sklearn.base import clone

    from nlp.tagger import Tagger
    from rules.registry import cue_patterns, tag_thresholds

    train = split_rows(load_rows())["train"]
    doc_ids = sorted({int(r.doc.removeprefix("cuad-")) for r in train if r.source_file == CUAD_FILE})
    order = np.random.RandomState(SEED).permutation(doc_ids)  # the decision study's folds
    paths = dict(cuad.documents("train"))
    contracts: list[TaggedContract] = []
    started = time.perf_counter()
    for fold in range(FOLDS):
        held = {int(x) for x in order[fold::FOLDS]}
        rows = [r for r in train if not (r.source_file == CUAD_FILE and int(r.doc.removeprefix("cuad-")) in held)]
        pipeline = fit_pipeline(rows)
        commercial_rows = [r for r in rows if r.source_file == CUAD_FILE]
        features = pipeline.named_steps["features"].transform([prepare(r.text) for r in commercial_rows])
        commercial = clone(pipeline.named_steps["model"].estimator).fit(
            features, label_matrix(commercial_rows)[:, CLAUSE_KINDS.index(KIND)])
        tagger = Tagger(cue_patterns(), tag_thresholds(), _TwoHeads(pipeline, commercial))
        contracts.extend(tag_contract(tagger, doc_id, paths[doc_id]) for doc_id in sorted(held))
        print(f"fold {fold + 1}/{FOLDS}: {len(held)} contracts ({time.perf_counter() - started:.0f} s)", file=sys.stderr)
    return contracts


def with_probability(contracts: list[TaggedContract], head: str) -> list[TaggedContract]:
    """The contracts with ``head``'s probability as the non_compete probability (other kinds as fitted)."""
    out = []
    for contract in contracts:
        decisions = {}
        for cid, decision in contract.decisions.items():
            if decision.model_probabilities is not None:
                probabilities = {k: v for k, v in decision.model_probabilities.items() if k in CLAUSE_KINDS}
                probabilities[KIND] = decision.model_probabilities[head]
                decision = replace(decision, model_probabilities=probabilities)
            decisions[cid] = decision
        out.append(replace(contract, decisions=decisions))
    return out


def main() -> None:
    if not cuad.available():
        sys.exit(f"CUAD not found at {cuad.CUAD_DIR}")
    card = read_card()
    thresholds, vetoes, strong_vetoes = dict(card["thresholds"]), dict(card["vetoes"]), dict(card["strong_vetoes"])
    contracts = tag_contracts()
    for head in (KIND, COMMERCIAL):
        tagged = with_probability(contracts, head)
        results = []
        for veto in VETO_GRID:
            for strong in [v for v in STRONG_VETO_GRID if v <= veto] + (list(HIGH_STRONG_VETOES) if veto == max(VETO_GRID) else []):
                for threshold in THRESHOLDS:
                    counts = cuad_counts(tagged, KIND, {**thresholds, KIND: threshold}, {**vetoes, KIND: veto},
                                         {**strong_vetoes, KIND: strong})
                    results.append(((threshold, veto, strong), clause_prf(counts)))
        shipped = dict(results)[(thresholds[KIND], vetoes[KIND], strong_vetoes[KIND])]
        print(f"{head}: shipped settings (threshold, veto, strong veto) = "
              f"{(thresholds[KIND], vetoes[KIND], strong_vetoes[KIND])}: {shipped}")
        for setting, scores in sorted(results, key=lambda r: -r[1]["f1"])[:5]:
            print(f"  {setting}: {scores}")


if __name__ == "__main__":
    main()
