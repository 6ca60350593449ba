"""Train the clause classifier reproducibly: ``contract-risk train`` (or ``python -m models.train``).

Data (committed JSONL, provenance on every row; built by ``models/build_rows.py`` or written by hand):

    models/data/physician_clauses.jsonl   authored physician clauses, grouped into pseudo-contracts
    models/data/physician_clauses_more.jsonl  a second authored corpus by another writer (training only)
    models/data/physician_clauses_third.jsonl a third authored corpus by eight more writers (training/validation)
    models/data/physician_clauses_fourth.jsonl a fourth authored corpus by four more writers (training/validation)
    (models/data/fresh_heldout/ and second_fresh_heldout/ are evaluation only and never read here:
     python -m models.score_rows)
    models/data/sample_clauses.jsonl      the sample contracts' clauses with their truth kinds
    models/data/cuad_clauses.jsonl.gz     CUAD v1 train-split clauses (CC BY 4.0); the test split is never used

Splits are by contract (``doc``): physician pseudo-contracts by the fixed lists in
``models/data/physician_split.json`` (held-out test / validation / rest train, balanced by kind and style
before any model was trained); CUAD contracts 15% validation (seeded) / rest train; samples train only. The held-out physician rows are
scored after training and never used to choose anything.

Model: word 1-2-gram + character 3-5-gram TF-IDF, one-vs-rest logistic regression with sigmoid
calibration (3-fold, one final model). Per-kind thresholds: the model threshold that maximises the F1 of
the fused decision (rule tag OR model probability >= threshold) on the validation split.

Files written to ``--out`` (default ``models/``): ``clause_classifier.skops`` (the canonical model),
``clause_classifier.npz`` (the numbers inference needs, exported from it: what the analyzer loads, see
``nlp/clause_model.py``), ``clause_classifier.json`` (the card) and ``README.md`` (the card, rendered).
``python -m models.train --export-only`` re-exports the ``.npz`` from an existing skops file without
retraining and adds its hash to the card, leaving every other key as it was.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import hashlib
import json
import platform
import random
import sys
import time
import zipfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from nlp.classifier import CARD_PATH, INFERENCE_PATH, MODEL_PATH, load_sklearn_pipeline, prepare, read_card
from nlp.clause_model import export_inference_arrays, write_inference_file
from nlp.components import STRONG_RULE
from nlp.kinds import CLAUSE_KINDS, HEADLINE_KINDS

SEED = 20261127
DATA_DIR = Path(__file__).resolve().parent / "data"
PHYSICIAN_FILE, SAMPLE_FILE, CUAD_FILE = "physician_clauses.jsonl", "sample_clauses.jsonl", "cuad_clauses.jsonl.gz"
PHYSICIAN_MORE_FILE = "physician_clauses_more.jsonl"  # its documents m01-m50 are in no split list: training only
#: A third authored corpus by four more writers (wa-wd); two documents per writer are validation
#: (``third_corpus_validation`` in the split file), the rest training. None of it is held out.
PHYSICIAN_THIRD_FILE = "physician_clauses_third.jsonl"
#: A fourth authored corpus by four more writers (ya-yd, models/data/README_fourth.md); document 05 of each
#: writer is validation (``fourth_corpus_validation`` in the split file), the rest training.
PHYSICIAN_FOURTH_FILE = "physician_clauses_fourth.jsonl"
DATA_FILES = (PHYSICIAN_FILE, PHYSICIAN_MORE_FILE, PHYSICIAN_THIRD_FILE, PHYSICIAN_FOURTH_FILE, SAMPLE_FILE, CUAD_FILE)
#: Keys of the split file that list validation documents of the later corpora (none of them is held out).
LATER_VALIDATION_KEYS = ("third_corpus_validation", "fourth_corpus_validation")
PHYSICIAN_SPLIT_FILE = "physician_split.json"
VALIDATION_SHARE = 0.15
#: Physician-domain training rows (authored and sample clauses) are repeated this many times against the
#: commercial (CUAD) rows, so about five thousand physician rows weigh about as much as twenty thousand
#: commercial ones. The vectorizer and the classifier of every kind not in KIND_PHYSICIAN_REPEAT use it.
PHYSICIAN_REPEAT = 4
#: Kinds CUAD labels, whose classifier is fitted with its own physician repeat: the lawyer-labelled commercial
#: clauses carry more weight there. Each is the repeat with the best mean of physician-validation F1 and CUAD
#: clause-level out-of-fold F1 in `python -m models.decision_study --physician-repeat N` (N = 1, 2, 4; README,
#: Evaluation). termination_without_cause kept 4.
KIND_PHYSICIAN_REPEAT: dict[str, int] = {"non_compete": 1, "non_solicitation": 1, "liquidated_damages": 1}
THRESHOLD_GRID = tuple(round(x, 2) for x in np.arange(0.20, 0.96, 0.05))
TRAINING_COMMAND = "contract-risk train"


@dataclass(frozen=True)
class Row:
    id: str
    doc: str
    text: str
    kinds: frozenset[str]
    source_file: str


def load_rows(data_dir: Path = DATA_DIR, table_headers: bool = True) -> list[Row]:
    rows: list[Row] = []
    for name in DATA_FILES:
        if not (data_dir / name).is_file():
            raise SystemExit(f"missing training data: {data_dir / name}")
        rows.extend(load_file(name, data_dir, table_headers))
    return rows


def validation_docs(docs: Sequence[str]) -> set[str]:
    """The CUAD contracts held out for validation (build_rows and eval-cuad use the same set)."""
    ordered = sorted(set(docs))
    random.Random(f"{SEED}:cuad").shuffle(ordered)
    return set(ordered[:round(len(ordered) * VALIDATION_SHARE)])


def split_rows(rows: Sequence[Row]) -> dict[str, list[Row]]:
    """train / validation / physician_test, by contract, seeded per source."""
    fixed = json.loads((DATA_DIR / PHYSICIAN_SPLIT_FILE).read_text(encoding="utf-8"))
    test_docs = set(fixed["held_out"])
    val_docs = set(fixed["validation"]).union(*(fixed.get(key, ()) for key in LATER_VALIDATION_KEYS))
    val_docs |= validation_docs([r.doc for r in rows if r.source_file == CUAD_FILE])
    split: dict[str, list[Row]] = {"train": [], "validation": [], "physician_test": []}
    for row in rows:
        if row.doc in test_docs:
            split["physician_test"].append(row)
        elif row.doc in val_docs:
            if "-span-" not in row.id:  # validation holds clauses as the product sees them, not bare spans
                split["validation"].append(row)
        else:
            split["train"].append(row)
    return split


def load_file(name: str, data_dir: Path = DATA_DIR, table_headers: bool = True) -> list[Row]:
    """The rows of one data file; the authored corpora's table rows carry their header (``with_table_headers``)."""
    path = data_dir / name
    raw_bytes = gzip.decompress(path.read_bytes()) if name.endswith(".gz") else path.read_bytes()
    lines = raw_bytes.decode("utf-8").splitlines()
    rows = [Row(raw["id"], raw["doc"], raw["text"], frozenset(raw["kinds"]), name)
            for raw in (json.loads(line) for line in lines if line.strip())]
    return with_table_headers(rows) if table_headers and name not in PRODUCT_SEGMENTED_FILES else rows


