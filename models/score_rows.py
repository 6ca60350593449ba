"""Score the shipped tagger on labelled clause rows that training never reads.

    python -m models.score_rows models/data/fresh_heldout/*.jsonl          # table
    python -m models.score_rows models/data/fresh_heldout/*.jsonl --json   # for machines
    python -m models.score_rows models/data/second_fresh_heldout/*.jsonl   # the second set (README there)
    python -m models.score_rows FILES --bootstrap 10000                     # + 95% intervals, documents redrawn

Each row (the corpora's JSONL schema: ``id``, ``doc``, ``text``, ``kinds``) is analysed as the trainer scores
its held-out split: the rule tagger on the row as a small document, the shipped classifier's probabilities,
fused under the card's thresholds, vetoes and strong vetoes (``models.train.fused``); a table row is read with
its table's header row, as the trainer reads its authored corpora (``models.train.with_table_headers``). Prints per kind
precision, recall and F1 for rules and model fused, and for each half alone.

It refuses a file that training reads (``models.train.DATA_FILES``): scores on training rows say nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

from models.train import DATA_DIR, DATA_FILES, Row, fused, rule_kinds, score, with_table_headers
from nlp.classifier import load_classifier, read_card
from nlp.kinds import CLAUSE_KINDS, HEADLINE_KINDS


def read_rows(path: Path) -> list[Row]:
    if path.resolve().parent == DATA_DIR.resolve() and path.name in DATA_FILES:
        raise SystemExit(f"{path} is training data: scoring it would say nothing")
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            raw = json.loads(line)
            unknown = set(raw["kinds"]) - set(CLAUSE_KINDS)
            if unknown:
                raise SystemExit(f"{path}:{number}: unknown kinds {sorted(unknown)}")
            rows.append(Row(raw["id"], raw["doc"], raw["text"], frozenset(raw["kinds"]), path.name))
    return with_table_headers(rows)  # as the trainer reads its authored corpora


def score_rows(rows: list[Row]) -> dict:
    """Per kind P/R/F1 of rules + model fused (as shipped), rules alone and model alone."""
    card = read_card()
    classifier = load_classifier()
    if classifier is None:
        raise SystemExit("no shipped classifier found (models/clause_classifier.npz)")
    probabilities = np.array([[p[k] for k in CLAUSE_KINDS] for p in classifier.predict_proba([r.text for r in rows])])
    rules = rule_kinds(rows)
    thresholds = card["thresholds"]
    model_only = [{k for i, k in enumerate(CLAUSE_KINDS) if probabilities[n, i] >= thresholds[k]} for n in range(len(rows))]
    predicted = fused(probabilities, rules, thresholds, card["vetoes"], card["strong_vetoes"])
    return {
        "rows": len(rows),
        "documents": len({r.doc for r in rows}),
        "model_sha256": card["model_sha256"],
        "predicted": [sorted(p) for p in predicted],
        "fused": score(predicted, rows),
        "rules_only": score([set(r) for r in rules], rows),
        "model_only": score(model_only, rows),
    }


#: What the issue asks of the five headline kinds on held-out physician clauses.
RECALL_BAR, PRECISION_BAR = 0.90, 0.85


def bootstrap(rows: list[Row], predicted: list[list[str]], resamples: int, seed: int = 20261127) -> dict:
    """Per kind, the 95% percentile intervals of fused precision and recall when the documents are redrawn with
    replacement, and the share of redraws meeting each bar. Documents, not rows, are the unit: a writer's
    clauses in one document share wording, so rows are not independent."""
    docs = sorted({r.doc for r in rows})
    index = {d: n for n, d in enumerate(docs)}
    counts = np.zeros((len(docs), len(CLAUSE_KINDS), 3))  # tp, fp, fn per document and kind
    for row, kinds in zip(rows, predicted, strict=True):
        for j, kind in enumerate(CLAUSE_KINDS):
            said, true = kind in kinds, kind in row.kinds
            if said or true:
                counts[index[row.doc], j, 0 if said and true else 1 if said else 2] += 1
    draws = np.random.RandomState(seed).randint(0, len(docs), size=(resamples, len(docs)))
    total = counts[draws].sum(axis=1)  # [resample, kind, 3]
    tp, fp, fn = total[..., 0], total[..., 1], total[..., 2]
    with np.errstate(divide="ignore", invalid="ignore"):
        precision = np.where(tp + fp > 0, tp / (tp + fp), 0.0)
        recall = np.where(tp + fn > 0, tp / (tp + fn), 0.0)
    out = {}
    for j, kind in enumerate(CLAUSE_KINDS):
        out[kind] = {
            "precision_95": [round(float(x), 3) for x in np.percentile(precision[:, j], [2.5, 97.5])],
            "recall_95": [round(float(x), 3) for x in np.percentile(recall[:, j], [2.5, 97.5])],
            "share_meeting_precision_bar": round(float(np.mean(precision[:, j] >= PRECISION_BAR)), 3),
            "share_meeting_recall_bar": round(float(np.mean(recall[:, j] >= RECALL_BAR)), 3),
            "share_meeting_both": round(float(np.mean((precision[:, j] >= PRECISION_BAR) & (recall[:, j] >= RECALL_BAR))), 3),
        }
    return {"resamples": resamples, "documents": len(docs), "seed": seed, "kinds": out}


def format_bootstrap(result: dict) -> str:
    lines = [f"{result['resamples']} redraws of the {result['documents']} documents (fused, as shipped)",
             f"{'kind':28s} {'P 95% interval':>15s} {'R 95% interval':>15s} {'P>=.85':>7s} {'R>=.90':>7s} {'both':>6s}"]
    for kind in HEADLINE_KINDS:
        k = result["kinds"][kind]
        lines.append(f"{kind:28s} {k['precision_95'][0]:7.3f}-{k['precision_95'][1]:.3f} "
                     f"{k['recall_95'][0]:7.3f}-{k['recall_95'][1]:.3f} {k['share_meeting_precision_bar']:7.3f} "
                     f"{k['share_meeting_recall_bar']:7.3f} {k['share_meeting_both']:6.3f}")
    return "\n".join(lines)


def format_scores(result: dict) -> str:
    lines = [f"{result['rows']} rows in {result['documents']} documents (rules + model fused, as shipped)",
             f"{'kind':28s} {'P':>6s} {'R':>6s} {'F1':>6s} {'n':>4s}   {'rules P':>7s} {'rules R':>7s} "
             f"{'model P':>7s} {'model R':>7s}"]
    for kind in CLAUSE_KINDS:
        f, r, m = result["fused"][kind], result["rules_only"][kind], result["model_only"][kind]
        mark = " *" if kind in HEADLINE_KINDS else ""
        lines.append(f"{kind:28s} {f['precision']:6.3f} {f['recall']:6.3f} {f['f1']:6.3f} {f['support']:4d}   "
                     f"{r['precision']:7.3f} {r['recall']:7.3f} {m['precision']:7.3f} {m['recall']:7.3f}{mark}")
    lines.append("* headline kind (issue 3: recall >= 0.90 and precision >= 0.85)")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument("--bootstrap", type=int, default=0, metavar="N",
                        help="also N redraws of the documents: 95%% intervals of P and R, share meeting the bars")
    args = parser.parse_args(argv)
    rows = [row for path in args.files for row in read_rows(path)]
    if not rows:
        sys.exit("no rows")
    result = score_rows(rows)
    if args.bootstrap:
        result["bootstrap"] = bootstrap(rows, result["predicted"], args.bootstrap)
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(format_scores(result))
    if args.bootstrap:
        print()
        print(format_bootstrap(result["bootstrap"]))


if __name__ == "__main__":
    main()
