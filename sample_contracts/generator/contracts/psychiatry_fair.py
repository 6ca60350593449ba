"""Employed outpatient psychiatry (Michigan): the FAIR contract. 1. / 1.1 / 1.1.1 numbering.

No high (or medium) flags by design: narrow five-mile non-compete that falls away on termination
without cause; patient non-solicitation limited to the physician's own patients and leaving patients
free to choose; paid 1:6 phone call with changes only by consent; prorated commencement bonus waived
on termination without cause; employer pays tail; mutual three months' notice; outside income kept.
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
        "Employer", "Employer",
        employer_full="Lakeview Behavioral Health, a Michigan nonprofit corporation",
        employer_addr="455 Harbor Street, Kestrel Harbor, Michigan 49417",
        physician_full="Elliot S. Baranowski, M.D.",
        physician_addr="2810 Dune Ridge Road, Kestrel Harbor, Michigan 49417",
        eff_date="May 19, 2025", start_date="September 8, 2025", city="Kestrel Harbor", state_name="Michigan",
        county="Ottawa Shores County",
        operation="two outpatient behavioral health clinics and a crisis center",
        spec="adult psychiatry", notice_attn="Chief Executive Officer", cme="$4,000", pto_days="twenty-five",
        term_words="third", term_years_text="three (3) years", dept="Harbor Street Clinic",
        supervisor="Medical Director", fte_text="thirty-two scheduled clinical hours per week",
        site="the Harbor Street Clinic", site_addr="455 Harbor Street, Kestrel Harbor, Michigan",
    )
    definitions = defs("affiliate", "contract_year", "confidential", "medical_staff", "payers", "policies",
                       "primary_site", "services", "start_date", "termination_date")
    body = [
        N("Definitions", "In this Agreement, the following terms have the meanings indicated.",
          kids=[N(None, d) for d in definitions]),
        N("Employment", kids=[
            bp.employment(0),
            bp.duties(2),
            N("Clinical Model",
              "{P_} shall provide psychiatric evaluation, medication management and brief psychotherapy to "
              "adults, and shall consult with the Clinic's therapists and primary care clinicians through "
              "the collaborative care program. New patient visits are scheduled for sixty minutes and "
              "follow-up visits for thirty minutes, and Employer shall not shorten those visit lengths "
              "without {P}'s agreement."),
            bp.qualifications(0),
            bp.schedule_and_leave(1),
            bp.leaves_of_absence(0),
            bp.technology(1),
            pay.ca_phone_weekly(6, 250),
        ]),
        N("Compensation and Benefits", kids=[
            pay.bc_with_sign_on(310_000, 20_000),
            pay.rc_commencement_earned(20_000),
            bp.benefits(0),
            bp.billing(1),
            pay.ai_outside_income_retained(),
        ]),
        N("Professional Liability Insurance", kids=[ten.tc_employer_tail(2)]),
        N("Term and Termination", kids=[
            bp.term(1),
            bp.termination_for_cause(0, nested=True),
            bp.termination_by_physician(0),
            ten.tw_months(3),
            bp.death_disability(0),
            bp.effect_of_termination(0),
        ]),
        N("Confidentiality and Covenants", kids=[
            bp.confidentiality(1),
            bp.records(0),
            cov.nc_outpatient_only(5, 12),
            cov.ns_fair_patients(12),
        ]),
        N("General Provisions", kids=[bp.representations(0), bp.notices(0), bp.dispute_resolution(0),
                                        bp.tax_matters(1), *bp.miscellaneous(v=1)]),
    ]
    body[2].children[0].key = "comp"
    return Contract(
        stem="psychiatry_fair", fmt="pdf", style="decimal",
        description=("Employed outpatient psychiatry, deliberately fair: $310,000 salary; $20,000 "
                     "commencement bonus earned over 24 months and waived on termination without cause; "
                     "paid 1:6 phone call; 5-mile, 12-month outpatient-only non-compete that ends on "
                     "termination without cause; fair patient non-solicitation; employer pays tail; three "
                     "months' mutual notice; outside income retained by the physician."),
        context={"specialty": "psychiatry", "state": "MI", "setting": "employed"},
        ctx=ctx, title=["PHYSICIAN EMPLOYMENT AGREEMENT"],
        header="Physician Employment Agreement — Lakeview Behavioral Health", footer="plain",
        front=bp.preamble(0), body=body, closing=witness(0),
        signatures=signatures("LAKEVIEW BEHAVIORAL HEALTH", "Diane R. Koenig", "Chief Executive Officer",
                              "Elliot S. Baranowski, M.D.", "1629184053"),
        font="Times-Roman", font_size=11, leading=14.2,
    )