#: Files whose rows are clauses as the product's segmenter cut them (a table stays inside one clause there).
#: The authored corpora instead give a table one row per line, which alone cannot say what its numbers are.
PRODUCT_SEGMENTED_FILES = frozenset({CUAD_FILE, SAMPLE_FILE})
#: Version of the row texts the trainer fits on: 1 plain, 2 table rows prefixed by their header row. The
#: decision study records it, and the trainer refuses a study made on other texts.
ROW_FORMAT = 2


#: liblinear's stopping tolerance. At its default (1e-4) the non_compete classifier stopped after 8 Newton steps on
#: one CPU and 9 on another (a rounding difference at the stopping test), and its coefficients differed by 4.7e-4,
#: beyond RETRAIN_TOLERANCE; at 1e-8 both machines' solutions lie within 4e-7 of each other (README, "Reproducing
#: the model"). The studies record it, and the trainer refuses a study made with another.
SOLVER_TOL = 1e-8


def is_table_row(text: str) -> bool:
    """One line with at least three cells (`` | `` between them): a row of a table the writer laid out."""
    return "\n" not in text.strip() and text.count(" | ") >= 2


def with_table_headers(rows: Sequence[Row]) -> list[Row]:
    """Each table row after the first of its table (consecutive table rows of one document) prefixed by that
    first row, its header, on a line of its own: "Gastroenterology | $412,000 | 8,900 | $51.40" says nothing
    without "Specialty | Base | wRVU Threshold | Conversion Factor". The product reads a table whole, inside
    one clause, so it always has the header; scoring rows without it asked the classifier for what the
    product never does. Labels are unchanged, and so is the header row itself."""
    out: list[Row] = []
    header: Row | None = None
    previous: Row | None = None
    for row in rows:
        if not is_table_row(row.text):
            header = None
        elif header is None or previous is None or previous.doc != row.doc or previous.source_file != row.source_file:
            header = row
        else:
            row = Row(row.id, row.doc, f"{header.text}\n{row.text}", row.kinds, row.source_file)
        out.append(row)
        previous = row
    return out


def cuad_validation_doc_ids(data_dir: Path = DATA_DIR) -> set[int]:
    """CUAD train-split contracts the trainer holds out for validation (same seed, same split)."""
    split = split_rows(load_file(CUAD_FILE, data_dir))
    return {int(row.doc.removeprefix("cuad-")) for row in split["validation"]}


