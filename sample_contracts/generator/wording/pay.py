"""Money clauses: base salary, wRVU productivity pay, call pay, ancillary income, repayment.

Each function is one independently worded variant; numbers are parameters and the pieces carry the
terms (canonical units) and the wording-level flags they state.
"""

from __future__ import annotations

from ..model import N, P, Table
from ..numwords import commas, usd, usd_Words, usd_words, words

BC = "base_compensation"
RV = "rvu_compensation"
CA = "call_compensation"
AI = "ancillary_income"
RC = "repayment_clawback"

SALARY = "base_compensation.base_salary_usd"
SIGN_ON = "base_compensation.sign_on_bonus_usd"
CF = "rvu_compensation.conversion_factor_usd"
THRESHOLD = "rvu_compensation.wrvu_threshold"
FREQ = "call_compensation.frequency_one_in"
PER_DIEM = "call_compensation.per_diem_usd"
REPAY = "repayment_clawback.amount_usd"


# --- base compensation -------------------------------------------------------------------------------

def bc_formal(salary: int, heading: str = "Base Salary", key: str | None = None):
    return N(heading, P(
        "{E_} shall pay {P} an annual base salary of " + usd_Words(salary) + " (the “Base Salary”), payable "
        "in accordance with {E}'s regular payroll practices for employed physicians, less applicable taxes "
        "and withholdings. The Base Salary shall be prorated for any partial Contract Year.",
        BC, terms=[(SALARY, salary)]), key=key)


def bc_two_year_guarantee(salary: int):
    return N("Salary", P(
        "During each of the first two (2) Contract Years, {E} shall pay {P} a salary of " + usd(salary)
        + " per year, payable in equal semi-monthly installments. Beginning with the third Contract Year, "
        "{P}'s salary shall be set by written agreement of the parties, and "
        "if they do not agree, it shall remain at the rate then in effect.", BC, terms=[(SALARY, salary)]))


def bc_academic(salary: int):
    return N("Base Salary", P(
        "{P_}'s annual base salary for the first appointment year shall be " + usd(salary) + ", consisting "
        "of an academic component paid by the School of Medicine and a "
        "clinical component paid by the Practice Plan, and shall be paid in "
        "twelve equal monthly installments. The base salary shall not be "
        "reduced during the appointment year.", BC, terms=[(SALARY, salary)]))


def bc_usd_prefix(salary: int):
    return N("Salary", P(
        "{E_} shall pay {P} an annual salary of USD " + commas(salary) + " in bi-weekly installments. The "
        "salary shall be reviewed each year by {E}'s compensation committee "
        "and may be increased, but not decreased, as a result of that review.", BC, terms=[(SALARY, salary)]))


def bc_words_rate(salary: int, key: str | None = None):
    return N("Base Salary", P(
        "{E_} shall pay {P} a base salary at the annual rate of " + usd_words(salary) + " (the “Base "
        "Salary”), in equal installments on {E}'s regular paydays.", BC, terms=[(SALARY, salary)]), key=key)


def bc_with_sign_on(salary: int, sign_on: int):
    return N("Compensation", P(
        "{P_}'s base salary shall be " + usd(salary) + " per annum (the “Base Salary”), paid in accordance "
        "with {E}'s payroll schedule. {E_} shall also pay {P} a one-time commencement bonus of "
        + usd(sign_on)
        + ", subject to {ref:bonus}.", BC, terms=[(SALARY, salary), (SIGN_ON, sign_on)]))


def bc_letter(salary: int):
    return N("Salary", P(
        "Your starting salary will be " + usd(salary) + " per year, paid twice monthly. We review physician "
        "salaries every January, and increases are based on market data, your panel size and patient "
        "feedback.",
        BC, terms=[(SALARY, salary)]))


# --- wRVU productivity -------------------------------------------------------------------------------

def rv_incentive_unilateral(rate: float, threshold: int):
    return N("Productivity Incentive", P(
        "In addition to the Base Salary, {P} shall be eligible for a productivity incentive equal to "
        + usd(rate, cents=True)
        + " for each wRVU personally performed by {P} in a Contract Year in excess of "
        + commas(threshold) + " wRVUs. Incentive payments shall be made within ninety (90) days after the "
        "end of each Contract Year. {E_} may revise the conversion factor, the wRVU threshold and the other "
        "terms of this incentive in its sole discretion, effective upon written notice to {P}.",
        RV, terms=[(CF, rate), (THRESHOLD, threshold)], flags=("rvu_compensation.unilateral_change",)))


