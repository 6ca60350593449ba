"""Which CUAD Non-Compete spans the shipped tagger finds, by the period their wording names.

    .venv/bin/python scripts/cuad_noncompete_misses.py            # summary for the validation contracts
    .venv/bin/python scripts/cuad_noncompete_misses.py --show     # and each missed span with its best clause

Reads only the train-split contracts the trainer holds out for validation (never the test split). For each
labelled span: whether any clause of ours can hit it (the issue's criterion), whether a clause tagged
non_compete does, and, for a miss, the best-scoring hitting clause with its model probability and rule
confidence. Periods are classified by wording as in scripts/cuad_noncompete_periods.py.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from models import cuad  # noqa: E402
from models.train import cuad_validation_doc_ids  # noqa: E402
from nlp.classifier import load_classifier  # noqa: E402
from nlp.extract import extract_document  # noqa: E402
from nlp.segment import own_text_ends, segment  # noqa: E402
from nlp.tagger import Tagger  # noqa: E402
from rules.registry import cue_patterns, tag_thresholds  # noqa: E402
from scripts.cuad_noncompete_periods import AFTER, DURING  # noqa: E402

KIND = "non_compete"


def period(text: str) -> str:
    lowered = text.lower()
    return "after the end" if AFTER.search(lowered) else "term only" if DURING.search(lowered) else "no period"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show", action="store_true", help="print each missed span and its best clause")
    args = parser.parse_args()
    if not cuad.available():
        sys.exit(f"CUAD not found at {cuad.CUAD_DIR}")
    tagger = Tagger(cue_patterns(), tag_thresholds(), load_classifier())
    keep = cuad_validation_doc_ids()
    outcome: Counter[tuple[str, str]] = Counter()
    for doc_id, pdf in cuad.documents("train"):
        spans = [s for s in cuad.spans(doc_id) if s.category == "Non-Compete"] if doc_id in keep else []
        if not spans:
            continue
        document = extract_document(pdf)
        clauses = segment(document)
        decisions = tagger.decisions(document.text, clauses, own_text_ends(clauses))
        tags = tagger.tag(document.text, clauses)
        for span in spans:
            hitters = [c for c in clauses if cuad.hits(Counter(cuad.words(c.text)), span.words)]
            found = any(any(t.kind == KIND for t in tags[c.id]) for c in hitters)
            result = "no clause can hit" if not hitters else "found" if found else "missed"
            outcome[(period(span.text), result)] += 1
            if args.show and result == "missed":
                best = max(hitters, key=lambda c: (decisions[c.id].model_probabilities or {}).get(KIND, 0.0))
                probability = (decisions[best.id].model_probabilities or {}).get(KIND, 0.0)
                rule = max((t.confidence for t in decisions[best.id].rule_tags if t.kind == KIND), default=None)
                print(f"doc {doc_id} [{period(span.text)}] model {probability:.2f} rule {rule}")
                print("  span:  ", " ".join(span.text.split())[:240])
                print("  clause:", " ".join(best.text.split())[:240])
    print(f"CUAD validation contracts, Non-Compete spans by period (tagger: shipped model, {KIND}):")
    for name in ("after the end", "term only", "no period"):
        row = {r: outcome[(name, r)] for r in ("found", "missed", "no clause can hit")}
        print(f"  {name:14s} found {row['found']:3d}  missed {row['missed']:3d}  no clause can hit {row['no clause can hit']:3d}")


if __name__ == "__main__":
    main()