def make_pipeline():
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.multiclass import OneVsRestClassifier
    from sklearn.pipeline import FeatureUnion, Pipeline

    features = FeatureUnion([
        ("word", TfidfVectorizer(lowercase=True, ngram_range=(1, 2), min_df=2, max_features=30000,
                                 sublinear_tf=True, dtype=np.float32)),
        ("char", TfidfVectorizer(lowercase=True, analyzer="char_wb", ngram_range=(3, 5), min_df=3,
                                 max_features=30000, sublinear_tf=True, dtype=np.float32)),
    ])
    model = OneVsRestClassifier(
        CalibratedClassifierCV(
            LogisticRegression(C=4.0, class_weight="balanced", solver="liblinear", tol=SOLVER_TOL, max_iter=2000,
                               random_state=SEED),
            method="sigmoid", cv=3, ensemble=False,
        )
    )
    return Pipeline([("features", features), ("model", model)])


def fit_pipeline(rows: Sequence[Row], kind_repeat: dict[str, int] | None = None,
                 base_repeat: int = PHYSICIAN_REPEAT):
    """A fresh pipeline fitted on ``rows``: physician-domain rows repeated ``base_repeat`` times, except in
    the classifiers of the kinds in ``kind_repeat`` (default KIND_PHYSICIAN_REPEAT), each refitted on the
    same features with the physician rows repeated its own number of times."""
    from sklearn.base import clone

    kind_repeat = KIND_PHYSICIAN_REPEAT if kind_repeat is None else kind_repeat
    pipeline = make_pipeline()
    weighted = _repeated(rows, base_repeat)
    texts = [prepare(r.text) for r in weighted]
    fix_vocabularies(pipeline, texts)
    pipeline.fit(texts, label_matrix(weighted))
    model = pipeline.named_steps["model"]
    for repeat in sorted({n for n in kind_repeat.values() if n != base_repeat}):
        weighted = _repeated(rows, repeat)
        features = pipeline.named_steps["features"].transform([prepare(r.text) for r in weighted])
        labels = label_matrix(weighted)
        for kind, n in sorted(kind_repeat.items()):
            if n == repeat:
                i = CLAUSE_KINDS.index(kind)
                model.estimators_[i] = clone(model.estimator).fit(features, labels[:, i])
    return pipeline


def fix_vocabularies(pipeline, texts: Sequence[str]) -> None:
    """Give each vectorizer of ``pipeline`` the vocabulary its ``max_features`` would pick, chosen the same way
    on every machine.

    scikit-learn keeps the ``max_features`` most frequent terms with ``(-counts).argsort()``, an unstable sort
    that numpy dispatches to SIMD code chosen by the CPU, so terms tied at the cut were kept differently on an
    AVX-512 machine and an AVX2 one, and the retrained model differed. Here the tie is broken by the term
    itself (most frequent first, then alphabetical), and the vectorizer gets the result as a fixed vocabulary:
    the same terms on any machine, in sklearn's own index order (sorted), with the same idf.
    """
    from sklearn.feature_extraction.text import CountVectorizer

    for _, vectorizer in pipeline.named_steps["features"].transformer_list:
        counter = CountVectorizer(
            lowercase=vectorizer.lowercase, analyzer=vectorizer.analyzer, ngram_range=vectorizer.ngram_range,
            token_pattern=vectorizer.token_pattern, min_df=vectorizer.min_df, max_df=vectorizer.max_df,
            dtype=vectorizer.dtype,
        )
        counts = counter.fit_transform(texts)
        terms = counter.get_feature_names_out()
        totals = np.asarray(counts.sum(axis=0, dtype=np.float64)).ravel()
        order = np.lexsort((terms, -totals))  # last key first: count descending, then the term
        keep = order[:vectorizer.max_features] if vectorizer.max_features is not None else order
        vectorizer.set_params(vocabulary=sorted(terms[keep].tolist()))


def physician_repeats(kind_repeat: dict[str, int] | None = None, base_repeat: int = PHYSICIAN_REPEAT) -> dict[str, int]:
    """Times each kind's classifier sees every physician-domain row (what the card and the study record)."""
    kind_repeat = KIND_PHYSICIAN_REPEAT if kind_repeat is None else kind_repeat
    return {"vectorizer": base_repeat} | {kind: kind_repeat.get(kind, base_repeat) for kind in CLAUSE_KINDS}


def _repeated(rows: Sequence[Row], physician_repeat: int) -> list[Row]:
    return [r for r in rows for _ in range(1 if r.source_file == CUAD_FILE else physician_repeat)]


def label_matrix(rows: Sequence[Row]) -> np.ndarray:
    return np.array([[1 if kind in r.kinds else 0 for kind in CLAUSE_KINDS] for r in rows], dtype=np.int8)


def rule_kinds(rows: Sequence[Row]) -> list[dict[str, float]]:
    """The rule tagger's kinds and confidences for each row text (the row analysed as a small document)."""
    from nlp.extract import extract_document
    from nlp.segment import segment
    from nlp.tagger import Tagger
    from rules.registry import cue_patterns, tag_thresholds

    tagger = Tagger(cue_patterns(), tag_thresholds())
    out = []
    for row in rows:
        document = extract_document(row.text.encode("utf-8"), "row.txt")
        kinds: dict[str, float] = {}
        for tags in tagger.tag(document.text, segment(document)).values():
            for tag in tags:
                kinds[tag.kind] = max(kinds.get(tag.kind, 0.0), tag.confidence)
        out.append(kinds)
    return out


def prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3),
            "support": tp + fn, "tp": tp, "fp": fp, "fn": fn}


def score(predicted: Sequence[set[str]], rows: Sequence[Row]) -> dict[str, dict]:
    scores = {}
    for kind in CLAUSE_KINDS:
        tp = sum(1 for p, r in zip(predicted, rows, strict=True) if kind in p and kind in r.kinds)
        fp = sum(1 for p, r in zip(predicted, rows, strict=True) if kind in p and kind not in r.kinds)
        fn = sum(1 for p, r in zip(predicted, rows, strict=True) if kind not in p and kind in r.kinds)
        scores[kind] = prf(tp, fp, fn)
    return scores


VETO_GRID = (0.0, 0.02, 0.05, 0.1, 0.2)
#: Strong vetoes tried, never above the kind's veto (a specific phrase is not held to a higher bar than a
#: loose cue); descending, so that of equally good values the lowest (trusting the phrase) wins.
STRONG_VETO_GRID = (0.2, 0.1, 0.05, 0.02, 0.0)


def fused(probabilities: np.ndarray, rules: Sequence[dict[str, float]], thresholds: dict[str, float],
          vetoes: dict[str, float] | None = None, strong_vetoes: dict[str, float] | None = None) -> list[set[str]]:
    """The run-time policy (nlp.components.fuse): a rule tag stays when the model gives it at least the
    kind's veto (weak tag) or strong veto (tag confidence >= STRONG_RULE); the model alone decides at the
    kind's threshold."""
    vetoes, strong_vetoes = vetoes or {}, strong_vetoes or {}

    def floor(kind: str, confidence: float) -> float:
        return (strong_vetoes if confidence >= STRONG_RULE else vetoes).get(kind, 0.0)

    return [
        {kind for i, kind in enumerate(CLAUSE_KINDS)
         if (kind in rules[n] and probabilities[n, i] >= floor(kind, rules[n][kind]))
         or probabilities[n, i] >= thresholds[kind]}
        for n in range(len(rules))
    ]


def choose_thresholds(
    probabilities: np.ndarray, rules: Sequence[dict[str, float]], rows: Sequence[Row]
) -> tuple[dict[str, float], dict[str, float], dict[str, float]]:
    """Per kind, the (veto, strong veto, threshold) maximising the validation F1, averaged over domains.

    The domains are physician rows (authored and sample clauses) and CUAD rows; a domain counts for a
    kind only when it has positives of that kind. The product serves physician contracts, so 20,000
    commercial rows must not outvote a few hundred physician ones. Ties go to the higher veto and
    threshold and to the lower strong veto.
    """
    thresholds, vetoes, strong_vetoes = {}, {}, {}
    truth = np.array([[kind in r.kinds for kind in CLAUSE_KINDS] for r in rows], dtype=bool)
    ruled = np.array([[kind in r for kind in CLAUSE_KINDS] for r in rules], dtype=bool)
    strong = np.array([[r.get(kind, 0.0) >= STRONG_RULE for kind in CLAUSE_KINDS] for r in rules], dtype=bool)
    domains = [np.array([r.source_file != CUAD_FILE for r in rows]), np.array([r.source_file == CUAD_FILE for r in rows])]
    for i, kind in enumerate(CLAUSE_KINDS):
        active = [d for d in domains if truth[d, i].any()]
        best = (-1.0, 0.0, 0.0, 0.5)
        for veto in VETO_GRID:
            for strong_veto in (v for v in STRONG_VETO_GRID if v <= veto):
                floor = np.where(strong[:, i], strong_veto, veto)
                kept_rules = ruled[:, i] & (probabilities[:, i] >= floor)
                for t in THRESHOLD_GRID:
                    predicted = kept_rules | (probabilities[:, i] >= t)
                    f1s = []
                    for d in active:
                        tp = int(np.sum(predicted[d] & truth[d, i]))
                        fp = int(np.sum(predicted[d] & ~truth[d, i]))
                        fn = int(np.sum(~predicted[d] & truth[d, i]))
                        f1s.append(prf(tp, fp, fn)["f1"])
                    f1 = sum(f1s) / len(f1s) if f1s else 0.0
                    if f1 >= best[0]:
                        best = (f1, veto, strong_veto, t)
        vetoes[kind], strong_vetoes[kind], thresholds[kind] = float(best[1]), float(best[2]), float(best[3])
    return thresholds, vetoes, strong_vetoes


