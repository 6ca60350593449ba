"""Physician-validation scores of the classifier fitted with and without one training corpus.

    .venv/bin/python scripts/compare_corpus.py --corpus physician_clauses_fourth.jsonl    # two fits, about 6 minutes

The evidence on which a new authored corpus is kept or dropped, decided before it is written (first used for the
fourth corpus, whose own script this replaces: ``--corpus physician_clauses_fourth.jsonl`` runs the same
comparison with today's trainer, whose vocabulary tie-break has changed since, so its last digits can differ from
the recorded ones): keep it when, on the physician validation rows both models can
be scored on (the corpus's own validation documents left out), with settings chosen by the trainer's row-level
rule (``choose_thresholds``), the macro F1 of the five headline kinds rises and no headline kind's F1 falls by more
than 0.02. No held-out or test data is read. ``--json`` prints the scores for machines.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from models.train import (  # noqa: E402
    CUAD_FILE,
    DATA_FILES,
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

#: Largest fall of one headline kind's F1 the rule allows.
MAX_KIND_DROP = 0.02


def decide(before: dict[str, dict], after: dict[str, dict]) -> dict:
    """The keep rule on two score tables (``models.train.score`` output)."""
    rises = sum(after[k]["f1"] for k in HEADLINE_KINDS) > sum(before[k]["f1"] for k in HEADLINE_KINDS)
    worst = min(after[k]["f1"] - before[k]["f1"] for k in HEADLINE_KINDS)
    return {"keep": rises and worst >= -MAX_KIND_DROP, "macro_rises": rises, "largest_drop": round(worst, 4)}


def macro_f1(scores: dict[str, dict]) -> float:
    return round(sum(scores[k]["f1"] for k in HEADLINE_KINDS) / len(HEADLINE_KINDS), 4)


def physician_validation_scores(train_rows, validation, rules) -> dict[str, dict]:
    """Scores on the physician rows of ``validation`` of a model fitted on ``train_rows``, with the settings the
    trainer's row-level rule chooses on all of ``validation`` (``rules``: the rule tagger's kinds per row)."""
    probabilities = fit_pipeline(train_rows).predict_proba([prepare(r.text) for r in validation])
    thresholds, vetoes, strong = choose_thresholds(probabilities, rules, validation)
    physician = [i for i, r in enumerate(validation) if r.source_file != CUAD_FILE]
    return score(fused(probabilities[physician], [rules[i] for i in physician], thresholds, vetoes, strong),
                 [validation[i] for i in physician])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", required=True, choices=[n for n in DATA_FILES if n != CUAD_FILE])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    split = split_rows(load_rows())
    validation = [r for r in split["validation"] if r.source_file != args.corpus]
    rules = rule_kinds(validation)
    variants = {"without": [r for r in split["train"] if r.source_file != args.corpus], "with": split["train"]}
    results = {name: physician_validation_scores(rows, validation, rules) for name, rows in variants.items()}
    count = sum(r.source_file != CUAD_FILE for r in validation)
    verdict = decide(results["without"], results["with"])
    print_comparison({"corpus": args.corpus, "physician_validation_rows": count}, results, verdict,
                     f"physician validation rows: {count} ({args.corpus}'s own left out); P/R/F1, row-level settings",
                     f"keep {args.corpus}", {"without": "without it", "with": "with it"}, args.json)


def print_comparison(facts: dict, results: dict[str, dict], verdict: dict, heading: str, subject: str,
                     labels: dict[str, str], as_json: bool) -> None:
    """Print two score tables and the keep rule's verdict, as a table (``labels`` names the rows) or as JSON."""
    if as_json:
        print(json.dumps({**facts, "scores": {n: {k: results[n][k] for k in HEADLINE_KINDS} for n in results},
                          "macro_f1": {n: macro_f1(results[n]) for n in results}, **verdict}, indent=2))
        return
    print(heading)
    width = max(map(len, labels.values())) + 2
    for name in results:
        print(f"{labels[name]:{width}}" + "".join(f"  {k} {results[name][k]['precision']:.3f}/{results[name][k]['recall']:.3f}/"
                                                  f"{results[name][k]['f1']:.3f}" for k in HEADLINE_KINDS)
              + f"  macro F1 {macro_f1(results[name]):.4f}")
    print(f"{subject}: {verdict['keep']} (macro rises: {verdict['macro_rises']}; largest drop {verdict['largest_drop']:+.3f})")


if __name__ == "__main__":
    main()
