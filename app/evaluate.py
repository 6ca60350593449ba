"""How good are tagging, terms and flags? Scores against labelled contracts (docs/ground_truth.md).

    evaluate_directory(analyzer, folder) -> Evaluation     every *.truth.json in a folder
    evaluate_cuad(analyzer, split)       -> dict            CUAD spans, with a keyword baseline

Clause level: each labelled clause is paired with the report's clause in document order (by number,
else heading); a report clause left unpaired counts its kinds as false positives, an unpaired
labelled clause counts its kinds as misses. Terms: a labelled term is right when the report has the
same name with the value within 1% (exact for labels). Flags: expected high flags raised, and high
flags raised that were not expected.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from nlp.kinds import CLAUSE_KINDS, TERM_UNITS

RELATIVE_TOLERANCE = 0.01


def prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3),
            "tp": tp, "fp": fp, "fn": fn}


def match_clauses(truth_clauses: Sequence[dict], report_clauses: Sequence[dict]) -> list[tuple[dict, dict | None]]:
    """Pair each labelled clause with the report's clause, in document order (by number, else heading)."""
    pairs: list[tuple[dict, dict | None]] = []
    cursor = 0
    for wanted in truth_clauses:
        found = None
        for index in range(cursor, len(report_clauses)):
            candidate = report_clauses[index]
            if wanted["number"] is not None:
                same = candidate["number"] == wanted["number"]
            else:
                same = candidate["number"] is None and (candidate["heading"] or "").strip().lower() == (
                    wanted["heading"] or "").strip().lower()
            if same:
                found, cursor = candidate, index + 1
                break
        pairs.append((wanted, found))
    return pairs


def same_value(expected: float | str, actual: float | str) -> bool:
    if isinstance(expected, str) or isinstance(actual, str):
        return expected == actual
    return abs(float(actual) - float(expected)) <= RELATIVE_TOLERANCE * abs(float(expected)) + 1e-9


@dataclass
class Evaluation:
    """Counts over a set of labelled contracts; ``as_dict`` gives the scores."""

    contracts: list[str] = field(default_factory=list)
    errors: dict[str, str] = field(default_factory=dict)
    kinds: Counter[tuple[str, str]] = field(default_factory=Counter)  # (kind, tp|fp|fn)
    terms: Counter[tuple[str, str]] = field(default_factory=Counter)  # (name, right|wrong|extra)
    flags: Counter[str] = field(default_factory=Counter)  # expected_raised | expected_missed | unexpected_high
    clauses_paired: int = 0
    clauses_labelled: int = 0

    def add_report(self, truth: dict, report: dict) -> None:
        self.contracts.append(truth["file"])
        pairs = match_clauses(truth["clauses"], report["clauses"])
        paired_ids = set()
        for wanted, found in pairs:
            self.clauses_labelled += 1
            got = {k["kind"] for k in found["kinds"]} if found else set()
            if found:
                self.clauses_paired += 1
                paired_ids.add(found["id"])
            for kind in CLAUSE_KINDS:
                if kind in got and kind in wanted["kinds"]:
                    self.kinds[(kind, "tp")] += 1
                elif kind in got:
                    self.kinds[(kind, "fp")] += 1
                elif kind in wanted["kinds"]:
                    self.kinds[(kind, "fn")] += 1
        for clause in report["clauses"]:
            if clause["id"] not in paired_ids:
                for kind in {k["kind"] for k in clause["kinds"]}:
                    self.kinds[(kind, "fp")] += 1
        found_terms = report["terms"]
        for term in truth["terms"]:
            values = [t["value"] for t in found_terms if t["name"] == term["name"]]
            self.terms[(term["name"], "right" if any(same_value(term["value"], v) for v in values) else "wrong")] += 1
        for term in found_terms:
            if not any(t["name"] == term["name"] and same_value(t["value"], term["value"]) for t in truth["terms"]):
                self.terms[(term["name"], "extra")] += 1
        raised = {f["id"] for f in report["flags"] if f["severity"] == "high"}
        expected = set(truth["expected_high_flags"])
        self.flags["expected_raised"] += len(expected & raised)
        self.flags["expected_missed"] += len(expected - raised)
        self.flags["unexpected_high"] += len(raised - expected)

    def as_dict(self) -> dict:
        kinds = {kind: prf(self.kinds[(kind, "tp")], self.kinds[(kind, "fp")], self.kinds[(kind, "fn")])
                 for kind in CLAUSE_KINDS}
        totals = [sum(self.kinds[(k, x)] for k in CLAUSE_KINDS) for x in ("tp", "fp", "fn")]
        terms = {}
        for name in TERM_UNITS:
            right, wrong, extra = (self.terms[(name, x)] for x in ("right", "wrong", "extra"))
            if right + wrong + extra:
                terms[name] = {"labelled": right + wrong, "right": right,
                               "accuracy": round(right / (right + wrong), 3) if right + wrong else None,
                               "extra": extra}
        expected = self.flags["expected_raised"] + self.flags["expected_missed"]
        return {
            "contracts": len(self.contracts),
            "errors": self.errors,
            "clauses_labelled": self.clauses_labelled,
            "clauses_paired": self.clauses_paired,
            "kinds": kinds,
            "kinds_micro": prf(*totals),
            "terms": terms,
            "flags": {**dict(self.flags),
                      "expected_high_recall": round(self.flags["expected_raised"] / expected, 3) if expected else None},
        }


