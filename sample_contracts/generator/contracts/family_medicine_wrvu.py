"""Employed family medicine, paid on wRVUs after a one-year guarantee (Iowa). 1. / 1.1 / 1.1.1.

Exhibit A is a two-page compensation plan whose ruled tier table crosses the page break. Landmines:
the guaranteed salary is reconciled against production and the excess must be repaid (salary
clawback, high); first tier at $36.00/wRVU (medium); wRVU values frozen to the 2020 fee schedule
(medium); 60-day notice (medium). No non-compete.
"""

from __future__ import annotations

from ..model import Contract, N
from ..wording import boilerplate as bp
from ..wording import pay
from ..wording import tenure as ten
from ._common import defs, make_ctx, signatures, witness


def contract() -> Contract:
    ctx = make_ctx(
        "Employer", "Employer",
        employer_full="Prairie Health Partners, an Iowa nonprofit corporation",
        employer_addr="310 North Main Street, Marlow, Iowa 50158",
        physician_full="Rebecca L. Sorensen, D.O.", physician_addr="1204 Walnut Street, Marlow, Iowa 50158",
        eff_date="May 5, 2025", start_date="August 4, 2025", city="Marlow", state_name="Iowa",
        county="Story Bend County", operation="seven primary care clinics and an urgent care center",
        spec="family medicine", notice_attn="Vice President, Medical Group", cme="$3,000", pto_days="twenty",
        term_words="third", term_years_text="three (3) years", dept="Marlow Family Medicine Clinic",
        supervisor="Medical Director", fte_text="thirty-six scheduled patient-contact hours per week",
        site="Marlow Family Medicine Clinic", site_addr="310 North Main Street, Marlow, Iowa",
    )
    definitions = defs("affiliate", "contract_year", "confidential", "medical_staff", "payers", "policies",
                       "primary_site", "services", "start_date", "termination_date", "wrvu")
    rates = [36.0, 38.0, 40.0, 42.0, 44.0, 46.0, 48.0, 50.0, 52.0, 54.0, 56.0, 58.0]
    body = [
        N("Definitions", "In this Agreement the following words have the meanings given below.",
          kids=[N(None, d) for d in definitions]),
        N("Employment", kids=[
            bp.employment(1),
            bp.duties(2),
            bp.qualifications(0),
            bp.schedule_and_leave(0),
            bp.leaves_of_absence(1),
            bp.performance_review(0),
            pay.ca_weekend_phone(6, 300),
        ]),
        N("Compensation and Benefits", kids=[
            pay.rv_exhibit_pointer(),
            pay.rc_relocation_forgiven(10_000),
            bp.benefits(2),
            bp.billing(0),
        ]),
        N("Professional Liability Insurance", kids=[ten.tc_employer_tail(0)]),
        N("Term and Termination", kids=[
            bp.term(0),
            bp.termination_for_cause(0, nested=True),
            bp.termination_by_physician(0),
            ten.tw_pay_in_lieu(60),
            bp.death_disability(1),
            bp.effect_of_termination(0),
        ]),
        N("Confidentiality, Records and Compliance", kids=[
            bp.confidentiality(2), bp.records(1), bp.compliance(0)]),
        N("General Provisions", kids=[bp.notices(0), bp.dispute_resolution(0), *bp.miscellaneous()]),
    ]
    body[2].children[0].key = "comp"
    exhibit = N("PHYSICIAN COMPENSATION PLAN",
                *pay.rv_grid_exhibit_body(4_800, 260_000, rates, 400, 2020), key="comp_exhibit")
    return Contract(
        stem="family_medicine_wrvu", fmt="pdf", style="decimal",
        description=("Employed family medicine on wRVUs: Exhibit A (two pages) has a ruled 12-tier wRVU "
                     "table crossing the page break; the one-year $260,000 salary guarantee is reconciled "
                     "against production and any excess must be repaid; first tier $36.00/wRVU; wRVUs "
                     "frozen to the 2020 fee schedule; paid weekend phone call; 60-day notice; employer "
                     "pays tail; no non-compete."),
        context={"specialty": "family medicine", "state": "IA", "setting": "employed"},
        ctx=ctx, title=["PHYSICIAN EMPLOYMENT AGREEMENT", "Prairie Health Partners Medical Group"],
        header="Prairie Health Partners – Physician Employment Agreement (Family Medicine)", footer="page_of",
        front=bp.preamble(0), body=body, closing=witness(0), exhibits=[exhibit], exhibit_word="Exhibit",
        signatures=signatures("PRAIRIE HEALTH PARTNERS", "Janet E. Holloway", "Vice President, Medical Group",
                              "Rebecca L. Sorensen, D.O.", "1013847762"),
        font="Helvetica", font_size=10, leading=13.2,
        lint_allow=["Prairie Health Partners"],  # a name, not a partnership track: a deliberate hard negative
    )
