"""Choose the decision settings of the physician-only kinds on writing the model has not read.

    python -m models.writer_study     # writes models/data/writer_study.json (about 15 minutes on 2 cores)

``contract-risk train`` chooses each kind's threshold, veto and strong veto on the physician *validation*
documents. Those were written by the same writers as training documents (documents 03 and 08 of a writer whose
other eight are in training), so the model reads familiar wording there, scores it higher than it will score a
stranger's, and the settings chosen there are too strict for strangers: the two fresh held-out sets, by writers
no corpus came from, lost recall on exactly the kinds the decision study does not set (rvu_compensation and
ancillary_income, README "Evaluation").

This study asks the question the product faces. Each authored document belongs to a writer (its id's prefix:
``d`` and ``m`` for the first two corpora, ``wa``-``wh`` and ``ya``-``yd`` for the third and fourth). The writers
are dealt into FOLDS folds (seeded); for each fold a model fitted exactly as the trainer fits (same training rows,
same weights, CUAD and sample rows included) minus every row of that fold's writers gives probabilities for those
writers' training and validation rows. The rule tags are the trainer's (``rule_kinds``). On the pooled
out-of-fold rows, for every kind the decision study does not set, the trainer's own criterion
(``choose_thresholds``: the highest F1 on its grid, ties to the higher veto and threshold and the lower strong
veto) picks the setting. It writes the settings with their out-of-fold scores, the scores at the settings of the
card it found, and the sha256 of every data file; the trainer applies them only when those hashes, the row format
and the physician repeats match, and stops otherwise. The physician held-out documents are never read, nor the
fresh held-out sets, nor CUAD.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np

from models.decision_study import STUDIED
from models.train import (
    CUAD_FILE,
    DATA_DIR,
    DATA_FILES,
    PHYSICIAN_SPLIT_FILE,
    ROW_FORMAT,
    SAMPLE_FILE,
    SEED,
    SOLVER_TOL,
    Row,
    _sha256,
    choose_thresholds,
    fit_pipeline,
    fused,
    load_rows,
    physician_repeats,
    rule_kinds,
    score,
    split_rows,
)
from nlp.classifier import prepare
from nlp.kinds import CLAUSE_KINDS, HEADLINE_KINDS

STUDY_FILE = "writer_study.json"
FOLDS = 7
#: A document id's writer: the first corpus (d01..), the second (m01..), the third (wa01..wh10), the fourth (ya01..yd08).
_WRITER_RE = re.compile(r"^(d|m|w[a-z]|y[a-z])\d+$")
#: The kinds this study sets: every kind but those the clause-level decision study sets from CUAD.
SET_KINDS = tuple(kind for kind in CLAUSE_KINDS if kind not in STUDIED)


def writer_of(doc: str) -> str | None:
    """The writer of an authored document id ("wa03" -> "wa", "d17" -> "d"); None for sample and CUAD documents."""
    match = _WRITER_RE.match(doc)
    return match.group(1) if match else None


def writer_folds(writers: Sequence[str], folds: int = FOLDS) -> list[list[str]]:
    """The writers dealt into ``folds`` folds after a seeded shuffle of their sorted list: every writer in one fold."""
    order = [str(w) for w in np.random.RandomState(SEED).permutation(sorted(set(writers)))]
    return [sorted(order[fold::folds]) for fold in range(folds)]


def out_of_fold_rows(split: dict[str, list[Row]]) -> list[Row]:
    """The rows scored out of fold: authored training and validation rows (never the held-out split)."""
    return [r for part in ("train", "validation") for r in split[part]
            if r.source_file not in (CUAD_FILE, SAMPLE_FILE) and writer_of(r.doc) is not None]


def fold_jobs(split: dict[str, list[Row]], folds: Sequence[Sequence[str]]) -> list[tuple[list[Row], list[Row]]]:
    """Per fold: (the trainer's training rows minus every row of the fold's writers, the fold's out-of-fold rows)."""
    scored = out_of_fold_rows(split)
    jobs = []
    for fold_writers in folds:
        held = set(fold_writers)
        jobs.append(([r for r in split["train"] if writer_of(r.doc) not in held],
                     [r for r in scored if writer_of(r.doc) in held]))
    return jobs


def _fold_probabilities(args: tuple[list[Row], list[Row]]) -> np.ndarray:
    training, scored = args
    pipeline = fit_pipeline(training)
    return pipeline.predict_proba([prepare(r.text) for r in scored])


def study(data_dir: Path = DATA_DIR, quiet: bool = False, workers: int = 2) -> dict:
    say = (lambda *a: None) if quiet else (lambda *a: print(*a, file=sys.stderr, flush=True))
    started = time.perf_counter()
    split = split_rows(load_rows(data_dir))
    scored = out_of_fold_rows(split)
    folds = writer_folds([writer_of(r.doc) for r in scored])
    jobs = fold_jobs(split, folds)
    say(f"{len(scored)} authored rows by {sum(map(len, folds))} writers in {len(folds)} folds: "
        + "; ".join(",".join(f) for f in folds))
    probabilities = np.zeros((len(scored), len(CLAUSE_KINDS)))
    position = {r.id: n for n, r in enumerate(scored)}
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for fold, ((_, fold_rows), fold_probabilities) in enumerate(zip(jobs, pool.map(_fold_probabilities, jobs), strict=True)):
            for row, p in zip(fold_rows, fold_probabilities, strict=True):
                probabilities[position[row.id]] = p
            say(f"fold {fold + 1}/{len(folds)} ({','.join(folds[fold])}): {len(fold_rows)} rows scored "
                f"({time.perf_counter() - started:.0f} s)")
    rules = rule_kinds(scored)
    thresholds, vetoes, strong_vetoes = choose_thresholds(probabilities, rules, scored)
    chosen = score(fused(probabilities, rules, thresholds, vetoes, strong_vetoes), scored)

    result: dict = {
        "command": "python -m models.writer_study",
        "folds": [list(f) for f in folds], "seed": SEED,
        "physician_repeat": physician_repeats(),
        "row_format": ROW_FORMAT,
        "solver_tol": SOLVER_TOL,
        "data": {name: _sha256(data_dir / name) for name in (*DATA_FILES, PHYSICIAN_SPLIT_FILE)},
        "out_of_fold_rows": len(scored),
        "kinds": {},
    }
    card = _card(data_dir)
    at_card = (score(fused(probabilities, rules, card["thresholds"], card["vetoes"], card["strong_vetoes"]), scored)
               if card else None)
    if card:
        result["card_model_sha256"] = card["model_sha256"]
    for kind in SET_KINDS:
        entry = {"chosen": {"threshold": thresholds[kind], "veto": vetoes[kind], "strong_veto": strong_vetoes[kind],
                            "out_of_fold": _brief(chosen[kind])}}
        if card:
            entry["card_settings"] = {"threshold": card["thresholds"][kind], "veto": card["vetoes"][kind],
                                      "strong_veto": card["strong_vetoes"][kind], "out_of_fold": _brief(at_card[kind])}
        result["kinds"][kind] = entry
        say(f"{kind}: threshold {thresholds[kind]} veto {vetoes[kind]} strong veto {strong_vetoes[kind]}: "
            f"out-of-fold P/R {chosen[kind]['precision']:.3f}/{chosen[kind]['recall']:.3f}"
            + (f" (card's settings: {at_card[kind]['precision']:.3f}/{at_card[kind]['recall']:.3f})" if card else ""))
    say(f"done in {time.perf_counter() - started:.0f} s")
    return result


def _brief(scores: dict) -> dict:
    return {k: scores[k] for k in ("precision", "recall", "f1", "support")}


def _card(data_dir: Path) -> dict | None:
    from nlp.classifier import read_card

    card = read_card() if data_dir == DATA_DIR else None
    return card if card and all(k in card for k in ("thresholds", "vetoes", "strong_vetoes")) else None


def read_study(data_dir: Path = DATA_DIR) -> dict | None:
    path = data_dir / STUDY_FILE
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


def format_study(result: dict) -> str:
    lines = [f"{result['out_of_fold_rows']} authored rows scored out of fold ({len(result['folds'])} folds of writers)",
             f"{'kind':28s} {'thr':>5s} {'veto':>5s} {'strong':>6s} {'P':>6s} {'R':>6s} {'F1':>6s} {'n':>4s}"
             f"   {'card thr':>8s} {'P':>6s} {'R':>6s} {'F1':>6s}"]
    for kind, entry in result["kinds"].items():
        c, s = entry["chosen"], entry["chosen"]["out_of_fold"]
        line = (f"{kind:28s} {c['threshold']:5.2f} {c['veto']:5.2f} {c['strong_veto']:6.2f} {s['precision']:6.3f} "
                f"{s['recall']:6.3f} {s['f1']:6.3f} {s['support']:4d}")
        if "card_settings" in entry:
            k, t = entry["card_settings"], entry["card_settings"]["out_of_fold"]
            line += f"   {k['threshold']:8.2f} {t['precision']:6.3f} {t['recall']:6.3f} {t['f1']:6.3f}"
        lines.append(line + (" *" if kind in HEADLINE_KINDS else ""))
    lines.append("* headline kind")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=DATA_DIR / STUDY_FILE, help="where to write the study")
    parser.add_argument("--workers", type=int, default=2, help="folds fitted at once (each needs about 3 GB)")
    args = parser.parse_args(argv)
    result = study(workers=args.workers)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(format_study(result))


if __name__ == "__main__":
    main()
