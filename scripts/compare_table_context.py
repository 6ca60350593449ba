"""Physician-validation scores of the classifier fitted on plain rows and on rows whose table rows carry their header.

    .venv/bin/python scripts/compare_table_context.py          # two fits, about 6 minutes; --json for machines

The evidence on which ``models.train.with_table_headers`` (ROW_FORMAT 2) is kept, with the rule fixed before it
was run, the one ``scripts/compare_corpus.py`` applies to a new corpus: on the physician validation rows, with
settings chosen by the trainer's row-level rule (``choose_thresholds``), keep it when the macro F1 of the five
headline kinds rises and no headline kind's F1 falls by more than 0.02. Each model is scored on its own texts
(plain rows; rows with headers); the labels are the same. No held-out or test data is read.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from models.train import (  # noqa: E402
    CUAD_FILE,
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
from scripts.compare_corpus import decide, macro_f1  # noqa: E402


def physician_validation_scores(table_headers: bool) -> tuple[int, dict[str, dict]]:
    split = split_rows(load_rows(table_headers=table_headers))
    validation = split["validation"]
    rules = rule_kinds(validation)
    probabilities = fit_pipeline(split["train"]).predict_proba([prepare(r.text) for r in validation])
    thresholds, vetoes, strong = choose_thresholds(probabilities, rules, validation)
    physician = [i for i, r in enumerate(validation) if r.source_file != CUAD_FILE]
    return len(physician), score(fused(probabilities[physician], [rules[i] for i in physician], thresholds, vetoes, strong),
                                 [validation[i] for i in physician])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    results = {}
    for name, headers in (("plain rows", False), ("table headers", True)):
        count, results[name] = physician_validation_scores(headers)
    verdict = decide(results["plain rows"], results["table headers"])
    if args.json:
        print(json.dumps({"physician_validation_rows": count,
                          "scores": {n: {k: results[n][k] for k in HEADLINE_KINDS} for n in results},
                          "macro_f1": {n: macro_f1(results[n]) for n in results}, **verdict}, indent=2))
        return
    print(f"physician validation rows: {count}; P/R/F1, row-level settings")
    for name in results:
        print(f"{name:14}" + "".join(f"  {k} {results[name][k]['precision']:.3f}/{results[name][k]['recall']:.3f}/"
                                     f"{results[name][k]['f1']:.3f}" for k in HEADLINE_KINDS)
              + f"  macro F1 {macro_f1(results[name]):.4f}")
    print(f"keep table headers: {verdict['keep']} (macro rises: {verdict['macro_rises']}; "
          f"largest drop {verdict['largest_drop']:+.3f})")


if __name__ == "__main__":
    main()