def rv_pure_production(rate: int, key: str | None = None):
    return N("Productivity Compensation", P(
        "{P_} shall be compensated at the rate of " + usd_words(rate).replace(f"(${rate:,})",
                                                                              f"(${rate:.2f})")
        + " per wRVU for each wRVU generated from professional services personally performed by {P}, paid "
        "semi-monthly based on the wRVUs credited in the preceding month. "
        "wRVUs shall be measured using the work RVU values of the "
        "Medicare Physician Fee Schedule in effect on the date each "
        "service is rendered. The rate stated in this Section is fixed "
        "for the term and may be changed only by a written amendment "
        "signed by both parties.", RV, terms=[(CF, rate)]), key=key)


def rv_quarterly(rate: float, per_quarter: int):
    return N("Clinical Productivity Incentive", P(
        "{P_} may earn an incentive payment for each calendar quarter in which {P}'s wRVUs exceed "
        + commas(per_quarter) + " wRVUs (the “Quarterly Target”). The payment shall equal "
        + usd(rate, cents=True) + " multiplied by the number of wRVUs above the Quarterly Target, and shall "
        "be paid in the second payroll after the quarter closes. A shortfall in one quarter shall not be "
        "carried forward and shall not affect {P}'s base salary.",
        RV, terms=[(CF, rate), (THRESHOLD, 4 * per_quarter)]))


def rv_offer_pure(rate: int):
    return N("Compensation", P(
        f"You will be paid ${rate}/wRVU for every wRVU you personally generate, measured from the charges "
        "coded for your shifts. Payments are made monthly, one month in arrears, with an itemised report. "
        "This rate is fixed for your first two years with the Group; after that, any change must be agreed "
        "with you in writing.", RV, terms=[(CF, rate)]))


def rv_rate_change_on_notice(rate: int, key: str | None = None):
    return N("Compensation", P(
        "{P_}'s compensation for each month shall equal " + usd_words(rate).replace(f"(${rate:,})",
                                                                                 f"(${rate:.2f})")
        + " for each wRVU credited to {P} for professional services personally performed in that month, paid "
        "on the fifteenth day of the following month. The Practice may modify the per-wRVU rate or the "
        "compensation methodology by giving {P} sixty (60) days' prior written notice, and the modification "
        "shall then become part of this Agreement without further action by the parties.",
        RV, terms=[(CF, rate)], flags=("rvu_compensation.unilateral_change",)), key=key)


def rv_threshold_bonus(rate: float, threshold: int):
    return N("Productivity Bonus", P(
        "For each Contract Year, {P} shall receive a bonus of " + usd(rate, cents=True) + " per wRVU for all "
        "wRVUs above " + commas(threshold) + " wRVUs personally performed by {P} in that Contract Year. The "
        "bonus shall be paid within sixty days after the end of the Contract Year. The Base Salary is not "
        "contingent on reaching that level of production and shall not be reduced or repaid if {P} does not "
        "reach it.", RV, terms=[(CF, rate), (THRESHOLD, threshold)]))


def rv_letter_bonus(rate: float, per_month: int):
    return N("Productivity Bonus", P(
        "Beginning in your second year, you will earn " + usd(rate, cents=True) + " for each wRVU above a "
        "monthly target of " + commas(per_month) + " wRVUs, calculated monthly and paid quarterly. Your "
        "salary will not be reduced, and you will not owe anything back, if you fall below the target in "
        "any month.",
        RV, terms=[(CF, rate), (THRESHOLD, 12 * per_month)]))


def rv_exhibit_pointer():
    """A body clause that only points to the compensation exhibit (kinds [])."""
    return N("Compensation",
             "{E_} shall compensate {P} for the Professional Services rendered under this Agreement as set "
             "forth in {ref:comp_exhibit}, which is incorporated into this Agreement by reference.")


