"""Termination without cause: short notice, and notice that is not the same for both sides."""

from __future__ import annotations

import re
from decimal import Decimal

from rules.base import RuleContext, fmt_number, quote_for_term, sentences

KIND = "termination_without_cause"
_EMPLOYER = r"\b(?:employer|practice|group|hospital|company|corporation|university|clinic|we)\b"
_PHYSICIAN = r"\b(?:physician|doctor|employee|associate|you)\b"
_BOTH = (
    r"\beither\b|\bboth\b|any party|each party|mutual|the parties|"
    rf"{_EMPLOYER}\s+or\s+(?:the\s+)?{_PHYSICIAN}|{_PHYSICIAN}\s+or\s+(?:the\s+)?{_EMPLOYER}"
)
_WITHOUT_CAUSE = r"without cause|any reason|no reason|convenience|at will|other than for cause"


def _party(sentence: str) -> str:
    """Who holds the without-cause right a sentence grants: 'both', 'employer', 'physician' or '?'."""
    if re.search(_BOTH, sentence):
        return "both"
    actor = re.search(rf"({_EMPLOYER}|{_PHYSICIAN})[^.;]{{0,40}}\b(?:may|shall have the right to|can|is entitled to)\b[^.;]{{0,40}}terminat", sentence)
    if actor:
        return "employer" if re.match(_EMPLOYER, actor.group(1)) else "physician"
    return "?"


def evaluate(ctx: RuleContext) -> None:
    findings = ctx.findings
    text = findings.document.text
    by_id = {c.id: c for c in findings.clauses}
    notices = findings.terms_named("termination_without_cause.notice_days")
    if notices:
        shortest = min(notices, key=lambda t: Decimal(str(t.value)))
        days = Decimal(str(shortest.value))
        severity = "high" if days < ctx.threshold("notice_days_high") else (
            "medium" if days < ctx.threshold("notice_days_medium") else None)
        if severity:
            ctx.add("termination_without_cause.short_notice", severity, by_id.get(shortest.clause_id),
                    quote_for_term(shortest, findings), days=fmt_number(days))

    parties: dict[str, list[tuple[Decimal | None, tuple[int, int]]]] = {}
    for clause in ctx.clauses():
        for start, end in _without_cause_sentences(ctx, clause):
            sentence = text[start:end].lower()
            days = [Decimal(str(t.value)) for t in notices if start <= t.start < end]
            parties.setdefault(_party(sentence), []).append((min(days) if days else None, (start, end)))
    employer, physician = parties.get("employer", []), parties.get("physician", [])
    both = parties.get("both", [])
    if employer and not physician and not both:
        quote = employer[0][1]
        ctx.add("termination_without_cause.asymmetric", "high", _clause_at(findings, quote[0]), quote)
    elif employer and physician:
        e_days = [d for d, _ in employer if d is not None]
        p_days = [d for d, _ in physician if d is not None]
        if e_days and p_days and min(e_days) < min(p_days):
            quote = employer[0][1]
            ctx.add("termination_without_cause.asymmetric", "high", _clause_at(findings, quote[0]), quote)


def _without_cause_sentences(ctx: RuleContext, clause) -> list[tuple[int, int]]:
    text = ctx.findings.document.text
    start = clause.body_start if clause.body_start < clause.end else clause.start
    return [(s, e) for s, e in sentences(text, start, clause.end)
            if re.search(_WITHOUT_CAUSE, text[s:e], re.IGNORECASE) and re.search(r"terminat|end\b", text[s:e], re.IGNORECASE)]


def _clause_at(findings, offset: int):
    candidates = [c for c in findings.clauses if c.start <= offset < c.end]
    return max(candidates, key=lambda c: c.level) if candidates else None