def truth_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.truth.json"))


def evaluate_directory(analyzer, folder: Path) -> Evaluation:
    """Analyse every labelled contract in ``folder`` and score it. A truth file's ``file`` is relative to it."""
    from nlp.errors import InputError

    evaluation = Evaluation()
    for truth_path in truth_files(folder):
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
        contract = (truth_path.parent / truth["file"]).resolve()
        try:
            report = json.loads(analyzer.analyze(contract).model_dump_json())
        except (InputError, FileNotFoundError) as error:
            evaluation.errors[truth["file"]] = str(error)
            continue
        evaluation.add_report(truth, report)
    return evaluation


# ---------------------------------------------------------------------------------------------- CUAD
#: The keyword baseline: a clause is tagged when it holds any of these (lower-cased) strings.
KEYWORD_BASELINE: dict[str, tuple[str, ...]] = {
    "non_compete": ("compete", "competition", "competitive", "competing"),
    "non_solicitation": ("solicit",),
    "liquidated_damages": ("liquidated damages",),
    "termination_without_cause": ("without cause", "for convenience", "for any reason"),
}
#: CUAD category reported for each kind (No-Solicit of Customers is scored separately below).
CUAD_CATEGORY_FOR_KIND = {
    "non_compete": ("Non-Compete",),
    "non_solicitation": ("No-Solicit of Employees",),
    "liquidated_damages": ("Liquidated Damages",),
    "termination_without_cause": ("Termination for Convenience",),
}


def evaluate_cuad(analyzer, split: str = "test", limit: int | None = None, per_contract: bool = False) -> dict:
    """Clause-level precision/recall/F1 on CUAD spans with the issue's hit criterion, and a keyword baseline.

    ``per_contract`` adds each contract's counts ("system|kind|tp_clause|fp|span_hit|span_miss" -> n), which
    sum to the totals, so that the scores can be resampled by contract (scripts/cuad_bootstrap.py).

    Recall: labelled spans hit by at least one clause tagged with the kind. Precision: tagged clauses
    that hit at least one labelled span of the kind. The clauses are ours (segmented from the PDF); the
    baseline tags the same clauses by keywords.
    """
    from models import cuad
    from nlp.errors import InputError

    counts: Counter[tuple[str, str, str]] = Counter()  # (system, kind, tp_clause|fp|span_hit|span_miss)
    by_contract: dict[int, dict[str, int]] = {}  # doc id -> "system|kind|count" -> n (for resampling)
    contracts = errors = 0
    if split == "validation":  # the train-split contracts the classifier's trainer held out
        from models.train import cuad_validation_doc_ids

        keep = cuad_validation_doc_ids()
        documents = [(d, p) for d, p in cuad.documents("train") if d in keep]
    else:
        documents = list(cuad.documents(split))
    for doc_id, pdf in documents:
        if limit is not None and contracts >= limit:
            break
        try:
            report = analyzer.analyze(pdf)
        except InputError:
            errors += 1
            continue
        contracts += 1
        before = counts.copy()
        spans = cuad.spans(doc_id)
        clause_words = {c.id: Counter(cuad.words(c.text)) for c in report.clauses}
        for kind, categories in CUAD_CATEGORY_FOR_KIND.items():
            kind_spans = [s for s in spans if s.category in categories]
            systems = {
                "contract-risk": [c for c in report.clauses if any(k.kind == kind for k in c.kinds)],
                "keyword baseline": [c for c in report.clauses
                                     if any(w in c.text.lower() for w in KEYWORD_BASELINE[kind])],
            }
            for system, tagged in systems.items():
                for clause in tagged:
                    hit = any(cuad.hits(clause_words[clause.id], s.words) for s in kind_spans)
                    counts[(system, kind, "tp_clause" if hit else "fp")] += 1
                for span in kind_spans:
                    hit = any(cuad.hits(clause_words[c.id], span.words) for c in tagged)
                    counts[(system, kind, "span_hit" if hit else "span_miss")] += 1
        by_contract[doc_id] = {"|".join(key): n for key, n in sorted((counts - before).items())}
    result: dict = {"split": split, "contracts": contracts, "refused": errors, "systems": {}}
    for system in ("contract-risk", "keyword baseline"):
        result["systems"][system] = {}
        for kind in CUAD_CATEGORY_FOR_KIND:
            tp_clause, fp = counts[(system, kind, "tp_clause")], counts[(system, kind, "fp")]
            span_hit, span_miss = counts[(system, kind, "span_hit")], counts[(system, kind, "span_miss")]
            precision = tp_clause / (tp_clause + fp) if tp_clause + fp else 0.0
            recall = span_hit / (span_hit + span_miss) if span_hit + span_miss else 0.0
            f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
            result["systems"][system][kind] = {
                "precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3),
                "tagged_clauses": tp_clause + fp, "spans": span_hit + span_miss,
            }
    if per_contract:
        result["per_contract"] = by_contract
    return result