def tier_rows(first: int, step: int, rates: list[float], last_open: bool = True) -> list[tuple[str, ...]]:
    rows = []
    low = first
    for i, rate in enumerate(rates, 1):
        if i == len(rates) and last_open:
            span = f"{commas(low)} and above"
        else:
            span = f"{commas(low)} – {commas(low + step - 1)}"
        rows.append((f"Tier {i}", span, usd(rate, cents=True)))
        low += step
    return rows


def rv_grid_exhibit_body(threshold: int, guarantee_salary: int, rates: list[float], step: int,
                         frozen_year: int) -> list:
    """The two-page compensation exhibit: guarantee, frozen RVU year, ruled tier table, reconciliation."""
    rows = tier_rows(threshold + 1, step, rates)
    return [
        P("This Exhibit sets out the compensation of {P} under {ref:comp}. Capitalised terms that are not "
          "defined in this Exhibit have the meanings given to them in the Agreement."),
        P("**Guaranteed Salary Period.** During the first twelve (12) months of employment (the “Guarantee "
          "Period”), {E} shall pay {P} a guaranteed salary at the annual rate of " + usd(guarantee_salary)
          + ", in equal bi-weekly installments.", BC, terms=[(SALARY, guarantee_salary)]),
        P("**Measurement of wRVUs.** wRVUs shall be credited for professional services personally performed "
          "by {P} and documented in {E}'s electronic health record, using the work RVU values assigned to "
          "each "
          "CPT code in the Medicare Physician Fee Schedule for calendar year " + str(frozen_year) + ". Those "
          "values shall apply throughout the term of the Agreement, notwithstanding any later revision of "
          "the fee schedule by the Centers for Medicare & Medicaid Services.",
          RV, flags=("rvu_compensation.frozen_rvu_year",)),
        P("**Credit for Services of Supervised Clinicians.** {P_} shall not receive wRVU credit for services "
          "billed under the name of a nurse practitioner or physician assistant, even where {P} "
          "supervises the service, except for services billed incident to {P}'s own services under "
          "Medicare rules.", RV),
        P("**Reporting.** {E_} shall give {P} a monthly report of the wRVUs credited to {P}, by date of "
          "service and CPT code. {P_} may ask for a correction within sixty days after receiving a "
          "report, and {E} shall answer each request in writing within thirty days.", RV),
        P("**Productivity Compensation.** After the Guarantee Period, {P}'s compensation for each Contract "
          "Year shall consist of productivity compensation on all annual wRVUs above " + commas(threshold)
          + " wRVUs (the “Threshold”), at the marginal rates per wRVU shown in the table below. Each rate "
          "applies only to the wRVUs that fall within its tier. Productivity compensation is paid in "
          "bi-weekly advances based on the preceding month's production, with a final accounting after the "
          "Contract Year ends.",
          RV, terms=[(THRESHOLD, threshold)]),
        P("**Part-Time Adjustment.** If {P} and {E} agree in writing that {P} will work less than a "
          "full-time schedule, the Threshold and each tier boundary in the table below shall be "
          "multiplied by {P}'s agreed clinical FTE, and the rates per wRVU shall not change.", RV),
        P("**Leaves of Absence.** For any Contract Year in which {P} takes an approved unpaid leave of more "
          "than four consecutive weeks, the Threshold shall be reduced in proportion to the number of "
          "weeks of leave, so that {P} is not required to reach a full-year Threshold in a shortened "
          "year.", RV),
        P("**Quality Component.** In addition, {P} may earn up to five percent of the compensation paid "
          "under this Exhibit for meeting the clinical quality targets adopted by {E}'s primary care "
          "quality committee, measured annually and paid within ninety days after the Contract Year ends."),
        Table(tuple([("Tier", "Annual wRVUs", "Rate per wRVU")] + rows), col_widths=(0.2, 0.45, 0.35),
              ruled=True, kinds=(RV,), terms=tuple((CF, r) for r in rates), expect_split=True),
        P("**Reconciliation of the Guarantee.** Within sixty (60) days after the end of the Guarantee "
          "Period, and after each Contract Year thereafter, {E} shall compare the salary paid to {P} during "
          "that period with the productivity compensation that {P} would have earned for the same period "
          "under the table above. If the salary paid exceeds that productivity compensation, {P} shall "
          "repay the excess to {E} within thirty (30) days, or {E} may deduct the excess from any later "
          "payments owed to {P}.",
          RV, flags=("rvu_compensation.salary_clawback",)),
        P("**Example.** If {P} records 5,800 wRVUs in a Contract Year, productivity compensation is "
          "calculated tier by tier on the wRVUs above the Threshold only, using the rate that applies "
          "to each tier, and the total is compared with the salary already paid for that Contract Year.", RV),
    ]


