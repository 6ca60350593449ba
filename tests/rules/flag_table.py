"""Shared helper for the per-kind flag tables: run a clause through the whole pipeline."""

from __future__ import annotations


def severity_of(report, flag_id: str) -> str | None:
    """The severity of ``flag_id`` in a report, or None when it was not raised."""
    return next((f.severity for f in report.flags if f.id == flag_id), None)


def check(analyze_text, text: str, flag_id: str, severity: str | None, **context) -> None:
    report = analyze_text(text, **context)
    raised = {f.id: f.severity for f in report.flags}
    assert severity_of(report, flag_id) == severity, f"flags raised: {raised}"
    for flag in report.flags:
        if flag.quote_start is not None:
            # every quote is the contract's own words
            assert flag.quote == " ".join(text_of(report, flag).split())


def text_of(report, flag) -> str:
    clause = next(c for c in report.clauses if c.start <= flag.quote_start < c.end)
    return clause.text[flag.quote_start - clause.start:flag.quote_end - clause.start]
