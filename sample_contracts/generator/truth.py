"""Ground truth (docs/ground_truth.md) computed from the pieces' metadata and the recorded pages.

Flags follow docs/flags.md. Flags that depend on one wording alone (e.g. "admission at the sole
discretion of the partners") are declared by the piece that says it; flags that depend on numbers
or on the whole contract (radius, duration, call ratio, notice, tail payer, liquidated damages
against base salary) are computed here from the terms and facts, with the thresholds of flags.md.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

from .layout import Layout
from .model import Piece, Table

REPO = Path(__file__).resolve().parents[2]
FORMAT = "contract-risk-truth/1"


def _load_kinds():
    spec = importlib.util.spec_from_file_location("_contract_risk_kinds", REPO / "nlp" / "kinds.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


KINDS = _load_kinds()
CLAUSE_KINDS: tuple[str, ...] = KINDS.CLAUSE_KINDS
TERM_UNITS: dict = KINDS.TERM_UNITS
TERM_CHOICES: dict = KINDS.TERM_CHOICES


def flag_ids() -> list[str]:
    """Flag ids in the order of the table in docs/flags.md."""
    text = (REPO / "docs" / "flags.md").read_text(encoding="utf-8")
    return re.findall(r"^\| `([a-z_]+\.[a-z_]+)` \|", text, flags=re.M)


FLAG_IDS = flag_ids()

HIGH, MEDIUM = "high", "medium"
DECLARED = {
    "non_compete.survives_without_cause": MEDIUM,
    "partnership_track.no_timeline": HIGH,
    "partnership_track.sole_discretion": HIGH,
    "partnership_track.buy_in_undefined": MEDIUM,
    "rvu_compensation.unilateral_change": HIGH,
    "rvu_compensation.salary_clawback": HIGH,
    "rvu_compensation.frozen_rvu_year": MEDIUM,
    "call_compensation.no_cap": HIGH,
    "call_compensation.unpaid": MEDIUM,
    "call_compensation.unilateral_change": HIGH,
    "ancillary_income.excluded": MEDIUM,
    "ancillary_income.partners_only": HIGH,
    "ancillary_income.outside_income_assigned": HIGH,
    "non_solicitation.patient_contact_barred": HIGH,
    "termination_without_cause.asymmetric": HIGH,
    "repayment_clawback.no_proration": HIGH,
    "repayment_clawback.without_cause_trigger": HIGH,
}


def _items(layout: Layout):
    """Every piece and table of the contract, in document order."""
    c = layout.contract
    yield from c.front
    for node in c.nodes():
        yield from node.body
    yield from c.closing


def collect(layout: Layout):
    kinds: set[str] = set()
    terms: list[tuple[str, object]] = []
    declared: list[str] = []
    facts: dict[str, list] = {}
    for item in _items(layout):
        assert isinstance(item, Piece | Table)
        kinds.update(item.kinds)
        for name, value in item.terms:
            if (name, value) not in terms:
                terms.append((name, value))
        for flag in item.flags:
            if flag not in declared:
                declared.append(flag)
        for name, value in item.facts:
            facts.setdefault(name, []).append(value)
    return kinds, terms, declared, facts


def compute_flags(layout: Layout) -> dict[str, str]:
    """Every flag the contract should raise, with its severity."""
    kinds, terms, declared, facts = collect(layout)
    values: dict[str, list] = {}
    for name, value in terms:
        values.setdefault(name, []).append(value)
    flags: dict[str, str] = {}
    for flag in declared:
        if flag not in DECLARED:
            raise ValueError(f"{flag} is computed, not declared")
        flags[flag] = DECLARED[flag]

    if radii := values.get("non_compete.radius_miles"):
        if max(radii) > 15:
            flags["non_compete.radius_wide"] = HIGH
        elif max(radii) >= 11:
            flags["non_compete.radius_wide"] = MEDIUM
    if months := values.get("non_compete.duration_months"):
        if max(months) >= 24:
            flags["non_compete.duration_long"] = HIGH
        elif max(months) >= 13:
            flags["non_compete.duration_long"] = MEDIUM
    if "all_sites" in values.get("non_compete.scope", []):
        flags["non_compete.all_sites"] = HIGH

    if "partnership_track" in kinds:
        has_timeline = bool(values.get("partnership_track.years_to_eligibility"))
        if has_timeline == ("partnership_track.no_timeline" in flags):
            raise ValueError("partnership timeline and the no_timeline flag disagree")

    if any(cf <= 36 for cf in values.get("rvu_compensation.conversion_factor_usd", [])):
        flags["rvu_compensation.cf_near_medicare"] = MEDIUM

    if freq := values.get("call_compensation.frequency_one_in"):
        if min(freq) < 4:
            flags["call_compensation.frequent"] = HIGH

    if (months := facts.get("ns_months")) and max(months) >= 24:
        flags["non_solicitation.long"] = MEDIUM

    payers = values.get("tail_coverage.payer", [])
    if "tail_coverage" not in kinds:
        flags["tail_coverage.missing"] = MEDIUM
    elif "physician" in payers:
        flags["tail_coverage.physician_pays"] = HIGH
    elif "shared" in payers:
        flags["tail_coverage.physician_pays"] = MEDIUM
    if "unspecified" in payers:
        flags["tail_coverage.unspecified"] = HIGH

    if notice := values.get("termination_without_cause.notice_days"):
        if min(notice) < 60:
            flags["termination_without_cause.short_notice"] = HIGH
        elif min(notice) < 90:
            flags["termination_without_cause.short_notice"] = MEDIUM

    if "liquidated_damages" in kinds:
        salary = min(values.get("base_compensation.base_salary_usd", [0]) or [0])
        amounts = values.get("liquidated_damages.amount_usd", [])
        fractions = facts.get("ld_salary_fraction", [])
        if facts.get("ld_injunction"):
            flags["liquidated_damages.present"] = HIGH
        elif amounts and salary and max(amounts) >= salary:
            flags["liquidated_damages.present"] = HIGH
        elif fractions and max(fractions) >= 1:
            flags["liquidated_damages.present"] = HIGH
        elif (amounts and salary) or fractions:
            flags["liquidated_damages.present"] = MEDIUM
        else:
            raise ValueError("liquidated damages with nothing to compare against: ambiguous severity")

    for flag in flags:
        if flag not in FLAG_IDS:
            raise ValueError(f"unknown flag {flag}")
        kind = flag.split(".")[0]
        if kind not in kinds and not flag.endswith(".missing"):
            raise ValueError(f"flag {flag} raised but kind {kind} is absent")
    return flags


#: Words that must not appear in a contract where the kind is listed as absent (hard negatives).
ABSENT_CUES = {
    "non_compete": r"non-?compet|\bcompete\b|competing|competition|competitor|restricted area|radius",
    "partnership_track": r"partnership|\bpartners\b|shareholder|buy-in|\bmember of the (group|practice)",
    "rvu_compensation": r"\bw?RVU|relative value|productivity|conversion factor",
    "call_compensation": r"\bcall\b|on-call",
    "ancillary_income": r"ancillary|imaging|laborator|honorari|expert witness|moonlight|royalt|"
                        r"outside (professional )?(income|activit)|designated health|technical component",
    "non_solicitation": r"solicit",
    "tail_coverage": r"malpractice|professional liability|claims-made|\btail\b|extended reporting|occurrence",
    "termination_without_cause": r"without cause|or no reason|not for cause",
    "liquidated_damages": r"liquidated",
    "repayment_clawback": r"repay|sign-on|signing bonus|commencement bonus|relocation|forgiv|claw",
    "base_compensation": r"salary|base pay|guarantee|\bdraw\b|sign-on|signing bonus",
}


def lint_absent(layout: Layout, absent: list[str]) -> None:
    """Fail if a kind listed as absent is hinted at anywhere in the printed text."""
    text = "\n".join(block.plain for block in layout.blocks if block.kind == "para")
    for allowed in layout.contract.lint_allow:
        text = text.replace(allowed, "")
    for kind in absent:
        match = re.search(ABSENT_CUES[kind], text, flags=re.I)
        if match:
            start = max(0, match.start() - 60)
            raise ValueError(f"{layout.contract.stem}: {kind} is listed absent but the text says "
                             f"{text[start:match.end() + 40]!r}")


def build_truth(layout: Layout, pages: dict[str, list[int]]) -> dict:
    c = layout.contract
    kinds, terms, _, _ = collect(layout)
    clauses = []
    for info in layout.clauses:
        drawn = pages.get(info.nid)
        if not drawn:
            raise ValueError(f"{c.stem}: clause {info.number or info.node.heading!r} was never drawn")
        clauses.append({
            "number": info.number,
            "heading": info.heading.rstrip(".:") if info.heading else None,
            "page_start": drawn[0],
            "page_end": drawn[-1],
            "kinds": [k for k in CLAUSE_KINDS if k in info.node.kinds],
            "starts_with": layout.starts_with(info),
        })
    out_terms = []
    for name, value in terms:
        if name not in TERM_UNITS:
            raise ValueError(f"unknown term {name}")
        if name in TERM_CHOICES and value not in TERM_CHOICES[name]:
            raise ValueError(f"{name}={value!r} is not one of {TERM_CHOICES[name]}")
        out_terms.append({"name": name, "value": value, "unit": TERM_UNITS[name]})
    flags = compute_flags(layout)
    for kind in kinds:
        if kind not in CLAUSE_KINDS:
            raise ValueError(f"unknown kind {kind}")
    absent = [k for k in CLAUSE_KINDS if k not in kinds]
    lint_absent(layout, absent)
    return {
        "format": FORMAT,
        "file": f"{c.stem}.{c.fmt}",
        "description": c.description,
        "context": c.context,
        "clauses": clauses,
        "terms": out_terms,
        "expected_high_flags": [f for f in FLAG_IDS if flags.get(f) == HIGH],
        "absent_kinds": absent,
    }
