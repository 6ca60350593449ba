"""A plain terminal report: worst flags first, each with page, quote, why and what to ask."""

from __future__ import annotations

import textwrap

from app.render.common import DISCLAIMER, KIND_LABELS, TERM_LABELS, format_value, pages_text
from rules.report import Report

_MARK = {"high": "HIGH  ", "medium": "MEDIUM", "low": "LOW   ", "info": "INFO  "}


def _wrap(text: str, indent: str, width: int = 96) -> str:
    return textwrap.fill(text, width=width, initial_indent=indent, subsequent_indent=indent)


def render_text(report: Report) -> str:
    s = report.summary
    lines = [
        f"contract-risk report: {report.document.filename} ({pages_text(report)})",
        f"Risk score {s.risk_score}/100 (legal {s.legal_risk_score}, financial {s.financial_risk_score}) - "
        f"{s.counts_by_severity.get('high', 0)} high, {s.counts_by_severity.get('medium', 0)} medium, "
        f"{s.counts_by_severity.get('low', 0)} low",
    ]
    if report.context:
        c = report.context
        lines.append(f"Context: specialty {c.specialty_name or 'unknown'} ({c.origins['specialty']}), "
                     f"state {c.state_name or 'unknown'} ({c.origins['state']}), "
                     f"setting {(c.setting or 'unknown').replace('_', ' ')} ({c.origins['setting']}), "
                     f"contract date {c.contract_date} ({c.origins['signed']})")
    for warning in report.document.warnings:
        lines.append(f"Warning: {warning}")
    lines.append("")
    if not report.flags:
        lines.append("No risk flags were raised. Read the clauses below anyway.")
    for number, flag in enumerate(report.flags, start=1):
        where = f"p. {flag.page}" if flag.page else "not in the contract"
        lines.append(f"{number:>2}. [{_MARK[flag.severity]}] {flag.title}  ({where})")
        if flag.quote:
            quote = flag.quote if len(flag.quote) <= 400 else flag.quote[:397] + "..."
            lines.append(_wrap(f'"{quote}"', "      "))
        lines.append(_wrap(f"Why: {flag.explanation}", "      "))
        if flag.benchmark:
            lines.append(_wrap(f"Benchmark: {flag.benchmark}", "      "))
        lines.append(_wrap(f"Ask: {flag.question}", "      "))
        if flag.suggested_ask:
            lines.append(_wrap(f"Suggested ask: {flag.suggested_ask}", "      "))
        lines.append("")
    if report.terms:
        lines.append("Key terms found")
        for term in report.terms:
            label = TERM_LABELS.get(term.name, (term.name, ""))[0]
            lines.append(f"  - {label}: {format_value(term.name, term.value)} (p. {term.page})")
        lines.append("")
    if report.projection:
        p = report.projection
        lines.append(f"First-year pay by production ({p.model})")
        for row in p.rows:
            lines.append(f"  - {row.label}: {row.wrvus:,.0f} wRVUs -> ${row.total_usd:,.0f}")
        for note in p.notes:
            lines.append(_wrap(note, "    "))
        lines.append("")
    lines.append("Clause kinds found: " + (", ".join(KIND_LABELS[k] for k in s.kinds_found) or "none"))
    lines.append("Not found: " + (", ".join(KIND_LABELS[k] for k in s.kinds_missing) or "none"))
    lines.append("")
    lines.append(_wrap(DISCLAIMER, ""))
    return "\n".join(lines) + "\n"
