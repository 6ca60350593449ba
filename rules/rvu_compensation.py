"""RVU productivity pay: unilateral changes, salary clawbacks, a Medicare-level rate, frozen RVU years."""

from __future__ import annotations

from decimal import Decimal

from rules.base import MUTUAL_ONLY, RuleContext, fmt_number, quote_for_term
from rules.reference import specialty

KIND = "rvu_compensation"
_ACTOR = r"(?:employer|practice|group|hospital|company|corporation|university|system|we)"
_CHANGE = r"(?:adjust|modify|amend|change|revise|update|increase|decrease|reduce|re-?set|recalibrate|alter)"
_OBJECT = (
    r"(?:conversion factor|threshold|(?:per[- ])?w?rvu rate|rate per w?rvu|rates? per work|tiers?\b|compensation plan|"
    r"compensation methodology|compensation formula|wrvu|\brvu|productivity|incentive plan|bonus formula)"
)
_UNILATERAL = (
    rf"{_ACTOR}\s+(?:may|shall have the (?:right|discretion) to|reserves the right to|can|will have the right to)\s+[^.;]{{0,80}}{_CHANGE}[^.;]{{0,120}}{_OBJECT}|"
    rf"{_OBJECT}[^.;]{{0,80}}(?:may|shall|will) be {_CHANGE}\w*[^.;]{{0,80}}(?:by {_ACTOR}|annually|from time to time|at any time|in (?:its|the) (?:sole )?discretion)|"
    rf"(?:sole|absolute) discretion[^.;]{{0,120}}{_OBJECT}|{_OBJECT}[^.;]{{0,120}}(?:sole|absolute) discretion"
)
_NOT_RECOVERED = (
    r"(?:shall|will|may|must|does|do|is|are|cannot|can)\s*(?:not|n't)\s+(?:be\s+)?(?:reduc|repa|recover|offset|recoup|claw|deduct|owe|refund|adjust)|"
    r"not (?:be )?contingent|no (?:repayment|clawback|claw-back|reduction|recoupment|offset)|without (?:any )?(?:reduction|repayment|offset)|"
    r"(?:not|never) (?:owe|repay|be required to repay)|guaranteed and (?:shall|will) not"
)
_SHORTFALL = (
    r"shortfall|deficit|deficiency|below (?:the )?(?:threshold|target|minimum|expected)|fails? to (?:meet|achieve|reach|attain|produce)|"
    r"less than (?:the )?(?:threshold|target|minimum|required)|does not (?:meet|achieve|reach)|not (?:meet|achieve|attain)|under-?produc|"
    r"(?:salary|compensation|draw|advance|guarantee|amounts?)(?: \w+){0,3} (?:paid|advanced)?[^.;]{0,20}exceeds?|"
    r"the excess|negative balance|deficit balance|overpaid|overpayment of (?:salary|compensation|the guarantee)"
)
_RECOVER = r"reduc|repay|refund|reimburse|offset|deduct|recoup|recover|claw ?back|adjusted downward|true-?up|reconcil|returned"
_FROZEN = (
    r"(?:19|20)\d\d\s+(?:medicare\s+)?(?:physician fee schedule|mpfs|rvu|wrvu|relative value)|"
    r"(?:rvu|wrvu|relative value units?)s?[^.;]{0,40}(?:in effect|published|established)\s+(?:on|as of)\s+(?:the effective date|the date)|"
    r"(?:rvu|wrvu|relative value units?)s?[^.;]{0,40}(?:for|of)\s+(?:calendar\s+)?(?:year\s+)?(?:19|20)\d\d\b|"
    r"(?:fixed|frozen|locked)[^.;]{0,40}(?:rvu|fee schedule|relative value)"
)


_APP = r"nurse practitioner|physician assistant|advanced practice|\bapps?\b|mid-?level|\bnps?\b|\bpas?\b|\bcrnas?\b"
_NO_CREDIT = r"(?:not|no|never|without)\b[^.;]{0,60}credit|credit[^.;]{0,40}(?:excluded|shall not|will not)|excluded from[^.;]{0,40}(?:w?rvu|production)"


def evaluate(ctx: RuleContext) -> None:
    findings = ctx.findings
    clauses = ctx.clauses() + [c for c in findings.clauses_of("base_compensation") if c not in ctx.clauses()]
    by_id = {c.id: c for c in findings.clauses}

    found = ctx.first_sentence_matching(clauses, _UNILATERAL, unless=rf"{MUTUAL_ONLY}|\bcall\b")
    if found:
        ctx.add("rvu_compensation.unilateral_change", "high", *found)

    found = ctx.first_sentence_matching(
        clauses, [_SHORTFALL, _RECOVER, r"salary|base|compensation|draw|paid|advance"],
        unless=_NOT_RECOVERED,
    )
    if found:
        ctx.add("rvu_compensation.salary_clawback", "high", *found)

    floor = ctx.threshold("conversion_factor_floor_usd")
    low = [t for t in findings.terms_named("rvu_compensation.conversion_factor_usd") if Decimal(str(t.value)) <= floor]
    if low:
        term = min(low, key=lambda t: Decimal(str(t.value)))
        ctx.add("rvu_compensation.cf_near_medicare", "medium", by_id.get(term.clause_id), quote_for_term(term, findings),
                cf=f"{Decimal(str(term.value)):.2f}")

    for clause in ctx.clauses():
        quote = ctx.sentence_matching(clause, _FROZEN)
        if quote:
            ctx.add("rvu_compensation.frozen_rvu_year", "medium", clause, quote)
            break

    found = ctx.first_sentence_matching(ctx.clauses(), [_APP, _NO_CREDIT])
    if found:
        ctx.add("rvu_compensation.no_app_credit", "medium", *found)
    _benchmarks(ctx)


def _benchmarks(ctx: RuleContext) -> None:
    """Against the specialty's reported figures, when a specialty is known and a figure exists."""
    findings = ctx.findings
    context = findings.context
    row = specialty(context.specialty) if context else None
    if row is None:
        return
    median = row.metrics.get("survey_comp_per_wrvu")
    factors = findings.terms_named("rvu_compensation.conversion_factor_usd")
    if median is None or not factors:
        return
    lowest = min(factors, key=lambda t: Decimal(str(t.value)))
    cf = Decimal(str(lowest.value))
    if cf >= Decimal(str(median.value)):
        return
    by_id = {c.id: c for c in findings.clauses}
    values = dict(cf=f"{cf:.2f}", median=f"{median.value:.0f}", specialty=row.name, year=median.data_year,
                  source=median.source, confidence=median.confidence)
    p75 = row.metrics.get("wrvu_p75")
    thresholds = findings.terms_named("rvu_compensation.wrvu_threshold")
    threshold = max((Decimal(str(t.value)) for t in thresholds), default=None)
    if p75 is not None and threshold is not None and threshold >= Decimal(str(p75.value)):
        p50 = row.metrics.get("wrvu_p50")
        ctx.add("rvu_compensation.high_threshold_low_rate", "high", by_id.get(lowest.clause_id),
                quote_for_term(lowest, findings), threshold=fmt_number(threshold), p75=fmt_number(p75.value),
                p50_text=f"about {fmt_number(p50.value)} wRVUs" if p50 else "the reported median", **values)
    else:
        ctx.add("rvu_compensation.cf_below_benchmark", "medium", by_id.get(lowest.clause_id),
                quote_for_term(lowest, findings), **values)