def rv_text_tier_schedule(threshold: int, rows: list[tuple[str, str, float]]) -> list:
    """Schedule with a tier table printed as plain text columns (no rules)."""
    table_rows = [("Tier", "Annual wRVUs", "Rate per wRVU")] + [(t, span, usd(rate, cents=True))
                                                                for t, span, rate in rows]
    return [
        P("**Productivity Compensation.** In addition to the Base Salary, {P} shall earn productivity "
          "compensation on annual wRVUs above " + commas(threshold) + " wRVUs, at the marginal rates set out "
          "below. Payment shall be made quarterly, within forty-five "
          "days after the end of each quarter, based on year-to-date "
          "production.", RV, terms=[(THRESHOLD, threshold)]),
        Table(tuple(table_rows), col_widths=(0.15, 0.4, 0.3), ruled=False, kinds=(RV,),
              terms=tuple((CF, rate) for _, _, rate in rows)),
        P("**Measurement.** wRVUs shall be based on the work RVU values of the Medicare Physician Fee "
          "Schedule in effect for the year in which the service is performed. The Threshold and the "
          "rates in this Schedule are fixed for the Initial Term and may be changed only by written "
          "amendment signed by both parties.", RV),
        P("**Base Salary Protected.** The Base Salary shall not be reduced, offset or recovered because "
          "{P}'s production is below the Threshold.", RV),
    ]


# --- call --------------------------------------------------------------------------------------------

def ca_ratio_paid(ratio: int, per_day: int, places: str):
    return N("Call Coverage", P(
        f"{{P_}} shall participate in {{E}}'s call rotation for {places} on a 1:{ratio} basis, including "
        f"one of every {words(ratio)} weekends. {{E_}} shall pay {{P}} {usd(per_day)} for each "
        "twenty-four-hour call day. The call ratio and the call pay shall not be changed without {P}'s "
        "written consent.",
        CA, terms=[(FREQ, ratio), (PER_DIEM, per_day)]))


def ca_weeknight_weekend(ratio: int, weeknight: int, weekend: int):
    return N("Call", P(
        "{P_} shall share gastroenterology call at the hospitals served by {E} equally with the other "
        "physicians of {E}, which on the Effective Date results in one in " + words(ratio) + f" (1:{ratio}) "
        "weeknights and one in " + words(ratio) + " weekends. {P_} shall receive " + usd(weeknight) + " for "
        "each weekday call night and " + usd(weekend) + " for each weekend call day. Any change in these "
        "rates requires the written agreement of both parties.",
        CA, terms=[(FREQ, ratio), (PER_DIEM, weeknight), (PER_DIEM, weekend)]))


def ca_as_assigned():
    return N("Clinical Call", P(
        "{P_} shall provide inpatient and outpatient call coverage as assigned by the Division Chief to meet "
        "the clinical needs of University Hospital and its affiliated sites. Call assignments may be "
        "changed by the Division Chief or the Chair at any time. Call duties are part of {P}'s faculty "
        "responsibilities and are compensated through the base salary; no separate call compensation is "
        "payable.",
        CA, flags=("call_compensation.no_cap", "call_compensation.unilateral_change",
                   "call_compensation.unpaid")))


def ca_inhouse_stipend(ratio: int, stipend: int):
    return N("Call Obligations", P(
        f"{{P_}} shall take in-house obstetric anesthesia call on a 1:{ratio} rotation with the other "
        "anesthesiologists of {E}, together with backup call on the same rotation. {E_} shall pay {P} a call "
        "stipend of " + usd(stipend) + " for each twenty-four-hour in-house call shift. {E_} may revise the "
        "call schedule, the call rotation and the amount of the call stipend from time to time by notice to "
        "{P}.", CA, terms=[(FREQ, ratio), (PER_DIEM, stipend)],
        flags=("call_compensation.unilateral_change",)))