def format_table(scores: dict) -> str:
    """A plain table of a directory evaluation."""
    lines = [f"{'kind':28} {'P':>6} {'R':>6} {'F1':>6} {'tp':>4} {'fp':>4} {'fn':>4}"]
    for kind, s in scores["kinds"].items():
        if s["tp"] + s["fp"] + s["fn"]:
            lines.append(f"{kind:28} {s['precision']:>6.3f} {s['recall']:>6.3f} {s['f1']:>6.3f} "
                         f"{s['tp']:>4} {s['fp']:>4} {s['fn']:>4}")
    m = scores["kinds_micro"]
    lines.append(f"{'(all kinds, micro)':28} {m['precision']:>6.3f} {m['recall']:>6.3f} {m['f1']:>6.3f} "
                 f"{m['tp']:>4} {m['fp']:>4} {m['fn']:>4}")
    if scores["terms"]:
        lines += ["", f"{'term':42} {'labelled':>8} {'right':>6} {'accuracy':>8} {'extra':>6}"]
        for name, t in scores["terms"].items():
            accuracy = f"{t['accuracy']:.3f}" if t["accuracy"] is not None else "-"
            lines.append(f"{name:42} {t['labelled']:>8} {t['right']:>6} {accuracy:>8} {t['extra']:>6}")
    f = scores["flags"]
    lines += ["", f"high flags: expected {f.get('expected_raised', 0) + f.get('expected_missed', 0)}, "
                  f"raised {f.get('expected_raised', 0)}, missed {f.get('expected_missed', 0)}, "
                  f"raised but not expected {f.get('unexpected_high', 0)}"]
    lines.append(f"contracts {scores['contracts']}, clauses labelled {scores['clauses_labelled']}, "
                 f"paired {scores['clauses_paired']}" + (f", errors {len(scores['errors'])}" if scores["errors"] else ""))
    return "\n".join(lines)


def format_cuad_table(result: dict) -> str:
    lines = [f"CUAD {result['split']} split: {result['contracts']} contracts analysed"
             + (f", {result['refused']} refused" if result["refused"] else ""),
             f"{'kind':28} {'system':18} {'P':>6} {'R':>6} {'F1':>6} {'tagged':>7} {'spans':>6}"]
    for kind in CUAD_CATEGORY_FOR_KIND:
        for system, per_kind in result["systems"].items():
            s = per_kind[kind]
            lines.append(f"{kind:28} {system:18} {s['precision']:>6.3f} {s['recall']:>6.3f} {s['f1']:>6.3f} "
                         f"{s['tagged_clauses']:>7} {s['spans']:>6}")
    return "\n".join(lines)
