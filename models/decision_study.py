"""Choose the decision settings of the kinds CUAD labels the way issue 3 measures them: clause by clause.

    python -m models.decision_study     # writes models/data/decision_study.json; needs ../shared/data/cuad

``contract-risk train`` chooses each kind's threshold, veto and strong veto on validation *rows*, averaging
the F1 of the physician rows and of the CUAD rows. For the four kinds CUAD labels (non_compete,
non_solicitation, liquidated_damages, termination_without_cause) a CUAD row is a poor stand-in for what the
product is judged on: whole clauses of whole contracts under the hit criterion, where a rule phrase in a title
or a cross-reference ("the non-competition obligations under this Agreement") is tagged too. This study
measures, for every setting on a grid:

- **CUAD, clause level, out of fold**: the CUAD train-split contracts the trainer trains on (never its
  validation contracts, never the test split) in FOLDS folds; for each fold a model fitted exactly as the
  trainer fits, minus that fold's contracts, tags the fold's contracts as the product does; scored with
  the hit criterion of ``models/cuad.py``;
- **physician validation, rows**: the model the trainer ships, on the physician validation rows (the same
  F1 the trainer uses);

and keeps, per kind, the setting with the highest mean of the two F1s (the trainer's own rule: domains
averaged). It writes the chosen settings with both scores and the sha256 of every data file; the trainer
applies them only when those hashes match its data, and stops otherwise. Nothing here reads the CUAD test
split or the physician held-out documents.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from models import cuad
from models.train import (
    CUAD_FILE,
    DATA_DIR,
    DATA_FILES,
    PHYSICIAN_REPEAT,
    PHYSICIAN_SPLIT_FILE,
    ROW_FORMAT,
    SEED,
    SOLVER_TOL,
    STRONG_VETO_GRID,
    VETO_GRID,
    _sha256,
    choose_thresholds,
    fit_pipeline,
    fused,
    load_rows,
    physician_repeats,
    prf,
    rule_kinds,
    score,
    split_rows,
)
from nlp.classifier import prepare
from nlp.components import STRONG_RULE, fuse
from nlp.document import Clause
from nlp.kinds import CLAUSE_KINDS
from nlp.segment import own_text_ends
from nlp.tagger import ClauseDecision, Tagger, lift_list_items

STUDY_FILE = "decision_study.json"
FOLDS = 3
#: CUAD category per kind, as the evaluation scores it (app/evaluate.py CUAD_CATEGORY_FOR_KIND).
STUDIED = {
    "non_compete": ("Non-Compete",),
    "non_solicitation": ("No-Solicit of Employees",),
    "liquidated_damages": ("Liquidated Damages",),
    "termination_without_cause": ("Termination for Convenience",),
}
THRESHOLDS = (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8, 0.9)
#: Strong vetoes above the weak one, tried only with the highest veto: a phrase-level rule tag that the
#: model scores below this is dropped.
HIGH_STRONG_VETOES = (0.3, 0.5)


class _FittedClassifier:
    """A fitted scikit-learn pipeline as the tagger's classifier (the settings are applied later)."""

    thresholds: dict[str, float] = {}
    vetoes: dict[str, float] = {}
    strong_vetoes: dict[str, float] = {}

    def __init__(self, pipeline) -> None:
        self.pipeline = pipeline

    def predict_proba(self, texts: list[str]) -> list[dict[str, float]]:
        matrix = self.pipeline.predict_proba([prepare(t) for t in texts])
        return [dict(zip(CLAUSE_KINDS, map(float, row), strict=True)) for row in matrix]


@dataclass
class TaggedContract:
    doc_id: int
    text: str
    clauses: list[Clause]
    own_ends: dict[str, int]
    decisions: dict[str, ClauseDecision]
    hit_sets: dict[str, tuple[set[str], list[set[str]]]]  # kind -> (clauses hitting any span, hitters per span)


def _hit_sets(doc_id: int, clauses: list[Clause]) -> dict[str, tuple[set[str], list[set[str]]]]:
    spans = cuad.spans(doc_id)
    words = {c.id: Counter(cuad.words(c.text)) for c in clauses}
    out = {}
    for kind, categories in STUDIED.items():
        per_span = [{cid for cid, w in words.items() if cuad.hits(w, s.words)} for s in spans if s.category in categories]
        out[kind] = (set().union(*per_span) if per_span else set(), per_span)
    return out


