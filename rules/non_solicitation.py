"""Non-solicitation: barred from treating patients who follow you, or from telling them where you went."""

from __future__ import annotations

import re
from decimal import Decimal

from nlp.terms.quantities import find_quantities
from rules.base import RuleContext, fmt_number

KIND = "non_solicitation"
_NEGATION = r"(?:shall not|will not|may not|agrees? not to|must not|refrain from|is prohibited from|not to)"
_PATIENT_CHOICE = (
    rf"{_NEGATION}[^.;]{{0,120}}(?:accept|treat|see|provide (?:services|care|treatment)|render (?:services|care))[^.;]{{0,80}}patients?"
    rf"[^.;]{{0,120}}(?:whether or not|even if|regardless|who (?:seek|contact|request|choose)|initiat|unsolicited|on (?:their|his|her) own)|"
    rf"{_NEGATION}[^.;]{{0,60}}(?:notify|inform|announce|contact|communicate with|send)[^.;]{{0,60}}patients?"
    rf"[^.;]{{0,80}}(?:depart|leav|new (?:practice|location|address)|relocat|termination)"
)


def evaluate(ctx: RuleContext) -> None:
    clauses = ctx.clauses()
    for clause in clauses:
        quote = ctx.sentence_matching(clause, _PATIENT_CHOICE)
        if quote:
            ctx.add("non_solicitation.patient_contact_barred", "high", clause, quote)
            break
    threshold = ctx.threshold("duration_months_medium")
    for clause in clauses:
        durations = [q for q in find_quantities(clause.text) if q.kind == "duration" and q.value >= threshold
                     and q.value <= Decimal(120)]
        if durations:
            longest = max(durations, key=lambda q: q.value)
            quote = ctx.sentence_matching(clause, re.escape(longest.text))
            ctx.add("non_solicitation.long", "medium", clause, quote, months=fmt_number(longest.value))
            break
