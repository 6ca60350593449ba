"""Score the shipped tagger on labelled clause rows that training never reads.

    python -m models.score_rows models/data/fresh_heldout/*.jsonl          # table
    python -m models.score_rows models/data/fresh_heldout/*.jsonl --json   # for machines
    python -m models.score_rows models/data/second_fresh_heldout/*.jsonl   # the second set (README there)

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
    return {
        "rows": len(rows),
        "documents": len({r.doc for r in rows}),
        "model_sha256": card["model_sha256"],
        "fused": score(fused(probabilities, rules, thresholds, card["vetoes"], card["strong_vetoes"]), rows),
        "rules_only": score([set(r) for r in rules], rows),
        "model_only": score(model_only, rows),
    }


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
    args = parser.parse_args(argv)
    rows = [row for path in args.files for row in read_rows(path)]
    if not rows:
        sys.exit("no rows")
    result = score_rows(rows)
    print(json.dumps(result, indent=2) if args.json else format_scores(result))


if __name__ == "__main__":
    main()