def tag_out_of_fold(train_rows, say, kind_repeat: dict[str, int] | None = None,
                    base_repeat: int = PHYSICIAN_REPEAT) -> list[TaggedContract]:
    from rules.registry import cue_patterns, tag_thresholds

    doc_ids = sorted({int(r.doc.removeprefix("cuad-")) for r in train_rows if r.source_file == CUAD_FILE})
    order = np.random.RandomState(SEED).permutation(doc_ids)
    paths = dict(cuad.documents("train"))
    contracts: list[TaggedContract] = []
    for fold in range(FOLDS):
        held = {int(x) for x in order[fold::FOLDS]}
        rows = [r for r in train_rows if not (r.source_file == CUAD_FILE and int(r.doc.removeprefix("cuad-")) in held)]
        tagger = Tagger(cue_patterns(), tag_thresholds(), _FittedClassifier(fit_pipeline(rows, kind_repeat, base_repeat)))
        contracts.extend(tag_contract(tagger, doc_id, paths[doc_id]) for doc_id in sorted(held))
        say(f"fold {fold + 1}/{FOLDS}: {len(held)} contracts tagged")
    return contracts


def tag_contract(tagger, doc_id: int, path: Path) -> TaggedContract:
    """One CUAD contract extracted, segmented and tagged as the product does, with the clauses that hit each span."""
    from nlp.extract import extract_document
    from nlp.segment import segment

    document = extract_document(path)
    clauses = segment(document)
    own_ends = own_text_ends(clauses)
    return TaggedContract(doc_id, document.text, clauses, dict(own_ends),
                          tagger.decisions(document.text, clauses, own_ends), _hit_sets(doc_id, clauses))


def cuad_counts(contracts: list[TaggedContract], kind: str, thresholds, vetoes, strong_vetoes) -> dict[str, int]:
    """Clause-level counts for ``kind`` when the recorded decisions are fused under these settings."""
    counts = Counter()
    for c in contracts:
        fused = {cid: fuse(d.rule_tags, d.model_probabilities, thresholds, vetoes, strong_vetoes)
                 if d.model_probabilities is not None else list(d.tags) for cid, d in c.decisions.items()}
        final = lift_list_items(c.text, c.clauses, fused, c.own_ends)
        hitting, per_span = c.hit_sets[kind]
        tagged = {cid for cid, tags in final.items() if any(t.kind == kind for t in tags)}
        counts["tp"] += len(tagged & hitting)
        counts["fp"] += len(tagged - hitting)
        for hitters in per_span:
            counts["hit" if hitters & tagged else "miss"] += 1
    return counts


def clause_prf(counts) -> dict[str, float | int]:
    tagged, spans = counts["tp"] + counts["fp"], counts["hit"] + counts["miss"]
    precision = counts["tp"] / tagged if tagged else 0.0
    recall = counts["hit"] / spans if spans else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3),
            "tagged_clauses": tagged, "spans": spans}