def apply_decision_study(
    data_dir: Path, thresholds: dict[str, float], vetoes: dict[str, float], strong_vetoes: dict[str, float]
) -> dict | None:
    """Replace the row-level settings of the kinds ``models/decision_study.py`` chose clause by clause
    (``apply_study``). Returns what the card records."""
    from models.decision_study import STUDY_FILE, read_study

    return apply_study(read_study(data_dir), data_dir / STUDY_FILE, "python -m models.decision_study",
                       thresholds, vetoes, strong_vetoes)


def apply_writer_study(
    data_dir: Path, thresholds: dict[str, float], vetoes: dict[str, float], strong_vetoes: dict[str, float]
) -> dict | None:
    """Replace the validation-chosen settings of the kinds ``models/writer_study.py`` chose on writers the model
    had not read (every kind the decision study does not set; ``apply_study``). Returns what the card records."""
    from models.writer_study import STUDY_FILE, read_study

    return apply_study(read_study(data_dir), data_dir / STUDY_FILE, "python -m models.writer_study",
                       thresholds, vetoes, strong_vetoes)


def apply_study(study: dict | None, path: Path, command: str, thresholds: dict[str, float], vetoes: dict[str, float],
                strong_vetoes: dict[str, float]) -> dict | None:
    """Put a study's chosen settings into the three dicts, in place. The study is used only when it was made from
    exactly the trainer's data (sha256 of every data file and of the split), row texts (ROW_FORMAT), physician
    repeats and solver tolerance (SOLVER_TOL); otherwise training stops and says to run ``command`` again. Returns
    what the card records (None when there is no study)."""
    if study is None:
        return None
    current = {name: _sha256(path.parent / name) for name in (*DATA_FILES, PHYSICIAN_SPLIT_FILE)}
    stale = [f"{what} ({made} here, {now} in the trainer)" if what != "data" else what
             for what, made, now in (("data", study["data"], current),
                                     ("row format", study.get("row_format", 1), ROW_FORMAT),
                                     ("physician repeats", study.get("physician_repeat"), physician_repeats()),
                                     ("solver tolerance", study.get("solver_tol", 1e-4), SOLVER_TOL))
             if made != now]
    if stale:
        raise SystemExit(f"{path} was made with other {'; '.join(stale)}: run `{command}` again")
    for kind, entry in study["kinds"].items():
        chosen = entry["chosen"]
        thresholds[kind], vetoes[kind], strong_vetoes[kind] = chosen["threshold"], chosen["veto"], chosen["strong_veto"]
    return {"file": path.name, "sha256": _sha256(path), "kinds": sorted(study["kinds"])}


def fingerprint(pipeline) -> str:
    """SHA-256 of the fitted parameters (vocabularies, idf, coefficients, calibrators), rounded to 1e-10.

    skops archives name their members after object ids, so files differ run to run; this is the
    reproducibility check instead.
    """
    digest = hashlib.sha256()
    for name, vectorizer in pipeline.named_steps["features"].transformer_list:
        digest.update(name.encode())
        digest.update(json.dumps(sorted((term, int(index)) for term, index in vectorizer.vocabulary_.items())).encode())
        digest.update(np.round(vectorizer.idf_.astype(np.float64), 10).tobytes())
    for estimator in pipeline.named_steps["model"].estimators_:
        for calibrated in estimator.calibrated_classifiers_:
            digest.update(np.round(calibrated.estimator.coef_.astype(np.float64), 10).tobytes())
            digest.update(np.round(calibrated.estimator.intercept_.astype(np.float64), 10).tobytes())
            for calibrator in calibrated.calibrators:
                digest.update(np.round(np.array([calibrator.a_, calibrator.b_], dtype=np.float64), 10).tobytes())
    return digest.hexdigest()


#: How far a retrained model's fitted numbers may lie from the shipped model's. The solvers stop at a
#: tolerance, so the last bits of a coefficient follow the BLAS kernels of the CPU they ran on (measured
#: across two machines: coefficients 5.8e-7 apart, calibrators 8.5e-9, vocabularies and idf identical).
#: Thresholds, vetoes and every score in the card must still match exactly.
RETRAIN_TOLERANCE = {"vocabulary": 0.0, "idf": 0.0, "coefficients": 1e-5, "calibrators": 1e-6}


def parameter_differences(shipped, retrained) -> dict[str, float]:
    """The largest absolute difference per group of fitted parameters (vocabulary: 0.0 equal, 1.0 not)."""
    out = {"vocabulary": 0.0, "idf": 0.0, "coefficients": 0.0, "calibrators": 0.0}
    pairs = zip(shipped.named_steps["features"].transformer_list, retrained.named_steps["features"].transformer_list, strict=True)
    for (name_a, a), (name_b, b) in pairs:
        if name_a != name_b or a.vocabulary_ != b.vocabulary_ or a.idf_.shape != b.idf_.shape:
            out["vocabulary"] = 1.0
            return out
        out["idf"] = max(out["idf"], float(np.abs(a.idf_ - b.idf_).max()))
    estimators = zip(shipped.named_steps["model"].estimators_, retrained.named_steps["model"].estimators_, strict=True)
    for a, b in estimators:
        for ca, cb in zip(a.calibrated_classifiers_, b.calibrated_classifiers_, strict=True):
            for attr in ("coef_", "intercept_"):
                diff = np.abs(getattr(ca.estimator, attr) - getattr(cb.estimator, attr)).max()
                out["coefficients"] = max(out["coefficients"], float(diff))
            for ka, kb in zip(ca.calibrators, cb.calibrators, strict=True):
                out["calibrators"] = max(out["calibrators"], abs(float(ka.a_ - kb.a_)), abs(float(ka.b_ - kb.b_)))
    return out


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _versions() -> dict[str, str]:
    import scipy
    import sklearn
    import skops

    return {"python": platform.python_version(), "scikit-learn": sklearn.__version__, "numpy": np.__version__,
            "scipy": scipy.__version__, "skops": skops.__version__}


