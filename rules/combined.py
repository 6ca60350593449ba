"""Risks no single clause shows: flags that read the other kinds' findings (run after them)."""

from __future__ import annotations

from decimal import Decimal

from rules import non_compete
from rules.base import Flag, RuleContext, fmt_number

KIND = "non_compete"


def evaluate(ctx: RuleContext, flags: list[Flag]) -> None:
    """The employer can end the job without cause, the non-compete still binds, and the physician pays tail."""
    findings = ctx.findings
    covenant = ctx.clauses()
    if not covenant:
        return
    if non_compete.has_without_cause_carve_out(ctx, covenant):
        return  # the covenant falls away when the employer ends the job without cause
    raised = {f.id: f for f in flags}
    verdict = non_compete.state_verdict(findings)
    if verdict is not None and verdict[1].severity == "high" and verdict[0].rule in ("ban", "ban_all_workers"):
        return  # a covenant that is likely void cannot bar the town
    notice = raised.get("termination_without_cause.short_notice") or raised.get("termination_without_cause.asymmetric")
    tail = raised.get("tail_coverage.physician_pays")
    if notice is None or tail is None:
        return
    days = [Decimal(str(t.value)) for t in findings.terms_named("termination_without_cause.notice_days")]
    text = f"{fmt_number(min(days))} days' notice" if days else "notice that favours the employer"
    ctx.add("non_compete.fired_and_barred", "high", covenant[0], None, notice=text)