def study(data_dir: Path = DATA_DIR, quiet: bool = False, kind_repeat: dict[str, int] | None = None,
          base_repeat: int = PHYSICIAN_REPEAT) -> dict:
    say = (lambda *a: None) if quiet else (lambda *a: print(*a, file=sys.stderr, flush=True))
    started = time.perf_counter()
    rows = load_rows(data_dir)
    split = split_rows(rows)
    validation = split["validation"]
    shipped = fit_pipeline(split["train"], kind_repeat, base_repeat)
    val_probabilities = shipped.predict_proba([prepare(r.text) for r in validation])
    val_rules = rule_kinds(validation)
    row_thresholds, row_vetoes, row_strong = choose_thresholds(val_probabilities, val_rules, validation)
    say(f"shipped model fitted, row-level settings chosen ({time.perf_counter() - started:.0f} s)")
    contracts = tag_out_of_fold(split["train"], say, kind_repeat, base_repeat)

    physician = np.array([r.source_file != CUAD_FILE for r in validation])
    result: dict = {
        "command": "python -m models.decision_study",
        "folds": FOLDS, "seed": SEED, "physician_repeat": physician_repeats(kind_repeat, base_repeat),
        "cuad_contracts": len(contracts),
        "data": {name: _sha256(data_dir / name) for name in (*DATA_FILES, PHYSICIAN_SPLIT_FILE)},
        "row_format": ROW_FORMAT,
        "solver_tol": SOLVER_TOL,
        "kinds": {},
    }
    for kind in STUDIED:
        i = CLAUSE_KINDS.index(kind)
        truth = np.array([kind in r.kinds for r in validation])[physician]
        probability = val_probabilities[physician, i]
        ruled = np.array([kind in r for r in val_rules])[physician]
        strong = np.array([r.get(kind, 0.0) >= STRONG_RULE for r in val_rules])[physician]
        candidates = []
        for veto in VETO_GRID:
            strong_grid = [v for v in STRONG_VETO_GRID if v <= veto] + (list(HIGH_STRONG_VETOES) if veto == max(VETO_GRID) else [])
            for strong_veto in strong_grid:
                for threshold in THRESHOLDS:
                    kept = ruled & (probability >= np.where(strong, strong_veto, veto))
                    predicted = kept | (probability >= threshold)
                    physician_f1 = prf(int(np.sum(predicted & truth)), int(np.sum(predicted & ~truth)),
                                       int(np.sum(~predicted & truth)))
                    settings = ({**row_thresholds, kind: threshold}, {**row_vetoes, kind: veto},
                                {**row_strong, kind: strong_veto})
                    clause = clause_prf(cuad_counts(contracts, kind, *settings))
                    candidates.append({
                        "threshold": threshold, "veto": veto, "strong_veto": strong_veto,
                        "mean_f1": round((physician_f1["f1"] + clause["f1"]) / 2, 4),
                        "physician_validation": {k: physician_f1[k] for k in ("precision", "recall", "f1")},
                        "cuad_out_of_fold": clause,
                    })
        row_choice = next(c for c in candidates if (c["threshold"], c["veto"], c["strong_veto"])
                          == (row_thresholds[kind], row_vetoes[kind], row_strong[kind])) \
            if row_thresholds[kind] in THRESHOLDS else None
        # ties: the higher threshold, then the lower strong veto (trust the phrase), then the higher veto
        best = max(candidates, key=lambda c: (c["mean_f1"], c["threshold"], -c["strong_veto"], c["veto"]))
        result["kinds"][kind] = {"chosen": best, "row_level_choice": row_choice}
        say(f"{kind}: threshold {best['threshold']} veto {best['veto']} strong veto {best['strong_veto']}: "
            f"physician F1 {best['physician_validation']['f1']}, CUAD clause F1 {best['cuad_out_of_fold']['f1']}"
            + (f" (row-level choice: {row_choice['physician_validation']['f1']}, {row_choice['cuad_out_of_fold']['f1']})"
               if row_choice else ""))
    # every kind on the physician validation rows, at the settings the trainer would ship with this study
    thresholds, vetoes, strong_vetoes = dict(row_thresholds), dict(row_vetoes), dict(row_strong)
    for kind, entry in result["kinds"].items():
        chosen = entry["chosen"]
        thresholds[kind], vetoes[kind], strong_vetoes[kind] = chosen["threshold"], chosen["veto"], chosen["strong_veto"]
    physician_rows = [r for r, keep in zip(validation, physician, strict=True) if keep]
    predicted = fused(val_probabilities[physician], [r for r, keep in zip(val_rules, physician, strict=True) if keep],
                      thresholds, vetoes, strong_vetoes)
    result["physician_validation_fused"] = {
        kind: {k: v for k, v in s.items() if k in ("precision", "recall", "f1", "support")}
        for kind, s in score(predicted, physician_rows).items()
    }
    say(f"done in {time.perf_counter() - started:.0f} s")
    return result


def read_study(data_dir: Path = DATA_DIR) -> dict | None:
    path = data_dir / STUDY_FILE
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=DATA_DIR / STUDY_FILE)
    parser.add_argument("--physician-repeat", type=int, default=None,
                        help="fit the studied kinds' classifiers with physician rows repeated N times (to compare domain "
                             "weights; default: the trainer's KIND_PHYSICIAN_REPEAT)")
    parser.add_argument("--everywhere", action="store_true",
                        help="with --physician-repeat: repeat N times for the vectorizer and every kind")
    args = parser.parse_args(argv)
    if not cuad.available():
        sys.exit(f"CUAD not found at {cuad.CUAD_DIR}")
    if args.physician_repeat is None:
        result = study()
    elif args.everywhere:
        result = study(kind_repeat={}, base_repeat=args.physician_repeat)
    else:
        result = study(kind_repeat=dict.fromkeys(STUDIED, args.physician_repeat))
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
