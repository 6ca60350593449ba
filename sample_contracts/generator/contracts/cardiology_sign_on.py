"""Employed general cardiology with a sign-on bonus (Kentucky). Section 7.2 / (a) / (i) numbering.

Schedule 1 holds a tier table printed as text columns (no rules). Landmines: the $50,000 signing bonus
must be repaid in full if employment ends for any reason within three years (no proration, owed even
on termination without cause); non-compete of forty kilometres (24.85 miles) for eighteen months;
the physician may not treat or notify former patients; technical-component revenue excluded (medium).
"""

from __future__ import annotations

from ..model import Contract, N, P
from ..wording import boilerplate as bp
from ..wording import covenants as cov
from ..wording import pay
from ..wording import tenure as ten
from ._common import defs, make_ctx, signatures, witness


def contract() -> Contract:
    ctx = make_ctx(
        "Employer", "Employer",
        employer_full="Bluegrass Valley Health System, Inc., a Kentucky nonprofit corporation",
        employer_addr="1200 Limestone Pike, Dunmore, Kentucky 40391",
        physician_full="Arjun M. Kapoor, M.D.", physician_addr="406 Keeneland Way, Dunmore, Kentucky 40391",
        eff_date="March 3, 2025", start_date="July 14, 2025", city="Dunmore", state_name="Kentucky",
        county="Fayette Hills County",
        operation="Bluegrass Valley Medical Center and the Bluegrass Heart Institute",
        spec="cardiology", notice_attn="Chief Physician Executive", cme="$4,000", pto_days="twenty-five",
        term_words="fourth", term_years_text="four (4) years", dept="Bluegrass Heart Institute",
        supervisor="Medical Director of the Bluegrass Heart Institute",
        fte_text="ten clinical sessions per week, including two sessions in the non-invasive laboratory",
        site="the Bluegrass Heart Institute", site_addr="1200 Limestone Pike, Suite 300, Dunmore, Kentucky",
    )
    definitions = defs("affiliate", "contract_year", "confidential", "medical_staff", "payers",
                       "primary_site", "services", "start_date", "termination_date", "wrvu")
    grounds = bp.for_cause_grounds(0)
    body = [
        N("Definitions", kids=[N("Definitions", "Unless the context requires otherwise:", *definitions)]),
        N("Employment", kids=[
            bp.employment(2),
            bp.duties(1),
            bp.qualifications(0),
            bp.schedule_and_leave(0),
        ]),
        N("Call", kids=[pay.ca_nested_every_nth("fourth", 4, 1_500)]),
        N("Compensation", kids=[
            pay.bc_words_rate(550_000),
            pay.rc_signing_bonus_full(50_000, "third"),
            N("Productivity Compensation", P(
                "{P_} may earn productivity compensation, based on wRVUs, in addition to the Base Salary as "
                "set out in {ref:sched}.", "rvu_compensation")),
            pay.ai_technical_components(),
            bp.benefits(0),
            bp.billing(1),
        ]),
        N("Insurance", kids=[ten.tc_occurrence()]),
        N("Term and Termination", kids=[
            bp.term(1),
            N("Termination for Cause", "This Agreement may be terminated for cause as follows:", kids=[
                N("By Employer", "Employer may terminate this Agreement immediately by written notice if:",
                  kids=[N(None, g) for g in grounds]),
                N("By Physician",
                  "{P_} may terminate this Agreement if Employer fails to pay any amount when due or "
                  "otherwise materially breaches this Agreement and does not cure the failure or breach "
                  "within thirty (30) days after written notice from {P}."),
            ], key="for_cause"),
            ten.tw_mutual_not_less_than(90),
            bp.death_disability(0),
            bp.effect_of_termination(0),
        ]),
        N("Protective Covenants", kids=[
            bp.confidentiality(0),
            cov.nc_kilometres("cardiology", 40, "eighteen months", 18, "tw"),
            cov.ns_bar_patient_contact(),
            bp.remedies(0, refs="{ref:nc} and {ref:ns}"),
        ]),
        N("General Provisions", kids=[bp.use_of_name(0), bp.notices(1), bp.dispute_resolution(1),
                                        *bp.miscellaneous()]),
    ]
    schedule = N("PRODUCTIVITY COMPENSATION", *pay.rv_text_tier_schedule(7_500, [
        ("1", "7,501 – 9,000", 52.0), ("2", "9,001 – 10,500", 56.0), ("3", "10,501 and above", 60.0)]),
        key="sched")
    return Contract(
        stem="cardiology_sign_on", fmt="pdf", style="section",
        description=("Employed general cardiology: $550,000 base and a $50,000 signing bonus repayable in "
                     "full on any termination within three years; Schedule 1 tier table as text columns; "
                     "40 km (24.85 mi), 18-month non-compete from the primary site with a without-cause "
                     "carve-out; patient non-solicitation that bars treating or notifying patients; call "
                     "every fourth night at $1,500; occurrence coverage; technical components excluded."),
        context={"specialty": "cardiology", "state": "KY", "setting": "employed"},
        ctx=ctx, title=["PHYSICIAN EMPLOYMENT AGREEMENT"],
        header="CONFIDENTIAL — Cardiology Physician Employment Agreement", footer="page",
        front=bp.preamble(0), body=body, closing=witness(0), exhibits=[schedule], exhibit_word="Schedule",
        signatures=signatures(
            "BLUEGRASS VALLEY HEALTH SYSTEM, INC.", "Margaret L. Ashby", "Chief Executive Officer",
                              "Arjun M. Kapoor, M.D.", "1295830476"),
        font="Times-Roman", font_size=10.5, leading=13.4, signature_new_page=True,
    )
