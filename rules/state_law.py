"""What a state's non-compete law says about this covenant: likely void, beyond the limits, or within them.

Applied by the practice state (or the governing-law state) and the contract date, from the dated table
in ``rules/data/state_noncompete.yaml``. The answer is never legal advice: it says what the statute or
case law in our sources provides and sends the reader to a lawyer licensed in that state.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from rules.context import Context
from rules.schema import StateLaw


@dataclass(frozen=True)
class StateFinding:
    severity: str  # high | medium | info
    headline: str
    detail: str


def _money(value: Decimal | float | int) -> str:
    return f"${int(value):,}"


def _limits(law: StateLaw) -> str:
    parts = []
    if law.max_months is not None:
        parts.append(f"at most {law.max_months} months")
    if law.max_miles is not None:
        anchor = f" from {law.radius_anchor}" if law.radius_anchor else ""
        parts.append(f"at most {law.max_miles:g} miles{anchor}")
    if law.buyout_required:
        parts.append("a buyout" + (f" of no more than {law.buyout_cap}" if law.buyout_cap else ""))
    return ", ".join(parts)


def _breaches(law: StateLaw, radius: Decimal | None, months: Decimal | None,
              buyout: Decimal | None, salary: Decimal | None) -> list[str]:
    out = []
    if law.max_months is not None and months is not None and months > law.max_months:
        out.append(f"{months:g} months is longer than the {law.max_months}-month limit")
    if law.max_miles is not None and radius is not None and radius > Decimal(str(law.max_miles)):
        out.append(f"{radius:g} miles is wider than the {law.max_miles:g}-mile limit")
    if law.buyout_required and buyout is None:
        out.append("the contract states no buyout")
    if law.buyout_required and buyout is not None and salary is not None and buyout > salary:
        out.append(f"the {_money(buyout)} buyout is more than the annual salary of {_money(salary)}")
    return out


def assess(
    law: StateLaw,
    context: Context,
    radius: Decimal | None,
    months: Decimal | None,
    buyout: Decimal | None,
    salary: Decimal | None,
) -> StateFinding:
    """The state's verdict on one covenant, from the table and the contract's terms."""
    signed = context.signed
    void_if = f" It is also unenforceable if {'; or if '.join(law.void_if)}." if law.void_if else ""
    if law.effective and signed < law.effective and not law.applies_to_existing:
        return StateFinding(
            "info", f"its rule starts {law.effective.isoformat()}, after this contract's date",
            f"{law.summary} This contract is dated {signed.isoformat()}, before that date, so the older law applies.",
        )
    if law.rule in ("ban", "ban_all_workers"):
        return StateFinding("high", "a covenant like this is likely void",
                            f"{law.summary} The covenant in this contract is likely unenforceable there: do not rely on it "
                            "either way, and do not sign it assuming it will or will not be enforced.")
    if law.rule == "damages_only":
        return StateFinding("high", "the practice restriction is likely void, but money damages may be owed",
                            f"{law.summary} The restriction on where you practise is likely unenforceable, yet a damages or "
                            "liquidated-damages clause tied to it may still be collected.")
    if law.rule == "employer_specific":
        if law.primary_care_ban_from and context.specialty in law.primary_care_specialties and signed >= law.primary_care_ban_from:
            return StateFinding("high", "primary-care non-competes are void",
                                f"{law.summary} You were identified as a primary-care physician, so the covenant is likely void.")
        employers = " or ".join(law.employers)
        severity = "high" if context.setting == "employed" and len(law.employers) > 1 else "medium"
        return StateFinding(severity, f"void if your employer is {employers}",
                            f"{law.summary} Whether it applies depends on who employs you.{void_if}")
    if law.rule == "cap_if_income":
        floor = law.income_floor_usd or 0
        if salary is not None and salary <= floor:
            return StateFinding("high", f"void for pay of {_money(floor)} or less",
                                f"{law.summary} The base salary in this contract ({_money(salary)}) is at or below that floor.")
        breaches = _breaches(law, None if salary is None else radius, months, None, salary)
        if salary is None:
            return StateFinding("medium", f"void for pay of {_money(floor)} or less; otherwise limited",
                                f"{law.summary} We could not read your pay, so check both cases: void at or below "
                                f"{_money(floor)}; above it, {_limits(law)}.")
        if breaches:
            return StateFinding("high", "the covenant goes beyond the statute's limits",
                                f"{law.summary} Here: {'; '.join(breaches)}.")
        return StateFinding("info", "within the statute's limits", f"{law.summary}")
    if law.rule in ("cap", "safe_harbor"):
        breaches = _breaches(law, radius, months, buyout, salary)
        if breaches:
            if law.rule == "safe_harbor":
                return StateFinding("medium", "outside the statute's safe harbour",
                                    f"{law.summary} Here: {'; '.join(breaches)}. Beyond the safe harbour, a court weighs "
                                    "reasonableness case by case.")
            return StateFinding("high", "the covenant goes beyond the statute's limits",
                                f"{law.summary} Here: {'; '.join(breaches)}.{void_if}")
        return StateFinding("info", "within the statute's limits" if law.rule == "cap" else "within the statute's safe harbour",
                            f"{law.summary}{void_if}")
    # conditional
    return StateFinding("medium", "enforceable, but void in some circumstances", f"{law.summary}{void_if}")
