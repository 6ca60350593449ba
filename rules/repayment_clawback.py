"""Repayment of incentives: all-or-nothing repayment, and repayment owed even when let go without cause."""

from __future__ import annotations

from rules.base import RuleContext, fmt_number

KIND = "repayment_clawback"
_REPAY = r"repa|refund|reimburse|return|pay back|forfeit|claw ?back|recoup"
_PRORATED = (
    r"pro[- ]?rat|amortiz|forgiv|forgiven|unearned portion|unamortized|unforgiven|reduced by|for each (?:full |complete )?"
    r"(?:month|year)|\b1/(?:12|24|36|48)\b|one[- ](?:twelfth|twenty-fourth|thirty-sixth)|declin|remaining (?:portion|months|term)|"
    r"multiplied by a fraction|fraction, the numerator"
)
_FULL = r"entire|full|all of|100 ?%|one hundred percent|the total|in its entirety|whole"
_NOT_PRORATED = r"(?:without|not|no|never|rather than|instead of)\s+(?:be\s+|any\s+)?(?:pro[- ]?rat|amortiz|forgiv|reduc)"
_ANY_REASON = (
    r"for any reason|regardless of (?:the )?(?:reason|cause)|with or without cause|whether (?:voluntar|by either|with or)|"
    r"however (?:terminated|caused)|for whatever reason|any termination|terminat\w* (?:by employer )?without cause"
)
_WAIVED = (
    r"(?:except|unless|other than|provided that|shall not apply|will not apply|waived?|excused|no repayment)[^.;]{0,100}"
    r"(?:without cause|employer terminates|not for cause|death|disability)|without cause[^.;]{0,80}(?:no repayment|waive|excused|shall not (?:be required|apply))"
)


def evaluate(ctx: RuleContext) -> None:
    findings = ctx.findings
    clauses = [c for c in ctx.clauses() if ctx.sentence_matching(c, _REPAY)]
    if not clauses:
        return
    amounts = findings.terms_named("repayment_clawback.amount_usd")
    amount_text = f" (${fmt_number(amounts[0].value)})" if amounts else ""
    for clause in clauses:
        prorated = ctx.sentence_matching(clause, _PRORATED, unless=_NOT_PRORATED)
        full = ctx.sentence_matching(clause, [_FULL, _REPAY])
        if not prorated:
            ctx.add("repayment_clawback.no_proration", "high", clause, full or ctx.sentence_matching(clause, _REPAY),
                    amount_text=amount_text)
            break
    for clause in clauses:
        quote = ctx.sentence_matching(clause, [_ANY_REASON, rf"{_REPAY}|bonus|relocation|incentive"])
        if quote and not ctx.sentence_matching(clause, _WAIVED):
            ctx.add("repayment_clawback.without_cause_trigger", "high", clause, quote)
            break
