"""The fixed vocabulary of the report: clause kinds and term names with their units.

These strings are a public interface (report schema v1): add, never rename.
"""

from __future__ import annotations

from typing import Final

#: Clause kinds, exact strings of report schema v1. The five headline landmines come first.
CLAUSE_KINDS: Final[tuple[str, ...]] = (
    "non_compete",
    "partnership_track",
    "rvu_compensation",
    "call_compensation",
    "ancillary_income",
    "non_solicitation",
    "tail_coverage",
    "termination_without_cause",
    "liquidated_damages",
    "repayment_clawback",
    "base_compensation",
)

HEADLINE_KINDS: Final[tuple[str, ...]] = CLAUSE_KINDS[:5]

#: Term name -> unit (None for enumerated string values). Durations in months, notice in days, money in USD.
TERM_UNITS: Final[dict[str, str | None]] = {
    "non_compete.radius_miles": "mi",
    "non_compete.duration_months": "months",
    "non_compete.scope": None,  # "all_sites" | "named_sites" | "primary_site"
    "non_compete.buyout_usd": "USD",
    "partnership_track.years_to_eligibility": "years",
    "partnership_track.buy_in_usd": "USD",
    "rvu_compensation.conversion_factor_usd": "USD/wRVU",
    "rvu_compensation.wrvu_threshold": "wRVU/year",
    "call_compensation.frequency_one_in": "N",
    "call_compensation.per_diem_usd": "USD",
    "tail_coverage.payer": None,  # "employer" | "physician" | "shared" | "unspecified"
    "termination_without_cause.notice_days": "days",
    "liquidated_damages.amount_usd": "USD",
    "repayment_clawback.amount_usd": "USD",
    "base_compensation.base_salary_usd": "USD",
    "base_compensation.sign_on_bonus_usd": "USD",
}

TERM_CHOICES: Final[dict[str, tuple[str, ...]]] = {
    "non_compete.scope": ("all_sites", "named_sites", "primary_site"),
    "tail_coverage.payer": ("employer", "physician", "shared", "unspecified"),
}
