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
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from models.train import CUAD_FILE, load_rows, rule_kinds, split_rows  # noqa: E402
from scripts.compare_corpus import decide, physician_validation_scores, print_comparison  # noqa: E402


def scores_on(table_headers: bool) -> tuple[int, dict[str, dict]]:
    split = split_rows(load_rows(table_headers=table_headers))
    validation = split["validation"]
    count = sum(r.source_file != CUAD_FILE for r in validation)
    return count, physician_validation_scores(split["train"], validation, rule_kinds(validation))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    results = {}
    for name, headers in (("plain rows", False), ("table headers", True)):
        count, results[name] = scores_on(headers)
    verdict = decide(results["plain rows"], results["table headers"])
    print_comparison({"physician_validation_rows": count}, results, verdict,
                     f"physician validation rows: {count}; P/R/F1, row-level settings", "keep table headers",
                     {name: name for name in results}, args.json)


if __name__ == "__main__":
    main()