def write_inference(pipeline, labels: Sequence[str], out_dir: Path) -> dict:
    """Export ``pipeline``'s inference arrays to ``out_dir``; the card keys that record the file."""
    path = out_dir / INFERENCE_PATH.name
    write_inference_file(export_inference_arrays(pipeline, labels), path)
    return {"inference_file": path.name, "inference_sha256": _sha256(path),
            "inference_bytes": path.stat().st_size}


def export_only(out_dir: Path = MODEL_PATH.parent) -> dict:
    """Re-export the ``.npz`` from the skops model in ``out_dir`` (no retraining) and record it in the card.

    Only the ``inference_*`` keys of the card are added or replaced; the README is rendered again.
    """
    card_path = out_dir / CARD_PATH.name
    card = read_card(card_path)
    model_path = out_dir / card["model_file"]
    if card["model_sha256"] != _sha256(model_path):
        raise SystemExit(f"{model_path} does not match the sha256 in {card_path}")
    card |= write_inference(load_sklearn_pipeline(model_path), card["labels"], out_dir)
    card_path.write_text(json.dumps(card, indent=2) + "\n", encoding="utf-8")
    (out_dir / "README.md").write_text(render_model_card(card), encoding="utf-8")
    return card


def train(out_dir: Path, data_dir: Path = DATA_DIR, quiet: bool = False) -> dict:
    """Train, choose thresholds, score the held-out split, and write the model and its card to ``out_dir``."""
    import skops.io as sio

    say = (lambda *a: None) if quiet else (lambda *a: print(*a, file=sys.stderr))
    started = time.perf_counter()
    rows = load_rows(data_dir)
    split = split_rows(rows)
    say("rows: " + ", ".join(f"{k} {len(v)}" for k, v in split.items()))

    pipeline = fit_pipeline(split["train"])
    for _, vectorizer in pipeline.named_steps["features"].transformer_list:
        vectorizer.stop_words_ = None  # every pruned n-gram: large, only for introspection (sklearn docs)
        # numpy ints would each become an archive member in skops; plain ints stay in its schema
        vectorizer.vocabulary_ = {term: int(index) for term, index in vectorizer.vocabulary_.items()}
    say(f"fitted in {time.perf_counter() - started:.1f} s")

    validation = split["validation"]
    val_probabilities = pipeline.predict_proba([prepare(r.text) for r in validation])
    val_rules = rule_kinds(validation)
    say(f"validation rules tagged at {time.perf_counter() - started:.1f} s")
    thresholds, vetoes, strong_vetoes = choose_thresholds(val_probabilities, val_rules, validation)
    writers = apply_writer_study(data_dir, thresholds, vetoes, strong_vetoes)
    study = apply_decision_study(data_dir, thresholds, vetoes, strong_vetoes)

    test = split["physician_test"]
    test_probabilities = pipeline.predict_proba([prepare(r.text) for r in test])
    test_rules = rule_kinds(test)
    test_rules_sets = [set(r) for r in test_rules]
    model_only = [{k for i, k in enumerate(CLAUSE_KINDS) if test_probabilities[n, i] >= thresholds[k]} for n in range(len(test))]
    held_out = {
        "fused": score(fused(test_probabilities, test_rules, thresholds, vetoes, strong_vetoes), test),
        "rules_only": score(test_rules_sets, test),
        "model_only": score(model_only, test),
    }
    validation_scores = score(fused(val_probabilities, val_rules, thresholds, vetoes, strong_vetoes), validation)

    out_dir.mkdir(parents=True, exist_ok=True)
    model_path = out_dir / MODEL_PATH.name
    sio.dump(pipeline, model_path, compression=zipfile.ZIP_DEFLATED, compresslevel=9)
    trusted = sorted(sio.get_untrusted_types(file=model_path))
    card = {
        "model_file": MODEL_PATH.name,
        "model_sha256": _sha256(model_path),
        "parameters_fingerprint": fingerprint(pipeline),
        "labels": list(CLAUSE_KINDS),
        "thresholds": thresholds,
        "vetoes": vetoes,
        "strong_vetoes": strong_vetoes,
        "decision_study": study,
        "writer_study": writers,
        "physician_repeat": physician_repeats(),
        "row_format": ROW_FORMAT,
        "solver_tol": SOLVER_TOL,
        "trusted_types": trusted,
        "training_command": TRAINING_COMMAND,
        "trained_on": dt.date.today().isoformat(),
        "seed": SEED,
        "versions": _versions(),
        "data": {name: {"sha256": _sha256(data_dir / name),
                        "rows": sum(1 for r in rows if r.source_file == name),
                        "contracts": len({r.doc for r in rows if r.source_file == name})} for name in DATA_FILES},
        "split_sizes": {name: {"rows": len(part), "contracts": len({r.doc for r in part}),
                               "positives": dict(sorted(Counter(k for r in part for k in r.kinds).items()))}
                        for name, part in split.items()},
        "validation_fused": validation_scores,
        "physician_held_out": held_out,
        "headline_kinds": list(HEADLINE_KINDS),
        "model_bytes": model_path.stat().st_size,
        **write_inference(pipeline, CLAUSE_KINDS, out_dir),
    }
    (out_dir / CARD_PATH.name).write_text(json.dumps(card, indent=2) + "\n", encoding="utf-8")
    (out_dir / "README.md").write_text(render_model_card(card), encoding="utf-8")
    say(f"wrote {model_path} ({card['model_bytes'] / 1e6:.1f} MB) in {time.perf_counter() - started:.1f} s")
    return card