def ca_weekend_phone(ratio: int, per_day: int):
    return N("After-Hours Coverage", P(
        "{P_} shall share after-hours telephone call for the Clinic's patients with the other physicians of "
        "the Clinic and shall take weekend telephone call no more than one in " + words(ratio)
        + " weekends. {P_} "
        "shall receive " + usd(per_day) + " for each weekend day of call. The frequency of weekend call and "
        "the daily rate may be changed only by written amendment.",
        CA, terms=[(FREQ, ratio), (PER_DIEM, per_day)]))


def ca_nested_every_nth(ordinal: str, n: int, per_night: int):
    """Call terms as lettered sub-clauses; the parent only introduces them (kinds [])."""
    return N("Call Coverage", "{P_}'s call obligations and call pay are as follows:", kids=[
        N("Frequency", P(
            "{P_} shall take general cardiology call for the Hospital every " + ordinal + " night and every "
            + ordinal + " weekend, shared equally with the other general cardiologists employed by {E}.",
            CA, terms=[(FREQ, n)])),
        N("Call Pay", P(
            "{E_} shall pay {P} " + usd(per_night) + " per call night and per weekend call day, in the "
            "payroll following the month in which the call was taken.", CA, terms=[(PER_DIEM, per_night)])),
        N("Changes", P(
            "The frequency of call and the call pay may be changed only by written agreement of {P} and {E}. "
            "If the number of cardiologists sharing call falls, the parties shall meet within thirty "
            "days to agree on locum tenens coverage or additional pay.", CA)),
    ])


def ca_included_in_salary(ratio: int):
    return N("Call", P(
        f"{{P_}} shall share obstetric and gynecologic call at the Hospital on a 1:{ratio} basis with the "
        "other physicians of the Practice. Call coverage is included in the Base Salary, and {P} shall "
        "receive no additional compensation for call. "
        f"The call ratio shall not exceed 1:{ratio} without {{P}}'s consent.",
        CA, terms=[(FREQ, ratio)], flags=("call_compensation.unpaid",)))


def ca_phone_weekly(ratio: int, per_day: int):
    return N("Telephone Call", P(
        "{P_} shall participate in telephone call for the Clinic's established patients on a rotation of one "
        "week in " + words(ratio)
        + f" (1:{ratio}), shared equally among the Clinic's psychiatrists, and shall "
        "be paid " + usd(per_day) + " for each call day. No change to the rotation or to the call rate shall "
        "take effect without {P}'s written consent.", CA, terms=[(FREQ, ratio), (PER_DIEM, per_day)]))


def ca_not_greater_than(ratio: int, per_day: int):
    return N("Call Schedule", P(
        f"{{P_}} shall participate in {{E}}'s call schedule at a frequency not greater than 1:{ratio}, with "
        "weekday and weekend call distributed equally among the urologists of {E}, and shall receive "
        + usd(per_day) + " per call day. This frequency and rate are fixed for the term unless both parties "
        "agree otherwise in writing.", CA, terms=[(FREQ, ratio), (PER_DIEM, per_day)]))


def ca_rural_every_third(per_day: int):
    return N("Emergency Call", P(
        "{P_} shall provide general surgery call coverage for the Hospital's emergency department every "
        "third night and every third weekend, together with the two other general surgeons on the Hospital's "
        "Medical "
        "Staff. The Hospital shall pay {P} " + usd(per_day) + " for each call day.",
        CA, terms=[(FREQ, 3), (PER_DIEM, per_day)]))


def ca_letter(ratio: int, per_day: int):
    return N("Call", P(
        f"You will share telephone and newborn nursery call with the other pediatricians, no more than 1 in "
        f"{ratio} weekends, and will be paid {usd(per_day)} per weekend call day. We will not change the "
        f"call "
        "ratio or call pay without your written agreement.", CA, terms=[(FREQ, ratio), (PER_DIEM, per_day)]))


# --- ancillary and outside income ----------------------------------------------------------------------

