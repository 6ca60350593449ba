"""Rural critical-access hospital recruiting a general surgeon (Kansas). ARTICLE / Section 4.01.

Landmines: call every third night; 30 road miles for two years; only the hospital may terminate
without cause. Medium: prorated early-departure liquidated damages ($250,000, sole remedy, below the
salary). Loan assistance prorated and not owed on termination without cause. No malpractice clause.
The signature page starts on a new page.
"""

from __future__ import annotations

from ..model import Contract, N
from ..wording import boilerplate as bp
from ..wording import covenants as cov
from ..wording import pay
from ..wording import tenure as ten
from ._common import defs, make_ctx, signatures, witness


def contract() -> Contract:
    ctx = make_ctx(
        "the Hospital", "Hospital",
        employer_full="Tallgrass County Hospital District No. 1, a Kansas hospital district",
        employer_addr="600 West Santa Fe Trail, Elm Prairie, Kansas 67530",
        physician_full="Owen P. Lindqvist, M.D.",
        physician_addr="215 Cottonwood Street, Elm Prairie, Kansas 67530",
        eff_date="March 31, 2025", start_date="July 1, 2025", city="Elm Prairie", state_name="Kansas",
        county="Tallgrass County", operation="a 25-bed critical access hospital and a rural health clinic",
        spec="general surgery", notice_attn="Chief Executive Officer", cme="$6,000", pto_days="twenty-five",
        term_words="third", term_years_text="three (3) years", dept="Department of Surgery",
        supervisor="Chief Executive Officer", fte_text="four clinic or operating days per week",
        site_addr="600 West Santa Fe Trail, Elm Prairie",
    )
    definitions = defs("affiliate", "cause", "confidential", "contract_year", "medical_staff", "payers",
                       "policies", "services", "start_date", "termination_date")
    body = [
        N("Definitions", kids=[N("Definitions", "As used in this Agreement:", *definitions)]),
        N("Recruitment and Employment", kids=[
            bp.employment(0),
            N("Community Need",
              "The Hospital's board of trustees has determined, based on a community health needs "
              "assessment, that {county} lacks sufficient general surgery services, and that recruiting "
              "{P} to relocate to the Hospital's service area will improve access to care for residents "
              "who would otherwise travel more than ninety minutes for surgical care."),
            bp.duties(2),
            bp.qualifications(0),
            bp.schedule_and_leave(1),
            bp.technology(1),
            bp.leaves_of_absence(1),
        ]),
        N("Emergency Call", kids=[pay.ca_rural_every_third(1_000)]),
        N("Compensation and Benefits", kids=[
            pay.bc_formal(420_000, heading="Annual Salary"),
            pay.rc_loan_assistance(100_000),
            bp.benefits(1),
            bp.billing(1),
        ]),
        N("Term and Termination", kids=[
            bp.term(0),
            ten.tw_employer_only(90, "phys_cause"),
            bp.termination_for_cause(0, nested=True),
            bp.termination_by_physician(1),
            bp.death_disability(0),
            bp.effect_of_termination(0),
            cov.ld_early_departure(250_000, 36),
        ]),
        N("Covenants", kids=[bp.confidentiality(0), cov.nc_rural(30, 2)]),
        N("General Provisions", kids=[bp.representations(0), bp.notices(0), bp.dispute_resolution(1),
                                        bp.tax_matters(0), *bp.miscellaneous(v=1)]),
    ]
    body[4].children[3].key = "phys_cause"
    return Contract(
        stem="general_surgery_rural", fmt="pdf", style="article",
        description=("Critical-access hospital recruiting a general surgeon: call every third night at "
                     "$1,000 a day; only the hospital may terminate without cause (90 days); 30 road "
                     "miles, 2-year non-compete from the hospital; prorated $250,000 early-departure "
                     "liquidated damages as the sole remedy; $100,000 loan assistance repaid pro rata; no "
                     "malpractice clause."),
        context={"specialty": "general surgery", "state": "KS", "setting": "employed"},
        ctx=ctx, title=["PHYSICIAN RECRUITMENT AND EMPLOYMENT AGREEMENT"],
        header="Physician Recruitment and Employment Agreement – Tallgrass County Hospital", footer="page_of",
        front=bp.preamble(0), body=body, closing=witness(1),
        signatures=signatures("TALLGRASS COUNTY HOSPITAL DISTRICT NO. 1", "Ruth A. Steinmetz",
                              "Chief Executive Officer", "Owen P. Lindqvist, M.D.", "1932716480"),
        font="Courier", font_size=10, leading=12.6, justify=False, signature_new_page=True,
    )
