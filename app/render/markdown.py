"""A Markdown report: flag list first (worst first), then key terms, then clauses by kind."""

from __future__ import annotations

import html

from app.render.common import DISCLAIMER, KIND_LABELS, TERM_LABELS, format_value, pages_text
from rules.report import Report

_BADGE = {"high": "🔴 HIGH", "medium": "🟠 MEDIUM", "low": "🟡 LOW", "info": "ℹ️ INFO"}


def _escape(text: str) -> str:
    """Contract-derived text for a Markdown line or table cell: HTML in it is shown, never run (Markdown
    viewers render raw HTML), and it cannot break the table or the line."""
    return html.escape(text, quote=False).replace("|", "\\|").replace("\n", " ")


def render_markdown(report: Report) -> str:
    s = report.summary
    out = [
        f"# Contract risk report: {_escape(report.document.filename)}",
        "",
        f"**Risk score {s.risk_score}/100** · {s.counts_by_severity.get('high', 0)} high · "
        f"{s.counts_by_severity.get('medium', 0)} medium · {s.counts_by_severity.get('low', 0)} low · "
        f"{pages_text(report)} · legal {s.legal_risk_score}/100 · financial {s.financial_risk_score}/100",
        "",
    ]
    if report.context:
        c = report.context
        out += [f"*Context:* specialty {c.specialty_name or 'unknown'} ({c.origins['specialty']}), "
                f"state {c.state_name or 'unknown'} ({c.origins['state']}), "
                f"setting {(c.setting or 'unknown').replace('_', ' ')} ({c.origins['setting']}), "
                f"contract date {c.contract_date} ({c.origins['signed']}).", ""]
    for warning in report.document.warnings:
        out += [f"> **Warning:** {warning}", ""]
    out += ["## Flags", ""]
    if not report.flags:
        out += ["No risk flags were raised.", ""]
    for flag in report.flags:
        where = f"page {flag.page}" if flag.page else "missing from the contract"
        out += [f"### {_BADGE[flag.severity]} · {flag.title} ({where})", ""]
        if flag.quote:
            out += [f"> {_escape(flag.quote)}", ""]
        out += [f"**Why it matters.** {flag.explanation}", ""]
        if flag.benchmark:
            out += [f"**Benchmark.** {flag.benchmark}", ""]
        out += [f"**Ask.** {flag.question}", ""]
        if flag.suggested_ask:
            out += [f"**Suggested ask.** {flag.suggested_ask}", ""]
    if report.terms:
        out += ["## Key terms", "", "| Term | Value | Page |", "|---|---|---|"]
        for term in report.terms:
            label = TERM_LABELS.get(term.name, (term.name, ""))[0]
            out.append(f"| {label} | {_escape(format_value(term.name, term.value))} | {term.page} |")
        out.append("")
    if report.projection:
        p = report.projection
        out += ["## First-year pay by production", "", f"{p.model}", "", "| Production | wRVUs | Total |", "|---|---:|---:|"]
        out += [f"| {_escape(row.label)} | {row.wrvus:,.0f} | ${row.total_usd:,.0f} |" for row in p.rows]
        out += [""] + [f"- {note}" for note in p.notes] + [""]
    out += ["## Clauses by kind", ""]
    for kind in s.kinds_found:
        out += [f"### {KIND_LABELS[kind]}", ""]
        for clause in report.clauses:
            if any(k.kind == kind for k in clause.kinds):
                label = " ".join(x for x in (clause.number, clause.heading) if x) or clause.id
                text = " ".join(clause.text.split())
                text = text if len(text) <= 600 else text[:597] + "..."
                out += [f"- **{_escape(label)}** (p. {clause.page_start}): {_escape(text)}"]
        out.append("")
    if s.kinds_missing:
        out += ["Not found in this contract: " + ", ".join(KIND_LABELS[k] for k in s.kinds_missing) + ".", ""]
    out += ["---", "", f"*{DISCLAIMER}*", ""]
    return "\n".join(out)