def _table(scores: dict[str, dict], kinds: Sequence[str]) -> list[str]:
    lines = ["| kind | precision | recall | F1 | positives |", "|---|---:|---:|---:|---:|"]
    for kind in kinds:
        s = scores[kind]
        lines.append(f"| {kind} | {s['precision']:.3f} | {s['recall']:.3f} | {s['f1']:.3f} | {s['support']} |")
    return lines


def _repeat_sentence(repeats: dict[str, int]) -> str:
    if not repeats:
        return f"{PHYSICIAN_REPEAT} times."
    base = repeats["vectorizer"]
    own = {k: n for k, n in repeats.items() if k != "vectorizer" and n != base}
    return (f"{base} times for the vectorizer and the classifiers of most kinds"
            + ("; " + ", ".join(f"{n} for {k}" for k, n in own.items()) if own else "")
            + " (`KIND_PHYSICIAN_REPEAT` in `models/train.py`, chosen by `python -m models.decision_study --physician-repeat N`).")


def render_model_card(card: dict) -> str:
    """models/README.md, written from the card JSON so the two cannot disagree."""
    held = card["physician_held_out"]
    sizes = card["split_sizes"]
    lines = [
        "# Clause classifier: model card",
        "",
        "Generated by `contract-risk train` from `clause_classifier.json`; do not edit by hand.",
        "",
        "**What it does.** Given one clause's own text, gives a calibrated probability for each clause kind of",
        "report schema v1. It is the learned half of the tagger: `nlp/components.py` fuses it with the rule cues",
        "(`rules/patterns/`). A kind is kept when the rules tag it and the model's probability is at least the",
        "kind's veto, or when the probability alone reaches the kind's threshold.",
        "",
        "**Model.** Word 1-2-gram + character 3-5-gram TF-IDF (30,000 features each), one-vs-rest logistic",
        "regression (C=4, balanced class weights) with sigmoid calibration (3-fold, one final model). Text is",
        "prepared by `nlp.classifier.prepare` (whitespace folded, digits masked). Persisted with skops",
        f"({card['model_bytes'] / 1e6:.1f} MB), loaded with the reviewed `trusted_types` list only.",
        f"The analyzer loads `{card['inference_file']}` instead ({card['inference_bytes'] / 1e6:.1f} MB,",
        f"sha256 `{card['inference_sha256'][:16]}…`): the fitted numbers exported from the skops file as",
        "plain numpy arrays (no pickle), computed with numpy and scipy only (`nlp/clause_model.py`), so no",
        "process that analyses a contract imports scikit-learn. `python -m models.train --export-only`",
        "re-exports it without retraining; tests check that it is exactly the skops file's export and gives",
        "the pipeline's probabilities bit for bit.",
        "",
        "**Domain weight.** Each physician-domain row (authored and sample clauses) is repeated against the",
        "commercial CUAD rows: " + _repeat_sentence(card.get("physician_repeat", {})),
        "",
        *(["**Table rows.** In the authored corpora each line of a table is a row of its own; it is read with its",
           "table's header row on the line above (`with_table_headers`, row format 2), as the product reads a table",
           "whole inside one clause.", ""] if card.get("row_format", 1) >= 2 else []),
        f"**Training.** `{card['training_command']}` (seed {card['seed']}), trained on {card['trained_on']} with "
        + ", ".join(f"{k} {v}" for k, v in card["versions"].items()) + ".",
        "Retraining on the same machine reproduces `parameters_fingerprint` exactly; on another CPU the "
        "vocabularies, idf, thresholds, vetoes and every score below are identical and the coefficients lie within "
        f"{RETRAIN_TOLERANCE['coefficients']:g} (solver rounding; tests/models/test_classifier_artifact.py checks both).",
        "",
        "## Data",
        "",
        "| file | rows | contracts | sha256 |",
        "|---|---:|---:|---|",
    ]
    for name, info in card["data"].items():
        lines.append(f"| `models/data/{name}` | {info['rows']} | {info['contracts']} | `{info['sha256'][:16]}…` |")
    lines += [
        "",
        "Splits are by contract: physician pseudo-contracts by `models/data/physician_split.json` (first corpus: 10",
        "held-out and 9 validation documents, fixed before any model was trained; third corpus: 12 and fourth",
        "corpus: 4 validation documents, each list fixed before its writers wrote; second corpus: training only);",
        "CUAD train-split contracts 15%",
        "validation (seeded), rest train; sample contracts train only. The CUAD test",
        "split is never read. Thresholds and vetoes are chosen on validation; the held-out split is scored after "
        "training and never used for a choice (how often it has been looked at: the main README, Evaluation).",
        "",
        "| split | rows | contracts |",
        "|---|---:|---:|",
    ] + [f"| {name} | {info['rows']} | {info['contracts']} |" for name, info in sizes.items()]
    lines += ["", "## Held-out physician clauses (never used for training or choices)", "",
              "Rules and model fused, as the product runs:", ""]
    lines += _table(held["fused"], card["labels"])
    lines += ["", "For comparison, rules alone and model alone on the same rows:", "",
              "| kind | rules P | rules R | model P | model R |", "|---|---:|---:|---:|---:|"]
    for kind in card["labels"]:
        r, m = held["rules_only"][kind], held["model_only"][kind]
        lines.append(f"| {kind} | {r['precision']:.3f} | {r['recall']:.3f} | {m['precision']:.3f} | {m['recall']:.3f} |")
    lines += ["", "## Thresholds" + ("" if card.get("writer_study") else " (chosen on validation)"), "",
              "A rule tag stays when the model's probability is at least the veto (or, for a specific phrase with",
              f"rule confidence >= {STRONG_RULE}, the strong veto); the model alone tags at the threshold.", "",
              "| kind | threshold | veto | strong veto |", "|---|---:|---:|---:|"]
    lines += [f"| {k} | {card['thresholds'][k]:.2f} | {card['vetoes'][k]:.2f} | {card['strong_vetoes'][k]:.2f} |"
              for k in card["labels"]]
    study, writers = card.get("decision_study"), card.get("writer_study")
    if study:
        lines += ["", f"The settings of {', '.join(study['kinds'])} come from `python -m models.decision_study`",
                  f"(`models/data/{study['file']}`): chosen on the mean of the physician-validation F1 and the clause-level",
                  "F1 on CUAD train-split contracts tagged out of fold, as issue 3 measures it."
                  + ("" if writers else " The others are chosen on validation rows.")]
    if writers:
        lines += ["", f"The settings of {', '.join(writers['kinds'])} come from `python -m models.writer_study`",
                  f"(`models/data/{writers['file']}`): chosen on the F1 of the authored training and validation rows, each",
                  "scored by a model fitted as the trainer fits but without any row of its writer (7 folds of 14 writers),",
                  "because the validation documents share writers with training and the product reads strangers' contracts."]
    lines += [
        "",
        "## Known limits",
        "",
        "- The physician clauses are synthetic (written for this project by fourteen writers, `models/data/README*.md`);",
        "  real physician agreements in other drafting styles will score lower. CUAD supplies real drafting, but",
        "  commercial.",
        "- CUAD covers only four of our kinds (non_compete, non_solicitation, liquidated_damages,",
        "  termination_without_cause); for the others the model learns from physician and sample clauses only.",
        "- CUAD separates Non-Compete from Exclusivity; the model still confuses commercial exclusivity with",
        "  non-competes. See the README's evaluation tables for clause-level scores on the CUAD test split.",
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Train the clause classifier (reproducible, fixed seed).")
    parser.add_argument("--out", type=Path, default=MODEL_PATH.parent, help="folder for the .skops model and its card")
    parser.add_argument("--export-only", action="store_true",
                        help="no training: export the .npz inference file from the .skops model in --out "
                             "and add it to the card")
    args = parser.parse_args(argv)
    if args.export_only:
        card = export_only(args.out)
        print(f"wrote {args.out / card['inference_file']} ({card['inference_bytes'] / 1e6:.1f} MB, "
              f"sha256 {card['inference_sha256']})")
        return
    card = train(args.out)
    rows = [(k, card["physician_held_out"]["fused"][k]) for k in CLAUSE_KINDS]
    print(f"{'kind':28} {'P':>6} {'R':>6} {'F1':>6} {'n':>4}   (physician held-out, rules + model)")
    for kind, s in rows:
        print(f"{kind:28} {s['precision']:>6.3f} {s['recall']:>6.3f} {s['f1']:>6.3f} {s['support']:>4}")


if __name__ == "__main__":
    main()