def ai_partners_only_asc():
    return N("Ancillary Services", P(
        "{E_} owns or holds interests in an MRI center, a physical therapy department, a durable medical "
        "equipment program and the Gateway Surgery Center (together, the “Ancillary Services”). Revenue from "
        "the Ancillary Services is not included in {P}'s compensation, and the net income of the Ancillary "
        "Services shall be distributed exclusively to the Shareholders of {E} in proportion to their "
        "ownership "
        "interests.", AI, flags=("ancillary_income.partners_only", "ancillary_income.excluded")))


def ai_personally_performed():
    return N("Ancillary Revenue", P(
        "{P_}'s compensation is based solely on professional services personally performed by {P}. Technical "
        "and facility revenue of {E}'s endoscopy center, its anesthesia services and its pathology "
        "laboratory is excluded from the wRVUs and from all other amounts credited to {P}.",
        AI, flags=("ancillary_income.excluded",)))


def ai_outside_income_assigned():
    return N("Outside Professional Income", P(
        "All income earned by {P} for professional activities, whether performed on or off University "
        "premises, including fees for expert witness testimony, consulting, medical directorships, honoraria "
        "for lectures and royalties, shall be assigned and remitted to the Practice Plan and shall be the "
        "property of the University. {P_} shall report all such activities annually on the Department's "
        "outside "
        "activity form.", AI, flags=("ancillary_income.outside_income_assigned",)))


def ai_technical_components():
    return N("Ancillary Revenue", P(
        "{E_}'s revenue from the technical components of nuclear cardiology, echocardiography, cardiac "
        "catheterization, stress testing and other diagnostic services is not credited to {P} and is "
        "excluded from the calculation of {P}'s compensation. {P_} shall be credited only with wRVUs for the "
        "professional "
        "components of services that {P} personally performs.", AI, flags=("ancillary_income.excluded",)))


def ai_partners_only_derm():
    return N("Laboratory, Retail and Aesthetic Revenue", P(
        "{P_} shall have no interest in, and shall not share in, the revenue of the Practice's "
        "dermatopathology laboratory or Mohs histology laboratory, the sale of skin care products, or "
        "cosmetic services performed by aestheticians. All of that revenue is reserved to, and shared only "
        "among, the partners of the "
        "Practice.", AI, flags=("ancillary_income.partners_only", "ancillary_income.excluded")))


def ai_outside_income_retained():
    return N("Outside Activities", P(
        "With notice to {E}, {P} may engage in expert witness work, teaching, writing and speaking outside "
        "{P}'s scheduled clinical hours, and {P} may retain all fees and honoraria earned from those "
        "activities, provided that they do not interfere with {P}'s duties and that {P} does not use "
        "{E}'s staff or Confidential Information in performing them.", AI))


def ai_designated_health_services():
    return N("Designated Health Services", P(
        "Revenue from lithotripsy, CT imaging, clinical laboratory and pathology services furnished by {E}, "
        "and from {E}'s interest in the Prairie Stone Lithotripsy partnership, shall not be included in the "
        "calculation of {P}'s wRVUs or other compensation.", AI, flags=("ancillary_income.excluded",)))


# --- sign-on, relocation and loan repayment --------------------------------------------------------------

def rc_relocation_resignation_only(amount: int):
    return N("Relocation", P(
        "The University will reimburse {P} for reasonable documented moving expenses up to " + usd(amount)
        + ". If {P} resigns within twenty-four (24) months after the Start Date, {P} shall repay a pro rata "
        "portion of the reimbursed expenses, reduced by one twenty-fourth for "
        "each full month of employment completed before the resignation.", RC, terms=[(REPAY, amount)]))


def rc_relocation_forgiven(amount: int):
    return N("Relocation Allowance", P(
        "{E_} shall pay {P} a relocation allowance of " + usd(amount) + " within thirty days after the Start "
        "Date. The allowance shall be forgiven in equal monthly installments "
        "over the first twenty-four (24) months of employment. If, before the "
        "allowance is fully forgiven, {P} resigns or {E} terminates {P}'s "
        "employment for cause, {P} shall repay the unforgiven portion. No "
        "repayment shall be required if {E} terminates {P}'s employment "
        "without cause, or if the employment ends because of {P}'s death or "
        "disability.", RC, terms=[(REPAY, amount)]))


