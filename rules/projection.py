"""First-year pay at several production levels, computed from the contract's own terms.

    project(findings) -> ProjectionOut | None

Model: base salary plus (wRVUs above the threshold) x conversion factor; with no base salary, every wRVU
is paid at the conversion factor; with tiers, the first (lowest) rate is used and the notes say so,
because tier boundaries are not read as terms yet. Levels: the specialty's reported wRVU percentiles we
ship (with their sources), the contract's threshold, and any levels the user gives. A survey's
"compensation per wRVU" is never used here: only the contract's conversion factor is.
"""

from __future__ import annotations

from decimal import Decimal

from rules.base import Findings
from rules.reference import specialty
from rules.report import ProjectionOut, ProjectionRow

PERCENTILE_LABELS = {"wrvu_p50": "50th percentile", "wrvu_p75": "75th percentile", "wrvu_p90": "90th percentile"}


def _values(findings: Findings, name: str) -> list[Decimal]:
    return [Decimal(str(t.value)) for t in findings.terms_named(name)]


def project(findings: Findings) -> ProjectionOut | None:
    factors = _values(findings, "rvu_compensation.conversion_factor_usd")
    if not factors:
        return None
    salaries = _values(findings, "base_compensation.base_salary_usd")
    thresholds = _values(findings, "rvu_compensation.wrvu_threshold")
    base = max(salaries) if salaries else None
    threshold = min(thresholds) if thresholds else None
    rate = factors[0]
    notes: list[str] = []
    if base is not None:
        model = (f"base ${int(base):,} + (wRVUs above {int(threshold):,}) x ${rate:.2f}" if threshold is not None
                 else f"base ${int(base):,} + every wRVU x ${rate:.2f} (no threshold found: an upper bound)")
    else:
        model = f"every wRVU x ${rate:.2f} (no base salary found)"
    if len(set(factors)) > 1:
        notes.append(f"The contract states {len(set(factors))} rates (tiers); this projection uses the first, "
                     f"${rate:.2f}, for all production above the threshold, so it understates pay in higher tiers.")

    levels: list[tuple[str, Decimal]] = []
    context = findings.context
    row = specialty(context.specialty) if context else None
    if row is not None:
        for key, label in PERCENTILE_LABELS.items():
            metric = row.metrics.get(key)  # type: ignore[call-overload]
            if metric is not None:
                levels.append((f"{label} for {row.name} (reported {metric.data_year})", Decimal(str(metric.value))))
        if levels:
            notes.append(f"Percentile wRVU levels are reported figures for {row.name} (see `contract-risk reference`); "
                         "25th-percentile and missing levels are not shipped.")
    if threshold is not None:
        levels.append(("at the contract's threshold", threshold))
    for level in (context.wrvu_levels if context else ()):
        levels.append((f"your level {level:,}", Decimal(level)))
    if not levels:
        return None
    rows = []
    for label, wrvus in sorted(levels, key=lambda item: item[1]):
        fixed = base or Decimal(0)
        above = max(Decimal(0), wrvus - threshold) if (threshold is not None and base is not None) else wrvus
        productivity = above * rate
        rows.append(ProjectionRow(label=label, wrvus=float(wrvus), base_usd=float(fixed),
                                  productivity_usd=float(productivity), total_usd=float(fixed + productivity)))
    notes.append("First-year pay before taxes, from the contract's terms only: no quality bonus, call pay or benefits.")
    return ProjectionOut(model=model, base_salary_usd=float(base) if base is not None else None,
                         threshold_wrvu=float(threshold) if threshold is not None else None,
                         conversion_factors_usd=[float(f) for f in factors], rows=rows, notes=notes)
