"""Small pieces shared by the human-readable renderers."""

from __future__ import annotations

from rules.report import Report

KIND_LABELS = {
    "non_compete": "Non-compete",
    "non_solicitation": "Non-solicitation",
    "partnership_track": "Partnership track",
    "rvu_compensation": "RVU / productivity pay",
    "call_compensation": "Call coverage and pay",
    "ancillary_income": "Ancillary and outside income",
    "tail_coverage": "Malpractice tail",
    "termination_without_cause": "Termination without cause",
    "liquidated_damages": "Liquidated damages",
    "repayment_clawback": "Repayment / clawback",
    "base_compensation": "Base compensation",
}
TERM_LABELS = {
    "non_compete.radius_miles": ("Non-compete radius", "{} miles"),
    "non_compete.duration_months": ("Non-compete length", "{} months"),
    "non_compete.scope": ("Radius measured from", "{}"),
    "non_compete.buyout_usd": ("Non-compete buyout", "${}"),
    "partnership_track.years_to_eligibility": ("Years to partnership eligibility", "{}"),
    "partnership_track.buy_in_usd": ("Partnership buy-in", "${}"),
    "rvu_compensation.conversion_factor_usd": ("Pay per wRVU", "${}"),
    "rvu_compensation.wrvu_threshold": ("wRVU threshold (per year)", "{}"),
    "call_compensation.frequency_one_in": ("Call frequency", "1 in {}"),
    "call_compensation.per_diem_usd": ("Call pay per day/shift", "${}"),
    "tail_coverage.payer": ("Who pays tail", "{}"),
    "termination_without_cause.notice_days": ("Without-cause notice", "{} days"),
    "liquidated_damages.amount_usd": ("Liquidated damages", "${}"),
    "repayment_clawback.amount_usd": ("Amount subject to repayment", "${}"),
    "base_compensation.base_salary_usd": ("Base salary", "${}"),
    "base_compensation.sign_on_bonus_usd": ("Signing bonus", "${}"),
}
SCOPE_WORDS = {"all_sites": "any employer location", "named_sites": "listed sites", "primary_site": "your primary site"}
DISCLAIMER = (
    "This report is an automated reading of the contract text, not legal advice. "
    "Check every point with a lawyer licensed in your state before you sign."
)


def format_value(name: str, value: float | str) -> str:
    """A term value for people: 150000.0 -> "$150,000", 52.5 -> "$52.50", "all_sites" -> "any employer location"."""
    template = TERM_LABELS.get(name, (name, "{}"))[1]
    if isinstance(value, str):
        return template.format(SCOPE_WORDS.get(value, value))
    if template.startswith("$") and value < 1000:
        return template.format(f"{value:,.2f}")
    if value == int(value):
        return template.format(f"{int(value):,}")
    return template.format(f"{value:,.2f}")


def pages_text(report: Report) -> str:
    pages = report.document.pages
    return f"{pages} page{'s' if pages != 1 else ''}"