def rc_signing_bonus_full(amount: int, years_words: str, key: str = "bonus"):
    """Sign-on bonus with full repayment on any termination (lettered sub-clauses)."""
    return N("Signing Bonus", P(
        "{E_} shall pay {P} a signing bonus of " + usd(amount) + " within thirty (30) days after the Start "
        "Date.", "base_compensation", terms=[(SIGN_ON, amount), (REPAY, amount)]), kids=[
        N("Repayment", P(
            "If {P}'s employment terminates for any reason before the " + years_words + " anniversary of the "
            "Start Date, {P} shall repay the entire signing bonus to {E} within thirty (30) days after "
            "the Termination Date.", RC,
            flags=("repayment_clawback.no_proration", "repayment_clawback.without_cause_trigger"))),
        N("Interest and Set-Off", P(
            "Any amount not repaid when due shall bear interest at eight percent per year, and {E} may set "
            "off the unpaid amount against any compensation owed to {P}.", RC)),
    ], key=key)


def rc_prorated_any_reason(amount: int, tw_ref: str):
    return N("Sign-On Bonus", P(
        "{E_} shall pay {P} a sign-on bonus of " + words(amount // 1000) + " thousand dollars (" + usd(amount)
        + ") on the first regular payday after the Start Date.", "base_compensation",
        terms=[(SIGN_ON, amount)]),
        P("The bonus shall be forgiven in twenty-four (24) equal monthly installments. If {P}'s employment "
          "ends for any reason before the bonus is fully forgiven, including termination by {E} without "
          "cause under "
          "{ref:" + tw_ref + "}, {P} shall repay the unforgiven balance within thirty (30) days.",
          RC, terms=[(REPAY, amount)], flags=("repayment_clawback.without_cause_trigger",)), key="bonus")


def rc_commencement_earned(amount: int):
    return N("Commencement Bonus", P(
        "The commencement bonus of " + usd(amount) + " described in {ref:comp} is earned ratably over the "
        "first twenty-four (24) months of employment. If {P} resigns, other than because of {E}'s breach, "
        "or is terminated for cause before the bonus has been fully earned, {P} shall repay the unearned "
        "portion, calculated monthly. No repayment is due if the employment ends because of {P}'s death or "
        "disability, {E}'s termination without cause, or {E}'s decision not to renew this Agreement.",
        RC, terms=[(REPAY, amount)]), key="bonus")


def rc_full_on_resignation(amount: int):
    return N("Signing Bonus", P(
        "{E_} shall pay {P} a signing bonus of " + usd(amount) + " on the Start Date.", "base_compensation",
        terms=[(SIGN_ON, amount)]),
        P("If {P} resigns, or is terminated for cause, before completing two (2) years of employment, {P} "
          "shall repay the full amount of the signing bonus, without proration, within sixty (60) days after "
          "the "
          "Termination Date.", RC, terms=[(REPAY, amount)], flags=("repayment_clawback.no_proration",)),
        key="bonus")


def rc_loan_assistance(amount: int):
    return N("Educational Loan Assistance", P(
        "The Hospital shall pay up to " + usd_Words(amount) + " toward {P}'s qualifying educational loans, "
        "in three equal annual installments paid directly to the lender on "
        "the first three anniversaries of the Start Date. If {P} resigns, or "
        "is terminated for Cause, before the third anniversary of the Start "
        "Date, {P} shall repay the amounts paid by the Hospital, reduced pro "
        "rata by one thirty-sixth for each full month of service completed.", RC, terms=[(REPAY, amount)]))


def rc_letter(amount: int):
    return N("Sign-On Bonus", P(
        "You will receive a " + usd(amount) + " sign-on bonus with your first paycheck.", "base_compensation",
        terms=[(SIGN_ON, amount)]),
        P("If you leave us voluntarily within your first two years, you would repay a prorated share of the "
          "bonus, reduced by one twenty-fourth for each month you have "
          "worked; you owe nothing if we end your employment without cause.", RC, terms=[(REPAY, amount)]))
